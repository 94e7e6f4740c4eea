package org.interphase.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.energetics.EnergySeries;
import org.interphase.analysis.energetics.InterfaceEnergy;
import org.interphase.analysis.energetics.InterfaceParameters;
import org.interphase.analysis.energetics.InterfaceResult;
import org.interphase.core.EnergyRun;
import org.interphase.analysis.energetics.InterfaceViews;
import org.interphase.core.InterphaseException;
import org.interphase.parsers.ReadOptions;
import org.interphase.viz.report.HtmlReport;

/** The section of a report with interface energies and works of adhesion. */
final class InterfaceSection {
  private InterfaceSection() {}

  private static String fmt(double v) {
    return ReportParameters.fmt(v);
  }

  /** The interface-energy section: one row per interface, the bar chart, what could not be computed. */
  static void write(List<ReportPlan.Interface> list, Path dir, ReadOptions options, HtmlReport html, PrintWriter err,
      ReportParameters used, int dpi) {
    List<InterfaceResult> results = new ArrayList<>();
    List<org.interphase.core.Warning> warnings = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ReportPlan.Interface c : list) {
      try {
        EnergyRun ab = Inputs.energyRun(c.interfaceRun(), options, EnergySeries.VaspEnergy.SIGMA0);
        EnergyRun a = Inputs.energyRun(c.partA(), options, EnergySeries.VaspEnergy.SIGMA0);
        EnergyRun b = Inputs.energyRun(c.partB(), options, EnergySeries.VaspEnergy.SIGMA0);
        InterfaceResult r = InterfaceEnergy.compute(c.name(), ab, a, b, InterfaceParameters.of(c.k()).withEquilibrationPs(
            c.equilibrationPs()));
        results.add(r);
        r.warnings().forEach(w -> warnings.add(new org.interphase.core.Warning(w.kind(), c.name() + ": " + w.text())));
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
      // the JSON beside the figure carries the warnings the page shows, and the console names them as for the MD sections
      ResultWriter.write(dir, InterfaceViews.of(results, warnings), dpi);
      warnings.forEach(w -> err.println("warning: " + Hints.of(w)));
      html.figure(dir.resolve("interface.png"), "Interface energies with standard errors (J/m²)");
      List<List<String>> rows = new ArrayList<>();
      for (InterfaceResult r : results) {
        rows.add(List.of(r.name(), r.gamma().displayNumber(), r.gammaJm2().displayNumber(), r.workOfAdhesion() == null ? "—"
            : r.workOfAdhesion().displayNumber(), String.format(Locale.ROOT, "%.4f", r.areaA2()), Integer.toString(r.interfaces()),
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
    html.links(results.isEmpty() ? List.of() : List.of("interfaces/interface.json", "interfaces/interface.csv")).warnings(
        org.interphase.core.Warning.texts(warnings)).endSection();
  }
}
