package org.interphase.parsers.lammps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.core.Warning;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Streams a LAMMPS text dump ({@code dump atom}, {@code dump custom}), one frame per snapshot:
 *
 * <pre>{@code
 * ITEM: UNITS                 (optional, first frame only: dump_modify units yes)
 * metal
 * ITEM: TIME                  (optional: dump_modify time yes; in the units' time unit)
 * 0.2
 * ITEM: TIMESTEP
 * 200
 * ITEM: NUMBER OF ATOMS
 * 128
 * ITEM: BOX BOUNDS pp pp pp   (triclinic: ITEM: BOX BOUNDS xy xz yz pp pp pp)
 * 0.0 12.5                    (triclinic: xlo_bound xhi_bound xy)
 * 0.0 12.5
 * 0.0 12.5
 * ITEM: ATOMS id type xs ys zs ix iy iz
 * 17 1 0.25 0.5 0.75 0 -1 0
 * …
 * }</pre>
 *
 * <p>The cell is {@link LammpsBox}'s; atoms are put in id order ({@link AtomSection}) with their
 * elements from the {@code element} column or from {@link ReadOptions#species()} by type. Positions
 * are Cartesian Å in LAMMPS's coordinates (box origin kept) and <b>unwrapped whenever the dump
 * allows</b>: {@code xu}/{@code xsu} columns as they are, wrapped ones plus image flags when {@code ix
 * iy iz} are there ({@link AtomColumns}); otherwise wrapped as stored. Velocities and forces ({@code
 * vx…}, {@code fx…}) are converted from the {@link LammpsUnits} to Å/fs and eV/Å.
 *
 * <p>Time of a frame, in this order: {@code ITEM: TIME} × the time unit; the step number ×
 * {@link ReadOptions#mdStepFs()} (the MD integration step); otherwise unknown (NaN). The header's time
 * between frames is the difference of the first two frames' times. A user's time between stored
 * frames ({@link ReadOptions#timestepFs()}) overrides all of this in the registry, not here.
 *
 * <p>Errors: {@link MalformedInputException} ({@code file:line}) for anything out of place, an atom
 * count that changes between frames included; {@link TruncatedInputException} when the file ends
 * inside a frame (the base class keeps the complete frames and warns, or refuses under strict).
 */
public final class LammpsDumpReader extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "lammps-dump";

  private final LineReader r;
  private final ReadOptions options;
  private final AtomSection atomSection;
  private LammpsUnits units;
  private final TrajectoryHeader header;
  private final List<Frame> ahead = new ArrayList<>();
  private TruncatedInputException deferred;
  private long framesRead;
  private int atomCount = -1;
  private long previousStep;
  private long firstStepDelta;
  private String columnsLine;
  private AtomColumns columns;
  private String unitsNote;
  private boolean hasTimeItem;
  private boolean columnsUnwrapped;
  private LammpsBox firstBox;

  private LammpsDumpReader(Path path, ReadOptions options) {
    super(options.strict());
    this.options = options;
    this.units = options.lammpsUnits() == null ? LammpsUnits.METAL : options.lammpsUnits();
    this.atomSection = new AtomSection(options.species());
    r = LineReader.open(path);
    try {
      Frame first = readFrame();
      if (first == null) {
        throw new MalformedInputException(path.toString(), 1, "a LAMMPS dump frame (ITEM: TIMESTEP)", null);
      }
      ahead.add(first);
      try {
        Frame second = readFrame();
        if (second != null) {
          ahead.add(second);
        }
      } catch (TruncatedInputException e) {
        deferred = e;
      }
      header = header(path, first, ahead.size() > 1 ? ahead.get(1) : null);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /**
   * Opens a LAMMPS text dump (decompressing .gz, .bz2, .xz) and reads its first two frames.
   *
   * @throws MalformedInputException when the first frame is malformed or the file holds none
   * @throws TruncatedInputException when the file ends inside its first frame
   * @throws UnsupportedFormatException for a units style other than metal or real in {@code ITEM: UNITS}
   */
  public static LammpsDumpReader open(Path path, ReadOptions options) {
    return new LammpsDumpReader(path, options);
  }

  @Override
  public TrajectoryHeader header() {
    return header;
  }

  private TrajectoryHeader header(Path path, Frame first, Frame second) {
    List<String> notes = new ArrayList<>();
    notes.add("LAMMPS units " + units.styleName() + (unitsNote == null ? " (default; the dump does not say)" : " (" + unitsNote + ")"));
    notes.add(columns.unwrapped() ? "positions unwrapped (" + (columns.images() ? "wrapped + image flags" : "columns "
        + String.join(" ", columns.positions().names())) + ")" : "positions wrapped into the box (no image flags)");
    if (!firstBox.atZero()) {
      double[] o = firstBox.originA();
      notes.add(String.format(Locale.ROOT, "box origin (xlo, ylo, zlo) = (%.4f, %.4f, %.4f) Å: positions are LAMMPS's own coordinates",
          o[0], o[1], o[2]));
    }
    double dt = Double.NaN;
    String dtSource = null;
    boolean variable = false;
    if (second != null) {
      dt = second.timeFs() - first.timeFs();
      dtSource = timeSource(second.step() - first.step());
      variable = !Arrays.equals(first.cell().rows(), second.cell().rows());
    }
    if (Double.isNaN(dt) && second != null && second.step() > first.step()) {
      notes.add("frames are " + (second.step() - first.step()) + " MD steps apart (TIMESTEP numbers) and the dump gives no time: pass "
          + "--md-step-fs with the MD step (LAMMPS timestep, in fs), or --timestep-fs with the time between frames");
    }
    return new TrajectoryHeader(path.toString(), FORMAT, "LAMMPS", atomSection.table(), first.cell(), dt, dtSource, variable, notes)
        .withStepsPerFrame(second == null ? 0 : Math.max(0, second.step() - first.step()));
  }

  private String timeSource(long steps) {
    if (hasTimeItem) {
      return "LAMMPS dump ITEM: TIME (" + units.styleName() + " units)";
    }
    return String.format(Locale.ROOT, "LAMMPS TIMESTEP × MD step (%d steps × %s fs)", steps, trim(options.mdStepFs()));
  }

  private static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  protected Frame readNext() {
    if (!ahead.isEmpty()) {
      return ahead.remove(0);
    }
    if (deferred != null) {
      TruncatedInputException e = deferred;
      deferred = null;
      throw e;
    }
    return readFrame();
  }

  /** Warns (strict: refuses) a step that does not increase, and warns once about uneven spacing. */
  private void checkOrder(long step) {
    if (framesRead > 1) {
      long delta = step - previousStep;
      if (delta <= 0) {
        String msg = "step " + step + " follows step " + previousStep + " (a restart appended to the dump?)";
        if (strict()) {
          throw MalformedInputException.of(r.source(), r.lineNumber(), msg);
        }
        warn(Warning.Input.OTHER, msg + "; frames are kept as read");
      } else if (firstStepDelta == 0) {
        firstStepDelta = delta;
      } else if (delta != firstStepDelta) {
        warn(Warning.Input.GAP, "frames are not evenly spaced: steps " + previousStep + " → " + step + " after " + firstStepDelta
            + " steps between the first frames");
      }
    }
    previousStep = step;
  }

  /** Reads one frame, or returns null at the end of the file. */
  private Frame readFrame() {
    do {
      if (!r.next()) {
        return null;
      }
    } while (r.isBlank());
    long frame = ++framesRead;
    double time = Double.NaN;
    if (r.line().strip().equals("ITEM: UNITS")) {
      readUnits(frame);
      nextLine("ITEM: TIME or ITEM: TIMESTEP", frame);
    }
    if (r.line().strip().equals("ITEM: TIME")) {
      nextLine("the time", frame);
      time = r.nextDouble("the time of frame " + frame + " (" + units.styleName() + " units)") * units.timeToFs();
      hasTimeItem = true;
      nextLine("ITEM: TIMESTEP", frame);
    }
    expectItem("ITEM: TIMESTEP", frame, false);
    nextLine("the step number", frame);
    long step = r.nextLong("the step number of frame " + frame);
    checkOrder(step);
    expectItem("ITEM: NUMBER OF ATOMS", frame, true);
    nextLine("the atom count", frame);
    int n = atomCount(frame);
    expectItem("ITEM: BOX BOUNDS", frame, true);
    LammpsBox box = readBox(frame);
    if (firstBox == null) {
      firstBox = box;
    }
    expectItem("ITEM: ATOMS", frame, true);
    readColumns();
    AtomSection.Values v = atomSection.read(r, columns, n, box, units, frame);
    if (Double.isNaN(time) && !Double.isNaN(options.mdStepFs())) {
      time = step * options.mdStepFs();
    }
    return new Frame(step, time, box.cell(), v.positionsA(), v.forcesEvPerA(), v.velocitiesAPerFs(), Energies.NONE);
  }

  private void readUnits(long frame) {
    if (frame != 1) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), "ITEM: UNITS only before the first frame (two dumps joined?)");
    }
    nextLine("the units style", frame);
    String style = r.line().strip();
    LammpsUnits declared;
    try {
      declared = LammpsUnits.parse(style);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedFormatException(r.source() + ":" + r.lineNumber() + ": " + e.getMessage());
    }
    unitsNote = "ITEM: UNITS of the dump";
    if (options.lammpsUnits() != null && options.lammpsUnits() != declared) {
      warn(Warning.Input.CONFLICT, "the dump says units " + declared.styleName() + ", --lammps-units " + options.lammpsUnits().styleName()
          + ": the dump's units used");
    }
    units = declared;
  }

  private int atomCount(long frame) {
    long n = r.nextLong("the atom count of frame " + frame);
    if (n < 1 || n > Integer.MAX_VALUE / 3) {
      throw new MalformedInputException(r.source(), r.lineNumber(), "an atom count of at least 1 for frame " + frame, r.line());
    }
    if (atomCount >= 0 && n != atomCount) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), "frame " + frame + " has " + n + " atoms, frame 1 has " + atomCount
          + " (a changing number of atoms is not supported)");
    }
    atomCount = (int) n;
    return atomCount;
  }

  private LammpsBox readBox(long frame) {
    String[] flags = r.line().strip().substring("ITEM: BOX BOUNDS".length()).strip().split("\\s+");
    boolean triclinic = Arrays.asList(flags).contains("xy");
    if (Arrays.asList(flags).contains("abc")) {
      throw new UnsupportedFormatException(r.source() + ":" + r.lineNumber() + ": a general triclinic box (ITEM: BOX BOUNDS abc origin) "
          + "is not supported; dump the restricted triclinic box LAMMPS uses internally");
    }
    double[] bounds = new double[6];
    double[] tilts = triclinic ? new double[3] : null;
    for (int k = 0; k < 3; k++) {
      nextLine("box bounds line " + (k + 1), frame);
      String what = (triclinic ? "lo_bound hi_bound tilt" : "lo hi") + " of box line " + (k + 1) + " in frame " + frame;
      bounds[2 * k] = r.nextDouble(what);
      bounds[2 * k + 1] = r.nextDouble(what);
      if (triclinic) {
        tilts[k] = r.nextDouble(what);
      }
    }
    try {
      return LammpsBox.of(bounds, tilts);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), e.getMessage());
    }
  }

  private void readColumns() {
    String line = r.line().strip();
    if (line.equals(columnsLine)) {
      return;
    }
    List<String> names = List.of(line.substring("ITEM: ATOMS".length()).strip().split("\\s+"));
    try {
      columns = AtomColumns.of(names);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(r.source(), r.lineNumber(), e.getMessage(), line);
    }
    if (columnsLine != null && columns.unwrapped() != columnsUnwrapped) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), "the position columns change from unwrapped to wrapped or back");
    }
    columnsUnwrapped = columns.unwrapped();
    columnsLine = line;
  }

  private void nextLine(String what, long frame) {
    if (!r.next()) {
      throw new TruncatedInputException(r.source(), r.lineNumber() + 1, what + " of frame " + frame);
    }
  }

  private void expectItem(String item, long frame, boolean advance) {
    if (advance) {
      nextLine(item, frame);
    }
    if (!r.startsWithTrimmed(item)) {
      throw new MalformedInputException(r.source(), r.lineNumber(), item + " (frame " + frame + ")", r.line());
    }
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
