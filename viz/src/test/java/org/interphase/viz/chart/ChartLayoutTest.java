package org.interphase.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.interphase.core.view.ChartSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

/** What the chart does so that nothing hides: coinciding lines, context lines, values off scale, the shaded interval's label. */
class ChartLayoutTest {

  private static ChartSpec.Series line(String name, double[] x, double[] y, ChartSpec.Style style) {
    return new ChartSpec.Series(name, x, y, null, style);
  }

  private static ChartSpec spec(List<ChartSpec.Series> s) {
    return new ChartSpec("t", "x", "y", s, Double.NaN, Double.NaN, null, true, new double[0]);
  }

  @Test
  void aLineUnderAnEqualOneIsDrawnWider() {
    double[] x = {0, 1, 2, 3};
    // a and b agree over [0, 2] (then part), c crosses a at a single point only
    ChartSpec.Series a = line("a", x, new double[] {4, 4, 4, 4}, ChartSpec.Style.LINE);
    ChartSpec.Series b = line("b", new double[] {0, 1, 2, 2.5}, new double[] {4, 4, 4, 1}, ChartSpec.Style.DASHED);
    ChartSpec.Series c = line("c", x, new double[] {0, 3, 5, 6}, ChartSpec.Style.LINE);
    assertEquals(2.0 / 3, Charts.coincide(a, b), 1e-12, "together over [0, 2] of a's [0, 3]");
    assertEquals(0, Charts.coincide(a, c), 0, "crossing is not running together");
    float[] w = Charts.lineWidths(spec(List.of(a, b, c)));
    assertEquals(Charts.LINE + Charts.COINCIDENT_STEP, w[0], 0, "a runs under b");
    assertEquals(Charts.LINE, w[1], 0);
    assertEquals(Charts.LINE, w[2], 0);
    // counts equal over a third of the span only, or sharing the baseline at 0, stay thin
    ChartSpec.Series brief = line("brief", new double[] {0.5, 1, 2, 2.5}, new double[] {0, 4, 4, 1}, ChartSpec.Style.DASHED);
    assertEquals(Charts.LINE, Charts.lineWidths(spec(List.of(a, brief)))[0], 0, "a third of the span");
    ChartSpec.Series zero1 = line("absent 1", x, new double[] {0, 0, 0, 1}, ChartSpec.Style.DASHED);
    ChartSpec.Series zero2 = line("absent 2", x, new double[] {0, 0, 0, 2}, ChartSpec.Style.DASHED);
    assertEquals(Charts.LINE, Charts.lineWidths(spec(List.of(zero1, zero2)))[0], 0, "both at 0 is no stretch to show");
    // in a chart of measured values (not counts), a short common stretch (curves meeting in a tail at 0) keeps lines thin
    ChartSpec.Series d = line("d", x, new double[] {0.5, 0.25, 0, 0}, ChartSpec.Style.LINE);
    ChartSpec.Series e = line("e", x, new double[] {0.75, 0.5, 0, 0}, ChartSpec.Style.LINE);
    ChartSpec.Series f = line("f", x, new double[] {0.5, 0.25, 0, 0.1}, ChartSpec.Style.LINE);
    assertEquals(Charts.LINE, Charts.lineWidths(spec(List.of(d, e)))[0], 0, "a third of the span at 0 only");
    assertEquals(Charts.LINE + Charts.COINCIDENT_STEP, Charts.lineWidths(spec(List.of(d, f)))[0], 0, "two thirds of the span");
    // three equal counts: each wider than the ones drawn over it
    float[] three = Charts.lineWidths(spec(List.of(a, a, a)));
    assertTrue(three[0] > three[1] && three[1] > three[2], java.util.Arrays.toString(three));
    // the data are not moved
    JFreeChart chart = Charts.build(spec(List.of(a, b)));
    assertEquals(4.0, chart.getXYPlot().getDataset(1).getYValue(0, 0), 0);
    assertEquals(4.0, chart.getXYPlot().getDataset(1).getYValue(1, 1), 0);
  }

  @Test
  void contextLinesAreListedOnceAfterTheNamedOnes() {
    double[] x = {0, 1};
    List<ChartSpec.Series> s = new ArrayList<>();
    s.add(new ChartSpec.Series("every unit, one line per unit", x, new double[] {1, 2}, null, ChartSpec.Style.FAINT, 13, true));
    s.add(new ChartSpec.Series("every unit, one line per unit", x, new double[] {2, 3}, null, ChartSpec.Style.FAINT, 13, false));
    s.add(new ChartSpec.Series("unit 3", x, new double[] {5, 9}, null, ChartSpec.Style.LINE, 0, true));
    JFreeChart chart = Charts.build(spec(s));
    List<String> legend = new ArrayList<>();
    org.jfree.chart.LegendItemCollection items = chart.getLegend().getSources()[0].getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      legend.add(items.get(i).getLabel());
    }
    assertEquals(List.of("unit 3", "every unit, one line per unit"), legend);
    assertEquals(Charts.LINE / 2, Charts.lineWidths(spec(s))[0], 0);
  }

  @Test
  void aChosenRangeIsDrawnWithItsMarginAndTheNoteUnderTheTitle() {
    ChartSpec c = spec(List.of(line("g", new double[] {0.05, 1, 2}, new double[] {40, 0.5, 2}, ChartSpec.Style.LINE)))
        .withYRange(new double[] {0, 2}, "r ≤ 0.05 Å off scale");
    JFreeChart chart = Charts.build(c);
    assertEquals(0, chart.getXYPlot().getRangeAxis().getLowerBound(), 0);
    assertEquals(2.1, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-12);
    boolean noted = false;
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      noted |= chart.getSubtitle(i) instanceof TextTitle t && t.getText().equals("r ≤ 0.05 Å off scale");
    }
    assertTrue(noted, "the note is a subtitle");
  }

  @Test
  void theShadedIntervalIsALegendEntry() {
    ChartSpec c = new ChartSpec("g", "r", "g", List.of(line("g", new double[] {0, 1, 2}, new double[] {0, 3, 1}, ChartSpec.Style.LINE)),
        0.5, 1.5, "first shell");
    JFreeChart chart = Charts.build(c);
    assertTrue(chart.getLegend() != null, "a legend even for one series");
    List<String> legend = new ArrayList<>();
    org.jfree.chart.LegendItemCollection items = chart.getLegend().getSources()[0].getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      legend.add(items.get(i).getLabel());
    }
    assertEquals(List.of("g", "first shell"), legend);
  }
}
