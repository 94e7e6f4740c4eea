package org.interphase.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.BondRule;
import org.interphase.analysis.bonds.Layers;
import org.interphase.analysis.bonds.Motif;
import org.interphase.analysis.energetics.EnergySeries;
import org.interphase.analysis.energetics.InterfaceEnergy;
import org.interphase.analysis.energetics.InterfaceParameters;
import org.interphase.analysis.energetics.InterfaceResult;
import org.interphase.analysis.msd.DiffusionFitWindow;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.msd.Region;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.EnergyRun;
import org.interphase.analysis.bonds.BondViews;
import org.interphase.analysis.bonds.LayerSpec;
import org.interphase.analysis.energetics.InterfaceViews;
import org.interphase.analysis.msd.MsdViews;
import org.interphase.analysis.neb.NebViews;
import org.interphase.core.Runner;
import org.interphase.core.view.Document;
import org.interphase.core.view.Views;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.InterphaseException;
import org.interphase.core.Printed;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;
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
        "PATHs are MD or NEB runs; --manifest describes interfaces and options (see examples/demo.json). What cannot be computed "
            + "is said on the page, with what to do; the parameters of every analysis are listed at its end."})
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
      if (Files.isDirectory(p) && !RunDiscovery.nebRuns(p).isEmpty()) {
        neb.add(new ReportPlan.Neb(p.getFileName().toString(), p, null));
      } else {
        md.add(new ReportPlan.Md(p, "Li", Double.NaN, Double.NaN, Double.NaN, null, null, false, List.of(), null));
      }
    }
    return new ReportPlan("Interphase report", md, List.of(), neb);
  }

  /** The parameters every analysis used, listed at the end of the page: per section, parameter and value. */
  private static final class Used {
    final java.util.Map<String, List<List<String>>> rows = new java.util.LinkedHashMap<>();

    void add(String section, String parameter, String value) {
      rows.computeIfAbsent(section, k -> new ArrayList<>()).add(List.of(parameter, value));
    }
  }

  /** Runs the plan, writes the page and its data under {@code out}; returns the page. */
  static Path build(ReportPlan plan, Path out, ReadOptions options, PrintWriter err) {
    Path dir = ResultWriter.dir(out);
    HtmlReport html = new HtmlReport(plan.title());
    Used used = new Used();
    try (JmolRenderer jmol = new JmolRenderer()) {
      int k = 0;
      for (ReportPlan.Md m : plan.md()) {
        md(m, ResultWriter.dir(dir.resolve("md-" + (++k))), "md-" + k, options, html, jmol, err, used);
      }
      if (!plan.interfaces().isEmpty()) {
        interfaces(plan.interfaces(), ResultWriter.dir(dir.resolve("interfaces")), options, html, err, used);
      }
      if (!plan.neb().isEmpty()) {
        neb(plan.neb(), ResultWriter.dir(dir.resolve("neb")), options, html, jmol, err, used);
      }
    }
    String version = Interphase.class.getAnnotation(Command.class).version()[0];
    html.section("Parameters and versions").text(version + " on Java " + Runtime.version() + ". Every number above was computed with "
        + "the parameters below, the same as the commands of the same name use with these options; the JSON and CSV beside each figure "
        + "hold the full-precision results and the method text.");
    used.rows.forEach((section, rows) -> html.subheading(section).table(List.of("parameter", "value"), rows));
    html.endSection();
    Path page = dir.resolve("index.html");
    html.write(page);
    return page;
  }

  /** What one pass over an MD run gave each analysis of its section. */
  private record MdPass(TrajectoryHeader header, Runner.Pass pass, BondParameters bondParameters, Runner.Slot<BondResult> bonds,
      Runner.Slot<MsdResult> msd, List<Runner.Slot<MsdResult>> regions, MsdParameters msdParameters) {}

  /** Reads the run once, feeding the bond analysis, the MSD of the whole cell and of each region. */
  private static MdPass read(ReportPlan.Md m, ReadOptions options) {
    try (FrameSource src = Inputs.openTrajectory(m.path(), options)) {
      TrajectoryHeader h = src.header();
      Runner run = new Runner(src);
      BondParameters bp = null;
      Runner.Slot<BondResult> bonds = null;
      if (h.atoms().indicesOf("S").length > 0) {
        bp = BondParameters.defaultsFor(h.atoms());
        bp = m.layers() == null ? bp : bp.withLayers(m.layers());
        bonds = run.add(new BondAnalysis(bp));
      }
      MsdParameters p = new MsdParameters(m.species(), "xyz", Double.NaN, m.fitStartPs(), m.fitEndPs(), null, null, 1.0,
          m.temperatureK(), false, 200);
      Runner.Slot<MsdResult> msd = null;
      List<Runner.Slot<MsdResult>> regions = new ArrayList<>();
      if (h.atoms().indicesOf(m.species()).length > 0 && !Double.isNaN(h.timestepFs())) {
        msd = run.add(new MeanSquaredDisplacement(p));
        for (String reg : m.regions()) {
          regions.add(run.add(new MeanSquaredDisplacement(p.withRegion(Region.parse(reg)))));
        }
      }
      Runner.Pass pass = run.run(Progress.of(src));
      return new MdPass(h, pass, bp, bonds, msd, regions, p);
    }
  }

  private static void md(ReportPlan.Md m, Path dir, String rel, ReadOptions options, HtmlReport html, JmolRenderer jmol,
      PrintWriter err, Used used) {
    MdPass run = read(m, options);
    TrajectoryHeader h = run.header();
    List<String> warnings = new ArrayList<>(run.pass().warningTexts());
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
        ResultWriter.write(dir, BondViews.of(run.bonds().result(), List.of()));
      }
    }, WRITERS);
    CompletableFuture<Void> msdFiles = run.msd() == null ? CompletableFuture.completedFuture(null)
        : CompletableFuture.runAsync(() -> writeTransport(run, dir), WRITERS);
    if (run.bonds() != null) {
      bonds(m, run, dir, rel, html, jmol, warnings, files, used, sec, bondFiles);
    } else {
      html.missing("Bond events and motifs not computed: the run has no S atoms (the analysis follows P–S, S–S and P–P bonds).");
    }
    transport(m, run, dir, rel, html, warnings, files, used, sec, msdFiles);
    html.links(files).warnings(warnings).endSection();
    warnings.forEach(w -> err.println("warning: " + name + ": " + w));
    err.flush();
  }

  /** The bond part of an MD section: the structure at the first appearance of the highlighted motif, the motif chart and table. */
  private static void bonds(ReportPlan.Md m, MdPass run, Path dir, String rel, HtmlReport html, JmolRenderer jmol, List<String> warnings,
      List<String> files, Used used, String sec, CompletableFuture<Void> written) {
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
    jmol.write(Scenes.frame(h.atoms(), shown, index, "motif:" + target, 900, 700, null, List.of()), dir.resolve("structure.png"));
    html.figure(dir.resolve("structure.png"), seen.isPresent() ? "Frame " + index + ", the first with " + target + " (highlighted)"
        : "Last frame, " + target + " highlighted where present");
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
    html.table(List.of("motif", "classification", "first frame", "last frame", "first seen"), rows);
    html.text(br.events().size() + " " + bp.primary().pair() + " bond events (form < " + bp.primary().formA() + " Å, break > "
        + bp.primary().breakA() + " Å; S–S and P–P bonds are followed for the motifs)"
        + (br.layers() == null ? "" : "; layers " + layerNames(br.layers())) + ".");
    warnings.addAll(br.warningTexts());
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
    used.add(sec, "structure picture", (seen.isPresent() ? "frame " + index + ", the first with " + target : "the last frame")
        + ", highlighted: " + target);
  }

  /** The transport part of an MD section: MSD, D and σ for the whole cell and per layer, or why not. */
  private static void transport(ReportPlan.Md m, MdPass run, Path dir, String rel, HtmlReport html, List<String> warnings,
      List<String> files, Used used, String sec, CompletableFuture<Void> written) {
    TrajectoryHeader h = run.header();
    if (h.atoms().indicesOf(m.species()).length == 0) {
      html.missing("MSD not computed: the run has no " + m.species() + " atoms (it holds " + h.atoms().speciesCounts().keySet()
          + "); name the mobile element as \"species\" of this run in a manifest (see examples/demo.json).");
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
      List<List<String>> rows = new ArrayList<>();
      for (MsdResult rr : regions) {
        rows.add(List.of(rr.region().toString(), String.format(Locale.ROOT, "%.4f", rr.numberDensityPerA3()), rr.diffusivity().number(),
            rr.conductivity().number()));
      }
      html.text("Li transport per layer (a displacement counts when both ends lie in the layer; σ uses the layer's density):");
      html.table(List.of("layer", "n (Å⁻³)", "D (cm²/s)", "σ (S/cm)"), rows);
    }
    DiffusionFitWindow.Check window = DiffusionFitWindow.check(r);
    html.table(List.of("quantity", "value"), List.of(
        List.of("fit window", fmt(r.fitStartPs()) + "–" + fmt(r.fitEndPs()) + " ps (" + r.fitPoints() + " lags; "
            + String.format(Locale.ROOT, "log–log slope %.2f, MSD at the end %.3g Å²)", window.logLogSlope(), window.endMsdA2())),
        List.of("D (correlation-aware error)", r.diffusivity().toString()),
        List.of("D (plain OLS, for comparison)", r.diffusivityOls().toString()),
        List.of("σ (Nernst–Einstein)", Double.isNaN(r.temperatureK()) ? "not computed: the temperature is unknown (give "
            + "\"temperature_k\" for this run in a manifest, or keep the files that record it, e.g. the .ener or OUTCAR)"
            : r.conductivity() + " at " + fmt(r.temperatureK()) + " K (" + r.temperatureSource() + ")"),
        List.of("drift reference", r.driftReference())));
    MsdViews.warnings(r).forEach(w -> warnings.add(w.text()));
    used.add(sec, "MSD species, axes", r.species() + ", " + r.axes() + " (D = slope / " + 2 * r.axes().length() + ")");
    used.add(sec, "fit window", fmt(r.fitStartPs()) + "–" + fmt(r.fitEndPs()) + " ps, both ends included" + (Double.isNaN(m.fitStartPs())
        || Double.isNaN(m.fitEndPs()) ? " (default: 10–50 % of the run where not given)" : " (given)"));
    used.add(sec, "drift reference", r.driftReference());
    used.add(sec, "temperature for σ", Double.isNaN(r.temperatureK()) ? "unknown (σ not computed)"
        : fmt(r.temperatureK()) + " K (" + r.temperatureSource() + "), charge +1 e");
    used.add(sec, "error model", "at most " + p.maxGlsPoints() + " lags sampled in the window (" + r.sampledLags() + " used)");
    if (!regions.isEmpty()) {
      used.add(sec, "transport layers", String.join(", ", regions.stream().map(rr -> rr.region().toString()).toList()));
    }
  }

  /** msd.json (with the per-region transport), msd.csv, transport.csv and the MSD chart; nothing when an MSD failed. */
  private static void writeTransport(MdPass run, Path dir) {
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
        List.of(), List.of()));
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

  private static void interfaces(List<ReportPlan.Interface> list, Path dir, ReadOptions options, HtmlReport html, PrintWriter err,
      Used used) {
    List<InterfaceResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ReportPlan.Interface c : list) {
      try {
        EnergyRun ab = Inputs.energyRun(c.interfaceRun(), options, EnergySeries.VaspEnergy.SIGMA0);
        EnergyRun a = Inputs.energyRun(c.partA(), options, EnergySeries.VaspEnergy.SIGMA0);
        EnergyRun b = Inputs.energyRun(c.partB(), options, EnergySeries.VaspEnergy.SIGMA0);
        InterfaceResult r = InterfaceEnergy.compute(c.name(), ab, a, b, InterfaceParameters.of(c.k()).withEquilibrationPs(
            c.equilibrationPs()));
        results.add(r);
        r.warnings().forEach(w -> warnings.add(c.name() + ": " + w));
        String sec = "Interface energies: " + c.name();
        used.add(sec, "interfaces per cell (k)", Integer.toString(c.k()));
        used.add(sec, "equilibration cut", fmt(c.equilibrationPs()) + " ps (MD frames before it are dropped)");
        used.add(sec, "area A", String.format(Locale.ROOT, "%.4f Å² (the cell's a × b; interface normal along c)", r.areaA2()));
      } catch (InterphaseException | IllegalArgumentException | UncheckedIOException e) {
        missing.add(c.name() + " not computed: " + e.getMessage() + " (check the three runs named for it in the manifest).");
        err.println("warning: " + c.name() + ": not computed: " + e.getMessage());
      }
    }
    html.section("Interface energies");
    if (!results.isEmpty()) {
      ResultWriter.write(dir, InterfaceViews.of(results, List.of()));
      html.figure(dir.resolve("interface.png"), "Interface energies with standard errors (J/m²)");
      List<List<String>> rows = new ArrayList<>();
      for (InterfaceResult r : results) {
        rows.add(List.of(r.name(), r.gamma().number(), r.gammaJm2().number(), r.workOfAdhesion() == null ? "—"
            : r.workOfAdhesion().number(), String.format(Locale.ROOT, "%.4f", r.areaA2()), Integer.toString(r.interfaces()),
            r.framesUsed().interfaceRun() + " / " + r.framesUsed().partA() + " / " + r.framesUsed().partB()));
      }
      html.table(List.of("interface", "γ (eV/Å²)", "γ (J/m²)", "W (J/m²)", "A (Å²)", "k", "frames AB / A / B"), rows);
      for (InterfaceResult r : results) {
        if (r.workOfAdhesion() == null) {
          html.missing("W for " + r.name() + " not computed: its references are not one slab each of the interface's in-plane cell "
              + "(n_A = n_B = 1), so separating the cell does not give them; γ is given.");
        }
      }
      results.forEach(r -> html.text(r.name() + ": " + r.label() + ". " + r.method()));
    }
    missing.forEach(html::missing);
    html.links(results.isEmpty() ? List.of() : List.of("interfaces/interface.json", "interfaces/interface.csv")).warnings(warnings)
        .endSection();
  }

  private static void neb(List<ReportPlan.Neb> list, Path dir, ReadOptions options, HtmlReport html, JmolRenderer jmol, PrintWriter err,
      Used used) {
    List<Bands.Analysed> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ReportPlan.Neb n : list) {
      try {
        Bands.Analysed a = Bands.analyse(n.path(), n.name(), options, n.forcesFrom());
        results.add(a);
        NebResult r = a.result();
        r.notes().forEach(x -> notes.add(r.name() + ": " + x));
        r.notes().forEach(x -> err.println("note: " + r.name() + ": " + x));
        String sec = "Migration barriers: " + r.name();
        used.add(sec, "band", Bands.relative(n.path(), a.band().source()) + ", " + r.images() + " images"
            + (r.climbingImage() >= 0 ? ", climbing image " + r.climbingImage() : ""));
        used.add(sec, "forces and energies", a.band().singlePoints().isEmpty() ? (r.forceAware() ? "of the band" : "energies of the band, "
            + "no forces") : a.band().singlePoints().size() + " single points: " + String.join(", ", a.band().singlePoints().stream()
                .map(p -> p.getFileName().toString()).toList()));
        used.add(sec, "spline", (r.forceAware() ? "VTST cubic Hermite with the tangential forces as slopes"
            : "natural cubic spline through the energies (no forces)") + "; barriers from its maximum, energies relative to image 0");
      } catch (InterphaseException | IllegalArgumentException | UncheckedIOException e) {
        missing.add(n.name() + " not computed: " + e.getMessage() + ".");
        err.println("warning: " + n.name() + ": not computed: " + e.getMessage());
      }
    }
    html.section("Migration barriers");
    if (!results.isEmpty()) {
      ResultWriter.write(dir, NebViews.of(results.stream().map(Bands.Analysed::entry).toList()));
      html.figure(dir.resolve("neb.png"), "Energy along the migration paths (VTST force-based spline where forces are known; markers are "
          + "the images); the legend gives each forward barrier");
      List<List<String>> rows = new ArrayList<>();
      for (Bands.Analysed a : results) {
        NebResult r = a.result();
        rows.add(List.of(r.name(), Integer.toString(r.images()), Printed.energyEv(r.barrierForwardEv()), Printed.energyEv(
            r.barrierBackwardEv()), Printed.signedEnergyEv(r.reactionEnergyEv()), r.migratingElement() + " (atom " + r.migratingAtom() + ")",
            r.forceAware() ? "force-aware" : "energy-only"));
      }
      html.table(List.of("path", "images", "forward (eV)", "backward (eV)", "ΔE (eV)", "migrating", "spline"), rows);
      for (Bands.Analysed a : results) {
        Scene s = Scenes.neb(a, 800, 650);
        Path png = dir.resolve(NebViews.fileName(a.result().name()) + "-path.png");
        jmol.write(s, png);
        html.figure(png, a.result().name() + ": " + s.title() + " (purple: the migrating atom through the images)");
      }
    }
    missing.forEach(html::missing);
    html.links(results.isEmpty() ? List.of() : List.of("neb/neb.json", "neb/neb.csv")).notes(notes).endSection();
  }

  /** Four significant digits without trailing zeros: 0.3, 1.5, 2.45, 590.2. */
  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "unknown";
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
  }
}
