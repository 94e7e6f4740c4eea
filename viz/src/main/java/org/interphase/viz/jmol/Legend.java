package org.interphase.viz.jmol;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.Cell;

/**
 * The legend panel at the right of a structure picture: element colours, polyhedra, highlight colours
 * with their labels, the migration path, and the directions of the lattice vectors a, b, c in the
 * picture. Drawn with Java2D beside Jmol's image.
 */
final class Legend {
  private Legend() {}

  /** What a legend entry shows. */
  enum Kind {
    ELEMENT,
    POLYHEDRON,
    HIGHLIGHT,
    PATH
  }

  /**
   * One line of the legend.
   *
   * @param count the number of highlighted groups with this label (1 for other kinds)
   */
  record Entry(Kind kind, String label, Color colour, int count) {}

  /** The entries of a scene: elements in file order, the polyhedra, each highlight label once (with its group count), the path. */
  static List<Entry> entries(Scene s, Map<String, Color> colours) {
    List<Entry> out = new ArrayList<>();
    for (String e : s.elements()) {
      out.add(new Entry(Kind.ELEMENT, e, Palette.element(e), 1));
    }
    if (!s.polyhedra().isEmpty()) {
      String[] p = s.polyhedra().get(0);
      out.add(new Entry(Kind.POLYHEDRON, p[0] + p[1] + "4 tetrahedra", s.polyhedronColour(), 1));
    }
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (Scene.Highlight h : s.highlights()) {
      if (h.atoms().length > 0) {
        groups.merge(h.legendLabel(), 1, Integer::sum);
      }
    }
    boolean path = s.pathLabel() != null && !s.path().isEmpty();
    // the migrating atom shares the path's label and colour: one entry, the path's
    groups.forEach((label, n) -> {
      if (!(path && label.equals(s.pathLabel()))) {
        out.add(new Entry(Kind.HIGHLIGHT, label, colours.get(label), n));
      }
    });
    if (path) {
      out.add(new Entry(Kind.PATH, s.pathLabel(), colours.get(s.pathLabel()), 1));
    }
    return out;
  }

  /** The font of legend and labels: about 1/45 of the picture height, 11–26 px. */
  static Font font(int height) {
    return new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, Math.min(26, height / 45)));
  }

  /** The width in pixels the panel needs: its longest line plus swatch and margins, at most 40% of the picture. */
  static int width(Scene s, List<Entry> entries) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      FontMetrics fm = g.getFontMetrics(font(s.height()));
      int text = fm.stringWidth("a  b  c");
      for (Entry e : entries) {
        text = Math.max(text, fm.stringWidth(text(e)));
      }
      int em = fm.getHeight();
      return Math.min((int) (0.4 * s.width()), text + 3 * em);
    } finally {
      g.dispose();
    }
  }

  private static String text(Entry e) {
    return e.count() > 1 ? e.label() + " ×" + e.count() : e.label();
  }

  /**
   * Draws the panel into {@code g} at x = {@code left}, over the full height.
   *
   * @param cell the lattice whose vectors the axis sketch shows, or {@code null}
   */
  static void draw(Graphics2D g, Scene s, List<Entry> entries, int left, int panelWidth, Camera cam, Cell cell) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    Font font = font(s.height());
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int em = fm.getHeight();
    int x = left + em / 2;
    int y = em;
    g.setColor(new Color(245, 245, 245));
    g.fillRect(left, 0, panelWidth, s.height());
    g.setColor(new Color(200, 200, 200));
    g.drawLine(left, 0, left, s.height());
    Kind previous = null;
    for (Entry e : entries) {
      if (previous != null && previous != e.kind() && (previous == Kind.ELEMENT || e.kind() == Kind.HIGHLIGHT)) {
        y += em / 2;
      }
      previous = e.kind();
      swatch(g, e, x, y, em);
      g.setColor(Color.BLACK);
      g.drawString(text(e), x + (int) (1.4 * em), y + fm.getAscent() - em / 2 + fm.getDescent() / 2);
      y += (int) (1.25 * em);
    }
    if (cell != null) {
      axes(g, cam, cell, left + panelWidth / 2, Math.max(y + 3 * em, s.height() - 2 * em - panelWidth / 4), Math.min(panelWidth / 3, 3 * em),
          fm);
    }
  }

  /** The symbol of an entry, centred on (x + em/2, y). */
  private static void swatch(Graphics2D g, Entry e, int x, int y, int em) {
    double r = 0.38 * em;
    double cx = x + em / 2.0;
    switch (e.kind()) {
      case ELEMENT -> {
        g.setColor(e.colour());
        g.fill(new Ellipse2D.Double(cx - r, y - r, 2 * r, 2 * r));
        g.setColor(e.colour().darker());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(cx - r, y - r, 2 * r, 2 * r));
      }
      case POLYHEDRON -> {
        Color c = e.colour();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        java.awt.geom.Path2D.Double tri = new java.awt.geom.Path2D.Double();
        tri.moveTo(cx, y - 1.2 * r);
        tri.lineTo(cx + 1.2 * r, y + r);
        tri.lineTo(cx - 1.2 * r, y + r);
        tri.closePath();
        g.fill(tri);
        g.setColor(c.darker());
        g.draw(tri);
      }
      case HIGHLIGHT -> {
        // the halo in the highlight's colour around an atom of any element (grey): highlighted atoms keep their own colours
        Color c = e.colour();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        g.fill(new Ellipse2D.Double(cx - 1.35 * r, y - 1.35 * r, 2.7 * r, 2.7 * r));
        g.setColor(new Color(215, 215, 215));
        g.fill(new Ellipse2D.Double(cx - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r));
        g.setColor(new Color(150, 150, 150));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(cx - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r));
      }
      case PATH -> {
        g.setColor(e.colour());
        g.setStroke(new BasicStroke(Math.max(2f, em / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx - 1.3 * r, y + 0.6 * r, cx + 1.3 * r, y - 0.6 * r));
        g.fill(new Ellipse2D.Double(cx - 0.5 * r, y - 0.5 * r, r, r));
        g.setStroke(new BasicStroke(1f));
      }
      default -> throw new IllegalStateException(e.kind().toString());
    }
  }

  /** Arrows for a, b, c as the picture shows them, the longest projected one {@code length} pixels. */
  private static void axes(Graphics2D g, Camera cam, Cell cell, int cx, int cy, int length, FontMetrics fm) {
    double[][] m = cell.toMatrix();
    double longest = 1e-9;
    for (double[] v : m) {
      longest = Math.max(longest, Math.hypot(cam.x(v), cam.y(v)));
    }
    g.setStroke(new BasicStroke(Math.max(1.5f, fm.getHeight() / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    String[] names = {"a", "b", "c"};
    for (int k = 0; k < 3; k++) {
      double dx = cam.x(m[k]) / longest * length;
      double dy = -cam.y(m[k]) / longest * length;
      g.setColor(new Color(60, 60, 60));
      g.draw(new Line2D.Double(cx, cy, cx + dx, cy + dy));
      double len = Math.hypot(dx, dy);
      if (len > 4) {
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(len * 0.35, fm.getHeight() * 0.45);
        g.draw(new Line2D.Double(cx + dx, cy + dy, cx + dx - head * (ux - 0.5 * uy), cy + dy - head * (uy + 0.5 * ux)));
        g.draw(new Line2D.Double(cx + dx, cy + dy, cx + dx - head * (ux + 0.5 * uy), cy + dy - head * (uy - 0.5 * ux)));
      }
      double lx = len > 4 ? cx + dx + dx / len * fm.getHeight() * 0.6 : cx + fm.getHeight() * 0.6 * (k - 1);
      double ly = len > 4 ? cy + dy + dy / len * fm.getHeight() * 0.6 : cy;
      Rectangle2D b = fm.getStringBounds(names[k], g);
      g.setColor(Color.BLACK);
      g.drawString(names[k], (float) (lx - b.getWidth() / 2), (float) (ly + fm.getAscent() / 2.0 - 1));
    }
    g.setStroke(new BasicStroke(1f));
  }
}
