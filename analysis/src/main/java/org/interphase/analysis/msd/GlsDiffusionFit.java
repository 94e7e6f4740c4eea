package org.interphase.analysis.msd;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Generalised least squares (GLS) line through the MSD with a <em>modelled</em> covariance of the MSD
 * points, the estimator of Bullerjahn, von Bülow and Hummer (J. Chem. Phys. 153, 024116, 2020) in the
 * form kinisi uses (McCluskey, Coles and Morgan, JCTC 21, 79, 2025): slope and intercept
 * β = (AᵀΣ⁻¹A)⁻¹AᵀΣ⁻¹y with A = [1, t], and Var(slope) = (AᵀΣ⁻¹A)⁻¹₁₁.
 *
 * <p><b>The covariance.</b> The time-averaged MSD at lag m averages |Δr|² over the F − m origins of a
 * run of F frames and over N independent ions. For motion with independent increments (Brownian
 * motion, and hops between sites at times long against a hop), two displacements over windows that
 * overlap by o frames have Cov(|Δr_a|², |Δr_b|²) = Var(|Δr(o)|²) = α·o² + β·o: α·o² is the Gaussian part,
 * α = 2·Σ_axes s_a² with s_a the MSD slope per axis per frame (so 2·MSD²/d for isotropic motion), and
 * β·o the excess of a non-Gaussian process (its fourth cumulant grows linearly in time: rare hops). So
 * <pre>{@code Σ(m, k) = [α·C₂(m, k) + β·C₁(m, k)] / (N·(F − m)·(F − k)),  C_p = Σ_pairs of origins o^p}</pre>
 * summed over every pair of origins exactly, which makes Σ the covariance of a real process (positive
 * semi-definite) and exact for a sampled Brownian walk. α comes from the fitted slope, never from the
 * noisy per-lag variances; β from the per-lag variance of |Δr|² in excess of α·m² (weighted least
 * squares through zero, never below 0). The fit is iterated once: OLS slope → Σ → GLS slope → Σ → GLS.
 *
 * <p><b>Conditioning.</b> At most {@link #MAX_LAGS} lags evenly spread over the window enter (adjacent
 * lags are nearly collinear; more add cost, not information). Σ is scaled to unit diagonal and
 * factorised by Cholesky; when that fails or its condition number exceeds {@link #MAX_CONDITION}, a
 * ridge of 1e-12 … 1e-6 is added to the diagonal, and if that does not help either, every other lag is
 * dropped and the fit repeated.
 */
final class GlsDiffusionFit {
  /** Most lags in the covariance (Σ is this size squared). */
  static final int MAX_LAGS = 64;
  /** Largest condition number of the unit-diagonal covariance accepted without a ridge. */
  static final double MAX_CONDITION = 1e12;
  private static final double[] RIDGES = {0, 1e-12, 1e-10, 1e-8, 1e-6};

  private GlsDiffusionFit() {}

  /**
   * A GLS line.
   *
   * @param slope Å² per frame
   * @param intercept Å²
   * @param slopeStdErr Å² per frame; NaN when the fit failed
   * @param lags lags that entered the last fit
   * @param ridge ridge added to the unit-diagonal covariance (0 when none was needed)
   * @param excess β / α: the non-Gaussian excess of Var(|Δr|²), frames (0 for Brownian motion)
   * @param chiSquared rᵀΣ⁻¹r of the residuals r under the model covariance, with {@code lags − 2} degrees of freedom: the
   *     goodness of fit of a straight line with this covariance; NaN when the fit failed
   */
  record Fit(double slope, double intercept, double slopeStdErr, int lags, double ridge, double excess, double chiSquared) {
    boolean ok() {
      return Double.isFinite(slope) && slopeStdErr > 0;
    }

    /** Whether the line fits its points within their modelled covariance: χ² below its {@link #STRAIGHT_QUANTILE} quantile. */
    boolean straight() {
      return lags > 2 && Double.isFinite(chiSquared) && chiSquared <= chiSquaredBound(lags - 2);
    }
  }

  /** Quantile of χ² (lags − 2 degrees of freedom) below which a GLS line fits its window: a test of the straight line at 5 %. */
  static final double STRAIGHT_QUANTILE = 0.95;

  /** The {@link #STRAIGHT_QUANTILE} quantile of χ² with {@code dof} degrees of freedom. */
  static double chiSquaredBound(int dof) {
    return new org.apache.commons.math3.distribution.ChiSquaredDistribution(null, dof).inverseCumulativeProbability(STRAIGHT_QUANTILE);
  }

  /**
   * The GLS line through MSD points.
   *
   * @param lags lags of the points, frames, ascending, each in 1 … frames − 1 (not modified)
   * @param msd the MSD at those lags, Å² (not modified)
   * @param varianceA4 the variance of one squared displacement |Δr|² at those lags over the ions and origins,
   *     Å⁴; NaN where unknown (not modified)
   * @param atoms independent ions averaged (may be fractional: the mean count in a region)
   * @param frames frames of the run
   * @param anisotropy Σ_a f_a² of the fractions f_a of the slope along each summed axis (1/d when isotropic)
   * @param startSlope slope of the first covariance (the OLS slope), Å² per frame
   * @return the fit; {@link Fit#ok()} is false when the slope is not positive or no covariance could be factorised
   */
  static Fit fit(int[] lags, double[] msd, double[] varianceA4, double atoms, int frames, double anisotropy, int dims, double startSlope,
      double startIntercept) {
    int[] use = lags;
    double[] y = msd;
    double[] v = varianceA4;
    while (use.length >= 3) {
      double[][][] basis = basis(use, frames);
      Fit f = iterate(use, y, v, basis, atoms, frames, anisotropy, dims, startSlope, startIntercept);
      if (f != null) {
        return f;
      }
      int[] keep = new int[(use.length + 1) / 2];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = 2 * i;
      }
      use = pick(use, keep);
      y = pick(y, keep);
      v = pick(v, keep);
    }
    return new Fit(Double.NaN, Double.NaN, Double.NaN, use.length, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Two GLS steps, each with the covariance of the slope before it; null when Σ cannot be factorised. */
  private static Fit iterate(int[] lags, double[] y, double[] v, double[][][] basis, double atoms, int frames, double anisotropy,
      int dims, double startSlope, double startIntercept) {
    double slope = startSlope;
    double intercept = startIntercept;
    Fit fit = null;
    for (int step = 0; step < 2; step++) {
      if (!(slope > 0)) {
        return new Fit(Double.NaN, Double.NaN, Double.NaN, lags.length, Double.NaN, Double.NaN, Double.NaN);
      }
      Model model = Model.of(slope, intercept, anisotropy, dims);
      double beta = excess(lags, v, model, atoms, frames);
      fit = solve(lags, y, basis, model.withExcess(beta), atoms);
      if (fit == null) {
        return null;
      }
      slope = fit.slope() > 0 ? fit.slope() : slope;
      intercept = Double.isFinite(fit.intercept()) ? fit.intercept() : intercept;
    }
    return fit;
  }

  /**
   * The coefficients of the covariance model: α·o² + β·o for the diffusive part (o: overlap of two windows, frames), and for
   * white noise of variance s² per axis on every stored position (vibration about a site, rattling in a cage) the cross term
   * 4·g·Σ c·o and the noise term 2·h·Σ c², with c = ±1 (±2) for windows that share a start or an end frame.
   *
   * @param alpha 2·Σ_a s_a², Å⁴ per frame² (s_a: MSD slope per frame along axis a)
   * @param beta non-Gaussian excess, Å⁴ per frame
   * @param g Σ_a s_a·σ²_noise = slope·σ²_noise, Å⁴ per frame
   * @param h Σ_a σ⁴_noise = d·σ⁴_noise, Å⁴
   */
  record Model(double alpha, double beta, double g, double h) {
    /** The model of a line with this slope (Å² per frame) and intercept (Å²; the noise is intercept/(2d) per axis, none if ≤ 0). */
    static Model of(double slope, double intercept, double anisotropy, int dims) {
      double noise = Double.isFinite(intercept) && intercept > 0 ? intercept / (2.0 * dims) : 0;
      return new Model(2 * anisotropy * slope * slope, 0, slope * noise, dims * noise * noise);
    }

    Model withExcess(double b) {
      return new Model(alpha, b, g, h);
    }

    /** Var(|Δr(m)|²) without the excess: α·m² + 8·g·m + 8·h (Gaussian increments plus white noise at both ends). */
    double gaussianVariance(double m) {
      return alpha * m * m + 8 * g * m + 8 * h;
    }
  }

  /**
   * β of Var(|Δr(m)|²) = α·m² + β·m from the sampled variances: weighted least squares through zero of
   * v − α·m² against m, weights (independent windows)/m⁴ so that the long, poorly sampled lags count
   * little; 0 when no variance is known or the excess is negative.
   */
  private static double excess(int[] lags, double[] v, Model model, double atoms, int frames) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < lags.length; i++) {
      double m = lags[i];
      if (!Double.isFinite(v[i])) {
        continue;
      }
      double w = atoms * (frames - m) / m / (m * m * m * m);
      num += w * (v[i] - model.gaussianVariance(m)) * m;
      den += w * m * m;
    }
    return den > 0 ? Math.max(0, num / den) : 0;
  }

  /** One GLS solve with Σ = (α·C₂ + β·C₁ + 4g·E₁ + 2h·E₀)/N. */
  private static Fit solve(int[] lags, double[] y, double[][][] basis, Model model, double atoms) {
    int k = lags.length;
    double[][] sigma = new double[k][k];
    double[] scale = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        sigma[i][j] = (model.alpha() * basis[1][i][j] + model.beta() * basis[0][i][j] + 4 * model.g() * basis[2][i][j]
            + 2 * model.h() * basis[3][i][j]) / atoms;
      }
      scale[i] = Math.sqrt(sigma[i][i]);
      if (!(scale[i] > 0)) {
        return null;
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        sigma[i][j] /= scale[i] * scale[j];
      }
    }
    for (double ridge : RIDGES) {
      RealMatrix r = new Array2DRowRealMatrix(sigma);
      for (int i = 0; i < k; i++) {
        r.addToEntry(i, i, ridge);
      }
      DecompositionSolver solver;
      try {
        CholeskyDecomposition chol = new CholeskyDecomposition(r, 1e-10, 1e-300);
        if (conditionLowerBound(chol.getL()) > MAX_CONDITION) {
          continue;
        }
        solver = chol.getSolver();
      } catch (NonPositiveDefiniteMatrixException e) {
        continue;
      }
      // whitened design and data: A' = S⁻¹A, y' = S⁻¹y, with R = S⁻¹ΣS⁻¹
      RealMatrix a = new Array2DRowRealMatrix(k, 2);
      RealMatrix b = new Array2DRowRealMatrix(k, 1);
      for (int i = 0; i < k; i++) {
        a.setEntry(i, 0, 1 / scale[i]);
        a.setEntry(i, 1, lags[i] / scale[i]);
        b.setEntry(i, 0, y[i] / scale[i]);
      }
      RealMatrix ra = solver.solve(a);
      RealMatrix m = a.transpose().multiply(ra);
      RealMatrix rhs = ra.transpose().multiply(b);
      double det = m.getEntry(0, 0) * m.getEntry(1, 1) - m.getEntry(0, 1) * m.getEntry(1, 0);
      if (!(det > 0)) {
        continue;
      }
      double slope = (m.getEntry(0, 0) * rhs.getEntry(1, 0) - m.getEntry(1, 0) * rhs.getEntry(0, 0)) / det;
      double intercept = (m.getEntry(1, 1) * rhs.getEntry(0, 0) - m.getEntry(0, 1) * rhs.getEntry(1, 0)) / det;
      double varSlope = m.getEntry(0, 0) / det;
      RealMatrix residual = b.subtract(a.multiply(new Array2DRowRealMatrix(new double[][] {{intercept}, {slope}})));
      double chi2 = residual.transpose().multiply(solver.solve(residual)).getEntry(0, 0);
      return new Fit(slope, intercept, Math.sqrt(varSlope), k, ridge, model.alpha() > 0 ? model.beta() / model.alpha() : Double.NaN,
          chi2);
    }
    return null;
  }

  /** (max L_ii / min L_ii)² ≤ cond(LLᵀ): a cheap lower bound of the condition number from a Cholesky factor. */
  private static double conditionLowerBound(RealMatrix l) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int i = 0; i < l.getRowDimension(); i++) {
      double d = Math.abs(l.getEntry(i, i));
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    return lo > 0 ? (hi / lo) * (hi / lo) : Double.POSITIVE_INFINITY;
  }

  /**
   * The two covariance bases {C₁, C₂}[i][j] / ((F − m_i)(F − m_j)): Σ over pairs of origins (t, t + δ) of the
   * overlap o(δ) of the windows [t, t + m] and [t + δ, t + δ + k] to the power 1 and 2, for m ≤ k. The overlap
   * rises over −k &lt; δ &lt; m − k, is m on the plateau m − k ≤ δ ≤ 0 (summed in closed form) and falls over
   * 0 &lt; δ &lt; m; the pairs with offset δ number min(F − 1 − m, F − 1 − k − δ) − max(0, −δ) + 1. Cost: O(m) per
   * pair of lags.
   */
  static double[][][] basis(int[] lags, int frames) {
    int k = lags.length;
    double[][][] c = new double[4][k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double[] s = overlapSums(lags[i], lags[j], frames);
        double[] e = endpointSums(lags[i], lags[j], frames);
        double norm = (double) (frames - lags[i]) * (frames - lags[j]);
        c[2][i][j] = e[0] / norm;
        c[2][j][i] = c[2][i][j];
        c[3][i][j] = e[1] / norm;
        c[3][j][i] = c[3][i][j];
        for (int p = 0; p < 2; p++) {
          c[p][i][j] = s[p] / norm;
          c[p][j][i] = c[p][i][j];
        }
      }
    }
    return c;
  }

  /** {Σ count·o, Σ count·o²} over offsets for lags m ≤ k (frames) in a run of F frames. */
  static double[] overlapSums(int m, int k, int frames) {
    long f = frames;
    double s1 = 0;
    double s2 = 0;
    // plateau: δ in [m − k, 0], o = m, count = F − k
    double plateau = (double) (k - m + 1) * (f - k);
    s1 += plateau * m;
    s2 += plateau * m * (double) m;
    for (int o = 1; o < m; o++) {
      // rising side δ = m − k − (m − o) = o − k: count = F − 1 − m − (k − o) + 1 = F − m − k + o
      long up = f - m - k + o;
      // falling side δ = m − o: count = F − 1 − k − δ + 1 = F − k − m + o
      long down = f - k - m + o;
      long cnt = Math.max(0, up) + Math.max(0, down);
      s1 += (double) cnt * o;
      s2 += (double) cnt * o * (double) o;
    }
    return new double[] {s1, s2};
  }

  /**
   * {Σ c·o, Σ c²} over the pairs of origins whose windows (lags m ≤ k) share an end frame, c the signed count of shared frames in
   * E[(e(t+m) − e(t))·(e(u+k) − e(u))]/σ² for white noise e: a common start or a common end gives c = 1 with overlap m (c = 2 for
   * the same window, m = k), the start of one at the end of the other c = −1 with no overlap.
   */
  static double[] endpointSums(int m, int k, int frames) {
    long f = frames;
    double ends = Math.max(0, f - m - k);
    if (m == k) {
      return new double[] {2.0 * m * (f - m), 4.0 * (f - m) + 2 * ends};
    }
    return new double[] {2.0 * m * (f - k), 2.0 * (f - k) + 2 * ends};
  }

  private static int[] pick(int[] a, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = a[idx[i]];
    }
    return out;
  }

  private static double[] pick(double[] a, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = a[idx[i]];
    }
    return out;
  }
}
