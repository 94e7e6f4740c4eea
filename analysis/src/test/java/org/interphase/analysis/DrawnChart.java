package org.interphase.analysis;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * A chart drawn into an image of 480 × 340 pixels, as tests look at it: the pixels and where JFreeChart put the plot and
 * the legend entries.
 *
 * @param image the drawn chart
 * @param info JFreeChart's rendering info (data area, entities)
 */
public record DrawnChart(BufferedImage image, ChartRenderingInfo info) {

  /** Draws {@code chart} at 480 × 340 pixels. */
  public static DrawnChart of(JFreeChart chart) {
    BufferedImage img = new BufferedImage(480, 340, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.draw(g, new Rectangle2D.Double(0, 0, 480, 340), info);
    g.dispose();
    return new DrawnChart(img, info);
  }

  /** The plot's data area, pixels. */
  public Rectangle2D dataArea() {
    return info.getPlotInfo().getDataArea();
  }
}
