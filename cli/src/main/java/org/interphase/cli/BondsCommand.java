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
    description = {"Bond breakage and formation as events, coordination of centre atoms and P/S motifs (PS4, PS3, P2S7, P2S6, "
        + "S8 ring, S chain, isolated S) over time.",
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

  @Option(names = "--layers", paramLabel = "AXIS=LO:HI,…", description = "Slabs for locating events along the interface normal, e.g. "
      + "z=0:10,10:20 (Å), or auto: from the composition of the first frame along z.")
  String layers;

  @Option(names = "--out", paramLabel = "DIR", description = "Write events.csv, motifs.csv, coordination.csv, bonds.json and motifs.png/.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    BondResult r;
    List<String> warnings = new ArrayList<>();
    try (FrameSource src = Inputs.openTrajectory(path, input.toReadOptions())) {
      boolean hasP = src.header().atoms().indicesOf("P").length > 0;
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
    o.put("bond", rule.centerElement() + "-" + rule.ligandElement());
    Json.put(o, "form_a", rule.formA());
    Json.put(o, "break_a", rule.breakA());
    o.put("min_frames", rule.minFrames());
    o.put("frames", r.frames());
    o.put("centers", r.centers());
    ArrayNode ev = o.putArray("events");
    for (BondEvent e : r.events()) {
      ObjectNode n = ev.addObject();
      n.put("frame", e.frame());
      Json.put(n, "time_ps", e.timePs());
      n.put("kind", e.kind());
      n.put("bond", e.bond());
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
    ObjectNode first = o.putObject("motifs_first");
    r.firstFrame().forEach((m, f) -> {
      ObjectNode x = first.putObject(m);
      x.put("frame", f);
      Json.put(x, "time_ps", r.timePs()[f]);
    });
    ObjectNode last = o.putObject("motifs_last");
    r.motifCounts().get(r.frames() - 1).forEach(last::put);
    ArrayNode counts = o.putArray("motif_counts");
    for (int f = 0; f < r.frames(); f++) {
      ObjectNode c = counts.addObject();
      Json.put(c, "time_ps", r.timePs()[f]);
      for (String m : r.motifNames()) {
        c.put(m, r.motifCount(f, m));
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

  static void write(Path dir, BondResult r, ObjectNode doc) {
    int n = r.events().size();
    double[][] cols = new double[9][n];
    for (int i = 0; i < n; i++) {
      BondEvent e = r.events().get(i);
      cols[0][i] = e.frame();
      cols[1][i] = e.timePs();
      cols[2][i] = e.kind().equals("break") ? -1 : 1;
      cols[3][i] = e.center();
      cols[4][i] = e.ligand();
      cols[5][i] = e.distanceA();
      cols[6][i] = e.positionA()[0];
      cols[7][i] = e.positionA()[1];
      cols[8][i] = e.positionA()[2];
    }
    StringBuilder ev = new StringBuilder("frame,time_ps,kind,bond,center,ligand,distance_a,x_a,y_a,z_a,layer\n");
    for (BondEvent e : r.events()) {
      ev.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%d,%d,%.5f,%.5f,%.5f,%.5f,%s%n", e.frame(), num(e.timePs()), e.kind(), e.bond(),
          e.center(), e.ligand(), e.distanceA(), e.positionA()[0], e.positionA()[1], e.positionA()[2],
          e.layer() >= 0 ? r.layers().label(e.layer()) : ""));
    }
    Csv.writeText(dir.resolve("events.csv"), ev.toString());
    List<String> header = new ArrayList<>(List.of("frame", "time_ps"));
    header.addAll(r.motifNames());
    double[][] mc = new double[2 + r.motifNames().size()][r.frames()];
    for (int f = 0; f < r.frames(); f++) {
      mc[0][f] = f;
      mc[1][f] = r.timePs()[f];
      for (int m = 0; m < r.motifNames().size(); m++) {
        mc[2 + m][f] = r.motifCount(f, r.motifNames().get(m));
      }
    }
    Csv.write(dir.resolve("motifs.csv"), header, mc);
    int width = r.coordination()[0].length;
    List<String> ch = new ArrayList<>(List.of("frame", "time_ps", "mean_cn"));
    double[][] cc = new double[3 + width][r.frames()];
    for (int k = 0; k < width; k++) {
      ch.add("cn" + k);
    }
    for (int f = 0; f < r.frames(); f++) {
      cc[0][f] = f;
      cc[1][f] = r.timePs()[f];
      cc[2][f] = r.meanCoordination()[f];
      for (int k = 0; k < width; k++) {
        cc[3 + k][f] = r.coordination()[f][k];
      }
    }
    Csv.write(dir.resolve("coordination.csv"), ch, cc);
    Csv.writeText(dir.resolve("bonds.json"), Json.write(doc));
    Charts.write(chart(r), dir.resolve("motifs"), 900, 600);
  }

  static ChartSpec chart(BondResult r) {
    List<ChartSpec.Series> series = new ArrayList<>();
    boolean time = r.timePs().length > 0 && !Double.isNaN(r.timePs()[0]);
    double[] x = new double[r.frames()];
    for (int f = 0; f < r.frames(); f++) {
      x[f] = time ? r.timePs()[f] : f;
    }
    for (String m : r.motifNames()) {
      if (m.startsWith("S (isolated)")) {
        continue;
      }
      double[] y = new double[r.frames()];
      for (int f = 0; f < r.frames(); f++) {
        y[f] = r.motifCount(f, m);
      }
      series.add(new ChartSpec.Series(m, x, y, null, ChartSpec.Style.LINE));
    }
    return new ChartSpec("Motifs over time", time ? "time (ps)" : "frame", "count", series, Double.NaN, Double.NaN, null);
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  private static void printHuman(PrintWriter o, BondResult r) {
    BondRule rule = r.parameters().primary();
    o.printf(Locale.ROOT, "%s–%s bonds: %d centres, %d frames; form < %.3f Å, break > %.3f Å, dwell %d frames%n", rule.centerElement(),
        rule.ligandElement(), r.centers(), r.frames(), rule.formA(), rule.breakA(), rule.minFrames());
    long breaks = r.events().stream().filter(e -> e.kind().equals("break")).count();
    o.printf(Locale.ROOT, "  events           %d (%d breaks, %d formations) over all followed bonds%n", r.events().size(), breaks,
        r.events().size() - breaks);
    o.printf(Locale.ROOT, "  mean CN          %.3f (first frame) → %.3f (last frame)%n", r.meanCoordination()[0],
        r.meanCoordination()[r.frames() - 1]);
    Map<String, Integer> first = r.motifCounts().get(0);
    Map<String, Integer> last = r.motifCounts().get(r.frames() - 1);
    o.println("  motifs           first frame → last frame (first seen)");
    for (String m : r.motifNames()) {
      int f = r.firstFrame().get(m);
      o.printf(Locale.ROOT, "    %-14s %4d → %4d   (frame %d%s)%n", m, first.getOrDefault(m, 0), last.getOrDefault(m, 0), f,
          Double.isNaN(r.timePs()[f]) ? "" : String.format(Locale.ROOT, ", %.3f ps", r.timePs()[f]));
    }
    int shown = 0;
    for (BondEvent e : r.events()) {
      if (shown++ == 10) {
        o.printf(Locale.ROOT, "  … %d more events (see --json or --out)%n", r.events().size() - 10);
        break;
      }
      o.printf(Locale.ROOT, "  %-5s %s  frame %d (%s ps)  atoms %d–%d  %.3f Å  at (%.2f, %.2f, %.2f) Å%n", e.kind(), e.bond(), e.frame(),
          Double.isNaN(e.timePs()) ? "?" : String.format(Locale.ROOT, "%.3f", e.timePs()), e.center(), e.ligand(), e.distanceA(),
          e.positionA()[0], e.positionA()[1], e.positionA()[2]);
    }
  }
}
