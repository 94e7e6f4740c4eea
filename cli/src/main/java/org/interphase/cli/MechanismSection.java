package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.hops.HopLayers;
import org.interphase.analysis.hops.HopParameters;
import org.interphase.analysis.hops.HopResult;
import org.interphase.analysis.hops.HopViews;
import org.interphase.analysis.msd.Region;
import org.interphase.analysis.rotation.HopCoupling;
import org.interphase.analysis.rotation.RotationHopAnalysis;
import org.interphase.analysis.rotation.RotationResult;
import org.interphase.analysis.rotation.RotationViews;
import org.interphase.core.Warning;
import org.interphase.core.Frame;
import org.interphase.core.Printed;
import org.interphase.core.Runner;
import org.interphase.viz.report.HtmlReport;

/**
 * The mechanism parts of an MD section of the report: hops between sites (per site type and per layer) and the rotation of
 * tetrahedral units with its coupling to the hops, as {@code hops --out} and {@code rotation --hops Li --out} write them.
 */
final class MechanismSection {
  private MechanismSection() {}

  /** Where the parts go and what they record. */
  record Page(Path dir, String rel, HtmlReport html, List<Warning> warnings, List<String> files, ReportParameters used, String sec,
      int dpi) {}

  /**
   * The hop part: the cumulative hops, D_jump beside the MSD's D, rates and residence per site type, hop statistics per layer and
   * the hops between layers.
   *
   * @param layers the section's regions (may be empty)
   * @param tracerDCm2S the MSD's D of the whole cell, cm²/s (NaN when it failed)
   */
  static void hops(Runner.Slot<HopResult> slot, List<Region> layers, double tracerDCm2S, Page pg) {
    if (slot == null || !slot.ok()) {
      if (slot != null) {
        pg.html().missing("Hops between sites not computed: " + slot.failure() + ".");
      }
      return;
    }
    HopResult r = slot.result();
    String el = r.parameters().species();
    ResultWriter.write(pg.dir(), HopViews.of(r, layers, List.of()), pg.dpi());
    pg.files().addAll(List.of(pg.rel() + "/hops.csv", pg.rel() + "/sites.csv", pg.rel() + "/hops.json"));
    pg.html().subheading(el + " sites and hops");
    pg.html().figure(pg.dir().resolve("hops.png"), "Cumulative " + el + " hops between sites of the time-averaged density (see the "
        + "guide's hops page)");
    pg.html().text(String.format(Locale.ROOT, "%d sites, %d hop(s) (%s per %s per ps); D_jump = %s cm²/s beside the tracer D %s cm²/s "
        + "(correlation factor %s%s).", r.sites().size(), r.hops().size(), num(r.ratePerAtomPs()), el, num(r.dJumpCm2S()),
        num(tracerDCm2S), num(tracerDCm2S / r.dJumpCm2S()), tracerDCm2S / r.dJumpCm2S() > 1 ? "; above 1: " + HopViews.ABOVE_ONE : ""));
    pg.html().table(List.of("site type (anions within " + ReportParameters.fmt(r.parameters().coordinationA()) + " Å)", "sites",
        el + " in them", "rate out (1/ps)", "mean residence (ps)", "completed stays"), typeRows(r));
    if (!layers.isEmpty()) {
      List<HopLayers> stats = HopLayers.of(r, layers);
      List<List<String>> rows = new ArrayList<>();
      for (HopLayers l : stats) {
        rows.add(List.of(l.layer().label(), Integer.toString(l.sites()), String.format(Locale.ROOT, "%.2f", l.atoms()),
            l.hopsOut() + " (" + l.hopsWithin() + ")", num(l.ratePerAtomPs()), num(l.dJumpCm2S())));
      }
      pg.html().text(el + " hops per layer (a site belongs to the layer its position lies in; a hop to the layer of the site it "
          + "leaves; rate and D_jump per " + el + " in the layer's sites):");
      pg.html().table(List.of("layer", "sites", el + " in them", "hops out (within)", "rate (1/ps)", "D_jump (cm²/s)"), rows);
      pg.html().text("Hops between layers (rows: from, columns: to):");
      pg.html().table(crossingHeader(layers), crossingRows(layers, HopLayers.crossings(r, layers)));
      pg.files().add(pg.rel() + "/hop_layers.csv");
    }
    HopParameters p = r.parameters();
    pg.used().add(pg.sec(), "hops", el + ", sites from the time-averaged density, enter " + ReportParameters.fmt(p.enterA()) + " Å, leave "
        + ReportParameters.fmt(p.leaveA()) + " Å, dwell " + p.minFrames() + " frames; site types by the anions within "
        + ReportParameters.fmt(p.coordinationA()) + " Å");
    pg.warnings().addAll(r.warnings());
  }

  /**
   * The rotation part: the angle of each tetrahedral unit over time, libration, reorientations and how many of them have a hop
   * of the mobile species nearby (the paddle-wheel test), against the number expected by chance.
   */
  static void rotation(Runner.Slot<RotationResult> slot, Runner.Slot<HopResult> hops, Frame first, Page pg) {
    if (slot == null) {
      return;
    }
    if (!slot.ok()) {
      pg.html().missing("Rotation of PS4 units not computed: " + slot.failure() + ".");
      return;
    }
    RotationResult r = slot.result();
    if (r.units().isEmpty()) {
      pg.html().missing("Rotation not computed: no " + r.parameters().center() + " with four " + r.parameters().ligand()
          + " bonded in the first frame.");
      return;
    }
    if (hops != null && hops.ok() && first != null) {
      r = RotationHopAnalysis.couple(r, hops.result(), first, HopCoupling.DEFAULT_RADIUS_A, HopCoupling.DEFAULT_WINDOW_FRAMES);
    }
    ResultWriter.write(pg.dir(), RotationViews.of(r, List.of()), pg.dpi());
    pg.files().addAll(List.of(pg.rel() + "/rotation.csv", pg.rel() + "/rotation_events.csv", pg.rel() + "/rotation.json"));
    String unit = r.parameters().center() + r.parameters().ligand() + "4";
    pg.html().subheading(unit + " rotation and " + (r.hopCoupling() == null ? "hops" : r.hopCoupling().species() + " hops"));
    pg.html().figure(pg.dir().resolve("rotation.png"), "Rotation angle of each " + unit + " unit from its orientation in the first "
        + "frame (best-fit rotation of its four " + r.parameters().ligand() + "; see the guide's rotation page)");
    double[] lib = r.librationDeg();
    double mean = 0;
    for (double l : lib) {
      mean += l / lib.length;
    }
    pg.html().text(String.format(Locale.ROOT, "%d %s units: libration %.1f° RMS; %d reorientation(s) beyond %s° (%s per unit per ps).",
        r.units().size(), unit, mean, r.events().size(), ReportParameters.fmt(r.parameters().upperDeg()),
        num(r.events().size() / (r.units().size() * r.durationPs()))));
    HopCoupling c = r.hopCoupling();
    if (c != null && c.events() == 0) {
      pg.html().text(String.format(Locale.ROOT, "Paddle-wheel test: no reorientation in this run, so none to pair with the %d %s hop(s); "
          + "%d of them pass within %s Å of a unit's centre.", c.hops(), c.species(), c.hopsNearUnits(), ReportParameters.fmt(c.radiusA())));
    } else if (c != null) {
      pg.html().text(String.format(Locale.ROOT, "Paddle-wheel test: %d of %d reorientation(s) have a %s hop within %s Å of the unit's "
          + "centre and %d frames (%s fs) of the turn; %s would by chance with the same hops spread evenly over the run. %d of %d "
          + "hops pass near a unit.", c.coupledEvents(), c.events(), c.species(), ReportParameters.fmt(c.radiusA()), c.windowFrames(),
          ReportParameters.fmt(c.windowFrames() * r.timestepFs()), num(c.chanceCoupled()), c.hopsNearUnits(), c.hops()));
    }
    if (c != null) {
      pg.used().add(pg.sec(), "rotation/hop coupling", "a hop within " + ReportParameters.fmt(c.radiusA()) + " Å of the centre and "
          + c.windowFrames() + " frames of the reorientation");
    }
    pg.used().add(pg.sec(), "rotation", unit + ", reorientation above " + ReportParameters.fmt(r.parameters().upperDeg()) + "° for "
        + r.parameters().minFrames() + " frames, settled within " + ReportParameters.fmt(r.parameters().settleDeg()) + "°");
    pg.warnings().addAll(r.warnings());
  }

  private static List<List<String>> typeRows(HopResult r) {
    int nt = r.types().size();
    int[] sites = new int[nt];
    double[] atoms = new double[nt];
    double[] occ = r.occupancy();
    for (int s = 0; s < occ.length; s++) {
      int t = r.types().indexOf(r.sites().get(s).type());
      sites[t]++;
      atoms[t] += occ[s];
    }
    double[] rate = r.ratesPerPs();
    double[] res = r.residencePs();
    int[] cnt = r.residenceCounts();
    List<List<String>> rows = new ArrayList<>();
    Integer[] order = new Integer[nt];
    for (int t = 0; t < nt; t++) {
      order[t] = t;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(sites[y], sites[x])); // the most frequent type first
    for (int t : order) {
      rows.add(List.of(r.types().get(t), Integer.toString(sites[t]), String.format(Locale.ROOT, "%.2f", atoms[t]), num(rate[t]),
          Double.isNaN(res[t]) ? "none completed" : String.format(Locale.ROOT, "%.3f", res[t]), Integer.toString(cnt[t])));
    }
    return rows;
  }

  private static List<String> crossingHeader(List<Region> layers) {
    List<String> h = new ArrayList<>(List.of("from \\ to"));
    layers.forEach(l -> h.add(l.label()));
    h.add("outside");
    return h;
  }

  private static List<List<String>> crossingRows(List<Region> layers, int[][] c) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      List<String> row = new ArrayList<>(List.of(i < layers.size() ? layers.get(i).label() : "outside"));
      for (int v : c[i]) {
        row.add(Integer.toString(v));
      }
      rows.add(row);
    }
    return rows;
  }

  private static String num(double v) {
    return Printed.scientific(v);
  }
}
