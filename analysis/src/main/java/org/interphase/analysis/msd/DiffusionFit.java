package org.interphase.analysis.msd;

import org.ejml.simple.SimpleMatrix;

/**
 * Straight-line fits of MSD against lag time: ordinary least squares, and generalised least squares
 * with the covariance of MSD points that share trajectory segments.
 */
final class DiffusionFit {
  private DiffusionFit() {}

  /** A fitted line y = slope·x + intercept with the slope's standard error. */
  record Line(double slope, double intercept, double slopeStdErr, int points) {}

  /** OLS over points {@code from … to} inclusive. */
  static Line ols(double[] x, double[] y, int from, int to) {
    int n = to - from + 1;
    double mx = 0;
    double my = 0;
    for (int i = from; i <= to; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = from; i <= to; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double sse = 0;
    for (int i = from; i <= to; i++) {
      double r = y[i] - slope * x[i] - intercept;
      sse += r * r;
    }
    double se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Double.NaN;
    return new Line(slope, intercept, se, n);
  }

  /**
   * GLS with covariance Σ_ij = v_i · n_i / n_j for lag_i ≤ lag_j (v_i the variance of the MSD at
   * lag i, n_i its number of independent observations), the model of McCluskey, Coles and Morgan
   * (kinisi). Σ is reconditioned by a growing diagonal shift if it is not positive definite.
   *
   * @param x lag times of the chosen points, increasing
   * @param y MSD at those lags
   * @param v variance of each MSD value
   * @param nObs independent observations behind each value
   */
  static Line gls(double[] x, double[] y, double[] v, double[] nObs) {
    int k = x.length;
    SimpleMatrix sigma = new SimpleMatrix(k, k);
    double maxDiag = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double c = v[i] * nObs[i] / nObs[j];
        sigma.set(i, j, c);
        sigma.set(j, i, c);
      }
      maxDiag = Math.max(maxDiag, v[i]);
    }
    SimpleMatrix design = new SimpleMatrix(k, 2);
    SimpleMatrix obs = new SimpleMatrix(k, 1);
    for (int i = 0; i < k; i++) {
      design.set(i, 0, 1);
      design.set(i, 1, x[i]);
      obs.set(i, 0, y[i]);
    }
    double shift = 0;
    for (int attempt = 0; attempt < 12; attempt++) {
      SimpleMatrix s = shift == 0 ? sigma : sigma.plus(SimpleMatrix.identity(k).scale(shift));
      try {
        SimpleMatrix sx = s.solve(design);
        SimpleMatrix sy = s.solve(obs);
        SimpleMatrix a = design.transpose().mult(sx);
        SimpleMatrix cov = a.invert();
        SimpleMatrix beta = cov.mult(design.transpose().mult(sy));
        double var = cov.get(1, 1);
        if (Double.isFinite(var) && var > 0 && Double.isFinite(beta.get(1, 0))) {
          return new Line(beta.get(1, 0), beta.get(0, 0), Math.sqrt(var), k);
        }
      } catch (RuntimeException singular) {
        // fall through to a larger shift
      }
      shift = shift == 0 ? 1e-12 * maxDiag : shift * 10;
    }
    return new Line(Double.NaN, Double.NaN, Double.NaN, k);
  }
}
