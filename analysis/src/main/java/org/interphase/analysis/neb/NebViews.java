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
 *
 * <p>{@code neb.dat} is written as VTST's nebbarrier.pl writes it ({@code "%3i %12.6f %12.6f %12.6f %3i"}:
 * image, reaction coordinate Å, energy relative to image 0 eV, tangential force eV/Å, image) and is
 * written only for a band with a tangential force on every image. VTST's nebspline.pl reads every line
 * of it as data (no comment lines) and takes the fourth column as the force whose negative is the
 * slope of its spline, so the file has no way to mark a missing force: a zero there is read as zero
 * force and draws a different curve, and slopes of an energy-only spline are not forces of the
 * calculation. For a band without forces ({@link NebResult#forceAware()} false) there is therefore no
 * {@code neb.dat}, and a warning ({@link NebResult.Doubt#NO_FORCES}) says so and why; {@code spline.dat}
 * (R Å, E eV of the energy-only spline), {@code exts.dat} and the images' R and E in {@code neb.json}
 * are still written. Sources: VTST scripts nebbarrier.pl and nebspline.pl (Henkelman group,
 * theory.cm.utexas.edu/vtsttools).
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
        text(paths), warnings(paths));
  }

  /** Per path without forces: that it has no {@code neb.dat}, and why. */
  public static List<Warning> warnings(List<Entry> paths) {
    List<Warning> w = new ArrayList<>();
    for (Entry a : paths) {
      NebResult r = a.result();
      if (!r.forceAware()) {
        w.add(new Warning(NebResult.Doubt.NO_FORCES, r.name() + ": no neb.dat written for this path: the band has no tangential forces, and "
            + "neb.dat's fourth column is the force VTST's nebspline.pl draws its spline from (a zero there would be read as a force); spline.dat "
            + "and exts.dat hold the energy-only spline, neb.json the images' R and E"));
      }
    }
    return w;
  }

  /**
   * The barrier line of the text: the forward barrier is the spline maximum (as ASE NEBTools gives it);
   * for a climbing-image band the climbing image's own energy relative to image 0 follows, with its
   * image number (0-based, as in the image table).
   */
  private static String barrierLine(NebResult r) {
    String ci = r.climbingImage() >= 0 ? String.format(Locale.ROOT, " (spline maximum; climbing image %d: %s eV)", r.climbingImage(),
        Printed.energyEv(r.climbingImageEnergyEv())) : "";
    return String.format(Locale.ROOT, "  forward barrier  %s eV%s   backward %s eV   reaction energy %s eV   saddle at %s Å (%s spline)",
        Printed.energyEv(r.barrierForwardEv()), ci, Printed.energyEv(r.barrierBackwardEv()), Printed.signedEnergyEv(r.reactionEnergyEv()),
        Printed.fixed(r.saddleCoordinateA(), 0, 4), r.forceAware() ? "force-aware" : "energy-only");
  }

  /** A path's name as a file name. */
  public static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Per path: images, migrating atom, barriers (eV; for a climbing-image band also the climbing image's
   * energy relative to image 0), and the image table (R Å, E eV, F eV/Å). A number that is not available
   * prints as {@link Printed#NOT_AVAILABLE}, never {@code NaN}; for a band without tangential forces on
   * every image ({@link NebResult#forceAware()} false) the F column is {@code n/a} throughout and a line
   * under the header says that forces were not read and the spline is energy-only.
   */
  public static List<String> text(List<Entry> paths) {
    List<String> o = new ArrayList<>();
    for (Entry a : paths) {
      NebResult r = a.result();
      o.add(String.format(Locale.ROOT, "%s: %d images, migrating %s (atom %d, 0-based)%s", r.name(), r.images(), r.migratingElement(),
          r.migratingAtom(), r.climbingImage() >= 0 ? ", climbing image " + r.climbingImage() : ""));
      o.add(barrierLine(r));
      o.add("  image   R (Å)      E (eV)     F (eV/Å)");
      if (!r.forceAware()) {
        o.add("  (F " + Printed.NOT_AVAILABLE + ": tangential forces were not read for every image; the spline is energy-only)");
      }
      double[] x = r.reactionCoordinateA();
      double[] e = r.energyEv();
      double[] f = r.tangentForceEvPerA();
      for (int i = 0; i < r.images(); i++) {
        o.add(String.format(Locale.ROOT, "  %3d  %s  %s  %s", i, Printed.fixed(x[i], 9, 5), Printed.fixed(e[i], 9, 5),
            Printed.fixed(r.forceAware() ? f[i] : Double.NaN, 9, 5)));
      }
    }
    return o;
  }

  /**
   * One path's JSON object. {@code climbing_image} (0-based) and {@code climbing_image_energy_ev} (E_CI − E_0,
   * eV) are null unless the band is a climbing-image band; {@code barrier_forward_ev} is the spline maximum.
   */
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
    o.put("climbing_image_energy_ev", r.climbingImage() >= 0 ? r.climbingImageEnergyEv() : null);
    o.put("force_aware_spline", r.forceAware());
    o.put("notes", r.notes());
    return o;
  }

  /**
   * {@code neb.csv}: one row per path, the barriers and where the band came from, full precision;
   * {@code climbing_image_energy_ev} (eV) is empty unless the band is a climbing-image band.
   */
  public static Table table(List<Entry> results) {
    int n = results.size();
    double[][] v = new double[5][n];
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
      double[] row = {r.barrierForwardEv(), r.barrierBackwardEv(), r.reactionEnergyEv(), r.saddleCoordinateA(), r.climbingImageEnergyEv()};
      for (int k = 0; k < row.length; k++) {
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
        new Column.Texts("climbing_image", climbing), new Column.Numbers("climbing_image_energy_ev", v[4]),
        new Column.Texts("migrating_element", element),
        new Column.Integers("migrating_atom", atom), new Column.Texts("force_aware_spline", forces), new Column.Texts("band_source", band),
        new Column.Texts("single_points", points)));
  }


  /**
   * VTST-compatible files: neb.dat (i, R Å, E eV, F eV/Å, i; nebbarrier.pl's format), spline.dat (R Å,
   * E eV) and exts.dat. neb.dat only when every image has a tangential force ({@link NebResult#forceAware()}):
   * its F column holds forces and nothing else (see the class comment).
   */
  public static List<Views.TextFile> vtst(String dir, NebResult r) {
    List<Views.TextFile> out = new ArrayList<>();
    if (r.forceAware()) {
      double[] f = r.tangentForceEvPerA();
      StringBuilder neb = new StringBuilder();
      for (int i = 0; i < r.images(); i++) {
        neb.append(String.format(Locale.ROOT, "%3d %12.6f %12.6f %12.6f %3d%n", i, r.reactionCoordinateA()[i], r.energyEv()[i], f[i], i));
      }
      out.add(new Views.TextFile(dir + "/neb.dat", neb.toString()));
    }
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
