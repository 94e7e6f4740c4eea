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
 * truncation. A centre is never paired with itself untranslated; its own translated images count (in
 * a periodic crystal they are neighbours like any other).
 */
final class PeriodicPairs {
  /** At most this many bins per lattice vector (a huge cell does not need more to be linear in N). */
  private static final int MAX_BINS = 64;

  private PeriodicPairs() {}

  /**
   * Adds the histogram of one frame's distances to {@code counts}.
   *
   * @param positions Cartesian Å, flat {@code [x0,y0,z0,x1,…]} (not modified)
   * @param centres atom indices of the centres
   * @param neighbours atom indices of the neighbours (may share atoms with {@code centres})
   * @param edges bin edges, Å, increasing from 0; {@code edges[last]} is r<sub>max</sub>
   * @param counts one count per bin ({@code edges.length - 1}), added to (modified)
   */
  static void histogram(Cell cell, double[] positions, int[] centres, int[] neighbours, double[] edges, long[] counts) {
    int nbins = counts.length;
    double rMax = edges[nbins];
    double rMax2 = rMax * rMax;
    double inverseWidth = nbins / rMax;
    double[] w = cell.perpendicularWidthsA();
    double[] m = cell.rows();
    int[] nb = new int[3];
    int[] reach = new int[3];
    for (int k = 0; k < 3; k++) {
      nb[k] = (int) Math.max(1, Math.min(MAX_BINS, Math.floor(w[k] / rMax)));
      reach[k] = (int) Math.ceil(rMax * nb[k] / w[k]);
    }
    Sorted sorted = Sorted.of(cell, positions, neighbours, nb);
    double[] home = new double[3];
    int[] homeBin = new int[3];
    for (int c : centres) {
      wrapped(cell, positions, c, home, homeBin, nb);
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
            boolean untranslated = sa == 0 && sb == 0 && sc == 0;
            int cellBin = (Math.floorMod(ia, nb[0]) * nb[1] + Math.floorMod(ib, nb[1])) * nb[2] + Math.floorMod(ic, nb[2]);
            for (int s = sorted.start[cellBin]; s < sorted.start[cellBin + 1]; s++) {
              double x = sorted.xyz[3 * s] + tx;
              double y = sorted.xyz[3 * s + 1] + ty;
              double z = sorted.xyz[3 * s + 2] + tz;
              double r2 = x * x + y * y + z * z;
              if (r2 < rMax2 && !(untranslated && sorted.atom[s] == c)) {
                counts[bin(Math.sqrt(r2), edges, inverseWidth)]++;
              }
            }
          }
        }
      }
    }
  }

  /**
   * The bin of a distance r in [0, r<sub>max</sub>]: i with edges[i] ≤ r &lt; edges[i+1] (r = r<sub>max</sub>
   * in the last bin), as NumPy's {@code histogram} decides it for equal bins.
   */
  static int bin(double r, double[] edges, double inverseWidth) {
    int last = edges.length - 2;
    int i = Math.min(last, (int) (r * inverseWidth));
    if (r < edges[i]) {
      i--;
    } else if (i < last && r >= edges[i + 1]) {
      i++;
    }
    return i;
  }

  /** Atom {@code a} wrapped into the cell: its Cartesian position into {@code xyz}, its bin into {@code bin}. */
  private static void wrapped(Cell cell, double[] positions, int a, double[] xyz, int[] bin, int[] nb) {
    xyz[0] = positions[3 * a];
    xyz[1] = positions[3 * a + 1];
    xyz[2] = positions[3 * a + 2];
    cell.toFractional(xyz, xyz);
    for (int k = 0; k < 3; k++) {
      double f = xyz[k] - Math.floor(xyz[k]);
      // a coordinate a rounding error below 0 wraps to 1.0: that is 0 again
      xyz[k] = f < 1 ? f : 0;
      bin[k] = Math.min(nb[k] - 1, (int) (xyz[k] * nb[k]));
    }
    cell.toCartesian(xyz, xyz);
  }

  /** The neighbours wrapped into the cell and sorted by bin (a counting sort): positions, atoms and where each bin starts. */
  private record Sorted(double[] xyz, int[] atom, int[] start) {
    static Sorted of(Cell cell, double[] positions, int[] atoms, int[] nb) {
      int nbins = nb[0] * nb[1] * nb[2];
      int[] binOf = new int[atoms.length];
      double[] wrappedXyz = new double[3 * atoms.length];
      int[] start = new int[nbins + 1];
      double[] p = new double[3];
      int[] b = new int[3];
      for (int i = 0; i < atoms.length; i++) {
        wrapped(cell, positions, atoms[i], p, b, nb);
        System.arraycopy(p, 0, wrappedXyz, 3 * i, 3);
        binOf[i] = (b[0] * nb[1] + b[1]) * nb[2] + b[2];
        start[binOf[i] + 1]++;
      }
      for (int k = 0; k < nbins; k++) {
        start[k + 1] += start[k];
      }
      int[] fill = java.util.Arrays.copyOf(start, nbins);
      double[] xyz = new double[3 * atoms.length];
      int[] atom = new int[atoms.length];
      for (int i = 0; i < atoms.length; i++) {
        int s = fill[binOf[i]]++;
        System.arraycopy(wrappedXyz, 3 * i, xyz, 3 * s, 3);
        atom[s] = atoms[i];
      }
      return new Sorted(xyz, atom, start);
    }
  }
}
