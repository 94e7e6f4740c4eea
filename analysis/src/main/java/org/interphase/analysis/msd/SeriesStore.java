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
 * run per tile, and reading a block of consecutive frames reads one contiguous run per column and
 * tile. The file is deleted by {@link #close()}, and at exit if the process ends first (also on
 * Ctrl-C).
 *
 * <p>The store of the analyses that need a trajectory at random times (the MSD over all time origins,
 * the van Hove correlation, the sites and hops); the limit applies to all stores of the process together, so that a
 * report running several of them at once stays within the heap.
 */
public final class SeriesStore implements AutoCloseable {
  private static final int CHUNK_FRAMES = 2048;
  /** Bytes of rows held in memory by every store of the process. */
  private static final java.util.concurrent.atomic.AtomicLong IN_MEMORY = new java.util.concurrent.atomic.AtomicLong();
  /** Gives back the bytes of a store that is dropped without {@link #close()} (an analysis abandoned by a failed read). */
  private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
  private final Held held = new Held();

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
  private final String purpose;
  private final long memoryLimitBytes;
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
    this.width = width;
    this.purpose = purpose;
    this.memoryLimitBytes = Long.getLong("interphase.msdSpillBytes", Runtime.getRuntime().maxMemory() / 4);
    CLEANER.register(this, held);
  }

  /**
   * Appends one frame's row; {@code row} is copied.
   *
   * @throws UncheckedIOException when the temporary file cannot be written (e.g. the disk is full)
   */
  public void add(double[] row) {
    long rowBytes = (long) width * Double.BYTES;
    if (spill == null && IN_MEMORY.get() + rowBytes > memoryLimitBytes) {
      spill = new Spill(width, purpose);
      for (int t = 0; t < frames; t++) {
        spill.add(chunks.get(t / CHUNK_FRAMES), (t % CHUNK_FRAMES) * width);
      }
      chunks.clear();
      held.run();
    }
    if (spill != null) {
      spill.add(row, 0);
    } else {
      int inChunk = frames % CHUNK_FRAMES;
      if (inChunk == 0) {
        chunks.add(new double[CHUNK_FRAMES * width]);
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
    if (spill != null) {
      spill.columns(first, out);
      return;
    }
    int k = out.length;
    if (k == 3) {
      columns3(first, out[0], out[1], out[2]);
      return;
    }
    for (int t = 0, chunk = 0; t < frames; chunk++) {
      double[] data = chunks.get(chunk);
      int end = Math.min(frames, t + CHUNK_FRAMES);
      for (int at = first; t < end; t++, at += width) {
        for (int j = 0; j < k; j++) {
          out[j][t] = data[at + j];
        }
      }
    }
  }

  /** {@link #columns} of the three columns from {@code first} (an atom's x, y, z) held in memory. */
  private void columns3(int first, double[] a, double[] b, double[] c) {
    for (int t = 0, chunk = 0; t < frames; chunk++) {
      double[] data = chunks.get(chunk);
      int end = Math.min(frames, t + CHUNK_FRAMES);
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
    if (spill != null) {
      spill.rows(from, count, out);
      return;
    }
    for (int t = from; t < from + count;) {
      int inChunk = t % CHUNK_FRAMES;
      int run = Math.min(from + count - t, CHUNK_FRAMES - inChunk);
      System.arraycopy(chunks.get(t / CHUNK_FRAMES), inChunk * width, out, (t - from) * width, run * width);
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

  /** Rows in a temporary file: full tiles of {@code tile} frames column by column, the last partial tile in memory. */
  private static final class Spill {
    private final int width;
    private final String purpose;
    private final int tile;
    private final Path file;
    private final FileChannel channel;
    private final double[] rows;
    private final ByteBuffer out;
    private int inTile;
    private int tiles;

    Spill(int width, String purpose) {
      this.width = width;
      this.purpose = purpose;
      // about 32 MB of rows per tile
      this.tile = Math.max(64, Math.min(8192, (32 << 20) / (8 * width)));
      this.rows = new double[tile * width];
      this.out = ByteBuffer.allocate(tile * width * Double.BYTES).order(ByteOrder.nativeOrder());
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
      for (int c = 0; c < width; c++) {
        for (int t = 0; t < tile; t++) {
          d.put(rows[t * width + c]);
        }
      }
      out.limit(tile * width * Double.BYTES);
      try {
        long pos = (long) tiles * tile * width * Double.BYTES;
        while (out.hasRemaining()) {
          pos += channel.write(out, pos);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the " + purpose + "'s temporary file " + file + ": " + e.getMessage(), e);
      }
      tiles++;
      inTile = 0;
    }

    void columns(int first, double[][] into) {
      int k = into.length;
      ByteBuffer b = ByteBuffer.allocate(k * tile * Double.BYTES).order(ByteOrder.nativeOrder());
      for (int i = 0; i < tiles; i++) {
        long pos = ((long) i * tile * width + (long) first * tile) * Double.BYTES;
        b.clear();
        read(b, pos);
        DoubleBuffer d = b.flip().asDoubleBuffer();
        for (int j = 0; j < k; j++) {
          d.get(into[j], i * tile, tile);
        }
      }
      for (int t = 0; t < inTile; t++) {
        for (int j = 0; j < k; j++) {
          into[j][tiles * tile + t] = rows[t * width + first + j];
        }
      }
    }

    /** Rows from … from + count − 1 row after row: per tile, one contiguous read of each column's part. */
    void rows(int from, int count, double[] out) {
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
            out[(t - from + k) * width + c] = d.get(k);
          }
        }
        t += n;
      }
      for (; t < end; t++) {
        System.arraycopy(rows, (t - tiles * tile) * width, out, (t - from) * width, width);
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
