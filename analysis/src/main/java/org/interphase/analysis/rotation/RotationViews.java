package org.interphase.analysis.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What a {@link RotationResult} shows: {@code rotation.json}, {@code rotation.csv} (angle per unit per frame),
 * {@code rotation_events.csv} (one row per reorientation), the chart {@code rotation.png/.svg} (angle vs time, one line per unit,
 * the reorienting units in colour and named in the legend) and the text summary.
 */
public final class RotationViews {
  private RotationViews() {}

  /** Every view of one result; {@code readWarnings} (the reader's) come first among the warnings. */
  public static Views of(RotationResult r, List<Warning> readWarnings) {
    List<Warning> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(r.warnings());
    ChartSpec chart = chart(r);
    // the legend takes a line per named unit below the plot: the figure grows by one line for each beyond two, so the plot keeps
    // its height
    int entries = (int) chart.series().stream().filter(ChartSpec.Series::inLegend).count();
    return new Views("rotation", json(r, warnings), List.of(angleTable(r), eventTable(r)),
        List.of(new Figure("rotation", chart, 480, 340 + 24 * Math.max(0, entries - 2))), List.of(), text(r), warnings);
  }

  /** {@code rotation.csv}: frame, time (ps) and one column of angles (degrees, to the first frame) per unit. */
  public static Table angleTable(RotationResult r) {
    int n = r.frames();
    int[] frame = new int[n];
    double[] time = new double[n];
    for (int f = 0; f < n; f++) {
      frame[f] = f;
      time[f] = f * r.timestepFs() / 1000;
    }
    List<Column> cols = new ArrayList<>(List.of(new Column.Integers("frame", frame), new Column.Numbers("time_ps", time)));
    double[][] a = r.angleDeg();
    for (RotationResult.Unit u : r.units()) {
      cols.add(new Column.Numbers("unit" + u.index() + "_deg", a[u.index()]));
    }
    return new Table("rotation.csv", cols);
  }

  /** {@code rotation_events.csv}: per event its frame, time (ps), unit, centre atom and angle (degrees). */
  public static Table eventTable(RotationResult r) {
    List<RotationResult.Event> ev = r.events();
    int n = ev.size();
    int[] frame = new int[n];
    double[] time = new double[n];
    int[] unit = new int[n];
    int[] center = new int[n];
    double[] angle = new double[n];
    for (int i = 0; i < n; i++) {
      RotationResult.Event e = ev.get(i);
      frame[i] = e.frame();
      time[i] = e.timePs();
      unit[i] = e.unit();
      center[i] = r.units().get(e.unit()).center();
      angle[i] = e.angleDeg();
    }
    return new Table("rotation_events.csv", List.of(new Column.Integers("frame", frame), new Column.Numbers("time_ps", time),
        new Column.Integers("unit", unit), new Column.Integers("center_atom", center), new Column.Numbers("angle_deg", angle)));
  }

  /** The JSON document of {@code rotation --json}. */
  public static Document json(RotationResult r, List<Warning> warnings) {
    RotationParameters p = r.parameters();
    Document o = new Document();
    o.put("center", p.center()).put("ligand", p.ligand()).put("frames", r.frames()).put("timestep_fs", r.timestepFs())
        .put("duration_ps", r.durationPs()).put("upper_deg", p.upperDeg()).put("settle_deg", p.settleDeg())
        .put("min_frames", p.minFrames()).put("skipped_centers", r.skippedCenters());
    Document.Items units = o.array("units");
    for (RotationResult.Unit u : r.units()) {
      units.addObject().put("index", u.index()).put("center", u.center()).put("ligands", u.ligands());
    }
    Document.Items events = o.array("events");
    for (RotationResult.Event e : r.events()) {
      events.addObject().put("frame", e.frame()).put("time_ps", e.timePs()).put("unit", e.unit()).put("angle_deg", e.angleDeg());
    }
    Document.Items series = o.array("angle_series");
    for (double[] a : r.angleDeg()) {
      series.add(a);
    }
    o.put("libration_deg", r.librationDeg());
    HopCoupling c = r.hopCoupling();
    Document hc = o.object("hop_coupling").put("computed", c != null);
    if (c != null) {
      hc.put("species", c.species()).put("radius_a", c.radiusA()).put("window_frames", c.windowFrames()).put("events", c.events())
          .put("coupled_events", c.coupledEvents()).put("chance_coupled_events", c.chanceCoupled()).put("hops", c.hops())
          .put("hops_near_units", c.hopsNearUnits());
    }
    o.put("method", "orientation: best-fit rotation (Horn 1987 quaternion) of the four labelled centre-ligand vectors onto "
        + "those of frame 0; angle_series: rotation angle to frame 0; event: angle from the current reference above upper_deg "
        + "for min_frames frames, dated at the first; new reference: mean orientation once the unit stays within settle_deg "
        + "for min_frames frames; angle_deg: between the mean orientations at rest before and after; "
        + "libration_deg: RMS angle from the reference over frames at rest")
        .put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  /** Points per unit in the chart of a long run. */
  static final int CHART_POINTS = 4000;

  /** Units drawn in a chart, at most; the title says how many when there are more. */
  static final int CHART_UNITS = 24;

  /** Units drawn in colour, each with its own legend entry, at most. */
  static final int HIGHLIGHTED = 4;

  /**
   * The angle to the first frame over time, one line per unit (at most {@link #CHART_UNITS} units drawn; a run of more than
   * {@link #CHART_POINTS} frames drawn as the largest angle of each block of frames). The units that reorient (most events
   * first, at most {@link #HIGHLIGHTED}), or with no reorientation the unit that turns furthest, are drawn in colour with a
   * legend entry each (unit, centre atom, events or largest angle); the others are pale grey lines under one legend entry
   * ("one line per unit"), with the dashed reorientation threshold.
   */
  public static ChartSpec chart(RotationResult r) {
    double[][] a = r.angleDeg();
    // a long run is drawn at most CHART_POINTS points per unit: each point the largest angle of its block of frames, so no
    // reorientation disappears between drawn frames
    int stride = Math.max(1, (int) Math.ceil(r.frames() / (double) CHART_POINTS));
    int n = (r.frames() + stride - 1) / stride;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = (long) i * stride * r.timestepFs() / 1000;
    }
    List<Integer> shown = highlighted(r);
    int drawn = Math.min(CHART_UNITS, a.length);
    List<Integer> others = new ArrayList<>();
    for (int u = 0; u < a.length && shown.size() + others.size() < drawn; u++) {
      if (!shown.contains(u)) {
        others.add(u);
      }
    }
    String unit = r.parameters().center() + r.parameters().ligand() + "4";
    List<ChartSpec.Series> s = new ArrayList<>();
    long[] events = eventsPerUnit(r);
    // reorienting units beyond the named ones are among the pale lines: the legend says how many
    long alsoReorienting = others.stream().filter(u -> events[u] > 0).count();
    String more = alsoReorienting > 0 ? " (" + alsoReorienting + " of them reorient)" : "";
    for (int k = 0; k < others.size(); k++) {
      String name = others.size() == 1 ? "the other " + unit + " unit" + more : String.format(Locale.ROOT, "%s %s %s units%s, one line per unit",
          shown.isEmpty() ? "all" : "the other", others.size(), unit, more);
      s.add(new ChartSpec.Series(name, t, blockMax(a[others.get(k)], stride, n), null, ChartSpec.Style.FAINT, 13, k == 0));
    }
    for (int k = 0; k < shown.size(); k++) {
      int u = shown.get(k);
      RotationResult.Unit ru = r.units().get(u);
      String what = events[u] > 0 ? events[u] + " reorientation" + (events[u] == 1 ? "" : "s")
          : String.format(Locale.ROOT, "turns furthest, %.0f°", max(a[u]));
      s.add(new ChartSpec.Series(String.format(Locale.ROOT, "unit %d (%s atom %d): %s", u, r.parameters().center(), ru.center(), what), t,
          blockMax(a[u], stride, n), null, ChartSpec.Style.LINE, k, true));
    }
    double end = n == 0 ? 0 : t[n - 1];
    s.add(new ChartSpec.Series(String.format(Locale.ROOT, "reorientation threshold %s°", plain(r.parameters().upperDeg())),
        new double[] {0, end}, new double[] {r.parameters().upperDeg(), r.parameters().upperDeg()}, null, ChartSpec.Style.DASHED, 13,
        true));
    int ev = r.events().size();
    String title = String.format(Locale.ROOT, "%s rotation: %d units%s, %d reorientation%s", unit, a.length,
        drawn < a.length ? " (" + drawn + " drawn)" : "", ev, ev == 1 ? "" : "s");
    return new ChartSpec(title, "time (ps)", "angle to first frame (°)", s, Double.NaN, Double.NaN, null, true, new double[0]);
  }

  /**
   * The units drawn in colour: those that reorient, most events first (then by index), at most {@link #HIGHLIGHTED}; with no
   * reorientation, the unit whose angle to the first frame grows largest; none without units.
   */
  static List<Integer> highlighted(RotationResult r) {
    long[] events = eventsPerUnit(r);
    List<Integer> out = new ArrayList<>();
    for (int u = 0; u < events.length; u++) {
      if (events[u] > 0) {
        out.add(u);
      }
    }
    out.sort((p, q) -> events[p] != events[q] ? Long.compare(events[q], events[p]) : Integer.compare(p, q));
    if (out.isEmpty() && events.length > 0) {
      double[][] a = r.angleDeg();
      int best = 0;
      for (int u = 1; u < a.length; u++) {
        best = max(a[u]) > max(a[best]) ? u : best;
      }
      out.add(best);
    }
    return List.copyOf(out.subList(0, Math.min(HIGHLIGHTED, out.size())));
  }

  private static long[] eventsPerUnit(RotationResult r) {
    long[] n = new long[r.units().size()];
    for (RotationResult.Event e : r.events()) {
      n[e.unit()]++;
    }
    return n;
  }

  private static double max(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** Each block of {@code stride} frames as its largest angle, {@code n} blocks. */
  private static double[] blockMax(double[] a, int stride, int n) {
    double[] y = new double[n];
    for (int f = 0; f < a.length; f++) {
      y[f / stride] = f % stride == 0 ? a[f] : Math.max(y[f / stride], a[f]);
    }
    return y;
  }

  /** The summary a person reads. */
  public static List<String> text(RotationResult r) {
    RotationParameters p = r.parameters();
    List<String> o = new ArrayList<>();
    o.add(String.format(Locale.ROOT, "%s%s4 rotation: %d units, %d frames of %s fs (%.3f ps)", p.center(), p.ligand(),
        r.units().size(), r.frames(), plain(r.timestepFs()), r.durationPs()));
    o.add(String.format(Locale.ROOT, "  thresholds        upper %s°, settle %s°, dwell %d frames", plain(p.upperDeg()),
        plain(p.settleDeg()), p.minFrames()));
    double[] lib = r.librationDeg();
    if (lib.length == 0) {
      o.add("  no tetrahedral units");
      return o;
    }
    double mean = 0;
    double max = 0;
    for (double[] a : r.angleDeg()) {
      for (double v : a) {
        max = Math.max(max, v);
      }
    }
    for (double l : lib) {
      mean += l / lib.length;
    }
    o.add(String.format(Locale.ROOT, "  libration         %.2f° RMS (mean over units)", mean));
    o.add(String.format(Locale.ROOT, "  largest angle     %.1f° to the first frame", max));
    o.add(String.format(Locale.ROOT, "  reorientations    %d", r.events().size()));
    HopCoupling c = r.hopCoupling();
    if (c != null) {
      o.add(String.format(Locale.ROOT, "  with %s hops      %d of %d events have a hop within %s Å and %d frames (%.2f by chance); %d hops",
          c.species(), c.coupledEvents(), c.events(), plain(c.radiusA()), c.windowFrames(), c.chanceCoupled(), c.hops()));
    }
    return o;
  }

  private static String plain(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
  }
}
