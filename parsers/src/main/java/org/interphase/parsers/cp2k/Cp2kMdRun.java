package org.interphase.parsers.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.EnergyStep;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.TwoPass;

/**
 * A CP2K MD (or GEO_OPT) run as one stream of frames: positions from {@code <P>-pos-<K>.xyz}, joined
 * <b>by step number</b> with the cell ({@code <P>-<K>.cell}, else the input's {@code &CELL}, else
 * the log), energies ({@code <P>-<K>.ener} and the xyz comment line), forces ({@code -frc-}) and
 * velocities ({@code -vel-}) found beside the positions file.
 *
 * <p><b>Elements.</b> Each atom's element comes from CP2K's own declaration of its kind label
 * ({@link Cp2kKinds}: the input's {@code &KIND … ELEMENT}, the log's kind table, else the label as
 * CP2K reduces it); the label is kept as the atom's kind, so selections may name either.
 *
 * <p><b>Order.</b> A first pass over each file reads only its step numbers (XYZ count and comment
 * lines, the first columns of {@code .ener} and {@code .cell}); steps that repeat or go back (a
 * restart appended to the same files) keep one record per step, the latest ({@link StepOrder}),
 * with a warning saying how many were replaced, or an error under {@code --strict}. The reading pass
 * then streams and skips the superseded records. A gap in the steps is a warning. Frame times come
 * from the steps: the {@code time =} of the comment, else step × the time per MD step.
 *
 * <p><b>Spacing.</b> The time between stored frames is taken from the first of: {@code time =} of
 * the positions, the {@code .ener} time column × the positions' step stride, the input's {@code
 * TIMESTEP × EACH/MD}, the log's {@code MD_PAR| Time step} × coordinates print frequency; every
 * other source is checked against it ({@link FrameSpacing}). A user's {@code --timestep-fs} is applied
 * once, by {@link org.interphase.parsers.FormatRegistry#open}, never here.
 *
 * <p><b>Cell.</b> An NPT run prints cells at its own stride; a frame takes the {@code .cell} row of
 * its step, or, when that step has no row, the latest earlier row, with a warning if the cell has
 * changed by then. An NPT run without a {@code .cell} file takes per-step cells from the log when it
 * prints them. A run with no cell anywhere is an error: nothing is invented; only a summary
 * ({@link ReadOptions#cellOptional()}) reads it, with frames without a cell and a warning saying how to give one.
 */
public final class Cp2kMdRun extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "cp2k-md";

  private final Cp2kXyzReader pos;
  private final StepOrder posOrder;
  /** the forces file, null when there is none */
  private final SideXyz frc;
  /** the velocities file, null when there is none */
  private final SideXyz vel;
  private final Cp2kCellReader cellReader;
  private final StepOrder cellOrder;
  /** the .ener file, null when there is none */
  private final EnerRows ener;
  private final Map<Long, Cell> logCells = new HashMap<>();
  private final Cell fixedCell;
  private final TrajectoryHeader header;
  private XyzBlock first;
  private final String[] firstLabels;
  private final int n;
  private Cp2kCellReader.Row cellCurrent;
  private Cp2kCellReader.Row cellNext;
  private boolean cellVaried;
  /** time of a frame = its time column (when the file has one), else step × this; NaN when unknown */
  private final double perStepFs;
  private final boolean useTimeColumn;
  private final long strideSteps;
  /** the decoded copies of compressed files, deleted on close */
  private final List<TwoPass> twoPasses = new ArrayList<>();
  /** every reader the constructor opened, closed again if it fails */
  private final List<AutoCloseable> openedReaders = new ArrayList<>();

  private Cp2kMdRun(Path posFile, ReadOptions options) {
    super(options.strict());
    Path dir = posFile.toAbsolutePath().getParent();
    String name = posFile.getFileName().toString();
    String project = projectOf(name);
    List<String> notes = new ArrayList<>();
    try {
      TwoPass posPasses = passes(posFile);
      StepScan posScan = Cp2kXyzReader.scan(posPasses, Cp2kXyzReader.Quantity.POSITIONS);
      posOrder = ordered(posScan, posFile, "frames");
      pos = track(Cp2kXyzReader.open(posPasses, Cp2kXyzReader.Quantity.POSITIONS));
      first = nextKept(pos, posOrder);
      if (first == null) {
        throw new MalformedInputException(posFile.toString(), 1, "at least one frame", null);
      }
      n = first.labels().length;
      firstLabels = first.labels();

      InputAndLog run = InputAndLog.find(dir, project);
      if (run.input() != null) {
        run.input().warnings().forEach(this::warn);
      }
      if (run.inputNote() != null) {
        notes.add(run.inputNote());
      }
      Cp2kKinds kinds = Cp2kKinds.of(run.input() != null ? run.input() : Cp2kKinds.restartInput(dir, project), run.head());
      AtomTable atoms = kinds.table(firstLabels, pos.source(), first.line() + 2);
      kinds.warnings().forEach(this::warn);
      if (kinds.note() != null) {
        notes.add(kinds.note());
      }

      Path cellPath = sibling(dir, name, "-pos-", "-", ".cell");
      if (cellPath != null) {
        TwoPass cellPasses = passes(cellPath);
        cellOrder = ordered(StepScan.ofTable(cellPasses), cellPath, ".cell rows");
        cellReader = track(Cp2kCellReader.open(cellPasses));
        cellNext = nextKept(cellReader, cellOrder);
        notes.add("cell from " + cellPath.getFileName() + ", joined by step");
        fixedCell = null;
      } else {
        cellReader = null;
        cellOrder = null;
        fixedCell = cellWithoutCellFile(run, posFile, project, notes, options.cellOptional());
      }

      long[] posSteps = posOrder.keptSteps();
      ener = openEner(dir, name, posSteps, notes);
      frc = openSide(dir, name, Side.FORCES, kinds, atoms, posSteps, notes);
      vel = openSide(dir, name, Side.VELOCITIES, kinds, atoms, posSteps, notes);

      strideSteps = StepOrder.stride(posSteps);
      gaps(name);
      useTimeColumn = posScan.hasTimes();
      Timing timing = timing(name, posScan, posSteps, run);
      perStepFs = timing.perStepFs();
      if (!useTimeColumn && posScan.steps().length > 1 && !Double.isNaN(posScan.timesFs()[0])) {
        notes.add("the frames carry one time throughout (REFTRAJ or restart artefact): times follow the step numbers");
      }
      if (run.runType() != null) {
        notes.add("run type " + run.runType());
      }
      Cell firstCell = cellReader != null ? (cellNext != null ? cellNext.cell() : null) : fixedCell;
      TrajectoryHeader th = new TrajectoryHeader(posFile.toString(), FORMAT, run.version(), atoms, firstCell, timing.dtFs(),
          timing.source(), cellReader != null || !logCells.isEmpty(), notes);
      th = th.withStepsPerFrame(strideSteps);
      header = run.runType() == null || run.runType().equals("MD") ? th : th.withNotDynamics("run type " + run.runType());
    } catch (RuntimeException e) {
      closeAfterFailure();
      throw e;
    }
  }

  /**
   * The input and the log of a run, found beside the positions by project name.
   *
   * @param input the chosen input, null when none names the project
   * @param inputNote which input was chosen among several, null for one or none
   * @param logPath the main log, null when absent
   * @param head the head of the log, null without a log: only the head, since a long run's log is
   *     large (the whole log is read only when the cell has to come from it)
   */
  private record InputAndLog(Cp2kInput input, String inputNote, Path logPath, Cp2kLog.Head head) {

    static InputAndLog find(Path dir, String project) {
      Cp2kInput.Chosen chosen = Cp2kInput.forProject(dir, project);
      Path logPath = Cp2kLog.find(dir, project);
      return new InputAndLog(chosen == null ? null : chosen.input(), chosen == null ? null : chosen.note(), logPath,
          logPath == null ? null : Cp2kLog.head(logPath));
    }

    /** The CP2K version for the header, {@code CP2K 2023.1}, or just {@code CP2K}. */
    String version() {
      return head != null && head.version() != null ? "CP2K " + head.version() : "CP2K";
    }

    /** The run type of the input, else of the log; null when neither says. */
    String runType() {
      return input != null && input.runType() != null ? input.runType() : head != null ? head.runType() : null;
    }

    /** The MD ensemble of the input, else of the log; null when neither says. */
    String ensemble() {
      return input != null && input.ensemble() != null ? input.ensemble() : head != null ? head.ensemble() : null;
    }
  }

  /**
   * The cell of a run without a {@code .cell} file: for an NPT run the per-step cells of its log (put in
   * {@link #logCells}), else the input's {@code &CELL}, else the log's {@code CELL|} lines.
   *
   * @param optional whether a summary is read: no cell anywhere is then a warning of kind
   *     {@link Warning.Input#NO_CELL} and a null cell, not an error
   * @return the cell of every frame without a per-step cell; null when there is none and it is optional
   * @throws org.interphase.core.MissingInputException when there is no cell anywhere and it is not optional
   */
  private Cell cellWithoutCellFile(InputAndLog run, Path posFile, String project, List<String> notes, boolean optional) {
    Cp2kInput input = run.input();
    Path logPath = run.logPath();
    String ensemble = run.ensemble();
    boolean npt = ensemble != null && ensemble.startsWith("NPT");
    boolean inputCell = input != null && input.cell() != null;
    Cp2kLog log = logPath != null && (npt || !inputCell) ? Cp2kLog.read(logPath) : null;
    if (npt && log != null && log.mdCells().stream().anyMatch(c -> c != null)) {
      for (int i = 0; i < log.mdSteps().size(); i++) {
        if (log.mdCells().get(i) != null) {
          logCells.put(log.mdSteps().get(i).step(), log.mdCells().get(i));
        }
      }
      notes.add("NPT run without a .cell file: per-step cells from the lengths and angles in " + logPath.getFileName()
          + " (a along x, b in the xy plane)");
      return inputCell ? input.cell() : log.initialCell();
    } else if (inputCell) {
      notes.add("cell from &CELL of " + input.path().getFileName());
      if (npt) {
        warn(ensemble + " run without a .cell file or per-step cells in a log: the input cell is used for every frame");
      }
      return input.cell();
    } else if (log != null && log.initialCell() != null) {
      notes.add("cell from the CELL| lines of " + logPath.getFileName() + " (printed to 3 decimals)");
      return log.initialCell();
    }
    String howToGive = project == null
        // a name without "-pos-" names no project to find the run's files by
        ? "name the positions PROJECT-pos-1.xyz, as CP2K does, beside the run's PROJECT-1.cell, or put the run's input (&CELL) or "
            + "its main log (CELL| lines) beside them"
        : "put the file " + project + "-1.cell beside it, or an input naming project " + project
            + " with &CELL, or the run's main log (CELL| lines)";
    if (optional) {
      warn(Warning.Input.NO_CELL, howToGive);
      return null;
    }
    throw new org.interphase.core.MissingInputException(posFile + ": no cell for this run: " + howToGive);
  }


  /**
   * The time between frames and per MD step.
   *
   * @param dtFs the time between stored frames (fs), NaN when unknown
   * @param source where it was read, null when unknown
   * @param perStepFs the time per MD step (fs) that frame times are made from, NaN when unknown
   */
  private record Timing(double dtFs, String source, double perStepFs) {}

  /**
   * Chooses the time between frames among every source that gives one (only the positions' own
   * times for a run that is not MD), warning where they disagree.
   */
  private Timing timing(String name, StepScan posScan, long[] posSteps, InputAndLog run) {
    String runType = run.runType();
    boolean dynamics = runType == null || runType.equals("MD");
    double posPerStep = useTimeColumn ? posScan.timePerStepFs(posOrder) : Double.NaN;
    FrameSpacing spacing = new FrameSpacing();
    if (useTimeColumn) {
      offerTimeColumn(spacing, name, posScan, posPerStep, posSteps);
    }
    if (dynamics) {
      offerTimeSteps(spacing, run);
    }
    spacing.disagreements().forEach(this::warn);
    FrameSpacing.Source chosen = spacing.chosen();
    double dt = chosen == null ? Double.NaN : chosen.fs();
    String dtSource = chosen == null ? null : chosen.phrase();
    double perStep = useTimeColumn ? posPerStep : dynamics && !Double.isNaN(dt) ? dt / strideSteps : Double.NaN;
    return new Timing(dt, dtSource, perStep);
  }

  /** Offers the spacing of the positions' {@code time =} column, and warns where it leaves the step numbers. */
  private void offerTimeColumn(FrameSpacing spacing, String name, StepScan posScan, double posPerStep, long[] posSteps) {
    long span = posSteps.length > 1 ? posSteps[posSteps.length - 1] - posSteps[0] : 1;
    // times printed to 3 decimals: the slope over the run is good to 0.001 fs / span
    spacing.offer(posPerStep * strideSteps, name + " time = column", 1e-3 * strideSteps / Math.max(1, span));
    int off = posScan.firstTimeOffTheSteps(posOrder, posPerStep, 2e-3);
    if (off >= 0) {
      warn(String.format(Locale.ROOT, "%s: the time = column does not follow the step numbers at step %d (time %s fs, %s fs expected "
          + "from %s fs per step): times are taken as written", name, posScan.steps()[off], FrameSpacing.fmt(posScan.timesFs()[off]),
          FrameSpacing.fmt(posScan.timesFs()[0] + (posScan.steps()[off] - posScan.steps()[0]) * posPerStep), FrameSpacing.fmt(posPerStep)));
    }
  }

  /** Offers the spacings of an MD run's time step: the .ener time column, the input's TIMESTEP, the log's time step. */
  private void offerTimeSteps(FrameSpacing spacing, InputAndLog run) {
    double enerPerStep = ener == null ? Double.NaN : ener.perStepFs;
    spacing.offer(enerPerStep * strideSteps, ener == null ? "" : ener.path.getFileName() + " Time[fs] column × "
        + strideSteps + " step" + (strideSteps == 1 ? "" : "s") + " between frames", 1e-6 * strideSteps);
    Cp2kInput input = run.input();
    if (input != null) {
      spacing.offer(input.timestepFs() * input.trajectoryStride(), input.path().getFileName() + " TIMESTEP × EACH/MD ("
          + FrameSpacing.fmt(input.timestepFs()) + " fs × " + input.trajectoryStride() + ")", 0);
    }
    Cp2kLog.Head head = run.head();
    if (head != null && head.coordinatesEvery() > 0) {
      spacing.offer(head.timestepFs() * head.coordinatesEvery(), run.logPath().getFileName() + " " + head.timestepLabel()
          + " × Coordinates print frequency (" + FrameSpacing.fmt(head.timestepFs()) + " fs × " + head.coordinatesEvery() + ")",
          0.005 * head.coordinatesEvery());
    }
  }

  /** The per-atom files that may lie beside the positions, and how they are named and described. */
  private enum Side {
    FORCES("-frc-", Cp2kXyzReader.Quantity.FORCES, "force frames", "forces", "Hartree/bohr → eV/Å"),
    VELOCITIES("-vel-", Cp2kXyzReader.Quantity.VELOCITIES, "velocity frames", "velocities", "bohr/a.u. time → Å/fs");

    private final String marker;
    private final Cp2kXyzReader.Quantity quantity;
    private final String records;
    private final String what;
    private final String units;

    Side(String marker, Cp2kXyzReader.Quantity quantity, String records, String what, String units) {
      this.marker = marker;
      this.quantity = quantity;
      this.records = records;
      this.what = what;
      this.units = units;
    }
  }

  /** A forces or velocities file joined by step: its reader, the records it keeps, and the next kept one. */
  private static final class SideXyz {
    private final Cp2kXyzReader reader;
    private final StepOrder order;
    private XyzBlock next;

    SideXyz(Cp2kXyzReader reader, StepOrder order, XyzBlock next) {
      this.reader = reader;
      this.order = order;
      this.next = next;
    }

    /** The kept record of {@code step}, null when the file has none; the records before it are passed over. */
    XyzBlock at(long step) {
      while (next != null && next.step() < step) {
        next = nextKept(reader, order);
      }
      return next != null && next.step() == step ? next : null;
    }
  }

  /** Opens the forces or velocities file beside the positions, checked against their atoms; null when there is none. */
  private SideXyz openSide(Path dir, String name, Side side, Cp2kKinds kinds, AtomTable atoms, long[] posSteps, List<String> notes) {
    Path path = sibling(dir, name, "-pos-", side.marker, ".xyz");
    if (path == null) {
      return null;
    }
    TwoPass passes = passes(path);
    StepOrder order = ordered(Cp2kXyzReader.scan(passes, side.quantity), path, side.records);
    Cp2kXyzReader reader = track(Cp2kXyzReader.open(passes, side.quantity));
    XyzBlock next = nextKept(reader, order);
    checkAtoms(next, reader, kinds, atoms, name);
    notes.add(side.what + " from " + path.getFileName() + " (" + side.units + ")");
    coverage(path, order.keptSteps(), posSteps, side.what, notes);
    return new SideXyz(reader, order, next);
  }

  /** The .ener file joined by step: its reader, the rows it keeps, the next kept one, and its time per MD step. */
  private static final class EnerRows {
    private final Path path;
    private final Cp2kEnerReader reader;
    private final StepOrder order;
    /** the time per MD step of its Time[fs] column over the kept rows, NaN when it gives none */
    private final double perStepFs;
    private EnergyStep next;

    EnerRows(Path path, Cp2kEnerReader reader, StepOrder order, double perStepFs, EnergyStep next) {
      this.path = path;
      this.reader = reader;
      this.order = order;
      this.perStepFs = perStepFs;
      this.next = next;
    }

    /** The kept row of {@code step}, null when the file has none; the rows before it are passed over. */
    EnergyStep at(long step) {
      while (next != null && next.step() < step) {
        next = nextKept(reader, order);
      }
      return next != null && next.step() == step ? next : null;
    }
  }

  /** Opens the .ener file beside the positions; null when there is none. */
  private EnerRows openEner(Path dir, String name, long[] posSteps, List<String> notes) {
    Path path = sibling(dir, name, "-pos-", "-", ".ener");
    if (path == null) {
      return null;
    }
    TwoPass passes = passes(path);
    StepScan scan = StepScan.ofTable(passes);
    StepOrder order = ordered(scan, path, ".ener rows");
    Cp2kEnerReader reader = track(Cp2kEnerReader.open(passes, strict()));
    EnergyStep next = nextKept(reader, order);
    notes.add("kinetic energy, temperature and conserved quantity from " + path.getFileName());
    coverage(path, order.keptSteps(), posSteps, "kinetic energy and temperature", notes);
    return new EnerRows(path, reader, order, scan.timePerStepFs(order), next);
  }

  /** Records a reader the constructor opened, to close it if the constructor fails. */
  private <T extends AutoCloseable> T track(T reader) {
    openedReaders.add(reader);
    return reader;
  }

  /** Closes what the constructor opened before it failed, keeping quiet: the first error is the one to report. */
  private void closeAfterFailure() {
    for (AutoCloseable c : openedReaders) {
      try {
        c.close();
      } catch (Exception ignored) {
        // the first error is the one to report
      }
    }
    twoPasses.forEach(TwoPass::close);
  }

  /** Two passes over {@code file} (step scan, then reading), decoding it once; closed with this source. */
  private TwoPass passes(Path file) {
    TwoPass p = TwoPass.of(file);
    twoPasses.add(p);
    return p;
  }

  /** Opens the run around a positions file. */
  public static Cp2kMdRun open(Path posFile, ReadOptions options) {
    return new Cp2kMdRun(posFile, options);
  }

  /** The restart rule applied to a file's steps: a warning, or under --strict an error at the first step that goes back. */
  private StepOrder ordered(StepScan scan, Path file, String what) {
    StepOrder order = scan.order();
    String w = Cp2kSteps.warning(scan, order, file, what, strict());
    if (w != null) {
      warn(w);
    }
    return order;
  }

  /** Warns about gaps in the kept steps of the positions. */
  private void gaps(String name) {
    List<StepOrder.Gap> g = posOrder.gaps();
    if (g.isEmpty()) {
      return;
    }
    StepOrder.Gap e = g.get(0);
    long missing = g.stream().mapToLong(StepOrder.Gap::missing).sum();
    warn(String.format(Locale.ROOT, "%s: %d gap%s in the step numbers (first: no frame between step %d and step %d; elsewhere a frame "
        + "every %d step%s), about %d frame%s missing: times follow the step numbers, but lag-based analyses assume even spacing",
        name, g.size(), g.size() == 1 ? "" : "s", e.after(), e.before(), e.strideSteps(), e.strideSteps() == 1 ? "" : "s", missing,
        missing == 1 ? "" : "s"));
  }

  /**
   * Which frames of the positions a side file has no record for: a warning when it ends early or has
   * holes, a note when it is only printed less often.
   */
  private void coverage(Path file, long[] side, long[] posSteps, String what, List<String> notes) {
    if (side.length == 0) {
      warn(Warning.Input.INCOMPLETE, file.getFileName() + " holds no complete record: the frames have no " + what);
      return;
    }
    long sideStride = StepOrder.stride(side);
    long last = side[side.length - 1];
    int afterEnd = 0;
    int holes = 0;
    int offStride = 0;
    long firstHole = -1;
    for (long s : posSteps) {
      if (Arrays.binarySearch(side, s) >= 0) {
        continue;
      }
      if (s > last) {
        afterEnd++;
      } else if (s >= side[0] && (s - side[0]) % sideStride == 0) {
        holes++;
        if (firstHole < 0) {
          firstHole = s;
        }
      } else {
        offStride++;
      }
    }
    if (afterEnd > 0) {
      warn(String.format(Locale.ROOT, "%s ends at step %d but the positions go on to step %d: %d frame%s %s no %s", file.getFileName(), last,
          posSteps[posSteps.length - 1], afterEnd, afterEnd == 1 ? "" : "s", afterEnd == 1 ? "has" : "have", what));
    }
    if (holes > 0) {
      warn(String.format(Locale.ROOT, "%s has no record for %d step%s of the positions (first: step %d): %s frame%s %s no %s",
          file.getFileName(), holes, holes == 1 ? "" : "s", firstHole, holes == 1 ? "that" : "those", holes == 1 ? "" : "s",
          holes == 1 ? "has" : "have", what));
    }
    if (offStride > 0) {
      notes.add(file.getFileName() + " is written every " + sideStride + " steps: " + offStride + " frames between have no " + what);
    }
  }

  /** A side file must list the same atoms as the positions: same count, same elements. */
  private static void checkAtoms(XyzBlock b, Cp2kXyzReader r, Cp2kKinds kinds, AtomTable atoms, String posName) {
    if (b == null || !b.hasValues()) {
      return;
    }
    if (b.labels().length != atoms.size()) {
      throw new MalformedInputException(r.source(), b.line(), atoms.size() + " atoms per frame as in " + posName, b.labels().length
          + " atoms");
    }
    for (int i = 0; i < atoms.size(); i++) {
      String e = kinds.elementOf(b.labels()[i], r.source(), b.line() + 2 + i);
      if (!e.equals(atoms.element(i))) {
        throw new MalformedInputException(r.source(), b.line() + 2 + i, "atom " + (i + 1) + " to be " + atoms.element(i) + " as in "
            + posName, b.labels()[i]);
      }
    }
  }

  private static XyzBlock nextKept(Cp2kXyzReader r, StepOrder order) {
    for (XyzBlock b = r.next(); b != null; b = r.next()) {
      if (order.kept(r.framesRead() - 1)) {
        return b;
      }
    }
    return null;
  }

  private static EnergyStep nextKept(Cp2kEnerReader r, StepOrder order) {
    for (EnergyStep s = r.next(); s != null; s = r.next()) {
      if (order.kept(r.rowsRead() - 1)) {
        return s;
      }
    }
    return null;
  }

  private static Cp2kCellReader.Row nextKept(Cp2kCellReader r, StepOrder order) {
    for (Cp2kCellReader.Row row = r.next(); row != null; row = r.next()) {
      if (order.kept(r.rowsRead() - 1)) {
        return row;
      }
    }
    return null;
  }

  /** {@code aLPS-pos-1.xyz → aLPS}; null when the name has no {@code -pos-}. */
  static String projectOf(String fileName) {
    int i = fileName.lastIndexOf("-pos-");
    return i > 0 ? fileName.substring(0, i) : null;
  }

  /**
   * A file beside the positions: the name with {@code -pos-} replaced and the extension changed
   * ({@code aLPS-pos-1.xyz → aLPS-1.cell}), else, when the folder holds only this one project, the
   * only file of that kind (CP2K's FILENAME keyword renames outputs).
   */
  static Path sibling(Path dir, String posName, String marker, String replacement, String ext) {
    String base = posName.replaceFirst("\\.(gz|bz2|xz)$", "");
    int i = base.lastIndexOf(marker);
    if (i < 0) {
      return null;
    }
    String stem = base.substring(0, i) + replacement + base.substring(i + marker.length());
    String cand = stem.replaceFirst("\\.xyz$", "") + ext;
    for (String suffix : new String[] {"", ".gz", ".bz2", ".xz"}) {
      Path p = dir.resolve(cand + suffix);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    if (posName.contains("Replica_nr_")) {
      // BAND replicas share one .ener of another layout: never guess a sibling for them
      return null;
    }
    String tag = replacement.equals("-") ? null : replacement;
    try (var all = Files.list(dir)) {
      long projects = all.map(p -> p.getFileName().toString()).filter(nm -> nm.contains("-pos-") && !nm.contains("Replica")).count();
      if (projects != 1) {
        // several projects in one folder: only exact names are trusted
        return null;
      }
    } catch (java.io.IOException e) {
      return null;
    }
    try (var s = Files.list(dir)) {
      List<Path> hits = s.filter(p -> {
        String nm = p.getFileName().toString();
        return (tag == null ? nm.endsWith(ext) : nm.contains(tag) && nm.contains(".xyz")) && !nm.contains("Replica");
      }).toList();
      return hits.size() == 1 ? hits.get(0) : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The frames the first pass found (one per kept step). */
  @Override
  public long expectedFrames() {
    return posOrder.keptSteps().length;
  }

  @Override
  public TrajectoryHeader header() {
    return header;
  }

  @Override
  protected Frame readNext() {
    XyzBlock b = first;
    first = null;
    if (b == null) {
      b = nextKept(pos, posOrder);
      if (b == null) {
        return null;
      }
    }
    String[] labels = b.labels();
    if (labels != firstLabels) {
      for (int i = 0; i < n; i++) {
        if (!labels[i].equals(firstLabels[i])) {
          throw MalformedInputException.of(pos.source(), b.line() + 2 + i, "atom " + (i + 1) + " is " + labels[i] + " in step " + b.step()
              + " but " + firstLabels[i] + " in the first frame");
        }
      }
    }
    Cell cell = cellFor(b.step());
    double[] forces = null;
    XyzBlock f = frc == null ? null : frc.at(b.step());
    if (f != null && f.hasValues()) {
      forces = values(f, frc.reader);
    }
    double[] velocities = null;
    XyzBlock v = vel == null ? null : vel.at(b.step());
    if (v != null) {
      velocities = values(v, vel.reader);
    }
    // .ener rows are joined by step like the cell: streamed, never held whole
    EnergyStep es = ener == null ? null : ener.at(b.step());
    if (ener != null && ener.next == null) {
      ener.reader.warnings().forEach(w -> warn(Warning.Input.INCOMPLETE, w));
    }
    Energies en;
    if (es != null) {
      Energies e = es.energies();
      double pot = Double.isNaN(b.energyEv()) ? e.potentialEv() : b.energyEv();
      en = new Energies(pot, Double.NaN, Double.NaN, e.kineticEv(), e.conservedEv(), e.temperatureK());
    } else {
      en = Energies.potential(b.energyEv());
    }
    return new Frame(b.step(), timeOf(b), cell, b.values(), forces, velocities, en);
  }

  /** The time of a frame from its step: the file's own time, else step × time per step. */
  private double timeOf(XyzBlock b) {
    if (useTimeColumn && !Double.isNaN(b.timeFs())) {
      return b.timeFs();
    }
    return b.step() * perStepFs;
  }

  private double[] values(XyzBlock side, Cp2kXyzReader r) {
    if (side.values().length != 3 * n) {
      throw new MalformedInputException(r.source(), side.line(), n + " atoms per frame as in the positions", side.labels().length
          + " atoms at step " + side.step());
    }
    return side.values();
  }

  private Cell cellFor(long step) {
    if (cellReader == null) {
      Cell c = logCells.get(step);
      return c != null ? c : fixedCell;
    }
    while (cellNext != null && cellNext.step() <= step) {
      if (cellCurrent != null && !cellCurrent.cell().approxEquals(cellNext.cell(), 1e-9)) {
        cellVaried = true;
      }
      cellCurrent = cellNext;
      cellNext = nextKept(cellReader, cellOrder);
    }
    if (cellCurrent == null) {
      throw MalformedInputException.of(cellReader.source(), cellNext == null ? 0 : cellNext.line(),
          "the .cell file has no row at or before step " + step + " of the positions (first row: step "
              + (cellNext == null ? "none" : cellNext.step()) + ")");
    }
    if (cellCurrent.step() != step && cellVaried) {
      warn("the .cell file has no row for some frames (e.g. step " + step + "): the latest earlier cell is used");
    }
    return cellCurrent.cell();
  }

  @Override
  protected boolean endedWithoutNewline() {
    return pos.endedWithoutNewline();
  }

  @Override
  public void close() {
    pos.close();
    if (frc != null) {
      frc.reader.close();
    }
    if (vel != null) {
      vel.reader.close();
    }
    if (cellReader != null) {
      cellReader.close();
    }
    if (ener != null) {
      ener.reader.close();
    }
    twoPasses.forEach(TwoPass::close);
  }
}
