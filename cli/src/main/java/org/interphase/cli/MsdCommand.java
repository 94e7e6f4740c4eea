package org.interphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.msd.MsdViews;
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

  @Mixin
  FigureOptions figures;

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
    MeanSquaredDisplacement analysis = new MeanSquaredDisplacement(msd.parameters(input, msd.temperatureK == null ? Double.NaN
        : msd.temperatureK));
    Inputs.Outcome<MsdResult> o = Inputs.analyse(path, input.toReadOptions(), analysis);
    ResultWriter.emit(spec, MsdViews.of(o.result(), o.pass().warnings()), out, json);
    return 0;
  }
}
