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
import org.interphase.analysis.msd.Region;
import picocli.CommandLine;
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

  @Option(names = "--species", paramLabel = "EL", defaultValue = "Li", description = "Mobile species of the MD runs (default "
      + "${DEFAULT-VALUE}).")
  String species;

  @Option(names = "--temperature-k", paramLabel = "K", description = "Temperature for Nernst–Einstein σ (default: the mean "
      + "instantaneous temperature of each run, when the files give it).")
  Double temperatureK;

  @Option(names = "--fit-start-ps", paramLabel = "PS", description = "Start of the MSD fit window, ps (default: the "
      + "earliest of 2, 5 and 10 %% of the run from which the MSD is a straight line).")
  Double fitStartPs;

  @Option(names = "--fit-end-ps", paramLabel = "PS", description = "End of the MSD fit window, ps (default 50 %% of the run).")
  Double fitEndPs;

  @Option(names = "--region", paramLabel = "AXIS=LO:HI", description = "A layer (Å), e.g. z=12.0:18.5, for transport, g(r) and hops "
      + "per layer; repeat for several.")
  List<String> regions = new ArrayList<>();

  @Override
  public Integer call() {
    if (manifest != null && (temperatureK != null || fitStartPs != null || fitEndPs != null || !regions.isEmpty()
        || !"Li".equals(species))) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--species, --temperature-k, --fit-start-ps, --fit-end-ps and "
          + "--region apply to PATHs; with --manifest set them per run in the manifest (see examples/demo.json)");
    }
    for (String r : regions) {
      try {
        Region.parse(r);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    ReportPlan plan = manifest != null ? ReportPlan.read(manifest) : planFor(paths, this);
    Path page = Report.build(plan, out, input.toReadOptions(), spec.commandLine().getErr(), figures.dpi);
    PrintWriter o = spec.commandLine().getOut();
    o.println("report: " + page.toAbsolutePath().normalize());
    o.flush();
    return 0;
  }

  private static ReportPlan planFor(List<Path> paths, ReportCommand o) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give run paths or --manifest");
    }
    List<ReportPlan.Md> md = new ArrayList<>();
    List<ReportPlan.Neb> neb = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p) && !RunDiscovery.nebRuns(p).isEmpty()) {
        neb.add(new ReportPlan.Neb(p.getFileName().toString(), p, null));
      } else {
        md.add(new ReportPlan.Md(p, o.species, nan(o.temperatureK), nan(o.fitStartPs), nan(o.fitEndPs), null, null, false,
            List.copyOf(o.regions), null));
      }
    }
    return new ReportPlan("Interphase report", md, List.of(), neb);
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }
}
