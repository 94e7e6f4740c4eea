package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.BondRule;
import org.interphase.analysis.bonds.Layers;
import org.interphase.analysis.bonds.Motif;
import org.interphase.analysis.msd.DiffusionEstimator;
import org.interphase.analysis.msd.DiffusionFitWindow;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.msd.Region;
import org.interphase.analysis.bonds.BondViews;
import org.interphase.analysis.bonds.LayerSpec;
import org.interphase.analysis.msd.MsdViews;
import org.interphase.analysis.hops.HopAnalysis;
import org.interphase.analysis.hops.HopParameters;
import org.interphase.analysis.hops.HopResult;
import org.interphase.analysis.rotation.RotationAnalysis;
import org.interphase.analysis.rotation.RotationParameters;
import org.interphase.analysis.rotation.RotationResult;
import org.interphase.analysis.rdf.RadialDistribution;
import org.interphase.analysis.rdf.RdfParameters;
import org.interphase.analysis.rdf.RdfResult;
import org.interphase.analysis.rdf.RdfViews;
import org.interphase.analysis.vanhove.VanHove;
import org.interphase.analysis.vanhove.VanHoveParameters;
import org.interphase.analysis.vanhove.VanHoveResult;
import org.interphase.analysis.vanhove.VanHoveViews;
import org.interphase.core.Warning;
import org.interphase.core.view.Figure;
import org.interphase.core.Runner;
import org.interphase.core.view.Document;
import org.interphase.core.view.Views;
import org.interphase.core.Frame;
import org.interphase.core.FrameSampler;
import org.interphase.core.FrameSource;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.ReadOptions;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.report.HtmlReport;
import org.interphase.viz.report.Viewer3d;

/**
 * The section of a report for one MD run: bond events and motifs, structure, g(r), transport, hops between sites, PS4 rotation and
 * its coupling to the hops, van Hove correlation — from one read of the run.
 */
final class MdSection {
  private MdSection() {}

  private static String fmt(double v) {
    return ReportParameters.fmt(v);
  }

  /** What one pass over an MD run gave each analysis of its section. */
  private record MdPass(TrajectoryHeader header, Runner.Pass pass, BondParameters bondParameters, Runner.Slot<BondResult> bonds,
      Runner.Slot<MsdResult> msd, List<Runner.Slot<MsdResult>> regions, MsdParameters msdParameters, List<RdfRun> rdf,
      Runner.Slot<HopResult> hops, Runner.Slot<List<FrameSampler.Sampled>> sample, Runner.Slot<VanHoveResult> vanHove,
      Runner.Slot<RotationResult> rotation) {}

  /** One g(r) of the section: what was asked and what it gave. */
  private record RdfRun(RdfParameters parameters, Runner.Slot<RdfResult> slot) {}

  /** The pairs whose g(r) a report shows when the run has both elements. */
  private static final List<List<String>> RDF_PAIRS = List.of(List.of("Li", "S"), List.of("P", "S"));

  /**
   * The report's g(r) and van Hove distinct part average at most about this many frames (origins), evenly spread over the
   * run: enough for converged pair functions of AIMD-sized cells.
   */
  static final int RDF_FRAMES = 500;

  /** Every k-th frame for the report's g(r): 1 up to {@link #RDF_FRAMES} frames (or when the count is unknown). */
  static int rdfStride(long expectedFrames) {
    return expectedFrames > RDF_FRAMES ? (int) Math.ceil(expectedFrames / (double) RDF_FRAMES) : 1;
  }

  /** The report's van Hove lags, as fractions of the run: 10, 25 and 50 % (rounded to two digits in ps, then to whole frames). */
  private static final double[] VAN_HOVE_RUN_FRACTIONS = {0.1, 0.25, 0.5};

  /**
   * Reads the run once, feeding the bond analysis, the g(r) of the default pairs, the MSD of the whole cell and of each region, and the
   * van Hove correlation of the mobile species.
   */
  private static MdPass read(ReportPlan.Md m, ReadOptions options) {
    try (FrameSource src = Inputs.openTrajectory(m.path(), options)) {
      TrajectoryHeader h = src.header();
      Runner run = new Runner(src);
      BondParameters bp = null;
      Runner.Slot<BondResult> bonds = null;
      Runner.Slot<List<FrameSampler.Sampled>> sample = null;
      if (h.atoms().indicesOf("S").length > 0) {
        bp = BondParameters.defaultsFor(h.atoms());
        bp = m.layers() == null ? bp : bp.withLayers(m.layers());
        // the 3D view's frames come from this pass too: the frames around the first events and an even sample
        bonds = run.add(new BondAnalysis(bp, Viewers.window(h.atoms().size())));
        if (Viewers.samples(h.atoms().size()) > 0) {
          sample = run.add(new FrameSampler(Viewers.samples(h.atoms().size())));
        }
      }
      MsdParameters p = RunAnalyses.msdDefaults(m.species(), Double.NaN, m.temperatureK(), m.fitStartPs(), m.fitEndPs());
      Runner.Slot<MsdResult> msd = null;
      List<Runner.Slot<MsdResult>> regions = new ArrayList<>();
      Runner.Slot<VanHoveResult> vanHove = null;
      // the runner deals the analyses out to its workers in turn: in this order the costly ones (bonds, van Hove, MSD, hops) fall
      // two to each of two workers
      if (h.atoms().indicesOf(m.species()).length > 0 && !Double.isNaN(h.timestepFs())) {
        vanHove = run.add(new VanHove(VanHoveParameters.ofRunFractions(m.species(), VAN_HOVE_RUN_FRACTIONS)
            .withMaxDistinctOrigins(RDF_FRAMES)));
        msd = run.add(new MeanSquaredDisplacement(p));
        for (String reg : m.regions()) {
          regions.add(run.add(new MeanSquaredDisplacement(p.withRegion(Region.parse(reg)))));
        }
      }
      List<RdfRun> rdf = new ArrayList<>();
      for (List<String> pair : RDF_PAIRS) {
        if (h.atoms().indicesOf(pair.get(0)).length > 0 && h.atoms().indicesOf(pair.get(1)).length > 0) {
          double rangeA = RdfParameters.defaultRangeA(h.firstCell(), RdfParameters.DEFAULT_BIN_A);
          RdfParameters rp = new RdfParameters(pair.get(0), pair.get(1), rangeA, RdfParameters.DEFAULT_BIN_A, null,
              rdfStride(src.expectedFrames()));
          rdf.add(new RdfRun(rp, run.add(new RadialDistribution(rp))));
          for (String reg : m.regions()) {
            RdfParameters in = rp.withRegion(Region.parse(reg));
            rdf.add(new RdfRun(in, run.add(new RadialDistribution(in))));
          }
        }
      }
      Runner.Slot<RotationResult> rotation = h.atoms().indicesOf("P").length > 0 && h.atoms().indicesOf("S").length > 0
          ? run.add(new RotationAnalysis(RotationParameters.of("P", "S"))) : null;
      Runner.Slot<HopResult> hops = msd == null ? null : run.add(new HopAnalysis(HopParameters.of(m.species()).withTracer(false)));
      Runner.Pass pass = run.run(Progress.of(src));
      return new MdPass(h, pass, bp, bonds, msd, regions, p, rdf, hops, sample, vanHove, rotation);
    }
  }

  /** One MD run's section: the run read once, its structure, bond events and motifs, and transport. */
  static void write(ReportPlan.Md m, Path dir, String rel, ReadOptions options, HtmlReport html, JmolRenderer jmol,
      PrintWriter err, ReportParameters used, int dpi) {
    MdPass run = read(m, options);
    TrajectoryHeader h = run.header();
    List<Warning> warnings = new ArrayList<>(run.pass().warnings());
    String name = m.title() != null ? m.title() : m.path().getFileName().toString();
    String sec = "MD run: " + name;
    html.section(sec).text(String.format(Locale.ROOT, "%s: %d atoms %s, %d frames, %s fs between frames, %s.", h.program(),
        h.atoms().size(), h.atoms().speciesCounts(), run.pass().frames(), fmt(h.timestepFs()), run.pass().firstFrame().cell()));
    used.add(sec, "input", m.path().getFileName() + " (" + h.program() + ", " + h.format() + ")");
    used.add(sec, "time between frames", Double.isNaN(h.timestepFs()) ? "unknown" : fmt(h.timestepFs()) + " fs (" + h.timestepSource() + ")");
    List<String> files = new ArrayList<>();
    // the data files of the two analyses are written side by side while the page is assembled
    CompletableFuture<Void> bondFiles = run.bonds() == null ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(() -> {
      if (run.bonds().ok()) {
        ResultWriter.write(dir, BondViews.of(run.bonds().result(), List.of()), dpi);
      }
    }, WRITERS);
    CompletableFuture<Void> msdFiles = run.msd() == null ? CompletableFuture.completedFuture(null)
        : CompletableFuture.runAsync(() -> writeTransport(run, dir, dpi), WRITERS);
    if (run.bonds() != null) {
      bonds(m, run, dir, rel, html, jmol, warnings, files, used, sec, bondFiles);
    } else {
      html.missing("Bond events and motifs not computed: the run has no S atoms (the analysis follows P–S, S–S and P–P bonds).");
    }
    rdf(run, dir, rel, html, warnings, files, used, sec, dpi);
    transport(m, run, dir, rel, html, warnings, files, used, sec, msdFiles);
    MechanismSection.Page page = new MechanismSection.Page(dir, rel, html, warnings, files, used, sec, dpi);
    List<Region> layers = m.regions().stream().map(Region::parse).toList();
    MechanismSection.hops(run.hops(), layers, run.msd() != null && run.msd().ok() ? run.msd().result().diffusivity().value() : Double.NaN,
        page);
    MechanismSection.rotation(run.rotation(), run.hops(), run.pass().firstFrame(), page);
    vanHove(m, run, dir, rel, html, warnings, files, used, sec, dpi);
    // the same doubt about several layers or pairs is said once
    List<String> once = vacuumOnce(warnings, run.pass().firstFrame()).stream().distinct().toList();
    html.links(files).warnings(once).endSection();
    once.forEach(w -> err.println("warning: " + name + ": " + w));
    err.flush();
  }

  /** The bond part of an MD section: the structure at the first appearance of the highlighted motif, the motif chart and table. */
  /**
   * The warnings' texts, with the vacuum doubt that the MSD, each g(r) and the van Hove correlation raise in their own words (each
   * normalises with a density over the whole cell; warning kinds {@code VACUUM}) said once for the run, in the place of the first.
   */
  static List<String> vacuumOnce(List<Warning> warnings, org.interphase.core.Frame first) {
    List<Warning> said = warnings.stream().filter(w -> w.kind() == MsdResult.Doubt.VACUUM || w.kind() == RdfResult.Doubt.VACUUM
        || w.kind() == VanHoveResult.Doubt.VACUUM).toList();
    org.interphase.core.VacuumGap gap = first == null ? null : org.interphase.core.VacuumGap.of(first);
    if (said.size() < 2 || gap == null || !gap.hasVacuum()) {
      return Warning.texts(warnings);
    }
    double factor = 1 / (1 - gap.vacuumFraction());
    List<String> parts = new ArrayList<>();
    if (said.stream().anyMatch(w -> w.kind() == MsdResult.Doubt.VACUUM)) {
      parts.add(String.format(Locale.ROOT, "σ comes out %.2f times lower than over the material alone (a region covering the material "
          + "gives σ with its own volume)", factor));
    }
    boolean rdf = said.stream().anyMatch(w -> w.kind() == RdfResult.Doubt.VACUUM);
    boolean distinct = said.stream().anyMatch(w -> w.kind() == VanHoveResult.Doubt.VACUUM);
    if (rdf || distinct) {
      parts.add(String.format(Locale.ROOT, "%s level%s off near %.2f, not 1%s", rdf && distinct ? "the g(r) and the van Hove distinct part"
          : rdf ? "the g(r)" : "the van Hove distinct part", rdf && distinct ? "" : "s", factor,
          rdf ? " (coordination numbers do not depend on it)" : ""));
    }
    String merged = "the cell holds " + gap.describe() + ": densities are taken over the whole cell, vacuum included, so "
        + String.join(", and ", parts);
    List<String> out = new ArrayList<>();
    for (Warning w : warnings) {
      if (!said.contains(w)) {
        out.add(w.text());
      } else if (w == said.get(0)) {
        out.add(merged);
      }
    }
    return out;
  }

  private static void bonds(ReportPlan.Md m, MdPass run, Path dir, String rel, HtmlReport html, JmolRenderer jmol, List<Warning> warnings,
      List<String> files, ReportParameters used, String sec, CompletableFuture<Void> written) {
    TrajectoryHeader h = run.header();
    BondParameters bp = run.bondParameters();
    if (!run.bonds().ok()) {
      html.missing("Bond events and motifs not computed: " + run.bonds().failure() + ".");
      return;
    }
    BondResult br = run.bonds().result();
    files.addAll(List.of(rel + "/events.csv", rel + "/motifs.csv", rel + "/coordination.csv", rel + "/bonds.json"));
    boolean hasP = h.atoms().indicesOf("P").length > 0;
    String target = m.highlight() != null ? m.highlight().replace("motif:", "") : hasP ? "PS3" : "S chain";
    java.util.Optional<java.util.Map.Entry<Integer, Frame>> seen = m.lastFrame() ? java.util.Optional.empty()
        : br.firstFrameWith(target.split(",")[0].strip());
    int index = seen.map(java.util.Map.Entry::getKey).orElse((int) run.pass().frames() - 1);
    Frame shown = seen.map(java.util.Map.Entry::getValue).orElse(run.pass().lastFrame());
    Scenes.Drawn drawn = Scenes.drawn(h.atoms(), shown);
    Scene picture = Scenes.frame(h.atoms(), drawn, index, "motif:" + target, 900, 700, null, List.of(), null);
    Scenes.write(jmol, picture, dir.resolve("structure.png"), "scene");
    files.add(rel + "/scene.json");
    String sought = target.split(",")[0].strip();
    String shownList = String.join(", ", java.util.Arrays.stream(target.split(",")).map(String::strip).toList());
    String caption = seen.isPresent() ? "Frame " + index + ", the first with " + sought + " (highlighted: " + shownList + ")"
        : "Last frame, " + shownList + " highlighted where present";
    int last = (int) run.pass().frames() - 1;
    if (seen.isPresent() && index < last) {
      // where the motif first appears beside how the run ends
      Scene end = Scenes.frame(h.atoms(), Scenes.drawn(h.atoms(), run.pass().lastFrame()), last, "motif:" + target, 900, 700, null,
          List.of(), null);
      Scenes.write(jmol, end, dir.resolve("structure-last.png"), "scene-last");
      files.add(rel + "/scene-last.json");
      html.figures(List.of(dir.resolve("structure.png"), dir.resolve("structure-last.png")), List.of(caption,
          "Last frame (" + last + "), " + shownList + " highlighted where present"));
    } else {
      html.figure(dir.resolve("structure.png"), caption);
    }
    Viewer3d view = view3d(run, br, picture, drawn, index, caption, rel, target, html);
    if (view != null) {
      used.add(sec, "3D view", Viewers.describe(view, br));
    }
    join(written);
    html.figure(dir.resolve("motifs.png"), "Motif counts over time (bonds form below/break above the cutoffs after a dwell of "
        + bp.primary().minFrames() + " frames)");
    List<List<String>> rows = new ArrayList<>();
    for (Motif mo : br.motifs()) {
      int f = br.firstFrame(mo).getAsInt();
      rows.add(List.of(mo.label(), mo.family() == Motif.Family.THIOPHOSPHATE ? "thiophosphate (P–S)" : "sulfur (S–S)",
          Integer.toString(br.count(0, mo)), Integer.toString(br.count(br.frames() - 1, mo)), Double.isNaN(br.timePs(f)) ? Integer.toString(f)
          : f + " (" + fmt(br.timePs(f)) + " ps)"));
    }
    html.table(List.of("motif", "classification", "units in the first frame", "units in the last frame", "first seen"), rows);
    html.text(br.events().size() + " " + bp.primary().pair() + " bond events (form < " + bp.primary().formA() + " Å, break > "
        + bp.primary().breakA() + " Å; S–S and P–P bonds are followed for the motifs)"
        + (br.layers() == null ? "" : "; layers " + layerNames(br.layers())) + ".");
    eventTable(h, br, rel, view, html);
    warnings.addAll(br.warnings());
    List<String> rules = new ArrayList<>();
    for (BondRule r : bp.all()) {
      rules.add(String.format(Locale.ROOT, "%s–%s forms below %s Å, breaks above %s Å", r.centerElement(), r.ligandElement(),
          fmt(r.formA()), fmt(r.breakA())));
    }
    used.add(sec, "bond cutoffs", String.join("; ", rules) + " (events of " + String.join(", ", bp.eventPairs()) + ")");
    used.add(sec, "dwell", bp.primary().minFrames() + " frames" + (Double.isNaN(h.timestepFs()) ? ""
        : " (" + fmt(bp.primary().minFrames() * h.timestepFs()) + " fs)") + ": a bond change counts when it lasts that long");
    used.add(sec, "layers", br.layers() == null ? "none" : (bp.layers() == LayerSpec.AUTOMATIC
        ? "found along z from the first frame's composition: " : "given: ") + layerNames(br.layers()));
    used.add(sec, "structure picture", (seen.isPresent() ? "frame " + index + ", the first with " + sought + ", beside the last frame"
        : "the last frame")
        + ", highlighted: " + target);
  }

  /** The 3D view under the picture (its frame first), or why there is none; {@code null} without a view. */
  private static Viewer3d view3d(MdPass run, BondResult br, Scene picture, Scenes.Drawn drawn, int index, String caption, String rel,
      String target, HtmlReport html) {
    TrajectoryHeader h = run.header();
    Viewer3d view = null;
    if (!Viewers.fits(h.atoms().size())) {
      html.missing("No 3D view: " + h.atoms().size() + " atoms are more than the page holds for one run (" + Viewers.ATOM_FRAMES_PER_RUN
          + " atom positions); the picture above and scene.json show the structure.");
    } else {
      List<FrameSampler.Sampled> sample = run.sample() != null && run.sample().ok() ? run.sample().result() : List.of();
      view = Viewers.md(rel, h.atoms(), picture, drawn, index, caption, sample, br, target);
      int withFrames = (int) java.util.stream.IntStream.range(0, br.events().size()).filter(k -> !br.framesAround(br.events().get(k))
          .isEmpty()).count();
      html.viewer(view, "3D view of the run (drag to turn, scroll to zoom, click an atom for its index, element and unit). The menu "
          + "shows the picture's frame" + (br.events().isEmpty() ? " or " : ", ") + sample.size() + " frames sampled evenly over the run "
          + "(click the timeline below: motif counts per frame" + (br.events().isEmpty() ? "; the run has no bond events)."
          : ", events as triangles, red a break, green a formation) or the frames around an event (click it in the timeline or the "
          + "table of events: every " + Viewers.STRIDE_FRAMES + " frames from " + Viewers.SAMPLES_EACH_SIDE * Viewers.STRIDE_FRAMES
          + " before to " + Viewers.SAMPLES_EACH_SIDE * Viewers.STRIDE_FRAMES + " after it, its two atoms highlighted; kept for "
          + withFrames + " of " + br.events().size() + " events)."));
    }
    return view;
  }

  /** The first bond events as a table; a row whose frames the 3D view holds shows them when clicked. */
  private static void eventTable(TrajectoryHeader h, BondResult br, String rel, Viewer3d view, HtmlReport html) {
    if (br.events().isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < Math.min(Viewers.EVENTS_LISTED, br.events().size()); k++) {
      org.interphase.analysis.bonds.BondEvent e = br.events().get(k);
      rows.add(List.of(Integer.toString(k + 1), Integer.toString(e.frame()), Double.isNaN(e.timePs()) ? "" : fmt(e.timePs()),
          e.kind().label(), e.pair(), h.atoms().element(e.center()) + " " + e.center() + " – " + h.atoms().element(e.ligand()) + " "
          + e.ligand(), String.format(Locale.ROOT, "%.3f", e.distanceA()), e.layer() >= 0 ? br.layers().label(e.layer()) : ""));
      keys.add(view != null && !br.framesAround(e).isEmpty() ? Viewers.eventKey(k) : null);
    }
    if (br.events().size() > Viewers.EVENTS_LISTED) {
      html.text("The first " + Viewers.EVENTS_LISTED + " of " + br.events().size() + " events (all are in " + rel + "/events.csv):");
    }
    html.pickTable(rel, List.of("event", "frame", "time (ps)", "kind", "pair", "atoms", "distance (Å)", "layer"), rows, keys);
  }

  /**
   * The g(r) part of an MD section: per pair (Li–S, P–S) a chart of its g(r) in the whole cell and in each region, a table of the
   * first shells, and per g(r) its files under {@code rdf-A-B/} ({@code rdf-A-B-layer-K/} for region K), as {@code rdf --out}
   * writes them; a region without atoms of the pair's first element is said so.
   */
  private static void rdf(MdPass run, Path dir, String rel, HtmlReport html, List<Warning> warnings, List<String> files,
      ReportParameters used, String sec, int dpi) {
    if (run.rdf().isEmpty()) {
      html.missing("g(r) not computed: the run has neither Li and S nor P and S (it holds " + run.header().atoms().speciesCounts().keySet()
          + ").");
      return;
    }
    java.util.Map<String, List<RdfResult>> byPair = new java.util.LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    int layer = 0;
    for (RdfRun r : run.rdf()) {
      RdfParameters p = r.parameters();
      String pair = p.elementA() + "–" + p.elementB();
      String where = p.region() == null ? "whole cell" : p.elementA() + " in " + p.region();
      layer = p.region() == null ? 0 : layer + 1;
      if (!r.slot().ok()) {
        html.missing("g(r) of " + pair + " (" + where + ") not computed: " + r.slot().failure() + ".");
        continue;
      }
      RdfResult res = r.slot().result();
      String sub = "rdf-" + p.elementA() + "-" + p.elementB() + (layer == 0 ? "" : "-layer-" + layer);
      ResultWriter.write(dir.resolve(sub), RdfViews.of(res, List.of()), dpi);
      files.addAll(List.of(rel + "/" + sub + "/rdf.csv", rel + "/" + sub + "/rdf.json"));
      byPair.computeIfAbsent(p.elementA() + "-" + p.elementB(), k -> new ArrayList<>()).add(res);
      List<String> row = new ArrayList<>(List.of(pair, where));
      row.addAll(RdfViews.shellCells(res));
      rows.add(row);
      warnings.addAll(res.warnings());
    }
    for (java.util.Map.Entry<String, List<RdfResult>> e : byPair.entrySet()) {
      List<RdfResult> rs = e.getValue();
      String pair = e.getKey().replace('-', '–');
      String caption = pair + " g(r) over " + rs.get(0).frames() + " frames, each normalised with its own cell volume";
      if (rs.size() == 1 && rs.get(0).parameters().region() == null) {
        html.figure(dir.resolve("rdf-" + e.getKey()).resolve("rdf.png"), caption + "; the first shell shaded");
      } else {
        List<String> names = rs.stream().map(x -> x.parameters().region() == null ? "whole cell"
            : x.parameters().elementA() + " in " + x.parameters().region().label()).toList();
        Figure fig = new Figure("rdf-" + e.getKey() + "-layers", RdfViews.overlay(pair + " g(r), whole cell and layers", rs, names));
        org.interphase.viz.chart.Charts.write(fig, dir, dpi);
        html.figure(dir.resolve(fig.stem() + ".png"), caption + "; in a layer only its " + rs.get(0).parameters().elementA()
            + " atoms are centres");
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    RdfParameters first = run.rdf().get(0).parameters();
    html.table(List.of("pair", "centres", "first peak (Å)", "g at the peak", "first minimum (Å)", "first-shell coordination"), rows);
    used.add(sec, "g(r)", String.join(", ", RDF_PAIRS.stream().map(x -> x.get(0) + "–" + x.get(1)).toList()) + " where the run has "
        + "both elements; r up to " + fmt(first.rMaxA()) + " Å (half the first cell's smallest width, at most 8 Å) in bins of "
        + fmt(first.binWidthA()) + " Å; " + (first.everyFrames() == 1 ? "every frame" : "one frame in " + first.everyFrames()
        + " (at most about " + RDF_FRAMES + " frames), each") + " normalised with its own volume; first shell up to the first minimum "
        + "of g");
  }

  /** The whole run's rows of the transport table: fit window, D of both estimators, sampling, σ; a doubtful D and σ say so. */
  private static List<List<String>> wholeRun(MsdResult r, List<String> doubts) {
    DiffusionFitWindow.Check window = DiffusionFitWindow.check(r);
    String doubtful = doubts.isEmpty() ? "" : " — doubtful (" + String.join(", ", doubts) + "; see the warnings)";
    return List.of(
        List.of("fit window", fmt(r.fitStartPs()) + "–" + fmt(r.fitEndPs()) + " ps (" + r.fitPoints() + " lags; "
            + String.format(Locale.ROOT, "log–log slope %.2f, MSD at the end %.3g Å²; %s)", window.logLogSlope(), window.endMsdA2(),
            r.sampling().windowChoice())),
        List.of(r.estimator() == DiffusionEstimator.GLS ? "D (GLS, modelled covariance)" : "D (least squares, correlation-aware error)",
            r.diffusivity().display() + doubtful),
        r.estimator() == DiffusionEstimator.GLS
            ? List.of("D (least squares, correlation-aware error, for comparison)", r.diffusivityOls().display())
            : List.of("D (GLS, for comparison; not quoted, see the warnings)", r.diffusivityGls().display()),
        List.of("sampling", String.format(Locale.ROOT, "%.3g independent displacements at the window's end, ~%.3g hops in the run",
            r.sampling().independentDisplacements(), r.sampling().hopEquivalents())),
        List.of("σ (Nernst–Einstein)", Double.isNaN(r.temperatureK()) ? "not computed: the temperature is unknown (pass "
            + "--temperature-k, give \"temperature_k\" for this run in a manifest, or keep the files that record it, e.g. the .ener or "
            + "OUTCAR)"
            : r.conductivity().display() + " at " + fmt(r.temperatureK()) + " K (" + r.temperatureSource() + ")"
            + (doubts.isEmpty() ? "" : " — doubtful, as D")),
        List.of("drift reference", r.driftReference()));
  }

  /** The transport part of an MD section: MSD, D and σ for the whole cell and per layer, or why not. */
  private static void transport(ReportPlan.Md m, MdPass run, Path dir, String rel, HtmlReport html, List<Warning> warnings,
      List<String> files, ReportParameters used, String sec, CompletableFuture<Void> written) {
    TrajectoryHeader h = run.header();
    if (h.atoms().indicesOf(m.species()).length == 0) {
      html.missing("MSD not computed: the run has no " + m.species() + " atoms (it holds " + h.atoms().speciesCounts().keySet()
          + "); name the mobile element with --species, or as \"species\" of this run in a manifest (see examples/demo.json).");
      return;
    }
    if (Double.isNaN(h.timestepFs())) {
      html.missing("MSD not computed: the time between frames is unknown (" + timestepHint(h) + ").");
      return;
    }
    List<Runner.Slot<MsdResult>> slots = new ArrayList<>(List.of(run.msd()));
    slots.addAll(run.regions());
    for (Runner.Slot<MsdResult> slot : slots) {
      if (!slot.ok()) {
        html.missing("MSD not computed: " + slot.failure() + ".");
        return;
      }
    }
    MsdResult r = run.msd().result();
    List<MsdResult> regions = run.regions().stream().map(Runner.Slot::result).toList();
    MsdParameters p = run.msdParameters();
    join(written);
    files.addAll(List.of(rel + "/msd.csv", rel + "/msd.json", rel + "/transport.csv"));
    html.figure(dir.resolve("msd.png"), m.species() + " mean squared displacement with the fit window shaded");
    if (!regions.isEmpty()) {
      // where the whole run and the layers do not all quote the same estimator, every row also shows its least-squares D, so
      // that the rows and the whole run compare on one estimator (the quoted D stays the one of msd.json and transport.csv)
      boolean mixed = regions.stream().anyMatch(x -> x.estimator() != r.estimator());
      List<List<String>> rows = new ArrayList<>();
      for (MsdResult rr : regions) {
        List<String> doubts = MsdViews.doubts(rr);
        List<String> row = new ArrayList<>(List.of(rr.region().toString(), String.format(Locale.ROOT, "%.4f", rr.numberDensityPerA3()),
            rr.diffusivity().displayNumber(), rr.conductivity().displayNumber(), rr.estimator() == DiffusionEstimator.GLS ? "GLS"
            : "least squares"));
        if (mixed) {
          row.add(rr.diffusivityOls().displayNumber());
        }
        row.add(doubts.isEmpty() ? "pass" : "D doubtful: " + String.join(", ", doubts));
        rows.add(row);
      }
      html.text("Li transport per layer (a displacement counts when both ends lie in the layer; σ uses the layer's density; a "
          + "doubtful D is one whose fit window fails the checks of the whole-run MSD below" + (mixed ? "; the whole run and the layers "
          + "do not all quote the same estimator, so each layer's least-squares D is given too, to compare with the whole run's "
          + r.diffusivityOls().display() : "") + "):");
      List<String> head = new ArrayList<>(List.of("layer", "n (Å⁻³)", "D (cm²/s)", "σ (S/cm)", "D from"));
      if (mixed) {
        head.add("D, least squares (cm²/s)");
      }
      head.add("window checks");
      html.table(head, rows);
    }
    html.table(List.of("quantity", "value"), wholeRun(r, MsdViews.doubts(r, run.pass().warnings())));
    warnings.addAll(MsdViews.warnings(r));
    used.add(sec, "MSD species, axes", r.species() + ", " + r.axes() + " (D = slope / " + 2 * r.axes().length() + ")");
    used.add(sec, "fit window", fmt(r.fitStartPs()) + "–" + fmt(r.fitEndPs()) + " ps, both ends included" + (Double.isNaN(m.fitStartPs())
        || Double.isNaN(m.fitEndPs()) ? " (default where not given: from the earliest of 2, 5 and 10 % of the run where the MSD is straight, "
        + "to 50 %)" : " (given)"));
    used.add(sec, "drift reference", r.driftReference());
    used.add(sec, "temperature for σ", Double.isNaN(r.temperatureK()) ? "unknown (σ not computed)"
        : fmt(r.temperatureK()) + " K (" + r.temperatureSource() + "), charge +1 e");
    used.add(sec, "error model", "at most " + p.maxGlsPoints() + " lags sampled in the window (" + r.sampledLags() + " used)");
    if (!regions.isEmpty()) {
      used.add(sec, "transport layers", String.join(", ", regions.stream().map(rr -> rr.region().toString()).toList()));
    }
  }

  /**
   * The van Hove part of an MD section: the self part's chart, a table per lag (mean |Δr|, the share that moved beyond 2 Å), and the
   * files of {@code vanhove --out} under {@code vanhove/}; or why not (the MSD part says why the species or the time step is missing).
   */
  private static void vanHove(ReportPlan.Md m, MdPass run, Path dir, String rel, HtmlReport html, List<Warning> warnings, List<String> files,
      ReportParameters used, String sec, int dpi) {
    if (run.vanHove() == null) {
      return;
    }
    if (!run.vanHove().ok()) {
      html.missing("van Hove correlation not computed: " + run.vanHove().failure() + ".");
      return;
    }
    VanHoveResult r = run.vanHove().result();
    ResultWriter.write(dir.resolve("vanhove"), VanHoveViews.of(r, List.of()), dpi);
    files.addAll(List.of(rel + "/vanhove/vanhove.csv", rel + "/vanhove/vanhove_lags.csv", rel + "/vanhove/vanhove.json"));
    html.figure(dir.resolve("vanhove").resolve("vanhove_self.png"), "Self part of the " + r.species() + " van Hove correlation, 4πr²Gₛ(r, t): "
        + "how far an atom moves in t, over every time origin (a second peak or shoulder near the site-to-site distance marks hops)");
    if (r.atoms() > 1) {
      html.figure(dir.resolve("vanhove").resolve("vanhove_distinct.png"), "Distinct part of the " + r.species() + " van Hove correlation: "
          + "where the other " + r.species() + " are at t around where one was at 0 (1 for an ideal gas; a rise at r → 0: another atom "
          + "has taken its site)");
    }
    String beyond = fmt(r.parameters().displacedA());
    html.table(List.of("t (ps)", "origins", "mean |Δr| (Å)", "moved beyond " + beyond + " Å (%)"), VanHoveViews.lagRows(r));
    warnings.addAll(r.warnings());
    used.add(sec, "van Hove lags", String.join(", ", java.util.Arrays.stream(r.lagsPs()).mapToObj(ReportParameters::fmt).toList())
        + " ps (10, 25, 50 % of the run rounded to two digits, then to whole frames), " + m.species() + ", every time origin"
        + (run.pass().frames() > RDF_FRAMES ? " in the self part, at most " + RDF_FRAMES + " spread over the run in the distinct part" : ""));
    used.add(sec, "van Hove range", "r up to " + fmt(r.rMaxA()) + " Å in bins of " + fmt(r.binA()) + " Å, the distinct part up to "
        + fmt(r.distinctRMaxA()) + " Å (at most half the first cell's smallest width); moved: |Δr| above " + beyond + " Å");
  }

  /** msd.json (with the per-region transport), msd.csv, transport.csv and the MSD chart; nothing when an MSD failed. */
  private static void writeTransport(MdPass run, Path dir, int dpi) {
    List<Runner.Slot<MsdResult>> slots = new ArrayList<>(List.of(run.msd()));
    slots.addAll(run.regions());
    if (!slots.stream().allMatch(Runner.Slot::ok)) {
      return;
    }
    MsdResult r = run.msd().result();
    List<MsdResult> regions = run.regions().stream().map(Runner.Slot::result).toList();
    Views views = MsdViews.of(r, List.of());
    Document doc = views.json();
    Document.Items layers = doc.array("regions");
    regions.forEach(rr -> layers.add(MsdViews.transport(rr)));
    List<MsdResult> all = new ArrayList<>(List.of(r));
    all.addAll(regions);
    ResultWriter.write(dir, new Views("msd", doc, List.of(MsdViews.table(r), MsdViews.transportTable(all)), views.figures(), List.of(),
        List.of(), List.of()), dpi);
  }

  /** Threads that write a section's data files while the page is assembled (daemons: they never keep the program alive). */
  private static final java.util.concurrent.Executor WRITERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "interphase-writer");
    t.setDaemon(true);
    return t;
  });

  /** Waits for background writing; its failure (e.g. a full disk) is thrown here as it was raised. */
  private static void join(CompletableFuture<Void> f) {
    try {
      f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static String timestepHint(TrajectoryHeader h) {
    String program = h.program() == null ? "" : h.program().toUpperCase(Locale.ROOT);
    if (program.contains("VASP")) {
      return "pass --timestep-fs or keep the INCAR beside the XDATCAR";
    }
    if (program.contains("CP2K")) {
      return "pass --timestep-fs or keep the run's input (.inp) or .ener beside the trajectory";
    }
    return "pass --timestep-fs, the time between stored frames";
  }

  private static String layerNames(Layers l) {
    return String.join(", ", BondViews.layerLabels(l));
  }
}
