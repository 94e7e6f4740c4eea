package org.interphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interphase.analysis.hops.HopAnalysis;
import org.interphase.analysis.hops.HopParameters;
import org.interphase.analysis.msd.Region;
import org.interphase.analysis.rotation.RotationAnalysis;
import org.interphase.analysis.rotation.RotationHopAnalysis;
import org.interphase.analysis.rotation.RotationParameters;
import org.interphase.analysis.rotation.RotationResult;
import org.interphase.analysis.rotation.RotationViews;
import org.interphase.core.Analysis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interphase rotation PATH --center P --ligand S}: orientation of tetrahedral units, libration and reorientations. */
@Command(name = "rotation", mixinStandardHelpOptions = true,
    description = {"Rotation of tetrahedral units (PS4): each centre with exactly four ligands bonded in the first frame; its "
        + "orientation is the best-fit rotation (Horn's quaternion) of the four labelled centre-ligand vectors onto those of the "
        + "first frame.",
        "Reports the angle over time, the libration (RMS angle at rest) and reorientations: the angle from the current reference "
            + "above --upper-deg for --min-frames frames; the new reference is taken once the unit stays within --settle-deg."})
final class RotationCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Option(names = "--center", paramLabel = "EL", defaultValue = "P", description = "The centre element (default ${DEFAULT-VALUE}).")
  String center;

  @Option(names = "--ligand", paramLabel = "EL", defaultValue = "S", description = "The ligand element (default ${DEFAULT-VALUE}).")
  String ligand;

  @Option(names = "--upper-deg", paramLabel = "DEG", defaultValue = "60", description = "A unit reorients beyond this angle from "
      + "its reference (default ${DEFAULT-VALUE}°).")
  double upperDeg;

  @Option(names = "--settle-deg", paramLabel = "DEG", defaultValue = "10", description = "The new reference is taken once the unit "
      + "stays within this angle (default ${DEFAULT-VALUE}°).")
  double settleDeg;

  @Option(names = "--min-frames", paramLabel = "N", defaultValue = "5", description = "Dwell above the upper angle, and within the "
      + "settle angle, in frames (default ${DEFAULT-VALUE}).")
  int minFrames;

  @Option(names = "--hops", paramLabel = "EL", description = "Also find hops of this element (as `hops`, default sites and radii) "
      + "and count reorientations with a hop nearby.")
  String hopSpecies;

  @Option(names = "--hop-radius-a", paramLabel = "Å", defaultValue = "3.5", description = "A hop is near a unit when a site it leaves "
      + "or enters is within this distance of the centre (default ${DEFAULT-VALUE} Å).")
  double hopRadiusA;

  @Option(names = "--hop-window-frames", paramLabel = "N", defaultValue = "5", description = "… and within this many frames of "
      + "the event (default ${DEFAULT-VALUE}).")
  int hopWindowFrames;

  @Option(names = "--region", paramLabel = "AXIS=LO:HI", description = "Only units whose centre lies in this slab (Å) in the first "
      + "frame, e.g. z=12.0:18.5.")
  String region;

  @Option(names = "--out", paramLabel = "DIR", description = "Write rotation.csv, rotation_events.csv, rotation.json and "
      + "rotation.png/.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    RotationParameters p;
    try {
      p = new RotationParameters(center, ligand, upperDeg, settleDeg, minFrames, region == null ? null : Region.parse(region));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Analysis<RotationResult> a = new RotationAnalysis(p);
    if (hopSpecies != null) {
      if (!(hopRadiusA > 0) || hopWindowFrames < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "hop coupling needs --hop-radius-a > 0 and --hop-window-frames ≥ 0");
      }
      a = new RotationHopAnalysis(new RotationAnalysis(p), new HopAnalysis(HopParameters.of(hopSpecies).withTracer(false)), hopRadiusA,
          hopWindowFrames);
    }
    Inputs.Outcome<RotationResult> o = Inputs.analyse(path, input.toReadOptions(), a);
    ResultWriter.emit(spec, RotationViews.of(o.result(), o.pass().warnings()), out, json);
    return 0;
  }
}
