package org.interphase.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A single pass over the frames of one trajectory, read lazily: a 10 GB file needs no more memory
 * than one frame. Close it when done (try-with-resources); {@link #stream()} closes on stream close.
 *
 * <p>Warnings (e.g. "last frame truncated, 139 complete frames kept") collect in {@link
 * #warnings()} as they arise; read them after the last frame.
 */
public interface FrameSource extends AutoCloseable, Iterator<Frame> {

  /** What is known before the first frame. */
  TrajectoryHeader header();

  /** Whether another complete frame follows. May read ahead. */
  @Override
  boolean hasNext();

  /**
   * The next frame.
   *
   * @throws NoSuchElementException when there is none
   * @throws MalformedInputException when the file is malformed before its end
   */
  @Override
  Frame next();

  /**
   * Warnings so far, in the order they arose, with their kinds ({@link Warning.Input}; {@link
   * Warning.Input#OTHER} where the source knows none).
   */
  List<Warning> warnings();

  /**
   * How many frames the source expects to give, for progress reports: exact where a first pass
   * counted them, estimated from the file's size where it can be, {@code -1} when unknown.
   */
  default long expectedFrames() {
    return -1;
  }

  /** Closes the file; closing twice is harmless. */
  @Override
  void close();
}
