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
  private final double dtFs;
  /** Time per MD step (fs): POTIM, or {@code --timestep-fs} over the steps between frames. */
  private final double fsPerStep;
  /** MD steps per energy block: ML_OUTBLOCK for a VASP ≥ 6.4.3 prediction-only ML run, else 1. */
  private final int stepsPerEnergyBlock;
  /** MD steps between POSITION blocks that NBLOCK (or ML_OUTBLOCK) implies. */
  private final int expectedSteps;
  private final boolean md;
  private final Deque<Frame> ready = new ArrayDeque<>();
  private final List<Energies> stepEnergies = new ArrayList<>();
  private final List<Double> tangentForces = new ArrayList<>();
  private final List<Double> readyTangents = new ArrayList<>();

  private Cell cell;
  /** The cell printed before the POSITION block of the step being assembled: that step's cell. */
  private Cell posCell;
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
  /** Whether VASP's closing summary ({@code General timing and accounting informations for this job}) was read. */
  private boolean sawSummary;
  private TruncatedInputException pendingError;

  private OutcarReader(Path path, ReadOptions options) {
    super(options.strict());
    r = LineReader.open(path).nulAsSpace(true);
    try {
      Head h = readHead(path);
      if (h.counts == null) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "expected \"ions per type =\" before the first POSITION block");
      }
      List<String> notes = new ArrayList<>();
      AtomTable atoms = atoms(h, path, options);
      n = atoms.size();
      if (h.nions >= 0 && h.nions != n) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "NIONS = " + h.nions + " but ions per type add up to " + n);
      }
      if (cell == null) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "expected \"direct lattice vectors\" before the first POSITION block");
      }
      md = h.ibrion == 0;
      VaspParameters params = h.tags.build();
      // VASP >= 6.4.3 writes the energies of a prediction-only ML run every ML_OUTBLOCK steps only
      stepsPerEnergyBlock = params.versionAtLeast(6, 4, 3) ? params.mlOutputInterval() : 1;
      notes.add(md ? "molecular dynamics (IBRION=0), POTIM " + h.potim + " fs" : "ionic relaxation or single point (IBRION=" + h.ibrion + ")");
      Cell cell0 = cell;
      readPositionBlock();
      prefetch();
      int expected = params.xdatcarStride();
      expectedSteps = expected;
      String expectedText = params.strideTag() + (params.outblockRules() ? " (ML_MODE = run)" : "");
      FrameSpacing spacing = FrameSpacing.ownFile(path, params, stepsBetweenReadyFrames(), expected, expectedText, md);
      spacing.warnings().forEach(this::warn);
      notes.addAll(spacing.notes());
      dtFs = spacing.dtFs();
      fsPerStep = Double.isNaN(dtFs) ? Double.NaN : dtFs / Math.max(1, spacing.stepsPerFrame());
      TrajectoryHeader th = new TrajectoryHeader(path.toString(), FORMAT, "VASP " + h.version, atoms, cell0, dtFs, spacing.source(), false, notes)
          .withStepsPerFrame(md ? spacing.stepsPerFrame() : 0);
      header = spacing.notDynamics() == null ? th : th.withNotDynamics(spacing.notDynamics());
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** What an OUTCAR says before its first POSITION block. */
  private static final class Head {
    private String version;
    private VaspParameters.Tags tags;
    /** per POTCAR, its {@code TITEL} name and line */
    private final List<String[]> titles = new ArrayList<>();
    /** per POTCAR, its {@code VRHFIN} and line */
    private final List<String[]> vrhfins = new ArrayList<>();
    /** every {@code POTCAR:} line's name and line */
    private final List<String[]> potcars = new ArrayList<>();
    /** ions per type, null until read */
    private int[] counts;
    private long countsLine;
    private double potim = Double.NaN;
    private int ibrion = -2;
    private int nions = -1;
  }

  /**
   * Reads the version line and then every line up to the first POSITION block (which is left
   * current): parameters, POTCAR names, ion counts, the cell and any energy blocks before it.
   */
  private Head readHead(Path path) {
    Head h = new Head();
    nextHeadLine();
    Matcher m = VERSION.matcher(r.line());
    if (!m.find()) {
      throw new MalformedInputException(r.source(), 1, "an OUTCAR starting with the VASP version line", r.line());
    }
    h.version = m.group(1);
    h.tags = new VaspParameters.Tags(path.getFileName().toString(), h.version);
    do {
      nextHeadLine();
      h.tags.line(r.line(), r.lineNumber());
    } while (!headLine(h));
    return h;
  }

  /** Moves to the next line of the header; the file must not end there. */
  private void nextHeadLine() {
    if (!r.next()) {
      throw new MalformedInputException(r.source(), r.lineNumber(), "an OUTCAR header with POTCAR types and ion counts", null);
    }
  }

  /** Reads one header line into {@code h}; true when it starts the first POSITION block. */
  private boolean headLine(Head h) {
    if (r.contains("POTCAR:")) {
      h.potcars.add(new String[] {r.line().substring(r.line().indexOf("POTCAR:") + 7).strip(), String.valueOf(r.lineNumber())});
    } else if (r.contains("VRHFIN =")) {
      h.vrhfins.add(new String[] {r.line().substring(r.line().indexOf("VRHFIN =") + 8).strip(), String.valueOf(r.lineNumber())});
    } else if (r.contains("TITEL") && r.contains("=")) {
      h.titles.add(new String[] {r.line().substring(r.line().indexOf('=', r.line().indexOf("TITEL")) + 1).strip(),
          String.valueOf(r.lineNumber())});
    } else if (r.contains("ions per type =")) {
      h.countsLine = r.lineNumber();
      r.skipPast("=");
      List<Integer> c = new ArrayList<>();
      while (r.hasMoreTokens()) {
        c.add(r.nextInt("ion counts per type"));
      }
      h.counts = c.stream().mapToInt(Integer::intValue).toArray();
    } else if (r.contains("NIONS =")) {
      r.skipPast("NIONS =");
      h.nions = r.nextInt("NIONS");
    } else if (r.contains("POTIM") && r.contains("time-step")) {
      r.skipPast("=");
      h.potim = r.nextDouble("POTIM in fs");
    } else if (r.contains("IBRION =") && r.contains("ionic relax")) {
      r.skipPast("=");
      h.ibrion = r.nextInt("IBRION");
    } else if (r.contains("direct lattice vectors")) {
      cell = readCell();
    } else if (r.contains("FREE ENERGIE OF THE ION-ELECTRON SYSTEM")) {
      // steps before the first POSITION block (NBLOCK > 1 prints positions every NBLOCK steps) still count
      readEnergyBlock();
    } else {
      return isPositionBlock();
    }
    return false;
  }

  /** The atoms: elements from {@code --elements}, else from the POTCAR names, one block per ion type. */
  private AtomTable atoms(Head h, Path path, ReadOptions options) {
    List<String> elementWarnings = new ArrayList<>();
    List<String> species = options.species().isEmpty()
        ? elements(h.counts, h.countsLine, h.titles, h.vrhfins, h.potcars, elementWarnings)
        : options.species();
    elementWarnings.forEach(w -> warn(path.getFileName() + ": " + w));
    try {
      return AtomTable.ofBlocks(species, h.counts);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), h.countsLine, e.getMessage());
    }
  }

  /** The MD steps between the first two frames read, 0 when fewer than two are ready. */
  private int stepsBetweenReadyFrames() {
    if (ready.size() < 2) {
      return 0;
    }
    Frame a = ready.peekFirst();
    Frame b = new ArrayList<>(ready).get(1);
    return (int) Math.min(Integer.MAX_VALUE, b.step() - a.step());
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
    fill(1);
    if (ready.isEmpty() && pendingError != null) {
      TruncatedInputException e = pendingError;
      pendingError = null;
      throw e;
    }
    if (ready.isEmpty() && !sawSummary && !tangentForces.isEmpty()) {
      // a run that stopped (killed, crashed, still running): its last complete step is not its final word
      sawSummary = true;
      throw new TruncatedInputException(r.source(), r.lineNumber() + 1,
          "VASP's closing summary (\"General timing and accounting\"): the run stopped after its last complete ionic step");
    }
    if (ready.isEmpty()) {
      // with NBLOCK > 1 VASP prints positions and forces every NBLOCK steps only: those steps are expected
      int expectedWithout = tangentForces.size() * Math.max(0, expectedSteps / stepsPerEnergyBlock - 1);
      if (energyOnlySteps > expectedWithout) {
        warn(Path.of(r.source()).getFileName() + ": " + energyOnlySteps
            + " ionic steps have energies but no positions (NWRITE=0?): the trajectory has " + tangentForces.size()
            + " frames; read the XDATCAR or vasprun.xml for every step");
      }
      if (mlSteps > 0) {
        warn(Path.of(r.source()).getFileName() + ": " + mlSteps
            + " frames are machine-learned force-field steps: their energies come from the ML model");
      }
      return null;
    }
    tangentForces.add(readyTangents.remove(0));
    Frame f = ready.poll();
    return f.withTime(f.step(), md ? (f.step() - stepsPerEnergyBlock) * fsPerStep : Double.NaN);
  }

  /** Reads the first two frames at open, so that the steps between frames are known for the header. */
  private void prefetch() {
    try {
      fill(2);
    } catch (TruncatedInputException e) {
      pendingError = e;
      finished = true;
    }
  }

  /** Reads on until {@code want} frames are ready or the file ends. */
  private void fill(int want) {
    while (ready.size() < want && !finished) {
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
      } else if (r.contains("General timing and accounting")) {
        sawSummary = true;
      }
    }
  }

  /**
   * The element of each ion type from the pseudopotentials the header lists: per POTCAR one
   * {@code TITEL  = PAW_PBE Li_sv 10Sep2004} and one {@code VRHFIN =Li: 1s2s2p} (VASP 4.6 to 6),
   * else the {@code POTCAR:    PAW_PBE Li_sv 10Sep2004} lines, which VASP prints twice. The TITEL
   * name decides; a VRHFIN naming another element is a warning, an entry naming none is an error
   * at its line.
   */
  private List<String> elements(int[] counts, long countsLine, List<String[]> titles, List<String[]> vrhfins,
      List<String[]> potcars, List<String> warnings) {
    int types = counts.length;
    List<String[]> primary;
    List<String[]> second = List.of();
    if (titles.size() == types) {
      primary = titles;
      second = vrhfins.size() == types ? vrhfins : List.of();
    } else if (vrhfins.size() == types) {
      primary = vrhfins;
    } else if (potcars.size() == 2 * types) {
      primary = potcars.subList(types, 2 * types);
    } else if (potcars.size() == types) {
      primary = potcars;
    } else {
      throw MalformedInputException.of(r.source(), countsLine, types + " ion types ("
          + String.join(" ", Arrays.stream(counts).mapToObj(Integer::toString).toList()) + " ions) but "
          + Math.max(titles.size(), Math.max(vrhfins.size(), potcars.size())) + " POTCAR entries (TITEL/VRHFIN): pass --elements");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < types; i++) {
      String[] p = primary.get(i);
      boolean isVrhfin = primary == vrhfins;
      String e = isVrhfin ? SpeciesResolver.elementOfVrhfin(p[0]) : SpeciesResolver.elementOfPotential(p[0]);
      String other = second.isEmpty() ? null : SpeciesResolver.elementOfVrhfin(second.get(i)[0]);
      if (e != null && other == null && !second.isEmpty()) {
        warnings.add("POTCAR " + (i + 1) + ": VRHFIN \"" + second.get(i)[0] + "\" (line " + second.get(i)[1]
            + ") names no element; " + e + " from its TITEL \"" + p[0] + "\"");
      }
      if (e == null && other != null) {
        warnings.add("POTCAR " + (i + 1) + " \"" + p[0] + "\" (line " + p[1] + ") names no element: " + other
            + " from its VRHFIN line");
        e = other;
      } else if (e != null && other != null && !other.equals(e)) {
        warnings.add("POTCAR " + (i + 1) + ": TITEL \"" + p[0] + "\" (line " + p[1] + ") names " + e + " but its VRHFIN line names "
            + other + "; " + e + " used");
      }
      if (e == null) {
        throw new MalformedInputException(r.source(), Long.parseLong(p[1]), "the element of POTCAR " + (i + 1)
            + " (a pseudopotential name such as PAW_PBE Li_sv)", p[0]);
      }
      out.add(e);
    }
    return out;
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
    posCell = cell;
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
    if (pos != null && hasEnergy && ml == posMl) {
      // a second energy of the same kind: the step with positions is complete and this later step has none
      // (NBLOCK > 1 prints positions every NBLOCK steps; NWRITE = 0 only for the first and last)
      finishStep(false);
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
    long step = (long) stepEnergies.size() * stepsPerEnergyBlock;
    // the time is set on delivery, once the spacing is decided (it needs the first two frames)
    ready.add(new Frame(step, Double.NaN, posCell, pos, frc, null, e));
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
