package org.interphase.parsers.h5md;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import java.util.Arrays;

/**
 * Reads frame {@code i} of a time-dependent dataset of shape [F][d1][d2…] as one flat row of d1·d2·…
 * numbers. A contiguous dataset, or a chunked one whose chunks hold whole frames (chunk shape
 * [c][≥d1][≥d2…], as MDAnalysis and h5py write positions), is read by a sliced read of that frame
 * alone, so memory does not grow with the run. jhdf 0.9.4's sliced read drops chunks that start
 * inside a frame (chunk shape [c][<d1]…, e.g. MDAnalysis' box edges chunked [512][2][2]); such a
 * dataset is read whole once, on first use, and kept.
 */
final class FrameRows {
  private final String file;
  private final Dataset dataset;
  private final int[] frameShape;
  private final int rowLength;
  private final boolean sliced;
  private double[] whole;

  /**
   * @param file the file, for messages
   * @param dataset a dataset of rank ≥ 2, first dimension = frames
   */
  FrameRows(String file, Dataset dataset) {
    this.file = file;
    this.dataset = dataset;
    int[] dims = dataset.getDimensions();
    frameShape = dims.clone();
    frameShape[0] = 1;
    rowLength = Arrays.stream(frameShape).reduce(1, (a, b) -> a * b);
    sliced = !(dataset instanceof ChunkedDataset c) || chunksHoldWholeFrames(c.getChunkDimensions(), dims);
  }

  private static boolean chunksHoldWholeFrames(int[] chunk, int[] dims) {
    for (int k = 1; k < dims.length; k++) {
      if (k >= chunk.length || chunk[k] < dims[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether frames are read one at a time (false: the dataset is held whole). */
  boolean streams() {
    return sliced;
  }

  /** Frame {@code i} as a fresh flat array, row-major. */
  double[] row(int i) {
    if (sliced) {
      long[] offset = new long[frameShape.length];
      offset[0] = i;
      return HdfValues.numbers(file, dataset, offset, frameShape);
    }
    if (whole == null) {
      whole = HdfValues.numbers(file, dataset);
    }
    return Arrays.copyOfRange(whole, i * rowLength, (i + 1) * rowLength);
  }
}
