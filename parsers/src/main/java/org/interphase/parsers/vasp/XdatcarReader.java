package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.interphase.core.Warning;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.ChunkedReading;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.io.ParallelChunks;

/**
 * Streams an XDATCAR frame by frame.
 *
 * <p>Layouts read:
 *
 * <ul>
 *   <li>VASP ≥ 5.2.12, fixed cell: one header, then {@code Direct configuration=     N} + N lines.
 *   <li>Variable cell (ISIF ≥ 3): the whole header is written again before every frame.
 *   <li>VASP 5.2-era: frames separated by a blank line, no configuration numbers.
 *   <li>VASP 4: a five-line header ({@code NIONS NIONS NBLOCK}, volume/a/b/c/POTIM, T, "CAR", name)
 *       with no lattice and no symbols; the cell and elements come from a POSCAR/CONTCAR beside
 *       the file (or symbols from {@code --elements} plus the header's lengths as an orthorhombic
 *       cell, with a warning).
 * </ul>
 *
 * <p>Order: VASP numbers configurations by MD step ({@code Direct configuration=    50} is step 50)
 * and never appends to an XDATCAR, so the numbers must increase. A frame written twice (the same
 * number again) keeps the later copy, with a warning (refused under {@code --strict}). Numbers that restart (at or below the first
 * number of the run, usually after a second header) are a user's join of two runs, {@code cat
 * run1/XDATCAR run2/XDATCAR}: read as consecutive segments with a warning naming the line, refused
 * under {@code --strict}. Numbers that go back otherwise (frames swapped) are an error. A jump
 * larger than the usual difference is a gap: a warning, since analyses assume evenly spaced frames.
 * VASP's I6 field overflows to {@code ******} past step 999999: such frames continue the sequence.
 *
 * <p>Time: the time between frames comes from {@link FrameSpacing} (POTIM × NBLOCK or ML_OUTBLOCK of
 * the OUTCAR, vasprun.xml or INCAR beside the file, cross-checked with the configuration numbers)
 * or {@code --timestep-fs}. A frame's time follows its configuration number: {@code (N − N₀) · dt /
 * ΔN} from the first frame, ΔN the first increase between numbers; a joined second run
 * continues one frame interval after the last frame of the first. Frame steps are MD steps counted
 * the same way.
 */
public final class XdatcarReader extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "vasp-xdatcar";

  private static final String COORDS = "3 coordinates";
  /** Files below this size are read in one thread: splitting them would cost more than it gains (property for tests). */
  private static long parallelMinBytes() {
    return Long.getLong("interphase.parallelMinBytes", 8L << 20);
  }
  /** Bytes per chunk of the parallel reading (property for tests). */
  private static long chunkBytes() {
    return Long.getLong("interphase.parseChunkBytes", 4L << 20);
  }
  /** Frames handed out by the parallel reading. */
  private long parallelFrames;
  /** Frames expected from the file's size and the first frames' length, {@code -1} when unknown. */
  private final long expected;
  private LineReader r;
  /** The frames ahead parsed on all cores, while the file keeps its plain layout; {@code null} otherwise. */
  private ChunkedReading<XdatcarChunk> parallel;
  private final Path path;
  private final ReadOptions options;
  private final TrajectoryHeader header;
  private final int n;
  private final VaspHeader firstHeader;
  private Cell cell;
  private double[] scale;
  private boolean variableCell;
  private boolean lineReady;
  /** Frames parsed so far, whatever their numbers. */
  private long parsed;
  /** Frames read ahead in the constructor (up to three) to see the first configuration numbers. */
  private final Deque<Raw> ahead = new ArrayDeque<>();
  private TruncatedInputException pendingTruncation;
  /** The frame waiting for the next one, so that a copy written twice can replace it. */
  private Frame held;
  private long heldNumber = -1;
  // ordering state
  private final long numberStep;
  private final double fsPerNumber;
  private final double dtFs;
  private long lastNumber = -1;
  private long segmentFirst = -1;
  private long segmentStep;
  private double segmentTime;
  private long lastStep;
  private double lastTime;
  private int gaps;
  private int duplicates;
  private long firstDuplicateLine;

  /**
   * One frame as parsed: its configuration number ({@code -1} when the file gives none), its line,
   * whether a header came right before it.
   */
  private record Raw(long number, long line, boolean afterHeader, Cell cell, double[] positions) {}

  private XdatcarReader(Path path, ReadOptions options) {
    super(options.strict());
    this.path = path;
    this.options = options;
    this.r = LineReader.open(path);
    try {
      if (!r.next()) {
        throw new MalformedInputException(r.source(), 1, "an XDATCAR header", null);
      }
      List<String> notes = new ArrayList<>();
      AtomTable atoms;
      if (looksLikeVasp4(r)) {
        Vasp4Header h4 = readVasp4Header(notes);
        atoms = h4.atoms;
        cell = h4.cell;
        scale = new double[] {1, 1, 1};
        firstHeader = null;
      } else {
        VaspHeader h = VaspHeader.read(r, path, options);
        notes.addAll(h.notes());
        h.warnings().forEach(w -> warn(w.kind(), w.text()));
        atoms = h.atoms();
        cell = h.cell();
        scale = h.scale();
        firstHeader = h;
      }
      n = atoms.size();
      Cell firstCell = cell;
      long headerBytes = r.bytesConsumed();
      readAhead();
      expected = estimateFrames(headerBytes);
      // MD steps between frames as the numbers show them: the first increase among the first frames
      long step = 0;
      Raw before = null;
      for (Raw x : ahead) {
        if (before != null && before.number() >= 0 && x.number() > before.number()) {
          step = x.number() - before.number();
          break;
        }
        before = x;
      }
      numberStep = step;
      FrameSpacing spacing = FrameSpacing.xdatcar(path, step);
      dtFs = spacing.dtFs();
      fsPerNumber = Double.isNaN(dtFs) ? Double.NaN : dtFs / Math.max(1, step);
      notes.addAll(spacing.notes());
      spacing.warnings().forEach(this::warn);
      TrajectoryHeader th = new TrajectoryHeader(path.toString(), FORMAT, "VASP", atoms, firstCell, dtFs, spacing.source(), false, notes);
      // the MD steps between frames as the numbers and tags tell them; consecutive numbers alone do not (renumbered files)
      th = th.withStepsPerFrame(spacing.stepsPerFrame());
      header = spacing.notDynamics() == null ? th : th.withNotDynamics(spacing.notDynamics());
      startParallel();
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** The frames an uncompressed file holds if the rest is laid out like its first frames; -1 when unknown. */
  private long estimateFrames(long headerBytes) {
    if (ahead.isEmpty() || org.interphase.parsers.io.Compression.isCompressed(path)) {
      return -1;
    }
    try {
      double perFrame = (r.bytesConsumed() - headerBytes) / (double) ahead.size();
      return ahead.size() + Math.round((java.nio.file.Files.size(path) - r.bytesConsumed()) / perFrame);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  @Override
  public long expectedFrames() {
    return expected;
  }

  /**
   * Reads the rest on all cores when the file allows it: uncompressed, large, a fixed cell, the
   * first frames in the plain VASP 5 layout ({@code Direct configuration=} + n lines).
   */
  private void startParallel() {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2 || Boolean.getBoolean("interphase.serialParse") || lineReady || pendingTruncation != null || variableCell
        || ahead.size() < 3 || firstHeader == null || org.interphase.parsers.io.Compression.isCompressed(path)) {
      return;
    }
    for (Raw x : ahead) {
      if (x.afterHeader() || x.number() < 0) {
        return;
      }
    }
    try {
      if (java.nio.file.Files.size(path) < parallelMinBytes()) {
        return;
      }
    } catch (java.io.IOException e) {
      return;
    }
    Cell fixed = cell;
    int atoms = n;
    parallel = new ChunkedReading<>(path, r.bytesConsumed(), r.lineNumber(), chunkBytes(), cores, XdatcarChunk::isFrameStart,
        (text, length, offset) -> XdatcarChunk.parse(text, length, atoms, fixed));
  }

  /**
   * The next frame of the parallel reading, or {@code null} when it has ended (at the end of the file
   * or where the layout changes, after which the sequential reader continues from there).
   */
  private Raw nextParallel() {
    if (parallel.advance()) {
      ParallelChunks.Chunk<XdatcarChunk> chunk = parallel.chunk();
      XdatcarChunk c = chunk.value();
      int k = parallel.index();
      parsed++;
      parallelFrames++;
      return new Raw(c.numbers[k], chunk.linesBefore() + c.frameLines[k] + 1, false, cell, c.positions[k]);
    }
    r.close();
    r = parallel.rest();
    parallel = null;
    return null;
  }


  /** Opens an XDATCAR for streaming. The header and the first three frames are read at once; the rest on demand. */
  public static XdatcarReader open(Path path, ReadOptions options) {
    return new XdatcarReader(path, options);
  }

  /** The file's name, which starts every warning about a place in it ({@code XDATCAR:32: …}). */
  private String fileName() {
    return path.getFileName().toString();
  }

  private void readAhead() {
    try {
      for (int k = 0; k < 3; k++) {
        Raw x = readRaw();
        if (x == null) {
          return;
        }
        ahead.add(x);
      }
    } catch (TruncatedInputException e) {
      pendingTruncation = e;
    }
  }

  @Override
  public TrajectoryHeader header() {
    if (variableCell && !header.variableCell()) {
      return header.withVariableCell();
    }
    return header;
  }

  @Override
  protected Frame readNext() {
    while (true) {
      Raw x;
      try {
        x = nextRaw();
      } catch (TruncatedInputException e) {
        if (held != null) {
          pendingTruncation = e;
          return release();
        }
        throw e;
      }
      if (x == null) {
        finishWarnings();
        return held != null ? release() : null;
      }
      if (held != null && x.number() >= 0 && x.number() == heldNumber) {
        // the same configuration again: keep the later copy (VASP writes each step once)
        if (strict()) {
          throw MalformedInputException.of(r.source(), x.line(), "expected each configuration once, found configuration "
              + x.number() + " written again (--strict refuses repeated frames; without it the later copy is kept)");
        }
        if (duplicates++ == 0) {
          firstDuplicateLine = x.line();
        }
        held = new Frame(held.step(), held.timeFs(), x.cell(), x.positions(), null, null, null);
        continue;
      }
      Frame out = held;
      place(x);
      if (out != null) {
        return out;
      }
    }
  }

  private Frame release() {
    Frame f = held;
    held = null;
    return f;
  }

  private Raw nextRaw() {
    if (!ahead.isEmpty()) {
      return ahead.poll();
    }
    if (pendingTruncation != null) {
      TruncatedInputException e = pendingTruncation;
      pendingTruncation = null;
      throw e;
    }
    return readRaw();
  }

  /** Gives a parsed frame its MD step and time from its configuration number, checking the order. */
  private void place(Raw x) {
    long unit = Math.max(1, numberStep);
    long number = x.number() >= 0 ? x.number() : lastNumber >= 0 ? lastNumber + unit : 1;
    if (lastNumber < 0) {
      segmentFirst = number;
      segmentStep = number;
      segmentTime = 0;
    } else if (number < lastNumber) {
      if (number > segmentFirst && !x.afterHeader()) {
        throw MalformedInputException.of(r.source(), x.line(), "expected configuration numbers in increasing order, found "
            + number + " after " + lastNumber + " (frames out of order)");
      }
      String what = "configuration numbers restart at " + number + " after " + lastNumber
          + ": two runs joined into one file (e.g. cat run1/XDATCAR run2/XDATCAR)";
      if (strict()) {
        throw MalformedInputException.of(r.source(), x.line(), "expected one run with increasing configuration numbers, found "
            + what + " (--strict refuses joined runs; without it they are read one after the other)");
      }
      warn(fileName() + ":" + x.line() + ": " + what + "; read as consecutive segments, the second starting one frame interval after "
          + "the last frame of the first");
      segmentFirst = number;
      segmentStep = lastStep + unit;
      segmentTime = lastTime + unit * fsPerNumber;
    } else if (numberStep > 0 && number - lastNumber != numberStep) {
      if (gaps++ == 0) {
        warn(fileName() + ":" + x.line() + ": configuration number jumps from " + lastNumber + " to " + number + " where frames are "
            + numberStep + " apart: " + (number - lastNumber > numberStep ? "frames are missing" : "frames are unevenly spaced")
            + "; times follow the numbers, but analyses that assume evenly spaced frames (msd) are affected");
      }
    }
    lastNumber = number;
    lastStep = segmentStep + (number - segmentFirst);
    lastTime = segmentTime + (number - segmentFirst) * fsPerNumber;
    held = new Frame(lastStep, lastTime, x.cell(), x.positions(), null, null, null);
    heldNumber = x.number();
  }

  private void finishWarnings() {
    if (duplicates > 0) {
      warn(fileName() + ": " + duplicates + " configuration" + (duplicates == 1 ? " was" : "s were") + " written twice (first at line "
          + firstDuplicateLine + "): the later copy of each kept");
    }
    if (gaps > 1) {
      warn(fileName() + ": " + (gaps - 1) + " more uneven jumps in the configuration numbers after the first");
    }
  }

  /** Parses the next frame as written, or returns null at the end of the file. */
  private Raw readRaw() {
    if (parallel != null) {
      Raw x = nextParallel();
      if (x != null) {
        return x;
      }
    }
    // find the start of the next frame: a configuration line, a blank separator or a repeated header
    boolean cartesian = false;
    boolean afterHeader = false;
    long number = -1;
    long at;
    while (true) {
      if (!lineReady && !r.next()) {
        return null;
      }
      lineReady = false;
      if (r.isBlank()) {
        // blank separator (VASP 4 and 5.2-era): the next non-blank line starts the coordinates
        if (!skipBlank()) {
          return null;
        }
        if (r.nextIsNumber()) {
          at = r.lineNumber();
          break;
        }
        lineReady = true;
        continue;
      }
      if (r.contains("configuration") || r.contains("Konfig") || r.startsWithTrimmed("Direct") || r.startsWithTrimmed("direct")
          || r.startsWithTrimmed("Cartesian") || r.startsWithTrimmed("cartesian")) {
        cartesian = PoscarReader.isCartesian(r);
        at = r.lineNumber();
        // VASP writes the number as I6: past 999999 steps it prints ******, which continues the sequence
        if (r.skipPast("=") && r.nextIsNumber()) {
          number = r.nextLong("a configuration number after \"=\"");
        }
        if (!r.next()) {
          throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "coordinates of frame " + (parsed + 1));
        }
        break;
      }
      if (r.nextIsNumber()) {
        // coordinates straight after the header (VASP 5.2-era first frame)
        at = r.lineNumber();
        break;
      }
      readRepeatedHeader();
      afterHeader = true;
    }
    double[] pos = new double[3 * n];
    for (int i = 0; i < n; i++) {
      if (i > 0 && !r.next()) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1,
            "coordinates of atom " + (i + 1) + " of " + n + " in frame " + (parsed + 1));
      }
      try {
        pos[3 * i] = r.nextDouble(COORDS);
        pos[3 * i + 1] = r.nextDouble(COORDS);
        pos[3 * i + 2] = r.nextDouble(COORDS);
        // a species label after the coordinates is written by some tools; more numbers mean a damaged line
        if (r.hasMoreTokens() && r.nextIsNumber()) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "3 coordinates for atom " + (i + 1) + " in frame "
              + (parsed + 1) + " (and at most a species label after them)", r.line());
        }
      } catch (MalformedInputException e) {
        if (r.isBlank() || r.contains("configuration") || r.contains("Direct")) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "coordinates of atom " + (i + 1) + " of " + n
              + " in frame " + (parsed + 1) + " (wrong atom count?)", r.line());
        }
        throw e.withExpected("3 coordinates for atom " + (i + 1) + " in frame " + (parsed + 1));
      }
    }
    if (cartesian) {
      for (int i = 0; i < pos.length; i++) {
        pos[i] *= scale[i % 3];
      }
    } else {
      cell.toCartesian(pos, pos);
    }
    parsed++;
    return new Raw(number, at, afterHeader, cell, pos);
  }

  private boolean skipBlank() {
    while (r.isBlank()) {
      if (!r.next()) {
        return false;
      }
    }
    return true;
  }

  private void readRepeatedHeader() {
    long line = r.lineNumber();
    String text = r.line();
    VaspHeader h;
    try {
      h = VaspHeader.read(r, path, options, firstHeader);
    } catch (MalformedInputException e) {
      if (e.getMessage().contains("found end of file")) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "the rest of the repeated header of frame " + (parsed + 1));
      }
      // name the line that is neither a configuration line nor the start of a good header
      throw new MalformedInputException(r.source(), line,
          "\"Direct configuration=\" or a repeated header (variable cell)", text);
    }
    AtomTable expected = firstHeader != null ? firstHeader.atoms() : null;
    if (expected == null || !h.atoms().equals(expected)) {
      throw MalformedInputException.of(r.source(), r.lineNumber(),
          "repeated header changes the atoms from " + (expected == null ? "those of the VASP 4 header" : firstHeader.species())
          + " to " + h.species());
    }
    if (!h.cell().equals(cell)) {
      variableCell = true;
    }
    cell = h.cell();
    scale = h.scale();
  }

  private record Vasp4Header(AtomTable atoms, Cell cell) {}

  /** VASP 4: line 1 holds only integers (NIONS NIONS NBLOCK) and line 4 reads "CAR". */
  private static boolean looksLikeVasp4(LineReader r) {
    String[] t = r.line().strip().split("\\s+");
    if (t.length < 2) {
      return false;
    }
    for (String s : t) {
      if (!s.matches("\\d+")) {
        return false;
      }
    }
    return true;
  }

  private Vasp4Header readVasp4Header(List<String> notes) {
    int nions = r.nextInt("the number of ions");
    VaspHeader.need(r, "volume, a, b, c and POTIM");
    double[] abc = new double[3];
    r.nextDouble("the volume");
    for (int k = 0; k < 3; k++) {
      abc[k] = r.nextDouble("cell lengths a, b, c");
    }
    VaspHeader.need(r, "the temperature line");
    VaspHeader.need(r, "\"CAR\"");
    VaspHeader.need(r, "the system name");
    // a POSCAR/CONTCAR beside it gives elements, counts and the true cell
    VaspSiblings run = VaspSiblings.of(path);
    for (String name : new String[] {"POSCAR", "CONTCAR"}) {
      Path p = run.find(name);
      if (p != null) {
        PoscarReader.Structure s = PoscarReader.read(p, options);
        if (s.header().atoms().size() == nions) {
          notes.add("VASP 4 XDATCAR: elements and cell from " + name + " beside it");
          return new Vasp4Header(s.header().atoms(), s.frame().cell());
        }
      }
    }
    List<String> sp = options.species();
    if (sp.isEmpty()) {
      throw new MalformedInputException(r.source(), 1,
          "a POSCAR beside this VASP 4 XDATCAR, or --elements El:count,… (it names no elements)", "none");
    }
    List<String> symbols = new ArrayList<>();
    int[] counts = new int[sp.size()];
    for (int i = 0; i < sp.size(); i++) {
      String[] parts = sp.get(i).split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a VASP 4 XDATCAR needs --elements with counts, e.g. C:1440,H:2880; got " + sp);
      }
      symbols.add(parts[0]);
      counts[i] = Integer.parseInt(parts[1].strip());
    }
    AtomTable atoms = AtomTable.ofBlocks(symbols, counts);
    if (atoms.size() != nions) {
      throw MalformedInputException.of(r.source(), 1, "--elements gives " + atoms.size() + " atoms but the file has " + nions);
    }
    // lengths are written in metres by VASP 4 (e.g. 3.606e-09); convert when they look like metres
    double f = abc[0] < 1e-6 ? Units.METRE_TO_ANGSTROM : 1;
    Cell c = Cell.orthorhombic(abc[0] * f, abc[1] * f, abc[2] * f);
    String assumed = "VASP 4 XDATCAR without a POSCAR beside it: cell assumed orthorhombic from the header lengths " + c;
    notes.add(assumed);
    warn(Warning.Input.ASSUMED, assumed);
    return new Vasp4Header(atoms, c);
  }

  /** Frames read so far by the parallel reading (the rest by the sequential one). */
  long parallelFrames() {
    return parallelFrames;
  }

  @Override
  protected boolean endedWithoutNewline() {
    return r.endedWithoutNewline();
  }

  @Override
  public void close() {
    if (parallel != null) {
      parallel.close();
    }
    r.close();
  }
}
