package org.interphase.parsers.neb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MissingInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;
import org.interphase.parsers.cp2k.Cp2kBand;
import org.interphase.parsers.cp2k.Cp2kInput;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.cp2k.Cp2kSinglePoints;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.vasp.VaspNeb;
import org.interphase.parsers.vasp.VaspSiblings;

/**
 * Reads the band a user points at.
 *
 * <ul>
 *   <li>A folder is searched, with its sub-folders one level down, for VASP NEB folders and CP2K
 *       BAND runs. One band is read. Two or more are an ambiguity error naming them all, unless
 *       they are CP2K bands each continued from the previous one's final replicas (the first
 *       geometry of every replica of one is the last of the other, {@link Cp2kBand#continues}):
 *       then the last of the chain is read and a note says which and why.
 *   <li>A CP2K band's energies and forces come from single points beside it ({@link
 *       Cp2kSinglePoints}) when there is exactly one consistent set; a note says so, or says why a
 *       set found there was not used. {@code forcesFrom} names them instead.
 *   <li>Every image needs an energy: a barrier relative to a missing end point would be invented.
 * </ul>
 */
public final class NebBands {
  /**
   * Largest coordinate difference (Å) between one band's final replicas and another's first ones
   * for the second to count as the first's continuation: CP2K prints 10 decimals, a copy written
   * with fewer still agrees to 1e-6 Å, while a band step moves atoms by hundredths.
   */
  static final double CONTINUATION_TOLERANCE_A = 1e-3;

  private NebBands() {}

  /**
   * The band at {@code path}: a VASP NEB folder, a CP2K BAND folder or replica file, a folder
   * holding one of these (or a band and its continuation), or a trajectory of images with energies.
   *
   * @param forcesFrom single-point logs with forces, one per image in order, or null to use those
   *     found beside a CP2K band
   * @throws MissingInputException when the path does not exist or an image has no energy
   * @throws UnsupportedFormatException when a folder holds no band, or several that do not continue
   *     one another
   */
  public static NebBand read(Path path, ReadOptions options, List<Path> forcesFrom) {
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file or directory");
    }
    List<String> notes = new ArrayList<>();
    Candidate c = Files.isDirectory(path) && !VaspNeb.isNebDir(path) ? locate(path, notes) : new Candidate(path, null);
    NebBand band = readCandidate(c, options, notes);
    if (forcesFrom != null) {
      if (forcesFrom.size() != band.images().size()) {
        throw new IllegalArgumentException("--forces-from gives " + forcesFrom.size() + " logs for " + band.images().size() + " images");
      }
      List<double[]> forces = new ArrayList<>();
      double[] energies = new double[forcesFrom.size()];
      for (int i = 0; i < forcesFrom.size(); i++) {
        Cp2kLog log = Cp2kLog.read(forcesFrom.get(i));
        if (log.lastForcesEvPerA() == null || log.lastForcesEvPerA().length != 3 * band.atoms().size()) {
          throw new IllegalArgumentException(forcesFrom.get(i) + ": no forces for " + band.atoms().size() + " atoms in this log");
        }
        forces.add(log.lastForcesEvPerA());
        energies[i] = log.singlePointEnergiesEv().isEmpty() ? Double.NaN
            : log.singlePointEnergiesEv().get(log.singlePointEnergiesEv().size() - 1);
      }
      notes.add("forces and energies from the single points given with --forces-from: " + names(forcesFrom));
      band = withSinglePoints(band, forcesFrom, energies, forces, notes);
    } else if (c.cp2k() != null || isReplica(c.path())) {
      double[] e = band.images().stream().mapToDouble(f -> f.energies().potentialEv()).toArray();
      Path dir = c.path().toAbsolutePath().getParent();
      Cp2kSinglePoints.Search s = Cp2kSinglePoints.find(dir, band.atoms().size(), e);
      if (s.found() != null) {
        Cp2kSinglePoints sp = s.found();
        double meV = sp.largestEnergyDifferenceEv() * 1000;
        notes.add(String.format(Locale.ROOT, "forces and energies from the single points %s beside the band, one per image by the number "
            + "in their names (their energies agree with the band's within %s meV); `interphase neb --forces-from` chooses others", names(sp.logs()),
            meV < 0.01 ? "0.01" : String.format(Locale.ROOT, "%.2g", meV)));
        band = withSinglePoints(band, sp.logs(), sp.energiesEv(), sp.forcesEvPerA(), notes);
      } else if (s.reason() != null) {
        notes.add(s.reason());
      }
    }
    requireEnergies(path, band, c.path());
    return new NebBand(band.source(), band.atoms(), band.images(), band.tangentForcesEvPerA(), band.climbingImage(), band.singlePoints(),
        notes);
  }

  /** A band found in a folder: its primary path, and the CP2K band when it was already read. */
  private record Candidate(Path path, Cp2kBand cp2k) {}

  /** The one band in {@code dir} or its sub-folders, or the last of a chain of continued CP2K bands. */
  private static Candidate locate(Path dir, List<String> notes) {
    List<RunDiscovery.Run> runs = new ArrayList<>(RunDiscovery.nebRuns(dir));
    for (Path sub : subFolders(dir)) {
      runs.addAll(RunDiscovery.nebRuns(sub));
    }
    if (runs.isEmpty()) {
      throw new UnsupportedFormatException("no NEB or BAND run in " + dir + " or its sub-folders: expected " + String.join(" or ",
          RunDiscovery.NEB.stream().map(RunDiscovery.RunKind::files).toList()));
    }
    if (runs.size() == 1) {
      Path folder = folderOf(runs.get(0));
      if (!folder.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
        notes.add("the band in " + dir.toAbsolutePath().normalize().relativize(folder.toAbsolutePath().normalize()) + "/ is read, the "
            + "only one in " + dir);
      }
      return new Candidate(runs.get(0).primary(), null);
    }
    List<String> names = runs.stream().map(r -> label(dir, r)).toList();
    if (runs.stream().allMatch(r -> r.kind() == RunDiscovery.RunKind.CP2K_BAND)) {
      List<Cp2kBand> bands = runs.stream().map(r -> Cp2kBand.read(r.primary())).toList();
      List<Integer> chain = chain(bands);
      if (!chain.isEmpty()) {
        StringBuilder how = new StringBuilder();
        for (int k = 0; k < chain.size(); k++) {
          int i = chain.get(k);
          how.append(k == 0 ? "" : k == 1 ? " starts from the final replicas of " : ", which continues ").append(names.get(i))
              .append(" (").append(bands.get(i).iterations()).append(" band steps)");
        }
        int last = chain.get(0);
        int before = chain.get(1);
        notes.add(String.format(Locale.ROOT, "%d bands here: %s; the last, %s, is read (to read %s, name its replica file %s)",
            bands.size(), how, names.get(last), names.get(before), dir.toAbsolutePath().normalize().relativize(
                runs.get(before).primary().toAbsolutePath().normalize())));
        return new Candidate(runs.get(last).primary(), bands.get(last));
      }
      throw new UnsupportedFormatException(dir + ": " + runs.size() + " NEB bands, " + String.join(" and ", names)
          + ", which do not continue one another (none starts from the final replicas of another): name the folder or a replica file of the "
          + "one to read");
    }
    throw new UnsupportedFormatException(dir + ": " + runs.size() + " NEB runs, " + String.join(" and ", names)
        + ": name the folder or a replica file of the one to read");
  }

  /**
   * The bands as one chain of continuations, the last first, or an empty list: exactly one band
   * continued by none, and going from it to the band it continues, and so on, reaches every band.
   */
  private static List<Integer> chain(List<Cp2kBand> bands) {
    int n = bands.size();
    int[] previous = new int[n];
    boolean[] continued = new boolean[n];
    for (int j = 0; j < n; j++) {
      previous[j] = -1;
      for (int i = 0; i < n; i++) {
        if (i != j && bands.get(j).continues(bands.get(i), CONTINUATION_TOLERANCE_A)) {
          if (previous[j] >= 0) {
            return List.of();
          }
          previous[j] = i;
          continued[i] = true;
        }
      }
    }
    int last = -1;
    for (int j = 0; j < n; j++) {
      if (!continued[j]) {
        if (last >= 0) {
          return List.of();
        }
        last = j;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int j = last; j >= 0 && order.size() <= n; j = previous[j]) {
      order.add(j);
    }
    return order.size() == n ? order : List.of();
  }

  /** The folder a run lives in: the VASP NEB folder itself, or the folder of a CP2K band's replica files. */
  private static Path folderOf(RunDiscovery.Run r) {
    return r.kind() == RunDiscovery.RunKind.VASP_NEB ? r.primary() : r.primary().toAbsolutePath().getParent();
  }

  /** A run as the user would name it from {@code dir}: {@code continued/band_cont} (a CP2K project) or {@code neb/ (VASP NEB)}. */
  private static String label(Path dir, RunDiscovery.Run r) {
    String folder = dir.toAbsolutePath().normalize().relativize(folderOf(r).toAbsolutePath().normalize()).toString();
    if (r.kind() == RunDiscovery.RunKind.VASP_NEB) {
      return (folder.isEmpty() ? "." : folder) + "/ (VASP NEB)";
    }
    return (folder.isEmpty() ? "" : folder + "/") + r.name();
  }

  private static List<Path> subFolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isReplica(Path p) {
    return Files.isRegularFile(p) && Cp2kBand.isReplicaFile(p.getFileName().toString());
  }

  private static NebBand readCandidate(Candidate c, ReadOptions options, List<String> notes) {
    Path path = c.path();
    if (Files.isDirectory(path) && VaspNeb.isNebDir(path)) {
      VaspNeb neb = VaspNeb.read(path, options);
      notes.addAll(neb.warnings());
      int climbing = vaspClimbing(path) ? highestInterior(neb.images()) : -1;
      return new NebBand(path, neb.atoms(), neb.images(), neb.tangentForcesEvPerA(), climbing, List.of(), notes);
    }
    if (c.cp2k() != null || isReplica(path)) {
      Cp2kBand b = c.cp2k() != null ? c.cp2k() : Cp2kBand.read(path);
      Path in = Cp2kInput.find(path.toAbsolutePath().getParent(), b.project());
      boolean ci = in != null && inputSays(in, "CI-NEB");
      notes.addAll(b.warnings());
      return new NebBand(path, b.atoms(), b.images(), null, ci ? highestInterior(b.images()) : -1, List.of(), notes);
    }
    try (FrameSource src = FormatRegistry.open(path, options)) {
      List<Frame> frames = FrameSources.readAll(src);
      return new NebBand(path, src.header().atoms(), frames, null, -1, List.of(), notes);
    }
  }

  private static NebBand withSinglePoints(NebBand band, List<Path> logs, double[] energiesEv, List<double[]> forces, List<String> notes) {
    List<Frame> withForces = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      Frame f = band.images().get(i).withForces(forces.get(i));
      if (!Double.isNaN(energiesEv[i])) {
        f = f.withEnergies(Energies.potential(energiesEv[i]));
      }
      withForces.add(f);
    }
    return new NebBand(band.source(), band.atoms(), withForces, band.tangentForcesEvPerA(), band.climbingImage(), logs, notes);
  }

  private static String names(List<Path> logs) {
    List<String> n = logs.stream().map(x -> x.getFileName().toString()).toList();
    return n.size() <= 3 ? String.join(", ", n) : n.get(0) + " … " + n.get(n.size() - 1);
  }

  /** Every image needs an energy: a barrier relative to a missing end point would be invented. */
  private static void requireEnergies(Path path, NebBand band, Path read) {
    boolean vasp = Files.isDirectory(read) && VaspNeb.isNebDir(read);
    for (int i = 0; i < band.images().size(); i++) {
      if (Double.isNaN(band.images().get(i).energies().potentialEv())) {
        if (vasp) {
          Path d = read.resolve(String.format(Locale.ROOT, "%02d", i));
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
    Path incar = VaspSiblings.in(dir).incar();
    if (incar == null) {
      for (Path outcar : VaspSiblings.in(dir.resolve("01")).all("OUTCAR")) {
        try (LineReader r = LineReader.open(outcar)) {
          for (int i = 0; i < 5000 && r.next(); i++) {
            if (r.contains("LCLIMB")) {
              String[] t = r.line().strip().split("\\s+");
              return t[t.length - 1].toUpperCase(Locale.ROOT).startsWith("T");
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
}
