package org.interphase.analysis.vanhove;

import java.util.List;
import org.interphase.core.Warning;

/**
 * What {@link VanHove} found. Per-lag arrays are indexed by lag (in the order asked, lags that round to
 * the same frame once); {@code gSelf} and {@code gDistinct} are [lag][bin], bin k covering [k·bin,
 * (k+1)·bin) Å. The accessors return copies.
 *
 * @param parameters what was asked
 * @param atoms atoms of the species
 * @param frames evenly spaced frames used
 * @param timestepFs time between frames, fs
 * @param rMaxA the range of the histograms, Å (given, or the default)
 * @param distinctRMaxA the range of the distinct part, Å: {@code rMaxA}, or with the default range no more than half the first cell's
 *     smallest perpendicular width (in whole bins); G<sub>d</sub> is NaN beyond
 * @param binA the bin width used, Å
 * @param lagsRequestedPs each lag as asked (or as a fraction of the run, rounded to two digits), ps
 * @param lagFrames each lag in frames (the requested time rounded to the nearest frame)
 * @param lagsPs each lag used, {@code lagFrames · timestepFs}, ps
 * @param origins time origins averaged over per lag: frames − lagFrames
 * @param distinctCentres per lag the (atom, origin) pairs the distinct part was summed over: its origins (at most
 *     {@code parameters.maxDistinctOrigins()}) × atoms, or those in the region; an ideal gas puts distinctCentres · (atoms − 1) ·
 *     V<sub>shell</sub> / V pairs in a bin
 * @param rA bin centres, Å
 * @param gSelf 4πr²G<sub>s</sub>(r, t), 1/Å: the probability density of an atom's displacement |Δr| over the lag (∫ dr = 1
 *     with the displacements beyond r<sub>max</sub>, which {@code selfBeyondRMax} counts)
 * @param gDistinct G<sub>d</sub>(r, t), dimensionless, → 1 at large r in a homogeneous system; NaN beyond {@code distinctRMaxA}
 *     and for a single atom
 * @param meanDisplacementA mean |Δr| over atoms and origins per lag, Å (also the displacements beyond r<sub>max</sub>)
 * @param displacedFraction per lag the share of (atom, origin) displacements longer than {@code parameters.displacedA()}
 * @param selfBeyondRMax per lag the share of displacements at or beyond r<sub>max</sub>, not in the histogram
 * @param smallestHalfWidthA half the smallest perpendicular width of the cell over all frames, Å: below it the distinct part
 *     sees one image of each atom at most
 * @param meanVolumeA3 cell volume averaged over the frames, Å³
 * @param driftReference the atoms whose mean displacement was removed each frame, in words
 * @param warnings what the user should know about the result
 */
public record VanHoveResult(VanHoveParameters parameters, int atoms, int frames, double timestepFs, double rMaxA, double distinctRMaxA,
    double binA,
    double[] lagsRequestedPs, int[] lagFrames, double[] lagsPs, int[] origins, long[] distinctCentres, double[] rA, double[][] gSelf,
    double[][] gDistinct,
    double[] meanDisplacementA, double[] displacedFraction, double[] selfBeyondRMax, double smallestHalfWidthA, double meanVolumeA3,
    String driftReference, List<Warning> warnings) {

  public VanHoveResult {
    int lags = lagFrames.length;
    if (lagsRequestedPs.length != lags || lagsPs.length != lags || origins.length != lags || distinctCentres.length != lags || gSelf.length != lags
        || gDistinct.length != lags || meanDisplacementA.length != lags || displacedFraction.length != lags
        || selfBeyondRMax.length != lags) {
      throw new IllegalArgumentException("the per-lag arrays of a van Hove result differ in length");
    }
    lagsRequestedPs = lagsRequestedPs.clone();
    lagFrames = lagFrames.clone();
    lagsPs = lagsPs.clone();
    origins = origins.clone();
    distinctCentres = distinctCentres.clone();
    rA = rA.clone();
    gSelf = copy(gSelf, rA.length);
    gDistinct = copy(gDistinct, rA.length);
    meanDisplacementA = meanDisplacementA.clone();
    displacedFraction = displacedFraction.clone();
    selfBeyondRMax = selfBeyondRMax.clone();
    warnings = List.copyOf(warnings);
  }

  /** Kinds of doubt about a van Hove correlation. */
  public enum Doubt implements Warning.Kind {
    /** the distinct part's range exceeds half the cell: it counts several images of an atom */
    BEYOND_HALF_CELL,
    /** some displacements are longer than r<sub>max</sub>: the self part's histogram integrates to less than 1 */
    SELF_BEYOND_R_MAX,
    /** two lags round to the same frame, or a lag to no frame at all */
    LAGS_ROUNDED,
    /** one atom of the species: no distinct part */
    SINGLE_ATOM,
    /** no other atoms to remove the drift of the cell against */
    NO_DRIFT_REFERENCE,
    /** the frames stop being evenly spaced; only those before the gap are used */
    GAP,
    /** atoms moved more than 0.4 of the cell between stored frames */
    LARGE_STEPS,
    /** the cell holds vacuum: the distinct part's ideal-gas normalisation includes it, so it does not tend to 1 */
    VACUUM
  }

  private static double[][] copy(double[][] a, int bins) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != bins) {
        throw new IllegalArgumentException("lag " + i + " has " + a[i].length + " bins, r has " + bins);
      }
      c[i] = a[i].clone();
    }
    return c;
  }

  /** Number of lags. */
  public int lags() {
    return lagFrames.length;
  }

  /** The species, e.g. {@code Li}. */
  public String species() {
    return parameters.species();
  }

  @Override
  public double[] lagsRequestedPs() {
    return lagsRequestedPs.clone();
  }

  @Override
  public int[] lagFrames() {
    return lagFrames.clone();
  }

  @Override
  public double[] lagsPs() {
    return lagsPs.clone();
  }

  @Override
  public int[] origins() {
    return origins.clone();
  }

  @Override
  public long[] distinctCentres() {
    return distinctCentres.clone();
  }

  /**
   * The pairs an ideal gas of the species' density would put in each bin of the distinct part at lag {@code i}:
   * distinctCentres · (atoms − 1) · 4/3 π (r<sub>hi</sub>³ − r<sub>lo</sub>³) / V, the mean volume (the denominator of
   * G<sub>d</sub>); where it is small, G<sub>d</sub> is the ratio of a few counts and mostly noise.
   */
  public double[] idealPairs(int i) {
    double[] e = new double[rA.length];
    for (int k = 0; k < e.length; k++) {
      e[k] = org.interphase.core.view.SparseBins.idealPairs((double) distinctCentres[i] * (atoms - 1) / meanVolumeA3, k * binA,
          (k + 1) * binA);
    }
    return e;
  }

  @Override
  public double[] rA() {
    return rA.clone();
  }

  /** 4πr²G<sub>s</sub>(r, t), [lag][bin], 1/Å (a copy). */
  @Override
  public double[][] gSelf() {
    return copy(gSelf, rA.length);
  }

  /** G<sub>d</sub>(r, t), [lag][bin] (a copy). */
  @Override
  public double[][] gDistinct() {
    return copy(gDistinct, rA.length);
  }

  /** 4πr²G<sub>s</sub>(r, t) at lag {@code i}, per bin, 1/Å (a copy). */
  public double[] gSelf(int i) {
    return gSelf[i].clone();
  }

  /** G<sub>d</sub>(r, t) at lag {@code i}, per bin (a copy). */
  public double[] gDistinct(int i) {
    return gDistinct[i].clone();
  }

  @Override
  public double[] meanDisplacementA() {
    return meanDisplacementA.clone();
  }

  @Override
  public double[] displacedFraction() {
    return displacedFraction.clone();
  }

  @Override
  public double[] selfBeyondRMax() {
    return selfBeyondRMax.clone();
  }

  /** The warnings' texts, in order. */
  public List<String> warningTexts() {
    return warnings.stream().map(Warning::text).toList();
  }
}
