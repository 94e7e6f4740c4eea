package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.interphase.core.view.ChartSpec;
import org.interphase.testkit.SharedData;
import org.interphase.viz.chart.Charts;
import org.junit.jupiter.api.Test;

/** Two motifs with the same count all along (kinisi: 32 PS4 units, 32 isolated S) both show in the chart. */
class MotifChartTest {

  /** Pixels of the data area within 40 per channel of {@code c}. */
  private static int pixels(BufferedImage img, Rectangle2D area, Color c) {
    int n = 0;
    for (int x = (int) area.getMinX(); x < area.getMaxX(); x++) {
      for (int y = (int) area.getMinY(); y < area.getMaxY(); y++) {
        Color p = new Color(img.getRGB(x, y));
        if (Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40 && Math.abs(p.getBlue() - c.getBlue()) < 40) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void equalCountsBothShow() {
    BondResult r = BondAnalysisTest.run(SharedData.real("kinisi/example_XDATCAR.gz"), BondParameters.defaults());
    ChartSpec spec = BondViews.chart(r);
    assertEquals(2, spec.series().size());
    ChartSpec.Series ps4 = spec.series().get(0);
    ChartSpec.Series s = spec.series().get(1);
    assertEquals("PS4", ps4.name());
    assertEquals("S (isolated)", s.name());
    assertArrayEquals(ps4.y(), s.y(), 0, "the two counts are the same in every frame");
    org.interphase.analysis.DrawnChart drawn = org.interphase.analysis.DrawnChart.of(Charts.build(spec));
    BufferedImage img = drawn.image();
    Rectangle2D data = drawn.dataArea();
    // Okabe–Ito blue (PS4) and orange (the first sulfur species): each along most of the 14 ps line, not hidden by the other
    int blue = pixels(img, data, new Color(0, 114, 178));
    int orange = pixels(img, data, new Color(230, 159, 0));
    assertTrue(blue > data.getWidth(), "PS4 pixels " + blue);
    assertTrue(orange > data.getWidth() / 3, "S (isolated) pixels " + orange);
  }
}
