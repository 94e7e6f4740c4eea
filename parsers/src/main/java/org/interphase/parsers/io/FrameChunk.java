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

  /** The index of the line end ({@code '\n'}) at or after {@code p}, or {@code length} when the text ends first. */
  public static int lineEnd(byte[] t, int p, int length) {
    int i = p;
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
