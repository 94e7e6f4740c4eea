package org.interphase.analysis.neb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Printed;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What NEB results show: {@code neb.json} (one object per path), {@code neb.csv} (one row per path),
 * the profiles chart {@code neb.png/.svg}, per path VTST's {@code neb.dat}, {@code spline.dat} and
 * {@code exts.dat} in a folder named after it, and the text.
 */
public final class NebViews {
  private NebViews() {}

  /**
   * One analysed path with where its band came from.
   *
   * @param bandSource the band's file, relative to the path the user gave ("." for itself)
   * @param singlePoints single-point files that gave forces and energies, relative as above
   */
  public record Entry(NebResult result, String bandSource, List<String> singlePoints) {
    public Entry {
      singlePoints = List.copyOf(singlePoints);
    }
  }

  /** Every view of the paths, in order. */
  public static Views of(List<Entry> paths) {
    Document doc = new Document();
    Document.Items arr = doc.array("paths");
    paths.forEach(a -> arr.add(json(a)));
    List<Views.TextFile> files = new ArrayList<>();
    for (Entry a : paths) {
      files.addAll(vtst(fileName(a.result().name()), a.result()));
    }
    return new Views("neb", doc, List.of(table(paths)), List.of(new Figure("neb", chart(paths.stream().map(Entry::result).toList()))), files,
        text(paths), List.<Warning>of());
  }

  /** A path's name as a file name. */
  public static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Per path: images, migrating atom, barriers, and the image table. */
  public static List<String> text(List<Entry> paths) {
    List<String> o = new ArrayList<>();
    for (Entry a : paths) {
      NebResult r = a.result();
      o.add(String.format(Locale.ROOT, "%s: %d images, migrating %s (atom %d)%s", r.name(), r.images(), r.migratingElement(),
          r.migratingAtom(), r.climbingImage() >= 0 ? ", climbing image " + r.climbingImage() : ""));
      o.add(String.format(Locale.ROOT, "  forward barrier  %s eV   backward %s eV   reaction energy %s eV   saddle at %.4f Å (%s spline)",
          Printed.energyEv(r.barrierForwardEv()), Printed.energyEv(r.barrierBackwardEv()), Printed.signedEnergyEv(r.reactionEnergyEv()),
          r.saddleCoordinateA(), r.forceAware() ? "force-aware" : "energy-only"));
      o.add("  image   R (Å)      E (eV)     F (eV/Å)");
      double[] x = r.reactionCoordinateA();
      double[] e = r.energyEv();
      double[] f = r.tangentForceEvPerA().clone();
      for (int i = 0; i < r.images(); i++) {
        o.add(String.format(Locale.ROOT, "  %3d  %9.5f  %9.5f  %9.5f", i, x[i], e[i], f[i]));
      }
    }
    return o;
  }

  /** One path's JSON object. */
  public static Document json(Entry a) {
    NebResult r = a.result();
    Document o = new Document();
    o.put("name", r.name());
    o.put("images", r.images());
    o.put("band_source", a.bandSource());
    o.put("single_points", a.singlePoints());
    o.put("reaction_coordinate_a", r.reactionCoordinateA());
    o.put("energy_ev", r.energyEv());
    o.put("tangent_force_ev_a", r.tangentForceEvPerA());
    o.put("barrier_forward_ev", r.barrierForwardEv());
    o.put("barrier_backward_ev", r.barrierBackwardEv());
    o.put("reaction_energy_ev", r.reactionEnergyEv());
    o.put("saddle_coordinate_a", r.saddleCoordinateA());
    o.put("migrating_atom", r.migratingAtom());
    o.put("migrating_element", r.migratingElement());
    o.put("migrating_path_a", java.util.Arrays.asList((Object[]) r.migratingPathA()));
    o.put("climbing_image", r.climbingImage() >= 0 ? r.climbingImage() : null);
    o.put("force_aware_spline", r.forceAware());
    o.put("notes", r.notes());
    return o;
  }

  /** {@code neb.csv}: one row per path, the barriers and where the band came from, full precision. */
  public static Table table(List<Entry> results) {
    int n = results.size();
    double[][] v = new double[4][n];
    int[] images = new int[n];
    int[] atom = new int[n];
    List<String> names = new ArrayList<>();
    List<String> climbing = new ArrayList<>();
    List<String> element = new ArrayList<>();
    List<String> forces = new ArrayList<>();
    List<String> band = new ArrayList<>();
    List<String> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Entry a = results.get(i);
      NebResult r = a.result();
      names.add(r.name());
      images[i] = r.images();
      double[] row = {r.barrierForwardEv(), r.barrierBackwardEv(), r.reactionEnergyEv(), r.saddleCoordinateA()};
      for (int k = 0; k < 4; k++) {
        v[k][i] = row[k];
      }
      climbing.add(r.climbingImage() >= 0 ? Integer.toString(r.climbingImage()) : "");
      element.add(r.migratingElement());
      atom[i] = r.migratingAtom();
      forces.add(Boolean.toString(r.forceAware()));
      band.add(a.bandSource());
      points.add(String.join(" ", a.singlePoints()));
    }
    return new Table("neb.csv", List.of(new Column.Texts("name", names), new Column.Integers("images", images),
        new Column.Numbers("barrier_forward_ev", v[0]), new Column.Numbers("barrier_backward_ev", v[1]),
        new Column.Numbers("reaction_energy_ev", v[2]), new Column.Numbers("saddle_coordinate_a", v[3]),
        new Column.Texts("climbing_image", climbing), new Column.Texts("migrating_element", element),
        new Column.Integers("migrating_atom", atom), new Column.Texts("force_aware_spline", forces), new Column.Texts("band_source", band),
        new Column.Texts("single_points", points)));
  }


  /**
   * VTST-compatible files: neb.dat (i R E F i), spline.dat (R E), exts.dat. Without forces the F
   * column holds minus the slope of the energy-only spline at each image (the slopes the profile was
   * drawn with), so that VTST's tools draw the same curve from neb.dat; never a made-up zero force.
   */
  public static List<Views.TextFile> vtst(String dir, NebResult r) {
    double[] f = r.tangentForceEvPerA().clone();
    if (java.util.Arrays.stream(f).anyMatch(Double::isNaN) && r.images() >= 3) {
      double[] x = r.reactionCoordinateA();
      org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction s =
          new org.apache.commons.math3.analysis.interpolation.SplineInterpolator().interpolate(x, r.energyEv());
      for (int i = 0; i < f.length; i++) {
        f[i] = -s.derivative().value(Math.min(x[x.length - 1], Math.max(x[0], x[i])));
      }
    }
    StringBuilder neb = new StringBuilder();
    for (int i = 0; i < r.images(); i++) {
      neb.append(String.format(Locale.ROOT, "%3d %12.6f %12.6f %12.6f %3d%n", i, r.reactionCoordinateA()[i], r.energyEv()[i],
          Double.isNaN(f[i]) ? 0.0 : f[i], i));
    }
    List<Views.TextFile> out = new ArrayList<>();
    out.add(new Views.TextFile(dir + "/neb.dat", neb.toString()));
    StringBuilder sp = new StringBuilder();
    for (int i = 0; i < r.splineCoordinateA().length; i++) {
      sp.append(String.format(Locale.ROOT, "%12.6f %12.6f%n", r.splineCoordinateA()[i], r.splineEnergyEv()[i]));
    }
    out.add(new Views.TextFile(dir + "/spline.dat", sp.toString()));
    StringBuilder ex = new StringBuilder();
    int k = 1;
    for (NebResult.Extremum e : r.extrema()) {
      ex.append(String.format(Locale.ROOT, "Extrema %d found at image %9.6f with energy: %12.6f%n", k++, e.imagePosition(), e.energyEv()));
    }
    out.add(new Views.TextFile(dir + "/exts.dat", ex.toString()));
    return out;
  }

  /** The profiles of several paths, each labelled with its forward barrier as every other output prints it. */
  public static ChartSpec chart(List<NebResult> results) {
    List<ChartSpec.Series> s = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      NebResult r = results.get(i);
      s.add(new ChartSpec.Series(r.name() + " (" + Printed.energyEv(r.barrierForwardEv()) + " eV)", r.splineCoordinateA(),
          r.splineEnergyEv(), null, ChartSpec.Style.LINE, i, true));
      s.add(new ChartSpec.Series(r.name() + " images", r.reactionCoordinateA(), r.energyEv(), null, ChartSpec.Style.POINTS, i, false));
    }
    return new ChartSpec("Migration energy profiles", "reaction coordinate (Å)", "E − E(initial) (eV)", s, Double.NaN, Double.NaN, null);
  }
}
