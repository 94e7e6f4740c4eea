package org.interphase.analysis.energetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Measurement;
import org.interphase.core.Warning;
import org.interphase.core.view.BarChart;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What interface energies show: {@code interface.json} (one object, or {@code results} for several),
 * {@code interface.csv} (one row per interface, full precision), the bar chart {@code
 * interface.png/.svg} of γ in J/m² with standard errors, and the text.
 */
public final class InterfaceViews {
  private InterfaceViews() {}

  /** Every view of the results, in order; {@code warnings} are shown with them. */
  public static Views of(List<InterfaceResult> results, List<Warning> warnings) {
    Document doc = results.size() == 1 ? json(results.get(0)) : new Document();
    if (results.size() > 1) {
      Document.Items arr = doc.array("results");
      results.forEach(r -> arr.add(json(r)));
    }
    doc.put("warnings", warnings.stream().map(Warning::text).toList());
    BarChart bars = new BarChart("Interface energies", axisLabel(results), results.stream().map(InterfaceResult::name).toList(),
        results.stream().mapToDouble(r -> r.gammaJm2().value()).toArray(), results.stream().mapToDouble(r -> r.gammaJm2().stdErr()).toArray());
    Figure figure = new Figure("interface", bars, 640, Math.max(220, 110 + 36 * results.size())); // one row per interface
    return new Views("interface", doc, List.of(table(results)), List.of(figure), List.of(), text(results), warnings);
  }

  /**
   * The value axis: γ in J/m², with what it is measured against when every bar has the same reference: against the separated
   * slabs γ is −W_adh (negative when the slabs bind), with bulk references and a vacuum slab it includes free surfaces.
   */
  static String axisLabel(List<InterfaceResult> results) {
    boolean slabs = results.stream().allMatch(r -> r.workOfAdhesion() != null);
    boolean surfaces = results.stream().allMatch(r -> r.label().contains("free-surface"));
    return slabs ? "γ = −W_adh, vs the separated slabs (J/m²)" : surfaces ? "γ incl. the slab's free surfaces (J/m²)" : "γ (J/m²)";
  }

  /** Per interface: γ in both units, W where it applies, the area, counts, frames and the method. */
  public static List<String> text(List<InterfaceResult> results) {
    List<String> o = new ArrayList<>();
    for (InterfaceResult r : results) {
      o.add(r.name());
      o.add(String.format(Locale.ROOT, "  %s: γ = %s = %s", r.label(), r.gamma(), r.gammaJm2()));
      if (r.workOfAdhesion() != null) {
        o.add(String.format(Locale.ROOT, "  work of adhesion W = %s", r.workOfAdhesion()));
      }
      o.add(String.format(Locale.ROOT, "  area %.4f Å², k = %d, n_A = %s, n_B = %s, frames %d / %d / %d", r.areaA2(), r.interfaces(),
          r.nA(), r.nB(), r.framesUsed().interfaceRun(), r.framesUsed().partA(), r.framesUsed().partB()));
      o.add("  " + r.method());
    }
    return o;
  }


  /** {@code interface.csv}: one row per interface, full precision: γ in eV/Å² and J/m², W in J/m², with their errors. */
  public static Table table(List<InterfaceResult> results) {
    int n = results.size();
    double[][] v = new double[11][n];
    int[] k = new int[n];
    int[] frames = new int[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InterfaceResult r = results.get(i);
      names.add(r.name());
      k[i] = r.interfaces();
      frames[i] = r.framesUsed().interfaceRun();
      Measurement w = r.workOfAdhesion() == null ? new Measurement(Double.NaN, Double.NaN, "J/m²") : r.workOfAdhesion();
      double[] row = {r.areaA2(), r.nA(), r.nB(), r.gamma().value(), r.gamma().stdErr(), r.gammaJm2().value(), r.gammaJm2().stdErr(),
          w.value(), w.stdErr()};
      for (int c = 0; c < row.length; c++) {
        v[c][i] = row[c];
      }
    }
    return new Table("interface.csv", List.of(new Column.Texts("name", names), new Column.Numbers("area_a2", v[0], "%.6f"),
        new Column.Integers("interfaces", k), new Column.Numbers("n_a", v[1]), new Column.Numbers("n_b", v[2]),
        new Column.Numbers("interface_energy_ev_a2", v[3]), new Column.Numbers("interface_energy_stderr_ev_a2", v[4]),
        new Column.Numbers("interface_energy_j_m2", v[5]), new Column.Numbers("interface_energy_stderr_j_m2", v[6]),
        new Column.Numbers("work_of_adhesion_j_m2", v[7]), new Column.Numbers("work_of_adhesion_stderr_j_m2", v[8]),
        new Column.Integers("frames_used", frames)));
  }


  /** One interface's JSON object. */
  public static Document json(InterfaceResult r) {
    Document o = new Document();
    o.put("name", r.name());
    o.put("label", r.label());
    o.put("area_a2", r.areaA2());
    o.put("interfaces", r.interfaces());
    o.put("n_a", r.nA());
    o.put("n_b", r.nB());
    o.put("energy_interface", "ev", r.energyInterface());
    o.put("energy_a_ev", r.energyA().value());
    o.put("energy_b_ev", r.energyB().value());
    o.put("interface_energy", "ev_a2", r.gamma());
    o.put("interface_energy", "j_m2", r.gammaJm2());
    o.put("work_of_adhesion", "j_m2", r.workOfAdhesion());
    o.object("frames_used").put("interface", r.framesUsed().interfaceRun()).put("a", r.framesUsed().partA())
        .put("b", r.framesUsed().partB());
    o.put("method", r.method());
    return o;
  }
}
