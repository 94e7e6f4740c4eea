package org.interphase.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.analysis.neb.NebResult;
import org.interphase.analysis.neb.NebViews;
import org.interphase.core.InterphaseException;
import org.interphase.core.Printed;
import org.interphase.parsers.ReadOptions;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.report.HtmlReport;

/** The section of a report with NEB migration barriers. */
final class NebSection {
  private NebSection() {}

  /** The migration-barrier section: profiles, barriers, paths. */
  static void write(List<ReportPlan.Neb> list, Path dir, ReadOptions options, HtmlReport html, JmolRenderer jmol, PrintWriter err,
      ReportParameters used, int dpi) {
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
      org.interphase.core.view.Views views = NebViews.of(results.stream().map(Bands.Analysed::entry).toList());
      ResultWriter.write(dir, views, dpi);
      views.warnings().forEach(w -> err.println("warning: " + w.text()));
      html.figure(dir.resolve("neb.png"), "Energy along the migration paths (VTST force-based spline where forces are known; markers are "
          + "the images); the legend gives each forward barrier");
      List<List<String>> rows = new ArrayList<>();
      for (Bands.Analysed a : results) {
        NebResult r = a.result();
        rows.add(List.of(r.name(), Integer.toString(r.images()), Printed.energyEv(r.barrierForwardEv()), Printed.energyEv(
            r.barrierBackwardEv()), Printed.signedEnergyEv(r.reactionEnergyEv()), r.migratingElement() + " (atom " + r.migratingAtom() + ", 0-based)",
            r.forceAware() ? "force-aware" : "energy-only"));
      }
      html.table(List.of("path", "images", "forward (eV)", "backward (eV)", "ΔE (eV)", "migrating", "spline"), rows);
      for (int k = 0; k < results.size(); k++) {
        Bands.Analysed a = results.get(k);
        Scene s = Scenes.neb(a, 800, 650, null);
        Path png = dir.resolve(NebViews.fileName(a.result().name())).resolve("path.png");
        Scenes.write(jmol, s, png, "scene");
        html.figure(png, a.result().name() + ": " + s.title() + " (the chain of spheres: the migrating atom through the images)");
        html.viewer(Viewers.neb("neb-" + (k + 1), a), a.result().name() + ": 3D view of the band (drag to turn, scroll to zoom, click an "
            + "atom for its index, element and unit). Click an image on the energy profile beside it, or step through the images: "
            + "the migrating " + a.result().migratingElement() + " " + a.result().migratingAtom() + " is highlighted on its path; "
            + "every image is drawn next to image 0 (each atom moved by its minimum-image displacement), so units stay whole.");
      }
    }
    missing.forEach(html::missing);
    List<String> links = new ArrayList<>(List.of("neb/neb.json", "neb/neb.csv"));
    results.forEach(a -> links.add("neb/" + NebViews.fileName(a.result().name()) + "/scene.json"));
    html.links(results.isEmpty() ? List.of() : links).notes(notes).endSection();
  }
}
