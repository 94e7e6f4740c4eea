package org.interphase.parsers.xyz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Units;
import org.interphase.core.Warning;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Extended XYZ as ASE ({@code ase.io.write(…, format="extxyz")}) and OVITO write it, streamed frame
 * by frame. Each frame is an atom count, a comment line of {@code key=value} pairs ({@link
 * ExtxyzComment}: {@code Lattice=} in Å, {@code pbc=}, {@code time=}/{@code Time=}, {@code energy=},
 * {@code free_energy=} in eV, quoted values with spaces) and one line per atom with the columns
 * {@code Properties=} declares, in any order ({@link ExtxyzColumns}: species, positions in Å, forces
 * in eV/Å, velocities in Å/fs; other columns skipped by their width).
 *
 * <p><b>Time.</b> Frame times come from the file ({@code time=} in ASE time units, {@code Time=} in
 * fs, both converted to fs); the header's time between frames is the difference of the first two
 * frames' times, and a later spacing that differs is a warning (times are kept as written; the MSD
 * stops at such a gap). A file without times has no time step: {@code --timestep-fs} gives one.
 *
 * <p><b>Periodicity.</b> A frame without {@code Lattice=} takes the {@code &CELL} of a CP2K input beside the file that names
 * it in {@code COORD_FILE_NAME} (a CP2K start structure); otherwise it has no cell (a non-periodic structure: analyses that
 * unwrap through the cell refuse it). A lattice with {@code pbc} false along some
 * axis is kept as the frame's cell, with a note that positions along that axis do not wrap.
 *
 * <p>Errors: {@link MalformedInputException} ({@code file:line}, what was expected) for a count line
 * that is not an integer, an unreadable comment value, a column layout without species or
 * positions, an atom line with other than the declared number of values, or a frame whose atoms
 * differ from the first frame's; {@link TruncatedInputException} when the file ends inside a frame.
 */
public final class ExtendedXyz extends AbstractFrameSource {
  /** The comment line CP2K writes in its {@code -pos-} files: {@code i = 0, time = 0.000, E = -1.0}. */
  private static final java.util.regex.Pattern CP2K_COMMENT = java.util.regex.Pattern.compile("^\\s*i\\s*=\\s*\\d+\\s*,.*\\bE\\s*=");

  /** Registry name of the format. */
  public static final String FORMAT = "extxyz";

  private final LineReader r;
  private final TrajectoryHeader header;
  /** frames read while opening, not yet handed out */
  private final Deque<Frame> ahead = new ArrayDeque<>();
  private final String[] firstLabels;
  /** The species tokens of the first frame as written; while it is read, collected in {@link #tokens}. */
  private String[] firstTokens;
  private String[] tokens;
  private long index;
  /** The cell of the CP2K input naming this file in COORD_FILE_NAME, for frames without Lattice=; null when none. */
  private Cell inputCell;
  private double previousTimeFs = Double.NaN;
  private boolean spacingWarned;

  private ExtendedXyz(Path path, ReadOptions options) {
    super(options.strict());
    r = LineReader.open(path);
    try {
      String[][] labels = new String[1][];
      ExtxyzComment[] comment = new ExtxyzComment[1];
      Frame first = readFrame(labels, comment);
      if (first == null) {
        throw new MalformedInputException(path.toString(), 1, "an extended XYZ frame", null);
      }
      firstLabels = labels[0];
      firstTokens = tokens;
      tokens = null;
      ahead.add(first);
      Frame second = Double.isNaN(first.timeFs()) ? null : readSecond();
      if (second != null) {
        ahead.add(second);
      }
      double dt = second == null ? Double.NaN : second.timeFs() - first.timeFs();
      dt = dt > 0 ? dt : Double.NaN;
      boolean variable = second != null && second.cell() != null && first.cell() != null
          && !java.util.Arrays.equals(second.cell().rows(), first.cell().rows());
      List<String> notes = notes(comment[0]);
      if (first.cell() == null) {
        org.interphase.parsers.cp2k.Cp2kInput in = org.interphase.parsers.cp2k.Cp2kInput.namingCoordinates(path);
        inputCell = in == null ? null : in.cell();
        if (inputCell != null) {
          notes.clear();
          notes.add("cell from &CELL of " + in.path().getFileName() + ", whose COORD_FILE_NAME names this file (it has no Lattice=)");
          List<Frame> read = new ArrayList<>(ahead);
          ahead.clear();
          read.forEach(f -> ahead.add(withInputCell(f)));
          first = ahead.peekFirst();
        } else if (options.cellOptional()) {
          warn(Warning.Input.NO_CELL, NO_LATTICE_ADVICE);
        }
      }
      String dtSource = Double.isNaN(dt) ? null : "extxyz " + comment[0].timeKey() + "= of the first two frames"
          + ("time".equals(comment[0].timeKey()) ? " (ASE time units)" : " (fs)");
      header = new TrajectoryHeader(path.toString(), FORMAT, "extended XYZ", AtomTable.of(firstLabels), first.cell(), dt, dtSource,
          variable, notes);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /**
   * Opens an extended XYZ file and reads its first frame (and the second when the first has a time,
   * for the time step).
   *
   * @throws MalformedInputException when the first frame is not an extended XYZ frame
   */
  public static ExtendedXyz open(Path path, ReadOptions options) {
    return new ExtendedXyz(path, options);
  }

  /** The second frame, or null when the file ends cleanly or inside it (reported when it is read). */
  private Frame readSecond() {
    try {
      return readFrame(new String[1][], new ExtxyzComment[1]);
    } catch (TruncatedInputException e) {
      if (strict()) {
        throw e;
      }
      warn(Warning.Input.INCOMPLETE, e.getMessage() + " (a running or killed job?); 1 complete frame kept");
      return null;
    }
  }

  /** How to give the cell of a file whose first frame has none (for a summary's warning). */
  private static final String NO_LATTICE_ADVICE = "for a periodic run write "
      + "Lattice=\"ax ay az bx by bz cx cy cz\" (Å) in the comment line of every frame, as ASE and OVITO do";

  private static List<String> notes(ExtxyzComment c) {
    List<String> notes = new ArrayList<>();
    if (c.cell() == null) {
      notes.add("no Lattice= in the first frame: a non-periodic structure without a cell");
    } else if (!c.fullyPeriodic()) {
      notes.add("pbc=\"" + c.pbcText() + "\": the cell is not periodic along every axis; positions along a non-periodic axis"
          + " do not wrap and are used as written");
    }
    if ("time".equals(c.timeKey())) {
      notes.add(String.format(Locale.ROOT, "times from time= read in ASE time units (1 = %.6f fs), as ASE's atoms.info[\"time\"]"
          + " holds them; --timestep-fs overrides", Units.ASE_TIME_TO_FS));
    }
    return notes;
  }

  @Override
  public TrajectoryHeader header() {
    return header;
  }

  @Override
  protected Frame readNext() {
    Frame f = ahead.isEmpty() ? withInputCell(readFrame(new String[1][], new ExtxyzComment[1])) : ahead.poll();
    if (f != null) {
      checkSpacing(f);
    }
    return f;
  }

  /** The frame with the cell of the CP2K input that names this file, where it has none of its own. */
  private Frame withInputCell(Frame f) {
    return f == null || inputCell == null || f.cell() != null ? f : f.withCell(inputCell);
  }

  /** Warns once when a frame's time does not follow the header's time step. */
  private void checkSpacing(Frame f) {
    double t = f.timeFs();
    double dt = header.timestepFs();
    if (!spacingWarned && !Double.isNaN(dt) && Double.isFinite(previousTimeFs) && Double.isFinite(t)
        && Math.abs(t - previousTimeFs - dt) > 1e-6 * Math.max(1, dt)) {
      spacingWarned = true;
      warn(String.format(Locale.ROOT, "the frames are not evenly spaced in time: step %d at %s fs comes %s fs after the previous"
          + " frame, the first two are %s fs apart; times are taken as written", f.step(), num(t), num(t - previousTimeFs), num(dt)));
    }
    previousTimeFs = t;
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private Frame readFrame(String[][] labelsOut, ExtxyzComment[] commentOut) {
    do {
      if (!r.next()) {
        return null;
      }
    } while (r.isBlank());
    long countLine = r.lineNumber();
    int n = r.nextInt("the atom count");
    if (n < 1 || r.hasMoreTokens()) {
      throw new MalformedInputException(r.source(), countLine, "a line with only the atom count (≥ 1) of frame " + (index + 1),
          r.line());
    }
    if (firstLabels != null && n != firstLabels.length) {
      throw MalformedInputException.of(r.source(), countLine, "frame " + (index + 1) + " has " + n + " atoms, the first frame "
          + firstLabels.length);
    }
    if (!r.next()) {
      throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "the comment line of frame " + (index + 1));
    }
    ExtxyzComment c;
    ExtxyzColumns cols;
    try {
      c = ExtxyzComment.parse(r.line());
      cols = ExtxyzColumns.parse(c.properties());
    } catch (IllegalArgumentException e) {
      String what = CP2K_COMMENT.matcher(r.line()).find() ? e.getMessage() + " (this comment line is CP2K's: a CP2K positions file is "
          + "read as one when named PROJECT-pos-1.xyz, as CP2K names it, or given the format cp2k-md)" : e.getMessage();
      throw new MalformedInputException(r.source(), r.lineNumber(), what, r.line());
    }
    commentOut[0] = c;
    double[] pos = new double[3 * n];
    double[] frc = cols.has(ExtxyzColumns.Role.FORCES) ? new double[3 * n] : null;
    double[] vel = cols.has(ExtxyzColumns.Role.VELOCITIES) ? new double[3 * n] : null;
    String[] labels = new String[n];
    if (firstTokens == null) {
      tokens = new String[n];
    }
    for (int a = 0; a < n; a++) {
      if (!r.next()) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "atom " + (a + 1) + " of " + n + " in frame " + (index + 1));
      }
      labels[a] = atomLine(cols, a, pos, frc, vel);
    }
    labelsOut[0] = labels;
    long step = c.step() >= 0 ? c.step() : index;
    index++;
    return new Frame(step, c.timeFs(), c.cell(), pos, frc, vel, c.energies());
  }

  /** Reads the columns of atom {@code a}'s line into the arrays; returns its element. */
  private String atomLine(ExtxyzColumns cols, int a, double[] pos, double[] frc, double[] vel) {
    String label = null;
    for (ExtxyzColumns.Column col : cols.columns()) {
      double[] target = switch (col.role()) {
        case POSITIONS -> pos;
        case FORCES -> frc;
        case VELOCITIES -> vel;
        default -> null;
      };
      try {
        if (col.role() == ExtxyzColumns.Role.SPECIES) {
          label = species(r.nextToken(VALUE), a);
        } else if (target != null) {
          for (int k = 0; k < 3; k++) {
            target[3 * a + k] = r.nextDouble(VALUE);
          }
        } else {
          for (int k = 0; k < col.width(); k++) {
            r.nextToken(VALUE);
          }
        }
      } catch (MalformedInputException e) {
        // the message is made only when it is needed: building it for every atom would cost more than reading the line
        throw e.withExpected(col.name() + " of atom " + (a + 1) + " in frame " + (index + 1) + " (" + cols.tokensPerAtom()
            + " values per line as Properties= declares)");
      }
    }
    if (r.hasMoreTokens()) {
      throw r.error(cols.tokensPerAtom() + " values for atom " + (a + 1) + " in frame " + (index + 1) + " as Properties= declares");
    }
    return label;
  }

  private static final String VALUE = "a value";

  private String species(String token, int a) {
    if (firstTokens != null && token.equals(firstTokens[a])) {
      return firstLabels[a]; // the same label as in the first frame: the same element, no lookup
    }
    if (tokens != null) {
      tokens[a] = token;
    }
    String el;
    try {
      el = AtomTable.elementOf(token);
    } catch (IllegalArgumentException e) {
      throw r.error("an element symbol for atom " + (a + 1) + " in frame " + (index + 1));
    }
    if (firstLabels != null && !firstLabels[a].equals(el)) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), "atom " + (a + 1) + " of frame " + (index + 1) + " is " + el
          + ", in the first frame " + firstLabels[a] + " (the atoms must stay the same)");
    }
    return el;
  }

  /** Writes one frame as extended XYZ (ASE and OVITO read it). */
  public static void write(Writer w, AtomTable atoms, Frame f) {
    try {
      StringBuilder sb = new StringBuilder();
      sb.append(f.atomCount()).append('\n');
      if (f.cell() != null) {
        sb.append("Lattice=\"");
        double[] m = f.cell().rows();
        for (int i = 0; i < 9; i++) {
          sb.append(i > 0 ? " " : "").append(fmt(m[i]));
        }
        sb.append("\" pbc=\"T T T\" ");
      }
      sb.append("Properties=species:S:1:pos:R:3").append(f.hasForces() ? ":forces:R:3" : "");
      if (!Double.isNaN(f.energies().potentialEv())) {
        sb.append(" energy=").append(fmt(f.energies().potentialEv()));
      }
      if (!Double.isNaN(f.timeFs())) {
        sb.append(" Time=").append(fmt(f.timeFs()));
      }
      sb.append(" step=").append(f.step()).append('\n');
      double[] fr = f.forces();
      for (int a = 0; a < f.atomCount(); a++) {
        sb.append(String.format(Locale.ROOT, "%-3s", atoms.element(a)));
        for (int k = 0; k < 3; k++) {
          sb.append(' ').append(fmt(f.position(a, k)));
        }
        if (fr != null) {
          for (int k = 0; k < 3; k++) {
            sb.append(' ').append(fmt(fr[3 * a + k]));
          }
        }
        sb.append('\n');
      }
      w.write(sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.10f", v);
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
