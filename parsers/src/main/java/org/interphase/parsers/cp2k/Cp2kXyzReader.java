package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.io.ChunkedReading;
import org.interphase.parsers.io.Compression;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.io.ParallelChunks;
import org.interphase.parsers.io.TwoPass;

/**
 * Streams the frames of a CP2K XYZ file: {@code *-pos-*.xyz} (Å), {@code *-vel-*.xyz} (bohr per
 * atomic time unit, converted to Å/fs) and {@code *-frc-*.xyz} / {@code *-force-*.xyz} (Hartree/bohr,
 * converted to eV/Å). The comment line {@code i =        N, time =        T, E =       E} gives the
 * step, the time (fs) and the potential energy (Hartree, converted to eV); GEO_OPT and BAND files
 * have no {@code time =}. A plain XYZ (any comment) also reads, with step = frame index.
 *
 * <p>CP2K 2023 BAND force files hold only the two header lines per iteration: such frames come back
 * with no values ({@link XyzBlock#hasValues()}).
 */
public final class Cp2kXyzReader implements AutoCloseable {

  /** What the three numbers per atom are. */
  public enum Quantity {
    POSITIONS(1.0),
    VELOCITIES(Units.BOHR_PER_AU_TIME_TO_ANGSTROM_PER_FS),
    FORCES(Units.HARTREE_PER_BOHR_TO_EV_PER_ANGSTROM);

    final double factor;

    Quantity(double factor) {
      this.factor = factor;
    }

    /** The quantity a CP2K file name implies: {@code -vel-} velocities, {@code -frc-}/{@code -force-} forces. */
    public static Quantity ofFileName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.contains("-vel-") || n.contains(".vel")) {
        return VELOCITIES;
      }
      if (n.contains("-frc-") || n.contains("-force-") || n.contains(".frc")) {
        return FORCES;
      }
      return POSITIONS;
    }
  }

  /** Files below this size are read in one thread (property for tests). */
  private static long parallelMinBytes() {
    return Long.getLong("interphase.parallelMinBytes", 8L << 20);
  }
  /** Bytes per chunk of the parallel reading (property for tests). */
  private static long chunkBytes() {
    return Long.getLong("interphase.parseChunkBytes", 4L << 20);
  }
  private LineReader r;
  private final Quantity quantity;
  /** The frames ahead parsed on all cores while the file keeps CP2K's plain layout; {@code null} otherwise. */
  private ChunkedReading<Cp2kXyzChunk> parallel;
  private long parallelFrames;
  private boolean lineReady;
  private long index;
  private int atoms = -1;
  private String[] firstLabels;
  private static final String THREE = "3 numbers";

  private Cp2kXyzReader(LineReader r, Quantity quantity) {
    this.r = r;
    this.quantity = quantity;
  }

  /** Opens a CP2K XYZ file; the quantity follows from the file name. */
  public static Cp2kXyzReader open(Path path) {
    return new Cp2kXyzReader(LineReader.open(path), Quantity.ofFileName(path.getFileName().toString()));
  }

  /** The second pass of {@code passes} as a CP2K XYZ file holding the given quantity. */
  static Cp2kXyzReader open(TwoPass passes, Quantity quantity) {
    return new Cp2kXyzReader(passes.second(), quantity);
  }

  /** Opens a CP2K XYZ file holding the given quantity. */
  public static Cp2kXyzReader open(Path path, Quantity quantity) {
    return new Cp2kXyzReader(LineReader.open(path), quantity);
  }

  public Quantity quantity() {
    return quantity;
  }

  public String source() {
    return r.source();
  }

  /**
   * The next frame, or {@code null} at the end of the file.
   *
   * @throws TruncatedInputException when the file ends inside a frame
   * @throws MalformedInputException on anything else out of place
   */
  public XyzBlock next() {
    if (parallel != null) {
      XyzBlock b = nextParallel();
      if (b != null) {
        return b;
      }
    }
    do {
      if (!lineReady && !r.next()) {
        return null;
      }
      lineReady = false;
    } while (r.isBlank());
    long countLine = r.lineNumber();
    int n = r.nextInt("the atom count of frame " + (index + 1));
    if (n < 0 || r.hasMoreTokens()) {
      throw r.error("a line with only the atom count of frame " + (index + 1));
    }
    if (n == 0) {
      throw new MalformedInputException(r.source(), countLine, "an atom count of at least 1 for frame " + (index + 1), r.line());
    }
    if (atoms >= 0 && n != atoms) {
      throw MalformedInputException.of(r.source(), countLine, "frame " + (index + 1) + " has " + n + " atoms, the first frame "
          + atoms);
    }
    atoms = n;
    if (!r.next()) {
      throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "the comment line of frame " + (index + 1));
    }
    String comment = r.line();
    double[] parsed = comment(comment, index, r.source(), r.lineNumber());
    long step = (long) parsed[0];
    double time = parsed[1];
    double energy = parsed[2];
    String[] labels = new String[n];
    double[] values = new double[3 * n];
    for (int i = 0; i < n; i++) {
      if (!r.next()) {
        if (i == 0 && quantity == Quantity.FORCES) {
          index++;
          return new XyzBlock(step, time, energy, new String[0], new double[0], countLine);
        }
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "atom " + (i + 1) + " of " + n + " in frame " + (index + 1));
      }
      if (i == 0 && quantity == Quantity.FORCES && isCountLine(n)) {
        // header-only frame (CP2K 2023 BAND force files): this line starts the next frame
        lineReady = true;
        index++;
        return new XyzBlock(step, time, energy, new String[0], new double[0], countLine);
      }
      String label;
      if (firstLabels != null && r.nextTokenEquals(firstLabels[i])) {
        label = firstLabels[i];
      } else {
        r.rewind();
        label = r.hasMoreTokens() ? r.nextToken("") : "";
        if (label.isEmpty() || !Character.isLetter(label.charAt(0))) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "an element label and 3 numbers for atom " + (i + 1)
              + " of frame " + (index + 1) + " (wrong atom count?)", r.line());
        }
      }
      labels[i] = label;
      try {
        values[3 * i] = r.nextDouble(THREE) * quantity.factor;
        values[3 * i + 1] = r.nextDouble(THREE) * quantity.factor;
        values[3 * i + 2] = r.nextDouble(THREE) * quantity.factor;
      } catch (MalformedInputException e) {
        throw e.withExpected("3 numbers for atom " + (i + 1) + " (" + label + ") in frame " + (index + 1));
      }
    }
    index++;
    if (firstLabels == null) {
      firstLabels = labels;
      if (comment.contains("i =")) {
        startParallel();
      }
    }
    return new XyzBlock(step, time, energy, labels, values, countLine);
  }

  /** Reads the rest on all cores when the file allows it: uncompressed, large, CP2K's comment lines. */
  private void startParallel() {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2 || lineReady || Boolean.getBoolean("interphase.serialParse")) {
      return;
    }
    Path path = Path.of(r.source());
    try {
      if (!java.nio.file.Files.isRegularFile(path) || Compression.isCompressed(path)
          || java.nio.file.Files.size(path) < parallelMinBytes()) {
        return;
      }
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      return;
    }
    String[] labels = firstLabels;
    double factor = quantity.factor;
    String source = r.source();
    parallel = new ChunkedReading<>(path, r.bytesConsumed(), r.lineNumber(), chunkBytes(), cores, Cp2kXyzChunk::isFrameStart,
        (text, length, offset) -> Cp2kXyzChunk.parse(text, length, labels, factor, source));
  }

  /** The next frame of the parallel reading, or {@code null} when it has ended (the sequential reader continues). */
  private XyzBlock nextParallel() {
    if (parallel.advance()) {
      ParallelChunks.Chunk<Cp2kXyzChunk> chunk = parallel.chunk();
      XyzBlock b = chunk.value().blocks[parallel.index()];
      index++;
      parallelFrames++;
      return new XyzBlock(b.step(), b.timeFs(), b.energyEv(), b.labels(), b.values(), chunk.linesBefore() + b.line() + 1);
    }
    r.close();
    r = parallel.rest();
    parallel = null;
    return null;
  }

  /** Frames read so far by the parallel reading. */
  long parallelFrames() {
    return parallelFrames;
  }

  /**
   * Step, time (fs) and energy (eV) of a comment line {@code i =  N, time =  T, E =  E}; the step is
   * {@code index} and time and energy NaN when the line does not say.
   *
   * @throws MalformedInputException when a value is not a finite number
   */
  static double[] comment(String comment, long index, String source, long line) {
    double step = index;
    double time = Double.NaN;
    double energy = Double.NaN;
    if (!comment.contains("i =")) {
      return new double[] {step, time, energy};
    }
    for (String part : comment.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      String key = kv[0].strip();
      String val = kv[1].strip();
      try {
        switch (key) {
          case "i" -> step = Long.parseLong(val);
          case "time" -> time = finite(Double.parseDouble(val));
          case "E" -> energy = finite(Double.parseDouble(val)) * Units.HARTREE_TO_EV;
          default -> { }
        }
      } catch (NumberFormatException e) {
        throw new MalformedInputException(source, line, "a " + (key.equals("i") ? "step number" : "finite number") + " after \""
            + key + " =\"", val);
      }
    }
    return new double[] {step, time, energy};
  }

  private static double finite(double v) {
    if (!Double.isFinite(v)) {
      throw new NumberFormatException("not finite");
    }
    return v;
  }

  /**
   * First pass over a CP2K XYZ file: the step and time of every frame, read from the count and
   * comment lines only (atom lines are skipped unparsed). Stops quietly at the first thing it cannot
   * read; the reading pass reports it.
   */
  static StepScan scan(Path path, Quantity quantity) {
    try (TwoPass once = TwoPass.of(path)) {
      return scan(once, quantity);
    }
  }

  /** {@link #scan(Path, Quantity)} as the first of two passes; the reading pass opens {@code passes.second()}. */
  static StepScan scan(TwoPass passes, Quantity quantity) {
    StepScan.Builder b = new StepScan.Builder();
    LineReader r = passes.first();
    try {
      long index = 0;
      boolean ready = false;
      boolean parallelTried = false;
      while (true) {
        do {
          if (!ready && !r.next()) {
            return b.build();
          }
          ready = false;
        } while (r.isBlank());
        long n;
        long countLine = r.lineNumber();
        try {
          n = Long.parseLong(r.line().strip());
        } catch (NumberFormatException e) {
          return b.build();
        }
        if (n <= 0 || !r.next()) {
          return b.build();
        }
        double[] c;
        try {
          c = comment(r.line(), index, r.source(), r.lineNumber());
        } catch (MalformedInputException e) {
          return b.build();
        }
        boolean cp2kComment = r.line().contains("i =");
        for (long i = 0; i < n; i++) {
          if (!r.next()) {
            // a cut last frame is not a frame
            if (i == 0 && quantity == Quantity.FORCES) {
              b.add((long) c[0], c[1], countLine);
            }
            return b.build();
          }
          if (i == 0 && quantity == Quantity.FORCES && r.line().strip().equals(Long.toString(n))) {
            ready = true;
            break;
          }
        }
        b.add((long) c[0], c[1], countLine);
        index++;
        if (!parallelTried && !ready && cp2kComment && quantity != Quantity.FORCES && n <= Integer.MAX_VALUE) {
          parallelTried = true;
          LineReader rest = scanInParallel(r, (int) n, b);
          if (rest != r) {
            index = b.size();
            r = rest;
          }
        }
      }
    } catch (RuntimeException e) {
      // unreadable here means unreadable in the reading pass too, which says where
      return b.build();
    } finally {
      r.close();
    }
  }

  /**
   * The first pass over the rest of a large uncompressed file on all cores, after its first frame:
   * adds the frames found to {@code b} and returns a reader positioned where the parallel pass
   * stopped (the file's end, or where CP2K's layout breaks), or {@code r} itself when the file is
   * read in one thread.
   */
  private static LineReader scanInParallel(LineReader r, int atoms, StepScan.Builder b) {
    int cores = Runtime.getRuntime().availableProcessors();
    Path path;
    try {
      path = Path.of(r.source());
      if (cores < 2 || Boolean.getBoolean("interphase.serialParse") || !java.nio.file.Files.isRegularFile(path)
          || Compression.isCompressed(path) || java.nio.file.Files.size(path) < parallelMinBytes()) {
        return r;
      }
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      return r;
    }
    String source = r.source();
    long offset = r.bytesConsumed();
    long lines = r.lineNumber();
    try (ParallelChunks<Scanned> chunks = new ParallelChunks<>(path, offset, lines, chunkBytes(), cores, Cp2kXyzChunk::isFrameStart,
        (text, length, at) -> {
          long[] stop = new long[3];
          Object[] found = Cp2kXyzChunk.scan(text, length, atoms, source, stop);
          return new Scanned(new Object[] {found[0], found[1], found[2], stop});
        })) {
      while (true) {
        ParallelChunks.Chunk<Scanned> c;
        try {
          c = chunks.next();
        } catch (RuntimeException e) {
          break;
        }
        if (c == null) {
          break;
        }
        long[] steps = (long[]) c.value().found()[0];
        double[] times = (double[]) c.value().found()[1];
        long[] at = (long[]) c.value().found()[2];
        long[] stop = (long[]) c.value().found()[3];
        for (int k = 0; k < steps.length; k++) {
          b.add(steps[k], times[k], c.linesBefore() + at[k] + 1);
        }
        if (stop[0] >= 0) {
          offset = c.offset() + stop[0];
          lines = c.linesBefore() + stop[1];
          break;
        }
        offset = c.offset() + c.length();
        lines = c.linesBefore() + c.lines();
      }
    }
    r.close();
    return LineReader.openAt(path, offset, lines);
  }

  /**
   * What the first pass found in one chunk ({@code {steps, times, lines, stop}}); it knows the chunk's
   * lines when it scanned to the end, which spares counting them again.
   */
  private record Scanned(Object[] found) implements ParallelChunks.Counted {
    @Override
    public long lines() {
      long[] stop = (long[]) found[3];
      return stop[0] < 0 ? stop[2] : -1;
    }
  }

  /** Number of frames returned by {@link #next()} so far. */
  public long framesRead() {
    return index;
  }

  private boolean isCountLine(int n) {
    String t = r.line().strip();
    return t.equals(Integer.toString(n));
  }

  /** Reads every remaining frame (small files only). */
  public List<XyzBlock> readAll() {
    List<XyzBlock> out = new ArrayList<>();
    for (XyzBlock b = next(); b != null; b = next()) {
      out.add(b);
    }
    return out;
  }

  /** Whether the file's last line had no line end. */
  public boolean endedWithoutNewline() {
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
