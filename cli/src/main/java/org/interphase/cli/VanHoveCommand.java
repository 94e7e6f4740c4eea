package org.interphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.Region;
import org.interphase.analysis.vanhove.VanHove;
import org.interphase.analysis.vanhove.VanHoveParameters;
import org.interphase.analysis.vanhove.VanHoveResult;
import org.interphase.analysis.vanhove.VanHoveViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase vanhove PATH --species Li --lags-ps 0.5,1,2}: self and distinct parts of the van Hove correlation. */
@Command(name = "vanhove", mixinStandardHelpOptions = true,
    description = {"van Hove correlation of one species at the given lags: the self part 4πr²G_s(r, t), the distribution of how far "
        + "an atom moves in t (∫ dr = 1), and the distinct part G_d(r, t), where the other atoms are at t around where one was at 0 "
        + "(1 for an ideal gas).",
        "Unsmoothed histograms over every time origin of the unwrapped, drift-corrected trajectory; each lag is rounded to whole "
            + "frames. Every periodic image within --r-max is counted, also beyond half the cell (with a warning)."})
final class VanHoveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Option(names = "--species", required = true, paramLabel = "EL", description = "The species followed, e.g. Li.")
  String species;

  @Option(names = "--lags-ps", required = true, paramLabel = "PS[,PS…]", description = "Lag times in ps, e.g. 0.5,1,2 (each rounded to "
      + "the nearest frame).")
  String lagsPs;

  @Option(names = "--r-max", paramLabel = "Å", description = "Largest distance, Å (default 10, the distinct part then only up to half "
      + "the first cell's smallest width when that is less).")
  Double rMaxA;

  @Option(names = "--bin-a", paramLabel = "Å", defaultValue = "0.1", description = "Bin width, Å (default ${DEFAULT-VALUE}).")
  double binA;

  @Option(names = "--region", paramLabel = "AXIS=LO:HI", description = "Only atoms in this slab (Å) at the time origin, e.g. "
      + "z=12.0:18.5.")
  String region;

  @Option(names = "--axes", paramLabel = "AXES", defaultValue = "xyz", description = "Components of the self part's displacement: "
      + "xyz (default), xy, z, …")
  String axes;

  @Option(names = "--out", paramLabel = "DIR", description = "Write vanhove.csv, vanhove_lags.csv, vanhove.json, vanhove_self.png/.svg "
      + "and vanhove_distinct.png/.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    VanHoveParameters p;
    try {
      p = new VanHoveParameters(species, VanHoveParameters.parseLags(lagsPs), null, input.timestepFs == null ? Double.NaN
          : input.timestepFs, rMaxA == null ? Double.NaN : rMaxA, binA, VanHoveParameters.DEFAULT_DISPLACED_A)
          .withRegion(region == null ? null : Region.parse(region)).withAxes(axes);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Inputs.Outcome<VanHoveResult> o = Inputs.analyse(path, input.toReadOptions(), new VanHove(p));
    ResultWriter.emit(spec, VanHoveViews.of(o.result(), o.pass().warnings()), out, json);
    return 0;
  }
}
