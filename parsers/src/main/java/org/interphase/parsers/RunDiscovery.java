package org.interphase.parsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.interphase.core.MissingInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.parsers.cp2k.Cp2kBand;
import org.interphase.parsers.cp2k.Cp2kInput;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.io.Compression;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.vasp.VaspNeb;

/**
 * Recognises runs in a directory by their files: a VASP MD or relaxation run (XDATCAR, vasprun.xml,
 * OUTCAR), a VASP NEB (image folders 00 … NN), a CP2K MD or GEO_OPT run (one per project with a
 * {@code <P>-pos-<K>.xyz}), a CP2K BAND run (replica trajectories). A command asks for the kinds it
 * can use; other runs in the folder are ignored, and two candidates of a wanted kind are an error
 * naming both.
 */
public final class RunDiscovery {
  private RunDiscovery() {}

  /** What kind of run. */
  public enum RunKind {
    VASP_MD("an XDATCAR, vasprun.xml or OUTCAR"),
    VASP_NEB("VASP NEB image folders 00, 01, 02, …"),
    CP2K_MD("a CP2K PROJECT-pos-1.xyz"),
    CP2K_GEO_OPT("a CP2K PROJECT-pos-1.xyz of a GEO_OPT"),
    CP2K_BAND("CP2K BAND replicas PROJECT-pos-Replica_nr_N-1.xyz"),
    CP2K_LOG("a CP2K main log (single point, or MD energies without a trajectory)"),
    TRAJECTORY("a LAMMPS dump (*.lammpstrj, *.lammpsdump), extended XYZ (*.extxyz) or H5MD (*.h5md) file");

    private final String files;

    RunKind(String files) {
      this.files = files;
    }

    /** The files that make a run of this kind, as a user would look for them. */
    public String files() {
      return files;
    }
  }

  /**
   * One recognised run.
   *
   * @param primary the file (or folder for a VASP NEB) a reader opens
   */
  public record Run(RunKind kind, String name, Path primary) {}

  /** Every run in {@code dir}. */
  public static List<Run> discover(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MissingInputException(dir + ": no such directory");
    }
    List<Run> runs = new ArrayList<>();
    if (VaspNeb.isNebDir(dir)) {
      runs.add(new Run(RunKind.VASP_NEB, dir.getFileName().toString(), dir));
    }
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path vasp = null;
    int vaspRank = Integer.MAX_VALUE;
    Set<String> bandProjects = new java.util.TreeSet<>();
    for (Path f : files) {
      String n = f.getFileName().toString();
      String base = n.replaceFirst("\\.(gz|bz2|xz)$", "");
      FormatRegistry.RunFiles rf = runFiles(n);
      if (rf == null) {
        continue;
      }
      switch (rf.kind()) {
        case CP2K_BAND -> {
          String project = n.substring(0, n.indexOf("-pos-Replica_nr_"));
          if (bandProjects.add(project)) {
            runs.add(new Run(RunKind.CP2K_BAND, project, f));
          }
        }
        case CP2K_MD, CP2K_GEO_OPT -> {
          String project = base.substring(0, base.lastIndexOf("-pos-"));
          runs.add(new Run(cp2kKind(dir, project, f), project, f));
        }
        case TRAJECTORY -> runs.add(new Run(RunKind.TRAJECTORY, base.replaceFirst("\\.[^.]+$", ""), f));
        case VASP_MD -> {
          // one VASP run per folder, its primary file the one of lowest rank (XDATCAR, vasprun.xml, OUTCAR)
          if (rf.rank() < vaspRank) {
            vasp = f;
            vaspRank = rf.rank();
          }
        }
        default -> {
          // logs are runs only in a folder without CP2K trajectories: below
        }
      }
    }
    if (vasp != null) {
      runs.add(new Run(RunKind.VASP_MD, dir.getFileName().toString(), vasp));
    }
    if (runs.stream().noneMatch(r -> r.kind() != RunKind.VASP_NEB && r.kind().name().startsWith("CP2K"))) {
      // a folder of CP2K logs alone: single points (interface energies) or an MD whose trajectory was not kept
      for (Path f : files) {
        if (isCp2kLog(f)) {
          runs.add(new Run(RunKind.CP2K_LOG, Compression.baseName(f), f));
        }
      }
    }
    return runs;
  }

  /**
   * The NEB runs in {@code dir} (a VASP NEB folder, CP2K BAND runs), recognised by file names alone:
   * unlike {@link #discover}, no input or log is opened, so other files in the folder cannot stop it.
   */
  public static List<Run> nebRuns(Path dir) {
    List<Run> runs = new ArrayList<>();
    if (VaspNeb.isNebDir(dir)) {
      runs.add(new Run(RunKind.VASP_NEB, dir.getFileName().toString(), dir));
    }
    Set<String> projects = new java.util.TreeSet<>();
    try (var s = Files.list(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String n = f.getFileName().toString();
        if (Cp2kBand.isReplicaFile(n) && projects.add(n.substring(0, n.indexOf("-pos-Replica_nr_")))) {
          runs.add(new Run(RunKind.CP2K_BAND, n.substring(0, n.indexOf("-pos-Replica_nr_")), f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    return runs;
  }

  /**
   * The one run of a wanted kind in {@code dir}.
   *
   * @throws UnsupportedFormatException when there is none, or more than one (naming the candidates)
   */
  public static Run require(Path dir, Set<RunKind> wanted, String purpose) {
    List<Run> hits = discover(dir).stream().filter(r -> wanted.contains(r.kind())).toList();
    if (hits.isEmpty()) {
      throw new UnsupportedFormatException("no " + purpose.replaceFirst("^(an?|the) ", "") + " in " + dir + ": expected "
          + String.join(" or ", wanted.stream().map(RunKind::files).toList()));
    }
    if (hits.size() > 1) {
      throw new UnsupportedFormatException(dir + ": " + hits.size() + " candidate runs for " + purpose + ": "
          + String.join(", ", hits.stream().map(r -> r.primary().getFileName().toString()).toList()) + "; name one of the files instead");
    }
    return hits.get(0);
  }

  /**
   * The run role of the first format whose run files match {@code fileName}, other than logs (their
   * names, {@code *.out}, are too common to claim a file by name alone); null when none.
   */
  private static FormatRegistry.RunFiles runFiles(String fileName) {
    for (FormatRegistry.Format f : FormatRegistry.formats()) {
      FormatRegistry.RunFiles rf = f.run();
      if (rf != null && rf.kind() != RunKind.CP2K_LOG && rf.fileName().test(fileName)) {
        return rf;
      }
    }
    return null;
  }

  /**
   * Whether {@code f} is the log of a run: a format making CP2K_LOG runs claims it by name and content, or by content alone when the
   * name tells nothing (no format's name and no known companion's, e.g. a log saved as {@code geo_opt} without extension).
   */
  private static boolean isCp2kLog(Path f) {
    boolean nameTellsNothing = FormatRegistry.formats().stream().noneMatch(fm -> FormatRegistry.matchesName(fm, f))
        && FormatRegistry.otherFileKind(f).isEmpty();
    for (FormatRegistry.Format log : FormatRegistry.formats()) {
      if (log.run() == null || log.run().kind() != RunKind.CP2K_LOG || !(nameTellsNothing || FormatRegistry.matchesName(log, f))) {
        continue;
      }
      try {
        if (log.sniffer().test(new String(Compression.head(f, 8192), java.nio.charset.StandardCharsets.ISO_8859_1))) {
          return true;
        }
      } catch (RuntimeException e) {
        return false; // a file that cannot be read is not claimed here; info lists it with its reason
      }
    }
    return false;
  }

  /** The kinds that give energies per frame or per single point (interface energies). */
  public static final Set<RunKind> ENERGIES = EnumSet.of(RunKind.VASP_MD, RunKind.CP2K_MD, RunKind.CP2K_LOG);

  /** The MD kinds. */
  public static final Set<RunKind> MD = EnumSet.of(RunKind.VASP_MD, RunKind.CP2K_MD, RunKind.TRAJECTORY);
  /** The NEB kinds. */
  public static final Set<RunKind> NEB = EnumSet.of(RunKind.VASP_NEB, RunKind.CP2K_BAND);

  private static RunKind cp2kKind(Path dir, String project, Path pos) {
    Path in = Cp2kInput.find(dir, project);
    String runType = null;
    if (in != null) {
      runType = Cp2kInput.read(in).runType();
    }
    if (runType == null) {
      Path log = Cp2kLog.find(dir, project);
      if (log != null) {
        runType = Cp2kLog.runTypeOf(log);
      }
    }
    if (runType == null) {
      // no input or log: an MD trajectory carries "time =" on its comment lines
      try (LineReader r = LineReader.open(pos)) {
        if (r.next() && r.next()) {
          runType = r.line().contains("time =") ? "MD" : "GEO_OPT";
        }
      }
    }
    return runType != null && (runType.equals("GEO_OPT") || runType.equals("CELL_OPT")) ? RunKind.CP2K_GEO_OPT : RunKind.CP2K_MD;
  }
}
