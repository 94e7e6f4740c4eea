package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.interphase.parsers.RunDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase report PATH… --out DIR}: one HTML page with every analysis that fits. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"One self-contained HTML page with every analysis that fits the inputs (structures, MSD, bond events and motifs, "
        + "interface energies, NEB profiles), with the JSON and CSV behind each figure beside it.",
        "PATHs are MD or NEB runs; --manifest describes interfaces and options (see examples/demo.json). What cannot be computed "
            + "is said on the page, with what to do; the parameters of every analysis are listed at its end."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "MD runs and NEB runs (files or folders).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--manifest", paramLabel = "FILE.json", description = "A report plan (paths relative to the file).")
  Path manifest;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where index.html and the data go.")
  Path out;

  @Override
  public Integer call() {
    ReportPlan plan = manifest != null ? ReportPlan.read(manifest) : planFor(paths);
    Path page = Report.build(plan, out, input.toReadOptions(), spec.commandLine().getErr(), figures.dpi);
    PrintWriter o = spec.commandLine().getOut();
    o.println("report: " + page.toAbsolutePath().normalize());
    o.flush();
    return 0;
  }

  private static ReportPlan planFor(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give run paths or --manifest");
    }
    List<ReportPlan.Md> md = new ArrayList<>();
    List<ReportPlan.Neb> neb = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p) && !RunDiscovery.nebRuns(p).isEmpty()) {
        neb.add(new ReportPlan.Neb(p.getFileName().toString(), p, null));
      } else {
        md.add(new ReportPlan.Md(p, "Li", Double.NaN, Double.NaN, Double.NaN, null, null, false, List.of(), null));
      }
    }
    return new ReportPlan("Interphase report", md, List.of(), neb);
  }
}
