package org.interphase.parsers.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.EnergyStep;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;

/**
 * A CP2K MD (or GEO_OPT) run as one stream of frames: positions from {@code <P>-pos-<K>.xyz}, joined
 * <b>by step number</b> with the cell ({@code <P>-<K>.cell}, else the input's {@code &CELL}, else
 * the log), energies ({@code <P>-<K>.ener} and the xyz comment line), forces ({@code -frc-}) and
 * velocities ({@code -vel-}) found beside the positions file.
 *
 * <p>Cell policy: an NPT run prints cells at its own stride; a frame takes the {@code .cell} row of
 * its step, or, when that step has no row, the latest earlier row, with a warning if the cell has
 * changed by then. An NPT run without a {@code .cell} file takes per-step cells from the log when it
 * prints them. A run with no cell anywhere is an error: nothing is invented.
 */
public final class Cp2kMdRun extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "cp2k-md";

  private final Cp2kXyzReader pos;
  private final Cp2kXyzReader frc;
  private final Cp2kXyzReader vel;
  private final Cp2kCellReader cellReader;
  private final Cp2kEnerReader ener;
  private EnergyStep enerNext;
  private final Map<Long, Cell> logCells = new HashMap<>();
  private final Cell fixedCell;
  private final TrajectoryHeader header;
  private final Deque<XyzBlock> lookahead = new ArrayDeque<>();
  private final int n;
  private XyzBlock frcNext;
  private XyzBlock velNext;
  private Cp2kCellReader.Row cellCurrent;
  private Cp2kCellReader.Row cellNext;
  private boolean cellVaried;
  private boolean noTime;
  private long index;

  private Cp2kMdRun(Path posFile, ReadOptions options) {
    super(options.strict());
    Path dir = posFile.toAbsolutePath().getParent();
    String name = posFile.getFileName().toString();
    String project = projectOf(name);
    List<String> notes = new ArrayList<>();
    pos = Cp2kXyzReader.open(posFile, Cp2kXyzReader.Quantity.POSITIONS);
    try {
      XyzBlock b0 = pos.next();
      if (b0 == null) {
        throw new MalformedInputException(posFile.toString(), 1, "at least one frame", null);
      }
      lookahead.add(b0);
      XyzBlock b1 = pos.next();
      if (b1 != null) {
        lookahead.add(b1);
      }
      n = b0.labels().length;
      String[] el = new String[n];
      for (int i = 0; i < n; i++) {
        el[i] = AtomTable.elementOf(b0.labels()[i]);
      }
      AtomTable atoms = AtomTable.of(el);
      Path inputPath = project == null ? null : Cp2kInput.find(dir, project);
      Cp2kInput input = inputPath == null ? null : Cp2kInput.read(inputPath);
      Path logPath = Cp2kLog.find(dir, project);
      // only the head of the log unless the cell has to come from it: a long run's log is large
      Cp2kLog.Head head = logPath == null ? null : Cp2kLog.head(logPath);
      String version = head != null && head.version() != null ? "CP2K " + head.version() : "CP2K";

      Path cellPath = sibling(dir, name, "-pos-", "-", ".cell");
      Cell fixed = null;
      if (cellPath != null) {
        cellReader = Cp2kCellReader.open(cellPath);
        cellNext = cellReader.next();
        notes.add("cell from " + cellPath.getFileName() + ", joined by step");
      } else {
        cellReader = null;
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
          throw MalformedInputException.of(posFile.toString(), 0, "no cell for this run: no " + project + "-*.cell file, no &CELL in "
              + "an input and no CELL| lines in a log beside it");
        }
      }
      fixedCell = fixed;

      Path enerPath = sibling(dir, name, "-pos-", "-", ".ener");
      ener = enerPath == null ? null : Cp2kEnerReader.open(enerPath, options.strict());
      if (ener != null) {
        enerNext = ener.next();
        notes.add("kinetic energy, temperature and conserved quantity from " + enerPath.getFileName());
      }
      Path frcPath = sibling(dir, name, "-pos-", "-frc-", ".xyz");
      frc = frcPath == null ? null : Cp2kXyzReader.open(frcPath, Cp2kXyzReader.Quantity.FORCES);
      Path velPath = sibling(dir, name, "-pos-", "-vel-", ".xyz");
      vel = velPath == null ? null : Cp2kXyzReader.open(velPath, Cp2kXyzReader.Quantity.VELOCITIES);
      if (frc != null) {
        frcNext = frc.next();
        notes.add("forces from " + frcPath.getFileName() + " (Hartree/bohr → eV/Å)");
      }
      if (vel != null) {
        velNext = vel.next();
        notes.add("velocities from " + velPath.getFileName() + " (bohr/a.u. time → Å/fs)");
      }

      double dt = options.timestepFs();
      if (Double.isNaN(dt) && b1 != null && !Double.isNaN(b0.timeFs()) && !Double.isNaN(b1.timeFs()) && b1.timeFs() > b0.timeFs()) {
        dt = b1.timeFs() - b0.timeFs();
      } else if (Double.isNaN(dt) && input != null && !Double.isNaN(input.timestepFs())) {
        dt = input.timestepFs() * input.trajectoryStride();
        notes.add("time between frames = TIMESTEP × trajectory stride of " + inputPath.getFileName());
      }
      noTime = Double.isNaN(b0.timeFs()) || (b1 != null && b1.timeFs() == b0.timeFs());
      if (!Double.isNaN(b0.timeFs()) && b1 != null && b1.timeFs() == b0.timeFs()) {
        notes.add("the frames carry no time (REFTRAJ or restart artefact): time is unknown unless --timestep-fs is given");
      }
      String runType = input != null && input.runType() != null ? input.runType() : head != null ? head.runType() : null;
      if (runType != null) {
        notes.add("run type " + runType);
      }
      Cell first = cellReader != null ? (cellNext != null ? cellNext.cell() : null) : fixedCell;
      header = new TrajectoryHeader(posFile.toString(), FORMAT, version, atoms, first, dt, cellReader != null || !logCells.isEmpty(), notes);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens the run around a positions file. */
  public static Cp2kMdRun open(Path posFile, ReadOptions options) {
    return new Cp2kMdRun(posFile, options);
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
    XyzBlock b = lookahead.poll();
    if (b == null) {
      b = pos.next();
      if (b == null) {
        return null;
      }
    }
    for (int i = 0; i < n; i++) {
      String e = AtomTable.elementOf(b.labels()[i]);
      if (!e.equals(header.atoms().element(i))) {
        throw MalformedInputException.of(pos.source(), b.line() + 2 + i, "atom " + (i + 1) + " is " + e + " in step " + b.step()
            + " but " + header.atoms().element(i) + " in the first frame");
      }
    }
    Cell cell = cellFor(b.step());
    double[] forces = null;
    while (frcNext != null && frcNext.step() < b.step()) {
      frcNext = frc.next();
    }
    if (frcNext != null && frcNext.step() == b.step() && frcNext.hasValues()) {
      forces = frcNext.values();
    }
    double[] velocities = null;
    while (velNext != null && velNext.step() < b.step()) {
      velNext = vel.next();
    }
    if (velNext != null && velNext.step() == b.step()) {
      velocities = velNext.values();
    }
    // .ener rows are joined by step like the cell: streamed, never held whole
    EnergyStep es = null;
    while (ener != null && enerNext != null && enerNext.step() < b.step()) {
      enerNext = ener.next();
    }
    if (enerNext != null && enerNext.step() == b.step()) {
      es = enerNext;
    }
    if (ener != null && enerNext == null) {
      ener.warnings().forEach(this::warn);
    }
    Energies en;
    if (es != null) {
      Energies e = es.energies();
      double pot = Double.isNaN(b.energyEv()) ? e.potentialEv() : b.energyEv();
      en = new Energies(pot, Double.NaN, Double.NaN, e.kineticEv(), e.conservedEv(), e.temperatureK());
    } else {
      en = Energies.potential(b.energyEv());
    }
    double t = noTime || Double.isNaN(b.timeFs()) ? index * header.timestepFs() : b.timeFs();
    index++;
    return new Frame(b.step(), t, cell, b.values(), forces, velocities, en);
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
      cellNext = cellReader.next();
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
  }
}
