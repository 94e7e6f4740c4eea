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
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MissingInputException;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;
import org.interphase.parsers.cp2k.Cp2kBand;
import org.interphase.parsers.cp2k.Cp2kInput;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.vasp.VaspNeb;
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
        "The spline is VTST's cubic Hermite with the tangential forces as slopes; without forces it is energy-only, and says so."})
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
      + "(for CP2K 2023 BAND runs, whose force files are empty); only with one PATH.")
  List<Path> forcesFrom;

  @Option(names = "--out", paramLabel = "DIR", description = "Write neb.json, neb.png/.svg and per path <name>/neb.dat, spline.dat, exts.dat here.")
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
    List<NebResult> results = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String name = names != null ? names.get(i) : label(paths.get(i));
      results.add(NebAnalysis.analyse(images(paths.get(i), name, input.toReadOptions(), forcesFrom)));
    }
    PrintWriter err = spec.commandLine().getErr();
    results.forEach(r -> r.notes().forEach(n -> err.println("note: " + r.name() + ": " + n)));
    err.flush();
    ObjectNode doc = Json.object();
    ArrayNode arr = doc.putArray("paths");
    results.forEach(r -> arr.add(toJson(r)));
    if (out != null) {
      Path dir = Csv.dir(out);
      Csv.writeText(dir.resolve("neb.json"), Json.write(doc));
      for (NebResult r : results) {
        writeVtst(Csv.dir(dir.resolve(r.name().replaceAll("[^A-Za-z0-9._-]", "_"))), r);
      }
      Charts.write(chart(results), dir.resolve("neb"), 900, 600);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(doc));
    } else {
      for (NebResult r : results) {
        o.printf(Locale.ROOT, "%s: %d images, migrating %s (atom %d)%s%n", r.name(), r.images(), r.migratingElement(), r.migratingAtom(),
            r.climbingImage() >= 0 ? ", climbing image " + r.climbingImage() : "");
        o.printf(Locale.ROOT, "  forward barrier  %.4f eV   backward %.4f eV   reaction energy %+.4f eV   saddle at %.4f Å (%s spline)%n",
            r.barrierForwardEv(), r.barrierBackwardEv(), r.reactionEnergyEv(), r.saddleCoordinateA(), r.forceAware() ? "force-aware"
                : "energy-only");
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
    Path base = java.nio.file.Files.isDirectory(abs) ? abs : abs.getParent();
    return base.getFileName().toString();
  }

  /** Reads the images of one path. */
  static NebImages images(Path path, String name, ReadOptions options, List<Path> forcesFrom) {
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file or directory");
    }
    NebImages band;
    if (Files.isDirectory(path) && VaspNeb.isNebDir(path)) {
      VaspNeb neb = VaspNeb.read(path, options);
      List<String> notes = new ArrayList<>(neb.warnings());
      int climbing = vaspClimbing(path) ? highestInterior(neb.images()) : -1;
      band = new NebImages(name, neb.atoms(), neb.images(), neb.tangentForcesEvPerA(), climbing, notes);
    } else if (Files.isDirectory(path) || Cp2kBand.isReplicaFile(path.getFileName().toString())) {
      Path p = Files.isDirectory(path) ? RunDiscovery.require(path, RunDiscovery.NEB, "a NEB or BAND run").primary() : path;
      if (Files.isDirectory(p)) {
        return images(p, name, options, forcesFrom);
      }
      Cp2kBand b = Cp2kBand.read(p);
      Path dir = p.toAbsolutePath().getParent();
      Path in = Cp2kInput.find(dir, b.project());
      boolean ci = in != null && inputSays(in, "CI-NEB");
      List<String> notes = new ArrayList<>(b.warnings());
      band = new NebImages(name, b.atoms(), b.images(), null, ci ? highestInterior(b.images()) : -1, notes);
    } else {
      try (FrameSource src = FormatRegistry.open(path, options)) {
        List<Frame> frames = FrameSources.readAll(src);
        band = new NebImages(name, src.header().atoms(), frames, null, -1, List.of());
      }
    }
    if (forcesFrom != null) {
      if (forcesFrom.size() != band.images().size()) {
        throw new IllegalArgumentException("--forces-from gives " + forcesFrom.size() + " logs for " + band.images().size() + " images");
      }
      List<Frame> withForces = new ArrayList<>();
      for (int i = 0; i < forcesFrom.size(); i++) {
        Cp2kLog log = Cp2kLog.read(forcesFrom.get(i));
        if (log.lastForcesEvPerA() == null || log.lastForcesEvPerA().length != 3 * band.atoms().size()) {
          throw new IllegalArgumentException(forcesFrom.get(i) + ": no forces for " + band.atoms().size() + " atoms in this log");
        }
        Frame f = band.images().get(i).withForces(log.lastForcesEvPerA());
        if (!log.singlePointEnergiesEv().isEmpty()) {
          f = f.withEnergies(Energies.potential(log.singlePointEnergiesEv().get(log.singlePointEnergiesEv().size() - 1)));
        }
        withForces.add(f);
      }
      List<String> notes = new ArrayList<>(band.notes());
      notes.add("forces and energies from the single points " + forcesFrom.stream().map(x -> x.getFileName().toString()).toList());
      band = new NebImages(band.name(), band.atoms(), withForces, band.tangentForcesEvPerA(), band.climbingImage(), notes);
    }
    requireEnergies(path, band);
    return band;
  }

  /** Every image needs an energy: a barrier relative to a missing end point would be invented. */
  private static void requireEnergies(Path path, NebImages band) {
    boolean vasp = Files.isDirectory(path) && VaspNeb.isNebDir(path);
    for (int i = 0; i < band.images().size(); i++) {
      if (Double.isNaN(band.images().get(i).energies().potentialEv())) {
        if (vasp) {
          Path d = path.resolve(String.format(Locale.ROOT, "%02d", i));
          throw new MissingInputException(d + ": image " + String.format(Locale.ROOT, "%02d", i)
              + " has no energy: expected an OUTCAR or OSZICAR in this folder (copy the end-point calculation's OUTCAR there)");
        }
        throw new MissingInputException(path + ": image " + i + " of " + band.images().size() + " has no energy in the files read");
      }
    }
  }

  private static int highestInterior(List<Frame> im) {
    int best = 1;
    for (int i = 1; i < im.size() - 1; i++) {
      if (im.get(i).energies().potentialEv() > im.get(best).energies().potentialEv()) {
        best = i;
      }
    }
    return best;
  }

  /** LCLIMB from the INCAR of the NEB folder, else from image 01's OUTCAR ({@code NEB:          LCLIMB      T}). */
  private static boolean vaspClimbing(Path dir) {
    Path incar = dir.resolve("INCAR");
    if (!Files.isRegularFile(incar)) {
      for (String name : new String[] {"OUTCAR", "OUTCAR.gz", "OUTCAR.bz2", "OUTCAR.xz"}) {
        Path outcar = dir.resolve("01").resolve(name);
        if (Files.isRegularFile(outcar)) {
          try (LineReader r = LineReader.open(outcar)) {
            for (int i = 0; i < 5000 && r.next(); i++) {
              if (r.contains("LCLIMB")) {
                String[] t = r.line().strip().split("\\s+");
                return t[t.length - 1].toUpperCase(Locale.ROOT).startsWith("T");
              }
            }
          }
        }
      }
      return false;
    }
    try (LineReader r = LineReader.open(incar)) {
      while (r.next()) {
        String l = r.line().replaceAll("[#!].*", "").toUpperCase(Locale.ROOT).replace(" ", "");
        if (l.startsWith("LCLIMB=")) {
          return l.contains("T") && !l.contains(".F") && !l.startsWith("LCLIMB=F");
        }
      }
    }
    return false;
  }

  private static boolean inputSays(Path in, String text) {
    try (LineReader r = LineReader.open(in)) {
      while (r.next()) {
        if (r.line().toUpperCase(Locale.ROOT).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  static ObjectNode toJson(NebResult r) {
    ObjectNode o = Json.object();
    o.put("name", r.name());
    o.put("images", r.images());
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

  static ChartSpec chart(List<NebResult> results) {
    List<ChartSpec.Series> s = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      NebResult r = results.get(i);
      s.add(new ChartSpec.Series(String.format(Locale.ROOT, "%s (%.3f eV)", r.name(), r.barrierForwardEv()), r.splineCoordinateA(),
          r.splineEnergyEv(), null, ChartSpec.Style.LINE, i, true));
      s.add(new ChartSpec.Series(r.name() + " images", r.reactionCoordinateA(), r.energyEv(), null, ChartSpec.Style.POINTS, i, false));
    }
    return new ChartSpec("Migration energy profiles", "reaction coordinate (Å)", "E − E(initial) (eV)", s, Double.NaN, Double.NaN, null);
  }
}
