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
 * prints them. A run with no cell anywhere is an error: nothing is invented.
 */
public final class Cp2kMdRun extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "cp2k-md";

  private final Cp2kXyzReader pos;
  private final StepOrder posOrder;
  private final Cp2kXyzReader frc;
  private final StepOrder frcOrder;
  private final Cp2kXyzReader vel;
  private final StepOrder velOrder;
  private final Cp2kCellReader cellReader;
  private final StepOrder cellOrder;
  private final Cp2kEnerReader ener;
  private final StepOrder enerOrder;
  private EnergyStep enerNext;
  private final Map<Long, Cell> logCells = new HashMap<>();
  private final Cell fixedCell;
  private final TrajectoryHeader header;
  private XyzBlock first;
  private final String[] firstLabels;
  private final int n;
  private XyzBlock frcNext;
  private XyzBlock velNext;
  private Cp2kCellReader.Row cellCurrent;
  private Cp2kCellReader.Row cellNext;
  private boolean cellVaried;
  /** time of a frame = its time column (when the file has one), else step × this; NaN when unknown */
  private final double perStepFs;
  private final boolean useTimeColumn;
  private final long strideSteps;
  /** the decoded copies of compressed files, deleted on close */
  private final List<TwoPass> twoPasses = new ArrayList<>();

  private Cp2kMdRun(Path posFile, ReadOptions options) {
    super(options.strict());
    Path dir = posFile.toAbsolutePath().getParent();
    String name = posFile.getFileName().toString();
    String project = projectOf(name);
    List<String> notes = new ArrayList<>();
    Cp2kXyzReader posR = null;
    Cp2kXyzReader frcR = null;
    Cp2kXyzReader velR = null;
    Cp2kCellReader cellR = null;
    Cp2kEnerReader enerR = null;
    try {
      TwoPass posPasses = passes(posFile);
      StepScan posScan = Cp2kXyzReader.scan(posPasses, Cp2kXyzReader.Quantity.POSITIONS);
      posOrder = ordered(posScan, posFile, "frames");
      posR = Cp2kXyzReader.open(posPasses, Cp2kXyzReader.Quantity.POSITIONS);
      pos = posR;
      first = nextKept(pos, posOrder);
      if (first == null) {
        throw new MalformedInputException(posFile.toString(), 1, "at least one frame", null);
      }
      n = first.labels().length;
      firstLabels = first.labels();

      Cp2kInput.Chosen chosenInput = Cp2kInput.forProject(dir, project);
      Cp2kInput input = chosenInput == null ? null : chosenInput.input();
      Path inputPath = input == null ? null : input.path();
      if (input != null) {
        input.warnings().forEach(this::warn);
      }
      if (chosenInput != null && chosenInput.note() != null) {
        notes.add(chosenInput.note());
      }
      Path logPath = Cp2kLog.find(dir, project);
      // only the head of the log unless the cell has to come from it: a long run's log is large
      Cp2kLog.Head head = logPath == null ? null : Cp2kLog.head(logPath);
      Cp2kKinds kinds = Cp2kKinds.of(input != null ? input : Cp2kKinds.restartInput(dir, project), head);
      AtomTable atoms = kinds.table(firstLabels, pos.source(), first.line() + 2);
      kinds.warnings().forEach(this::warn);
      if (kinds.note() != null) {
        notes.add(kinds.note());
      }
      String version = head != null && head.version() != null ? "CP2K " + head.version() : "CP2K";
      String runType = input != null && input.runType() != null ? input.runType() : head != null ? head.runType() : null;

      Path cellPath = sibling(dir, name, "-pos-", "-", ".cell");
      Cell fixed = null;
      if (cellPath != null) {
        TwoPass cellPasses = passes(cellPath);
        cellOrder = ordered(StepScan.ofTable(cellPasses), cellPath, ".cell rows");
        cellR = Cp2kCellReader.open(cellPasses);
        cellReader = cellR;
        cellNext = nextKept(cellReader, cellOrder);
        notes.add("cell from " + cellPath.getFileName() + ", joined by step");
      } else {
        cellReader = null;
        cellOrder = null;
        String ensemble = input != null && input.ensemble() != null ? input.ensemble() : head != null ? head.ensemble() : null;
        boolean npt = ensemble != null && ensemble.startsWith("NPT");
        boolean inputCell = input != null && input.cell() != null;
        Cp2kLog log = logPath != null && (npt || !inputCell) ? Cp2kLog.read(logPath) : null;
        if (npt && log != null && log.mdCells().stream().anyMatch(c -> c != null)) {
          for (int i = 0; i < log.mdSteps().size(); i++) {
            if (log.mdCells().get(i) != null) {
              logCells.put(log.mdSteps().get(i).step(), log.mdCells().get(i));
            }
          }
          fixed = input != null && input.cell() != null ? input.cell() : log.initialCell();
          notes.add("NPT run without a .cell file: per-step cells from the lengths and angles in " + logPath.getFileName()
              + " (a along x, b in the xy plane)");
        } else if (input != null && input.cell() != null) {
          fixed = input.cell();
          notes.add("cell from &CELL of " + inputPath.getFileName());
          if (npt) {
            warn(ensemble + " run without a .cell file or per-step cells in a log: the input cell is used for every frame");
          }
        } else if (log != null && log.initialCell() != null) {
          fixed = log.initialCell();
          notes.add("cell from the CELL| lines of " + logPath.getFileName() + " (printed to 3 decimals)");
        } else {
          throw new org.interphase.core.MissingInputException(posFile + ": no cell for this run: put beside it a " + project
              + "-1.cell file, an input naming project " + project + " with &CELL, or the run's main log (CELL| lines)");
        }
      }
      fixedCell = fixed;

      long[] posSteps = posOrder.keptSteps();
      Path enerPath = sibling(dir, name, "-pos-", "-", ".ener");
      StepScan enerScan = null;
      if (enerPath != null) {
        TwoPass enerPasses = passes(enerPath);
        enerScan = StepScan.ofTable(enerPasses);
        enerOrder = ordered(enerScan, enerPath, ".ener rows");
        enerR = Cp2kEnerReader.open(enerPasses, options.strict());
        ener = enerR;
        enerNext = nextKept(ener, enerOrder);
        notes.add("kinetic energy, temperature and conserved quantity from " + enerPath.getFileName());
        coverage(enerPath, enerOrder.keptSteps(), posSteps, "kinetic energy and temperature", notes);
      } else {
        ener = null;
        enerOrder = null;
      }
      Path frcPath = sibling(dir, name, "-pos-", "-frc-", ".xyz");
      if (frcPath != null) {
        TwoPass frcPasses = passes(frcPath);
        frcOrder = ordered(Cp2kXyzReader.scan(frcPasses, Cp2kXyzReader.Quantity.FORCES), frcPath, "force frames");
        frcR = Cp2kXyzReader.open(frcPasses, Cp2kXyzReader.Quantity.FORCES);
        frc = frcR;
        frcNext = nextKept(frc, frcOrder);
        checkAtoms(frcNext, frc, kinds, atoms, name);
        notes.add("forces from " + frcPath.getFileName() + " (Hartree/bohr → eV/Å)");
        coverage(frcPath, frcOrder.keptSteps(), posSteps, "forces", notes);
      } else {
        frc = null;
        frcOrder = null;
      }
      Path velPath = sibling(dir, name, "-pos-", "-vel-", ".xyz");
      if (velPath != null) {
        TwoPass velPasses = passes(velPath);
        velOrder = ordered(Cp2kXyzReader.scan(velPasses, Cp2kXyzReader.Quantity.VELOCITIES), velPath, "velocity frames");
        velR = Cp2kXyzReader.open(velPasses, Cp2kXyzReader.Quantity.VELOCITIES);
        vel = velR;
        velNext = nextKept(vel, velOrder);
        checkAtoms(velNext, vel, kinds, atoms, name);
        notes.add("velocities from " + velPath.getFileName() + " (bohr/a.u. time → Å/fs)");
        coverage(velPath, velOrder.keptSteps(), posSteps, "velocities", notes);
      } else {
        vel = null;
        velOrder = null;
      }

      strideSteps = StepOrder.stride(posSteps);
      gaps(name);
      boolean dynamics = runType == null || runType.equals("MD");
      useTimeColumn = posScan.hasTimes();
      double posPerStep = useTimeColumn ? posScan.timePerStepFs(posOrder) : Double.NaN;
      double enerPerStep = enerScan == null ? Double.NaN : enerScan.timePerStepFs(enerOrder);
      FrameSpacing spacing = new FrameSpacing();
      long span = posSteps.length > 1 ? posSteps[posSteps.length - 1] - posSteps[0] : 1;
      if (useTimeColumn) {
        // times printed to 3 decimals: the slope over the run is good to 0.001 fs / span
        spacing.offer(posPerStep * strideSteps, name + " time = column", 1e-3 * strideSteps / Math.max(1, span));
        int off = posScan.firstTimeOffTheSteps(posOrder, posPerStep, 2e-3);
        if (off >= 0) {
          warn(String.format(Locale.ROOT, "%s: the time = column does not follow the step numbers at step %d (time %s fs, %s fs expected "
              + "from %s fs per step): times are taken as written", name, posScan.steps()[off], FrameSpacing.fmt(posScan.timesFs()[off]),
              FrameSpacing.fmt(posScan.timesFs()[0] + (posScan.steps()[off] - posScan.steps()[0]) * posPerStep), FrameSpacing.fmt(posPerStep)));
        }
      }
      if (dynamics) {
        spacing.offer(enerPerStep * strideSteps, enerPath == null ? "" : enerPath.getFileName() + " Time[fs] column × "
            + strideSteps + " step" + (strideSteps == 1 ? "" : "s") + " between frames", 1e-6 * strideSteps);
        if (input != null) {
          spacing.offer(input.timestepFs() * input.trajectoryStride(), inputPath.getFileName() + " TIMESTEP × EACH/MD ("
              + FrameSpacing.fmt(input.timestepFs()) + " fs × " + input.trajectoryStride() + ")", 0);
        }
        if (head != null && head.coordinatesEvery() > 0) {
          spacing.offer(head.timestepFs() * head.coordinatesEvery(), logPath.getFileName() + " " + head.timestepLabel() + " × Coordinates "
              + "print frequency (" + FrameSpacing.fmt(head.timestepFs()) + " fs × " + head.coordinatesEvery() + ")",
              0.005 * head.coordinatesEvery());
        }
      }
      spacing.disagreements().forEach(this::warn);
      FrameSpacing.Source chosen = spacing.chosen();
      double dt = chosen == null ? Double.NaN : chosen.fs();
      String dtSource = chosen == null ? null : chosen.phrase();
      perStepFs = useTimeColumn ? posPerStep : dynamics && !Double.isNaN(dt) ? dt / strideSteps : Double.NaN;
      if (!useTimeColumn && posScan.steps().length > 1 && !Double.isNaN(posScan.timesFs()[0])) {
        notes.add("the frames carry one time throughout (REFTRAJ or restart artefact): times follow the step numbers");
      }
      if (runType != null) {
        notes.add("run type " + runType);
      }
      Cell firstCell = cellReader != null ? (cellNext != null ? cellNext.cell() : null) : fixedCell;
      header = new TrajectoryHeader(posFile.toString(), FORMAT, version, atoms, firstCell, dt, dtSource,
          cellReader != null || !logCells.isEmpty(), notes);
    } catch (RuntimeException e) {
      for (AutoCloseable c : new AutoCloseable[] {posR, frcR, velR, cellR, enerR}) {
        try {
          if (c != null) {
            c.close();
          }
        } catch (Exception ignored) {
          // the first error is the one to report
        }
      }
      twoPasses.forEach(TwoPass::close);
      throw e;
    }
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
    while (frcNext != null && frcNext.step() < b.step()) {
      frcNext = nextKept(frc, frcOrder);
    }
    if (frcNext != null && frcNext.step() == b.step() && frcNext.hasValues()) {
      forces = values(frcNext, frc);
    }
    double[] velocities = null;
    while (velNext != null && velNext.step() < b.step()) {
      velNext = nextKept(vel, velOrder);
    }
    if (velNext != null && velNext.step() == b.step()) {
      velocities = values(velNext, vel);
    }
    // .ener rows are joined by step like the cell: streamed, never held whole
    EnergyStep es = null;
    while (ener != null && enerNext != null && enerNext.step() < b.step()) {
      enerNext = nextKept(ener, enerOrder);
    }
    if (enerNext != null && enerNext.step() == b.step()) {
      es = enerNext;
    }
    if (ener != null && enerNext == null) {
      ener.warnings().forEach(w -> warn(Warning.Input.INCOMPLETE, w));
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
      frc.close();
    }
    if (vel != null) {
      vel.close();
    }
    if (cellReader != null) {
      cellReader.close();
    }
    if (ener != null) {
      ener.close();
    }
    twoPasses.forEach(TwoPass::close);
  }
}
