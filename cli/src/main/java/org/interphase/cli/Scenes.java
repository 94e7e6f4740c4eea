package org.interphase.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.Printed;
import org.interphase.core.WholeUnits;
import org.interphase.core.view.Views;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.jmol.SceneDocument;
import org.interphase.viz.jmol.View;

/**
 * The Jmol scenes that {@code render} and {@code report} draw: a frame with highlights, an NEB path.
 * Every bonded unit of the bond analysis ({@link BondAnalysis#frameBonds}) is drawn whole and inside
 * the cell ({@link WholeUnits}), with exactly the analysis's bonds; alkali, alkaline-earth and halide
 * ions get no bonds; other elements keep Jmol's.
 */
final class Scenes {
  private Scenes() {}

  /** The elements whose bonds the bond analysis decides (its P–S, S–S and P–P rules). */
  private static final List<String> BONDED_ELEMENTS = List.of("P", "S");
  /** Elements drawn as ions, never bonded: Jmol's radii would join a close Li and Cl with a stick. */
  private static final List<String> IONS = List.of("Li", "Na", "K", "Rb", "Cs", "Mg", "Ca", "F", "Cl", "Br", "I");

  /**
   * A frame as drawn: units whole, their atoms, the bonds to draw.
   *
   * @param frame the frame with the drawn positions
   * @param units the units of the bond analysis (empty without a cell)
   * @param bonds the bonds to draw (none for a frame without a cell) among the elements they cover
   */
  record Drawn(Frame frame, List<BondAnalysis.Unit> units, Scene.Bonds bonds) {}

  /** Makes the units of a frame whole by the bond analysis's single-frame bonds; a frame without a cell is drawn as stored. */
  static Drawn drawn(AtomTable atoms, Frame f) {
    return drawn(atoms, f, List.of());
  }

  /**
   * {@link #drawn(AtomTable, Frame)} with more pairs joined across the boundary than this frame's bonds
   * (e.g. the bonds of neighbouring frames, so that a unit that forms or breaks stays whole through
   * them); only this frame's bonds are drawn.
   */
  static Drawn drawn(AtomTable atoms, Frame f, List<int[]> alsoJoined) {
    if (f.cell() == null) {
      return new Drawn(f, List.of(), new Scene.Bonds(present(atoms, IONS), List.of()));
    }
    BondAnalysis.FrameBonds fb = BondAnalysis.frameBonds(atoms, f, BondParameters.defaults());
    List<int[]> joined = new ArrayList<>(fb.bonds());
    joined.addAll(alsoJoined);
    WholeUnits w = WholeUnits.of(f.cell(), f.positions(), joined);
    // a bond that closes a loop through the boundary would be drawn across the cell: leave it out
    List<int[]> pairs = new ArrayList<>();
    Set<Long> open = new java.util.HashSet<>();
    for (int[] b : w.openBonds()) {
      open.add(key(b[0], b[1], atoms.size()));
    }
    for (int[] b : fb.bonds()) {
      if (!open.contains(key(b[0], b[1], atoms.size()))) {
        pairs.add(b);
      }
    }
    Set<String> elements = present(atoms, BONDED_ELEMENTS);
    elements.addAll(present(atoms, IONS));
    return new Drawn(f.withPositions(w.positionsA()), fb.units(), new Scene.Bonds(elements, pairs));
  }

  private static Set<String> present(AtomTable atoms, List<String> elements) {
    Set<String> out = new LinkedHashSet<>();
    for (String e : elements) {
      if (atoms.indicesOf(e).length > 0) {
        out.add(e);
      }
    }
    return out;
  }

  private static long key(int i, int j, int n) {
    return (long) Math.min(i, j) * n + Math.max(i, j);
  }

  /**
   * One frame with the units of the named motifs or the given atoms highlighted.
   *
   * @param highlight {@code motif:NAME[,NAME…]}, {@code atoms:I,J,…} or {@code null}
   * @param title the picture's title, or {@code null} for "frame N (t ps)"
   * @param view which way to look ({@code null}: automatic)
   */
  static Scene frame(AtomTable atoms, Frame f, int index, String highlight, int width, int height, String title,
      List<Scene.Highlight> extra, View view) {
    return frame(atoms, drawn(atoms, f), index, highlight, width, height, title, extra, view);
  }

  /** {@link #frame(AtomTable, Frame, int, String, int, int, String, List, View)} of a frame already drawn. */
  static Scene frame(AtomTable atoms, Drawn d, int index, String highlight, int width, int height, String title,
      List<Scene.Highlight> extra, View view) {
    Frame f = d.frame();
    List<Scene.Highlight> hl = new ArrayList<>(extra);
    if (highlight != null && highlight.startsWith("motif:")) {
      for (String m : highlight.substring(6).split(",")) {
        for (BondAnalysis.Unit u : d.units()) {
          if (u.motif().matches(m)) {
            hl.add(new Scene.Highlight(u.atoms(), colourOf(u.motif().label()), u.motif().label()));
          }
        }
      }
    } else if (highlight != null && highlight.startsWith("atoms:")) {
      int[] ids = java.util.Arrays.stream(highlight.substring(6).split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
      for (int id : ids) {
        if (id < 0 || id >= atoms.size()) {
          throw new IllegalArgumentException("atom " + id + " is outside 0–" + (atoms.size() - 1));
        }
      }
      hl.add(new Scene.Highlight(ids, CRIMSON, "atoms " + highlight.substring(6).strip()));
    } else if (highlight != null && !highlight.startsWith("event:")) {
      throw new IllegalArgumentException("--highlight is motif:NAME, event:N or atoms:I,J,…; got " + highlight);
    }
    String t = title != null ? title : "frame " + index + (Double.isNaN(f.timeFs()) ? ""
        : String.format(Locale.ROOT, " (%.3f ps)", f.timeFs() / 1000));
    return new Scene(atoms, d.frame(), width, height, hl, polyhedra(atoms), List.of(), null, d.bonds(), view, t);
  }

  /**
   * A frame drawn next to a reference frame drawn before: every atom where the reference drew it plus
   * its minimum-image displacement from there ({@link org.interphase.core.Cell#minimumImage}), so that
   * a unit made whole in the reference stays whole and in place while its atoms move a little (the
   * frames around an event, the images of a band). The bonds are this frame's own (the analysis's,
   * judged on this frame alone); one that the displacements would draw across the cell is left out.
   *
   * @param stored the frame as read
   * @param referenceStored the reference frame as read
   * @param reference the reference as drawn ({@link #drawn})
   */
  static Drawn drawnLike(AtomTable atoms, Frame stored, Frame referenceStored, Drawn reference) {
    if (stored.cell() == null || referenceStored.cell() == null) {
      return drawn(atoms, stored);
    }
    int n = atoms.size();
    double[] out = new double[3 * n];
    double[] d = new double[3];
    for (int i = 0; i < n; i++) {
      stored.cell().minimumImage(stored.position(i, 0) - referenceStored.position(i, 0), stored.position(i, 1) - referenceStored.position(i, 1),
          stored.position(i, 2) - referenceStored.position(i, 2), d);
      for (int k = 0; k < 3; k++) {
        out[3 * i + k] = reference.frame().position(i, k) + d[k];
      }
    }
    BondAnalysis.FrameBonds fb = BondAnalysis.frameBonds(atoms, stored, BondParameters.defaults());
    List<int[]> pairs = new ArrayList<>();
    for (int[] b : fb.bonds()) {
      double drawnLength = Math.sqrt(square(out, b[0], b[1]));
      double length = stored.cell().minimumImage(stored.position(b[1], 0) - stored.position(b[0], 0), stored.position(b[1], 1)
          - stored.position(b[0], 1), stored.position(b[1], 2) - stored.position(b[0], 2), d);
      if (Math.abs(drawnLength - length) < 1e-3) {
        pairs.add(b);
      }
    }
    return new Drawn(stored.withPositions(out), fb.units(), new Scene.Bonds(reference.bonds().elements(), pairs));
  }

  private static double square(double[] x, int i, int j) {
    double s = 0;
    for (int k = 0; k < 3; k++) {
      double d = x[3 * j + k] - x[3 * i + k];
      s += d * d;
    }
    return s;
  }

  /**
   * The migration path of an analysed band over its first image; the title gives its barrier, printed
   * as everywhere else. The path moves with the migrating atom when the picture moves it into the cell.
   */
  static Scene neb(Bands.Analysed a, int width, int height, View view) {
    Drawn d = drawn(a.band().atoms(), a.band().images().get(0));
    return nebImage(a, d, d, width, height, view);
  }

  /**
   * {@link #neb} over one image of the band: the migrating atom highlighted where it is in that
   * image, the whole path beside it, placed as in image 0.
   *
   * @param first image 0 as drawn ({@link #drawn})
   * @param d the image as drawn ({@link #drawnLike} image 0)
   */
  static Scene nebImage(Bands.Analysed a, Drawn first, Drawn d, int width, int height, View view) {
    NebResult r = a.result();
    AtomTable atoms = a.band().atoms();
    Frame stored = a.band().images().get(0);
    int m = r.migratingAtom();
    double[] shift = new double[3];
    for (int k = 0; k < 3; k++) {
      shift[k] = first.frame().position(m, k) - stored.position(m, k);
    }
    List<double[]> path = new ArrayList<>();
    for (double[] p : r.migratingPathA()) {
      path.add(new double[] {p[0] + shift[0], p[1] + shift[1], p[2] + shift[2]});
    }
    String label = r.migratingElement() + " path";
    return new Scene(atoms, d.frame(), width, height, List.of(new Scene.Highlight(new int[] {m}, NAVY, label)), polyhedra(atoms), path,
        label, d.bonds(), view, String.format(Locale.ROOT, "%s migration path, %d images, barrier %s eV", r.migratingElement(),
            r.images(), Printed.energyEv(r.barrierForwardEv())));
  }

  /**
   * Renders a scene to {@code png} and writes its scene file beside it through the one output writer:
   * {@code scene.json} when {@code sceneStem} is {@code "scene"}, else {@code sceneStem.json}.
   *
   * @return the scene file
   */
  static Path write(JmolRenderer jmol, Scene scene, Path png, String sceneStem) {
    jmol.write(scene, png);
    Path dir = png.toAbsolutePath().getParent();
    // no figures: the resolution does not matter
    ResultWriter.write(dir, new Views(sceneStem, SceneDocument.of(scene), List.of(), List.of(), List.of(), List.of(), List.of()),
        org.interphase.viz.chart.Charts.DEFAULT_DPI);
    return dir.resolve(sceneStem + ".json");
  }

  private static List<String[]> polyhedra(AtomTable atoms) {
    return atoms.indicesOf("P").length > 0 && atoms.indicesOf("S").length > 0 ? List.<String[]>of(new String[] {"P", "S"}) : List.of();
  }

  static final Color CRIMSON = new Color(215, 0, 40);
  static final Color NAVY = new Color(0, 50, 170);

  /** The preferred colour of a motif's highlight; the picture keeps it only when no element colour present is close ({@code Palette}). */
  static Color colourOf(String motif) {
    if (motif.endsWith(" chain") || motif.endsWith(" chain on P") || motif.endsWith(" bridge")) {
      return NAVY;
    }
    if (motif.endsWith(" ring")) {
      return new Color(0, 140, 150);
    }
    return switch (motif) {
      case "PS3" -> CRIMSON;
      case "P2S7", "P2S6" -> new Color(140, 70, 20);
      default -> new Color(255, 0, 160);
    };
  }
}
