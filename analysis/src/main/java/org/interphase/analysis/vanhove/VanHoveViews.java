package org.interphase.analysis.vanhove;

import java.util.ArrayList;
import java.util.Arrays;
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
 * What a {@link VanHoveResult} shows: {@code vanhove.json}; {@code vanhove.csv} in long format, one row
 * per lag and bin ({@code lag_ps,r_a,g_self_per_a,g_distinct}); {@code vanhove_lags.csv}, one row per
 * lag (origins, mean |Δr|, displaced share); two charts, {@code vanhove_self.png/.svg} (4πr²G<sub>s</sub>
 * per lag) and {@code vanhove_distinct.png/.svg} (G<sub>d</sub> per lag with the level 1); and the text
 * summary.
 */
public final class VanHoveViews {
  private VanHoveViews() {}

  /** Every view of one result; {@code readWarnings} (the reader's) come first among the warnings. */
  public static Views of(VanHoveResult r, List<Warning> readWarnings) {
    List<Warning> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(r.warnings());
    List<Figure> figures = new ArrayList<>(List.of(new Figure("vanhove_self", selfChart(r))));
    if (r.atoms() > 1) {
      figures.add(new Figure("vanhove_distinct", distinctChart(r)));
    }
    return new Views("vanhove", json(r, warnings), List.of(table(r), lagTable(r)), figures, List.of(), text(r), warnings);
  }

  /** {@code vanhove.csv}: per lag (in the order of the result) and bin, the lag, the bin centre, 4πr²G_s (1/Å) and G_d. */
  public static Table table(VanHoveResult r) {
    int bins = r.rA().length;
    int rows = r.lags() * bins;
    double[] lag = new double[rows];
    double[] rr = new double[rows];
    double[] gs = new double[rows];
    double[] gd = new double[rows];
    double[] lags = r.lagsPs();
    double[] centres = r.rA();
    for (int i = 0; i < r.lags(); i++) {
      Arrays.fill(lag, i * bins, (i + 1) * bins, lags[i]);
      System.arraycopy(centres, 0, rr, i * bins, bins);
      System.arraycopy(r.gSelf(i), 0, gs, i * bins, bins);
      System.arraycopy(r.gDistinct(i), 0, gd, i * bins, bins);
    }
    return new Table("vanhove.csv", List.of(new Column.Numbers("lag_ps", lag), new Column.Numbers("r_a", rr),
        new Column.Numbers("g_self_per_a", gs), new Column.Numbers("g_distinct", gd)));
  }

  /** {@code vanhove_lags.csv}: per lag its frames, origins, mean |Δr|, the displaced share and the share beyond r<sub>max</sub>. */
  public static Table lagTable(VanHoveResult r) {
    return new Table("vanhove_lags.csv", List.of(new Column.Numbers("lag_ps", r.lagsPs()), new Column.Integers("lag_frames",
        r.lagFrames()), new Column.Integers("origins", r.origins()), new Column.Numbers("mean_displacement_a", r.meanDisplacementA()),
        new Column.Numbers("displaced_fraction", r.displacedFraction()), new Column.Numbers("self_beyond_r_max_fraction",
        r.selfBeyondRMax())));
  }

  /** The JSON document of {@code vanhove --json}. */
  public static Document json(VanHoveResult r, List<Warning> warnings) {
    VanHoveParameters p = r.parameters();
    Document o = new Document();
    o.put("species", r.species()).put("atoms", r.atoms()).put("frames", r.frames()).put("timestep_fs", r.timestepFs())
        .put("region", p.region() == null ? null : p.region().toString().replace(" Å", "")).put("self_axes", p.axes())
        .put("lags_requested_ps", r.lagsRequestedPs()).put("lags_ps", r.lagsPs()).put("lag_frames", r.lagFrames())
        .put("origins", r.origins()).put("max_distinct_origins", r.parameters().maxDistinctOrigins())
        .put("r_max_a", r.rMaxA()).put("distinct_r_max_a", r.distinctRMaxA()).put("bin_a", r.binA())
        .put("bins", r.rA().length)
        .put("smallest_half_width_a", r.smallestHalfWidthA()).put("mean_volume_a3", r.meanVolumeA3())
        .put("drift_reference", r.driftReference()).put("displaced_threshold_a", p.displacedA())
        .put("mean_displacement_a", r.meanDisplacementA()).put("displaced_fraction", r.displacedFraction())
        .put("self_beyond_r_max_fraction", r.selfBeyondRMax())
        .put("method", "unwrapped, drift-corrected positions; every time origin, each lag rounded to whole frames. g_self = 4 pi r^2 "
            + "G_s(r,t) in 1/A: histogram of |u_i(t0+t) - u_i(t0)| / (origins N dr), integral 1 with the share beyond r_max. "
            + "g_distinct = G_d(r,t): histogram of |u_j(t0+t) + n L(t0+t) - u_i(t0)| over every periodic image n of every other atom "
            + "j != i, each origin times V(t0+t), / (origins N (N-1) 4/3 pi (r_hi^3 - r_lo^3)); 1 for an ideal gas, g(r) at t = 0; "
            + "null beyond distinct_r_max_a")
        .put("r_a", r.rA()).put("g_self", List.of(r.gSelf())).put("g_distinct", List.of(r.gDistinct()))
        .put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  /**
   * 4πr²G<sub>s</sub>(r, t) for each lag, up to the whole ångström above the longest displacement of any lag (the bins beyond hold
   * nothing, and a figure is clearer without them); the table holds every bin.
   */
  public static ChartSpec selfChart(VanHoveResult r) {
    int last = 0;
    for (int i = 0; i < r.lags(); i++) {
      double[] g = r.gSelf(i);
      for (int k = last; k < g.length; k++) {
        last = g[k] > 0 ? k : last;
      }
    }
    double[] rA = r.rA();
    double upTo = Math.ceil(rA[last] + r.binA()) + 1e-9;
    int bins = (int) Arrays.stream(rA).filter(x -> x < upTo).count();
    List<ChartSpec.Series> s = new ArrayList<>();
    for (int i = 0; i < r.lags(); i++) {
      s.add(new ChartSpec.Series(lagLabel(r, i), Arrays.copyOf(rA, bins), Arrays.copyOf(r.gSelf(i), bins), null, ChartSpec.Style.LINE, i,
          true));
    }
    VanHoveParameters p = r.parameters();
    String where = p.region() == null ? "" : ", " + r.species() + " in " + p.region().label();
    boolean all = "xyz".equals(p.axes());
    return new ChartSpec(r.species() + " van Hove correlation, self part" + (all ? "" : " along " + p.axes()) + where,
        all ? "r (Å)" : "|Δr| along " + p.axes() + " (Å)", all ? "4πr²Gₛ(r, t) (Å⁻¹)" : "probability density (Å⁻¹)", s, Double.NaN,
        Double.NaN, null, true, new double[] {0});
  }

  /**
   * G<sub>d</sub>(r, t) for each lag, with the ideal-gas level 1. The y axis is set by the bins where an ideal gas puts at least
   * {@value SparseBins#MIN_IDEAL_PAIRS} pairs ({@link SparseBins}); the chart's note names the r below which noisier values
   * are off scale. The table and the JSON hold every value.
   */
  public static ChartSpec distinctChart(VanHoveResult r) {
    List<ChartSpec.Series> s = new ArrayList<>();
    for (int i = 0; i < r.lags(); i++) {
      s.add(new ChartSpec.Series(lagLabel(r, i), r.rA(), r.gDistinct(i), null, ChartSpec.Style.LINE, i, true));
    }
    s.add(new ChartSpec.Series("ideal gas", new double[] {0, r.distinctRMaxA()}, new double[] {1, 1}, null, ChartSpec.Style.DASHED, 13, false));
    double[][] ideal = new double[r.lags()][];
    for (int i = 0; i < r.lags(); i++) {
      ideal[i] = r.idealPairs(i);
    }
    // the first bins hold a pair or two: their G_d, a ratio of a few counts to a tiny shell, would set the axis on its own
    return SparseBins.focus(new ChartSpec(r.species() + "–" + r.species() + " van Hove correlation, distinct part", "r (Å)",
        "distinct G(r, t)", s, Double.NaN, Double.NaN, null, true, new double[] {0}), ideal);
  }

  /** The legend entry of lag {@code i}: {@code t = 1.5 ps}. */
  public static String lagLabel(VanHoveResult r, int i) {
    return "t = " + VanHoveParameters.plain(r.lagsPs()[i]) + " ps";
  }

  /** Per lag: t (ps), origins, mean |Δr| (Å), share displaced beyond the threshold (%), as table cells. */
  public static List<List<String>> lagRows(VanHoveResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < r.lags(); i++) {
      rows.add(List.of(VanHoveParameters.plain(r.lagsPs()[i]), Integer.toString(r.origins()[i]),
          String.format(Locale.ROOT, "%.2f", r.meanDisplacementA()[i]), String.format(Locale.ROOT, "%.1f", 100 * r.displacedFraction()[i])));
    }
    return rows;
  }

  /** The summary a person reads: what was computed, then one line per lag. */
  public static List<String> text(VanHoveResult r) {
    List<String> o = new ArrayList<>();
    o.add(String.format(Locale.ROOT, "%s van Hove correlation: %d %s, %d frames %s fs apart; r < %s Å in %d bins of %s Å", r.species(),
        r.atoms(), r.species(), r.frames(), VanHoveParameters.plain(r.timestepFs()), VanHoveParameters.plain(r.rMaxA()), r.rA().length,
        VanHoveParameters.plain(r.binA())));
    VanHoveParameters p = r.parameters();
    if (p.region() != null || !"xyz".equals(p.axes())) {
      o.add(String.format(Locale.ROOT, "  selection         %s%s", p.region() == null ? "every atom" : "atoms in " + p.region() + " at the origin",
          "xyz".equals(p.axes()) ? "" : "; self part along " + p.axes() + " only (the distinct part is 3-D)"));
    }
    if (r.atoms() > 1 && r.distinctRMaxA() < r.rMaxA()) {
      o.add(String.format(Locale.ROOT, "  distinct part     up to %s Å, half the cell's smallest width (beyond it an atom would meet "
          + "images of others it already has)", VanHoveParameters.plain(r.distinctRMaxA())));
    }
    o.add("  drift reference   " + r.driftReference());
    double threshold = r.parameters().displacedA();
    for (int i = 0; i < r.lags(); i++) {
      o.add(String.format(Locale.ROOT, "  t = %-8s %d frames, %d origin%s: mean |Δr| %.3f Å, most probable %s, %.1f %% moved beyond %s Å",
          VanHoveParameters.plain(r.lagsPs()[i]) + " ps", r.lagFrames()[i], r.origins()[i], r.origins()[i] == 1 ? "" : "s",
          r.meanDisplacementA()[i], peak(r, i),
          100 * r.displacedFraction()[i], VanHoveParameters.plain(threshold)));
    }
    return o;
  }

  /** Where 4πr²G_s is largest (the most probable displacement, at a bin centre), as text. */
  private static String peak(VanHoveResult r, int i) {
    double[] g = r.gSelf(i);
    int best = 0;
    for (int k = 1; k < g.length; k++) {
      best = g[k] > g[best] ? k : best;
    }
    return g[best] > 0 ? String.format(Locale.ROOT, "%.2f Å", r.rA()[best]) : "none below " + VanHoveParameters.plain(r.rMaxA()) + " Å";
  }
}
