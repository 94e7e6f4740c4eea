package org.interphase.analysis.energetics;

/**
 * Mean of a correlated series with its standard error by blocking (Flyvbjerg and Petersen, J. Chem.
 * Phys. 91, 461 (1989)): neighbouring values are averaged pairwise until the blocks are
 * uncorrelated; the block size is chosen by the criterion of Lee, Needs and Towler (Phys. Rev. E
 * 83, 066706 (2011)), the smallest B = 2^k with B³ > 2·N·(SE_B / SE_1)⁴.
 *
 * @param mean the mean
 * @param stdErr its blocked standard error
 * @param naiveStdErr std / sqrt(N), which ignores correlation
 * @param blockSize values per block at the chosen level
 * @param blocks number of blocks at that level
 */
public record BlockAverage(double mean, double stdErr, double naiveStdErr, int blockSize, int blocks, int n) {

  /** Blocks the whole array. A series of fewer than 2 values has NaN errors. */
  public static BlockAverage of(double[] x) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    if (n < 2) {
      return new BlockAverage(mean, Double.NaN, Double.NaN, 1, n, n);
    }
    double[] cur = x.clone();
    int len = n;
    int blockSize = 1;
    double se1 = se(cur, len);
    double chosenSe = Double.NaN;
    int chosenB = -1;
    int chosenBlocks = -1;
    double lastSe = se1;
    int lastB = 1;
    int lastBlocks = n;
    while (len >= 4) {
      double s = se(cur, len);
      lastSe = s;
      lastB = blockSize;
      lastBlocks = len;
      double ratio = se1 > 0 ? s / se1 : 1;
      if ((double) blockSize * blockSize * blockSize > 2.0 * n * Math.pow(ratio, 4)) {
        chosenSe = s;
        chosenB = blockSize;
        chosenBlocks = len;
        break;
      }
      int half = len / 2;
      for (int i = 0; i < half; i++) {
        cur[i] = 0.5 * (cur[2 * i] + cur[2 * i + 1]);
      }
      len = half;
      blockSize *= 2;
    }
    if (chosenB < 0) {
      // never converged: report the largest block level reached, a lower bound of the error
      chosenSe = lastSe;
      chosenB = lastB;
      chosenBlocks = lastBlocks;
    }
    return new BlockAverage(mean, Math.max(chosenSe, se1), se1, chosenB, chosenBlocks, n);
  }

  private static double se(double[] x, int len) {
    double m = 0;
    for (int i = 0; i < len; i++) {
      m += x[i];
    }
    m /= len;
    double v = 0;
    for (int i = 0; i < len; i++) {
      v += (x[i] - m) * (x[i] - m);
    }
    return Math.sqrt(v / (len - 1) / len);
  }
}
