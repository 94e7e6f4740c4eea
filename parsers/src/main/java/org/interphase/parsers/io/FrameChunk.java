package org.interphase.parsers.io;

/**
 * What a worker made of one chunk of a trajectory's plain layout: some frames, and where parsing
 * stopped when the layout broke (the sequential reader takes over there). Subclasses keep the
 * frames in their own form.
 */
public abstract class FrameChunk implements ParallelChunks.Counted {
  /** Frames parsed. */
  protected int frames;
  private int stopOffset = -1;
  private long stopLine;
  private long lines = -1;

  /** Frames parsed. */
  public final int frames() {
    return frames;
  }

  /** Byte offset in the chunk of the frame where parsing stopped, {@code -1} when it reached the chunk's end. */
  public final int stopOffset() {
    return stopOffset;
  }

  /** Line (counted from the chunk's first, 0) of the frame where parsing stopped. */
  public final long stopLine() {
    return stopLine;
  }

  /** Lines of the chunk when it was parsed to its end, else -1. */
  @Override
  public final long lines() {
    return lines;
  }

  /** Marks where parsing stopped (the start of the frame that broke the layout). */
  protected final void stopAt(int offset, long line) {
    stopOffset = offset;
    stopLine = line;
  }

  /** Marks the chunk as parsed to its end, {@code lines} lines long. */
  protected final void endedAfter(long lines) {
    this.lines = lines;
  }

  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The index of the line end ({@code '\n'}) at or after {@code p}, or {@code length} when the text ends first. Eight
   * bytes at a time: in {@code w = word ^ 0x0a…0a} a line end is a zero byte, and {@code (w − 0x01…01) & ~w & 0x80…80}
   * marks the lowest zero byte exactly (a borrow can mark bytes above it, never below), so its trailing zeros give
   * the first line end (Anderson, "Bit Twiddling Hacks", determine if a word has a zero byte).
   */
  public static int lineEnd(byte[] t, int p, int length) {
    int i = p;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      long w = (long) NumberScanner.WORD.get(t, i) ^ NEWLINES;
      long zero = (w - ONES) & ~w & HIGHS;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    while (i < length && t[i] != '\n') {
      i++;
    }
    return i;
  }

  /** {@code end} less a carriage return just before it. */
  public static int trimCr(byte[] t, int from, int end) {
    return end > from && t[end - 1] == '\r' ? end - 1 : end;
  }
}
