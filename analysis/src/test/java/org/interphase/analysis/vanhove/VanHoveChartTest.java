package org.interphase.analysis.vanhove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.SparseBins;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The distinct part's chart on kinisi's Li6PS5Cl: the y axis is set by the bins that hold enough pairs. */
class VanHoveChartTest {

  @Test
  void firstBinSpikeIsOffScaleAndTheStructureSetsTheAxis() {
    VanHoveResult r = VanHoveReferenceTest.run(SharedData.real("kinisi/example_XDATCAR.gz"),
        VanHoveParameters.of("Li", 0.5, 2, 8).withTimestepFs(100), 0);
    ChartSpec c = VanHoveViews.distinctChart(r);
    double[] range = c.yRange();
    assertEquals(2, range.length, "a y range is chosen");
    assertNotNull(c.note());
    // by hand: an ideal gas of 192 Li in the mean volume puts origins · 192 · 191 · 4/3 π (r_hi³ − r_lo³) / V pairs in a bin
    double hi = 1;
    double spike = r.gDistinct(2)[0];
    for (int i = 0; i < r.lags(); i++) {
      for (int k = 0; k < r.rA().length; k++) {
        double lo = k * r.binA();
        double expected = (double) r.origins()[i] * 192 * 191 * 4.0 / 3.0 * Math.PI * (Math.pow(lo + r.binA(), 3) - Math.pow(lo, 3))
            / r.meanVolumeA3();
        assertEquals(expected, r.idealPairs(i)[k], 1e-9 * expected);
        double g = r.gDistinct(i)[k];
        if (Double.isFinite(g) && (expected >= SparseBins.MIN_IDEAL_PAIRS || g * expected >= SparseBins.MIN_COUNTED_PAIRS)) {
          hi = Math.max(hi, g);
        }
      }
    }
    assertEquals(hi, range[1], 1e-12, "the top is the largest G_d among bins of ≥ 50 expected or ≥ 20 counted pairs");
    assertEquals(0, range[0], 0, "G_d cannot be negative: the axis starts at 0");
    // the first bin at 8 ps (r = 0.05 Å, about one expected pair, a few counted) is above, off scale
    // (the bins beside it at 8 ps, with tens of counted pairs where other Li have taken the sites, are real and set the top)
    assertTrue(spike > range[1] + SparseBins.MARGIN * (range[1] - range[0]), "first-bin spike " + spike + " vs top " + range[1]);
    // the first shell of the Li–Li structure, the largest G_d beyond 2 Å at 0.5 ps, lies inside the range
    double peak = 0;
    for (int k = 0; k < r.rA().length; k++) {
      if (r.rA()[k] > 2 && Double.isFinite(r.gDistinct(0)[k])) {
        peak = Math.max(peak, r.gDistinct(0)[k]);
      }
    }
    assertTrue(peak > 1.1 && peak <= range[1], "main peak " + peak + " within " + range[1]);
    assertTrue(c.note().startsWith("r ≤ "), c.note());
    // the data are untouched: every series holds every G_d value, the spike included
    for (int i = 0; i < r.lags(); i++) {
      assertArrayEquals(r.gDistinct(i), c.series().get(i).y(), 0);
    }
  }
}
