package org.interphase.parsers.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.EnergyStep;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.io.LineReader;

/**
 * The CP2K main output log, read in one streaming pass (versions 2.6 to 2025).
 *
 * <p>Lines read. Head (also by {@link #head(Path)}, which stops at the first energy): {@code CP2K|
 * version string: CP2K version 2023.1}; {@code GLOBAL| Project name}; {@code GLOBAL| Run type}; the
 * initial cell {@code CELL| Vector a [angstrom]: …} (2.6: {@code CELL| Vector a [angstrom  …}, or
 * {@code CELL_TOP|}); {@code  1. Atomic kind: Sb   Number of atoms: 5} of the ATOMIC KIND INFORMATION
 * table; the rows {@code atom kind element Z x y z Z(eff) mass} of the {@code ATOMIC COORDINATES IN
 * angstrom} table (whose Element column maps kind numbers to elements); {@code - Atoms:}; the MD
 * time step ({@code MD_PAR| Time step [fs]}, 2.6–7.1 {@code MD| Time Step [fs]}), ensemble and the
 * coordinates print frequency ({@code MD_PAR| Coordinates  10  P-pos-1.xyz}). Body: single-point
 * energies {@code ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:} ({@code [hartree]} from 2025); the
 * {@code ATOMIC FORCES in [a.u.]} block (2025: {@code FORCES| Atomic forces [hartree/bohr]}); MD steps
 * in the new layout (2022+: {@code MD| Step number}, {@code MD| Time [fs]}, {@code MD| Potential energy
 * [hartree]}, {@code MD| Kinetic energy}, {@code MD| Temperature [K]}, {@code MD| Conserved quantity},
 * {@code MD| Cell lengths [ang]}, {@code MD| Cell angles [deg]}) and the old one ({@code STEP NUMBER
 * =}, {@code TIME [fs] =}, {@code POTENTIAL ENERGY[hartree] =}, {@code CELL LNTHS[bohr] =}, {@code
 * CELL ANGLS[deg] =}); {@code MD_INI|} (step 0 of the new layout) and {@code INITIAL POTENTIAL
 * ENERGY[hartree] =} (step 0 of the old); {@code PROGRAM ENDED AT}.
 *
 * <p>MD steps repeated in the log (a restart appended to it) keep the latest occurrence of each step,
 * with a warning, as the trajectory files do ({@link StepOrder}). A step without a printed time gets
 * the time of its step number × the time step.
 *
 * @param mdSteps MD steps, one per step, increasing
 * @param mdCells per step, the cell from its lengths (Å) and angles (a along x, b in the xy plane);
 *     null entries where the step printed none
 * @param singlePointEnergiesEv every {@code ENERGY| Total FORCE_EVAL} value, eV
 * @param lastForcesEvPerA the last force block, eV/Å, null when none
 * @param atoms the {@code - Atoms:} count, -1 when absent
 * @param forceElements element per atom from the Element column of the first force block, empty when none
 * @param warnings what was repaired or assumed
 */
public record Cp2kLog(Head head, List<EnergyStep> mdSteps, List<Cell> mdCells, List<Double> singlePointEnergiesEv,
    double[] lastForcesEvPerA, boolean endedNormally, List<String> forceElements, List<String> warnings) {

  private static final long MD_INI_STEP = Long.MIN_VALUE;
  private static final Pattern VERSION = Pattern.compile("CP2K version\\s+(\\S+)");
  private static final Pattern KIND = Pattern.compile("^\\s*(\\d+)\\.\\s+Atomic kind:\\s+(\\S+)\\s+Number of atoms:\\s+(\\d+)");

  /** CP2K version as printed ({@code 2023.1}), null when absent. */
  public String version() {
    return head.version();
  }

  /** {@code GLOBAL| Project name}, null when absent. */
  public String project() {
    return head.project();
  }

  /** {@code GLOBAL| Run type}, null when absent. */
  public String runType() {
    return head.runType();
  }

  /** MD ensemble, null when absent. */
  public String ensemble() {
    return head.ensemble();
  }

  /** MD time step in fs, NaN when absent. */
  public double timestepFs() {
    return head.timestepFs();
  }

  /** The label the time step was read from, as the log writes it; null when absent. */
  public String timestepLabel() {
    return head.timestepLabel();
  }

  /**
   * The cell of the {@code CELL|} lines, null when absent: components printed to 3 decimals, each
   * vector scaled to its length {@code |a| = …} printed to 6.
   */
  public Cell initialCell() {
    return head.cell();
  }

  /** The {@code - Atoms:} count, -1 when absent. */
  public int atoms() {
    return head.atoms();
  }

  /** The kinds of the ATOMIC KIND INFORMATION table, empty when the log has none (PRINT_LEVEL LOW). */
  public List<Kind> kinds() {
    return head.kinds();
  }

  /**
   * One kind of the ATOMIC KIND INFORMATION table.
   *
   * @param number the kind number (1-based) the coordinate and force tables refer to
   * @param name the kind label
   * @param atoms its number of atoms
   * @param element the element CP2K used for it (Element column of the coordinate table), null when
   *     the log has no coordinate table
   * @param line line of the table entry
   */
  public record Kind(int number, String name, int atoms, String element, long line) {}

  /**
   * What the head of a log says, read from its first lines only (up to the first energy).
   *
   * @param path the log
   * @param kinds the kind table in kind-number order
   * @param atomKinds kind label of every atom of the coordinate table, empty when none
   * @param cell the {@code CELL|} cell, null when absent
   * @param atoms the {@code - Atoms:} count, -1 when absent
   * @param timestepFs MD time step (fs), NaN when absent
   * @param coordinatesEvery MD steps between stored positions ({@code MD_PAR| Coordinates}), 0 when absent
   * @param line line of the time step, 0 when absent
   * @param timestepLabel the label the time step was read from ({@code MD_PAR| Time step}, or {@code MD| Time Step}
   *     of 2.6–7.1 logs), null when absent
   */
  public record Head(Path path, String version, String project, String runType, String ensemble, List<Kind> kinds,
      List<String> atomKinds, Cell cell, int atoms, double timestepFs, int coordinatesEvery, long line, String timestepLabel) {

    /** Atoms per element from the kind table, in kind order; empty without one or when an element is unknown. */
    public Map<String, Integer> composition() {
      Map<String, Integer> c = new LinkedHashMap<>();
      for (Kind k : kinds) {
        if (k.element() == null) {
          return Map.of();
        }
        c.merge(k.element(), k.atoms(), Integer::sum);
      }
      return c;
    }
  }

  /**
   * Reads a log.
   *
   * @throws MalformedInputException when the file is not a CP2K log, or a value it reads is not a
   *     finite number (with the line)
   */
  public static Cp2kLog read(Path path) {
    HeadLines head = new HeadLines();
    MdStepLines md = new MdStepLines();
    List<Double> sp = new ArrayList<>();
    double[] forces = null;
    List<String> forceElements = new ArrayList<>();
    boolean ended = false;
    try (LineReader r = LineReader.open(path)) {
      while (r.next()) {
        String l = r.line();
        if (l.isEmpty() || head.accept(l, r)) {
          continue;
        }
        if (l.contains("ENERGY| Total FORCE_EVAL")) {
          sp.add(lastNumber(r, "the energy in Hartree") * Units.HARTREE_TO_EV);
        } else if (l.contains("ATOMIC FORCES in [a.u.]")) {
          forces = readForces(r, forceElements.isEmpty() ? forceElements : null);
        } else if (l.contains("FORCES| Atomic forces [hartree/bohr]")) {
          forces = readForces2025(r);
        } else {
          md.accept(l, r);
        }
        if (l.contains("PROGRAM ENDED AT")) {
          ended = true;
        }
      }
    }
    md.finish();
    if (head.version == null && head.project == null) {
      throw new MalformedInputException(path.toString(), 1, "a CP2K log (\"CP2K| version string\" or \"GLOBAL| Project name\")",
          "neither");
    }
    List<String> warnings = new ArrayList<>();
    StepOrder order = StepOrder.of(md.steps.stream().mapToLong(EnergyStep::step).toArray());
    List<EnergyStep> ordered = kept(md.steps, order);
    List<Cell> orderedCells = kept(md.cells, order);
    String back = order.describe("MD steps");
    if (back != null) {
      warnings.add(back);
    }
    Head h = head.build(path);
    return new Cp2kLog(h, List.copyOf(withTimes(ordered, h.timestepFs())), java.util.Collections.unmodifiableList(orderedCells),
        List.copyOf(sp), forces, ended, List.copyOf(forceElements), List.copyOf(warnings));
  }

  /** The entries of {@code all} (one per step read) whose step {@code order} keeps. */
  private static <T> List<T> kept(List<T> all, StepOrder order) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (order.kept(i)) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /** The MD steps of a log in the order read: the steps finished so far and the values of the one being read. */
  private static final class MdStepLines {
    private final List<EnergyStep> steps = new ArrayList<>();
    /** Per finished step, its cell; null where it printed none. */
    private final List<Cell> cells = new ArrayList<>();
    private boolean inStep;
    private long step = -1;
    private double time = Double.NaN;
    private double pot = Double.NaN;
    private double kin = Double.NaN;
    private double temp = Double.NaN;
    private double cons = Double.NaN;
    private double[] lengths;
    private double[] angles;

    /** Reads a line that starts an MD step or, inside one, gives one of its values; other lines are ignored. */
    void accept(String l, LineReader r) {
      if (l.contains("MD| Step number") || l.contains("STEP NUMBER  ")) {
        if (inStep) {
          add();
        }
        inStep = true;
        step = (long) lastNumber(r, "the step number");
        if (!steps.isEmpty() && steps.get(steps.size() - 1).step() == MD_INI_STEP) {
          // MD_INI describes the configuration just before the first MD step (step 0, or the restart point)
          EnergyStep ini = steps.remove(steps.size() - 1);
          steps.add(new EnergyStep(step - 1, ini.timeFs(), ini.energies()));
        }
        clear();
      } else if (l.contains("MD_INI| MD initialization")) {
        inStep = true;
        step = MD_INI_STEP;
        clear();
      } else if (l.contains("INITIAL POTENTIAL ENERGY[hartree]")) {
        // 2.6–7.1 logs print step 0 as INITIAL … lines before the first STEP NUMBER (as MD_INI| does later)
        if (inStep) {
          add();
        }
        inStep = true;
        step = MD_INI_STEP;
        clear();
        pot = firstNumber(r) * Units.HARTREE_TO_EV;
      } else if (inStep) {
        stepValue(l, r);
      }
    }

    /** Reads one value of the step being read: time, an energy, the temperature, cell lengths or angles. */
    private void stepValue(String l, LineReader r) {
      if (l.contains("| Time [fs]") || l.contains(" TIME [fs]")) {
        time = lastNumber(r, "the time in fs");
      } else if (l.contains("| Potential energy [hartree]") || l.contains("POTENTIAL ENERGY[hartree]")) {
        pot = firstNumber(r) * Units.HARTREE_TO_EV;
      } else if (l.contains("| Kinetic energy [hartree]") || l.contains("KINETIC ENERGY [hartree]")
          || l.contains("INITIAL KINETIC ENERGY[hartree]")) {
        kin = firstNumber(r) * Units.HARTREE_TO_EV;
      } else if (l.contains("| Temperature [K]") || l.contains(" TEMPERATURE [K]") || l.contains("INITIAL TEMPERATURE[K]")) {
        temp = firstNumber(r);
      } else if (l.contains("| Conserved quantity [hartree]") || l.contains("CONSERVED QUANTITY [hartree]")) {
        cons = lastNumber(r, "the conserved quantity in Hartree") * Units.HARTREE_TO_EV;
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

    /** Keeps the last step at the end of the log when it has a potential energy (a cut-off step has none yet). */
    void finish() {
      if (inStep && !Double.isNaN(pot)) {
        add();
      }
    }

    private void add() {
      steps.add(new EnergyStep(step, time, new Energies(pot, Double.NaN, Double.NaN, kin, cons, temp)));
      cells.add(cellOf(lengths, angles));
    }

    /** Forgets the values of the previous step. */
    private void clear() {
      time = pot = kin = temp = cons = Double.NaN;
      lengths = null;
      angles = null;
    }
  }

  /** Steps whose time was not printed (MD_INI) take the time of their step number from a neighbour's. */
  private static List<EnergyStep> withTimes(List<EnergyStep> steps, double dtFs) {
    EnergyStep ref = steps.stream().filter(s -> !Double.isNaN(s.timeFs())).findFirst().orElse(null);
    if (ref == null || Double.isNaN(dtFs)) {
      return steps;
    }
    List<EnergyStep> out = new ArrayList<>(steps.size());
    for (EnergyStep s : steps) {
      out.add(Double.isNaN(s.timeFs()) ? new EnergyStep(s.step(), ref.timeFs() + (s.step() - ref.step()) * dtFs, s.energies()) : s);
    }
    return out;
  }

  private static Cell cellOf(double[] lengths, double[] angles) {
    if (lengths == null) {
      return null;
    }
    double[] a = angles == null ? new double[] {90, 90, 90} : angles;
    return Cell.fromLengthsAndAngles(lengths[0], lengths[1], lengths[2], a[0], a[1], a[2]);
  }

  /** Rows {@code # Atom Kind Element X Y Z}; the Element column goes to {@code elements} when it is not null. */
  private static double[] readForces(LineReader r, List<String> elements) {
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
      String el = r.nextToken("element");
      if (elements != null) {
        elements.add(el);
      }
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

  /** The number at the end of the line; a NaN, infinity or overflow field there is an error. */
  private static double lastNumber(LineReader r, String expected) {
    String[] t = r.line().strip().split("\\s+");
    String s = t[t.length - 1];
    try {
      double v = Double.parseDouble(s.replace('D', 'E'));
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedInputException(r.source(), r.lineNumber(), expected + " (a finite number) at the end of the line", s);
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
   * Reads the head of a log: everything before the first energy (or first MD step), so cheap for a
   * log of any length.
   *
   * @throws MalformedInputException when a table of the head is malformed
   */
  public static Head head(Path p) {
    HeadLines head = new HeadLines();
    try (LineReader r = LineReader.open(p)) {
      while (r.next()) {
        String l = r.line();
        if (!head.accept(l, r) && (l.contains("MD| Step number") || l.contains("STEP NUMBER  ") || l.contains("ENERGY| Total FORCE_EVAL")
            || l.contains("PROGRAM ENDED AT"))) {
          break;
        }
      }
    }
    return head.build(p);
  }

  /** Collects the head fields of a log, line by line; shared by {@link #read} and {@link #head}. */
  private static final class HeadLines {
    String version;
    String project;
    String runType;
    String ensemble;
    double dt = Double.NaN;
    long dtLine;
    String dtLabel;
    int coordinatesEvery;
    int atoms = -1;
    final double[][] vec = new double[3][];
    final List<Kind> kinds = new ArrayList<>();
    final Map<Integer, String> kindElements = new LinkedHashMap<>();
    final List<Integer> atomKindNumbers = new ArrayList<>();
    boolean coordinatesRead;

    /** Takes {@code l} (the current line of {@code r}) if it is a head line; true when it was. May read further lines of a table. */
    boolean accept(String l, LineReader r) {
      if (version == null && l.contains("CP2K| version string:")) {
        Matcher m = VERSION.matcher(l);
        version = m.find() ? m.group(1) : l.substring(l.indexOf(':') + 1).strip();
      } else if (l.contains("GLOBAL| Project name")) {
        project = last(l);
      } else if (l.contains("GLOBAL| Run type")) {
        runType = last(l);
      } else if (l.contains("MD_PAR| Ensemble type") || l.contains("MD| Ensemble Type")) {
        ensemble = last(l);
      } else if ((l.contains("MD_PAR| Time step [fs]") || l.contains("MD| Time Step [fs]")) && Double.isNaN(dt)) {
        dt = lastNumber(r, "the time step in fs");
        dtLine = r.lineNumber();
        dtLabel = l.contains("MD_PAR| Time step [fs]") ? "MD_PAR| Time step" : "MD| Time Step";
      } else if ((l.contains("MD_PAR| Coordinates") || l.contains("MD| Coordinates")) && coordinatesEvery == 0) {
        r.rewind();
        r.skipPast("Coordinates");
        coordinatesEvery = r.nextIsNumber() ? (int) r.nextDouble("the print frequency") : 0;
      } else if ((l.startsWith(" CELL| Vector") || l.startsWith(" CELL_TOP| Vector")) && l.contains("[angstrom")) {
        int k = l.contains("Vector a") ? 0 : l.contains("Vector b") ? 1 : 2;
        if (vec[k] == null) {
          r.rewind();
          r.skipPast(l.contains("]:") ? "]:" : "[angstrom");
          double[] v = {r.nextDouble("x"), r.nextDouble("y"), r.nextDouble("z")};
          // the components are printed to 3 decimals, the length |a| = … to 6: scale to the length
          if (r.skipPast("=") && r.nextIsNumber()) {
            double len = r.nextDouble("the length of the vector");
            double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            if (norm > 0 && Math.abs(len - norm) < 2e-3) {
              for (int i = 0; i < 3; i++) {
                v[i] *= len / norm;
              }
            }
          }
          vec[k] = v;
        }
      } else if (l.contains("- Atoms:") && atoms < 0) {
        atoms = (int) lastNumber(r, "the number of atoms");
      } else if (l.contains("Atomic kind:") && l.contains("Number of atoms:")) {
        Matcher m = KIND.matcher(l);
        if (!m.find()) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "\"N. Atomic kind: NAME   Number of atoms: M\"", l);
        }
        int number = Integer.parseInt(m.group(1));
        if (kinds.stream().noneMatch(k -> k.number() == number)) {
          kinds.add(new Kind(number, m.group(2), Integer.parseInt(m.group(3)), null, r.lineNumber()));
        }
      } else if (l.contains("ATOMIC COORDINATES IN") && !coordinatesRead) {
        readCoordinates(r);
      } else {
        return false;
      }
      return true;
    }

    /**
     * The coordinate table: a header with {@code Atom Kind Element}, blank lines, then rows {@code 1
     * 1 O 8 x y z Z(eff) mass} up to the next blank line.
     */
    private void readCoordinates(LineReader r) {
      boolean header = false;
      while (r.next()) {
        if (r.isBlank()) {
          if (!atomKindNumbers.isEmpty()) {
            break;
          }
          continue;
        }
        String l = r.line();
        if (!header) {
          if (!(l.contains("Atom") && l.contains("Kind") && l.contains("Element"))) {
            return;
          }
          header = true;
          continue;
        }
        r.rewind();
        if (!r.nextIsNumber()) {
          break;
        }
        r.nextLong("the atom number");
        int kind = (int) r.nextLong("the kind number of atom " + (atomKindNumbers.size() + 1));
        String el = r.nextToken("the element of atom " + (atomKindNumbers.size() + 1));
        if (el.length() > 2 || org.interphase.core.Elements.atomicNumber(el) == 0) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "an element symbol in the Element column", el);
        }
        String prior = kindElements.putIfAbsent(kind, el);
        if (prior != null && !prior.equals(el)) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "element " + prior + " for every atom of kind " + kind, el);
        }
        atomKindNumbers.add(kind);
      }
      coordinatesRead = true;
    }

    Head build(Path path) {
      List<Kind> ks = new ArrayList<>();
      for (Kind k : kinds) {
        String el = kindElements.get(k.number());
        ks.add(new Kind(k.number(), k.name(), k.atoms(), el == null ? null : normal(el), k.line()));
      }
      List<String> atomKinds = new ArrayList<>();
      for (int number : atomKindNumbers) {
        Kind k = ks.stream().filter(x -> x.number() == number).findFirst().orElse(null);
        if (k == null) {
          atomKinds.clear();
          break;
        }
        atomKinds.add(k.name());
      }
      Cell cell = vec[0] != null && vec[1] != null && vec[2] != null ? Cell.ofRows(vec[0], vec[1], vec[2]) : null;
      return new Head(path, version, project, runType, ensemble, List.copyOf(ks), List.copyOf(atomKinds), cell, atoms, dt,
          coordinatesEvery, dtLine, dtLabel);
    }

    private static String normal(String el) {
      return el.substring(0, 1).toUpperCase(Locale.ROOT) + el.substring(1).toLowerCase(Locale.ROOT);
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
