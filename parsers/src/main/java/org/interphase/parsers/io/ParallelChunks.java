package org.interphase.parsers.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses the records of a large uncompressed text file on several threads and hands the results
 * back in file order. The file from {@code start} on is cut into chunks of about {@code chunkBytes}
 * that begin and end at record starts (a line the format's {@link RecordStart} recognises); each
 * chunk is read and parsed by one worker, and at most two chunks per worker are in flight, so
 * memory stays bounded whatever the file's size. The chunks' line counts give every record its
 * line number in the file.
 *
 * @param <T> what a worker makes of one chunk
 */
public final class ParallelChunks<T> implements AutoCloseable {

  /** Recognises the line that starts a record (e.g. an XDATCAR's {@code Direct configuration=}). */
  @FunctionalInterface
  public interface RecordStart {
    /** Whether the line {@code text[from, to)} (no line end) starts a record. */
    boolean test(byte[] text, int from, int to);
  }

  /** Parses one chunk: whole records, {@code text[0, length)}, starting at byte {@code offset} of the file. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(byte[] text, int length, long offset);
  }

  /**
   * A chunk's result that knows how many lines it covered (all of them when it parsed the whole
   * chunk), which spares a second pass over the bytes to count them; {@code -1} when it does not.
   */
  public interface Counted {
    long lines();
  }

  /** A chunk's result with where it lies in the file. */
  public record Chunk<T>(T value, long offset, int length, long linesBefore, long lines) {}

  private static final int WINDOW = 1 << 16;
  private final FileChannel channel;
  private final long size;
  private final long start;
  private final long chunkBytes;
  private final RecordStart recordStart;
  private final Parser<T> parser;
  private final ExecutorService pool;
  private final int ahead;
  private final Deque<Future<Raw<T>>> inFlight = new ArrayDeque<>();
  private final ThreadLocal<byte[]> buffer = ThreadLocal.withInitial(() -> new byte[0]);
  private long nextNominal;
  private long linesBefore;

  /** A chunk as a worker returns it, before its place in the line count is known. */
  private record Raw<T>(T value, long offset, int length, long lines) {}

  /**
   * @param path an uncompressed regular file
   * @param start byte offset of the first record to parse (a record start)
   * @param linesBefore lines of the file before {@code start}
   * @param chunkBytes nominal chunk size in bytes
   * @param threads workers
   * @throws UncheckedIOException when the file cannot be opened
   */
  public ParallelChunks(Path path, long start, long linesBefore, long chunkBytes, int threads, RecordStart recordStart,
      Parser<T> parser) {
    try {
      this.channel = FileChannel.open(path);
      this.size = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
    this.start = start;
    this.linesBefore = linesBefore;
    this.chunkBytes = chunkBytes;
    this.recordStart = recordStart;
    this.parser = parser;
    this.ahead = 2 * threads;
    this.nextNominal = start;
    this.pool = Executors.newFixedThreadPool(threads, job -> {
      Thread t = new Thread(job, "interphase-parse");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The next chunk in file order, or {@code null} after the last.
   *
   * @throws RuntimeException what the parser threw for that chunk
   */
  public Chunk<T> next() {
    while (inFlight.size() < ahead && nextNominal < size) {
      long from = nextNominal;
      long to = from + chunkBytes;
      nextNominal = to;
      inFlight.add(pool.submit(() -> work(from, to)));
    }
    Future<Raw<T>> f = inFlight.poll();
    if (f == null) {
      return null;
    }
    Raw<T> raw;
    try {
      raw = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    Chunk<T> c = new Chunk<>(raw.value(), raw.offset(), raw.length(), linesBefore, raw.lines());
    linesBefore += raw.lines();
    return c;
  }

  /** Reads and parses the records that start in {@code [from, to)}. */
  private Raw<T> work(long from, long to) throws IOException {
    long s = from == start ? start : recordAtOrAfter(from);
    long e = to >= size ? size : recordAtOrAfter(to);
    if (e <= s) {
      return new Raw<>(parser.parse(new byte[0], 0, s), s, 0, 0);
    }
    if (e - s > Integer.MAX_VALUE - 16) {
      throw new UncheckedIOException(new IOException("a record longer than 2 GB"));
    }
    // each worker reuses its buffer: a fresh 4 MB array per chunk costs more to clear and collect than to fill
    int length = (int) (e - s);
    byte[] text = buffer.get();
    if (text.length < length) {
      text = new byte[length + (length >> 3)];
      buffer.set(text);
    }
    read(text, length, s);
    T value = parser.parse(text, length, s);
    long lines = value instanceof Counted c ? c.lines() : -1;
    if (lines < 0) {
      lines = 0;
      for (int i = 0; i < length; i++) {
        if (text[i] == '\n') {
          lines++;
        }
      }
    }
    return new Raw<>(value, s, length, lines);
  }

  /** The offset of the first record start at or after {@code p} (a line start), or the file's size. */
  private long recordAtOrAfter(long p) throws IOException {
    byte[] w = new byte[WINDOW];
    long at = p - 1; // a line starts at p when the byte before it ends a line
    boolean lineStart = false;
    while (at < size) {
      int n = read(w, (int) Math.min(WINDOW, size - at), at);
      int i = 0;
      if (!lineStart) {
        while (i < n && w[i] != '\n') {
          i++;
        }
        if (i == n) {
          at += n;
          continue;
        }
        i++;
        lineStart = true;
      }
      // every line that starts in this window is tested from it; the window moves on only to a line it cuts off
      boolean last = at + n >= size;
      while (true) {
        int end = i;
        while (end < n && w[end] != '\n') {
          end++;
        }
        if (end == n && !last) {
          if (i == 0) {
            throw new UncheckedIOException(new IOException("a line longer than " + WINDOW + " bytes where a record may start"));
          }
          at += i;
          break;
        }
        int lineEnd = end > i && w[end - 1] == '\r' ? end - 1 : end;
        if (recordStart.test(w, i, lineEnd)) {
          return at + i;
        }
        if (end >= n) {
          return size;
        }
        i = end + 1;
      }
    }
    return size;
  }

  private int read(byte[] into, int length, long position) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(into, 0, length);
    long p = position;
    while (b.hasRemaining()) {
      int n = channel.read(b, p);
      if (n < 0) {
        break;
      }
      p += n;
    }
    return b.position();
  }

  @Override
  public void close() {
    inFlight.forEach(f -> f.cancel(true));
    pool.shutdownNow();
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written
    }
  }
}
