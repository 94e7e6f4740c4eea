package org.interphase.cli;

import java.util.List;
import org.interphase.analysis.msd.DiffusionEstimator;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.Region;
import picocli.CommandLine.Option;

/** The MSD options shared by {@code msd} and {@code arrhenius}. */
final class MsdOptions {
  @Option(names = "--species", required = true, paramLabel = "EL", description = "Mobile species, e.g. Li.")
  String species;

  @Option(names = "--temperature-k", paramLabel = "K", description = "Temperature for Nernst-Einstein (default: mean of the run's "
      + "instantaneous temperatures, when the files have them).")
  Double temperatureK;

  @Option(names = "--fit-start-ps", paramLabel = "PS", description = "Start of the fit window, ps (inclusive; default: the "
      + "earliest of 2, 5 and 10 %% of the run from which the MSD is a straight line, else 10 %%).")
  Double fitStartPs;

  @Option(names = "--fit-end-ps", paramLabel = "PS", description = "End of the fit window, ps (inclusive; default 50 %% of "
      + "the run).")
  Double fitEndPs;

  @Option(names = "--axes", paramLabel = "AXES", defaultValue = "xyz", description = "Components: x, y, z, xy, xz, yz or xyz (default "
      + "${DEFAULT-VALUE}); D = slope/(2·d).")
  String axes;

  @Option(names = "--region", paramLabel = "AXIS=LO:HI", description = "Only displacements whose both ends lie in this slab (Å), e.g. z=12.0:18.5.")
  String region;

  @Option(names = "--drift-reference", paramLabel = "EL,…|none", split = ",", description = "Elements whose mean displacement is removed "
      + "each frame (default: all but the mobile species), or none.")
  List<String> driftReference;

  @Option(names = "--charge", paramLabel = "Z", defaultValue = "1", description = "Ion charge in e (default ${DEFAULT-VALUE}).")
  double charge;

  @Option(names = "--haven", description = "Also compute the Haven ratio from the mean squared charge displacement.")
  boolean haven;

  @Option(names = "--estimator", paramLabel = "gls|ols", defaultValue = "gls", converter = EstimatorConverter.class,
      description = "How D is fitted: gls (default), generalised least squares with the modelled covariance of the MSD points (smaller "
          + "spread, calibrated interval), or ols, least squares through every lag with a correlation-aware error. Both are reported.")
  DiffusionEstimator estimator;

  /** {@code gls}/{@code ols} in any case. */
  static final class EstimatorConverter implements picocli.CommandLine.ITypeConverter<DiffusionEstimator> {
    @Override
    public DiffusionEstimator convert(String value) {
      for (DiffusionEstimator e : DiffusionEstimator.values()) {
        if (e.key().equalsIgnoreCase(value.trim())) {
          return e;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("expected gls or ols, got \"" + value + "\"");
    }
  }

  MsdParameters parameters(InputOptions input, double temperature) {
    List<String> drift = null;
    if (driftReference != null) {
      drift = driftReference.size() == 1 && driftReference.get(0).equalsIgnoreCase("none") ? List.of() : driftReference;
    }
    return new MsdParameters(species, axes, input.timestepFs == null ? Double.NaN : input.timestepFs,
        fitStartPs == null ? Double.NaN : fitStartPs, fitEndPs == null ? Double.NaN : fitEndPs, drift,
        region == null ? null : Region.parse(region), charge, temperature, haven, RunAnalyses.MSD_BLOCKS, estimator);
  }
}
