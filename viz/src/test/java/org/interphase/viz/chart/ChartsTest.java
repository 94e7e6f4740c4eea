package org.interphase.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void shortLinesKeepEveryPoint() {
    double[] y = new double[100];
    assertArrayEquals(java.util.stream.IntStream.range(0, 100).toArray(), Charts.drawn(y, 25));
  }

  @Test
  void longLinesKeepEachBucketsExtremesAndEnds() {
    // 100 000 points, one spike up at 12 345 and one down at 77 777 on a slow ramp
    int n = 100_000;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i * 1e-5;
    }
    y[12_345] = 50;
    y[77_777] = -50;
    int[] kept = Charts.drawn(y, 2000);
    assertTrue(kept.length <= 4 * 2000, "kept " + kept.length);
    assertTrue(Arrays.stream(kept).anyMatch(i -> i == 12_345), "the spike up is drawn");
    assertTrue(Arrays.stream(kept).anyMatch(i -> i == 77_777), "the spike down is drawn");
    assertEquals(0, kept[0]);
    assertEquals(n - 1, kept[kept.length - 1]);
    for (int k = 1; k < kept.length; k++) {
      assertTrue(kept[k] > kept[k - 1], "in order");
    }
  }

  @Test
  void flatRunsKeepOnlyTheirEnds() {
    // a count that steps 2 → 3 at index 4 and back to 2 at index 8: the line needs only the corners
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] y = {2, 2, 2, 2, 3, 3, 3, 3, 2, 2, 2};
    int[] all = java.util.stream.IntStream.range(0, x.length).toArray();
    assertArrayEquals(new int[] {0, 3, 4, 7, 8, 10}, Charts.withoutFlatInteriors(x, y, all));
    // a point where x turns back is not on the segment between its neighbours: it stays
    double[] back = {0, 1, 0.5, 3};
    assertArrayEquals(new int[] {0, 1, 2, 3}, Charts.withoutFlatInteriors(back, new double[] {1, 1, 1, 1}, new int[] {0, 1, 2, 3}));
    // NaN is never equal to anything: kept
    assertArrayEquals(new int[] {0, 1, 2}, Charts.withoutFlatInteriors(new double[] {0, 1, 2},
        new double[] {Double.NaN, Double.NaN, Double.NaN}, new int[] {0, 1, 2}));
  }

  @Test
  void tickLabelsAreTypographic() {
    TypographicFormat f = new TypographicFormat();
    assertEquals("0.3", f.format(0.30000000000000004));
    assertEquals("−3.5", f.format(-3.5));
    assertEquals("1.5 × 10⁻⁵", f.format(1.5e-5));
    assertEquals("10⁻⁶", f.format(1e-6));
    assertEquals("2 × 10⁵", f.format(2e5));
    assertEquals("1200", f.format(1200));
    assertEquals("0", f.format(-1.4e-17));
  }

  /** The PNG is the design size × dpi/96 pixels and says its resolution (pHYs, pixels per metre); the SVG keeps the design size. */
  @Test
  void pngCarriesItsResolution(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    org.interphase.core.view.ChartSpec spec = new org.interphase.core.view.ChartSpec("t", "x (ps)", "y (Å²)", java.util.List.of(
        new org.interphase.core.view.ChartSpec.Series("a", new double[] {0, 1, 2}, new double[] {0, 1, 4}, new double[] {0, 0.1, 0.2},
            org.interphase.core.view.ChartSpec.Style.BAND)), Double.NaN, Double.NaN, null, true, new double[] {0});
    Charts.write(new org.interphase.core.view.Figure("c", spec, 480, 340), dir, 300);
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(dir.resolve("c.png").toFile());
    assertEquals(1500, img.getWidth());
    assertEquals(1063, img.getHeight());
    try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(dir.resolve("c.png").toFile())) {
      javax.imageio.ImageReader r = javax.imageio.ImageIO.getImageReadersByFormatName("png").next();
      r.setInput(in);
      org.w3c.dom.Node root = r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      String ppm = null;
      for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeName().equals("pHYs")) {
          ppm = n.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue();
        }
      }
      assertEquals(String.valueOf(Math.round(300 / 0.0254)), ppm);
    }
    String svg = java.nio.file.Files.readString(dir.resolve("c.svg"));
    assertTrue(svg.matches("(?s).*<svg [^>]*width=.480.[^>]*height=.340.*"), svg.substring(0, 400));
  }

  /** A chart that must start at zero and show an extrapolation target: the axes include them. */
  @Test
  void axesIncludeZeroAndTheTarget() {
    org.interphase.core.view.ChartSpec spec = new org.interphase.core.view.ChartSpec("t", "1000/T (1/K)", "log D", java.util.List.of(
        new org.interphase.core.view.ChartSpec.Series("a", new double[] {1, 1.5, 2}, new double[] {3, 4, 5}, null,
            org.interphase.core.view.ChartSpec.Style.POINTS)), Double.NaN, Double.NaN, null, true, new double[] {1000 / 300.0});
    org.jfree.chart.plot.XYPlot plot = Charts.build(spec).getXYPlot();
    assertTrue(plot.getDomainAxis().getUpperBound() > 1000 / 300.0, "x reaches 1000/300 K: " + plot.getDomainAxis().getRange());
    assertEquals(0, plot.getRangeAxis().getLowerBound(), 0, "y from 0");
  }
}
