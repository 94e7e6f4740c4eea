package org.interphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.MsdParameters;
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
        "Defaults: fit window to 50 %% of the run, from the earliest of 2, 5 and 10 %% of it where the MSD is a straight line; "
            + "drift corrected against every other element."})
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
    MsdParameters p = msd.parameters(input, msd.temperatureK == null ? Double.NaN : msd.temperatureK);
    ResultWriter.emit(spec, RunAnalyses.msd(path, input.toReadOptions(), p, null), out, json);
    return 0;
  }
}
