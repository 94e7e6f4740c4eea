package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.core.MissingInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase demo}: the report of the bundled examples. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs report on the bundled examples (examples/demo.json) and prints where the page is.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Option(names = "--examples", paramLabel = "DIR", defaultValue = "examples", description = "The examples folder (default ${DEFAULT-VALUE}).")
  Path examples;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "interphase-demo", description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Path manifest = examples.resolve("demo.json");
    if (!Files.isRegularFile(manifest)) {
      throw new MissingInputException(manifest + ": no such file (run demo from the project folder, or pass --examples DIR)");
    }
    long t0 = System.nanoTime();
    Path page = Report.build(ReportPlan.read(manifest), out, input.toReadOptions(), spec.commandLine().getErr(), figures.dpi);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "demo report (%.1f s): %s%n", (System.nanoTime() - t0) / 1e9, page.toAbsolutePath().normalize());
    o.println("open it in a browser; the JSON and CSV behind each figure are beside it");
    o.flush();
    return 0;
  }
}
