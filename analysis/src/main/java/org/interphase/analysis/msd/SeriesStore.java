package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-frame rows of {@code width} doubles, stored in chunks so that a long trajectory grows without
 * copying; a column (one coordinate of one atom over time) is read back on demand.
 */
final class SeriesStore {
  private static final int CHUNK_FRAMES = 2048;
  private final int width;
  private final List<double[]> chunks = new ArrayList<>();
  private int frames;

  SeriesStore(int width) {
    this.width = width;
  }

  /** Appends one frame's row; {@code row} is copied. */
  void add(double[] row) {
    int inChunk = frames % CHUNK_FRAMES;
    if (inChunk == 0) {
      chunks.add(new double[CHUNK_FRAMES * width]);
    }
    System.arraycopy(row, 0, chunks.get(chunks.size() - 1), inChunk * width, width);
    frames++;
  }

  int frames() {
    return frames;
  }

  /** Column {@code c} over all frames into {@code out} (length ≥ frames). */
  void column(int c, double[] out) {
    for (int t = 0; t < frames; t++) {
      out[t] = chunks.get(t / CHUNK_FRAMES)[(t % CHUNK_FRAMES) * width + c];
    }
  }

  /**
   * Columns {@code first … first + out.length − 1} over all frames into {@code out[k]} (each of
   * length ≥ frames), reading each row's neighbouring values together: one memory line per frame
   * for an atom's x, y and z instead of one per coordinate.
   */
  void columns(int first, double[][] out) {
    int k = out.length;
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

  /** Value of column {@code c} at frame {@code t}. */
  double get(int t, int c) {
    return chunks.get(t / CHUNK_FRAMES)[(t % CHUNK_FRAMES) * width + c];
  }
}
