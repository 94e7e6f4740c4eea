package org.interphase.analysis.rdf;

import org.interphase.core.Cell;

/**
 * Histogram of the distances between centre atoms and every periodic image of the neighbour atoms
 * closer than r<sub>max</sub>, for any cell and any r<sub>max</sub> (also beyond half the cell).
 *
 * <p>Cell lists in fractional space: the neighbours are sorted into n<sub>k</sub> = ⌊w<sub>k</sub> /
 * r<sub>max</sub>⌋ bins along each lattice vector (at least 1), w<sub>k</sub> the perpendicular
 * width. The component along the normal of face k of a displacement is Δf<sub>k</sub>·w<sub>k</sub>,
 * so a distance below r<sub>max</sub> has |Δf<sub>k</sub>| &lt; r<sub>max</sub>/w<sub>k</sub> and
 * lies at most ⌈r<sub>max</sub> n<sub>k</sub> / w<sub>k</sub>⌉ bins away. The bins within that reach
 * are visited as (bin, lattice translation) pairs <em>without</em> folding them back into the cell:
 * when the reach exceeds the cell, the same bin is visited again with another translation, which is
 * another image. So every image within r<sub>max</sub> is counted exactly once; no minimum-image
 * truncation. A centre is never paired with itself. For g(r) (centres and neighbours from one frame)
 * its translated images count (in a periodic crystal they are neighbours like any other); for the
 * distinct part of the van Hove correlation (centres at one time, neighbours at a later one) none of
 * its images count, as the atom itself is the self part.
 */
public final class PeriodicPairs {
  /** At most this many bins per lattice vector (a huge cell does not need more to be linear in N). */
  private static final int MAX_BINS = 64;
  /** Images of one atom lie a lattice vector apart; a centre's untranslated self is the image of it within this, Å. */
  private static final double SELF_TOLERANCE_A = 1e-6;

  private PeriodicPairs() {}

  /**
   * Adds the histogram of one frame's distances to {@code counts}; an atom that is both a centre and
   * a neighbour is not paired with itself untranslated.
   *
   * @param positions Cartesian Å, flat {@code [x0,y0,z0,x1,…]} (not modified)
   * @param centres atom indices of the centres
   * @param neighbours atom indices of the neighbours (may share atoms with {@code centres})
   * @param edges bin edges, Å, increasing from 0; {@code edges[last]} is r<sub>max</sub>
   * @param counts one count per bin ({@code edges.length - 1}), added to (modified)
   */
  static void histogram(Cell cell, double[] positions, int[] centres, int[] neighbours, double[] edges, long[] counts) {
    int[] where = new int[positions.length / 3];
    java.util.Arrays.fill(where, -1);
    for (int k = 0; k < neighbours.length; k++) {
      where[neighbours[k]] = k;
    }
    int[] self = new int[centres.length];
    for (int k = 0; k < centres.length; k++) {
      self[k] = where[centres[k]];
    }
    histogram(cell, gather(positions, centres), gather(positions, neighbours), self, false, edges, counts);
  }

  /**
   * Adds the histogram of the distances from each centre to every periodic image of each neighbour
   * within r<sub>max</sub> to {@code counts}, leaving out the centre itself.
   *
   * @param cell the cell whose lattice translations make the images
   * @param centres Cartesian Å of the centres, flat (not modified); any periodic image of each
   * @param neighbours Cartesian Å of the neighbours, flat (not modified); any periodic image of each
   * @param self for centre k, the index of the neighbour that is the same atom, or −1 for none
   * @param everyImageOfSelf whether every image of that neighbour is left out (the same atom at another
   *     time), or only the one at the centre's own position (the same atom in the same frame)
   * @param edges bin edges, Å, increasing from 0; {@code edges[last]} is r<sub>max</sub>
   * @param counts one count per bin ({@code edges.length - 1}), added to (modified)
   */
  public static void histogram(Cell cell, double[] centres, double[] neighbours, int[] self, boolean everyImageOfSelf,
      double[] edges, long[] counts) {
    double rMax = edges[counts.length];
    double[] w = cell.perpendicularWidthsA();
    int[] nb = new int[3];
    int[] reach = new int[3];
    for (int k = 0; k < 3; k++) {
      nb[k] = (int) Math.max(1, Math.min(MAX_BINS, Math.floor(w[k] / rMax)));
      reach[k] = (int) Math.ceil(rMax * nb[k] / w[k]);
    }
    if (rMax / Math.min(w[0], Math.min(w[1], w[2])) + 1e-9 < 0.5 && (2 * reach[0] + 1) * (2 * reach[1] + 1) * (2 * reach[2] + 1)
        > nb[0] * nb[1] * nb[2]) {
      byNeighbour(cell, centres, neighbours, self, everyImageOfSelf, edges, counts, nb, reach);
    } else {
      byBins(cell, centres, neighbours, self, everyImageOfSelf, edges, counts, nb, reach);
    }
  }

  /** The bins within reach of each centre, each with its lattice translation (the method of the class comment). */
  static void byBins(Cell cell, double[] centres, double[] neighbours, int[] self, boolean everyImageOfSelf, double[] edges,
      long[] counts, int[] nb, int[] reach) {
    int nbins = counts.length;
    double rMax = edges[nbins];
    double rMax2 = rMax * rMax;
    double inverseWidth = nbins / rMax;
    double tol2 = SELF_TOLERANCE_A * SELF_TOLERANCE_A;
    double[] m = cell.rows();
    Sorted sorted = Sorted.of(cell, neighbours, nb);
    double[] home = new double[3];
    int[] homeBin = new int[3];
    for (int c = 0; c < self.length; c++) {
      wrapped(cell, centres, c, home, homeBin, nb);
      int me = self[c];
      // the centre's own atom among the neighbours: left out at every distance, or only where it is the centre itself
      double within2 = everyImageOfSelf ? Double.POSITIVE_INFINITY : tol2;
      for (int da = -reach[0]; da <= reach[0]; da++) {
        int ia = homeBin[0] + da;
        int sa = Math.floorDiv(ia, nb[0]);
        for (int db = -reach[1]; db <= reach[1]; db++) {
          int ib = homeBin[1] + db;
          int sb = Math.floorDiv(ib, nb[1]);
          for (int dc = -reach[2]; dc <= reach[2]; dc++) {
            int ic = homeBin[2] + dc;
            int sc = Math.floorDiv(ic, nb[2]);
            // the translation of this image, minus the centre
            double tx = sa * m[0] + sb * m[3] + sc * m[6] - home[0];
            double ty = sa * m[1] + sb * m[4] + sc * m[7] - home[1];
            double tz = sa * m[2] + sb * m[5] + sc * m[8] - home[2];
            int cellBin = (Math.floorMod(ia, nb[0]) * nb[1] + Math.floorMod(ib, nb[1])) * nb[2] + Math.floorMod(ic, nb[2]);
            for (int s = sorted.start[cellBin]; s < sorted.start[cellBin + 1]; s++) {
              double x = sorted.xyz[3 * s] + tx;
              double y = sorted.xyz[3 * s + 1] + ty;
              double z = sorted.xyz[3 * s + 2] + tz;
              double r2 = x * x + y * y + z * z;
              if (r2 < rMax2 && !(sorted.atom[s] == me && r2 < within2)) {
                counts[bin(Math.sqrt(r2), edges, inverseWidth)]++;
              }
            }
          }
        }
      }
    }
  }

  /**
   * The histogram of {@link #histogram(Cell, double[], double[], int[], boolean, double[], long[])} where the bins within reach
   * wrap round the cell (few bins: the cell is less than about three r<sub>max</sub> across): the same images, with the same
   * arithmetic, found per (centre, neighbour) pair instead of per bin. Of the (bin, translation) pairs the bin search visits for a
   * neighbour, only those whose translation brings the neighbour within r<sub>max</sub> of the centre along every face normal
   * can count (|Δf<sub>k</sub> + n<sub>k</sub>|·w<sub>k</sub> ≤ r): with r<sub>max</sub> below half of every width that is one
   * translation per lattice vector, or none (the caller makes sure r<sub>max</sub>/w<sub>k</sub> plus the margin stays below ½).
   * Each image is then measured as the bin search measures it.
   */
  static void byNeighbour(Cell cell, double[] centres, double[] neighbours, int[] self, boolean everyImageOfSelf,
      double[] edges, long[] counts, int[] nb, int[] reach) {
    int nbins = counts.length;
    double rMax = edges[nbins];
    double rMax2 = rMax * rMax;
    double inverseWidth = nbins / rMax;
    double tol2 = SELF_TOLERANCE_A * SELF_TOLERANCE_A;
    double[] w = cell.perpendicularWidthsA();
    double[] m = cell.rows();
    // a rounding margin on the fractional bound: the Cartesian test decides
    double[] limit = new double[3];
    for (int k = 0; k < 3; k++) {
      limit[k] = rMax / w[k] + 1e-9;
    }
    int n = neighbours.length / 3;
    double[] frac = new double[3 * n];
    double[] xyz = new double[3 * n];
    int[] bins = new int[3 * n];
    double[] p = new double[3];
    int[] b = new int[3];
    for (int i = 0; i < n; i++) {
      wrapped(cell, neighbours, i, p, b, nb, frac, 3 * i);
      System.arraycopy(p, 0, xyz, 3 * i, 3);
      System.arraycopy(b, 0, bins, 3 * i, 3);
    }
    // translations: lattice steps lo … hi along each vector (those of the bins within reach)
    int[] lo = new int[3];
    int span = 1;
    int[] size = new int[3];
    for (int k = 0; k < 3; k++) {
      lo[k] = Math.floorDiv(-reach[k], nb[k]);
      size[k] = Math.floorDiv(nb[k] - 1 + reach[k], nb[k]) - lo[k] + 1;
      span *= size[k];
    }
    double[] t = new double[3 * span];
    double[] home = new double[3];
    double[] homeFrac = new double[3];
    int[] homeBin = new int[3];
    for (int c = 0; c < self.length; c++) {
      wrapped(cell, centres, c, home, homeBin, nb, homeFrac, 0);
      int me = self[c];
      double within2 = everyImageOfSelf ? Double.POSITIVE_INFINITY : tol2;
      // each translation minus the centre, as the bin search writes it
      for (int ia = 0, i = 0; ia < size[0]; ia++) {
        int sa = lo[0] + ia;
        for (int ib = 0; ib < size[1]; ib++) {
          int sb = lo[1] + ib;
          for (int ic = 0; ic < size[2]; ic++, i += 3) {
            int sc = lo[2] + ic;
            t[i] = sa * m[0] + sb * m[3] + sc * m[6] - home[0];
            t[i + 1] = sa * m[1] + sb * m[4] + sc * m[7] - home[1];
            t[i + 2] = sa * m[2] + sb * m[5] + sc * m[8] - home[2];
          }
        }
      }
      for (int j = 0; j < n; j++) {
        int sa0 = step(frac[3 * j] - homeFrac[0], limit[0], bins[3 * j], homeBin[0], nb[0], reach[0]);
        if (sa0 == NONE) {
          continue;
        }
        int sb0 = step(frac[3 * j + 1] - homeFrac[1], limit[1], bins[3 * j + 1], homeBin[1], nb[1], reach[1]);
        if (sb0 == NONE) {
          continue;
        }
        int sc0 = step(frac[3 * j + 2] - homeFrac[2], limit[2], bins[3 * j + 2], homeBin[2], nb[2], reach[2]);
        if (sc0 == NONE) {
          continue;
        }
        int i = 3 * (((sa0 - lo[0]) * size[1] + (sb0 - lo[1])) * size[2] + (sc0 - lo[2]));
        double x = xyz[3 * j] + t[i];
        double y = xyz[3 * j + 1] + t[i + 1];
        double z = xyz[3 * j + 2] + t[i + 2];
        double r2 = x * x + y * y + z * z;
        if (r2 < rMax2 && !(j == me && r2 < within2)) {
          counts[bin(Math.sqrt(r2), edges, inverseWidth)]++;
        }
      }
    }
  }

  /** No lattice step brings a neighbour near enough along a vector. */
  private static final int NONE = Integer.MIN_VALUE;

  /**
   * The one lattice step along a vector that can bring a neighbour within r<sub>max</sub> of the centre: the nearest to −Δf,
   * when |Δf + step| is within the limit and the bin search visits the neighbour's bin with that step; else {@link #NONE}.
   * With r<sub>max</sub> below half the width no other step is within the limit.
   */
  private static int step(double df, double limit, int bin, int homeBin, int nb, int reach) {
    int s = -(int) Math.floor(df + 0.5);
    if (!(Math.abs(df + s) <= limit) || Math.abs(s * nb + bin - homeBin) > reach) {
      return NONE;
    }
    return s;
  }

  /** The coordinates of the given atoms, flat. */
  private static double[] gather(double[] positions, int[] atoms) {
    double[] out = new double[3 * atoms.length];
    for (int k = 0; k < atoms.length; k++) {
      System.arraycopy(positions, 3 * atoms[k], out, 3 * k, 3);
    }
    return out;
  }

  /**
   * The bin of a distance r in [0, r<sub>max</sub>]: i with edges[i] ≤ r &lt; edges[i+1] (r = r<sub>max</sub>
   * in the last bin), as NumPy's {@code histogram} decides it for equal bins.
   *
   * @param edges the bin edges: {@code k · r_max / bins} for k &lt; bins, then r<sub>max</sub>
   * @param inverseWidth bins / r<sub>max</sub>
   */
  public static int bin(double r, double[] edges, double inverseWidth) {
    int last = edges.length - 2;
    int i = Math.min(last, (int) (r * inverseWidth));
    if (r < edges[i]) {
      i--;
    } else if (i < last && r >= edges[i + 1]) {
      i++;
    }
    return i;
  }

  /** Point {@code a} of {@code positions} wrapped into the cell: its Cartesian position into {@code xyz}, its bin into {@code bin}. */
  private static void wrapped(Cell cell, double[] positions, int a, double[] xyz, int[] bin, int[] nb) {
    wrapped(cell, positions, a, xyz, bin, nb, null, 0);
  }

  /** As {@link #wrapped(Cell, double[], int, double[], int[], int[])}, with the wrapped fractional coordinates into {@code frac[at …]}. */
  private static void wrapped(Cell cell, double[] positions, int a, double[] xyz, int[] bin, int[] nb, double[] frac, int at) {
    xyz[0] = positions[3 * a];
    xyz[1] = positions[3 * a + 1];
    xyz[2] = positions[3 * a + 2];
    cell.toFractional(xyz, xyz);
    for (int k = 0; k < 3; k++) {
      double f = xyz[k] - Math.floor(xyz[k]);
      // a coordinate a rounding error below 0 wraps to 1.0: that is 0 again
      xyz[k] = f < 1 ? f : 0;
      bin[k] = Math.min(nb[k] - 1, (int) (xyz[k] * nb[k]));
      if (frac != null) {
        frac[at + k] = xyz[k];
      }
    }
    cell.toCartesian(xyz, xyz);
  }

  /**
   * The neighbours wrapped into the cell and sorted by bin (a counting sort): positions, each one's index among the neighbours, and
   * where each bin starts.
   */
  private record Sorted(double[] xyz, int[] atom, int[] start) {
    static Sorted of(Cell cell, double[] positions, int[] nb) {
      int n = positions.length / 3;
      int nbins = nb[0] * nb[1] * nb[2];
      int[] binOf = new int[n];
      double[] wrappedXyz = new double[3 * n];
      int[] start = new int[nbins + 1];
      double[] p = new double[3];
      int[] b = new int[3];
      for (int i = 0; i < n; i++) {
        wrapped(cell, positions, i, p, b, nb);
        System.arraycopy(p, 0, wrappedXyz, 3 * i, 3);
        binOf[i] = (b[0] * nb[1] + b[1]) * nb[2] + b[2];
        start[binOf[i] + 1]++;
      }
      for (int k = 0; k < nbins; k++) {
        start[k + 1] += start[k];
      }
      int[] fill = java.util.Arrays.copyOf(start, nbins);
      double[] xyz = new double[3 * n];
      int[] atom = new int[n];
      for (int i = 0; i < n; i++) {
        int s = fill[binOf[i]]++;
        System.arraycopy(wrappedXyz, 3 * i, xyz, 3 * s, 3);
        atom[s] = i;
      }
      return new Sorted(xyz, atom, start);
    }
  }
}
