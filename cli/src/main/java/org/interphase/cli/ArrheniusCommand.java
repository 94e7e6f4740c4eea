package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.Arrhenius;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.ArrheniusViews;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.msd.MsdViews;
import org.interphase.core.Warning;
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
  FigureOptions figures;

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
    List<Warning> warnings = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Path run = runs.get(i);
      double t = temperatures == null ? (msd.temperatureK == null ? Double.NaN : msd.temperatureK) : temperatures.get(i);
      Inputs.Outcome<MsdResult> o = Inputs.analyse(run, input.toReadOptions(), new MeanSquaredDisplacement(msd.parameters(input, t)));
      MsdResult r = o.result();
      o.pass().warnings().forEach(w -> warnings.add(new Warning(w.kind(), Located.warning(run.toString(), w.text()))));
      MsdViews.warnings(r).forEach(w -> warnings.add(new Warning(w.kind(), run + ": " + w.text())));
      points.add(new Arrhenius.Point(run.toString(), r.temperatureK(), r.diffusivity(), r.numberDensityPerA3(), msd.charge,
          o.pass().header().atoms().speciesCounts()));
    }
    org.interphase.core.view.Views views = ArrheniusViews.of(Arrhenius.fit(points, targetK), warnings);
    views.json().put("estimator", msd.estimator.key()); // whose D and errors every run gave the fit
    ResultWriter.emit(spec, views, out, json);
    return 0;
  }
}
