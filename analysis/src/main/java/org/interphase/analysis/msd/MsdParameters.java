package org.interphase.analysis.msd;

import java.util.List;

/**
 * What to compute. Validated on construction.
 *
 * @param species the mobile element, e.g. {@code Li}
 * @param axes the Cartesian components summed in the MSD: {@code xyz}, {@code xy}, {@code z}, …;
 *     D = slope / (2 · number of axes)
 * @param timestepFs time between stored frames (fs); NaN to take it from the trajectory
 * @param fitStartPs start of the fit window (ps, inclusive); NaN for the default: the earliest of 2, 5 and 10 % of the
 *     run from which the MSD is a straight line (see {@link MeanSquaredDisplacement}), else 10 %
 * @param fitEndPs end of the fit window (ps, inclusive); NaN for the default, 50 % of the run
 * @param driftReference elements whose mean displacement is subtracted each frame; {@code null}
 *     for the default (every element but the mobile one), empty for no drift correction
 * @param region a slab for a region-resolved MSD, or null
 * @param charge ion charge in e for Nernst–Einstein (Li: +1)
 * @param temperatureK temperature for Nernst–Einstein; NaN to use the mean of the trajectory's
 *     instantaneous temperatures when it has them
 * @param haven whether to compute the Haven ratio from the mean squared charge displacement
 * @param maxGlsPoints at most this many lags enter the error model of the OLS slope (evenly
 *     spread over the window; the covariance matrix is this size squared); the GLS fit uses at most
 *     {@link GlsDiffusionFit#MAX_LAGS} of them
 * @param estimator how D is estimated; {@code null} for the default, {@link DiffusionEstimator#GLS}
 */
public record MsdParameters(String species, String axes, double timestepFs, double fitStartPs, double fitEndPs,
    List<String> driftReference, Region region, double charge, double temperatureK, boolean haven, int maxGlsPoints,
    DiffusionEstimator estimator) {

  public MsdParameters {
    if (species == null || species.isBlank()) {
      throw new IllegalArgumentException("a mobile species is required, e.g. Li");
    }
    species = org.interphase.core.Elements.spelled(species);
    if (axes == null || axes.isEmpty() || !axes.matches("x?y?z?")) {
      throw new IllegalArgumentException("axes must be a subset of xyz in order (x, y, z, xy, xz, yz, xyz), got \"" + axes + "\"");
    }
    if (!Double.isNaN(timestepFs) && !(timestepFs > 0)) {
      throw new IllegalArgumentException("time step must be > 0 fs, got " + timestepFs);
    }
    if (!Double.isNaN(fitStartPs) && fitStartPs < 0) {
      throw new IllegalArgumentException("fit start must be >= 0 ps, got " + fitStartPs);
    }
    if (!Double.isNaN(fitStartPs) && !Double.isNaN(fitEndPs) && !(fitEndPs > fitStartPs)) {
      throw new IllegalArgumentException("fit end (" + fitEndPs + " ps) must be after fit start (" + fitStartPs + " ps)");
    }
    if (!Double.isNaN(temperatureK) && !(temperatureK > 0)) {
      throw new IllegalArgumentException("temperature must be > 0 K, got " + temperatureK);
    }
    if (maxGlsPoints < 3) {
      throw new IllegalArgumentException("the error model needs at least 3 sampled lags, got " + maxGlsPoints);
    }
    driftReference = driftReference == null ? null : List.copyOf(driftReference);
    estimator = estimator == null ? DiffusionEstimator.GLS : estimator;
  }

  /** Defaults for a species: xyz, times from the file, default window and drift, charge +1. */
  public static MsdParameters of(String species) {
    return new MsdParameters(species, "xyz", Double.NaN, Double.NaN, Double.NaN, null, null, 1.0, Double.NaN, false, 200, DiffusionEstimator.GLS);
  }

  public MsdParameters withTimestepFs(double dt) {
    return new MsdParameters(species, axes, dt, fitStartPs, fitEndPs, driftReference, region, charge, temperatureK, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withWindowPs(double start, double end) {
    return new MsdParameters(species, axes, timestepFs, start, end, driftReference, region, charge, temperatureK, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withDriftReference(List<String> ref) {
    return new MsdParameters(species, axes, timestepFs, fitStartPs, fitEndPs, ref, region, charge, temperatureK, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withAxes(String a) {
    return new MsdParameters(species, a, timestepFs, fitStartPs, fitEndPs, driftReference, region, charge, temperatureK, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withRegion(Region r) {
    return new MsdParameters(species, axes, timestepFs, fitStartPs, fitEndPs, driftReference, r, charge, temperatureK, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withTemperatureK(double t) {
    return new MsdParameters(species, axes, timestepFs, fitStartPs, fitEndPs, driftReference, region, charge, t, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withHaven(boolean h) {
    return new MsdParameters(species, axes, timestepFs, fitStartPs, fitEndPs, driftReference, region, charge, temperatureK, h, maxGlsPoints,
        estimator);
  }

  public MsdParameters withCharge(double q) {
    return new MsdParameters(species, axes, timestepFs, fitStartPs, fitEndPs, driftReference, region, q, temperatureK, haven, maxGlsPoints,
        estimator);
  }

  public MsdParameters withEstimator(DiffusionEstimator e) {
    return new MsdParameters(species, axes, timestepFs, fitStartPs, fitEndPs, driftReference, region, charge, temperatureK, haven, maxGlsPoints,
        e);
  }

  /** Indices of the summed axes: "xz" → {0, 2}. */
  int[] axisIndices() {
    return axes.chars().map(c -> c - 'x').toArray();
  }
}
