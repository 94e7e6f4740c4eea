package org.interphase.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.neb.NebAnalysis;
import org.interphase.analysis.neb.NebImages;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.Printed;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.neb.NebBand;
import org.interphase.parsers.neb.NebBands;
import org.interphase.viz.chart.ChartSpec;
import org.interphase.viz.chart.Charts;
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

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "NEB folders, CP2K BAND runs or image trajectories.")
  List<Path> paths;

  @Option(names = "--name", split = ",", paramLabel = "NAME,…", description = "Labels of the paths, in order (default: folder names).")
  List<String> names;

  @Option(names = "--forces-from", split = ",", paramLabel = "LOG,…", description = "Single-point logs with forces, one per image in order "
      + "(default: the ones found beside a CP2K band, numbered 1 … N); only with one PATH.")
  List<Path> forcesFrom;

  @Option(names = "--out", paramLabel = "DIR", description = "Write neb.json, neb.csv, neb.png/.svg and per path <name>/neb.dat, spline.dat, "
      + "exts.dat here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  /** One path: the band as read (where it came from) and its analysis. */
  record Analysed(Path path, NebBand band, NebResult result) {}

  @Override
  public Integer call() {
    if (names != null && names.size() != paths.size()) {
      throw new IllegalArgumentException("--name gives " + names.size() + " labels for " + paths.size() + " paths");
    }
    if (forcesFrom != null && paths.size() != 1) {
      throw new IllegalArgumentException("--forces-from applies to a single path");
    }
    List<Analysed> results = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String name = names != null ? names.get(i) : label(paths.get(i));
      results.add(analyse(paths.get(i), name, input.toReadOptions(), forcesFrom));
    }
    PrintWriter err = spec.commandLine().getErr();
    results.forEach(a -> a.result().notes().forEach(n -> err.println("note: " + a.result().name() + ": " + n)));
    err.flush();
    ObjectNode doc = toJson(results);
    if (out != null) {
      write(Csv.dir(out), results, doc);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(doc));
    } else {
      for (Analysed a : results) {
        NebResult r = a.result();
        o.printf(Locale.ROOT, "%s: %d images, migrating %s (atom %d)%s%n", r.name(), r.images(), r.migratingElement(), r.migratingAtom(),
            r.climbingImage() >= 0 ? ", climbing image " + r.climbingImage() : "");
        o.printf(Locale.ROOT, "  forward barrier  %s eV   backward %s eV   reaction energy %s eV   saddle at %.4f Å (%s spline)%n",
            Printed.energyEv(r.barrierForwardEv()), Printed.energyEv(r.barrierBackwardEv()), Printed.signedEnergyEv(r.reactionEnergyEv()),
            r.saddleCoordinateA(), r.forceAware() ? "force-aware" : "energy-only");
        o.println("  image   R (Å)      E (eV)     F (eV/Å)");
        for (int i = 0; i < r.images(); i++) {
          o.printf(Locale.ROOT, "  %3d  %9.5f  %9.5f  %9.5f%n", i, r.reactionCoordinateA()[i], r.energyEv()[i], r.tangentForceEvPerA()[i]);
        }
      }
    }
    o.flush();
    return 0;
  }

  private static String label(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = Files.isDirectory(abs) ? abs : abs.getParent();
    return base.getFileName().toString();
  }

  /** Reads one path ({@link NebBands#read}) and analyses it under {@code name}. */
  static Analysed analyse(Path path, String name, ReadOptions options, List<Path> forcesFrom) {
    NebBand b = NebBands.read(path, options, forcesFrom);
    NebResult r = NebAnalysis.analyse(new NebImages(name, b.atoms(), b.images(), b.tangentForcesEvPerA(), b.climbingImage(), b.notes()));
    return new Analysed(path, b, r);
  }

  /** neb.json, neb.csv, the chart and the VTST files of every path, under {@code dir}. */
  static void write(Path dir, List<Analysed> results, ObjectNode doc) {
    Csv.writeText(dir.resolve("neb.json"), Json.write(doc));
    Csv.writeText(dir.resolve("neb.csv"), csv(results));
    for (Analysed a : results) {
      writeVtst(Csv.dir(dir.resolve(fileName(a.result().name()))), a.result());
    }
    Charts.write(chart(results.stream().map(Analysed::result).toList()), dir.resolve("neb"), 900, 600);
  }

  /** A path's name as a file name. */
  static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  static ObjectNode toJson(List<Analysed> results) {
    ObjectNode doc = Json.object();
    ArrayNode arr = doc.putArray("paths");
    results.forEach(a -> arr.add(toJson(a)));
    return doc;
  }

  static ObjectNode toJson(Analysed a) {
    NebResult r = a.result();
    ObjectNode o = Json.object();
    o.put("name", r.name());
    o.put("images", r.images());
    o.put("band_source", relative(a.path(), a.band().source()));
    ArrayNode sp = o.putArray("single_points");
    a.band().singlePoints().forEach(p -> sp.add(relative(a.path(), p)));
    put(o.putArray("reaction_coordinate_a"), r.reactionCoordinateA());
    put(o.putArray("energy_ev"), r.energyEv());
    put(o.putArray("tangent_force_ev_a"), r.tangentForceEvPerA());
    Json.put(o, "barrier_forward_ev", r.barrierForwardEv());
    Json.put(o, "barrier_backward_ev", r.barrierBackwardEv());
    Json.put(o, "reaction_energy_ev", r.reactionEnergyEv());
    Json.put(o, "saddle_coordinate_a", r.saddleCoordinateA());
    o.put("migrating_atom", r.migratingAtom());
    o.put("migrating_element", r.migratingElement());
    ArrayNode path = o.putArray("migrating_path_a");
    for (double[] p : r.migratingPathA()) {
      put(path.addArray(), p);
    }
    if (r.climbingImage() >= 0) {
      o.put("climbing_image", r.climbingImage());
    } else {
      o.putNull("climbing_image");
    }
    o.put("force_aware_spline", r.forceAware());
    ArrayNode n = o.putArray("notes");
    r.notes().forEach(n::add);
    return o;
  }

  /** {@code file} as seen from the PATH the user gave (its folder when PATH is a file); "." for PATH itself. */
  static String relative(Path given, Path file) {
    Path g = given.toAbsolutePath().normalize();
    Path base = Files.isDirectory(g) ? g : g.getParent();
    String rel = base.relativize(file.toAbsolutePath().normalize()).toString();
    return rel.isEmpty() ? "." : rel;
  }

  /** One row per path: the barriers and where the band came from, full precision. */
  static String csv(List<Analysed> results) {
    StringBuilder b = new StringBuilder("name,images,barrier_forward_ev,barrier_backward_ev,reaction_energy_ev,saddle_coordinate_a,"
        + "climbing_image,migrating_element,migrating_atom,force_aware_spline,band_source,single_points\n");
    for (Analysed a : results) {
      NebResult r = a.result();
      b.append(Csv.quote(r.name())).append(',').append(r.images()).append(',').append(Csv.number(r.barrierForwardEv())).append(',')
          .append(Csv.number(r.barrierBackwardEv())).append(',').append(Csv.number(r.reactionEnergyEv())).append(',')
          .append(Csv.number(r.saddleCoordinateA())).append(',').append(r.climbingImage() >= 0 ? Integer.toString(r.climbingImage()) : "")
          .append(',').append(r.migratingElement()).append(',').append(r.migratingAtom()).append(',').append(r.forceAware()).append(',')
          .append(Csv.quote(relative(a.path(), a.band().source()))).append(',')
          .append(Csv.quote(String.join(" ", a.band().singlePoints().stream().map(p -> relative(a.path(), p)).toList()))).append('\n');
    }
    return b.toString();
  }

  private static void put(ArrayNode a, double[] v) {
    for (double x : v) {
      if (Double.isFinite(x)) {
        a.add(x);
      } else {
        a.addNull();
      }
    }
  }

  /** VTST-compatible files: neb.dat (i R E F i), spline.dat (R E), exts.dat. */
  static void writeVtst(Path dir, NebResult r) {
    StringBuilder neb = new StringBuilder();
    for (int i = 0; i < r.images(); i++) {
      neb.append(String.format(Locale.ROOT, "%3d %12.6f %12.6f %12.6f %3d%n", i, r.reactionCoordinateA()[i], r.energyEv()[i],
          Double.isNaN(r.tangentForceEvPerA()[i]) ? 0.0 : r.tangentForceEvPerA()[i], i));
    }
    Csv.writeText(dir.resolve("neb.dat"), neb.toString());
    StringBuilder sp = new StringBuilder();
    for (int i = 0; i < r.splineCoordinateA().length; i++) {
      sp.append(String.format(Locale.ROOT, "%12.6f %12.6f%n", r.splineCoordinateA()[i], r.splineEnergyEv()[i]));
    }
    Csv.writeText(dir.resolve("spline.dat"), sp.toString());
    StringBuilder ex = new StringBuilder();
    int k = 1;
    for (double[] e : r.extrema()) {
      ex.append(String.format(Locale.ROOT, "Extrema %d found at image %9.6f with energy: %12.6f%n", k++, e[0], e[2]));
    }
    Csv.writeText(dir.resolve("exts.dat"), ex.toString());
  }

  /** The profiles of several paths, each labelled with its forward barrier as every other output prints it. */
  static ChartSpec chart(List<NebResult> results) {
    List<ChartSpec.Series> s = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      NebResult r = results.get(i);
      s.add(new ChartSpec.Series(r.name() + " (" + Printed.energyEv(r.barrierForwardEv()) + " eV)", r.splineCoordinateA(),
          r.splineEnergyEv(), null, ChartSpec.Style.LINE, i, true));
      s.add(new ChartSpec.Series(r.name() + " images", r.reactionCoordinateA(), r.energyEv(), null, ChartSpec.Style.POINTS, i, false));
    }
    return new ChartSpec("Migration energy profiles", "reaction coordinate (Å)", "E − E(initial) (eV)", s, Double.NaN, Double.NaN, null);
  }
}
