package org.interphase.analysis.msd;

import org.interphase.core.Cell;

/**
 * How far a breathing cell (NPT) moves the unwrapped positions by itself. TOR unwrapping ({@link TorUnwrapper}) sums
 * minimum-image steps, so when the cell edge L changes between frames an atom at wrapped coordinate w picks up a displacement
 * of about w·Δln L that is not diffusion: bounded (it returns as the cell returns), but at short lags it adds to the MSD up to
 * Σ_edges ⟨w²⟩·2·Var(ln L) = Σ_edges (⟨L²⟩/3)·2·Var(ln L), Å², with w uniform over the edge. Fed one cell per frame.
 */
final class CellBreathing {
  private final double[] sumLog = new double[3];
  private final double[] sumLog2 = new double[3];
  private final double[] sumLength2 = new double[3];
  private int cells;

  /** Adds one frame's cell. */
  void accept(Cell cell) {
    double[] l = cell.lengthsA();
    for (int i = 0; i < 3; i++) {
      double x = Math.log(l[i]);
      sumLog[i] += x;
      sumLog2[i] += x * x;
      sumLength2[i] += l[i] * l[i];
    }
    cells++;
  }

  /** The largest MSD the breathing alone adds at a lag longer than its period, Å²; 0 for a fixed cell. */
  double artifactA2() {
    if (cells < 2) {
      return 0;
    }
    double a = 0;
    for (int i = 0; i < 3; i++) {
      double mean = sumLog[i] / cells;
      double var = Math.max(0, sumLog2[i] / cells - mean * mean);
      a += sumLength2[i] / cells / 3 * 2 * var;
    }
    return a;
  }
}
