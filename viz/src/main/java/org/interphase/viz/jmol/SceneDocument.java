package org.interphase.viz.jmol;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.Frame;
import org.interphase.core.view.Document;

/**
 * The scene file written beside every structure picture ({@code scene.json}): what was drawn, where,
 * and how it was looked at, so that a picture can be checked or redrawn by another program.
 *
 * <pre>{@code
 * {
 *   "title": "frame 0 (0.000 ps)",                     // or null
 *   "view_request": "auto",                           // or "[110]", …
 *   "view": [x, y, z],        // unit vector (Cartesian) from the structure toward the viewer
 *   "view_up": [x, y, z],     // unit vector pointing up in the picture
 *   "cell": [[ax, ay, az], [bx, by, bz], [cx, cy, cz]],   // rows a, b, c in Å; null without a cell
 *   "atoms": [{"index": 0, "element": "Li", "position_a": [x, y, z]}, …],   // every atom, as drawn (Å)
 *   "bonds": [[i, j], …],     // the bonds given to the picture (0-based indices); absent when Jmol bonded
 *   "highlights": [{"label": "PS3", "color": "#0032aa", "atoms": [i, …]}, …],
 *   "path_a": [[x, y, z], …],  // a migration path, when drawn
 *   "legend": [{"label": "Li", "kind": "element", "color": "#cc80ff"}, …]
 * }
 * }</pre>
 *
 * Indices are 0-based in the order of the input file; positions are Cartesian Å in the input's
 * frame of reference (units made whole and moved by lattice vectors, never rotated).
 */
public final class SceneDocument {
  private SceneDocument() {}

  /** The document of a scene. */
  public static Document of(Scene s) {
    Frame f = s.frame();
    Camera cam = Camera.of(s.view(), f.cell(), s.path());
    Map<String, Color> colours = s.colours();
    Document d = new Document();
    d.put("title", s.title());
    d.put("view_request", s.view().toString());
    d.put("view", cam.toViewer());
    d.put("view_up", cam.up());
    d.put("cell", f.cell() == null ? null : List.of(f.cell().toMatrix()[0], f.cell().toMatrix()[1], f.cell().toMatrix()[2]));
    Document.Items atoms = d.array("atoms");
    for (int i = 0; i < s.atoms().size(); i++) {
      atoms.addObject().put("index", i).put("element", s.atoms().element(i))
          .put("position_a", new double[] {f.position(i, 0), f.position(i, 1), f.position(i, 2)});
    }
    if (s.bonds() != null) {
      Document.Items bonds = d.array("bonds");
      s.bonds().pairs().forEach(bonds::add);
    }
    Document.Items hl = d.array("highlights");
    for (Scene.Highlight h : s.highlights()) {
      hl.addObject().put("label", h.legendLabel()).put("color", hex(colours.get(h.legendLabel()))).put("atoms", h.atoms());
    }
    if (!s.path().isEmpty()) {
      d.put("path_a", new ArrayList<Object>(s.path()));
    }
    Document.Items legend = d.array("legend");
    for (Legend.Entry e : Legend.entries(s, colours)) {
      legend.addObject().put("label", e.label()).put("kind", e.kind().name().toLowerCase(Locale.ROOT)).put("color", hex(e.colour()));
    }
    return d;
  }

  /** {@code #rrggbb}. */
  static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
