package org.interphase.analysis.msd;

/** How D is estimated from the MSD over the fit window ({@link MeanSquaredDisplacement}). */
public enum DiffusionEstimator {
  /**
   * Ordinary least squares through every lag of the window, with the standard error wᵀΣw of that slope
   * under the MSD covariance (what most tools report, with an honest error).
   */
  OLS,
  /**
   * Generalised least squares with a modelled MSD covariance ({@link GlsDiffusionFit}): the same
   * expectation, a smaller spread, an interval from the same model.
   */
  GLS;

  /** The name as the command line and JSON write it: {@code ols}, {@code gls}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
