package org.interphase.analysis.bonds;

import java.util.Arrays;
import org.interphase.core.Cell;

/**
 * All pairs (centre, ligand) closer than a cutoff under periodic boundaries, by cell lists in
 * fractional space. Linear in the number of atoms for cells larger than the cutoff; correct for any
 * cell: a bin range is searched wide enough that no pair within the cutoff is missed (a Cartesian
 * distance r bounds the fractional difference along axis k by r / w_k, w_k the perpendicular width),
 * and every candidate's distance is the exact minimum image ({@link Cell#minimumImage}). Each
 * (centre, ligand) pair is reported once, at its minimum-image distance.
 */
public final class NeighbourSearch {
  private NeighbourSearch() {}

  /** Receives one pair: indices into the frame's atoms, minimum-image distance in Å. */
  @FunctionalInterface
  public interface PairSink {
    void accept(int center, int ligand, double distanceA);
  }

  /**
   * Visits every pair with distance {@code < cutoffA}.
   *
   * @param positions Cartesian Å, flat {@code [x0,y0,z0,…]} (not modified)
   * @param centers atom indices of the centres
   * @param ligands atom indices of the ligands; a centre is never paired with itself
   */
  public static void pairs(Cell cell, double[] positions, int[] centers, int[] ligands, double cutoffA, PairSink sink) {
    double[] widths = cell.perpendicularWidthsA();
    int[] nb = new int[3];
    int[] reach = new int[3];
    for (int k = 0; k < 3; k++) {
      nb[k] = Math.max(1, Math.min(64, (int) Math.floor(widths[k] / cutoffA)));
      reach[k] = (int) Math.ceil(cutoffA * nb[k] / widths[k]);
    }
    int nbins = nb[0] * nb[1] * nb[2];
    // bin the ligands: counting sort into head/next arrays
    int[] binOf = new int[ligands.length];
    int[] start = new int[nbins + 1];
    double[] f = new double[3];
    double[] frac = new double[3];
    for (int li = 0; li < ligands.length; li++) {
      int a = ligands[li];
      f[0] = positions[3 * a];
      f[1] = positions[3 * a + 1];
      f[2] = positions[3 * a + 2];
      cell.toFractional(f, frac);
      binOf[li] = bin(frac, nb);
      start[binOf[li] + 1]++;
    }
    for (int b = 0; b < nbins; b++) {
      start[b + 1] += start[b];
    }
    int[] sorted = new int[ligands.length];
    int[] fill = Arrays.copyOf(start, nbins);
    for (int li = 0; li < ligands.length; li++) {
      sorted[fill[binOf[li]]++] = ligands[li];
    }
    double[] d = new double[3];
    boolean[] seenBin = new boolean[nbins];
    int[] visited = new int[nbins];
    for (int c : centers) {
      f[0] = positions[3 * c];
      f[1] = positions[3 * c + 1];
      f[2] = positions[3 * c + 2];
      cell.toFractional(f, frac);
      int[] home = new int[3];
      for (int k = 0; k < 3; k++) {
        double w = frac[k] - Math.floor(frac[k]);
        home[k] = Math.min(nb[k] - 1, (int) (w * nb[k]));
      }
      int nv = 0;
      for (int da = -reach[0]; da <= reach[0]; da++) {
        int ba = Math.floorMod(home[0] + da, nb[0]);
        for (int db = -reach[1]; db <= reach[1]; db++) {
          int bb = Math.floorMod(home[1] + db, nb[1]);
          for (int dc = -reach[2]; dc <= reach[2]; dc++) {
            int bc = Math.floorMod(home[2] + dc, nb[2]);
            int b = (ba * nb[1] + bb) * nb[2] + bc;
            if (seenBin[b]) {
              continue; // small cells: the range wraps onto bins already visited
            }
            seenBin[b] = true;
            visited[nv++] = b;
            for (int s = start[b]; s < start[b + 1]; s++) {
              int l = sorted[s];
              if (l == c) {
                continue;
              }
              double r = cell.minimumImage(positions[3 * l] - positions[3 * c], positions[3 * l + 1] - positions[3 * c + 1],
                  positions[3 * l + 2] - positions[3 * c + 2], d);
              if (r < cutoffA) {
                sink.accept(c, l, r);
              }
            }
          }
        }
      }
      for (int i = 0; i < nv; i++) {
        seenBin[visited[i]] = false;
      }
    }
  }

  private static int bin(double[] frac, int[] nb) {
    int[] b = new int[3];
    for (int k = 0; k < 3; k++) {
      double w = frac[k] - Math.floor(frac[k]);
      b[k] = Math.min(nb[k] - 1, (int) (w * nb[k]));
    }
    return (b[0] * nb[1] + b[1]) * nb[2] + b[2];
  }
}
