package org.interphase.parsers.io;

import java.nio.file.Path;

/**
 * The reader's side of a parallel reading: walks the frames of the chunks in file order, and when
 * the chunks end (the file's end, a chunk that stopped where the layout broke, or one that could
 * not be read) gives a sequential {@link LineReader} positioned where they ended.
 *
 * @param <T> the chunks' result
 */
public final class ChunkedReading<T extends FrameChunk> implements AutoCloseable {
  private final Path path;
  private ParallelChunks<T> chunks;
  private ParallelChunks.Chunk<T> chunk;
  private int index;
  private long resumeOffset;
  private long resumeLines;

  /**
   * Starts reading {@code path} from byte {@code offset} (a frame start), {@code lines} lines into
   * the file, in chunks of about {@code chunkBytes}.
   */
  public ChunkedReading(Path path, long offset, long lines, long chunkBytes, int threads, ParallelChunks.RecordStart recordStart,
      ParallelChunks.Parser<T> parser) {
    this.path = path;
    this.resumeOffset = offset;
    this.resumeLines = lines;
    this.chunks = new ParallelChunks<>(path, offset, lines, chunkBytes, threads, recordStart, parser);
  }

  /**
   * Moves to the next frame: {@code true} when there is one ({@link #chunk()}, {@link #index()}),
   * {@code false} when the parallel reading has ended ({@link #rest()} continues).
   */
  public boolean advance() {
    while (chunks != null) {
      if (chunk != null && ++index < chunk.value().frames()) {
        return true;
      }
      if (chunk != null) {
        T c = chunk.value();
        if (c.stopOffset() >= 0) {
          resumeOffset = chunk.offset() + c.stopOffset();
          resumeLines = chunk.linesBefore() + c.stopLine();
          close();
          return false;
        }
        resumeOffset = chunk.offset() + chunk.length();
        resumeLines = chunk.linesBefore() + chunk.lines();
      }
      try {
        chunk = chunks.next();
      } catch (RuntimeException e) {
        chunk = null; // a chunk that could not be cut or read: the sequential reader continues after the last good one
      }
      index = -1;
      if (chunk == null) {
        close();
      }
    }
    return false;
  }

  /** The chunk of the current frame. */
  public ParallelChunks.Chunk<T> chunk() {
    return chunk;
  }

  /** The current frame's index in its chunk. */
  public int index() {
    return index;
  }

  /** After {@link #advance()} returned {@code false}: a sequential reader of the rest of the file. */
  public LineReader rest() {
    return LineReader.openAt(path, resumeOffset, resumeLines);
  }

  @Override
  public void close() {
    if (chunks != null) {
      chunks.close();
      chunks = null;
    }
  }
}
