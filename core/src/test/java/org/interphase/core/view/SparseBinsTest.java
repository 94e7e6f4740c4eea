package org.interphase.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparseBinsTest {

  /** One pair per Å³ over the frames: the first bin of 0.5 Å holds 0.52 ideal-gas pairs, the fourth 19.4. */
  private static final double PER_VOLUME = 1.0;

  @Test
  void idealPairsAreTheDensityTimesTheShellVolume() {
    // 4/3 π (1.0³ − 0.5³) = 3.665 Å³
    assertEquals(4.0 / 3.0 * Math.PI * (1 - 0.125) * 2, SparseBins.idealPairs(2, 0.5, 1.0), 1e-12);
  }

  @Test
  void aSpikeInABinOfFewPairsDoesNotSetTheAxis() {
    double[] r = new double[10];
    double[] e = new double[10];
    for (int k = 0; k < 10; k++) {
      r[k] = 0.25 + 0.5 * k;
      e[k] = SparseBins.idealPairs(PER_VOLUME, 0.5 * k, 0.5 * (k + 1));
    }
    // by hand: bins 0–2 expect 0.52, 3.67 and 9.95 pairs; bin 3 (1.5–2 Å) 19.4, bin 4 31.9, bin 5 (2.5–3 Å) 47.6, bin 6 66.5
    assertTrue(e[5] < SparseBins.MIN_IDEAL_PAIRS && e[6] >= SparseBins.MIN_IDEAL_PAIRS, e[5] + " " + e[6]);
    // bin 0: 8 × 0.52 = 4.2 pairs counted, noise; bin 2: 1.5 × 9.95 = 15 counted, too few; bin 4: 1.2 × 31.9 = 38 counted
    double[] g = {8, 0, 1.5, 0.2, 1.2, 1.0, 1.1, 1.0, 0.9, 1.0};
    ChartSpec spec = new ChartSpec("g", "r (Å)", "g(r)", List.of(new ChartSpec.Series("g", r, g, null, ChartSpec.Style.LINE),
        new ChartSpec.Series("ideal", new double[] {0, 5}, new double[] {1, 1}, null, ChartSpec.Style.DASHED)), Double.NaN,
        Double.NaN, null, true, new double[0]);
    ChartSpec focused = SparseBins.focus(spec, new double[][] {e});
    // the range: 0 (from zero) to 1.2 at 2.25 Å (38 pairs counted); the spike of 8 at 0.25 Å and the 1.5 at 1.25 Å are off scale
    assertArrayEquals(new double[] {0, 1.2}, focused.yRange(), 0);
    assertTrue(focused.note().equals("r ≤ 1.25 Å off scale: bins of fewer than 20 pairs"), focused.note());
    // a peak of many counted pairs near r = 0 (40 × 0.52 = 21) is real: it sets the axis
    double[] peak = g.clone();
    peak[0] = 40;
    ChartSpec kept = SparseBins.focus(new ChartSpec("g", "r (Å)", "g(r)", List.of(new ChartSpec.Series("g", r, peak, null,
        ChartSpec.Style.LINE)), Double.NaN, Double.NaN, null, true, new double[0]), new double[][] {e});
    assertEquals(0, kept.yRange().length, "a peak of 21 counted pairs sets the axis: nothing is off scale");
    // every value is still in the series
    assertArrayEquals(g, focused.series().get(0).y(), 0);
  }

  @Test
  void aChartWithNothingOffScaleIsUnchanged() {
    double[] r = {0.25, 0.75, 1.25, 1.75};
    double[] g = {0, 0, 2.0, 1.0};
    double[] e = {1, 7, 60, 60};
    ChartSpec spec = new ChartSpec("g", "r (Å)", "g(r)", List.of(new ChartSpec.Series("g", r, g, null, ChartSpec.Style.LINE)),
        Double.NaN, Double.NaN, null, true, new double[0]);
    ChartSpec same = SparseBins.focus(spec, new double[][] {e});
    assertSame(spec, same);
    assertEquals(0, same.yRange().length);
    assertNull(same.note());
  }
}
