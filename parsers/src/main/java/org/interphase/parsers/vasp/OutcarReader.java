package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.TruncatedInputException;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Streams the ionic steps of an OUTCAR in one forward pass: positions and forces ({@code POSITION
 * TOTAL-FORCE (eV/Angst)}), the cell ({@code direct lattice vectors}), energies ({@code free  energy
 * TOTEN  =}, {@code energy(sigma->0) =}), MD kinetic energy, temperature ({@code (temperature  312.58
 * K)}) and total energy, and the NEB tangential force in both spellings (VTST's {@code NEB:
 * projections on to tangent (spring, REAL)} and VASP's {@code tangential force (eV/A)}).
 *
 * <p>A step becomes a frame once its energy block has been read. Quirks handled: NWRITE=0 (energies
 * every step, positions only for the first and last: the steps without positions are counted and
 * reported, see {@link #stepEnergies()}); machine-learned force-field steps (VASP 6, {@code (ML)}
 * blocks: a configuration that is then recomputed ab initio keeps the ab initio result only); the
 * INCAR echo of VASP 6 (parameters are read from the parameter block only); stray NUL bytes of
 * crashed MPI runs (read as blanks).
 */
public final class OutcarReader extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "vasp-outcar";

  private static final Pattern VERSION = Pattern.compile("vasp\\.(\\d+\\.\\d+(?:\\.\\d+)?)");

  private static final String SIX = "6 numbers (position, force)";
  private final LineReader r;
  private final TrajectoryHeader header;
  private final int n;
  private final double potimFs;
  private final boolean md;
  private final Deque<Frame> ready = new ArrayDeque<>();
  private final List<Energies> stepEnergies = new ArrayList<>();
  private final List<Double> tangentForces = new ArrayList<>();
  private final List<Double> readyTangents = new ArrayList<>();

  private Cell cell;
  private boolean cellChanged;
  // the step being assembled
  private double[] pos;
  private double[] frc;
  private boolean posMl;
  private boolean hasEnergy;
  private double toten = Double.NaN;
  private double sigma0 = Double.NaN;
  private double ekin = Double.NaN;
  private double temp = Double.NaN;
  private double etotal = Double.NaN;
  private double tangent = Double.NaN;
  private long ionicStep;
  private int energyOnlySteps;
  private int mlSteps;
  private boolean finished;
  private TruncatedInputException pendingError;

  private OutcarReader(Path path, ReadOptions options) {
    super(options.strict());
    r = LineReader.open(path).nulAsSpace(true);
    try {
      String program = "VASP";
      List<String> symbols = new ArrayList<>();
      List<String> potcarLines = new ArrayList<>();
      int[] counts = null;
      double potim = Double.NaN;
      int ibrion = -2;
      int nions = -1;
      boolean first = true;
      while (true) {
        if (!r.next()) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "an OUTCAR header with POTCAR types and ion counts",
              null);
        }
        if (first) {
          first = false;
          Matcher m = VERSION.matcher(r.line());
          if (!m.find()) {
            throw new MalformedInputException(r.source(), 1, "an OUTCAR starting with the VASP version line", r.line());
          }
          program = "VASP " + m.group(1);
          continue;
        }
        if (r.contains("POTCAR:")) {
          String[] t = r.line().substring(r.line().indexOf("POTCAR:") + 7).strip().split("\\s+");
          if (t.length >= 2) {
            potcarLines.add(AtomTable.elementOf(t[1].split("[_.]")[0]));
          }
        } else if (r.contains("VRHFIN =")) {
          String rest = r.line().substring(r.line().indexOf("VRHFIN =") + 8).strip();
          int colon = rest.indexOf(':');
          symbols.add(AtomTable.elementOf(colon > 0 ? rest.substring(0, colon) : rest));
        } else if (r.contains("ions per type =")) {
          r.skipPast("=");
          List<Integer> c = new ArrayList<>();
          while (r.hasMoreTokens()) {
            c.add(r.nextInt("ion counts per type"));
          }
          counts = c.stream().mapToInt(Integer::intValue).toArray();
        } else if (r.contains("NIONS =")) {
          r.skipPast("NIONS =");
          nions = r.nextInt("NIONS");
        } else if (r.contains("POTIM") && r.contains("time-step")) {
          r.skipPast("=");
          potim = r.nextDouble("POTIM in fs");
        } else if (r.contains("IBRION =") && r.contains("ionic relax")) {
          r.skipPast("=");
          ibrion = r.nextInt("IBRION");
        } else if (r.contains("direct lattice vectors")) {
          cell = readCell();
        } else if (isPositionBlock()) {
          break;
        }
      }
      if (counts == null) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "expected \"ions per type =\" before the first POSITION block");
      }
      List<String> species = symbols;
      if (!options.species().isEmpty()) {
        species = options.species();
      } else if (symbols.size() != counts.length && potcarLines.size() == 2 * counts.length) {
        // "POTCAR:" lines are printed twice, once in the header list and once per POTCAR read
        species = potcarLines.subList(0, counts.length);
      } else if (symbols.size() != counts.length && potcarLines.size() == counts.length) {
        species = potcarLines;
      } else if (symbols.size() != counts.length) {
        // repeated species blocks are written once per POTCAR, so VRHFIN lines match the counts
        throw MalformedInputException.of(r.source(), r.lineNumber(), counts.length + " ion types " + Arrays.toString(counts)
            + " but " + symbols.size() + " VRHFIN element lines " + symbols + ": pass --elements");
      }
      AtomTable atoms = AtomTable.ofBlocks(species, counts);
      n = atoms.size();
      if (nions >= 0 && nions != n) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "NIONS = " + nions + " but ions per type add up to " + n);
      }
      if (cell == null) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "expected \"direct lattice vectors\" before the first POSITION block");
      }
      md = ibrion == 0;
      potimFs = Double.isNaN(options.timestepFs()) ? potim : options.timestepFs();
      List<String> notes = new ArrayList<>();
      notes.add(md ? "molecular dynamics (IBRION=0), POTIM " + potim + " fs" : "ionic relaxation or single point (IBRION=" + ibrion + ")");
      header = new TrajectoryHeader(path.toString(), FORMAT, program, atoms, cell, md ? potimFs : Double.NaN, false, notes);
      readPositionBlock();
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** Opens an OUTCAR for streaming. */
  public static OutcarReader open(Path path, ReadOptions options) {
    return new OutcarReader(path, options);
  }

  @Override
  public TrajectoryHeader header() {
    if (cellChanged && !header.variableCell()) {
      return header.withVariableCell();
    }
    return header;
  }

  /** Energies of every ionic step read so far, also those without positions (NWRITE=0). */
  public List<Energies> stepEnergies() {
    return List.copyOf(stepEnergies);
  }

  /**
   * NEB tangential force (eV/Å) of every frame delivered so far, {@code NaN} where the step printed
   * none.
   */
  public List<Double> tangentForcesEvPerA() {
    return List.copyOf(tangentForces);
  }

  @Override
  protected Frame readNext() {
    while (ready.isEmpty() && !finished) {
      if (!r.next()) {
        finished = true;
        finishStep(true);
        break;
      }
      if (isPositionBlock()) {
        try {
          readPositionBlock();
        } catch (TruncatedInputException e) {
          // the step before the cut is complete: deliver it, then report the cut
          finishStep(false);
          pendingError = e;
          finished = true;
        }
      } else if (r.contains("direct lattice vectors")) {
        Cell c = readCell();
        if (!c.approxEquals(cell, 1e-9)) {
          cellChanged = true;
        }
        cell = c;
      } else if (r.contains("FREE ENERGIE OF THE ION-ELECTRON SYSTEM")) {
        readEnergyBlock();
      } else if (r.contains("kinetic energy EKIN") && r.skipPast("=")) {
        ekin = r.nextDouble("EKIN in eV");
      } else if (r.contains("(temperature") && r.skipPast("(temperature")) {
        temp = r.nextDouble("temperature in K");
      } else if (r.contains("total energy   ETOTAL") && r.skipPast("=")) {
        etotal = r.nextDouble("ETOTAL in eV");
      } else if (r.contains("NEB: projections on to tangent") || r.contains("tangential force")) {
        tangent = lastNumber();
      } else if (r.contains("Iteration") && r.contains("(")) {
        ionicStep = Math.max(ionicStep, parseIteration());
      }
    }
    if (ready.isEmpty() && pendingError != null) {
      TruncatedInputException e = pendingError;
      pendingError = null;
      throw e;
    }
    if (ready.isEmpty()) {
      if (energyOnlySteps > 0) {
        warn(energyOnlySteps + " ionic steps have energies but no positions (NWRITE=0?): the trajectory has "
            + tangentForces.size() + " frames; read the XDATCAR or vasprun.xml for every step");
      }
      if (mlSteps > 0) {
        warn(mlSteps + " frames are machine-learned force-field steps: their energies come from the ML model");
      }
      return null;
    }
    tangentForces.add(readyTangents.remove(0));
    return ready.poll();
  }

  private boolean isPositionBlock() {
    return r.contains("POSITION") && r.contains("TOTAL-FORCE");
  }

  private void readPositionBlock() {
    boolean ml = r.contains("(ML)");
    long at = r.lineNumber();
    if (!r.next()) {
      throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "the positions of step " + (ionicStep + 1));
    }
    double[] p = new double[3 * n];
    double[] f = new double[3 * n];
    for (int i = 0; i < n; i++) {
      if (!r.next()) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "position and force of ion " + (i + 1) + " of " + n
            + " (block at line " + at + ")");
      }
      if (r.startsWithTrimmed("---")) {
        throw new MalformedInputException(r.source(), r.lineNumber(), n + " ions in the POSITION block (wrong atom count)",
            r.line());
      }
      try {
        for (int k = 0; k < 3; k++) {
          p[3 * i + k] = r.nextDouble(SIX);
        }
        for (int k = 0; k < 3; k++) {
          f[3 * i + k] = r.nextDouble(SIX);
        }
      } catch (MalformedInputException e) {
        throw e.withExpected("6 numbers (position, force) for ion " + (i + 1));
      }
    }
    if (r.next() && !r.startsWithTrimmed("---")) {
      throw new MalformedInputException(r.source(), r.lineNumber(), "the end of the POSITION block after " + n + " ions "
          + "(wrong atom count)", r.line());
    }
    // an ML prediction of a configuration that VASP then recomputed ab initio: keep the ab initio one
    if (pos != null && posMl && !ml && Arrays.equals(pos, p)) {
      pos = null;
    } else {
      finishStep(false);
    }
    pos = p;
    frc = f;
    posMl = ml;
    hasEnergy = false;
  }

  private void readEnergyBlock() {
    boolean ml = r.contains("ML FREE");
    double free = Double.NaN;
    double s0 = Double.NaN;
    for (int k = 0; k < 8 && r.next(); k++) {
      if (r.contains("TOTEN") && r.skipPast("=")) {
        free = r.nextDouble("free energy TOTEN in eV");
      } else if (r.contains("energy(sigma->0)") && r.skipPast("sigma->0)") && r.skipPast("=")) {
        s0 = r.nextDouble("energy(sigma->0) in eV");
        break;
      }
    }
    if (Double.isNaN(free)) {
      throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "\"free  energy   TOTEN  =\" of step " + (ionicStep + 1));
    }
    if (pos == null || hasEnergy) {
      energyOnlySteps++;
      stepEnergies.add(new Energies(free, free, s0, Double.NaN, Double.NaN, Double.NaN));
      return;
    }
    if (ml != posMl) {
      return;
    }
    toten = free;
    sigma0 = s0;
    hasEnergy = true;
  }

  private void finishStep(boolean atEnd) {
    if (pos == null) {
      return;
    }
    if (!hasEnergy) {
      if (atEnd) {
        pos = null;
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "the energy of the last ionic step");
      }
      // an ML prediction superseded by an ab initio block of another configuration: no energy read
      pos = null;
      return;
    }
    Energies e = new Energies(toten, toten, sigma0, ekin, etotal, temp);
    stepEnergies.add(e);
    int index = stepEnergies.size() - 1;
    double t = md && !Double.isNaN(potimFs) ? index * potimFs : Double.NaN;
    ready.add(new Frame(index + 1, t, cell, pos, frc, null, e));
    readyTangents.add(tangent);
    if (posMl) {
      mlSteps++;
    }
    pos = null;
    frc = null;
    ekin = Double.NaN;
    temp = Double.NaN;
    etotal = Double.NaN;
    tangent = Double.NaN;
  }

  private Cell readCell() {
    double[] rows = new double[9];
    for (int v = 0; v < 3; v++) {
      if (!r.next()) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "lattice vector " + (v + 1));
      }
      for (int k = 0; k < 3; k++) {
        rows[3 * v + k] = r.nextDouble("lattice vector " + (v + 1) + " (6 numbers: direct and reciprocal)");
      }
    }
    try {
      return Cell.ofRows(rows);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), e.getMessage());
    }
  }

  private double lastNumber() {
    double v = Double.NaN;
    r.rewind();
    r.skipPast(")");
    while (r.hasMoreTokens()) {
      if (r.nextIsNumber()) {
        v = r.nextDouble("a number");
      } else {
        r.nextToken("a token");
      }
    }
    return v;
  }

  private long parseIteration() {
    r.rewind();
    r.skipPast("Iteration");
    return r.nextIsNumber() ? r.nextLong("the ionic step number") : 0;
  }

  @Override
  protected boolean endedWithoutNewline() {
    return r.endedWithoutNewline();
  }

  @Override
  public void close() {
    r.close();
  }
}
