package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

class NeighbourSearchTest {

  @Test
  void equalsBruteForceOnRandomTriclinicBoxes() {
    Random rnd = new Random(8);
    int checked = 0;
    for (int trial = 0; trial < 60; trial++) {
      double[] m = new double[9];
      double scale = trial % 3 == 0 ? 4 : 12; // some cells smaller than two cutoffs
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          m[3 * i + j] = i == j ? scale * (0.8 + 0.4 * rnd.nextDouble()) : (rnd.nextDouble() - 0.5) * scale * 0.8;
        }
      }
      Cell cell = Cell.ofRows(m);
      int n = 60;
      double[] pos = new double[3 * n];
      for (int i = 0; i < pos.length; i++) {
        pos[i] = (rnd.nextDouble() - 0.2) * 1.4 * scale;
      }
      int[] centers = java.util.stream.IntStream.range(0, 20).toArray();
      int[] ligands = java.util.stream.IntStream.range(10, 60).toArray();
      double cutoff = 2.5 + rnd.nextDouble() * 2;
      Map<String, Double> got = new TreeMap<>();
      NeighbourSearch.pairs(cell, pos, centers, ligands, cutoff, (c, l, d) -> got.put(c + "-" + l, d));
      Map<String, Double> want = new TreeMap<>();
      double[] out = new double[3];
      for (int c : centers) {
        for (int l : ligands) {
          if (c == l) {
            continue;
          }
          double d = cell.minimumImage(pos[3 * l] - pos[3 * c], pos[3 * l + 1] - pos[3 * c + 1], pos[3 * l + 2] - pos[3 * c + 2], out);
          if (d < cutoff) {
            want.put(c + "-" + l, d);
          }
        }
      }
      assertEquals(want.keySet(), got.keySet(), "cell " + cell + " cutoff " + cutoff);
      for (String k : want.keySet()) {
        assertEquals(want.get(k), got.get(k), 1e-12);
      }
      checked += want.size();
    }
    assertEquals(true, checked > 500, "pairs checked " + checked);
  }
}
