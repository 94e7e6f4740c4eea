package org.interphase.viz.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.junit.jupiter.api.Test;

class JmolRendererTest {

  /** A PS4 and a PS3 unit with a few Li in a triclinic cell. */
  static Frame structure() {
    double b = 2.05 / Math.sqrt(3);
    double[] pos = {
      3, 3, 3, 3 + b, 3 + b, 3 + b, 3 + b, 3 - b, 3 - b, 3 - b, 3 + b, 3 - b, 3 - b, 3 - b, 3 + b,
      7, 6, 8, 7 + b, 6 + b, 8 + b, 7 + b, 6 - b, 8 - b, 7 - b, 6 + b, 8 - b,
      1, 7, 5, 5, 1, 6, 8, 8, 2
    };
    return new Frame(0, 0, Cell.ofRows(new double[] {10, 0, 0, 1.5, 9.5, 0, 0.5, 0.8, 11}), pos, null, null, null);
  }

  static AtomTable atoms() {
    return AtomTable.of("P", "S", "S", "S", "S", "P", "S", "S", "S", "Li", "Li", "Li");
  }

  private static boolean nearColour(BufferedImage img, int x, int y, int radius, Color c) {
    for (int dx = -radius; dx <= radius; dx++) {
      for (int dy = -radius; dy <= radius; dy++) {
        int px = x + dx;
        int py = y + dy;
        if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
          continue;
        }
        Color p = new Color(img.getRGB(px, py));
        if (Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40
            && Math.abs(p.getBlue() - c.getBlue()) < 40) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a pixel between {@code rMin} and {@code rMax} pixels of (x, y) has the hue of {@code c} (within 15°) and some
   * saturation: a translucent halo of {@code c} over white keeps its hue.
   */
  private static boolean haloAround(BufferedImage img, int x, int y, int rMin, int rMax, Color c) {
    float hue = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    for (int dx = -rMax; dx <= rMax; dx++) {
      for (int dy = -rMax; dy <= rMax; dy++) {
        double d = Math.hypot(dx, dy);
        int px = x + dx;
        int py = y + dy;
        if (d < rMin || d > rMax || px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
          continue;
        }
        Color p = new Color(img.getRGB(px, py));
        float[] hsb = Color.RGBtoHSB(p.getRed(), p.getGreen(), p.getBlue(), null);
        double dh = Math.abs(hsb[0] - hue);
        if (Math.min(dh, 1 - dh) < 15.0 / 360 && hsb[1] > 0.25) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void highlightColourAppearsWhereTheAtomProjects() throws Exception {
    Color red = new Color(230, 0, 0);
    Scene scene = Scene.of(atoms(), structure(), 640, 480)
        .withHighlights(List.of(new Scene.Highlight(new int[] {5}, red, "PS3")))
        .withPolyhedra(List.<String[]>of(new String[] {"P", "S"}));
    try (JmolRenderer r = new JmolRenderer()) {
      byte[] png = r.png(scene);
      Path out = Path.of("target", "test-scratch", "jmol");
      Files.createDirectories(out);
      Files.write(out.resolve("ps3.png"), png);
      BufferedImage img = JmolRenderer.decode(png);
      assertEquals(640, img.getWidth());
      assertEquals(480, img.getHeight());
      // not blank: many distinct colours
      java.util.Set<Integer> colours = new java.util.HashSet<>();
      for (int x = 0; x < 640; x += 4) {
        for (int y = 0; y < 480; y += 4) {
          colours.add(img.getRGB(x, y));
        }
      }
      assertTrue(colours.size() > 20, "distinct colours: " + colours.size());
      int[] at = r.screenPosition(5);
      assertTrue(at[0] > 0 && at[0] < 640 && at[1] > 0 && at[1] < 480, "on screen: " + at[0] + "," + at[1]);
      // red is close to the orange of P (ΔE*ab 38), so the palette draws the highlight in another colour
      Color drawn = scene.colours().get("PS3");
      assertTrue(Palette.deltaE(drawn, red) > 0, "the preferred red is replaced");
      // the highlighted P keeps its element colour at its centre (P and S of a unit stay apart), inside a halo of the highlight's hue
      assertTrue(nearColour(img, at[0], at[1], 3, Palette.element("P")), "P colour at the projected position " + at[0] + "," + at[1]);
      assertTrue(!nearColour(img, at[0], at[1], 3, drawn), "the highlighted atom itself is not recoloured");
      assertTrue(haloAround(img, at[0], at[1], 10, 30, drawn), "highlight halo around the projected position " + at[0] + "," + at[1]);
      // and the other P (not highlighted, CPK orange) is not in the highlight colour and has no halo
      int[] other = r.screenPosition(0);
      assertTrue(!nearColour(img, other[0], other[1], 2, drawn), "unhighlighted P is not in the highlight colour");
      assertTrue(!haloAround(img, other[0], other[1], 10, 30, drawn), "unhighlighted P has no halo");
    }
  }

  @Test
  void pictureSizeFollowsTheRequest() {
    try (JmolRenderer r = new JmolRenderer()) {
      BufferedImage img = JmolRenderer.decode(r.png(Scene.of(atoms(), structure(), 321, 203)));
      assertEquals(321, img.getWidth());
      assertEquals(203, img.getHeight());
    }
  }

  @Test
  void everyViewShowsTheWholeCellWithUpAndRightAsTheCameraSays() {
    Frame f = structure();
    for (String v : List.of("auto", "a", "b", "c", "[110]", "[1-11]")) {
      Scene scene = Scene.of(atoms(), f, 700, 500).withView(View.parse(v));
      try (JmolRenderer r = new JmolRenderer()) {
        BufferedImage img = JmolRenderer.decode(r.png(scene));
        assertEquals(700, img.getWidth());
        Camera cam = Camera.of(scene.view(), f.cell(), List.of());
        double[][] m = f.cell().toMatrix();
        for (int corner = 0; corner < 8; corner++) {
          double[] c = new double[3];
          for (int k = 0; k < 3; k++) {
            c[k] = (corner & 1) * m[0][k] + (corner >> 1 & 1) * m[1][k] + (corner >> 2 & 1) * m[2][k];
          }
          int[] px = r.screenPosition(c);
          assertTrue(px[0] >= 0 && px[0] <= r.areaWidth() && px[1] >= 0 && px[1] <= 500, v + ": corner " + corner + " at "
              + px[0] + "," + px[1] + " in " + r.areaWidth() + "×500");
        }
        // atoms 0 and 5: their picture offset is the projection on right and up at the fitted scale
        int[] p0 = r.screenPosition(0);
        int[] p5 = r.screenPosition(5);
        double[] d = {f.position(5, 0) - f.position(0, 0), f.position(5, 1) - f.position(0, 1), f.position(5, 2) - f.position(0, 2)};
        double s = r.pixelsPerA();
        assertEquals(s * cam.x(d), p5[0] - p0[0], 2.0, v + ": horizontal offset");
        assertEquals(-s * cam.y(d), p5[1] - p0[1], 2.0, v + ": vertical offset");
      }
    }
  }
}
