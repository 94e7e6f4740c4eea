package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What a {@link BondResult} shows: {@code bonds.json}, {@code events.csv} (one row per event),
 * {@code motifs.csv} and {@code coordination.csv} (one row per frame, counts as integers), the
 * motif chart {@code motifs.png/.svg}, and the text summary.
 */
public final class BondViews {
  private BondViews() {}

  /** Every view; {@code readWarnings} (the reader's) come first among the warnings. */
  public static Views of(BondResult r, List<Warning> readWarnings) {
    List<Warning> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(r.warnings());
    Table motifs = motifs(r); // one table for motifs.csv and the JSON's motif_counts
    return new Views("bonds", json(r, warnings, motifs), List.of(events(r), motifs, coordination(r)),
        List.of(new Figure("motifs", chart(r), 600, 420)), List.of(), text(r), warnings);
  }

  /** events.csv, motifs.csv and coordination.csv. */
  public static List<Table> tables(BondResult r) {
    return List.of(events(r), motifs(r), coordination(r));
  }

  private static Table events(BondResult r) {
    List<BondEvent> ev = r.events();
    int n = ev.size();
    int[] frame = new int[n];
    int[] center = new int[n];
    int[] ligand = new int[n];
    double[] t = new double[n];
    double[] d = new double[n];
    double[][] x = new double[3][n];
    List<String> kind = new ArrayList<>();
    List<String> pair = new ArrayList<>();
    List<String> layer = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BondEvent e = ev.get(i);
      frame[i] = e.frame();
      t[i] = e.timePs();
      kind.add(e.kind().label());
      pair.add(e.pair());
      center[i] = e.center();
      ligand[i] = e.ligand();
      d[i] = e.distanceA();
      for (int k = 0; k < 3; k++) {
        x[k][i] = e.positionA()[k];
      }
      layer.add(e.layer() >= 0 ? r.layers().label(e.layer()) : "");
    }
    return new Table("events.csv", List.of(new Column.Integers("frame", frame), new Column.Numbers("time_ps", t),
        new Column.Texts("kind", kind), new Column.Texts("pair", pair), new Column.Integers("center", center),
        new Column.Integers("ligand", ligand), new Column.Numbers("distance_a", d, "%.5f"), new Column.Numbers("x_a", x[0], "%.5f"),
        new Column.Numbers("y_a", x[1], "%.5f"), new Column.Numbers("z_a", x[2], "%.5f"), new Column.Texts("layer", layer)));
  }

  private static int[] frameIndices(int frames) {
    int[] f = new int[frames];
    for (int i = 0; i < frames; i++) {
      f[i] = i;
    }
    return f;
  }

  private static Table motifs(BondResult r) {
    int[][] counts = r.motifCounts();
    List<Column> cols = new ArrayList<>(List.of(new Column.Integers("frame", frameIndices(r.frames())),
        new Column.Numbers("time_ps", r.timePs())));
    for (int k = 0; k < r.motifs().size(); k++) {
      int[] c = new int[r.frames()];
      for (int f = 0; f < r.frames(); f++) {
        c[f] = counts[f][k];
      }
      cols.add(new Column.Integers(r.motifs().get(k).label(), c));
    }
    return new Table("motifs.csv", cols);
  }

  private static Table coordination(BondResult r) {
    int[][] cn = r.coordination();
    List<Column> cols = new ArrayList<>(List.of(new Column.Integers("frame", frameIndices(r.frames())),
        new Column.Numbers("time_ps", r.timePs()), new Column.Numbers("mean_cn", r.meanCoordination())));
    int width = cn[0].length;
    for (int k = 0; k < width; k++) {
      int[] c = new int[r.frames()];
      for (int f = 0; f < r.frames(); f++) {
        c[f] = cn[f][k];
      }
      cols.add(new Column.Integers("cn" + k, c));
    }
    return new Table("coordination.csv", cols);
  }

  /** The JSON document of {@code bonds --json}. */
  public static Document json(BondResult r, List<Warning> warnings) {
    return json(r, warnings, motifs(r));
  }

  /** The JSON document, its {@code motif_counts} the columns of {@code motifs} after the frame index. */
  private static Document json(BondResult r, List<Warning> warnings, Table motifs) {
    Document o = new Document();
    BondRule rule = r.parameters().primary();
    o.put("pair", rule.pair()).put("form_a", rule.formA()).put("break_a", rule.breakA()).put("min_frames", rule.minFrames())
        .put("event_pairs", r.parameters().eventPairs()).put("frames", r.frames()).put("centers", r.centers());
    Document.Items ev = o.array("events");
    for (BondEvent e : r.events()) {
      ev.addObject().put("frame", e.frame()).put("time_ps", e.timePs()).put("kind", e.kind().label()).put("pair", e.pair())
          .put("center", e.center()).put("ligand", e.ligand()).put("distance_a", e.distanceA()).put("position_a", e.positionA())
          .put("layer", e.layer() >= 0 ? r.layers().label(e.layer()) : null);
    }
    if (r.layers() != null) {
      o.put("layers", layerLabels(r.layers()));
    }
    Document classes = o.object("motif_classes");
    classes.put("thiophosphate", r.motifs(Motif.Family.THIOPHOSPHATE).stream().map(Motif::label).toList());
    classes.put("sulfur", r.motifs(Motif.Family.SULFUR).stream().map(Motif::label).toList());
    Document first = o.object("motifs_first");
    r.countsAt(0).forEach((m, n) -> first.put(m.label(), n));
    Document last = o.object("motifs_last");
    r.countsAt(r.frames() - 1).forEach((m, n) -> last.put(m.label(), n));
    Document seen = o.object("motif_first_seen");
    for (Motif m : r.motifs()) {
      int f = r.firstFrame(m).getAsInt();
      seen.object(m.label()).put("frame", f).put("time_ps", r.timePs(f));
    }
    o.put("motif_counts", new Table("motif_counts", motifs.columns().subList(1, motifs.columns().size())));
    Document life = o.object("bond_lifetimes_ps");
    life.put("completed", r.lifetimesPs().size()).put("still_bonded_at_end", r.censoredBonds())
        .put("mean", r.lifetimesPs().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))
        .put("max", r.lifetimesPs().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    o.put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  /** The labels of the layers, in order, e.g. {@code z 0–10 Å}. */
  public static List<String> layerLabels(Layers l) {
    List<String> n = new ArrayList<>();
    for (int i = 0; i < l.lo().length; i++) {
      n.add(l.label(i));
    }
    return n;
  }

  /** Motif counts over time: thiophosphate units as solid lines, sulfur species dashed. */
  public static ChartSpec chart(BondResult r) {
    List<ChartSpec.Series> series = new ArrayList<>();
    double[] t = r.timePs();
    boolean time = t.length > 0 && !Double.isNaN(t[0]);
    double[] x = new double[r.frames()];
    for (int f = 0; f < r.frames(); f++) {
      x[f] = time ? t[f] : f;
    }
    // palette indices: the units keep one colour in every chart (PS4 blue, PS3 vermillion, P2S7 green, P2S6 pink), the
    // sulfur species take the ten others in turn, so up to ten sulfur species never share a colour with anything
    int[] sulfurColours = {4, 5, 7, 8, 9, 10, 11, 12, 13, 6};
    int nextSulfur = 0;
    int[][] counts = r.motifCounts();
    for (int k = 0; k < r.motifs().size(); k++) {
      Motif m = r.motifs().get(k);
      // only the corners of the step line: 100 000 frames of a count that rarely changes are a few points
      int column = k;
      int[] kept = ChartSpec.corners(x, f -> counts[f][column]);
      double[] kx = new double[kept.length];
      double[] y = new double[kept.length];
      for (int i = 0; i < kept.length; i++) {
        kx[i] = x[kept[i]];
        y[i] = counts[kept[i]][k];
      }
      boolean sulfur = m.family() == Motif.Family.SULFUR;
      int colour = sulfur ? sulfurColours[nextSulfur++ % sulfurColours.length] : switch (m.type()) {
        case PS4 -> 0;
        case PS3 -> 1;
        case P2S7 -> 2;
        case P2S6 -> 3;
        default -> 6;
      };
      series.add(new ChartSpec.Series(m.label(), kx, y, null, sulfur ? ChartSpec.Style.DASHED : ChartSpec.Style.LINE, colour, true));
    }
    return new ChartSpec("Thiophosphate units (solid) and sulfur species (dashed) over time", time ? "time (ps)" : "frame",
        "units per frame", series, Double.NaN, Double.NaN, null, true, new double[0]);
  }

  /** The summary a person reads: the rule, the events, the coordination and the motifs from the first to the last frame. */
  public static List<String> text(BondResult r) {
    List<String> o = new ArrayList<>();
    BondRule rule = r.parameters().primary();
    o.add(String.format(Locale.ROOT, "%s–%s bonds: %d centres, %d frames; form < %.3f Å, break > %.3f Å, dwell %d frames",
        rule.centerElement(), rule.ligandElement(), r.centers(), r.frames(), rule.formA(), rule.breakA(), rule.minFrames()));
    long breaks = r.events().stream().filter(e -> e.kind() == BondEvent.Kind.BREAK).count();
    o.add(String.format(Locale.ROOT, "  events           %d (%d breaks, %d formations) of %s%s", r.events().size(), breaks,
        r.events().size() - breaks, String.join(", ", r.parameters().eventPairs()),
        r.parameters().eventPairs().size() == 1 ? " (--pairs all adds the other followed pairs)" : ""));
    double[] cn = r.meanCoordination();
    o.add(String.format(Locale.ROOT, "  mean CN          %.3f (first frame) → %.3f (last frame)", cn[0], cn[r.frames() - 1]));
    Map<Motif, Integer> first = r.countsAt(0);
    Map<Motif, Integer> last = r.countsAt(r.frames() - 1);
    for (Motif.Family family : Motif.Family.values()) {
      List<Motif> ms = r.motifs(family);
      if (ms.isEmpty()) {
        continue;
      }
      o.add(family == Motif.Family.THIOPHOSPHATE ? "  thiophosphate units (P–S, P–P bonds)   first frame → last frame (first seen)"
          : "  sulfur species (S–S bonds)             first frame → last frame (first seen)");
      for (Motif m : ms) {
        int f = r.firstFrame(m).getAsInt();
        o.add(String.format(Locale.ROOT, "    %-16s %4d → %4d   (frame %d%s)", m.label(), first.getOrDefault(m, 0), last.getOrDefault(m, 0),
            f, Double.isNaN(r.timePs(f)) ? "" : String.format(Locale.ROOT, ", %.3f ps", r.timePs(f))));
      }
    }
    int shown = 0;
    for (BondEvent e : r.events()) {
      if (shown++ == 10) {
        o.add(String.format(Locale.ROOT, "  … %d more events (see --json or --out)", r.events().size() - 10));
        break;
      }
      o.add(String.format(Locale.ROOT, "  %-5s %s  frame %d (%s ps)  atoms %d–%d (0-based)  %.3f Å  at (%.2f, %.2f, %.2f) Å", e.kind(), e.pair(),
          e.frame(), Double.isNaN(e.timePs()) ? "?" : String.format(Locale.ROOT, "%.3f", e.timePs()), e.center(), e.ligand(),
          e.distanceA(), e.positionA()[0], e.positionA()[1], e.positionA()[2]));
    }
    return o;
  }
}
