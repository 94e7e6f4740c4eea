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
}
