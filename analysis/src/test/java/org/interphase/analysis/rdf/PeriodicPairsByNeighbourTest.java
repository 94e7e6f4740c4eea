package org.interphase.analysis.rdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

/**
 * In a cell less than about three r<sub>max</sub> across the histogram is made per (centre, neighbour) pair: every bin must hold
 * exactly the count of the bin search, in skewed and rectangular cells, for g(r) (self left out where it is the centre) and for
 * the distinct van Hove part (every image of self left out), with positions inside and outside the cell.
 */
class PeriodicPairsByNeighbourTest {

  @Test
  void sameCountsAsTheBinSearch() {
    Random rnd = new Random(17);
    Cell[] cells = {Cell.orthorhombic(19.72, 19.72, 19.72), Cell.fromLengthsAndAngles(12.0, 13.5, 11.0, 75, 100, 62),
        Cell.fromLengthsAndAngles(9.0, 9.5, 10.0, 90, 90, 120), Cell.orthorhombic(8.0, 15.0, 23.0)};
    long compared = 0;
    int byNeighbour = 0;
    for (Cell cell : cells) {
      double[] w = cell.perpendicularWidthsA();
      double half = 0.5 * Math.min(w[0], Math.min(w[1], w[2]));
      for (double rMax : new double[] {half - 0.07, 0.6 * half, 0.34 * half, half - 1e-6}) {
        int bins = 40;
        double[] edges = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
          edges[k] = k * rMax / bins;
        }
        edges[bins] = rMax;
        int[] nb = new int[3];
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
          nb[k] = (int) Math.max(1, Math.min(64, Math.floor(w[k] / rMax)));
          reach[k] = (int) Math.ceil(rMax * nb[k] / w[k]);
        }
        for (int trial = 0; trial < 6; trial++) {
          int nc = 5 + rnd.nextInt(60);
          int nn = 5 + rnd.nextInt(80);
          double[] centres = points(cell, nc, rnd);
          double[] neighbours = points(cell, nn, rnd);
          int[] self = new int[nc];
          boolean sameFrame = trial % 2 == 0;
          for (int c = 0; c < nc; c++) {
            self[c] = c < nn && rnd.nextInt(3) > 0 ? c : -1;
            if (sameFrame && self[c] >= 0) {
              // the same atom in the same frame, perhaps as another image
              int[] n = {rnd.nextInt(3) - 1, rnd.nextInt(3) - 1, rnd.nextInt(3) - 1};
              for (int d = 0; d < 3; d++) {
                neighbours[3 * c + d] = centres[3 * c + d] + n[0] * cell.get(0, d) + n[1] * cell.get(1, d) + n[2] * cell.get(2, d);
              }
            }
          }
          long[] expected = new long[bins];
          long[] got = new long[bins];
          PeriodicPairs.byBins(cell, centres, neighbours, self, !sameFrame, edges, expected, nb, reach);
          PeriodicPairs.byNeighbour(cell, centres, neighbours, self, !sameFrame, edges, got, nb, reach);
          assertArrayEquals(expected, got, "cell " + cell + ", r_max " + rMax + ", trial " + trial);
          long[] viaHistogram = new long[bins];
          PeriodicPairs.histogram(cell, centres, neighbours, self, !sameFrame, edges, viaHistogram);
          assertArrayEquals(expected, viaHistogram);
          compared += java.util.Arrays.stream(expected).sum();
          byNeighbour += (2 * reach[0] + 1) * (2 * reach[1] + 1) * (2 * reach[2] + 1) > nb[0] * nb[1] * nb[2] ? 1 : 0;
        }
      }
    }
    System.out.println("periodic pairs per neighbour: " + compared + " distances binned as the bin search bins them");
    assertTrue(byNeighbour > 0);
  }

  /** Points spread over the cell and a little beyond it (unwrapped coordinates), Cartesian Å. */
  private static double[] points(Cell cell, int n, Random rnd) {
    double[] f = new double[3 * n];
    for (int i = 0; i < f.length; i++) {
      f[i] = rnd.nextDouble() * 1.6 - 0.3;
    }
    return cell.toCartesian(f, new double[3 * n]);
  }
}
