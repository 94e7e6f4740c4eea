package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.msd.Region;
import org.interphase.core.Printed;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What a {@link HopResult} shows: {@code hops.json}, {@code hops.csv} (one row per hop), {@code sites.csv} (one row per
 * site), the chart {@code hops.png/.svg} (cumulative hops over time beside the constant-rate line) and the text summary.
 */
public final class HopViews {
  /** Why a correlation factor can exceed 1, for the text and the report. */
  public static final String ABOVE_ONE = "the tracer MSD holds displacement that is not counted as hops between sites (vibration "
      + "about the sites when the run or the MSD window is short, moves between sites closer than the site radius, ions between "
      + "sites), so D_jump is a lower bound and f an upper one";

  private HopViews() {}

  /** Every view of one result; {@code readWarnings} (the reader's) come first among the warnings. */
  public static Views of(HopResult r, List<Warning> readWarnings) {
    return of(r, List.of(), readWarnings);
  }

  /**
   * Every view of one result with the statistics of each layer ({@link HopLayers}; none when {@code layers} is empty): then also
   * {@code hop_layers.csv}, the JSON's {@code layers} and {@code layer_crossings}, and a line per layer in the text.
   */
  public static Views of(HopResult r, List<Region> layers, List<Warning> readWarnings) {
    List<Warning> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(r.warnings());
    Document doc = json(r, warnings);
    List<Table> tables = new ArrayList<>(List.of(hopTable(r), siteTable(r)));
    List<String> text = new ArrayList<>(text(r));
    if (!layers.isEmpty()) {
      List<HopLayers> stats = HopLayers.of(r, layers);
      layerJson(doc, stats, HopLayers.crossings(r, layers));
      tables.add(layerTable(stats));
      for (HopLayers l : stats) {
        text.add(String.format(Locale.ROOT, "  layer %-11s %d sites, %s %s, %d hops out (%d within), rate %s /ps, D_jump %s cm²/s",
            l.layer().label(), l.sites(), Printed.fixed(l.atoms(), 0, 2), r.parameters().species(), l.hopsOut(), l.hopsWithin(),
            Printed.significant(l.ratePerAtomPs(), 4), Printed.exponent(l.dJumpCm2S(), 3)));
      }
    }
    return new Views("hops", doc, tables, List.of(new Figure("hops", chart(r))), List.of(), text, warnings);
  }

  /** {@code hop_layers.csv}: one row per layer. */
  public static Table layerTable(List<HopLayers> stats) {
    int n = stats.size();
    double[] atoms = new double[n];
    int[] sites = new int[n];
    int[] out = new int[n];
    int[] within = new int[n];
    double[] rate = new double[n];
    double[] dj = new double[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HopLayers l = stats.get(i);
      names.add(l.layer().toString().replace(" Å", ""));
      sites[i] = l.sites();
      atoms[i] = l.atoms();
      out[i] = l.hopsOut();
      within[i] = l.hopsWithin();
      rate[i] = l.ratePerAtomPs();
      dj[i] = l.dJumpCm2S();
    }
    return new Table("hop_layers.csv", List.of(new Column.Texts("layer_a", names), new Column.Integers("sites", sites),
        new Column.Numbers("atoms", atoms), new Column.Integers("hops_out", out), new Column.Integers("hops_within", within),
        new Column.Numbers("rate_per_atom_per_ps", rate), new Column.Numbers("d_jump_cm2_s", dj)));
  }

  private static void layerJson(Document o, List<HopLayers> stats, int[][] crossings) {
    Document.Items items = o.array("layers");
    List<String> names = new ArrayList<>();
    for (HopLayers l : stats) {
      String name = l.layer().toString().replace(" Å", "");
      names.add(name);
      items.addObject().put("region", name).put("sites", l.sites()).put("atoms", l.atoms()).put("hops_out", l.hopsOut())
          .put("hops_within", l.hopsWithin()).put("rate_per_atom_per_ps", l.ratePerAtomPs()).put("d_jump_cm2_s", l.dJumpCm2S());
    }
    names.add("outside");
    Document c = o.object("layer_crossings");
    c.put("layers", names);
    Document.Items rows = c.array("counts");
    for (int[] row : crossings) {
      rows.add(row);
    }
  }

  /** {@code hops.csv}: per hop its frame, time (ps), atom, sites and their types, and the site-to-site distance (Å). */
  public static Table hopTable(HopResult r) {
    List<HopEvent> h = r.hops();
    int n = h.size();
    int[] frame = new int[n];
    double[] time = new double[n];
    int[] atom = new int[n];
    int[] from = new int[n];
    int[] to = new int[n];
    double[] dist = new double[n];
    List<String> fromType = new ArrayList<>();
    List<String> toType = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HopEvent e = h.get(i);
      frame[i] = e.frame();
      time[i] = e.timePs();
      atom[i] = e.atom();
      from[i] = e.from();
      to[i] = e.to();
      dist[i] = e.distanceA();
      fromType.add(r.sites().get(e.from()).type());
      toType.add(r.sites().get(e.to()).type());
    }
    return new Table("hops.csv", List.of(new Column.Integers("frame", frame), new Column.Numbers("time_ps", time),
        new Column.Integers("atom", atom), new Column.Integers("from_site", from), new Column.Integers("to_site", to),
        new Column.Texts("from_type", fromType), new Column.Texts("to_type", toType), new Column.Numbers("distance_a", dist)));
  }

  /** {@code sites.csv}: per site its Cartesian position in the first frame's cell (Å), type and occupancy (atoms per frame). */
  public static Table siteTable(HopResult r) {
    double[][] p = r.positionsA();
    int n = p.length;
    double[][] xyz = new double[3][n];
    int[] index = new int[n];
    List<String> type = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      index[s] = s;
      for (int d = 0; d < 3; d++) {
        xyz[d][s] = p[s][d];
      }
      type.add(r.sites().get(s).type());
    }
    return new Table("sites.csv", List.of(new Column.Integers("site", index), new Column.Numbers("x_a", xyz[0]),
        new Column.Numbers("y_a", xyz[1]), new Column.Numbers("z_a", xyz[2]), new Column.Texts("type", type),
        new Column.Numbers("occupancy", r.occupancy())));
  }

  /** The JSON document of {@code hops --json}. */
  public static Document json(HopResult r, List<Warning> warnings) {
    HopParameters p = r.parameters();
    Document o = new Document();
    o.put("species", p.species()).put("atoms", r.atoms()).put("frames", r.frames()).put("timestep_fs", r.timestepFs())
        .put("duration_ps", r.durationPs()).put("site_source", p.autoSites() ? "density" : "reference")
        .put("enter_a", p.enterA()).put("leave_a", p.leaveA()).put("min_frames", p.minFrames());
    if (p.autoSites()) {
      o.object("site_finding").put("grid_a", p.gridA()).put("smooth_a", p.smoothA()).put("merge_a", p.mergeA())
          .put("min_density_ratio", p.minDensityRatio());
    }
    Document.Items sites = o.array("sites");
    double[][] pos = r.positionsA();
    double[] occ = r.occupancy();
    for (int s = 0; s < pos.length; s++) {
      sites.addObject().put("index", s).put("position_a", pos[s]).put("type", r.sites().get(s).type()).put("occupancy", occ[s]);
    }
    Document.Items hops = o.array("hops");
    for (HopEvent h : r.hops()) {
      hops.addObject().put("frame", h.frame()).put("time_ps", h.timePs()).put("atom", h.atom()).put("from", h.from()).put("to", h.to())
          .put("distance_a", h.distanceA());
    }
    o.put("hop_count", r.hops().size()).put("rate_per_atom_per_ps", r.ratePerAtomPs());
    Document rates = o.object("rates_per_ps");
    Document residence = o.object("residence_ps");
    double[] rt = r.ratesPerPs();
    double[] res = r.residencePs();
    for (int t = 0; t < r.types().size(); t++) {
      rates.put(r.types().get(t), rt[t]);
      residence.put(r.types().get(t), res[t]);
    }
    Document matrix = o.object("transition_matrix");
    matrix.put("types", r.types());
    Document.Items rows = matrix.array("counts");
    for (int[] row : r.transitions()) {
      rows.add(row);
    }
    o.put("d_jump_cm2_s", r.dJumpCm2S()).put("d_tracer_cm2_s", r.dTracerCm2S()).put("correlation_factor", r.correlationFactor())
        .put("method", "sites: " + (p.autoSites() ? "maxima of the smoothed time-averaged density" : "reference structure")
            + "; an atom enters a site within enter_a, leaves it beyond leave_a, a new site counts after min_frames frames; "
            + "rates: hops out of a type / atom time in it; residence: mean completed stay; "
            + "d_jump = sum l^2 / (6 N t); correlation_factor = d_tracer / d_jump")
        .put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  /** Cumulative hops over time as a staircase, with the line of a constant rate through the last point. */
  public static ChartSpec chart(HopResult r) {
    List<HopEvent> h = r.hops();
    int n = h.size();
    double[] x = new double[2 * n + 2];
    double[] y = new double[2 * n + 2];
    for (int i = 0; i < n; i++) {
      x[2 * i + 1] = h.get(i).timePs();
      y[2 * i + 1] = i;
      x[2 * i + 2] = h.get(i).timePs();
      y[2 * i + 2] = i + 1;
    }
    x[2 * n + 1] = r.durationPs();
    y[2 * n + 1] = n;
    List<ChartSpec.Series> s = new ArrayList<>();
    s.add(new ChartSpec.Series(String.format(Locale.ROOT, "%d hops of %d %s", n, r.atoms(), r.parameters().species()), x, y, null,
        ChartSpec.Style.LINE, 0, true));
    s.add(new ChartSpec.Series(String.format(Locale.ROOT, "constant rate %.3g per atom per ps", r.ratePerAtomPs()),
        new double[] {0, r.durationPs()}, new double[] {0, n}, null, ChartSpec.Style.DASHED, 13, true));
    return new ChartSpec(r.parameters().species() + " hops between sites", "time (ps)", "cumulative hops", s, Double.NaN, Double.NaN,
        null, true, new double[0]);
  }

  /** The summary a person reads. */
  public static List<String> text(HopResult r) {
    HopParameters p = r.parameters();
    List<String> o = new ArrayList<>();
    o.add(String.format(Locale.ROOT, "%s hops: %d %s, %d frames of %s fs (%.3f ps); %d sites %s", p.species(), r.atoms(), p.species(),
        r.frames(), plain(r.timestepFs()), r.durationPs(), r.sites().size(), p.autoSites() ? "from the density"
            : "from the reference structure"));
    o.add(String.format(Locale.ROOT, "  site radii        enter %s Å, leave %s Å, dwell %d frames", plain(p.enterA()), plain(p.leaveA()),
        p.minFrames()));
    o.add(String.format(Locale.ROOT, "  hops              %d (%s per atom per ps)", r.hops().size(), Printed.significant(r.ratePerAtomPs(), 4)));
    double[] rt = r.ratesPerPs();
    double[] res = r.residencePs();
    int[] cnt = r.residenceCounts();
    for (int t = 0; t < r.types().size(); t++) {
      o.add(String.format(Locale.ROOT, "  %-17s rate out %s /ps, mean residence %s (%d completed stays)", r.types().get(t),
          Double.isNaN(rt[t]) ? Printed.NOT_AVAILABLE + " (never occupied)" : Printed.significant(rt[t], 4),
          Double.isNaN(res[t]) ? "none completed" : String.format(Locale.ROOT, "%.3f ps", res[t]), cnt[t]));
    }
    o.add(String.format(Locale.ROOT, "  D_jump            %s cm²/s (Σ l² / 6 N t)", Printed.exponent(r.dJumpCm2S(), 3)));
    if (!Double.isNaN(r.dTracerCm2S())) {
      o.add(String.format(Locale.ROOT, "  D_tracer (MSD)    %s cm²/s", Printed.exponent(r.dTracerCm2S(), 3)));
      o.add(String.format(Locale.ROOT, "  correlation f     %s (D_tracer / D_jump)%s", Double.isNaN(r.correlationFactor())
          ? Printed.NOT_AVAILABLE + " (it needs D_jump > 0)" : Printed.fixed(r.correlationFactor(), 0, 3),
          r.correlationFactor() > 1 ? "; above 1: " + ABOVE_ONE : ""));
    }
    return o;
  }

  private static String plain(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
  }
}
