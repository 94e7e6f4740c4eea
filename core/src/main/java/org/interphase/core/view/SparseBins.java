package org.interphase.core.view;

import java.util.Locale;

/**
 * The y axis of a chart of shell-normalised pair histograms (g(r), the distinct van Hove part G<sub>d</sub>(r, t)), chosen
 * from the bins that hold enough pairs to mean something. Such a value is counted pairs / (pairs an ideal gas would put in
 * the shell), and near r = 0 the shell's volume 4/3 π (r<sub>hi</sub>³ − r<sub>lo</sub>³) is tiny: a bin where an ideal gas
 * puts one pair turns a single count into a value of 1, two into 2, and such a spike would set the axis and squash the
 * structure. A bin sets the range when an ideal gas puts at least {@value #MIN_IDEAL_PAIRS} pairs in it (a Poisson spread
 * below 14 % of the value at the ideal-gas level) or when it holds at least {@value #MIN_COUNTED_PAIRS} counted pairs (value ×
 * ideal pairs: a real peak near r = 0, such as the distinct van Hove part where another ion has taken a site, with a spread
 * below 23 %); a value of the other bins beyond the range is clipped at the plot's edge and the chart's note says so. The data
 * files keep every value.
 */
public final class SparseBins {
  private SparseBins() {}

  /** Bins with fewer expected ideal-gas pairs than this do not set the y range. */
  public static final double MIN_IDEAL_PAIRS = 50;

  /** Bins holding at least this many counted pairs set the y range whatever their ideal-gas count. */
  public static final double MIN_COUNTED_PAIRS = 20;

  /** The share of the y range's span that a chart adds above and below it (the margin {@code Charts} draws). */
  public static final double MARGIN = 0.05;

  /**
   * The pairs an ideal gas puts in the shell [rLo, rHi): {@code pairsPerVolume} · 4/3 π (rHi³ − rLo³).
   *
   * @param pairsPerVolumeA3 (centres summed over the frames or origins) × (neighbours per centre) / volume, 1/Å³
   */
  public static double idealPairs(double pairsPerVolumeA3, double rLoA, double rHiA) {
    return pairsPerVolumeA3 * 4.0 / 3.0 * Math.PI * (rHiA * rHiA * rHiA - rLoA * rLoA * rLoA);
  }

  /**
   * {@code spec} with its y range taken from the meaningful bins: the first {@code idealPairs.length} series are histograms
   * whose point k is a bin holding {@code idealPairs[s][k]} expected pairs; points of bins with fewer than
   * {@link #MIN_IDEAL_PAIRS} and fewer than {@link #MIN_COUNTED_PAIRS} counted do not set the range (the other series, e.g.
   * the ideal-gas level, set it in full). When a value of such a bin lies beyond the range and its margin, the chart gets that
   * range and a note naming the r below which values are off scale; otherwise {@code spec} is returned unchanged.
   *
   * @param idealPairs per histogram series, one expected count per point
   */
  public static ChartSpec focus(ChartSpec spec, double[][] idealPairs) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < spec.series().size(); s++) {
      ChartSpec.Series sr = spec.series().get(s);
      for (int k = 0; k < sr.y().length; k++) {
        double v = sr.y()[k];
        if (Double.isFinite(v) && (s >= idealPairs.length || idealPairs[s][k] >= MIN_IDEAL_PAIRS
            || v * idealPairs[s][k] >= MIN_COUNTED_PAIRS)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (spec.yFromZero()) {
      lo = Math.min(lo, 0);
    }
    if (!(lo < hi)) {
      return spec;
    }
    double pad = MARGIN * (hi - lo);
    double offUpTo = Double.NaN;
    for (int s = 0; s < idealPairs.length; s++) {
      ChartSpec.Series sr = spec.series().get(s);
      for (int k = 0; k < sr.y().length; k++) {
        double v = sr.y()[k];
        if (Double.isFinite(v) && (v > hi + pad || v < lo - pad) && !(sr.x()[k] <= offUpTo)) {
          offUpTo = sr.x()[k];
        }
      }
    }
    if (Double.isNaN(offUpTo)) {
      return spec;
    }
    String note = String.format(Locale.ROOT, "r ≤ %s Å off scale: bins of fewer than %.0f pairs",
        new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", offUpTo)).stripTrailingZeros().toPlainString(), MIN_COUNTED_PAIRS);
    return spec.withYRange(new double[] {lo, hi}, note);
  }
}
