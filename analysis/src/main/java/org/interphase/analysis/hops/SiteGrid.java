package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Cell;

/**
 * The sites binned along the cell vectors for nearest-site queries within a cutoff: n<sub>i</sub> = ⌊w<sub>i</sub> / cutoff⌋
 * bins along vector i (w<sub>i</sub> the perpendicular width), so a site within the cutoff of a point lies in the point's bin
 * or a neighbouring one along every vector, in any triclinic cell.
 */
final class SiteGrid {
  private final Cell cell;
  private final int[] n = new int[3];
  private final int[][] bins;
  private final double[][] frac;
  private final double[] delta = new double[3];
  private final double[] cart = new double[3];

  SiteGrid(Site[] sites, Cell cell, double cutoffA) {
    this.cell = cell;
    double[] w = cell.perpendicularWidthsA();
    for (int d = 0; d < 3; d++) {
      n[d] = Math.max(1, (int) Math.floor(w[d] / cutoffA));
    }
    frac = new double[sites.length][];
    List<List<Integer>> lists = new ArrayList<>();
    for (int k = 0; k < n[0] * n[1] * n[2]; k++) {
      lists.add(new ArrayList<>());
    }
    for (int s = 0; s < sites.length; s++) {
      frac[s] = sites[s].fractional();
      lists.get(index(bin(frac[s][0], 0), bin(frac[s][1], 1), bin(frac[s][2], 2))).add(s);
    }
    bins = new int[lists.size()][];
    for (int k = 0; k < bins.length; k++) {
      bins[k] = lists.get(k).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private int bin(double f, int d) {
    return Math.floorMod((int) Math.floor(f * n[d]), n[d]);
  }

  private int index(int a, int b, int c) {
    return (a * n[1] + b) * n[2] + c;
  }

  /** The nearest site closer than {@code cutoffA} (at most the grid's cutoff) to the point, or -1. */
  int nearest(double fa, double fb, double fc, double cutoffA) {
    int[] a = around(bin(fa, 0), n[0]);
    int[] b = around(bin(fb, 1), n[1]);
    int[] c = around(bin(fc, 2), n[2]);
    int best = -1;
    double bestD = cutoffA;
    for (int ia : a) {
      for (int ib : b) {
        for (int ic : c) {
          for (int s : bins[index(ia, ib, ic)]) {
            delta[0] = fa - frac[s][0];
            delta[1] = fb - frac[s][1];
            delta[2] = fc - frac[s][2];
            cell.toCartesian(delta, cart);
            double d = cell.minimumImage(cart[0], cart[1], cart[2], cart);
            if (d < bestD) {
              bestD = d;
              best = s;
            }
          }
        }
      }
    }
    return best;
  }

  /** The distinct bins k − 1, k, k + 1 (periodic). */
  private static int[] around(int k, int n) {
    if (n <= 3) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    return new int[] {Math.floorMod(k - 1, n), k, (k + 1) % n};
  }
}
