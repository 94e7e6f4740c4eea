package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.interphase.core.view.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase neb PATH…}: migration barriers of one or several bands, compared. */
@Command(name = "neb", mixinStandardHelpOptions = true,
    description = {"NEB energy profiles and barriers: a VASP NEB folder (00 … NN), a CP2K BAND run, or a trajectory of images "
        + "with energies (extended XYZ). Several paths are compared in one plot.",
        "The spline is VTST's cubic Hermite with the tangential forces as slopes; without forces it is energy-only, and says so.",
        "A folder is searched one level down: a band and its continuation (a band started from the other's final replicas, "
            + "e.g. in continued/) give the continuation; other pairs of bands are an error naming both. CP2K single points with "
            + "forces beside a band (e.g. sp_replica_1.out … sp_replica_N.out) are used for its forces and energies."})
final class NebCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "NEB folders, CP2K BAND runs or image trajectories.")
  List<Path> paths;

  @Option(names = "--name", split = ",", paramLabel = "NAME,…", description = "Labels of the paths, in order (default: folder names).")
  List<String> names;

  @Option(names = "--forces-from", split = ",", paramLabel = "LOG,…", description = "Single-point logs with forces, one per image in order "
      + "(default: the ones found beside a CP2K band, numbered 1 … N); only with one PATH.")
  List<Path> forcesFrom;

  @Option(names = "--out", paramLabel = "DIR", description = "Write neb.json, neb.csv, neb.png/.svg and per path <name>/neb.dat, spline.dat, "
      + "exts.dat here (neb.dat, VTST's i R E F i, only for a band with forces: a warning says when it is left out).")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    if (names != null && names.size() != paths.size()) {
      throw new IllegalArgumentException("--name gives " + names.size() + " labels for " + paths.size() + " paths");
    }
    if (forcesFrom != null && paths.size() != 1) {
      throw new IllegalArgumentException("--forces-from applies to a single path");
    }
    List<String> notes = new ArrayList<>();
    Views views = RunAnalyses.neb(paths, names, input.toReadOptions(), forcesFrom, notes);
    PrintWriter err = spec.commandLine().getErr();
    notes.forEach(n -> err.println("note: " + n));
    err.flush();
    ResultWriter.emit(spec, views, out, json);
    return 0;
  }
}
