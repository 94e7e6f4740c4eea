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
}
