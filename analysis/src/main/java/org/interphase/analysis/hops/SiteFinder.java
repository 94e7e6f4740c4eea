package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Cell;

/**
 * Sites from the time-averaged density of the mobile species: the places its atoms spend their time.
 *
 * <ol>
 *   <li>Histogram: every wrapped position of every frame is counted in a grid of n<sub>a</sub> × n<sub>b</sub> × n<sub>c</sub>
 *       voxels along the cell vectors, n<sub>i</sub> = max(4, round(|a<sub>i</sub>| / grid)), grid ≈ 0.25 Å.</li>
 *   <li>Smoothing: a periodic Gaussian of standard deviation σ (default 0.3 Å) along each cell vector in turn (separable; in a
 *       skewed cell the blur follows the cell vectors).</li>
 *   <li>Density ρ = smoothed count / (frames × voxel volume), atoms per Å³; a voxel is a maximum when its ρ exceeds that of
 *       each of its 26 neighbours (ties go to the lower voxel index) and ρ ≥ ratio × N / V (default 3 × the mean density of
 *       the species).</li>
 *   <li>Position: along each cell vector, the vertex of the parabola through the logarithms of ρ at the maximum and its two
 *       neighbours (exact for a Gaussian peak), so a site is not tied to the grid.</li>
 *   <li>Merging: the maxima in order of decreasing ρ; one closer than the merge distance (default 1 Å, minimum image) to a
 *       site already kept is dropped.</li>
 * </ol>
 *
 * <p>The cell is the one the density is histogrammed in (fractional coordinates make a changing cell harmless); distances
 * in it are Å.
 */
final class SiteFinder {
  private SiteFinder() {}

  /**
   * The sites of the stored positions.
   *
   * @param fractional per frame the wrapped fractional positions of the mobile atoms, {@code [f0a, f0b, f0c, f1a, …]}
   * @param frames how many frames {@code fractional} gives
   * @param cell a representative cell (the first), for the voxel sizes, volume and merge distances
   * @return the sites in order of decreasing density, each of type {@code site}; may be empty
   */
  static List<Site> find(Iterable<float[]> fractional, int frames, Cell cell, HopParameters p) {
    Density density = new Density(cell, p);
    for (float[] f : fractional) {
      density.add(f);
    }
    return find(density, frames, cell, p);
  }

  /**
   * The histogram of step 1, filled frame by frame (so that an analysis can count the positions as they come instead of reading
   * them back): voxel counts along the cell vectors of the cell it was made for.
   */
  static final class Density {
    private final int[] n = new int[3];
    private final double[] grid;
    private int atoms;

    /** An empty histogram with the voxels of {@code cell} (the grid of {@link HopParameters#gridA()}). */
    Density(Cell cell, HopParameters p) {
      double[] len = cell.lengthsA();
      for (int d = 0; d < 3; d++) {
        n[d] = Math.max(4, (int) Math.round(len[d] / p.gridA()));
      }
      grid = new double[n[0] * n[1] * n[2]];
    }

    /** Counts one frame: wrapped fractional positions {@code [f0a, f0b, f0c, f1a, …]}. */
    void add(float[] f) {
      atoms = f.length / 3;
      for (int i = 0; i < f.length; i += 3) {
        add(f[i], f[i + 1], f[i + 2]);
      }
    }

    /** Counts one position (wrapped fractional coordinates); {@link #atoms(int)} says how many a frame has. */
    void add(float fa, float fb, float fc) {
      grid[(bin(fa, n[0]) * n[1] + bin(fb, n[1])) * n[2] + bin(fc, n[2])]++;
    }

    /** Sets the number of atoms per frame (for {@link #add(float, float, float)} callers). */
    void atoms(int count) {
      atoms = count;
    }
  }

  /**
   * The sites of a filled histogram (steps 2 to 5); the histogram is smoothed in place.
   *
   * @param frames how many frames were counted
   * @param cell the cell the histogram was made for
   * @return the sites in order of decreasing density, each of type {@code site}; may be empty
   */
  static List<Site> find(Density density, int frames, Cell cell, HopParameters p) {
    double[] len = cell.lengthsA();
    int[] n = density.n;
    double[] grid = density.grid;
    int atoms = density.atoms;
    for (int d = 0; d < 3; d++) {
      smooth(grid, n, d, p.smoothA() / (len[d] / n[d]));
    }
    double voxel = cell.volumeA3() / grid.length;
    double scale = 1.0 / (frames * voxel);
    double threshold = p.minDensityRatio() * atoms / cell.volumeA3();
    List<double[]> maxima = new ArrayList<>();
    for (int a = 0; a < n[0]; a++) {
      for (int b = 0; b < n[1]; b++) {
        for (int c = 0; c < n[2]; c++) {
          double[] m = maximum(grid, n, a, b, c, scale, threshold);
          if (m != null) {
            maxima.add(m);
          }
        }
      }
    }
    maxima.sort((x, y) -> Double.compare(y[3], x[3]));
    List<Site> sites = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    double[] tmp = new double[3];
    double[] delta = new double[3];
    for (double[] m : maxima) {
      boolean near = false;
      for (double[] k : kept) {
        for (int d = 0; d < 3; d++) {
          delta[d] = m[d] - k[d];
        }
        cell.toCartesian(delta, tmp);
        if (cell.minimumImage(tmp[0], tmp[1], tmp[2], tmp) < p.mergeA()) {
          near = true;
          break;
        }
      }
      if (!near) {
        kept.add(m);
        sites.add(new Site(new double[] {m[0], m[1], m[2]}, "site"));
      }
    }
    return sites;
  }

  private static int bin(float f, int n) {
    int k = (int) Math.floor(f * n);
    return ((k % n) + n) % n;
  }

  /** {fa, fb, fc, ρ} of a maximum at voxel (a, b, c), or null. */
  private static double[] maximum(double[] g, int[] n, int a, int b, int c, double scale, double threshold) {
    int here = (a * n[1] + b) * n[2] + c;
    double v = g[here];
    if (v * scale < threshold) {
      return null;
    }
    for (int da = -1; da <= 1; da++) {
      for (int db = -1; db <= 1; db++) {
        for (int dc = -1; dc <= 1; dc++) {
          int k = at(n, a + da, b + db, c + dc);
          if (k != here && (g[k] > v || (g[k] == v && k < here))) {
            return null;
          }
        }
      }
    }
    int[] centre = {a, b, c};
    double[] out = new double[4];
    for (int d = 0; d < 3; d++) {
      int[] lo = centre.clone();
      int[] hi = centre.clone();
      lo[d]--;
      hi[d]++;
      double gl = g[at(n, lo[0], lo[1], lo[2])];
      double gh = g[at(n, hi[0], hi[1], hi[2])];
      out[d] = (centre[d] + 0.5 + peakOffset(gl, v, gh)) / n[d];
    }
    out[3] = v * scale;
    return out;
  }

  private static int at(int[] n, int a, int b, int c) {
    return (Math.floorMod(a, n[0]) * n[1] + Math.floorMod(b, n[1])) * n[2] + Math.floorMod(c, n[2]);
  }

  /**
   * Where a peak lies between three equally spaced values, in voxels from the middle one: the vertex of the parabola
   * through their logarithms (exact for a Gaussian peak), within ±½.
   */
  private static double peakOffset(double lo, double mid, double hi) {
    if (!(lo > 0 && hi > 0 && mid > 0)) {
      return 0;
    }
    double l = Math.log(lo);
    double m = Math.log(mid);
    double h = Math.log(hi);
    double curvature = l - 2 * m + h;
    return curvature < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (l - h) / curvature)) : 0;
  }

  /** Periodic Gaussian blur along axis {@code axis}, σ in voxels (none below 0.05 voxel). */
  private static void smooth(double[] g, int[] n, int axis, double sigma) {
    if (!(sigma > 0.05)) {
      return;
    }
    int half = (int) Math.ceil(3 * sigma);
    double[] kernel = new double[2 * half + 1];
    double sum = 0;
    for (int k = -half; k <= half; k++) {
      kernel[k + half] = Math.exp(-0.5 * k * k / (sigma * sigma));
      sum += kernel[k + half];
    }
    for (int k = 0; k < kernel.length; k++) {
      kernel[k] /= sum;
    }
    int len = n[axis];
    int stride = axis == 0 ? n[1] * n[2] : axis == 1 ? n[2] : 1;
    double[] line = new double[len];
    for (int start = 0; start < g.length; start++) {
      if ((start / stride) % len != 0) {
        continue; // not the first voxel of a line along this axis
      }
      for (int i = 0; i < len; i++) {
        line[i] = g[start + i * stride];
      }
      for (int i = 0; i < len; i++) {
        double v = 0;
        for (int k = -half; k <= half; k++) {
          v += kernel[k + half] * line[Math.floorMod(i + k, len)];
        }
        g[start + i * stride] = v;
      }
    }
  }
}
