package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.BondRule;
import org.interphase.analysis.bonds.Layers;
import org.interphase.analysis.energetics.InterfaceEnergy;
import org.interphase.analysis.energetics.InterfaceParameters;
import org.interphase.analysis.energetics.InterfaceResult;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.neb.NebAnalysis;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.EnergyRun;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.EnergyRuns;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;
import org.interphase.viz.chart.Charts;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase report PATH… --out DIR}: one HTML page with every analysis that fits. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"One self-contained HTML page with every analysis that fits the inputs (structures, MSD, bond events and motifs, "
        + "interface energies, NEB profiles), with the JSON and CSV behind each figure beside it.",
        "PATHs are MD or NEB runs; --manifest describes interfaces and options (see examples/demo.json)."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "MD runs and NEB runs (files or folders).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--manifest", paramLabel = "FILE.json", description = "A report plan (paths relative to the file).")
  Path manifest;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where index.html and the data go.")
  Path out;

  @Override
  public Integer call() {
    ReportPlan plan = manifest != null ? ReportPlan.read(manifest) : planFor(paths);
    Path page = build(plan, out, input.toReadOptions(), spec.commandLine().getErr());
    PrintWriter o = spec.commandLine().getOut();
    o.println("report: " + page.toAbsolutePath().normalize());
    o.flush();
    return 0;
  }

  private static ReportPlan planFor(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give run paths or --manifest");
    }
    List<ReportPlan.Md> md = new ArrayList<>();
    List<ReportPlan.Neb> neb = new ArrayList<>();
    for (Path p : paths) {
      boolean isNeb = Files.isDirectory(p) && RunDiscovery.discover(p).stream().anyMatch(r -> RunDiscovery.NEB.contains(r.kind()));
      if (isNeb) {
        neb.add(new ReportPlan.Neb(p.getFileName().toString(), p, null));
      } else {
        md.add(new ReportPlan.Md(p, "Li", Double.NaN, Double.NaN, Double.NaN, null, null, false, List.of(), null));
      }
    }
    return new ReportPlan("Interphase report", md, List.of(), neb);
  }

  /** Runs the plan, writes the page and its data under {@code out}; returns the page. */
  static Path build(ReportPlan plan, Path out, ReadOptions options, PrintWriter err) {
    Path dir = Csv.dir(out);
    HtmlReport html = new HtmlReport(plan.title());
    try (JmolRenderer jmol = new JmolRenderer()) {
      int k = 0;
      for (ReportPlan.Md m : plan.md()) {
        md(m, Csv.dir(dir.resolve("md-" + (++k))), "md-" + k, options, html, jmol, err);
      }
      if (!plan.interfaces().isEmpty()) {
        interfaces(plan.interfaces(), Csv.dir(dir.resolve("interfaces")), options, html);
      }
      if (!plan.neb().isEmpty()) {
        neb(plan.neb(), Csv.dir(dir.resolve("neb")), options, html, jmol);
      }
    }
    html.section("Parameters and versions").text("Interphase 0.1.0. Every number above was computed by the commands of the same "
        + "name with the parameters stated in each section; the JSON beside each figure holds the full results and the method text.")
        .endSection();
    Path page = dir.resolve("index.html");
    html.write(page);
    return page;
  }

  private static void md(ReportPlan.Md m, Path dir, String rel, ReadOptions options, HtmlReport html, JmolRenderer jmol,
      PrintWriter err) {
    List<Frame> frames;
    TrajectoryHeader h;
    List<String> warnings = new ArrayList<>();
    try (FrameSource src = Inputs.openTrajectory(m.path(), options)) {
      h = src.header();
      frames = FrameSources.readAll(src);
      warnings.addAll(src.warnings());
    }
    String name = m.title() != null ? m.title() : m.path().getFileName().toString();
    html.section("MD run: " + name).text(String.format(Locale.ROOT, "%s: %d atoms %s, %d frames, %s fs between frames, %s.", h.program(),
        h.atoms().size(), h.atoms().speciesCounts(), frames.size(), fmt(h.timestepFs()), frames.get(0).cell()));
    List<String> files = new ArrayList<>();
    // structure with the motifs of interest
    boolean hasP = h.atoms().indicesOf("P").length > 0;
    BondParameters bp = hasP ? BondParameters.defaults() : BondParameters.of(BondRule.defaultSS());
    if (m.layers() != null) {
      bp = bp.withLayers(m.layers().equals("auto") ? BondParameters.AUTOMATIC_LAYERS : Layers.parse(m.layers()));
    }
    if (h.atoms().indicesOf("S").length > 0) {
      BondAnalysis.Accumulator acc = new BondAnalysis(bp).start(h);
      frames.forEach(acc);
      BondResult br = acc.finish();
      BondsCommand.write(dir, br, BondsCommand.toJson(br, br.warnings()));
      files.addAll(List.of(rel + "/events.csv", rel + "/motifs.csv", rel + "/coordination.csv", rel + "/bonds.json"));
      String target = m.highlight() != null ? m.highlight().replace("motif:", "") : hasP ? "PS3" : "S chain";
      java.util.OptionalInt seen = br.firstFrame(target.split(",")[0].strip());
      Integer first = m.lastFrame() || seen.isEmpty() ? null : seen.getAsInt();
      int index = first != null ? first : frames.size() - 1;
      Scene scene = RenderCommand.scene(h, frames, index, null, "motif:" + target, 900, 700, options);
      jmol.write(scene, dir.resolve("structure.png"));
      html.figure(dir.resolve("structure.png"), first != null ? "Frame " + index + ", the first with " + target + " (highlighted)"
          : "Last frame, " + target + " highlighted where present");
      html.figure(dir.resolve("motifs.png"), "Motif counts over time (bonds form below/break above the cutoffs after a dwell of "
          + bp.primary().minFrames() + " frames)");
      List<List<String>> rows = new ArrayList<>();
      for (org.interphase.analysis.bonds.Motif mo : br.motifs()) {
        int f = br.firstFrame(mo).getAsInt();
        rows.add(List.of(mo.label(), mo.family() == org.interphase.analysis.bonds.Motif.Family.THIOPHOSPHATE ? "thiophosphate (P–S)"
            : "sulfur (S–S)", Integer.toString(br.count(0, mo)), Integer.toString(br.count(br.frames() - 1, mo)),
            f + " (" + fmt(br.timePs()[f]) + " ps)"));
      }
      html.table(List.of("motif", "classification", "first frame", "last frame", "first seen"), rows);
      html.text(br.events().size() + " " + bp.primary().pair() + " bond events (form < " + bp.primary().formA() + " Å, break > "
          + bp.primary().breakA() + " Å; S–S and P–P bonds are followed for the motifs)"
          + (br.layers() == null ? "" : "; layers " + layerNames(br.layers())) + ".");
      warnings.addAll(br.warnings());
    }
    if (h.atoms().indicesOf(m.species()).length > 0 && !Double.isNaN(h.timestepFs())) {
      MsdParameters p = new MsdParameters(m.species(), "xyz", Double.NaN, m.fitStartPs(), m.fitEndPs(), null, null, 1.0, m.temperatureK(),
          false, 200);
      MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(p).start(h);
      frames.forEach(acc);
      MsdResult r = acc.finish();
      Csv.write(dir.resolve("msd.csv"), List.of("lag_ps", "msd_a2", "msd_x_a2", "msd_y_a2", "msd_z_a2"), r.lagPs(), r.msdA2(),
          r.msdComponentsA2()[0], r.msdComponentsA2()[1], r.msdComponentsA2()[2]);
      Csv.writeText(dir.resolve("msd.json"), Json.write(MsdCommand.toJson(r, MsdCommand.warnings(r))));
      Charts.write(MsdCommand.chart(r), dir.resolve("msd"), 900, 600);
      files.addAll(List.of(rel + "/msd.csv", rel + "/msd.json"));
      html.figure(dir.resolve("msd.png"), m.species() + " mean squared displacement with the fit window shaded");
      List<List<String>> regionRows = new ArrayList<>();
      for (String reg : m.regions()) {
        MeanSquaredDisplacement.Accumulator ra = new MeanSquaredDisplacement(p.withRegion(org.interphase.analysis.msd.Region.parse(reg)))
            .start(h);
        frames.forEach(ra);
        MsdResult rr = ra.finish();
        regionRows.add(List.of(rr.region().toString(), String.format(Locale.ROOT, "%.4f", rr.numberDensityPerA3()),
            rr.diffusivity().toString(), rr.conductivity().toString()));
      }
      if (!regionRows.isEmpty()) {
        html.text("Li transport per layer (a displacement counts when both ends lie in the layer; σ uses the layer's density):");
        html.table(List.of("layer", "n (Å⁻³)", "D", "σ"), regionRows);
      }
      org.interphase.analysis.msd.DiffusionFitWindow.Check window = org.interphase.analysis.msd.DiffusionFitWindow.check(r);
      html.table(List.of("quantity", "value"), List.of(
          List.of("fit window", fmt(r.fitStartPs()) + "–" + fmt(r.fitEndPs()) + " ps (" + r.fitPoints() + " lags; "
              + String.format(Locale.ROOT, "log–log slope %.2f, MSD at the end %.3g Å²)", window.logLogSlope(), window.endMsdA2())),
          List.of("D (correlation-aware error)", r.diffusivity().toString()),
          List.of("D (plain OLS, for comparison)", r.diffusivityOls().toString()),
          List.of("σ (Nernst–Einstein)", r.conductivity() + " at " + fmt(r.temperatureK()) + " K (" + r.temperatureSource() + ")"),
          List.of("drift reference", r.driftReference())));
      warnings.addAll(MsdCommand.warnings(r));
    }
    html.links(files).warnings(warnings).endSection();
    warnings.forEach(w -> err.println("warning: " + name + ": " + w));
    err.flush();
  }

  private static String layerNames(Layers l) {
    List<String> n = new ArrayList<>();
    for (int i = 0; i < l.lo().length; i++) {
      n.add(l.label(i));
    }
    return String.join(", ", n);
  }

  private static void interfaces(List<ReportPlan.Interface> list, Path dir, ReadOptions options, HtmlReport html) {
    List<InterfaceResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ReportPlan.Interface c : list) {
      EnergyRun ab = EnergyRuns.read(c.interfaceRun(), options, EnergyRuns.VaspEnergy.SIGMA0);
      EnergyRun a = EnergyRuns.read(c.partA(), options, EnergyRuns.VaspEnergy.SIGMA0);
      EnergyRun b = EnergyRuns.read(c.partB(), options, EnergyRuns.VaspEnergy.SIGMA0);
      InterfaceResult r = InterfaceEnergy.compute(c.name(), ab, a, b, InterfaceParameters.of(c.k()).withEquilibrationPs(c.equilibrationPs()));
      results.add(r);
      r.warnings().forEach(w -> warnings.add(c.name() + ": " + w));
    }
    var doc = Json.object();
    var arr = doc.putArray("results");
    results.forEach(r -> arr.add(InterfaceCommand.toJson(r)));
    Csv.writeText(dir.resolve("interface.json"), Json.write(doc));
    Charts.writeBars("Interface energies", "γ (J/m²)", results.stream().map(InterfaceResult::name).toList(),
        results.stream().mapToDouble(r -> r.gammaJm2().value()).toArray(), results.stream().mapToDouble(r -> r.gammaJm2().stdErr()).toArray(),
        dir.resolve("interface"), 900, 600);
    html.section("Interface energies").figure(dir.resolve("interface.png"), "Interface energies with standard errors (J/m²)");
    List<List<String>> rows = new ArrayList<>();
    for (InterfaceResult r : results) {
      rows.add(List.of(r.name(), r.gamma().toString(), r.gammaJm2().toString(), r.workOfAdhesion() == null ? "—" : r.workOfAdhesion().toString(),
          String.format(Locale.ROOT, "%.4f", r.areaA2()), Integer.toString(r.interfaces()), r.framesUsed()[0] + " / " + r.framesUsed()[1]
              + " / " + r.framesUsed()[2]));
    }
    html.table(List.of("interface", "γ (eV/Å²)", "γ (J/m²)", "W (J/m²)", "A (Å²)", "k", "frames AB / A / B"), rows);
    results.forEach(r -> html.text(r.name() + ": " + r.label() + ". " + r.method()));
    html.links(List.of("interfaces/interface.json")).warnings(warnings).endSection();
  }

  private static void neb(List<ReportPlan.Neb> list, Path dir, ReadOptions options, HtmlReport html, JmolRenderer jmol) {
    List<NebResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ReportPlan.Neb n : list) {
      NebResult r = NebAnalysis.analyse(NebCommand.images(n.path(), n.name(), options, n.forcesFrom()));
      results.add(r);
      NebCommand.writeVtst(Csv.dir(dir.resolve(r.name().replaceAll("[^A-Za-z0-9._-]", "_"))), r);
      r.notes().forEach(x -> notes.add(r.name() + ": " + x));
    }
    var doc = Json.object();
    var arr = doc.putArray("paths");
    results.forEach(r -> arr.add(NebCommand.toJson(r)));
    Csv.writeText(dir.resolve("neb.json"), Json.write(doc));
    Charts.write(NebCommand.chart(results), dir.resolve("neb"), 900, 600);
    html.section("Migration barriers").figure(dir.resolve("neb.png"), "Energy along the migration paths (VTST force-based spline where "
        + "forces are known; markers are the images)");
    List<List<String>> rows = new ArrayList<>();
    for (NebResult r : results) {
      rows.add(List.of(r.name(), Integer.toString(r.images()), String.format(Locale.ROOT, "%.4f", r.barrierForwardEv()),
          String.format(Locale.ROOT, "%.4f", r.barrierBackwardEv()), String.format(Locale.ROOT, "%+.4f", r.reactionEnergyEv()),
          r.migratingElement() + " (atom " + r.migratingAtom() + ")", r.forceAware() ? "force-aware" : "energy-only"));
    }
    html.table(List.of("path", "images", "forward (eV)", "backward (eV)", "ΔE (eV)", "migrating", "spline"), rows);
    for (ReportPlan.Neb n : list) {
      Scene s = RenderCommand.scene(null, n.path(), null, null, null, 800, 650, options);
      Path png = dir.resolve(n.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-path.png");
      jmol.write(s, png);
      html.figure(png, n.name() + ": " + s.title() + " (purple: the migrating atom through the images)");
    }
    html.links(List.of("neb/neb.json")).warnings(notes).endSection();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%.4g", v);
  }
}
