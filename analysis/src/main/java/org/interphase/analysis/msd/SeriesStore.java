package org.interphase.analysis.msd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-frame rows of {@code width} doubles; a column (one coordinate of one atom over time) is read
 * back on demand. Rows are kept in memory in chunks, so that a long trajectory grows without
 * copying, until they would take more than a quarter of the heap (property {@code
 * interphase.msdSpillBytes}); from then on they go to a temporary file in {@code java.io.tmpdir},
 * in tiles of frames stored column by column, so that reading one atom's columns reads a contiguous
 * run per tile ({@link Access#COLUMNS}, the MSD's way of reading), or row after row, so that reading a
 * block of consecutive frames is one contiguous read ({@link Access#ROWS}, the way of the van Hove
 * correlation and the hops). The file is deleted by {@link #close()}, and at exit if the process ends
 * first (also on Ctrl-C).
 *
 * <p>The store of the analyses that need a trajectory at random times (the MSD over all time origins,
 * the van Hove correlation, the sites and hops); the limit applies to all stores of the process together, so that a
 * report running several of them at once stays within the heap.
 */
public final class SeriesStore implements AutoCloseable {
  /**
   * Bytes of one in-memory chunk at most: well below half of the collector's smallest region (1 MB), so that a chunk is an
   * ordinary object and not a "humongous" one, each of which makes G1 consider an old-generation cycle.
   */
  private static final int CHUNK_BYTES = 1 << 18;
  /** Bytes of rows held in memory by every store of the process. */
  private static final java.util.concurrent.atomic.AtomicLong IN_MEMORY = new java.util.concurrent.atomic.AtomicLong();
  /** Gives back the bytes of a store that is dropped without {@link #close()} (an analysis abandoned by a failed read). */
  private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
  private final Held held = new Held();

  /** How the rows are mostly read back, which decides the layout of the temporary file. */
  public enum Access {
    /** Whole columns over all frames ({@link #columns}): tiles of frames stored column by column. */
    COLUMNS,
    /** Blocks of consecutive rows ({@link #rows}): rows stored one after another. */
    ROWS
  }

  /** The bytes one store holds in memory, given back to the process's count when the store closes or is collected. */
  private static final class Held implements Runnable {
    private long bytes;

    void add(long b) {
      bytes += b;
      IN_MEMORY.addAndGet(b);
    }

    @Override
    public void run() {
      IN_MEMORY.addAndGet(-bytes);
      bytes = 0;
    }
  }
  private final int width;
  /** Rows per in-memory chunk: at most 2048, and at most {@link #CHUNK_BYTES} per chunk. */
  private final int chunkFrames;
  private final String purpose;
  private final long memoryLimitBytes;
  private final Access access;
  /** Whether values are kept at float precision (4 bytes each in the file). */
  private final boolean floats;
  /** A row rounded to floats, for {@link #add} of a float store. */
  private double[] rounded;
  private final List<double[]> chunks = new ArrayList<>();
  private int frames;
  private Spill spill;

  SeriesStore(int width) {
    this(width, "MSD");
  }

  /**
   * An empty store of rows of {@code width} doubles.
   *
   * @param purpose what the rows are for, in error messages ({@code "cannot write the van Hove's temporary file"});
   *     the temporary file is {@code interphase-<purpose in lower case, without spaces>-….bin}
   */
  public SeriesStore(int width, String purpose) {
    this(width, purpose, Access.COLUMNS);
  }

  /**
   * An empty store of rows of {@code width} doubles whose temporary file, if it needs one, is laid out for {@code access}
   * (both ways of reading work with either layout; the other one is slower).
   *
   * @param purpose as {@link #SeriesStore(int, String)}
   */
  public SeriesStore(int width, String purpose, Access access) {
    this(width, purpose, access, false);
  }

  /**
   * An empty store of rows read as blocks ({@link Access#ROWS}) whose values are rounded to float precision when added: half the
   * bytes in the temporary file. For series that are floats already (then nothing is lost).
   *
   * @param purpose as {@link #SeriesStore(int, String)}
   */
  public static SeriesStore ofFloats(int width, String purpose) {
    return new SeriesStore(width, purpose, Access.ROWS, true);
  }

  private SeriesStore(int width, String purpose, Access access, boolean floats) {
    this.width = width;
    this.chunkFrames = Math.max(1, Math.min(2048, CHUNK_BYTES / (Double.BYTES * Math.max(1, width))));
    this.purpose = purpose;
    this.floats = floats;
    this.access = java.util.Objects.requireNonNull(access, "access");
    this.memoryLimitBytes = Long.getLong("interphase.msdSpillBytes", Runtime.getRuntime().maxMemory() / 4);
    CLEANER.register(this, held);
  }

  /**
   * Appends one frame's row; {@code row} is copied.
   *
   * @throws UncheckedIOException when the temporary file cannot be written (e.g. the disk is full)
   */
  public void add(double[] row) {
    if (floats) {
      if (rounded == null) {
        rounded = new double[width];
      }
      for (int c = 0; c < width; c++) {
        rounded[c] = (float) row[c];
      }
      row = rounded;
    }
    long rowBytes = (long) width * Double.BYTES;
    if (spill == null && IN_MEMORY.get() + rowBytes > memoryLimitBytes) {
      // all rows to the file and their memory back to the process's share: held to the end, they would crowd the later work
      spill = new Spill(width, purpose, access == Access.ROWS, floats);
      for (int t = 0; t < frames; t++) {
        spill.add(chunks.get(t / chunkFrames), (t % chunkFrames) * width);
      }
      chunks.clear();
      held.run();
    }
    if (spill != null) {
      spill.add(row, 0);
    } else {
      int inChunk = frames % chunkFrames;
      if (inChunk == 0) {
        chunks.add(new double[chunkFrames * width]);
      }
      System.arraycopy(row, 0, chunks.get(chunks.size() - 1), inChunk * width, width);
      held.add(rowBytes);
    }
    frames++;
  }

  /** Doubles per row. */
  public int width() {
    return width;
  }

  /** Rows stored. */
  public int frames() {
    return frames;
  }

  /** Whether the rows went to a temporary file. */
  public boolean spilled() {
    return spill != null;
  }

  /**
   * Columns {@code first … first + out.length − 1} over all frames into {@code out[k]} (each of
   * length ≥ frames). Safe to call from several threads at once.
   */
  void columns(int first, double[][] out) {
    int memory = spill == null ? frames : 0; // a store that spilled has all its rows in the file
    if (spill != null) {
      spill.columns(first, out, memory);
    }
    int k = out.length;
    if (k == 3) {
      columns3(first, out[0], out[1], out[2], memory);
      return;
    }
    for (int t = 0, chunk = 0; t < memory; chunk++) {
      double[] data = chunks.get(chunk);
      int end = Math.min(memory, t + chunkFrames);
      for (int at = first; t < end; t++, at += width) {
        for (int j = 0; j < k; j++) {
          out[j][t] = data[at + j];
        }
      }
    }
  }

  /** {@link #columns} of the three columns from {@code first} (an atom's x, y, z) held in memory: the first {@code memory} rows. */
  private void columns3(int first, double[] a, double[] b, double[] c, int memory) {
    for (int t = 0, chunk = 0; t < memory; chunk++) {
      double[] data = chunks.get(chunk);
      int end = Math.min(memory, t + chunkFrames);
      for (int at = first; t < end; t++, at += width) {
        a[t] = data[at];
        b[t] = data[at + 1];
        c[t] = data[at + 2];
      }
    }
  }

  /**
   * Rows {@code from … from + count − 1} into {@code out}, row after row ({@code out[(t − from)·width + c]}).
   * Safe to call from several threads at once.
   *
   * @throws IndexOutOfBoundsException when the rows are not all stored or {@code out} is too short
   * @throws UncheckedIOException when the temporary file cannot be read
   */
  public void rows(int from, int count, double[] out) {
    if (from < 0 || count < 0 || from + count > frames || out.length < (long) count * width) {
      throw new IndexOutOfBoundsException("rows " + from + "+" + count + " of " + frames + " into " + out.length + " doubles");
    }
    int memory = spill == null ? frames : 0; // a store that spilled has all its rows in the file
    if (spill != null && from + count > memory) {
      int start = Math.max(from, memory);
      spill.rows(start - memory, from + count - start, out, (start - from) * width);
    }
    for (int t = from; t < Math.min(from + count, memory);) {
      int inChunk = t % chunkFrames;
      int run = Math.min(Math.min(from + count, memory) - t, chunkFrames - inChunk);
      System.arraycopy(chunks.get(t / chunkFrames), inChunk * width, out, (t - from) * width, run * width);
      t += run;
    }
  }

  /** Deletes the temporary file, if any; the store is empty afterwards. */
  @Override
  public void close() {
    if (spill != null) {
      spill.close();
      spill = null;
    }
    held.run();
    chunks.clear();
    frames = 0;
  }

  /**
   * Rows in a temporary file: full tiles of {@code tile} frames, column by column (or row by row), the last partial tile in
   * memory.
   */
  private static final class Spill {
    /** Frames per block of the column-major transposition (a block of rows and its columns stay in the cache). */
    private static final int BLOCK = 64;
    /** Per reading thread, the direct buffer row-major reads go through. */
    private static final ThreadLocal<ByteBuffer> READS = ThreadLocal.withInitial(
        () -> ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder()));
    private final int width;
    private final String purpose;
    private final boolean rowMajor;
    /** Bytes of one value in the file: 8, or 4 for a store of floats (row-major only). */
    private final int bytes;
    private final int tile;
    private final Path file;
    private final FileChannel channel;
    private final double[] rows;
    private final ByteBuffer out;
    private int inTile;
    private int tiles;

    Spill(int width, String purpose, boolean rowMajor, boolean floats) {
      this.width = width;
      this.purpose = purpose;
      this.rowMajor = rowMajor;
      this.bytes = floats ? Float.BYTES : Double.BYTES;
      // about 32 MB of rows per tile
      this.tile = Math.max(64, Math.min(8192, (32 << 20) / (8 * width)));
      this.rows = new double[tile * width];
      // direct: written to the file as it is, not copied into a temporary direct buffer first
      this.out = ByteBuffer.allocateDirect(tile * width * Double.BYTES).order(ByteOrder.nativeOrder());
      try {
        file = Files.createTempFile("interphase-" + purpose.toLowerCase(java.util.Locale.ROOT).replace(" ", "") + "-", ".bin");
        file.toFile().deleteOnExit();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make a temporary file for the " + purpose + " in "
            + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
      }
    }

    void add(double[] src, int from) {
      System.arraycopy(src, from, rows, inTile * width, width);
      if (++inTile == tile) {
        writeTile();
      }
    }

    private void writeTile() {
      DoubleBuffer d = out.clear().asDoubleBuffer();
      if (rowMajor && bytes == Float.BYTES) {
        java.nio.FloatBuffer f = out.clear().asFloatBuffer();
        for (int i = 0; i < tile * width; i++) {
          f.put((float) rows[i]);
        }
      } else if (rowMajor) {
        d.put(rows, 0, tile * width);
      } else {
        // column c of the tile at [c·tile, (c + 1)·tile): transposed a block of frames at a time, so that the rows read stay cached
        double[] column = new double[BLOCK];
        for (int t0 = 0; t0 < tile; t0 += BLOCK) {
          int nt = Math.min(BLOCK, tile - t0);
          for (int c = 0; c < width; c++) {
            for (int t = 0; t < nt; t++) {
              column[t] = rows[(t0 + t) * width + c];
            }
            d.put(c * tile + t0, column, 0, nt);
          }
        }
      }
      out.limit(tile * width * bytes);
      try {
        long pos = (long) tiles * tile * width * bytes;
        while (out.hasRemaining()) {
          pos += channel.write(out, pos);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the " + purpose + "'s temporary file " + file + ": " + e.getMessage(), e);
      }
      tiles++;
      inTile = 0;
    }

    /** Columns of the rows in the file into {@code into[j][offset …]}. */
    void columns(int first, double[][] into, int offset) {
      int k = into.length;
      if (rowMajor) {
        double[] block = new double[tile * width];
        for (int i = 0; i < tiles; i++) {
          rows(i * tile, tile, block, 0);
          for (int t = 0; t < tile; t++) {
            for (int j = 0; j < k; j++) {
              into[j][offset + i * tile + t] = block[t * width + first + j];
            }
          }
        }
        for (int t = 0; t < inTile; t++) {
          for (int j = 0; j < k; j++) {
            into[j][offset + tiles * tile + t] = rows[t * width + first + j];
          }
        }
        return;
      }
      ByteBuffer b = ByteBuffer.allocate(k * tile * Double.BYTES).order(ByteOrder.nativeOrder());
      for (int i = 0; i < tiles; i++) {
        long pos = ((long) i * tile * width + (long) first * tile) * Double.BYTES;
        b.clear();
        read(b, pos);
        DoubleBuffer d = b.flip().asDoubleBuffer();
        for (int j = 0; j < k; j++) {
          d.get(into[j], offset + i * tile, tile);
        }
      }
      for (int t = 0; t < inTile; t++) {
        for (int j = 0; j < k; j++) {
          into[j][offset + tiles * tile + t] = rows[t * width + first + j];
        }
      }
    }

    /**
     * Rows from … from + count − 1 of the file, row after row into {@code out[at …]}: row-major, contiguous reads; column-major,
     * per tile one contiguous read of each column's part.
     */
    void rows(int from, int count, double[] out, int at) {
      if (rowMajor) {
        int inFile = Math.max(0, Math.min(from + count, tiles * tile) - from);
        // straight into a direct buffer of this thread, a piece at a time (a heap buffer would be copied through one)
        ByteBuffer b = READS.get();
        int piece = b.capacity() / bytes;
        for (int done = 0; done < inFile * width; done += piece) {
          int n = Math.min(piece, inFile * width - done);
          b.clear().limit(n * bytes);
          read(b, ((long) from * width + done) * bytes);
          if (bytes == Float.BYTES) {
            java.nio.FloatBuffer f = b.flip().asFloatBuffer();
            for (int k = 0; k < n; k++) {
              out[at + done + k] = f.get(k);
            }
          } else {
            b.flip().asDoubleBuffer().get(out, at + done, n);
          }
        }
        for (int t = from + inFile; t < from + count; t++) {
          System.arraycopy(rows, (t - tiles * tile) * width, out, at + (t - from) * width, width);
        }
        return;
      }
      ByteBuffer b = ByteBuffer.allocate(Math.min(count, tile) * Double.BYTES).order(ByteOrder.nativeOrder());
      int end = from + count;
      int t = from;
      while (t < end && t / tile < tiles) {
        int i = t / tile;
        int lo = t - i * tile;
        int n = Math.min(end, (i + 1) * tile) - t;
        for (int c = 0; c < width; c++) {
          long pos = ((long) i * tile * width + (long) c * tile + lo) * Double.BYTES;
          b.clear().limit(n * Double.BYTES);
          read(b, pos);
          DoubleBuffer d = b.flip().asDoubleBuffer();
          for (int k = 0; k < n; k++) {
            out[at + (t - from + k) * width + c] = d.get(k);
          }
        }
        t += n;
      }
      for (; t < end; t++) {
        System.arraycopy(rows, (t - tiles * tile) * width, out, at + (t - from) * width, width);
      }
    }

    private void read(ByteBuffer b, long pos) {
      try {
        while (b.hasRemaining()) {
          if (channel.read(b, pos + b.position()) < 0) {
            throw new IOException("the file ends early");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the " + purpose + "'s temporary file " + file + ": " + e.getMessage(), e);
      }
    }

    void close() {
      try {
        channel.close();
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // deleted at exit instead
      }
    }
  }
}
