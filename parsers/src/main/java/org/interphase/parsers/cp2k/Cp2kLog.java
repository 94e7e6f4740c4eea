package org.interphase.parsers.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.EnergyStep;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.io.LineReader;

/**
 * The CP2K main output log, read in one pass (versions 2.6 to 2025).
 *
 * <p>Lines read: {@code CP2K| version string: CP2K version 2023.1}; {@code GLOBAL| Project name};
 * {@code GLOBAL| Run type}; the initial cell {@code CELL| Vector a [angstrom]: …} (or {@code
 * CELL_TOP|}); single-point energies {@code ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:}; the
 * {@code ATOMIC FORCES in [a.u.]} block; MD steps in the new layout (2022+: {@code MD| Step number},
 * {@code MD| Time [fs]}, {@code MD| Potential energy [hartree]}, {@code MD| Kinetic energy},
 * {@code MD| Temperature [K]}, {@code MD| Conserved quantity}, {@code MD| Cell lengths [ang]}, {@code
 * MD| Cell angles [deg]}) and the old one ({@code STEP NUMBER =}, {@code TIME [fs] =}, {@code
 * POTENTIAL ENERGY[hartree] =}, {@code CELL LNTHS[bohr] =}, {@code CELL ANGLS[deg] =}); {@code MD_INI|}
 * step 0 of the new layout; {@code PROGRAM ENDED AT}.
 *
 * @param cellLengthsPerStep per-step cell from the MD blocks (lengths Å and angles), null entries
 *     where the step printed none; cells built with a along x and b in the xy plane
 */
public record Cp2kLog(String version, String project, String runType, String ensemble, double timestepFs, Cell initialCell,
    List<EnergyStep> mdSteps, List<Cell> mdCells, List<Double> singlePointEnergiesEv, double[] lastForcesEvPerA,
    boolean endedNormally, int atoms) {

  private static final long MD_INI_STEP = Long.MIN_VALUE;
  private static final Pattern VERSION = Pattern.compile("CP2K version\\s+(\\S+)");

  /** Reads a log. */
  public static Cp2kLog read(Path path) {
    HeadLines head = new HeadLines();
    double dt = Double.NaN;
    double[][] vec = new double[3][];
    List<EnergyStep> steps = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    List<Double> sp = new ArrayList<>();
    double[] forces = null;
    boolean ended = false;
    int atoms = -1;
    // the MD step being assembled
    long step = -1;
    double time = Double.NaN;
    double pot = Double.NaN;
    double kin = Double.NaN;
    double temp = Double.NaN;
    double cons = Double.NaN;
    double[] lengths = null;
    double[] angles = null;
    boolean inStep = false;
    try (LineReader r = LineReader.open(path)) {
      while (r.next()) {
        String l = r.line();
        if (l.isEmpty()) {
          continue;
        }
        if (head.accept(l)) {
          continue;
        }
        if ((l.contains("MD_PAR| Time step [fs]") || l.contains("MD| Time Step [fs]")) && Double.isNaN(dt)) {
          dt = lastNumber(r);
        } else if ((l.startsWith(" CELL| Vector") || l.startsWith(" CELL_TOP| Vector")) && l.contains("[angstrom")) {
          int k = l.contains("Vector a") ? 0 : l.contains("Vector b") ? 1 : 2;
          if (vec[k] == null) {
            r.rewind();
            r.skipPast(l.contains("]:") ? "]:" : "[angstrom");
            vec[k] = new double[] {r.nextDouble("x"), r.nextDouble("y"), r.nextDouble("z")};
          }
        } else if (l.contains("- Atoms:") && atoms < 0) {
          atoms = (int) lastNumber(r);
        } else if (l.contains("ENERGY| Total FORCE_EVAL")) {
          sp.add(lastNumber(r) * Units.HARTREE_TO_EV);
        } else if (l.contains("ATOMIC FORCES in [a.u.]")) {
          forces = readForces(r);
        } else if (l.contains("FORCES| Atomic forces [hartree/bohr]")) {
          forces = readForces2025(r);
        } else if (l.contains("MD| Step number") || l.contains("STEP NUMBER  ")) {
          if (inStep) {
            steps.add(new EnergyStep(step, time, new Energies(pot, Double.NaN, Double.NaN, kin, cons, temp)));
            cells.add(cellOf(lengths, angles));
          }
          inStep = true;
          step = (long) lastNumber(r);
          if (!steps.isEmpty() && steps.get(steps.size() - 1).step() == MD_INI_STEP) {
            // MD_INI describes the configuration just before the first MD step (step 0, or the restart point)
            EnergyStep ini = steps.remove(steps.size() - 1);
            steps.add(new EnergyStep(step - 1, ini.timeFs(), ini.energies()));
          }
          time = pot = kin = temp = cons = Double.NaN;
          lengths = null;
          angles = null;
        } else if (l.contains("MD_INI| MD initialization")) {
          inStep = true;
          step = MD_INI_STEP;
          time = Double.NaN;
          pot = kin = temp = cons = Double.NaN;
          lengths = null;
          angles = null;
        } else if (inStep) {
          if (l.contains("| Time [fs]") || l.contains(" TIME [fs]")) {
            time = lastNumber(r);
          } else if (l.contains("| Potential energy [hartree]") || l.contains("POTENTIAL ENERGY[hartree]")) {
            pot = firstNumber(r) * Units.HARTREE_TO_EV;
          } else if (l.contains("| Kinetic energy [hartree]") || l.contains("KINETIC ENERGY [hartree]")) {
            kin = firstNumber(r) * Units.HARTREE_TO_EV;
          } else if (l.contains("| Temperature [K]") || l.contains(" TEMPERATURE [K]")) {
            temp = firstNumber(r);
          } else if (l.contains("| Conserved quantity [hartree]") || l.contains("CONSERVED QUANTITY [hartree]")) {
            cons = lastNumber(r) * Units.HARTREE_TO_EV;
          } else if (l.contains("| Cell lengths [ang]") && !l.contains("Average")) {
            lengths = numbersAfter(r, "]");
          } else if (l.contains("CELL LNTHS[bohr]") && !l.contains("AVE.")) {
            lengths = numbersAfter(r, "=");
            for (int i = 0; i < 3; i++) {
              lengths[i] *= Units.BOHR_TO_ANGSTROM;
            }
          } else if ((l.contains("| Cell angles [deg]") && !l.contains("Average")) || (l.contains("CELL ANGLS[deg]") && !l.contains("AVE."))) {
            angles = numbersAfter(r, l.contains("=") ? "=" : "]");
          }
        }
        if (l.contains("PROGRAM ENDED AT")) {
          ended = true;
        }
      }
    }
    if (inStep && !Double.isNaN(pot)) {
      steps.add(new EnergyStep(step, time, new Energies(pot, Double.NaN, Double.NaN, kin, cons, temp)));
      cells.add(cellOf(lengths, angles));
    }
    if (head.version == null && head.project == null) {
      throw new MalformedInputException(path.toString(), 1, "a CP2K log (\"CP2K| version string\" or \"GLOBAL| Project name\")",
          "neither");
    }
    Cell cell = vec[0] != null && vec[1] != null && vec[2] != null ? Cell.ofRows(vec[0], vec[1], vec[2]) : null;
    return new Cp2kLog(head.version, head.project, head.runType, head.ensemble, dt, cell, List.copyOf(steps),
        java.util.Collections.unmodifiableList(cells), List.copyOf(sp), forces, ended, atoms);
  }

  private static Cell cellOf(double[] lengths, double[] angles) {
    if (lengths == null) {
      return null;
    }
    double[] a = angles == null ? new double[] {90, 90, 90} : angles;
    return Cell.fromLengthsAndAngles(lengths[0], lengths[1], lengths[2], a[0], a[1], a[2]);
  }

  private static double[] readForces(LineReader r) {
    List<double[]> rows = new ArrayList<>();
    while (r.next()) {
      String l = r.line();
      if (l.contains("SUM OF ATOMIC FORCES")) {
        break;
      }
      if (l.strip().startsWith("#") || l.isBlank()) {
        continue;
      }
      r.rewind();
      r.nextToken("atom index");
      r.nextToken("kind");
      r.nextToken("element");
      rows.add(new double[] {r.nextDouble("force x"), r.nextDouble("force y"), r.nextDouble("force z")});
    }
    return toEvPerAngstrom(rows);
  }

  /**
   * CP2K 2025 layout: {@code FORCES| Atomic forces [hartree/bohr]}, a header {@code FORCES|   Atom
   * x y z |f|}, rows {@code FORCES|      1 -7.5E-07 -1.2E-05 -2.3E-05   2.6E-05}, then {@code
   * FORCES| Total atomic force}.
   */
  private static double[] readForces2025(LineReader r) {
    List<double[]> rows = new ArrayList<>();
    while (r.next()) {
      String l = r.line();
      if (!l.contains("FORCES|") || l.contains("Total")) {
        break;
      }
      r.rewind();
      r.skipPast("FORCES|");
      if (!r.nextIsNumber()) {
        continue;
      }
      r.nextToken("atom index");
      rows.add(new double[] {r.nextDouble("force x"), r.nextDouble("force y"), r.nextDouble("force z")});
    }
    return toEvPerAngstrom(rows);
  }

  /** Force rows in Hartree/bohr → one flat array in eV/Å. */
  private static double[] toEvPerAngstrom(List<double[]> rows) {
    double[] f = new double[3 * rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < 3; k++) {
        f[3 * i + k] = rows.get(i)[k] * Units.HARTREE_PER_BOHR_TO_EV_PER_ANGSTROM;
      }
    }
    return f;
  }

  private static String last(String l) {
    String[] t = l.strip().split("\\s+");
    return t[t.length - 1];
  }

  private static double lastNumber(LineReader r) {
    String[] t = r.line().strip().split("\\s+");
    String s = t[t.length - 1];
    try {
      return Double.parseDouble(s.replace('D', 'E'));
    } catch (NumberFormatException e) {
      throw new MalformedInputException(r.source(), r.lineNumber(), "a number at the end of the line", s);
    }
  }

  private static double firstNumber(LineReader r) {
    r.rewind();
    while (r.hasMoreTokens()) {
      if (r.nextIsNumber()) {
        return r.nextDouble("a number");
      }
      r.nextToken("a token");
    }
    throw r.error("a number");
  }

  private static double[] numbersAfter(LineReader r, String marker) {
    r.rewind();
    r.skipPast(marker);
    return new double[] {r.nextDouble("3 numbers"), r.nextDouble("3 numbers"), r.nextDouble("3 numbers")};
  }

  /** Finds the log of a project in a folder: a {@code *.out}, {@code *.log} or {@code output} file naming it. */
  public static Path find(Path dir, String project) {
    try (var s = Files.list(dir)) {
      List<Path> cands = s.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".out") || n.endsWith(".log") || n.equals("output") || n.endsWith(".out.gz");
      }).sorted().toList();
      for (Path p : cands) {
        if (project != null && namesProject(p, project)) {
          return p;
        }
      }
      return null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /**
   * What the head of a log says (version, project, run type, ensemble), read from its first lines
   * only: cheap for a log of any length. Fields not found are null.
   */
  public record Head(String version, String project, String runType, String ensemble) {}

  /** Reads the head of a log (up to the first MD step or 5000 lines). */
  public static Head head(Path p) {
    HeadLines head = new HeadLines();
    try (LineReader r = LineReader.open(p)) {
      for (int i = 0; i < 5000 && r.next(); i++) {
        String l = r.line();
        if (!head.accept(l) && (l.contains("MD| Step number") || l.contains("STEP NUMBER  "))) {
          break;
        }
      }
    }
    return new Head(head.version, head.project, head.runType, head.ensemble);
  }

  /** Collects the head fields of a log, line by line; shared by {@link #read} and {@link #head}. */
  private static final class HeadLines {
    String version;
    String project;
    String runType;
    String ensemble;

    /** Takes {@code l} if it is a head line; true when it was. */
    boolean accept(String l) {
      if (version == null && l.contains("CP2K| version string:")) {
        Matcher m = VERSION.matcher(l);
        version = m.find() ? m.group(1) : l.substring(l.indexOf(':') + 1).strip();
      } else if (l.contains("GLOBAL| Project name")) {
        project = last(l);
      } else if (l.contains("GLOBAL| Run type")) {
        runType = last(l);
      } else if (l.contains("MD_PAR| Ensemble type") || l.contains("MD| Ensemble Type")) {
        ensemble = last(l);
      } else {
        return false;
      }
      return true;
    }
  }

  /** The run type from the head of a log ({@code GLOBAL| Run type}), or null. */
  public static String runTypeOf(Path p) {
    try (LineReader r = LineReader.open(p)) {
      for (int i = 0; i < 2000 && r.next(); i++) {
        String l = r.line();
        if (l.contains("GLOBAL| Run type")) {
          return last(l);
        }
      }
    }
    return null;
  }

  private static boolean namesProject(Path p, String project) {
    try (LineReader r = LineReader.open(p)) {
      for (int i = 0; i < 400 && r.next(); i++) {
        String l = r.line();
        if (l.contains("GLOBAL| Project name")) {
          return last(l).equals(project);
        }
      }
    } catch (RuntimeException e) {
      return false;
    }
    return false;
  }
}
