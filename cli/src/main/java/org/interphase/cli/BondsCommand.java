package org.interphase.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondEvent;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.BondRule;
import org.interphase.analysis.bonds.Layers;
import org.interphase.analysis.bonds.Motif;
import org.interphase.core.FrameSource;
import org.interphase.viz.chart.ChartSpec;
import org.interphase.viz.chart.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase bonds PATH --center P --ligand S}: coordination, bond events and motifs over time. */
@Command(name = "bonds", mixinStandardHelpOptions = true,
    description = {"Bond breakage and formation of the --center/--ligand pair as events, coordination of the centre atoms, and over "
        + "time the thiophosphate units (PS4, PS3, P2S7, P2S6, other; from P–S and P–P bonds alone) and, as a separate "
        + "classification, the sulfur species (S8 ring, Sn chain, Sn bridge between P units, free S; from S–S bonds).",
        "A bond forms below --form-a and breaks above --break-a; a change counts once it has lasted --min-frames frames."})
final class BondsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Option(names = "--center", paramLabel = "EL", description = "Centre element (default P, or S when there is no P).")
  String center;

  @Option(names = "--ligand", paramLabel = "EL", description = "Ligand element (default S).")
  String ligand;

  @Option(names = "--form-a", paramLabel = "Å", description = "A bond forms below this distance (P–S default 2.45 Å).")
  Double formA;

  @Option(names = "--break-a", paramLabel = "Å", description = "A bond breaks above this distance (P–S default 2.9 Å).")
  Double breakA;

  @Option(names = "--min-frames", paramLabel = "N", description = "Frames a change must last to count (default 3).")
  Integer minFrames;

  @Option(names = "--single-cutoff", paramLabel = "Å", description = "Compare with one cutoff and no dwell: every crossing counts (shows the "
      + "flicker).")
  Double singleCutoff;

  @Option(names = "--pairs", paramLabel = "A-B,…|all", description = "Also report the events of these followed pairs (P-S, S-S, P-P), "
      + "or all; by default only the --center/--ligand pair's events are reported. The motifs always use all three.")
  String pairs;

  @Option(names = "--layers", paramLabel = "AXIS=LO:HI,…", description = "Slabs for locating events along the interface normal, e.g. "
      + "z=0:10,10:20 (Å), or auto: from the composition of the first frame along z.")
  String layers;

  @Option(names = "--out", paramLabel = "DIR", description = "Write events.csv, motifs.csv, coordination.csv, bonds.json and motifs.png/.svg "
      + "here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    BondResult r;
    List<String> warnings = new ArrayList<>();
    try (FrameSource src = Inputs.openTrajectory(path, input.toReadOptions())) {
      boolean hasP = src.header().atoms().indicesOf("P").length > 0;
      for (String el : new String[] {center, ligand}) {
        if (el != null && src.header().atoms().indicesOf(el).length == 0) {
          throw new IllegalArgumentException("no " + el + " atoms in " + src.header().source() + " (it has "
              + String.join(", ", src.header().atoms().speciesCounts().keySet()) + ")");
        }
      }
      BondParameters p = parameters(center != null ? center : hasP ? "P" : "S", ligand != null ? ligand : "S");
      BondAnalysis.Accumulator acc = new BondAnalysis(p).start(src.header());
      Progress.feed(src, "reading frames", acc);
      warnings.addAll(src.warnings());
      r = acc.finish();
    }
    warnings.addAll(r.warnings());
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(w -> err.println("warning: " + w));
    err.flush();
    ObjectNode doc = toJson(r, warnings);
    if (out != null) {
      write(Csv.dir(out), r, doc);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(doc));
    } else {
      printHuman(o, r);
    }
    o.flush();
    return 0;
  }

  private BondParameters parameters(String center, String ligand) {
    BondRule defaults = formA != null && breakA != null ? new BondRule(center, ligand, formA, breakA, 3) : defaultRule(center, ligand);
    BondRule rule = new BondRule(center, ligand, formA != null ? formA : defaults.formA(), breakA != null ? breakA : defaults.breakA(),
        minFrames != null ? minFrames : defaults.minFrames());
    BondParameters p = BondParameters.of(rule);
    if (layers != null) {
      p = p.withLayers(layers.equalsIgnoreCase("auto") ? BondParameters.AUTOMATIC_LAYERS : Layers.parse(layers));
    }
    if (input.timestepFs != null) {
      p = p.withTimestepFs(input.timestepFs);
    }
    if (pairs != null) {
      p = p.withEventPairs(pairs);
    }
    return singleCutoff != null ? p.singleCutoff(singleCutoff) : p;
  }

  private static BondRule defaultRule(String c, String l) {
    for (BondRule r : List.of(BondRule.defaultPS(), BondRule.defaultSS(), BondRule.defaultPP())) {
      if (r.centerElement().equalsIgnoreCase(c) && r.ligandElement().equalsIgnoreCase(l)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no default cutoffs for " + c + "–" + l + ": pass --form-a and --break-a");
  }

  static ObjectNode toJson(BondResult r, List<String> warnings) {
    ObjectNode o = Json.object();
    BondRule rule = r.parameters().primary();
    o.put("pair", rule.pair());
    Json.put(o, "form_a", rule.formA());
    Json.put(o, "break_a", rule.breakA());
    o.put("min_frames", rule.minFrames());
    ArrayNode pairs = o.putArray("event_pairs");
    r.parameters().eventPairs().forEach(pairs::add);
    o.put("frames", r.frames());
    o.put("centers", r.centers());
    ArrayNode ev = o.putArray("events");
    for (BondEvent e : r.events()) {
      ObjectNode n = ev.addObject();
      n.put("frame", e.frame());
      Json.put(n, "time_ps", e.timePs());
      n.put("kind", e.kind().label());
      n.put("pair", e.pair());
      n.put("center", e.center());
      n.put("ligand", e.ligand());
      Json.put(n, "distance_a", e.distanceA());
      ArrayNode pos = n.putArray("position_a");
      for (double x : e.positionA()) {
        pos.add(x);
      }
      if (e.layer() >= 0) {
        n.put("layer", r.layers().label(e.layer()));
      } else {
        n.putNull("layer");
      }
    }
    if (r.layers() != null) {
      ArrayNode ls = o.putArray("layers");
      for (int i = 0; i < r.layers().lo().length; i++) {
        ls.add(r.layers().label(i));
      }
    }
    ObjectNode classes = o.putObject("motif_classes");
    ArrayNode thio = classes.putArray("thiophosphate");
    r.motifs(Motif.Family.THIOPHOSPHATE).forEach(m -> thio.add(m.label()));
    ArrayNode sulfur = classes.putArray("sulfur");
    r.motifs(Motif.Family.SULFUR).forEach(m -> sulfur.add(m.label()));
    ObjectNode first = o.putObject("motifs_first");
    r.countsAt(0).forEach((m, n) -> first.put(m.label(), n));
    ObjectNode last = o.putObject("motifs_last");
    r.countsAt(r.frames() - 1).forEach((m, n) -> last.put(m.label(), n));
    ObjectNode seen = o.putObject("motif_first_seen");
    for (Motif m : r.motifs()) {
      int f = r.firstFrame(m).getAsInt();
      ObjectNode x = seen.putObject(m.label());
      x.put("frame", f);
      Json.put(x, "time_ps", r.timePs()[f]);
    }
    ArrayNode counts = o.putArray("motif_counts");
    for (int f = 0; f < r.frames(); f++) {
      ObjectNode c = counts.addObject();
      Json.put(c, "time_ps", r.timePs()[f]);
      for (int k = 0; k < r.motifs().size(); k++) {
        c.put(r.motifs().get(k).label(), r.motifCounts()[f][k]);
      }
    }
    ObjectNode life = o.putObject("bond_lifetimes_ps");
    life.put("completed", r.lifetimesPs().size());
    life.put("still_bonded_at_end", r.censoredBonds());
    Json.put(life, "mean", r.lifetimesPs().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    Json.put(life, "max", r.lifetimesPs().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    ArrayNode w = o.putArray("warnings");
    warnings.forEach(w::add);
    return o;
  }

  /** events.csv, motifs.csv and coordination.csv (counts as integers), bonds.json and the motif chart. */
  static void write(Path dir, BondResult r, ObjectNode doc) {
    StringBuilder ev = new StringBuilder("frame,time_ps,kind,pair,center,ligand,distance_a,x_a,y_a,z_a,layer\n");
    for (BondEvent e : r.events()) {
      ev.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%d,%d,%.5f,%.5f,%.5f,%.5f,%s%n", e.frame(), num(e.timePs()), e.kind().label(),
          e.pair(), e.center(), e.ligand(), e.distanceA(), e.positionA()[0], e.positionA()[1], e.positionA()[2],
          e.layer() >= 0 ? r.layers().label(e.layer()) : ""));
    }
    Csv.writeText(dir.resolve("events.csv"), ev.toString());
    StringBuilder mc = new StringBuilder("frame,time_ps");
    r.motifs().forEach(m -> mc.append(',').append(m.label()));
    mc.append('\n');
    for (int f = 0; f < r.frames(); f++) {
      mc.append(f).append(',').append(num(r.timePs()[f]));
      for (int c : r.motifCounts()[f]) {
        mc.append(',').append(c);
      }
      mc.append('\n');
    }
    Csv.writeText(dir.resolve("motifs.csv"), mc.toString());
    int width = r.coordination()[0].length;
    StringBuilder cc = new StringBuilder("frame,time_ps,mean_cn");
    for (int k = 0; k < width; k++) {
      cc.append(",cn").append(k);
    }
    cc.append('\n');
    for (int f = 0; f < r.frames(); f++) {
      cc.append(f).append(',').append(num(r.timePs()[f])).append(',').append(num(r.meanCoordination()[f]));
      for (int c : r.coordination()[f]) {
        cc.append(',').append(c);
      }
      cc.append('\n');
    }
    Csv.writeText(dir.resolve("coordination.csv"), cc.toString());
    Csv.writeText(dir.resolve("bonds.json"), Json.write(doc));
    Charts.write(chart(r), dir.resolve("motifs"), 900, 600);
  }

  /** Motif counts over time: thiophosphate units as solid lines, sulfur species dashed. */
  static ChartSpec chart(BondResult r) {
    List<ChartSpec.Series> series = new ArrayList<>();
    boolean time = r.timePs().length > 0 && !Double.isNaN(r.timePs()[0]);
    double[] x = new double[r.frames()];
    for (int f = 0; f < r.frames(); f++) {
      x[f] = time ? r.timePs()[f] : f;
    }
    // palette indices: the units keep one colour in every chart (PS4 blue, PS3 vermillion, P2S7 green, P2S6 pink), the
    // sulfur species take the ten others in turn, so up to ten sulfur species never share a colour with anything
    int[] sulfurColours = {4, 5, 7, 8, 9, 10, 11, 12, 13, 6};
    int nextSulfur = 0;
    for (int k = 0; k < r.motifs().size(); k++) {
      Motif m = r.motifs().get(k);
      double[] y = new double[r.frames()];
      for (int f = 0; f < r.frames(); f++) {
        y[f] = r.motifCounts()[f][k];
      }
      boolean sulfur = m.family() == Motif.Family.SULFUR;
      int colour = sulfur ? sulfurColours[nextSulfur++ % sulfurColours.length] : switch (m.type()) {
        case PS4 -> 0;
        case PS3 -> 1;
        case P2S7 -> 2;
        case P2S6 -> 3;
        default -> 6;
      };
      series.add(new ChartSpec.Series(m.label(), x, y, null, sulfur ? ChartSpec.Style.DASHED : ChartSpec.Style.LINE, colour, true));
    }
    return new ChartSpec("Thiophosphate units (solid) and sulfur species (dashed) over time", time ? "time (ps)" : "frame",
        "units per frame", series, Double.NaN, Double.NaN, null);
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  private static void printHuman(PrintWriter o, BondResult r) {
    BondRule rule = r.parameters().primary();
    o.printf(Locale.ROOT, "%s–%s bonds: %d centres, %d frames; form < %.3f Å, break > %.3f Å, dwell %d frames%n", rule.centerElement(),
        rule.ligandElement(), r.centers(), r.frames(), rule.formA(), rule.breakA(), rule.minFrames());
    long breaks = r.events().stream().filter(e -> e.kind() == BondEvent.Kind.BREAK).count();
    o.printf(Locale.ROOT, "  events           %d (%d breaks, %d formations) of %s%s%n", r.events().size(), breaks,
        r.events().size() - breaks, String.join(", ", r.parameters().eventPairs()),
        r.parameters().eventPairs().size() == 1 ? " (--pairs all adds the other followed pairs)" : "");
    o.printf(Locale.ROOT, "  mean CN          %.3f (first frame) → %.3f (last frame)%n", r.meanCoordination()[0],
        r.meanCoordination()[r.frames() - 1]);
    Map<Motif, Integer> first = r.countsAt(0);
    Map<Motif, Integer> last = r.countsAt(r.frames() - 1);
    for (Motif.Family family : Motif.Family.values()) {
      List<Motif> ms = r.motifs(family);
      if (ms.isEmpty()) {
        continue;
      }
      o.println(family == Motif.Family.THIOPHOSPHATE ? "  thiophosphate units (P–S, P–P bonds)   first frame → last frame (first seen)"
          : "  sulfur species (S–S bonds)             first frame → last frame (first seen)");
      for (Motif m : ms) {
        int f = r.firstFrame(m).getAsInt();
        o.printf(Locale.ROOT, "    %-16s %4d → %4d   (frame %d%s)%n", m.label(), first.getOrDefault(m, 0), last.getOrDefault(m, 0), f,
            Double.isNaN(r.timePs()[f]) ? "" : String.format(Locale.ROOT, ", %.3f ps", r.timePs()[f]));
      }
    }
    int shown = 0;
    for (BondEvent e : r.events()) {
      if (shown++ == 10) {
        o.printf(Locale.ROOT, "  … %d more events (see --json or --out)%n", r.events().size() - 10);
        break;
      }
      o.printf(Locale.ROOT, "  %-5s %s  frame %d (%s ps)  atoms %d–%d  %.3f Å  at (%.2f, %.2f, %.2f) Å%n", e.kind(), e.pair(), e.frame(),
          Double.isNaN(e.timePs()) ? "?" : String.format(Locale.ROOT, "%.3f", e.timePs()), e.center(), e.ligand(), e.distanceA(),
          e.positionA()[0], e.positionA()[1], e.positionA()[2]);
    }
  }
}
