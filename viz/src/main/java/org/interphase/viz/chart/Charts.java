package org.interphase.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.interphase.core.view.BarChart;
import org.interphase.core.view.Chart;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Figure;
import org.interphase.core.view.SparseBins;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Renders a {@link ChartSpec} to PNG and SVG files. Headless; no window is opened. */
public final class Charts {
  /**
   * Colours of the series, in order: the Okabe–Ito colour-blind safe palette (0–6), then Paul Tol's
   * muted colours (7–13) for charts with more series, so that up to 14 series never share a colour.
   */
  private static final Color[] PALETTE = {
    new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
    new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0),
    new Color(136, 34, 85), new Color(68, 170, 153), new Color(153, 153, 51), new Color(51, 34, 136),
    new Color(170, 68, 153), new Color(221, 204, 119), new Color(119, 119, 119)
  };

  /** Number of distinct series colours. */
  public static final int COLOURS = PALETTE.length;

  private Charts() {}

  /** Whether every y value of every series is a whole number and none has an error bar. */
  static boolean countsOnly(ChartSpec spec) {
    boolean any = false;
    for (ChartSpec.Series sr : spec.series()) {
      if (sr.yErr() != null) {
        return false;
      }
      for (double v : sr.y()) {
        if (Double.isFinite(v)) {
          if (v != Math.rint(v)) {
            return false;
          }
          any = true;
        }
      }
    }
    return any;
  }

  /** Lines longer than this many buckets of points are drawn through each bucket's first, lowest, highest and last point. */
  static final int MAX_BUCKETS = 2000;

  /**
   * The indices of a line's points worth drawing: all of them for up to 4 × {@code buckets} points;
   * beyond, per bucket of consecutive points its first, lowest, highest and last (the M4 reduction
   * of Jugel et al., VLDB 2014), which draws the same picture at any width up to {@code buckets}
   * pixels and keeps a chart of 100 000 frames small and quick.
   */
  static int[] drawn(double[] y, int buckets) {
    int n = y.length;
    if (n <= 4 * buckets) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] keep = new int[4 * buckets];
    int kept = 0;
    int[] four = new int[4];
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) n * b / buckets);
      int to = (int) ((long) n * (b + 1) / buckets);
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (y[i] < y[lo] || Double.isNaN(y[lo])) {
          lo = i;
        }
        if (y[i] > y[hi] || Double.isNaN(y[hi])) {
          hi = i;
        }
      }
      four[0] = from;
      four[1] = Math.min(lo, hi);
      four[2] = Math.max(lo, hi);
      four[3] = to - 1;
      for (int i : four) {
        // buckets follow each other, so the kept indices grow: a repeat can only be the previous one
        if (kept == 0 || i > keep[kept - 1]) {
          keep[kept++] = i;
        }
      }
    }
    return Arrays.copyOf(keep, kept);
  }

  /**
   * The indices of {@code kept} (increasing) without the inner points of flat runs: a point whose
   * neighbours in {@code kept} have the same y and lie on either side of it in x is on the line
   * between them, so the drawn line is the same without it (a count that changes a few times in
   * 100 000 frames becomes a few points).
   */
  static int[] withoutFlatInteriors(double[] x, double[] y, int[] kept) {
    int[] out = new int[kept.length];
    int m = 0;
    for (int k = 0; k < kept.length; k++) {
      boolean inner = k > 0 && k < kept.length - 1 && y[kept[k - 1]] == y[kept[k]] && y[kept[k]] == y[kept[k + 1]]
          && x[kept[k - 1]] <= x[kept[k]] && x[kept[k]] <= x[kept[k + 1]];
      if (!inner) {
        out[m++] = kept[k];
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** Tick labels, legend and marker labels, px at the figure's design size (about 7 pt at one journal column, 8.5 cm). */
  static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  /** Axis labels. */
  static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  /** The title. */
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  /** Line width, px at the design size (1 pt at one journal column). */
  static final float LINE = 2f;

  /** Builds the chart object (for tests and custom output). */
  public static JFreeChart build(ChartSpec spec) {
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    XYErrorRenderer r = new XYErrorRenderer();
    int plain = 0;
    int banded = 0;
    float[] widths = lineWidths(spec);
    for (int i = 0; i < spec.series().size(); i++) {
      ChartSpec.Series s = spec.series().get(i);
      boolean band = isBand(s);
      YIntervalSeries ys = series(s, band);
      Color c = PALETTE[(s.color() >= 0 ? s.color() : i) % PALETTE.length];
      if (s.style() == ChartSpec.Style.FAINT) {
        c = faint(c);
      }
      BasicStroke stroke = s.style() == ChartSpec.Style.DASHED || s.style() == ChartSpec.Style.DASHED_BAND
          ? new BasicStroke(widths[i], BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(widths[i]);
      if (band) {
        bands.addSeries(ys);
        bandRenderer.setSeriesPaint(banded, c);
        bandRenderer.setSeriesFillPaint(banded, new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
        bandRenderer.setSeriesStroke(banded, stroke);
        bandRenderer.setSeriesVisibleInLegend(banded, s.inLegend());
        banded++;
        continue;
      }
      data.addSeries(ys);
      r.setSeriesVisibleInLegend(plain, s.inLegend());
      r.setSeriesPaint(plain, c);
      boolean lines = s.style() != ChartSpec.Style.POINTS && s.style() != ChartSpec.Style.BARS;
      boolean shapes = s.style() == ChartSpec.Style.POINTS || s.style() == ChartSpec.Style.LINE_AND_POINTS
          || s.style() == ChartSpec.Style.BARS;
      r.setSeriesLinesVisible(plain, lines);
      r.setSeriesShapesVisible(plain, shapes);
      r.setSeriesStroke(plain, stroke);
      plain++;
    }
    bandRenderer.setAlpha(1f);
    // one path per series, so a dash pattern runs along the whole line instead of restarting at every frame
    r.setDrawSeriesLineAsPath(true);
    r.setDrawXError(false);
    r.setCapLength(4);
    r.setErrorPaint(Color.DARK_GRAY);
    r.setDrawYError(spec.series().stream().anyMatch(s -> s.yErr() != null && !isBand(s)));
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(axis(spec.xLabel()));
    plot.setRangeAxis(yAxis(spec));
    // the bands (index 0) drawn first, the other series over them; the legend lists them in the same order
    plot.setDataset(0, bands);
    plot.setRenderer(0, bandRenderer);
    plot.setDataset(1, data);
    plot.setRenderer(1, r);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    // the series in the spec's order, each over the ones before it (JFreeChart's default draws the first on top)
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    includeX(plot, spec);
    shade(plot, spec);
    JFreeChart chart = new JFreeChart(spec.title(), TITLE, plot, spec.series().size() > 1 || shadeItem(spec) != null);
    chart.setBackgroundPaint(Color.WHITE);
    if (spec.note() != null) {
      TextTitle note = new TextTitle(spec.note(), TICKS);
      note.setPaint(new Color(80, 80, 80));
      chart.addSubtitle(0, note);
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setSources(new LegendItemSource[] {() -> legendItems(plot, spec)});
      chart.getLegend().setItemFont(TICKS);
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    return chart;
  }

  /**
   * The legend: the series' entries with those of faint context lines (drawn first, under the others) moved after the rest,
   * then the shaded interval's label (inside the plot it could sit on a peak or its marker).
   */
  private static LegendItemCollection legendItems(XYPlot plot, ChartSpec spec) {
    java.util.Set<String> faint = new java.util.HashSet<>();
    for (ChartSpec.Series s : spec.series()) {
      if (s.style() == ChartSpec.Style.FAINT) {
        faint.add(s.name());
      }
    }
    LegendItemCollection all = plot.getLegendItems();
    LegendItemCollection out = new LegendItemCollection();
    LegendItemCollection last = new LegendItemCollection();
    for (int i = 0; i < all.getItemCount(); i++) {
      LegendItem item = all.get(i);
      (faint.contains(String.valueOf(item.getSeriesKey())) ? last : out).add(item);
    }
    out.addAll(last);
    LegendItem shaded = shadeItem(spec);
    if (shaded != null) {
      out.add(shaded);
    }
    return out;
  }

  /** The colour of the shaded x interval, drawn over the white plot. */
  private static final Color SHADE = new Color(255, 200, 0, 60);

  /** The legend entry of the shaded interval (a swatch of its colour), or null when it has no label. */
  static LegendItem shadeItem(ChartSpec spec) {
    if (Double.isNaN(spec.shadeFrom()) || spec.shadeLabel() == null) {
      return null;
    }
    double a = SHADE.getAlpha() / 255.0;
    Color onWhite = new Color((int) Math.round(255 * (1 - a) + SHADE.getRed() * a), (int) Math.round(255 * (1 - a) + SHADE.getGreen() * a),
        (int) Math.round(255 * (1 - a) + SHADE.getBlue() * a));
    LegendItem item = new LegendItem(spec.shadeLabel(), null, null, null, new java.awt.geom.Rectangle2D.Double(-8, -6, 16, 12), onWhite,
        new BasicStroke(1f), new Color(210, 170, 40));
    item.setLabelFont(TICKS);
    return item;
  }

  /** A context line's colour: the palette colour carried 55 % of the way to white. */
  private static Color faint(Color c) {
    return new Color(c.getRed() + (int) (0.55 * (255 - c.getRed())), c.getGreen() + (int) (0.55 * (255 - c.getGreen())),
        c.getBlue() + (int) (0.55 * (255 - c.getBlue())));
  }

  /** How much wider a line is drawn than each line drawn over it along a common stretch. */
  static final float COINCIDENT_STEP = 3f;

  /** The widest a line is drawn under coinciding ones. */
  static final float COINCIDENT_MAX = LINE + 3 * COINCIDENT_STEP;

  /** A line of a chart that is not of counts is widened when it runs along a later one over at least this share of its x span. */
  static final double COINCIDENT_SHARE = 0.5;

  /**
   * A line of a chart of counts is widened when it runs along a later one, both above 0, over more than this share of its x
   * span: two motifs equal for half the run or more; shorter equalities and the common baseline at 0 leave lines thin.
   */
  static final double COINCIDENT_COUNTS_SHARE = 0.5;

  /**
   * The stroke width of each series: {@link #LINE}, a {@link ChartSpec.Style#FAINT} line half that; a line that runs along a
   * line drawn after it (the same y over a stretch of x) is drawn {@link #COINCIDENT_STEP} wider than the widest such later
   * line, up to {@link #COINCIDENT_MAX}, so that its colour shows on both sides of the one on top instead of hiding under it.
   * In a chart of counts a common stretch above 0 over more than {@link #COINCIDENT_COUNTS_SHARE} of the line's span counts (two
   * motifs that stay equal; not the baseline every absent motif shares); in other charts one over {@link #COINCIDENT_SHARE} of
   * the line's span (curves that meet in a tail at 0 stay thin). No point moves.
   */
  static float[] lineWidths(ChartSpec spec) {
    List<ChartSpec.Series> all = spec.series();
    boolean counts = countsOnly(spec);
    double least = counts ? COINCIDENT_COUNTS_SHARE : COINCIDENT_SHARE;
    float[] w = new float[all.size()];
    for (int i = all.size() - 1; i >= 0; i--) {
      ChartSpec.Series a = all.get(i);
      w[i] = a.style() == ChartSpec.Style.FAINT ? LINE / 2 : LINE;
      if (!isLine(a) || a.style() == ChartSpec.Style.FAINT) {
        continue;
      }
      for (int j = i + 1; j < all.size(); j++) {
        ChartSpec.Series b = all.get(j);
        if (isLine(b) && b.style() != ChartSpec.Style.FAINT && coincide(a, b, counts) > least) {
          w[i] = Math.max(w[i], Math.min(COINCIDENT_MAX, w[j] + COINCIDENT_STEP));
        }
      }
    }
    return w;
  }

  private static boolean isLine(ChartSpec.Series s) {
    return s.style() != ChartSpec.Style.POINTS && s.style() != ChartSpec.Style.BARS && (s.yErr() == null || isBand(s));
  }

  /**
   * The share of line {@code a}'s x span over which it runs together with line {@code b} (points joined in order, x
   * increasing; 0 when either is not such a line): both are straight between the union of their x values, so they coincide
   * between two neighbouring ones when they agree at both.
   */
  static double coincide(ChartSpec.Series a, ChartSpec.Series b) {
    return coincide(a, b, false);
  }

  /** As {@link #coincide(ChartSpec.Series, ChartSpec.Series)}; with {@code aboveZero}, stretches where both lie at 0 do not count. */
  static double coincide(ChartSpec.Series a, ChartSpec.Series b, boolean aboveZero) {
    double[] xa = a.x();
    double[] xb = b.x();
    if (xa.length < 2 || xb.length < 2 || !increasing(xa) || !increasing(xb)) {
      return 0;
    }
    if (Arrays.equals(xa, xb)) { // series over the same x (every motif over the frames): point by point, in one sweep
      double together = 0;
      for (int k = 0; k + 1 < xa.length; k++) {
        double y0 = a.y()[k];
        double y1 = a.y()[k + 1];
        if (same(y0, b.y()[k]) && same(y1, b.y()[k + 1]) && !(aboveZero && y0 == 0 && y1 == 0)) {
          together += xa[k + 1] - xa[k];
        }
      }
      return together / (xa[xa.length - 1] - xa[0]);
    }
    double from = Math.max(xa[0], xb[0]);
    double to = Math.min(xa[xa.length - 1], xb[xb.length - 1]);
    if (!(from < to)) {
      return 0;
    }
    // one sweep over the union of both x's in [from, to] (a chart may hold a hundred motifs of thousands of corners each)
    double[] ya = a.y();
    double[] yb = b.y();
    int i = segment(xa, from);
    int j = segment(xb, from);
    double x0 = from;
    double a0 = along(xa, ya, i, x0);
    double b0 = along(xb, yb, j, x0);
    double together = 0;
    while (x0 < to) {
      double nextA = i + 1 < xa.length ? xa[i + 1] : Double.POSITIVE_INFINITY;
      double nextB = j + 1 < xb.length ? xb[j + 1] : Double.POSITIVE_INFINITY;
      double x1 = Math.min(Math.min(nextA, nextB), to);
      double a1 = x1 == nextA ? ya[i + 1] : along(xa, ya, i, x1);
      double b1 = x1 == nextB ? yb[j + 1] : along(xb, yb, j, x1);
      if (same(a0, b0) && same(a1, b1) && !(aboveZero && a0 == 0 && a1 == 0)) {
        together += x1 - x0;
      }
      i += x1 == nextA ? 1 : 0;
      j += x1 == nextB ? 1 : 0;
      x0 = x1;
      a0 = a1;
      b0 = b1;
    }
    return together / (xa[xa.length - 1] - xa[0]);
  }

  /** The index k of the last point with {@code x[k] ≤ v} (0 when none). */
  private static int segment(double[] x, double v) {
    int k = Arrays.binarySearch(x, v);
    return Math.max(0, k >= 0 ? k : -k - 2);
  }

  /** The line through the points (x, y) at {@code v}, on its segment {@code k} ({@code x[k] ≤ v ≤ x[k + 1]}). */
  private static double along(double[] x, double[] y, int k, double v) {
    if (k + 1 >= x.length || v == x[k]) {
      return y[k];
    }
    return y[k] + (v - x[k]) / (x[k + 1] - x[k]) * (y[k + 1] - y[k]);
  }

  private static boolean increasing(double[] x) {
    for (int k = 1; k < x.length; k++) {
      if (!(x[k] > x[k - 1])) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(double p, double q) {
    return Double.isFinite(p) && Double.isFinite(q) && Math.abs(p - q) <= 1e-9 * Math.max(1, Math.max(Math.abs(p), Math.abs(q)));
  }

  private static boolean isBand(ChartSpec.Series s) {
    return s.yErr() != null && (s.style() == ChartSpec.Style.BAND || s.style() == ChartSpec.Style.DASHED_BAND);
  }

  /** A series' points to draw; lines of many points are reduced to what their drawing needs. */
  private static YIntervalSeries series(ChartSpec.Series s, boolean band) {
    YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
    boolean line = (s.yErr() == null || band) && s.style() != ChartSpec.Style.POINTS && s.style() != ChartSpec.Style.BARS;
    int[] shown = !line ? java.util.stream.IntStream.range(0, s.x().length).toArray()
        : band ? drawn(s.y(), MAX_BUCKETS) : withoutFlatInteriors(s.x(), s.y(), drawn(s.y(), MAX_BUCKETS));
    for (int i : shown) {
      if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
        continue;
      }
      double e = s.yErr() == null || !Double.isFinite(s.yErr()[i]) ? 0 : s.yErr()[i];
      ys.add(s.x()[i], s.y()[i], s.y()[i] - e, s.y()[i] + e);
    }
    return ys;
  }

  private static NumberAxis axis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(false);
    a.setLabelFont(LABELS);
    a.setTickLabelFont(TICKS);
    a.setNumberFormatOverride(new TypographicFormat());
    return a;
  }

  private static NumberAxis yAxis(ChartSpec spec) {
    NumberAxis y = axis(spec.yLabel());
    // a constant series (a motif count that never changes) would get a range of 1e-8 and ticks that all read "4E0"
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ChartSpec.Series sr : spec.series()) {
      for (double v : sr.y()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo <= hi && hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
      y.setAutoRangeMinimumSize(Math.max(1, 0.2 * Math.abs(hi)));
    }
    if (countsOnly(spec)) {
      // counts (units per frame, events): whole-number ticks only
      y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    if (spec.yFromZero()) {
      // a quantity that cannot be negative starts at 0, not below it
      y.setAutoRangeIncludesZero(true);
      y.setRangeType(org.jfree.data.RangeType.POSITIVE);
    }
    double[] range = spec.yRange();
    if (range.length == 2) {
      // the range the analysis chose (values of a few counts beyond it are clipped; the chart's note says so)
      double pad = SparseBins.MARGIN * (range[1] - range[0]);
      y.setRange(spec.yFromZero() && range[0] >= 0 ? Math.max(0, range[0] - pad) : range[0] - pad, range[1] + pad);
    }
    return y;
  }

  /** Widens the x axis to the values it must show, with a margin. */
  private static void includeX(XYPlot plot, ChartSpec spec) {
    double[] must = spec.xIncludes();
    if (must.length == 0) {
      return;
    }
    org.jfree.data.Range auto = plot.getDataRange(plot.getDomainAxis());
    double lo = auto == null ? Double.POSITIVE_INFINITY : auto.getLowerBound();
    double hi = auto == null ? Double.NEGATIVE_INFINITY : auto.getUpperBound();
    for (double v : must) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (lo < hi) {
      double pad = 0.04 * (hi - lo);
      plot.getDomainAxis().setRange(lo == 0 ? 0 : lo - pad, hi + pad);
    }
  }

  /** The shaded x interval, behind the series. */
  private static void shade(XYPlot plot, ChartSpec spec) {
    if (Double.isNaN(spec.shadeFrom())) {
      return;
    }
    // its label is a legend entry (shadeItem), never text inside the plot
    plot.addDomainMarker(new IntervalMarker(spec.shadeFrom(), spec.shadeTo(), SHADE), Layer.BACKGROUND);
  }

  /**
   * A bar chart with error bars (one bar per name; errors NaN for none), bars horizontal so that each
   * name reads in full on its own line. Zero is on the axis so bars compare honestly.
   */
  static JFreeChart bars(BarChart b) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (int i = 0; i < b.names().size(); i++) {
      double e = b.errors()[i];
      // no error: no error bar (a zero one would draw a tick that reads as a tiny error)
      data.add(Double.valueOf(b.values()[i]), Double.isFinite(e) ? Double.valueOf(e) : null, b.yLabel(), b.names().get(i));
    }
    CategoryAxis x = new CategoryAxis();
    x.setTickLabelFont(TICKS);
    x.setMaximumCategoryLabelLines(2);
    // names such as "S8 | Li3PS4 (on Li6PS5Cl), AIMD 600 K" on one line; only longer ones wrap
    x.setMaximumCategoryLabelWidthRatio(0.75f);
    x.setCategoryMargin(0.3);
    NumberAxis y = new NumberAxis(b.yLabel());
    y.setLabelFont(LABELS);
    y.setTickLabelFont(TICKS);
    y.setNumberFormatOverride(new TypographicFormat());
    y.setAutoRangeIncludesZero(true);
    // the value axis is shorter than a long label beside the names: the label ends where the axis ends, under the names' column
    y.setLabelLocation(org.jfree.chart.axis.AxisLabelLocation.HIGH_END);
    StatisticalBarRenderer r = new StatisticalBarRenderer();
    r.setSeriesPaint(0, PALETTE[0]);
    r.setErrorIndicatorPaint(Color.BLACK);
    r.setDrawBarOutline(false);
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    JFreeChart chart = new JFreeChart(b.title(), TITLE, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    // room for the last tick label, centred on the axis's end
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 16));
    return chart;
  }

  /** The screen resolution that a figure's size in pixels refers to (CSS pixels): 96 per inch. */
  public static final int DESIGN_DPI = 96;

  /** The default resolution of the PNG files, dots per inch. */
  public static final int DEFAULT_DPI = 150;

  /**
   * Writes a figure under {@code dir}: {@code dir/stem.png} at {@code dpi} (its size in pixels is the
   * figure's design size × dpi/96, the resolution stored in the file) and {@code dir/stem.svg} at the
   * design size.
   *
   * @param dpi dots per inch of the PNG, e.g. 150 for the screen, 300 for print
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static void write(Figure f, Path dir, int dpi) {
    Chart c = f.chart();
    JFreeChart chart = c instanceof BarChart b ? bars(b) : build((ChartSpec) c);
    save(chart, dir.resolve(f.stem()), f.widthPx(), f.heightPx(), dpi);
  }

  private static void save(JFreeChart chart, Path base, int width, int height, int dpi) {
    Path png = base.resolveSibling(base.getFileName() + ".png");
    try {
      Path dir = base.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      double scale = dpi / (double) DESIGN_DPI;
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage((int) Math.round(width * scale),
          (int) Math.round(height * scale), java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g2 = img.createGraphics();
      g2.scale(scale, scale);
      chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
      g2.dispose();
      Png.write(img, dpi, png);
      SVGGraphics2D g = new SVGGraphics2D(width, height);
      chart.draw(g, new Rectangle(0, 0, width, height));
      SVGUtils.writeToSVG(base.resolveSibling(base.getFileName() + ".svg").toFile(), g.getSVGElement());
    } catch (IOException e) {
      throw new UncheckedIOException(png + ": " + e.getMessage(), e);
    }
  }
}
