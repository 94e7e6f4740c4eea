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
import org.jfree.chart.ChartUtils;
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
import org.jfree.chart.ui.Layer;
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

  /** Builds the chart object (for tests and custom output). */
  public static JFreeChart build(ChartSpec spec) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (ChartSpec.Series s : spec.series()) {
      YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
      boolean line = s.yErr() == null && s.style() != ChartSpec.Style.POINTS && s.style() != ChartSpec.Style.BARS;
      int[] shown = line ? withoutFlatInteriors(s.x(), s.y(), drawn(s.y(), MAX_BUCKETS))
          : java.util.stream.IntStream.range(0, s.x().length).toArray();
      for (int i : shown) {
        if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
          continue;
        }
        double e = s.yErr() == null || !Double.isFinite(s.yErr()[i]) ? 0 : s.yErr()[i];
        ys.add(s.x()[i], s.y()[i], s.y()[i] - e, s.y()[i] + e);
      }
      data.addSeries(ys);
    }
    NumberAxis x = new NumberAxis(spec.xLabel());
    NumberAxis y = new NumberAxis(spec.yLabel());
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
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
    Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    x.setLabelFont(label);
    y.setLabelFont(label);
    x.setTickLabelFont(ticks);
    y.setTickLabelFont(ticks);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setCapLength(4);
    for (int i = 0; i < spec.series().size(); i++) {
      ChartSpec.Series s = spec.series().get(i);
      Color c = PALETTE[(s.color() >= 0 ? s.color() : i) % PALETTE.length];
      r.setSeriesVisibleInLegend(i, s.inLegend());
      r.setSeriesPaint(i, c);
      boolean lines = s.style() != ChartSpec.Style.POINTS && s.style() != ChartSpec.Style.BARS;
      boolean shapes = s.style() == ChartSpec.Style.POINTS || s.style() == ChartSpec.Style.LINE_AND_POINTS
          || s.style() == ChartSpec.Style.BARS;
      r.setSeriesLinesVisible(i, lines);
      r.setSeriesShapesVisible(i, shapes);
      r.setSeriesStroke(i, s.style() == ChartSpec.Style.DASHED
          ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
    }
    // one path per series, so a dash pattern runs along the whole line instead of restarting at every frame
    r.setDrawSeriesLineAsPath(true);
    r.setErrorPaint(Color.DARK_GRAY);
    r.setDrawYError(spec.series().stream().anyMatch(s -> s.yErr() != null));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    if (!Double.isNaN(spec.shadeFrom())) {
      IntervalMarker m = new IntervalMarker(spec.shadeFrom(), spec.shadeTo(), new Color(255, 200, 0, 60));
      if (spec.shadeLabel() != null) {
        m.setLabel(spec.shadeLabel());
        m.setLabelFont(ticks);
      }
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
    JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, spec.series().size() > 1);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /**
   * A bar chart with error bars (one bar per name; errors NaN for none), written as {@code
   * base.png} and {@code base.svg}. Zero is on the axis so bars compare honestly.
   */
  public static void writeBars(String title, String yLabel, List<String> names, double[] values, double[] errors, Path base, int width,
      int height) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (int i = 0; i < names.size(); i++) {
      data.add(values[i], Double.isFinite(errors[i]) ? errors[i] : 0.0, yLabel, names.get(i));
    }
    CategoryAxis x = new CategoryAxis();
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    x.setMaximumCategoryLabelLines(3);
    NumberAxis y = new NumberAxis(yLabel);
    y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    y.setAutoRangeIncludesZero(true);
    StatisticalBarRenderer r = new StatisticalBarRenderer();
    r.setSeriesPaint(0, PALETTE[0]);
    r.setErrorIndicatorPaint(Color.BLACK);
    r.setDrawBarOutline(false);
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    save(chart, base, width, height);
  }

  /** Writes {@code base.png} and {@code base.svg} (base is a path without extension). */
  public static void write(Chart chart, Path base, int width, int height) {
    if (chart instanceof BarChart b) {
      writeBars(b.title(), b.yLabel(), b.names(), b.values(), b.errors(), base, width, height);
    } else {
      save(build((ChartSpec) chart), base, width, height);
    }
  }

  /** Writes a figure under {@code dir}: {@code dir/stem.png} and {@code dir/stem.svg}. */
  public static void write(Figure f, Path dir) {
    write(f.chart(), dir.resolve(f.stem()), f.widthPx(), f.heightPx());
  }

  private static void save(JFreeChart chart, Path base, int width, int height) {
    try {
      Path dir = base.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      ChartUtils.saveChartAsPNG(base.resolveSibling(base.getFileName() + ".png").toFile(), chart, width, height);
      SVGGraphics2D g = new SVGGraphics2D(width, height);
      chart.draw(g, new Rectangle(0, 0, width, height));
      SVGUtils.writeToSVG(base.resolveSibling(base.getFileName() + ".svg").toFile(), g.getSVGElement());
    } catch (IOException e) {
      throw new UncheckedIOException(base + ": " + e.getMessage(), e);
    }
  }
}
