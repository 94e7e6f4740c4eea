package org.interphase.analysis.msd;

/**
 * Straight-line fits of MSD against lag time: ordinary least squares, and the standard error of its
 * slope when the MSD points are correlated because they share trajectory segments.
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
   * Standard error of the least-squares slope through points whose errors are correlated: the
   * slope is Σ w_i y_i with w_i = (x_i − x̄) / Σ (x − x̄)², so its variance is wᵀ Σ w. The MSD
   * covariance is modelled as Σ_ij = v_i · n_i / n_j for lag_i ≤ lag_j (v_i the variance of the
   * MSD at lag i, n_i its number of independent observations; McCluskey, Coles and Morgan, the
   * model of kinisi), with each correlation capped at 1 so that Σ stays a covariance when the
   * sampled variances do not follow the model exactly.
   *
   * @param x lag times of the sampled points
   * @param v variance of the MSD at each point
   * @param nObs independent observations behind each point
   */
  static double correlatedSlopeError(double[] x, double[] v, double[] nObs) {
    int k = x.length;
    double mx = 0;
    for (double xi : x) {
      mx += xi;
    }
    mx /= k;
    double sxx = 0;
    for (double xi : x) {
      sxx += (xi - mx) * (xi - mx);
    }
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      w[i] = (x[i] - mx) / sxx;
    }
    double var = 0;
    for (int i = 0; i < k; i++) {
      var += w[i] * w[i] * v[i];
      for (int j = i + 1; j < k; j++) {
        double c = Math.min(v[i] * nObs[i] / nObs[j], Math.sqrt(v[i] * v[j]));
        var += 2 * w[i] * w[j] * c;
      }
    }
    return Math.sqrt(Math.max(var, 0));
  }
}
