package org.interphase.viz.jmol;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labels of highlighted groups, drawn over Jmol's image so that no atom can hide them: each in
 * its highlight colour with a white halo, beside the group (right, left, above, below its atoms or at
 * a corner of them): of the places inside the picture that overlap no label placed before, the one
 * that covers the fewest atoms, the earlier in that order on a tie. A label with no free place is
 * left out; the legend still names its colour.
 */
final class Labels {
  private Labels() {}

  /**
   * One group on the picture.
   *
   * @param label its text
   * @param xs pixel x of its atoms
   * @param ys pixel y of its atoms (from the top)
   */
  record Group(String label, int[] xs, int[] ys) {}

  /**
   * Draws the labels.
   *
   * @param areaWidth width of the structure area (labels stay inside it)
   * @param atomRadiusPx how far an atom's drawing reaches from its centre, pixels
   * @param allXs pixel x of every atom of the picture (to keep labels off them)
   * @param allYs pixel y of every atom
   * @return how many labels were drawn
   */
  static int draw(Graphics2D g, List<Group> groups, Map<String, Color> colours, int areaWidth, int areaHeight, double atomRadiusPx,
      int[] allXs, int[] allYs) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(Legend.font(areaHeight).deriveFont(java.awt.Font.BOLD));
    List<Rectangle2D> placed = new ArrayList<>();
    int drawn = 0;
    for (Group grp : groups) {
      if (grp.xs().length == 0) {
        continue;
      }
      TextLayout layout = new TextLayout(grp.label(), g.getFont(), g.getFontRenderContext());
      Rectangle2D text = layout.getBounds();
      Rectangle2D box = place(grp, text, placed, areaWidth, areaHeight, atomRadiusPx, allXs, allYs);
      if (box == null) {
        continue;
      }
      placed.add(box);
      Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(box.getX() - text.getX(), box.getY() - text.getY()));
      float halo = Math.max(3f, g.getFont().getSize2D() / 4f);
      g.setColor(new Color(255, 255, 255, 235));
      g.setStroke(new BasicStroke(halo, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(outline);
      g.setColor(colours.get(grp.label()));
      g.fill(outline);
      drawn++;
    }
    g.setStroke(new BasicStroke(1f));
    return drawn;
  }

  /** The free box for the text beside the group that covers the fewest atoms, or null. */
  private static Rectangle2D place(Group grp, Rectangle2D text, List<Rectangle2D> placed, int w, int h, double r, int[] xs, int[] ys) {
    int x0 = Integer.MAX_VALUE;
    int x1 = Integer.MIN_VALUE;
    int y0 = Integer.MAX_VALUE;
    int y1 = Integer.MIN_VALUE;
    for (int i = 0; i < grp.xs().length; i++) {
      x0 = Math.min(x0, grp.xs()[i]);
      x1 = Math.max(x1, grp.xs()[i]);
      y0 = Math.min(y0, grp.ys()[i]);
      y1 = Math.max(y1, grp.ys()[i]);
    }
    double gap = r + 0.3 * text.getHeight();
    double tw = text.getWidth();
    double th = text.getHeight();
    double cx = 0.5 * (x0 + x1);
    double cy = 0.5 * (y0 + y1);
    double[][] spots = {
      {x1 + gap, cy - th / 2}, {x0 - gap - tw, cy - th / 2}, {cx - tw / 2, y0 - gap - th}, {cx - tw / 2, y1 + gap},
      {x1 + gap, y0 - gap - th}, {x1 + gap, y1 + gap}, {x0 - gap - tw, y0 - gap - th}, {x0 - gap - tw, y1 + gap}
    };
    double pad = 2;
    Rectangle2D best = null;
    int fewest = Integer.MAX_VALUE;
    for (double[] s : spots) {
      Rectangle2D box = new Rectangle2D.Double(s[0], s[1], tw, th);
      if (s[0] < pad || s[1] < pad || s[0] + tw > w - pad || s[1] + th > h - pad) {
        continue;
      }
      Rectangle2D grown = new Rectangle2D.Double(s[0] - pad, s[1] - pad, tw + 2 * pad, th + 2 * pad);
      if (placed.stream().anyMatch(grown::intersects)) {
        continue;
      }
      Rectangle2D reach = new Rectangle2D.Double(s[0] - r, s[1] - r, tw + 2 * r, th + 2 * r);
      int covered = 0;
      for (int i = 0; i < xs.length; i++) {
        covered += reach.contains(xs[i], ys[i]) ? 1 : 0;
      }
      if (covered < fewest) {
        fewest = covered;
        best = box;
      }
    }
    return best;
  }
}
