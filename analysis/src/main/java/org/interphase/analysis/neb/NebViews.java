package org.interphase.analysis.neb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Printed;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
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
    files.add(new Views.TextFile("neb.csv", csv(paths)));
    for (Entry a : paths) {
      files.addAll(vtst(fileName(a.result().name()), a.result()));
    }
    return new Views("neb", doc, List.of(), List.of(new Figure("neb", chart(paths.stream().map(Entry::result).toList()))), files,
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
      double[] f = r.tangentForceEvPerA();
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

  /** One row per path: the barriers and where the band came from, full precision. */
  public static String csv(List<Entry> results) {
    StringBuilder b = new StringBuilder("name,images,barrier_forward_ev,barrier_backward_ev,reaction_energy_ev,saddle_coordinate_a,"
        + "climbing_image,migrating_element,migrating_atom,force_aware_spline,band_source,single_points\n");
    for (Entry a : results) {
      NebResult r = a.result();
      b.append(quote(r.name())).append(',').append(r.images()).append(',').append(number(r.barrierForwardEv())).append(',')
          .append(number(r.barrierBackwardEv())).append(',').append(number(r.reactionEnergyEv())).append(',')
          .append(number(r.saddleCoordinateA())).append(',').append(r.climbingImage() >= 0 ? Integer.toString(r.climbingImage()) : "")
          .append(',').append(r.migratingElement()).append(',').append(r.migratingAtom()).append(',').append(r.forceAware()).append(',')
          .append(quote(a.bandSource())).append(',')
          .append(quote(String.join(" ", a.singlePoints()))).append('\n');
    }
    return b.toString();
  }

  private static String quote(String s) {
    return s.isEmpty() || s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r') ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  /** VTST-compatible files: neb.dat (i R E F i), spline.dat (R E), exts.dat. */
  public static List<Views.TextFile> vtst(String dir, NebResult r) {
    StringBuilder neb = new StringBuilder();
    for (int i = 0; i < r.images(); i++) {
      neb.append(String.format(Locale.ROOT, "%3d %12.6f %12.6f %12.6f %3d%n", i, r.reactionCoordinateA()[i], r.energyEv()[i],
          Double.isNaN(r.tangentForceEvPerA()[i]) ? 0.0 : r.tangentForceEvPerA()[i], i));
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
