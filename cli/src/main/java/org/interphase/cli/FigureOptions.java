package org.interphase.cli;

import org.interphase.viz.chart.Charts;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of the charts a command writes under {@code --out}. */
public final class FigureOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** Resolution of the PNG charts, dots per inch. */
  int dpi = Charts.DEFAULT_DPI;

  @Option(names = "--dpi", paramLabel = "DPI", description = "Resolution of the PNG charts in dots per inch (default 150; 300 for print). "
      + "The SVG beside each PNG scales to any size.")
  void setDpi(int v) {
    if (v < 50 || v > 1200) {
      throw new CommandLine.ParameterException(mixee.commandLine(), "--dpi " + v + ": give a resolution between 50 and 1200 dots per inch");
    }
    dpi = v;
  }
}
