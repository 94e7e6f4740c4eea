package org.interphase.cli;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.Printed;
import org.interphase.viz.jmol.Scene;

/** The Jmol scenes that {@code render} and {@code report} draw: a frame with highlights, an NEB path. */
final class Scenes {
  private Scenes() {}

  /**
   * One frame with the units of the named motifs or the given atoms highlighted.
   *
   * @param highlight {@code motif:NAME[,NAME…]}, {@code atoms:I,J,…} or {@code null}
   * @param title the picture's title, or {@code null} for "frame N (t ps)"
   */
  static Scene frame(AtomTable atoms, Frame f, int index, String highlight, int width, int height, String title,
      List<Scene.Highlight> extra) {
    List<Scene.Highlight> hl = new ArrayList<>(extra);
    if (highlight != null && highlight.startsWith("motif:")) {
      List<BondAnalysis.Unit> units = BondAnalysis.motifAtoms(atoms, f, BondParameters.defaults());
      for (String m : highlight.substring(6).split(",")) {
        for (BondAnalysis.Unit u : units) {
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
      hl.add(new Scene.Highlight(ids, new Color(230, 0, 0), null));
    } else if (highlight != null && !highlight.startsWith("event:")) {
      throw new IllegalArgumentException("--highlight is motif:NAME, event:N or atoms:I,J,…; got " + highlight);
    }
    String t = title != null ? title : "frame " + index + (Double.isNaN(f.timeFs()) ? ""
        : String.format(Locale.ROOT, " (%.3f ps)", f.timeFs() / 1000));
    return new Scene(atoms, f, width, height, hl, polyhedra(atoms), List.of(), true, t);
  }

  /** The migration path of an analysed band over its first image; the title gives its barrier, printed as everywhere else. */
  static Scene neb(Bands.Analysed a, int width, int height) {
    NebResult r = a.result();
    AtomTable atoms = a.band().atoms();
    return new Scene(atoms, a.band().images().get(0), width, height,
        List.of(new Scene.Highlight(new int[] {r.migratingAtom()}, new Color(128, 0, 160), r.migratingElement() + " path")),
        polyhedra(atoms), List.of(r.migratingPathA()), true, String.format(Locale.ROOT, "%s migration path, %d images, barrier %s eV",
            r.migratingElement(), r.images(), Printed.energyEv(r.barrierForwardEv())));
  }

  private static List<String[]> polyhedra(AtomTable atoms) {
    return atoms.indicesOf("P").length > 0 && atoms.indicesOf("S").length > 0 ? List.<String[]>of(new String[] {"P", "S"}) : List.of();
  }

  static Color colourOf(String motif) {
    if (motif.endsWith(" chain") || motif.endsWith(" chain on P") || motif.endsWith(" bridge")) {
      return new Color(0, 160, 60);
    }
    return switch (motif) {
      case "PS3" -> new Color(230, 0, 0);
      case "P2S7", "P2S6" -> new Color(255, 120, 0);
      case "S8 ring" -> new Color(200, 170, 0);
      default -> new Color(200, 0, 200);
    };
  }
}
