package org.interphase.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.Arrhenius;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.core.FrameSource;
import org.interphase.viz.chart.ChartSpec;
import org.interphase.viz.chart.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase arrhenius RUN…}: D(T) of several runs → Ea, D and σ at 300 K. */
@Command(name = "arrhenius", mixinStandardHelpOptions = true,
    description = {"Diffusion coefficients of runs at several temperatures → activation energy with its standard error, and D and σ "
        + "(S/cm) extrapolated to a target temperature with 95 %% confidence intervals.",
        "Runs at fewer than two different temperatures are refused; fewer than three temperatures, Ea < 0, temperatures within 5 %% of "
            + "each other, runs of different composition and MSD fit windows that cannot give D are warned about."})
final class ArrheniusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  MsdOptions msd;

  @Parameters(arity = "2..*", paramLabel = "RUN", description = "Trajectory files or MD run directories, one per temperature.")
  List<Path> runs;

  @Option(names = "--temperatures-k", split = ",", paramLabel = "K,K,…", description = "The temperature of each run, in the order given "
      + "(default: each run's mean instantaneous temperature).")
  List<Double> temperatures;

  @Option(names = "--target-k", paramLabel = "K", defaultValue = "300", description = "Extrapolate D and σ to this temperature (default "
      + "${DEFAULT-VALUE} K).")
  double targetK;

  @Option(names = "--out", paramLabel = "DIR", description = "Write arrhenius.csv (one row per run and the extrapolation, σ in S/cm), "
      + "arrhenius.json, arrhenius.png and arrhenius.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    if (temperatures != null && temperatures.size() != runs.size()) {
      throw new IllegalArgumentException("--temperatures-k gives " + temperatures.size() + " values for " + runs.size() + " runs");
    }
    List<Arrhenius.Point> points = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Path run = runs.get(i);
      double t = temperatures == null ? (msd.temperatureK == null ? Double.NaN : msd.temperatureK) : temperatures.get(i);
      MsdResult r;
      java.util.Map<String, Integer> composition;
      try (FrameSource src = Inputs.openTrajectory(runs.get(i), input.toReadOptions())) {
        composition = src.header().atoms().speciesCounts();
        MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(msd.parameters(input, t)).start(src.header());
        Progress.feed(src, "reading " + runs.get(i).getFileName(), acc);
        src.warnings().forEach(w -> warnings.add(Located.warning(run.toString(), w)));
        r = acc.finish();
      }
      MsdCommand.warnings(r).forEach(w -> warnings.add(run + ": " + w));
      points.add(new Arrhenius.Point(runs.get(i).toString(), r.temperatureK(), r.diffusivity(), r.numberDensityPerA3(), msd.charge,
          composition));
    }
    Arrhenius.Result fit = Arrhenius.fit(points, targetK);
    fit.warnings().forEach(w -> warnings.add(w.message()));
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(w -> err.println("warning: " + w));
    err.flush();
    ObjectNode doc = toJson(fit, warnings);
    if (out != null) {
      Path dir = Csv.dir(out);
      Csv.writeText(dir.resolve("arrhenius.csv"), csv(fit));
      Csv.writeText(dir.resolve("arrhenius.json"), Json.write(doc));
      Charts.write(chart(fit), dir.resolve("arrhenius"), 900, 600);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(doc));
    } else {
      printHuman(o, fit);
    }
    o.flush();
    return 0;
  }

  private static void printHuman(PrintWriter o, Arrhenius.Result fit) {
    o.printf(Locale.ROOT, "  %-40s %9s   %-26s %s%n", "run", "T (K)", "D (cm²/s)", "σ (S/cm)");
    for (Arrhenius.Point p : fit.points()) {
      o.printf(Locale.ROOT, "  %-40s %9.1f   %-26s %s%n", p.name(), p.temperatureK(), p.diffusivity(), p.conductivity());
    }
    o.printf(Locale.ROOT, "Ea = %s (standard error from %d temperatures%s)   D0 = %s%n", fit.activationEnergyEv(), fit.temperatures(),
        Double.isNaN(fit.chiSquaredReduced()) ? "" : String.format(Locale.ROOT, ", χ²/dof %.3g", fit.chiSquaredReduced()),
        fit.prefactor());
    Arrhenius.Interval d = fit.extrapolatedDiffusivityInterval();
    Arrhenius.Interval s = fit.extrapolatedConductivityInterval();
    o.printf(Locale.ROOT, "at %.0f K: D = %s (%.0f %% CI %.3e – %.3e cm²/s)%n", fit.targetK(), fit.extrapolatedDiffusivity(),
        100 * d.level(), d.lower(), d.upper());
    o.printf(Locale.ROOT, "          σ = %s (%.0f %% CI %.3e – %.3e S/cm)%n", fit.extrapolatedConductivity(), 100 * s.level(), s.lower(),
        s.upper());
  }

  /** One row per run and a last row for the extrapolation; σ in S/cm, intervals only on the extrapolated row. */
  static String csv(Arrhenius.Result fit) {
    StringBuilder b = new StringBuilder("run,temperature_k,diffusivity_cm2_s,diffusivity_stderr_cm2_s,diffusivity_ci95_low_cm2_s,"
        + "diffusivity_ci95_high_cm2_s,conductivity_s_cm,conductivity_stderr_s_cm,conductivity_ci95_low_s_cm,conductivity_ci95_high_s_cm\n");
    for (Arrhenius.Point p : fit.points()) {
      b.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%s,,,%s,%s,,%n", p.name().replace("\"", "'"), n(p.temperatureK()),
          n(p.diffusivity().value()), n(p.diffusivity().stdErr()), n(p.conductivity().value()), n(p.conductivity().stdErr())));
    }
    b.append(String.format(Locale.ROOT, "\"extrapolated\",%s,%s,%s,%s,%s,%s,%s,%s,%s%n", n(fit.targetK()),
        n(fit.extrapolatedDiffusivity().value()), n(fit.extrapolatedDiffusivity().stdErr()), n(fit.extrapolatedDiffusivityInterval().lower()),
        n(fit.extrapolatedDiffusivityInterval().upper()), n(fit.extrapolatedConductivity().value()),
        n(fit.extrapolatedConductivity().stdErr()), n(fit.extrapolatedConductivityInterval().lower()),
        n(fit.extrapolatedConductivityInterval().upper())));
    return b.toString();
  }

  private static String n(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  static ObjectNode toJson(Arrhenius.Result fit, List<String> warnings) {
    ObjectNode o = Json.object();
    ArrayNode rs = o.putArray("runs");
    for (Arrhenius.Point p : fit.points()) {
      ObjectNode r = rs.addObject();
      r.put("path", p.name());
      Json.put(r, "temperature_k", p.temperatureK());
      Json.put(r, "diffusivity_cm2_s", p.diffusivity().value());
      Json.put(r, "diffusivity_stderr_cm2_s", p.diffusivity().stdErr());
      Json.put(r, "conductivity_s_cm", p.conductivity().value());
      Json.put(r, "conductivity_stderr_s_cm", p.conductivity().stdErr());
      Json.put(r, "number_density_per_a3", p.numberDensityPerA3());
      ObjectNode c = r.putObject("species");
      p.composition().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey(), e.getValue()));
    }
    o.put("temperatures", fit.temperatures());
    Json.put(o, "activation_energy_ev", fit.activationEnergyEv().value());
    Json.put(o, "activation_energy_stderr_ev", fit.activationEnergyEv().stdErr());
    Json.put(o, "prefactor_cm2_s", fit.prefactor().value());
    Json.put(o, "prefactor_stderr_cm2_s", fit.prefactor().stdErr());
    Json.put(o, "target_temperature_k", fit.targetK());
    Json.put(o, "confidence_level", fit.extrapolatedDiffusivityInterval().level());
    Json.put(o, "extrapolated_diffusivity_cm2_s", fit.extrapolatedDiffusivity().value());
    Json.put(o, "extrapolated_diffusivity_stderr_cm2_s", fit.extrapolatedDiffusivity().stdErr());
    interval(o, "extrapolated_diffusivity_ci_cm2_s", fit.extrapolatedDiffusivityInterval());
    Json.put(o, "extrapolated_conductivity_s_cm", fit.extrapolatedConductivity().value());
    Json.put(o, "extrapolated_conductivity_stderr_s_cm", fit.extrapolatedConductivity().stdErr());
    interval(o, "extrapolated_conductivity_ci_s_cm", fit.extrapolatedConductivityInterval());
    Json.put(o, "chi_squared_reduced", fit.chiSquaredReduced());
    ArrayNode w = o.putArray("warnings");
    warnings.forEach(w::add);
    return o;
  }

  private static void interval(ObjectNode o, String key, Arrhenius.Interval i) {
    ArrayNode a = o.putArray(key);
    for (double v : new double[] {i.lower(), i.upper()}) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.addNull();
      }
    }
  }

  static ChartSpec chart(Arrhenius.Result fit) {
    int n = fit.points().size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      Arrhenius.Point p = fit.points().get(i);
      x[i] = 1000 / p.temperatureK();
      y[i] = Math.log10(p.diffusivity().value());
      e[i] = p.diffusivity().stdErr() / p.diffusivity().value() / Math.log(10);
    }
    double lo = Math.min(1000 / fit.targetK(), java.util.Arrays.stream(x).min().orElse(0));
    double hi = java.util.Arrays.stream(x).max().orElse(1);
    double[] fx = {lo, hi};
    double k = org.interphase.core.Units.BOLTZMANN_EV_PER_K;
    double[] fy = new double[2];
    for (int i = 0; i < 2; i++) {
      fy[i] = Math.log10(fit.prefactor().value()) - fit.activationEnergyEv().value() / (k * 1000 / fx[i]) / Math.log(10);
    }
    return new ChartSpec("Arrhenius: Ea = " + fit.activationEnergyEv(), "1000/T (1/K)", "log10 D (cm²/s)",
        List.of(new ChartSpec.Series("runs", x, y, e, ChartSpec.Style.POINTS),
            new ChartSpec.Series("fit, extrapolated to " + (int) fit.targetK() + " K", fx, fy, null, ChartSpec.Style.DASHED)),
        Double.NaN, Double.NaN, null);
  }
}
