package org.interphase.analysis.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.SparseBins;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What an {@link RdfResult} shows: {@code rdf.json}, {@code rdf.csv} ({@code r_a,g_r,coordination}),
 * two charts, {@code rdf.png/.svg} (g(r) with the first peak and minimum marked and the first shell
 * shaded) and {@code rdf_coordination.png/.svg} (n(r) over the same r), and the text summary.
 */
public final class RdfViews {
  private RdfViews() {}

  /** Every view of one result; {@code readWarnings} (the reader's) come first among the warnings. */
  public static Views of(RdfResult r, List<Warning> readWarnings) {
    List<Warning> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(r.warnings());
    return new Views("rdf", json(r, warnings), List.of(table(r)), List.of(new Figure("rdf", chart(r)),
        new Figure("rdf_coordination", coordinationChart(r))), List.of(), text(r), warnings);
  }

  /** {@code rdf.csv}: per bin its centre (Å), g(r) and n(r) there. */
  public static Table table(RdfResult r) {
    return new Table("rdf.csv", List.of(new Column.Numbers("r_a", r.rA()), new Column.Numbers("g_r", r.gR()),
        new Column.Numbers("coordination", r.coordination())));
  }

  /** The JSON document of {@code rdf --json}: the pair, the histogram, the first shell and the curves. */
  public static Document json(RdfResult r, List<Warning> warnings) {
    RdfParameters p = r.parameters();
    Document o = new Document();
    o.put("pair", r.pair()).put("element_a", p.elementA()).put("element_b", p.elementB()).put("atoms_a", r.atomsA())
        .put("atoms_b", r.atomsB()).put("frames", r.frames())
        .put("frame_stride", p.everyFrames()).put("region", p.region() == null ? null : p.region().toString())
        .put("centres_per_frame", r.meanCentres()).put("r_max_a", p.rMaxA()).put("bin_a", r.binA()).put("bins", p.bins())
        .put("mean_volume_a3", r.meanVolumeA3()).put("number_density_b_per_a3", r.atomsB() / r.meanVolumeA3())
        .put("smallest_half_width_a", r.smallestHalfWidthA()).put("first_peak_a", r.firstPeakA()).put("first_peak_g", r.firstPeakG())
        .put("first_minimum_a", r.firstMinimumA()).put("coordination_first_shell", r.coordinationFirstShell())
        .put("method", "g(r): histogram of every periodic image's A-B distance, each frame normalised with its own volume "
            + "(4/3 pi (r_hi^3 - r_lo^3) x pairs / V), averaged over the frames; pairs = N_A N_B, or N_A (N_A - 1) for A = B. "
            + "coordination: B atoms per A atom within r, at the bin centres")
        .put("r_a", r.rA()).put("g_r", r.gR()).put("coordination", r.coordination())
        .put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  /**
   * g(r) with the ideal-gas level, the first peak and minimum marked, and the first shell shaded (named in the legend). The y
   * axis is set by the bins where an ideal gas puts at least {@value SparseBins#MIN_IDEAL_PAIRS} pairs ({@link SparseBins}).
   */
  public static ChartSpec chart(RdfResult r) {
    List<ChartSpec.Series> s = new ArrayList<>();
    s.add(new ChartSpec.Series("g(r)", r.rA(), r.gR(), null, ChartSpec.Style.LINE, 0, false));
    s.add(new ChartSpec.Series("g = 1", new double[] {0, r.parameters().rMaxA()}, new double[] {1, 1}, null, ChartSpec.Style.DASHED,
        13, false));
    if (r.vacuumFraction() > 0) {
      // in a slab the whole-cell density, vacuum included, normalises g: the figure says where it levels off instead of 1
      double level = 1 / (1 - r.vacuumFraction());
      s.add(new ChartSpec.Series(String.format(Locale.ROOT, "g = %.2f, the homogeneous level with %.0f %% of the cell vacuum", level,
          100 * r.vacuumFraction()), new double[] {0, r.parameters().rMaxA()}, new double[] {level, level}, null, ChartSpec.Style.DASHED,
          3, true));
    }
    if (!Double.isNaN(r.firstPeakA())) {
      s.add(new ChartSpec.Series(String.format(Locale.ROOT, "first peak %.3f Å, g = %.3g", r.firstPeakA(), r.firstPeakG()),
          new double[] {r.firstPeakA()}, new double[] {r.firstPeakG()}, null, ChartSpec.Style.POINTS, 1, true));
    }
    if (!Double.isNaN(r.firstMinimumA())) {
      String n = Double.isNaN(r.coordinationFirstShell()) ? "" : String.format(Locale.ROOT, ", n = %.2f %s per %s",
          r.coordinationFirstShell(), r.parameters().elementB(), r.parameters().elementA());
      s.add(new ChartSpec.Series(String.format(Locale.ROOT, "first minimum %.3f Å%s", r.firstMinimumA(), n), new double[] {r.firstMinimumA()},
          new double[] {gAt(r, r.firstMinimumA())}, null, ChartSpec.Style.POINTS, 2, true));
    }
    // a close contact in a bin near r = 0, where an ideal gas puts a pair or two, would set the axis on its own
    return SparseBins.focus(new ChartSpec(title(r, "radial distribution function"), "r (Å)", "g(r)", s, shadeFrom(r), r.firstMinimumA(),
        shellLabel(r)), new double[][] {idealPairs(r)});
  }

  /**
   * The pairs an ideal gas of the neighbours' density puts in each bin over the frames: frames · centres per frame · (N<sub>B</sub>,
   * or N<sub>A</sub> − 1 for A = B) · 4/3 π (r<sub>hi</sub>³ − r<sub>lo</sub>³) / V, the denominator of g(r).
   */
  public static double[] idealPairs(RdfResult r) {
    RdfParameters p = r.parameters();
    int neighbours = p.elementA().equals(p.elementB()) ? r.atomsB() - 1 : r.atomsB();
    double perVolume = r.frames() * r.meanCentres() * neighbours / r.meanVolumeA3();
    double[] e = new double[r.rA().length];
    for (int k = 0; k < e.length; k++) {
      e[k] = SparseBins.idealPairs(perVolume, k * r.binA(), (k + 1) * r.binA());
    }
    return e;
  }

  /** n(r), the running coordination number, over the same r, the first shell shaded. */
  public static ChartSpec coordinationChart(RdfResult r) {
    List<ChartSpec.Series> s = new ArrayList<>();
    s.add(new ChartSpec.Series("n(r)", r.rA(), r.coordination(), null, ChartSpec.Style.LINE, 0, false));
    if (!Double.isNaN(r.coordinationFirstShell())) {
      s.add(new ChartSpec.Series(String.format(Locale.ROOT, "n = %.2f %s per %s within %.3f Å (the first minimum of g)",
          r.coordinationFirstShell(), r.parameters().elementB(), r.parameters().elementA(), r.firstMinimumA()),
          new double[] {r.firstMinimumA()}, new double[] {r.coordinationFirstShell()}, null, ChartSpec.Style.POINTS, 2, true));
    }
    String y = "n(r) (" + r.parameters().elementB() + " per " + r.parameters().elementA() + ")";
    return new ChartSpec(title(r, "running coordination n(r)"), "r (Å)", y, s, shadeFrom(r), r.firstMinimumA(), shellLabel(r));
  }

  /**
   * g(r) of several results in one chart, e.g. Li–S and P–S of one run, or one pair in the whole cell and in a layer.
   *
   * @param names the legend entry of each result
   */
  public static ChartSpec overlay(String title, List<RdfResult> results, List<String> names) {
    List<ChartSpec.Series> s = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      s.add(new ChartSpec.Series(names.get(i), results.get(i).rA(), results.get(i).gR(), null, ChartSpec.Style.LINE));
    }
    return new ChartSpec(title, "r (Å)", "g(r)", s, Double.NaN, Double.NaN, null);
  }

  /** The first shell as table cells: first peak (Å), g there, first minimum (Å), n at the minimum; "none" where not found. */
  public static List<String> shellCells(RdfResult r) {
    return List.of(num("%.3f", r.firstPeakA()), num("%.2f", r.firstPeakG()), num("%.3f", r.firstMinimumA()),
        num("%.2f", r.coordinationFirstShell()));
  }

  /** The summary a person reads: what was counted, the first peak and minimum, the first-shell coordination. */
  public static List<String> text(RdfResult r) {
    RdfParameters p = r.parameters();
    List<String> o = new ArrayList<>();
    o.add(String.format(Locale.ROOT, "%s–%s g(r): %d %s around %d %s, %d frames; r < %s Å in %d bins of %s Å", p.elementA(), p.elementB(),
        r.atomsA(), p.elementA(), r.atomsB(), p.elementB(), r.frames(), plain(p.rMaxA()), p.bins(), plain(r.binA())));
    if (p.everyFrames() > 1) {
      o.add(String.format(Locale.ROOT, "  frames            every %d-th frame of the run", p.everyFrames()));
    }
    if (p.region() != null) {
      o.add(String.format(Locale.ROOT, "  centres           %s in %s: %.1f per frame on average", p.elementA(), p.region(),
          r.meanCentres()));
    }
    o.add(String.format(Locale.ROOT, "  mean volume       %.1f Å³ (%s number density %.5f Å⁻³)", r.meanVolumeA3(), p.elementB(),
        r.atomsB() / r.meanVolumeA3()));
    o.add("  first peak        " + (Double.isNaN(r.firstPeakA()) ? "none below " + plain(p.rMaxA()) + " Å"
        : String.format(Locale.ROOT, "%.3f Å, g = %.3f", r.firstPeakA(), r.firstPeakG())));
    o.add("  first minimum     " + (Double.isNaN(r.firstMinimumA()) ? "none below " + plain(p.rMaxA()) + " Å"
        : String.format(Locale.ROOT, "%.3f Å, g = %.3f", r.firstMinimumA(), gAt(r, r.firstMinimumA()))));
    if (!Double.isNaN(r.coordinationFirstShell())) {
      o.add(String.format(Locale.ROOT, "  first shell       %.3f %s per %s within %.3f Å", r.coordinationFirstShell(), p.elementB(),
          p.elementA(), r.firstMinimumA()));
    }
    return o;
  }

  private static String title(RdfResult r, String what) {
    RdfParameters p = r.parameters();
    return p.elementA() + "–" + p.elementB() + " " + what + (p.region() == null ? "" : ", " + p.elementA() + " in " + p.region());
  }

  /** The shaded first shell starts at the lower edge of the first bin holding a pair. */
  private static double shadeFrom(RdfResult r) {
    if (Double.isNaN(r.firstMinimumA())) {
      return Double.NaN;
    }
    double[] n = r.coordination();
    int k = 0;
    while (k < n.length - 1 && n[k] == 0) {
      k++;
    }
    return k * r.binA();
  }

  private static String shellLabel(RdfResult r) {
    return Double.isNaN(r.coordinationFirstShell()) ? null : "first shell";
  }

  /** g at r, linearly between the bin centres. */
  private static double gAt(RdfResult r, double x) {
    double[] rs = r.rA();
    double[] g = r.gR();
    double t = x / r.binA() - 0.5;
    int k = (int) Math.max(0, Math.min(g.length - 2, Math.floor(t)));
    double u = Math.max(0, Math.min(1, t - k));
    return rs.length == 1 ? g[0] : g[k] + u * (g[k + 1] - g[k]);
  }

  private static String num(String format, double v) {
    return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, format, v);
  }

  private static String plain(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
  }
}
