package org.interphase.analysis.msd;

import java.util.List;
import org.interphase.core.Measurement;
import org.interphase.core.Warning;

/**
 * The outcome of {@link MeanSquaredDisplacement}. Arrays are indexed by lag (0 … frames-1) unless
 * said otherwise; do not modify them.
 *
 * @param lagPs lag times, ps
 * @param msdA2 MSD over the chosen axes, Å² (region MSD when a region was given)
 * @param msdComponentsA2 MSD per Cartesian axis x, y, z, Å²
 * @param msdStdErrLagPs lags at which the MSD's standard error was estimated (spread over the run and the fit window), ps
 * @param msdStdErrA2 the MSD's standard error at {@code msdStdErrLagPs}, Å²: √(var(Δr²)/n) with n = N_ions·(N_frames − m)/m
 *     independent windows at lag m (the diagonal of the covariance behind D's error)
 * @param fitSlopeA2PerPs slope of the line of the chosen estimator through the MSD in the fit window, Å²/ps
 * @param fitInterceptA2 its intercept at zero lag, Å² (the line drawn over the MSD)
 * @param olsSlopeA2PerPs slope of the least-squares line over every lag of the fit window, Å²/ps (the same line as {@code
 *     fitSlopeA2PerPs} when least squares is the chosen estimator)
 * @param olsInterceptA2 its intercept at zero lag, Å²
 * @param estimator the estimator behind {@code diffusivity} (OLS when GLS was asked for but failed or disagreed with OLS beyond
 *     their errors, with a warning)
 * @param diffusivity D of the chosen estimator with its standard error, cm²/s: the value to quote
 * @param diffusivityOls least-squares D over every lag of the window with the correlation-aware standard error of that slope
 *     (wᵀΣw), cm²/s
 * @param diffusivityGls D from generalised least squares with the modelled MSD covariance ({@link GlsDiffusionFit}) and its
 *     standard error, cm²/s; NaN when that fit failed
 * @param olsPlainStdErrCm2PerS the textbook OLS error of the least-squares D, which ignores the correlation of MSD points (far too
 *     small; for comparison with other tools), cm²/s
 * @param conductivity Nernst–Einstein σ from {@code diffusivity}, S/cm (NaN without a temperature)
 * @param numberDensityPerA3 mobile ions per Å³ used for σ (of the region when given)
 * @param havenRatio tracer D divided by D_σ from the mean squared charge displacement, or null when not asked
 * @param ngpLagPs lags at which the moments were sampled (the points of the error model), ps
 * @param ngp non-Gaussian parameter α2 at {@code ngpLagPs}
 * @param method how D and its error were obtained, for reports
 * @param sampling how much independent information the window holds
 */
public record MsdResult(String species, int atoms, int frames, double timestepFs, double temperatureK, String temperatureSource,
    String axes, double fitStartPs, double fitEndPs, int fitPoints, int sampledLags, double fitSlopeA2PerPs,
    double fitInterceptA2, double olsSlopeA2PerPs, double olsInterceptA2, double[] lagPs, double[] msdA2, double[][] msdComponentsA2,
    double[] msdStdErrLagPs, double[] msdStdErrA2,
    DiffusionEstimator estimator, Measurement diffusivity, Measurement diffusivityOls, Measurement diffusivityGls,
    double olsPlainStdErrCm2PerS, Measurement conductivity, double numberDensityPerA3, Measurement havenRatio, double[] ngpLagPs,
    double[] ngp, String driftReference, Region region, String method, Sampling sampling, List<Warning> warnings) {

  public MsdResult {
    lagPs = lagPs.clone();
    msdA2 = msdA2.clone();
    msdComponentsA2 = new double[][] {msdComponentsA2[0].clone(), msdComponentsA2[1].clone(), msdComponentsA2[2].clone()};
    msdStdErrLagPs = msdStdErrLagPs.clone();
    msdStdErrA2 = msdStdErrA2.clone();
    ngpLagPs = ngpLagPs.clone();
    ngp = ngp.clone();
    warnings = List.copyOf(warnings);
  }

  /**
   * How much independent information stands behind D.
   *
   * @param independentDisplacements ions × ⌊run / window end⌋: the non-overlapping displacements of the longest lag of the window
   *     (the count kinisi calls N_eff; the fewest of any lag in the window)
   * @param hopEquivalents the squared displacement of all ions over the whole run on the fitted line, in hops of
   *     {@link DiffusionFitWindow#HOP_A2} Å²: roughly how many hops the run saw
   * @param glsLags lags in the GLS covariance (0 when it was not computed)
   * @param glsRidge ridge added to the unit-diagonal GLS covariance (0 when none was needed; NaN when the fit failed)
   * @param nonGaussianExcessFrames β/α of Var(|Δr(m)|²) = α·m² + β·m, frames: 0 for Brownian motion, large for rare hops
   * @param windowChoice how the fit window was set: "given", or the default start and why
   * @param straightLine whether the MSD over the window is a straight line within its errors (χ² of the GLS residuals below
   *     its 95 % quantile, GLS quoted and within 1.645 standard errors of least squares); true for a window too short to test
   * @param straightness those two tests in words, with their numbers
   */
  public record Sampling(double independentDisplacements, double hopEquivalents, int glsLags, double glsRidge,
      double nonGaussianExcessFrames, String windowChoice, boolean straightLine, String straightness) {}

  /** Kinds of doubt about an MSD result. */
  public enum Doubt implements Warning.Kind {
    /** no other atoms to remove the drift of the cell against */
    NO_DRIFT_REFERENCE,
    /** the region's volume assumes in-plane vectors perpendicular to its axis */
    APPROXIMATE_REGION_VOLUME,
    /** the frames stop being evenly spaced; only those before the gap are used */
    GAP,
    /** atoms moved more than 0.4 of the cell between stored frames */
    LARGE_STEPS,
    /** too few lags for the correlation-aware error: the plain OLS error is given */
    PLAIN_ERROR,
    /** no temperature: σ not computed */
    NO_TEMPERATURE,
    /** the Haven ratio uses every atom of the species, not only those in the region */
    HAVEN_IGNORES_REGION,
    /** the fit window does not look diffusive ({@link DiffusionFitWindow}) */
    FIT_WINDOW,
    /** the GLS fit failed (slope not positive, covariance not factorisable): D is the OLS one */
    GLS_FAILED,
    /** GLS and OLS disagree beyond their errors (the MSD is not diffusive in the window): D is the OLS one */
    GLS_REJECTED,
    /** the cell holds vacuum: the whole-cell number density, and with it σ, includes it */
    VACUUM
  }

  /** The MSD per lag over the chosen axes, Å² (a copy). */
  @Override
  public double[] msdA2() {
    return msdA2.clone();
  }

  /** Lag times, ps (a copy). */
  @Override
  public double[] lagPs() {
    return lagPs.clone();
  }

  /** The MSD per Cartesian axis, [x, y, z][lag], Å² (a copy). */
  @Override
  public double[][] msdComponentsA2() {
    return new double[][] {msdComponentsA2[0].clone(), msdComponentsA2[1].clone(), msdComponentsA2[2].clone()};
  }

  /** Lags of the MSD's standard error, ps (a copy). */
  @Override
  public double[] msdStdErrLagPs() {
    return msdStdErrLagPs.clone();
  }

  /** The MSD's standard error at {@link #msdStdErrLagPs()}, Å² (a copy). */
  @Override
  public double[] msdStdErrA2() {
    return msdStdErrA2.clone();
  }

  /**
   * The MSD's standard error at every lag of {@link #lagPs()}, Å²: linear between the lags where it was
   * estimated, 0 at lag 0, the last estimate held beyond the last.
   */
  public double[] msdStdErrAtEveryLagA2() {
    double[] out = new double[lagPs.length];
    int k = 0;
    for (int m = 1; m < lagPs.length; m++) {
      while (k < msdStdErrLagPs.length - 1 && msdStdErrLagPs[k + 1] <= lagPs[m]) {
        k++;
      }
      if (msdStdErrLagPs.length == 0) {
        out[m] = Double.NaN;
      } else if (lagPs[m] <= msdStdErrLagPs[0]) {
        out[m] = msdStdErrA2[0] * lagPs[m] / msdStdErrLagPs[0];
      } else if (k == msdStdErrLagPs.length - 1) {
        out[m] = msdStdErrA2[k];
      } else {
        double f = (lagPs[m] - msdStdErrLagPs[k]) / (msdStdErrLagPs[k + 1] - msdStdErrLagPs[k]);
        out[m] = msdStdErrA2[k] + f * (msdStdErrA2[k + 1] - msdStdErrA2[k]);
      }
    }
    return out;
  }

  /** Lags of the non-Gaussian parameter, ps (a copy). */
  @Override
  public double[] ngpLagPs() {
    return ngpLagPs.clone();
  }

  /** Non-Gaussian parameter α2 at {@link #ngpLagPs()} (a copy). */
  @Override
  public double[] ngp() {
    return ngp.clone();
  }

  /** The warnings' texts, in order. */
  public List<String> warningTexts() {
    return warnings.stream().map(Warning::text).toList();
  }
}
