package org.interphase.core.view;

import java.util.List;

/**
 * What to draw: an XY chart with any number of series, an optional shaded x interval (a fit
 * window), optional error bars or error bands. Axis labels carry their units, e.g. {@code "lag (ps)"}.
 * The series are drawn in order, each over those before it; a line that runs along a later one over a
 * stretch is drawn wider, so that both show.
 *
 * @param shadeFrom start of the shaded x interval, NaN for none
 * @param shadeTo end of the shaded x interval
 * @param shadeLabel the label drawn inside the plot at the top of the shaded interval, or null
 * @param yFromZero whether the y axis starts at 0 (a quantity that cannot be negative, such as an MSD)
 * @param xIncludes x values the x axis must show (e.g. 1000/300 K when a fit is extrapolated there); may be empty
 * @param yRange the y axis's range {@code {lo, hi}} when the data's own would mislead (a noisy bin of few counts far above
 *     the rest; see {@link SparseBins}), drawn with a small margin; empty for a range that fits every value. Values outside are
 *     clipped at the plot's edge, so {@code note} should say which
 * @param note a line under the title saying what the chart leaves out (values off scale), or null
 */
public record ChartSpec(String title, String xLabel, String yLabel, List<Series> series, double shadeFrom, double shadeTo,
    String shadeLabel, boolean yFromZero, double[] xIncludes, double[] yRange, String note) implements Chart {

  public ChartSpec {
    series = List.copyOf(series);
    xIncludes = xIncludes.clone();
    yRange = yRange.clone();
    if (yRange.length != 0 && (yRange.length != 2 || !(yRange[0] < yRange[1]))) {
      throw new IllegalArgumentException("chart " + title + ": the y range must be empty or {lo, hi} with lo < hi");
    }
  }

  /** A chart whose y axis fits every value, with no note. */
  public ChartSpec(String title, String xLabel, String yLabel, List<Series> series, double shadeFrom, double shadeTo,
      String shadeLabel, boolean yFromZero, double[] xIncludes) {
    this(title, xLabel, yLabel, series, shadeFrom, shadeTo, shadeLabel, yFromZero, xIncludes, new double[0], null);
  }

  /** A chart whose axes fit the data. */
  public ChartSpec(String title, String xLabel, String yLabel, List<Series> series, double shadeFrom, double shadeTo, String shadeLabel) {
    this(title, xLabel, yLabel, series, shadeFrom, shadeTo, shadeLabel, false, new double[0]);
  }

  @Override
  public double[] xIncludes() {
    return xIncludes.clone();
  }

  @Override
  public double[] yRange() {
    return yRange.clone();
  }

  /** This chart with its y axis limited to {@code range} ({@code {lo, hi}}, or empty: every value) and {@code note} under the title. */
  public ChartSpec withYRange(double[] range, String note) {
    return new ChartSpec(title, xLabel, yLabel, series, shadeFrom, shadeTo, shadeLabel, yFromZero, xIncludes, range, note);
  }

  /** How a series is drawn. */
  public enum Style {
    LINE,
    POINTS,
    LINE_AND_POINTS,
    DASHED,
    BARS,
    /**
     * A thin pale line: one of many that together give the context (every unit's angle) behind the few drawn in colour; a
     * chart lists such lines under one legend entry.
     */
    FAINT,
    /** A line with a shaded band of ± {@code yErr} around it (a ±1σ band), no error bars. */
    BAND,
    /** A dashed line with a shaded band between {@code y − yErr} and {@code y + yErr} (a confidence band). */
    DASHED_BAND
  }

  /**
   * One series. {@code yErr} (one standard error per point, or the half-width of a band) may be null.
   */
  public record Series(String name, double[] x, double[] y, double[] yErr, Style style, int color, boolean inLegend) {
    public Series {
      if (x.length != y.length || (yErr != null && yErr.length != y.length)) {
        throw new IllegalArgumentException("series " + name + ": x, y and errors differ in length");
      }
    }

    /** A series coloured by its position in the chart. */
    public Series(String name, double[] x, double[] y, double[] yErr, Style style) {
      this(name, x, y, yErr, style, -1, true);
    }
  }

  /**
   * The indices of a line's points that its drawing needs: every point except those inside a flat
   * run (same y as both neighbours, x between theirs), which lie on the segment through their
   * neighbours. A count over 100 000 frames that changes a few times keeps a few points; the line
   * drawn through them is the same.
   *
   * @param x the x values, length n
   * @param y the y value of point i
   */
  public static int[] corners(double[] x, java.util.function.IntToDoubleFunction y) {
    int n = x.length;
    int[] keep = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = y.applyAsDouble(i);
      boolean inner = i > 0 && i < n - 1 && v == y.applyAsDouble(i - 1) && v == y.applyAsDouble(i + 1) && x[i - 1] <= x[i]
          && x[i] <= x[i + 1];
      if (!inner) {
        keep[m++] = i;
      }
    }
    return java.util.Arrays.copyOf(keep, m);
  }
}
