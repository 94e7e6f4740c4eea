package org.interphase.parsers.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.Units;
import org.interphase.parsers.io.LineReader;

/**
 * A CP2K BAND (NEB) run: one trajectory per replica, {@code <P>-pos-Replica_nr_<i>-<K>.xyz} (i may
 * be zero-padded), each holding the replica's geometry at every band iteration. The last band is the
 * last frame of every file, in replica-number order (not the order CP2K created them in). Energies
 * come from the comment lines (Hartree → eV); forces from {@code -force-Replica} files when they hold
 * per-atom lines (CP2K 2023 writes only headers there). The cell comes from the input.
 *
 * @param project the project name
 * @param images the last band, one frame per replica, energy in {@link Energies#potentialEv()}
 * @param firstPositionsA the first band in the files, one flat {@code [x0,y0,z0,x1,…]} array (Å) per
 *     replica: where this run started, to recognise a band continued from another one's final
 *     replicas
 * @param iterations number of band iterations in the replica files
 * @param lastDistancesA the inter-replica distances of the last row of {@code <P>-<K>.ener} (bohr →
 *     Å), empty when that file is absent
 * @param warnings what was assumed
 */
public record Cp2kBand(String project, AtomTable atoms, List<Frame> images, List<double[]> firstPositionsA, int iterations,
    double[] lastDistancesA, List<String> warnings) {

  private static final Pattern REPLICA = Pattern.compile("^(.*)-pos-Replica_nr_(\\d+)-(\\d+)\\.xyz(\\.(gz|bz2|xz))?$");

  /** Whether a file name is a BAND replica trajectory. */
  public static boolean isReplicaFile(String name) {
    return REPLICA.matcher(name).matches();
  }

  /** Reads the BAND run in {@code dir} (or the one a replica file belongs to); a band without a cell is an error. */
  public static Cp2kBand read(Path dirOrReplica) {
    return read(dirOrReplica, false);
  }

  /**
   * Reads the BAND run in {@code dir} (or the one a replica file belongs to).
   *
   * @param cellOptional whether a band whose input gives no cell is read with images without a cell (a
   *     summary; {@link #cellAdvice} says how to give it) instead of refused
   */
  public static Cp2kBand read(Path dirOrReplica, boolean cellOptional) {
    Path dir = Files.isDirectory(dirOrReplica) ? dirOrReplica : dirOrReplica.toAbsolutePath().getParent();
    String wanted = Files.isDirectory(dirOrReplica) ? null : projectOfReplica(dirOrReplica);
    Replicas replicas = Replicas.find(dir, wanted);
    String project = replicas.project();
    TreeMap<Integer, Path> files = replicas.files();
    List<String> warnings = new ArrayList<>();
    Cp2kInput.Chosen chosenInput = Cp2kInput.forProject(dir, project);
    Cp2kInput input = chosenInput == null ? null : chosenInput.input();
    Cell cell = input == null ? null : input.cell();
    Path enerPath = dir.resolve(project + "-" + replicas.suffix() + ".ener");
    checkReplicaCount(dir, replicas, input, enerPath, warnings);
    Path logPath = Cp2kLog.find(dir, project);
    Cp2kKinds kinds = Cp2kKinds.of(input, logPath == null ? null : Cp2kLog.head(logPath));
    warnings.addAll(kinds.warnings());
    if (cell == null && !cellOptional) {
      throw MalformedInputException.of(files.firstEntry().getValue().toString(), 0,
          "no cell for the BAND run: no input file with &CELL for project " + project + " beside it");
    }
    List<Frame> images = new ArrayList<>();
    List<double[]> first = new ArrayList<>();
    AtomTable atoms = null;
    int iterations = -1;
    for (var e : files.entrySet()) {
      ReplicaTrajectory trajectory = ReplicaTrajectory.read(e.getValue());
      XyzBlock last = trajectory.last();
      first.add(trajectory.first().values());
      if (iterations >= 0 && trajectory.iterations() != iterations) {
        warnings.add("replica " + e.getKey() + " has " + trajectory.iterations() + " iterations, replica 1 has " + iterations
            + ": the last frame of each file is used");
      }
      iterations = Math.max(iterations, trajectory.iterations());
      AtomTable t = kinds.table(last.labels(), e.getValue().toString(), last.line() + 2);
      if (atoms == null) {
        atoms = t;
      } else if (!atoms.equals(t)) {
        throw MalformedInputException.of(e.getValue().toString(), last.line(), "replica " + e.getKey() + " has other atoms than replica 1");
      }
      double[] forces = replicaForces(dir, project, e.getKey(), replicas.suffix(), last.step(), t.size());
      images.add(new Frame(last.step(), Double.NaN, cell, last.values(), forces, null, Energies.potential(last.energyEv())));
    }
    double[] dist = lastEnerDistances(enerPath, files.size());
    return new Cp2kBand(project, atoms, List.copyOf(images), List.copyOf(first), iterations, dist, List.copyOf(warnings));
  }

  /** How to give the cell of a band of project {@code project} whose files give none. */
  public static String cellAdvice(String project) {
    return "put the band's input (naming project " + project + ", with &CELL) beside the replica files";
  }

  /** The project name in a replica file's name; throws when the name is not a replica file's. */
  private static String projectOfReplica(Path replica) {
    Matcher m = REPLICA.matcher(replica.getFileName().toString());
    if (!m.matches()) {
      throw new MalformedInputException(replica.toString(), 0, "a BAND replica file <project>-pos-Replica_nr_<i>-1.xyz",
          replica.getFileName().toString());
    }
    return m.group(1);
  }

  /**
   * The replica files of one band in a directory.
   *
   * @param project the project name
   * @param suffix the {@code <K>} of {@code -pos-Replica_nr_<i>-<K>.xyz}
   * @param files the files by replica number, numbered 1 to N without a gap
   */
  private record Replicas(String project, String suffix, TreeMap<Integer, Path> files) {

    /** Finds the replica files of project {@code wanted} in {@code dir}, or of the first project there when it is null. */
    static Replicas find(Path dir, String wanted) {
      TreeMap<Integer, Path> files = new TreeMap<>();
      String project = wanted;
      String suffix = null;
      try (var s = Files.list(dir)) {
        for (Path p : s.sorted().toList()) {
          Matcher m = REPLICA.matcher(p.getFileName().toString());
          if (m.matches() && (project == null || project.equals(m.group(1)))) {
            if (project == null) {
              project = m.group(1);
            }
            suffix = m.group(3);
            files.put(Integer.parseInt(m.group(2)), p);
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (files.isEmpty()) {
        throw new MissingInputException(dir + ": no CP2K BAND replica files (*-pos-Replica_nr_*-1.xyz)");
      }
      int expect = 1;
      for (int k : files.keySet()) {
        if (k != expect++) {
          throw new MalformedInputException(files.get(k).toString(), 0, "replica " + (expect - 1) + " before replica " + k,
              "a gap in the replica numbers " + files.keySet());
        }
      }
      return new Replicas(project, suffix, files);
    }
  }

  /**
   * Compares the replica files with the replica count of the input (or, without one, of the .ener
   * file): too few files is an error, too many a warning.
   */
  private static void checkReplicaCount(Path dir, Replicas replicas, Cp2kInput input, Path enerPath, List<String> warnings) {
    int files = replicas.files().size();
    boolean fromInput = input != null && input.bandReplicas() > 0;
    int expected = fromInput ? input.bandReplicas() : enerReplicas(enerPath);
    if (expected > files) {
      String source = fromInput ? "NUMBER_OF_REPLICA / &REPLICA of " + input.path().getFileName()
          : "the columns of " + enerPath.getFileName();
      throw new MissingInputException(dir.resolve(replicas.project() + "-pos-Replica_nr_" + (files + 1) + "-" + replicas.suffix() + ".xyz")
          + ": no such file: the band has " + expected + " replicas (" + source + ") but only replica files 1 to " + files
          + " are here");
    }
    if (expected > 0 && expected < files) {
      warnings.add(files + " replica files but " + expected + " replicas in the input: every file is used");
    }
  }

  /**
   * One replica's trajectory, reduced to what the band needs.
   *
   * @param first the replica's first band iteration
   * @param last its last band iteration
   * @param iterations how many iterations the file holds
   */
  private record ReplicaTrajectory(XyzBlock first, XyzBlock last, int iterations) {

    /** Reads a replica file; throws when it holds no iteration. */
    static ReplicaTrajectory read(Path file) {
      XyzBlock first = null;
      XyzBlock last = null;
      int count = 0;
      try (Cp2kXyzReader r = Cp2kXyzReader.open(file, Cp2kXyzReader.Quantity.POSITIONS)) {
        for (XyzBlock b = r.next(); b != null; b = r.next()) {
          if (last == null) {
            first = b;
          }
          last = b;
          count++;
        }
      }
      if (last == null) {
        throw new MalformedInputException(file.toString(), 1, "at least one band iteration", null);
      }
      return new ReplicaTrajectory(first, last, count);
    }
  }

  /**
   * Whether this band starts where {@code earlier} ended: the same atoms and replica count, and the
   * first geometry of every replica within {@code toleranceA} (minimum image, per coordinate) of
   * the other band's last one, as a band continued from its final replicas does.
   */
  public boolean continues(Cp2kBand earlier, double toleranceA) {
    if (!atoms.equals(earlier.atoms) || images.size() != earlier.images.size()) {
      return false;
    }
    double[] d = new double[3];
    for (int k = 0; k < images.size(); k++) {
      Frame a = earlier.images.get(k);
      double[] b = firstPositionsA.get(k);
      Cell cell = images.get(k).cell();
      for (int i = 0; i < a.atomCount(); i++) {
        cell.minimumImage(b[3 * i] - a.position(i, 0), b[3 * i + 1] - a.position(i, 1), b[3 * i + 2] - a.position(i, 2), d);
        if (Math.abs(d[0]) > toleranceA || Math.abs(d[1]) > toleranceA || Math.abs(d[2]) > toleranceA) {
          return false;
        }
      }
    }
    return true;
  }

  private static double[] replicaForces(Path dir, String project, int replica, String suffix, long step, int n) {
    try (var s = Files.list(dir)) {
      Pattern p = Pattern.compile(Pattern.quote(project) + "-force-Replica_nr_0*" + replica + "-" + suffix + "\\.xyz(\\.(gz|bz2|xz))?");
      Path f = s.filter(x -> p.matcher(x.getFileName().toString()).matches()).findFirst().orElse(null);
      if (f == null) {
        return null;
      }
      try (Cp2kXyzReader r = Cp2kXyzReader.open(f, Cp2kXyzReader.Quantity.FORCES)) {
        double[] found = null;
        for (XyzBlock b = r.next(); b != null; b = r.next()) {
          if (b.step() == step) {
            found = b.hasValues() && b.values().length == 3 * n ? b.values() : null;
          }
        }
        return found;
      }
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The replica count N of a BAND .ener file (rows: iteration, N energies, N − 1 distances); 0 when absent or unreadable. */
  private static int enerReplicas(Path ener) {
    if (!Files.isRegularFile(ener)) {
      return 0;
    }
    try (LineReader r = LineReader.open(ener)) {
      while (r.next()) {
        if (!r.isBlank() && !r.startsWithTrimmed("#")) {
          int cols = r.countTokens();
          return cols >= 2 && cols % 2 == 0 ? cols / 2 : 0;
        }
      }
    } catch (RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** The distances d_12 … d_(N-1)N of the last row of a BAND .ener file, in Å. */
  private static double[] lastEnerDistances(Path ener, int replicas) {
    if (!Files.isRegularFile(ener)) {
      return new double[0];
    }
    String last = null;
    try (LineReader r = LineReader.open(ener)) {
      while (r.next()) {
        if (!r.isBlank()) {
          last = r.line();
        }
      }
    }
    if (last == null) {
      return new double[0];
    }
    String[] t = last.strip().split("\\s+");
    if (t.length != 1 + replicas + (replicas - 1)) {
      return new double[0];
    }
    double[] d = new double[replicas - 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = Double.parseDouble(t[1 + replicas + i]) * Units.BOHR_TO_ANGSTROM;
    }
    return d;
  }
}
