package org.interphase.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.DiffusionFitWindow;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.core.FrameSource;
import org.interphase.core.Measurement;
import org.interphase.viz.chart.ChartSpec;
import org.interphase.viz.chart.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase msd PATH --species Li}: MSD → D → σ. */
@Command(name = "msd", mixinStandardHelpOptions = true,
    description = {"Mean squared displacement of one species, diffusion coefficient with a correlation-aware error, "
        + "and Nernst-Einstein conductivity.",
        "Defaults: fit window from 10 %% to 50 %% of the run; drift corrected against every other element."})
final class MsdCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Mixin
  MsdOptions msd;

  @Option(names = "--out", paramLabel = "DIR", description = "Write msd.csv, msd.json, msd.png and msd.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    MsdParameters p = parameters();
    MsdResult r;
    List<String> readWarnings;
    try (FrameSource src = Inputs.openTrajectory(path, input.toReadOptions())) {
      if (src.header().atoms().indicesOf(p.species()).length == 0) {
        throw new IllegalArgumentException("no " + p.species() + " atoms in " + src.header().source() + " (it has "
            + String.join(", ", src.header().atoms().speciesCounts().keySet()) + ")");
      }
      MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(p).start(src.header());
      Progress.feed(src, "reading frames", acc);
      readWarnings = new ArrayList<>(src.warnings());
      r = acc.finish();
    }
    List<String> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(warnings(r));
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(w -> err.println("warning: " + w));
    err.flush();
    ObjectNode doc = toJson(r, warnings);
    if (out != null) {
      Path dir = Csv.dir(out);
      Csv.write(dir.resolve("msd.csv"), List.of("lag_ps", "msd_a2", "msd_x_a2", "msd_y_a2", "msd_z_a2"), r.lagPs(), r.msdA2(),
          r.msdComponentsA2()[0], r.msdComponentsA2()[1], r.msdComponentsA2()[2]);
      Csv.writeText(dir.resolve("msd.json"), Json.write(doc));
      Charts.write(chart(r), dir.resolve("msd"), 900, 600);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(doc));
    } else {
      printHuman(o, r);
    }
    o.flush();
    return 0;
  }

  /** The result's warnings and those of its fit window ({@link DiffusionFitWindow}): what the text, JSON and report show. */
  static List<String> warnings(MsdResult r) {
    List<String> w = new ArrayList<>(r.warnings());
    DiffusionFitWindow.check(r).warnings().forEach(x -> w.add(x.message()));
    return w;
  }

  private MsdParameters parameters() {
    return msd.parameters(input, msd.temperatureK == null ? Double.NaN : msd.temperatureK);
  }

  /** D (correlation-aware and plain OLS) and σ with their errors, and the number density behind σ. */
  static void putTransport(ObjectNode o, MsdResult r) {
    Json.put(o, "diffusivity_cm2_s", r.diffusivity().value());
    Json.put(o, "diffusivity_stderr_cm2_s", r.diffusivity().stdErr());
    Json.put(o, "diffusivity_ols_cm2_s", r.diffusivityOls().value());
    Json.put(o, "diffusivity_ols_stderr_cm2_s", r.diffusivityOls().stdErr());
    Json.put(o, "conductivity_s_cm", r.conductivity().value());
    Json.put(o, "conductivity_stderr_s_cm", r.conductivity().stdErr());
    Json.put(o, "number_density_per_a3", r.numberDensityPerA3());
  }

  static ObjectNode toJson(MsdResult r, List<String> warnings) {
    ObjectNode o = Json.object();
    o.put("species", r.species());
    o.put("atoms", r.atoms());
    o.put("frames", r.frames());
    Json.put(o, "timestep_fs", r.timestepFs());
    Json.put(o, "temperature_k", r.temperatureK());
    o.put("temperature_source", r.temperatureSource());
    o.put("axes", r.axes());
    Json.put(o, "fit_start_ps", r.fitStartPs());
    Json.put(o, "fit_end_ps", r.fitEndPs());
    o.put("fit_points", r.fitPoints());
    putTransport(o, r);
    if (r.havenRatio() != null) {
      Json.put(o, "haven_ratio", r.havenRatio().value());
      Json.put(o, "haven_ratio_stderr", r.havenRatio().stdErr());
    }
    o.put("drift_reference", r.driftReference());
    if (r.region() == null) {
      o.putNull("region");
    } else {
      o.put("region", r.region().toString());
    }
    o.put("method", r.method());
    ArrayNode lag = o.putArray("lag_ps");
    ArrayNode msd = o.putArray("msd_a2");
    for (int i = 0; i < r.lagPs().length; i++) {
      lag.add(r.lagPs()[i]);
      if (Double.isFinite(r.msdA2()[i])) {
        msd.add(r.msdA2()[i]);
      } else {
        msd.addNull();
      }
    }
    ArrayNode ngpLag = o.putArray("ngp_lag_ps");
    ArrayNode ngp = o.putArray("ngp");
    for (int i = 0; i < r.ngp().length; i++) {
      ngpLag.add(r.ngpLagPs()[i]);
      ngp.add(r.ngp()[i]);
    }
    ArrayNode w = o.putArray("warnings");
    warnings.forEach(w::add);
    return o;
  }

  static ChartSpec chart(MsdResult r) {
    double slopeA2PerPs = r.diffusivity().value() / 0.1 * 2 * r.axes().length() * 1000;
    double intercept = 0;
    // the GLS line is drawn through the mean of the window: show the fitted slope where it was fitted
    int from = 0;
    int to = 0;
    for (int i = 0; i < r.lagPs().length; i++) {
      if (r.lagPs()[i] <= r.fitStartPs() + 1e-12) {
        from = i;
      }
      if (r.lagPs()[i] <= r.fitEndPs() + 1e-12) {
        to = i;
      }
    }
    double mx = 0;
    double my = 0;
    for (int i = from; i <= to; i++) {
      mx += r.lagPs()[i];
      my += r.msdA2()[i];
    }
    mx /= to - from + 1;
    my /= to - from + 1;
    intercept = my - slopeA2PerPs * mx;
    double[] fx = {r.fitStartPs(), r.fitEndPs()};
    double[] fy = {intercept + slopeA2PerPs * fx[0], intercept + slopeA2PerPs * fx[1]};
    String label = String.format(Locale.ROOT, "D = %s", r.diffusivity());
    return new ChartSpec(r.species() + " mean squared displacement (" + r.axes() + ")", "lag (ps)", "MSD (Å²)",
        List.of(new ChartSpec.Series("MSD", r.lagPs(), r.msdA2(), null, ChartSpec.Style.LINE),
            new ChartSpec.Series("fit: " + label, fx, fy, null, ChartSpec.Style.DASHED)),
        r.fitStartPs(), r.fitEndPs(), "fit window");
  }

  private static String describe(DiffusionFitWindow.Problem p) {
    return switch (p) {
      case SHORT_WINDOW -> "short window";
      case SMALL_DISPLACEMENT -> "small displacement";
      case SUB_DIFFUSIVE -> "sub-diffusive";
      case SUPER_DIFFUSIVE -> "super-diffusive";
    };
  }

  private static void printHuman(PrintWriter o, MsdResult r) {
    o.printf(Locale.ROOT, "%s MSD: %d atoms, %d frames, %.4g fs between frames, axes %s%n", r.species(), r.atoms(), r.frames(),
        r.timestepFs(), r.axes());
    o.printf(Locale.ROOT, "  drift reference   %s%n", r.driftReference());
    if (r.region() != null) {
      o.printf(Locale.ROOT, "  region            %s%n", r.region());
    }
    o.printf(Locale.ROOT, "  fit window        %.4g – %.4g ps (%d lags)%n", r.fitStartPs(), r.fitEndPs(), r.fitPoints());
    DiffusionFitWindow.Check check = DiffusionFitWindow.check(r);
    o.printf(Locale.ROOT, "  window check      log–log slope %.2f, MSD at the end %.3g Å²: %s%n", check.logLogSlope(), check.endMsdA2(),
        check.warnings().isEmpty() ? "diffusive" : "D doubtful (" + String.join(", ", check.warnings().stream()
            .map(w -> describe(w.problem())).toList()) + "; see the warnings)");
    o.printf(Locale.ROOT, "  D                 %s   (correlation-aware error)%n", r.diffusivity());
    o.printf(Locale.ROOT, "  D (plain OLS)     %s%n", r.diffusivityOls());
    Measurement s = r.conductivity();
    if (Double.isNaN(s.value())) {
      o.println("  σ (Nernst–Einstein) not computed: no temperature (pass --temperature-k)");
    } else {
      Measurement shown = Math.abs(s.value()) < 0.1 ? s.scaled(1000, "mS/cm") : s;
      o.printf(Locale.ROOT, "  σ (Nernst–Einstein) %s at %.1f K (%s), n = %.4g Å⁻³%n", shown, r.temperatureK(), r.temperatureSource(),
          r.numberDensityPerA3());
    }
    if (r.havenRatio() != null) {
      o.printf(Locale.ROOT, "  Haven ratio       %s%n", r.havenRatio());
    }
  }
}
