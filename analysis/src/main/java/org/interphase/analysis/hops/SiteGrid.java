package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Cell;

/**
 * The sites binned along the cell vectors for nearest-site queries within a cutoff: n<sub>i</sub> = ⌊w<sub>i</sub> / cutoff⌋
 * bins along vector i (w<sub>i</sub> the perpendicular width), so a site within the cutoff of a point lies in the point's bin
 * or a neighbouring one along every vector, in any triclinic cell.
 *
 * <p>Most points of a run are far from every site: a finer grid of voxels (about {@value #VOXEL_A} Å along each vector) marks
 * the voxels that no site comes within the cutoff of. A voxel is marked when the distance from its centre to the nearest site
 * (minimum image), less the voxel's circumradius, is at least the cutoff; a query in a marked voxel answers "none" at once,
 * which is what the search would answer (every point of the voxel is at least that far from every site).
 */
final class SiteGrid {
  private final Cell cell;
  private final int[] n = new int[3];
  private final int[][] bins;
  private final double[][] frac;
  private final double[] delta = new double[3];
  private final double[] cart = new double[3];
  /** Edge of the voxels of the far-from-every-site mask, Å (about). */
  static final double VOXEL_A = 0.5;
  /** Slack for rounding in the distances of the search, Å. */
  private static final double SLACK_A = 1e-6;
  private final double cutoffA;
  private final int[] v = new int[3];
  /** Per voxel of the mask: no site within the cutoff of any of its points. */
  private final boolean[] far;

  SiteGrid(Site[] sites, Cell cell, double cutoffA) {
    this.cutoffA = cutoffA;
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
    far = farVoxels(w);
  }

  /** The mask: voxels of about {@link #VOXEL_A} Å along each vector (at most 64), marked when no site comes within the cutoff. */
  private boolean[] farVoxels(double[] w) {
    for (int d = 0; d < 3; d++) {
      v[d] = Math.max(1, Math.min(64, (int) Math.ceil(w[d] / VOXEL_A)));
    }
    // circumradius of a voxel: half its longest body diagonal
    double[] m = cell.rows();
    double radius = 0;
    for (int sb = -1; sb <= 1; sb += 2) {
      for (int sc = -1; sc <= 1; sc += 2) {
        double x = m[0] / v[0] + sb * m[3] / v[1] + sc * m[6] / v[2];
        double y = m[1] / v[0] + sb * m[4] / v[1] + sc * m[7] / v[2];
        double z = m[2] / v[0] + sb * m[5] / v[1] + sc * m[8] / v[2];
        radius = Math.max(radius, 0.5 * Math.sqrt(x * x + y * y + z * z));
      }
    }
    double reach = cutoffA + radius + SLACK_A;
    boolean[] out = new boolean[v[0] * v[1] * v[2]];
    double[] d = new double[3];
    double[] c = new double[3];
    for (int a = 0; a < v[0]; a++) {
      for (int b = 0; b < v[1]; b++) {
        for (int k = 0; k < v[2]; k++) {
          boolean near = false;
          for (int s = 0; s < frac.length && !near; s++) {
            d[0] = (a + 0.5) / v[0] - frac[s][0];
            d[1] = (b + 0.5) / v[1] - frac[s][1];
            d[2] = (k + 0.5) / v[2] - frac[s][2];
            cell.toCartesian(d, c);
            near = cell.minimumImage(c[0], c[1], c[2], c) < reach;
          }
          out[(a * v[1] + b) * v[2] + k] = !near;
        }
      }
    }
    return out;
  }

  /** The voxel of the mask that holds a point (fractional coordinates, wrapped into the cell). */
  private int voxel(double fa, double fb, double fc) {
    return (voxelAlong(fa, 0) * v[1] + voxelAlong(fb, 1)) * v[2] + voxelAlong(fc, 2);
  }

  private int voxelAlong(double f, int d) {
    double w = f - Math.floor(f);
    return Math.min(v[d] - 1, (int) (w * v[d]));
  }

  private int bin(double f, int d) {
    return Math.floorMod((int) Math.floor(f * n[d]), n[d]);
  }

  private int index(int a, int b, int c) {
    return (a * n[1] + b) * n[2] + c;
  }

  /** The nearest site closer than {@code cutoffA} (at most the grid's cutoff) to the point, or -1. */
  int nearest(double fa, double fb, double fc, double cutoffA) {
    if (cutoffA <= this.cutoffA && far[voxel(fa, fb, fc)]) {
      return -1;
    }
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
