package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.interphase.testkit.SyntheticRuns;
import org.junit.jupiter.api.Test;

/**
 * The modelled covariance of MSD points ({@link GlsDiffusionFit#basis}) against the covariance sampled from many short generated
 * runs: a Gaussian walk (variance {@code s2} per axis per frame) seen through white noise on every stored position (variance
 * {@code n2} per axis), the MSD averaged over every origin of a 12-frame run.
 */
class GlsCovarianceTest {
  private static final int FRAMES = 12;
  private static final int[] LAGS = {1, 2, 5, 5, 8};

  @Test
  void modelledCovarianceOfMsdPointsIsTheSampledOne() {
    double s2 = 1.0;
    double n2 = 0.3;
    int runs = 400_000;
    RandomGenerator rnd = SyntheticRuns.generator(42);
    int k = LAGS.length;
    double[] mean = new double[k];
    double[][] second = new double[k][k];
    double[][] x = new double[3][FRAMES];
    double[][] seen = new double[3][FRAMES];
    double[] msd = new double[k];
    for (int r = 0; r < runs; r++) {
      for (int d = 0; d < 3; d++) {
        for (int t = 0; t < FRAMES; t++) {
          x[d][t] = (t == 0 ? 0 : x[d][t - 1]) + Math.sqrt(s2) * rnd.nextGaussian();
          seen[d][t] = x[d][t] + Math.sqrt(n2) * rnd.nextGaussian();
        }
      }
      for (int i = 0; i < k; i++) {
        int m = LAGS[i];
        double sum = 0;
        for (int t = 0; t + m < FRAMES; t++) {
          for (int d = 0; d < 3; d++) {
            double dx = seen[d][t + m] - seen[d][t];
            sum += dx * dx;
          }
        }
        msd[i] = sum / (FRAMES - m);
        mean[i] += msd[i];
      }
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          second[i][j] += msd[i] * msd[j];
        }
      }
    }
    // the model: α = 2·Σ_a s_a², g = Σ_a s_a·n² (slope per axis times noise), h = Σ_a n⁴
    double alpha = 2 * 3 * s2 * s2;
    double g = 3 * s2 * n2;
    double h = 3 * n2 * n2;
    double[][][] basis = GlsDiffusionFit.basis(LAGS, FRAMES);
    double[] var = new double[k];
    for (int i = 0; i < k; i++) {
      var[i] = second[i][i] / runs - (mean[i] / runs) * (mean[i] / runs);
    }
    for (int i = 0; i < k; i++) {
      assertEquals(3 * s2 * LAGS[i] + 2 * 3 * n2, mean[i] / runs, 0.01 * mean[i] / runs, "MSD at lag " + LAGS[i]);
      for (int j = 0; j < k; j++) {
        double sampled = second[i][j] / runs - (mean[i] / runs) * (mean[j] / runs);
        double model = alpha * basis[1][i][j] + 4 * g * basis[2][i][j] + 2 * h * basis[3][i][j];
        double scale = Math.sqrt(var[i] * var[j]);
        // 400 000 runs: the sampled covariance is good to about 0.5 % of the scale
        assertEquals(model, sampled, 0.02 * scale, "Cov(MSD(" + LAGS[i] + "), MSD(" + LAGS[j] + "))");
        // and the noise terms matter here: the walk's part alone is off by far more than that
        if (i == 0 && j == 0) {
          double walkOnly = alpha * basis[1][i][j];
          assertEquals(true, Math.abs(walkOnly - sampled) > 0.3 * scale, "noise terms negligible: " + walkOnly + " vs " + sampled);
        }
      }
    }
  }
}
