package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.interphase.analysis.hops.HopAnalysis;
import org.interphase.analysis.hops.HopParameters;
import org.interphase.analysis.hops.HopResult;
import org.interphase.analysis.hops.HopViews;
import org.interphase.analysis.msd.Region;
import org.interphase.core.Warning;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interphase hops PATH --species Li [--sites auto|FILE]}: sites, hops, residence times, rates, D_jump. */
@Command(name = "hops", mixinStandardHelpOptions = true,
    description = {"Sites of a mobile species and the hops between them: sites from the time-averaged density (maxima of the smoothed "
        + "density) or from a reference structure; an atom enters a site within --r-in, leaves it beyond --r-out, and a new site "
        + "counts after --min-frames frames, so rattling is no hop.",
        "Reports hop events, rates and residence times per site type, the transition matrix, and D_jump = Σ l² / (6 N t) beside "
            + "the tracer D from the MSD."})
final class HopsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Option(names = "--species", required = true, paramLabel = "EL", description = "The mobile element, e.g. Li.")
  String species;

  @Option(names = "--sites", paramLabel = "auto|FILE", defaultValue = "auto", description = "auto (default): from the density; or a "
      + "structure file (POSCAR, CONTCAR, …) whose atoms of the species (all atoms if it has none) are the sites.")
  String sites;

  @Option(names = "--r-in", paramLabel = "Å", defaultValue = "0.8", description = "Enter a site within this distance (default "
      + "${DEFAULT-VALUE} Å).")
  double enterA;

  @Option(names = "--r-out", paramLabel = "Å", defaultValue = "1.3", description = "Leave it only beyond this distance (default "
      + "${DEFAULT-VALUE} Å).")
  double leaveA;

  @Option(names = "--min-frames", paramLabel = "N", defaultValue = "3", description = "Frames an atom must stay in a new site for a "
      + "hop to count (default ${DEFAULT-VALUE}).")
  int minFrames;

  @Option(names = "--coordination-a", paramLabel = "Å", defaultValue = "3.0", description = "Type density sites by the anions within "
      + "this distance, e.g. S3Cl (default ${DEFAULT-VALUE} Å; 0: no typing).")
  double coordinationA;

  @Option(names = "--region", paramLabel = "AXIS=LO:HI", description = "Also give the hop statistics of the sites in this slab (Å), "
      + "e.g. z=12.0:18.5; repeat for several layers.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--no-tracer", description = "Skip the tracer D from the MSD (saves its memory on long runs).")
  boolean noTracer;

  @Option(names = "--out", paramLabel = "DIR", description = "Write hops.csv, sites.csv, hops.json and hops.png/.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    HopParameters p;
    List<Region> layers = new ArrayList<>();
    try {
      p = HopParameters.of(species).withHysteresis(enterA, leaveA, minFrames).withTracer(!noTracer).withCoordination(coordinationA);
      for (String r : regions) {
        layers.add(Region.parse(r));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ReferenceSites reference = null;
    if (!"auto".equalsIgnoreCase(sites.strip())) {
      reference = ReferenceSites.read(Path.of(sites), p.species());
      p = p.withSites(reference.sites());
    }
    Inputs.Outcome<HopResult> o = Inputs.analyse(path, input.toReadOptions(), new HopAnalysis(p));
    List<Warning> warnings = new ArrayList<>(o.pass().warnings());
    if (reference != null && o.pass().firstFrame() != null && o.pass().firstFrame().cell() != null) {
      warnings.addAll(reference.compare(o.pass().firstFrame().cell()));
    }
    ResultWriter.emit(spec, HopViews.of(o.result(), layers, warnings), out, json);
    return 0;
  }
}
