package org.interphase.viz.jmol;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.Frame;

/** The Jmol script that draws a scene: styles, bonds, polyhedra, highlights, path, and the camera that fits the picture. */
final class JmolScript {
  private JmolScript() {}

  /** Half the size (Å) of the largest drawn atom with its halo: the margin kept around atom centres. */
  static final double ATOM_REACH_A = 0.9;

  /**
   * Where the picture looks: the 3D point at its centre and its scale.
   *
   * @param centre Cartesian Å, drawn at the middle of the structure area
   * @param pixelsPerA the scale of the picture
   */
  record Fit(double[] centre, double pixelsPerA) {}

  /**
   * The orthographic fit of everything drawn (atoms with their reach, the eight cell corners, the
   * path) into a {@code width × height} area, with a margin of 2.5% of the smaller side plus 4 pixels.
   */
  static Fit fit(Scene s, Camera cam, int width, int height) {
    double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    Frame f = s.frame();
    double[] p = new double[3];
    for (int i = 0; i < f.atomCount(); i++) {
      p[0] = f.position(i, 0);
      p[1] = f.position(i, 1);
      p[2] = f.position(i, 2);
      grow(box, cam, p, ATOM_REACH_A);
    }
    double depth = 0;
    if (f.cell() != null) {
      double[][] m = f.cell().toMatrix();
      for (int corner = 0; corner < 8; corner++) {
        double[] c = new double[3];
        for (int v = 0; v < 3; v++) {
          if ((corner >> v & 1) == 1) {
            for (int k = 0; k < 3; k++) {
              c[k] += m[v][k];
            }
          }
        }
        grow(box, cam, c, 0.1);
        depth += Camera.dot(cam.toViewer(), c) / 8;
      }
    }
    for (double[] q : s.path()) {
      grow(box, cam, q, 0.5);
    }
    double margin = 0.025 * Math.min(width, height) + 4;
    double spanX = Math.max(box[1] - box[0], 1);
    double spanY = Math.max(box[3] - box[2], 1);
    double scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
    double cx = 0.5 * (box[0] + box[1]);
    double cy = 0.5 * (box[2] + box[3]);
    double[] centre = new double[3];
    for (int k = 0; k < 3; k++) {
      centre[k] = cx * cam.right()[k] + cy * cam.up()[k] + depth * cam.toViewer()[k];
    }
    return new Fit(centre, scale);
  }

  private static void grow(double[] box, Camera cam, double[] p, double reach) {
    double x = cam.x(p);
    double y = cam.y(p);
    box[0] = Math.min(box[0], x - reach);
    box[1] = Math.max(box[1], x + reach);
    box[2] = Math.min(box[2], y - reach);
    box[3] = Math.max(box[3], y + reach);
  }

  /**
   * The script for a scene loaded with the atoms in Jmol's order.
   *
   * @param jmolIndexOf Jmol's atom index of each atom in file order
   * @param width the structure area's width in pixels (Jmol's screen)
   */
  static String of(Scene s, int[] jmolIndexOf, Camera cam, Fit fit, Map<String, Color> colours, int width, int height) {
    StringBuilder sc = new StringBuilder();
    sc.append("background white; set antialiasDisplay true; set frank off; set showUnitcellInfo false; set zShade false;");
    sc.append("set perspectiveDepth false; select all; spacefill 22%; wireframe 0.12; color cpk;");
    // cell edges about 1.6 pixels wide whatever the scale (a decimal width is in Å)
    sc.append(String.format(Locale.ROOT, "unitcell on; unitcell %.4f; color unitcell [90,90,90];", Math.max(0.005, 1.6 / fit.pixelsPerA())));
    bonds(sc, s, jmolIndexOf);
    for (String[] p : s.polyhedra()) {
      Color c = s.polyhedronColour();
      sc.append(String.format(Locale.ROOT, "select _%s; polyhedra 4 bonds; color polyhedra translucent 0.6 %s;", p[0], rgb(c)));
    }
    sc.append("select none;");
    for (Scene.Highlight h : s.highlights()) {
      if (h.atoms().length == 0) {
        continue;
      }
      // the atoms keep their element colours (P and S of a unit stay apart), larger, in a halo of the highlight's colour, with
      // the bonds inside the group in that colour
      String rgb = rgb(colours.get(h.legendLabel()));
      sc.append("select ").append(set(h.atoms(), jmolIndexOf)).append("; spacefill 30%; halos on; color halos ").append(rgb)
          .append(" translucent 0.35; set bondModeOr false; wireframe 0.2; color bonds ").append(rgb).append("; set bondModeOr true;");
    }
    path(sc, s, colours);
    sc.append("select none; reset;");
    double[] aa = cam.axisAngle();
    sc.append(String.format(Locale.ROOT, "moveto 0 {%.8f %.8f %.8f} %.6f;", aa[0], aa[1], aa[2], aa[3]));
    // orthographic: Jmol's scale is (larger screen side − 1) / 2 / rotationRadius pixels per Å at zoom 100
    double radius = (Math.max(width, height) - 1) / 2.0 / fit.pixelsPerA();
    double[] c = fit.centre();
    sc.append(String.format(Locale.ROOT, "center {%.6f %.6f %.6f}; set rotationRadius %.6f; zoom 100;", c[0], c[1], c[2], radius));
    return sc.toString();
  }

  /** Replaces Jmol's bonds of the given elements by the scene's. */
  private static void bonds(StringBuilder sc, Scene s, int[] jmolIndexOf) {
    Scene.Bonds b = s.bonds();
    if (b == null || b.elements().isEmpty()) {
      return;
    }
    StringBuilder which = new StringBuilder();
    for (String e : b.elements()) {
      which.append(which.length() == 0 ? "" : " or ").append('_').append(e);
    }
    sc.append("connect (").append(which).append(") (all) delete;");
    for (int[] p : b.pairs()) {
      sc.append("connect 0.0 1000.0 ({").append(jmolIndexOf[p[0]]).append("}) ({").append(jmolIndexOf[p[1]]).append("}) single create;");
    }
  }

  private static void path(StringBuilder sc, Scene s, Map<String, Color> colours) {
    List<double[]> path = s.path();
    if (path.isEmpty()) {
      return;
    }
    String rgb = rgb(colours.getOrDefault(s.pathLabel(), new Color(128, 0, 160)));
    for (int i = 0; i < path.size(); i++) {
      double[] p = path.get(i);
      // a chain of atom-sized spheres, one per image, as migration paths are drawn in papers
      sc.append(String.format(Locale.ROOT, "draw mig%d {%.5f %.5f %.5f} diameter 1.0 color translucent 0.35 %s;", i, p[0], p[1], p[2], rgb));
    }
    if (path.size() > 1) {
      sc.append("draw migpath curve");
      for (double[] p : path) {
        sc.append(String.format(Locale.ROOT, " {%.5f %.5f %.5f}", p[0], p[1], p[2]));
      }
      sc.append(" width 0.12 color ").append(rgb).append(';');
    }
  }

  /** A Jmol atom set of the given file-order atoms, by Jmol atom index in ascending order (Jmol refuses others): {@code ({3 7 9})}. */
  static String set(int[] atoms, int[] jmolIndexOf) {
    int[] idx = java.util.Arrays.stream(atoms).map(i -> jmolIndexOf[i]).sorted().distinct().toArray();
    StringBuilder sb = new StringBuilder("({");
    for (int i = 0; i < idx.length; i++) {
      sb.append(i == 0 ? "" : " ").append(idx[i]);
    }
    return sb.append("})").toString();
  }

  static String rgb(Color c) {
    return String.format(Locale.ROOT, "[%d,%d,%d]", c.getRed(), c.getGreen(), c.getBlue());
  }
}
