package org.interphase.analysis.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.view.ChartSpec;
import org.interphase.testkit.SharedData;
import org.interphase.viz.chart.Charts;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/** The g(r) chart's labels never sit on the first peak or its marker. */
class RdfChartTest {

  @Test
  void firstShellIsNamedInTheLegendClearOfThePeakAndItsMarker() {
    for (String pair : List.of("Li-S", "P-S")) {
      RdfResult r = RdfReferenceTest.run(SharedData.real("kinisi/example_XDATCAR.gz"), RdfParameters.of(pair));
      ChartSpec spec = RdfViews.chart(r);
      assertEquals(0, spec.yRange().length, pair + ": no bin of few pairs is off scale in this run");
      JFreeChart chart = Charts.build(spec);
      org.interphase.analysis.DrawnChart drawn = org.interphase.analysis.DrawnChart.of(chart);
      ChartRenderingInfo info = drawn.info();
      XYPlot plot = chart.getXYPlot();
      // the shaded first shell carries no text inside the plot
      for (Object m : plot.getDomainMarkers(Layer.BACKGROUND)) {
        assertNull(((Marker) m).getLabel(), pair + ": no label drawn in the plot");
      }
      List<String> legend = new ArrayList<>();
      org.jfree.chart.LegendItemCollection items = chart.getLegend().getSources()[0].getLegendItems();
      for (int i = 0; i < items.getItemCount(); i++) {
        legend.add(items.get(i).getLabel());
      }
      assertTrue(legend.contains("first shell"), pair + ": " + legend);
      // the peak marker (a 6 px square) in picture coordinates, with a margin, clear of every legend entry's box
      Rectangle2D data = info.getPlotInfo().getDataArea();
      double px = plot.getDomainAxis().valueToJava2D(r.firstPeakA(), data, plot.getDomainAxisEdge());
      double py = plot.getRangeAxis().valueToJava2D(r.firstPeakG(), data, plot.getRangeAxisEdge());
      assertTrue(data.contains(px, py), pair + ": the peak is in the plot");
      Rectangle2D peak = new Rectangle2D.Double(px - 8, py - 8, 16, 16);
      int boxes = 0;
      for (Object o : info.getEntityCollection().getEntities()) {
        ChartEntity e = (ChartEntity) o;
        if (e instanceof LegendItemEntity) {
          boxes++;
          assertFalse(e.getArea().intersects(peak), pair + ": a legend entry over the peak marker at " + px + "," + py);
        }
      }
      assertEquals(legend.size(), boxes, pair + ": every legend entry drawn");
      assertFalse(chart.getLegend().getBounds().intersects(data), pair + ": the legend is outside the plot");
    }
  }
}
