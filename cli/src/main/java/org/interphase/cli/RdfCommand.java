package org.interphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interphase.analysis.msd.Region;
import org.interphase.analysis.rdf.RadialDistribution;
import org.interphase.analysis.rdf.RdfParameters;
import org.interphase.analysis.rdf.RdfResult;
import org.interphase.analysis.rdf.RdfViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase rdf PATH --pair Li-S}: g(r), the running coordination n(r) and the first shell. */
@Command(name = "rdf", mixinStandardHelpOptions = true,
    description = {"Radial distribution function g(r) of an element pair, averaged over the frames with each frame normalised by "
        + "its own cell volume, with the running coordination number and the first shell: first peak, first minimum, coordination "
        + "there.",
        "Every periodic image within --r-max is counted, also beyond half the cell (with a warning)."})
final class RdfCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Option(names = "--pair", required = true, paramLabel = "A-B", description = "Centre and neighbour elements, e.g. Li-S, P-S, Li-Li.")
  String pair;

  @Option(names = "--r-max", paramLabel = "Å", description = "Largest distance, Å (default: half the first cell's smallest "
      + "perpendicular width in whole bins, at most 8 Å, as in the report).")
  Double rMaxA;

  @Option(names = "--bin-a", paramLabel = "Å", defaultValue = "0.05", description = "Bin width, Å (default ${DEFAULT-VALUE}).")
  double binA;

  @Option(names = "--region", paramLabel = "AXIS=LO:HI", description = "Only centres in this slab (Å), e.g. z=12.0:18.5; neighbours "
      + "from the whole cell.")
  String region;

  @Option(names = "--every", paramLabel = "K", defaultValue = "1", description = "Use every K-th frame (default ${DEFAULT-VALUE}: all).")
  int every;

  @Option(names = "--out", paramLabel = "DIR", description = "Write rdf.csv, rdf.json, rdf.png/.svg and rdf_coordination.png/.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    RdfParameters p;
    try {
      String[] ab = RdfParameters.parsePair(pair);
      p = new RdfParameters(ab[0], ab[1], rMaxA == null ? Double.NaN : rMaxA, binA, region == null ? null : Region.parse(region), every);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Inputs.Outcome<RdfResult> o = Inputs.analyse(path, input.toReadOptions(), new RadialDistribution(p));
    ResultWriter.emit(spec, RdfViews.of(o.result(), o.pass().warnings()), out, json);
    return 0;
  }
}
