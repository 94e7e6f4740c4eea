package org.interphase.analysis.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.FrameSource;
import org.interphase.core.view.ChartSpec;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The rotation chart says what its lines are: one pale line per unit, the units that matter in colour and named. */
class RotationChartTest {

  static RotationResult run(Path file, double timestepFs) {
    try (FrameSource src = FormatRegistry.open(file, new ReadOptions(false, List.of(), timestepFs, null))) {
      var acc = new RotationAnalysis(RotationParameters.of("P", "S")).start(src.header());
      while (src.hasNext()) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  private static List<ChartSpec.Series> inLegend(ChartSpec c) {
    return c.series().stream().filter(ChartSpec.Series::inLegend).toList();
  }

  @Test
  void manyUnitsWithoutReorientationAreOneLegendEntryAndTheFurthestIsNamed() {
    RotationResult r = run(SharedData.real("kinisi/example_XDATCAR.gz"), 100);
    assertEquals(32, r.units().size());
    assertEquals(0, r.events().size());
    ChartSpec c = RotationViews.chart(r);
    List<ChartSpec.Series> legend = inLegend(c);
    assertEquals(3, legend.size(), "the other units, the unit that turns furthest, the threshold: " + legend);
    // by hand: the unit whose angle to the first frame grows largest
    int best = 0;
    double most = 0;
    for (int u = 0; u < 32; u++) {
      for (double a : r.angleDeg()[u]) {
        if (a > most) {
          most = a;
          best = u;
        }
      }
    }
    ChartSpec.Series faint = legend.stream().filter(s -> s.style() == ChartSpec.Style.FAINT).findFirst().orElseThrow();
    assertEquals("the other 23 PS4 units, one line per unit", faint.name());
    assertEquals(23, c.series().stream().filter(s -> s.style() == ChartSpec.Style.FAINT).count(), "24 units drawn");
    ChartSpec.Series named = legend.stream().filter(s -> s.style() == ChartSpec.Style.LINE).findFirst().orElseThrow();
    assertEquals(String.format(java.util.Locale.ROOT, "unit %d (P atom %d): turns furthest, %.0f°", best, r.units().get(best).center(), most),
        named.name());
    assertTrue(legend.stream().anyMatch(s -> s.name().equals("reorientation threshold 60°")));
  }

  @Test
  void reorientingUnitsAreNamedWithTheirEvents() {
    RotationResult r = run(SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz"), 1.5);
    ChartSpec c = RotationViews.chart(r);
    int[] events = new int[r.units().size()];
    r.events().forEach(e -> events[e.unit()]++);
    int reorienting = 0;
    for (int u = 0; u < events.length; u++) {
      if (events[u] > 0) {
        reorienting++;
        String name = String.format(java.util.Locale.ROOT, "unit %d (P atom %d): %d reorientation%s", u, r.units().get(u).center(),
            events[u], events[u] == 1 ? "" : "s");
        assertTrue(c.series().stream().anyMatch(s -> s.inLegend() && s.style() == ChartSpec.Style.LINE && s.name().equals(name)),
            "legend entry " + name);
      }
    }
    assertTrue(reorienting > 0, "this run has reorientations");
    // every unit is drawn: the reorienting ones in colour, the others pale under one legend entry
    assertEquals(r.units().size(), c.series().stream().filter(s -> s.style() != ChartSpec.Style.DASHED).count());
    assertEquals(r.units().size() - reorienting, c.series().stream().filter(s -> s.style() == ChartSpec.Style.FAINT).count());
    assertEquals(reorienting + (reorienting < r.units().size() ? 1 : 0) + 1, inLegend(c).size());
  }
}
