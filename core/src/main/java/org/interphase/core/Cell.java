package org.interphase.core;

import java.util.Arrays;

/**
 * An immutable periodic cell: three lattice vectors a, b, c as rows of a 3×3 matrix, in Å.
 *
 * <pre>{@code
 * matrix index:  [ax ay az | bx by bz | cx cy cz]
 *                  0  1  2    3  4  5    6  7  8
 * cartesian r = fa·a + fb·b + fc·c
 * }</pre>
 *
 * <p>The minimum-image displacement is exact for any cell, however skewed: a fast fractional
 * rounding is accepted only when it is provably minimal (|d| below half the smallest perpendicular
 * width), otherwise the lattice images that could be shorter are enumerated within rigorous bounds.
 */
public final class Cell {
  private final double[] m;
  private final double[] inv;
  private final double volume;
  private final double[] widths;
  /** Whether the lattice vectors lie along x, y and z (a diagonal matrix): the minimum image is then per axis. */
  private final boolean orthorhombic;

  private Cell(double[] rows) {
    this.m = rows.clone();
    for (double v : m) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("cell has a non-finite component: " + Arrays.toString(rows));
      }
    }
    double[] c0 = cross(3, 6); // b × c
    double[] c1 = cross(6, 0); // c × a
    double[] c2 = cross(0, 3); // a × b
    double det = m[0] * c0[0] + m[1] * c0[1] + m[2] * c0[2];
    if (!(Math.abs(det) > 1e-12)) {
      throw new IllegalArgumentException("cell is singular (volume " + det + " Å³): " + Arrays.toString(rows));
    }
    this.volume = Math.abs(det);
    // inverse of the row matrix M: columns are (b×c, c×a, a×b)/det, so frac = r · inv
    this.inv = new double[] {
      c0[0] / det, c1[0] / det, c2[0] / det,
      c0[1] / det, c1[1] / det, c2[1] / det,
      c0[2] / det, c1[2] / det, c2[2] / det
    };
    this.widths = new double[] {volume / norm(c0), volume / norm(c1), volume / norm(c2)};
    this.orthorhombic = m[1] == 0 && m[2] == 0 && m[3] == 0 && m[5] == 0 && m[6] == 0 && m[7] == 0;
  }

  /** A cell from nine numbers, rows a, b, c in Å. The array is not modified. */
  public static Cell ofRows(double[] rows) {
    if (rows.length != 9) {
      throw new IllegalArgumentException("a cell needs 9 numbers, got " + rows.length);
    }
    return new Cell(rows);
  }

  /** A cell from three row vectors in Å. */
  public static Cell ofRows(double[] a, double[] b, double[] c) {
    return new Cell(new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]});
  }

  /** An orthorhombic cell with edge lengths in Å. */
  public static Cell orthorhombic(double aA, double bA, double cA) {
    return new Cell(new double[] {aA, 0, 0, 0, bA, 0, 0, 0, cA});
  }

  /**
   * A cell from lengths (Å) and angles (degrees), a along x and b in the xy plane, the convention of
   * CP2K's ABC/ALPHA_BETA_GAMMA and of ASE.
   */
  public static Cell fromLengthsAndAngles(double a, double b, double c, double alphaDeg, double betaDeg, double gammaDeg) {
    double ca = Math.cos(Math.toRadians(alphaDeg));
    double cb = Math.cos(Math.toRadians(betaDeg));
    double cg = Math.cos(Math.toRadians(gammaDeg));
    double sg = Math.sin(Math.toRadians(gammaDeg));
    if (Math.abs(gammaDeg - 90) < 1e-12) {
      cg = 0;
      sg = 1;
    }
    double cx = cb;
    double cy = (ca - cb * cg) / sg;
    double cz = Math.sqrt(Math.max(0, 1 - cx * cx - cy * cy));
    return new Cell(new double[] {a, 0, 0, b * cg, b * sg, 0, c * cx, c * cy, c * cz});
  }

  /** Row-major copy of the matrix, rows a, b, c in Å. */
  public double[] rows() {
    return m.clone();
  }

  /** Component j (0..2) of lattice vector i (0..2), Å. */
  public double get(int i, int j) {
    return m[3 * i + j];
  }

  /** A copy as {@code double[3][3]}, rows a, b, c. */
  public double[][] toMatrix() {
    return new double[][] {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
  }

  /** Volume in Å³ (always positive, whatever the handedness). */
  public double volumeA3() {
    return volume;
  }

  /** Lengths |a|, |b|, |c| in Å. */
  public double[] lengthsA() {
    return new double[] {len(0), len(3), len(6)};
  }

  /** Angles α (b,c), β (a,c), γ (a,b) in degrees. */
  public double[] anglesDeg() {
    return new double[] {angle(3, 6), angle(0, 6), angle(0, 3)};
  }

  /** Distances between opposite faces, Å: V/|b×c|, V/|c×a|, V/|a×b|. */
  public double[] perpendicularWidthsA() {
    return widths.clone();
  }

  /** Whether all off-diagonal components are zero. */
  public boolean isOrthorhombic() {
    return m[1] == 0 && m[2] == 0 && m[3] == 0 && m[5] == 0 && m[6] == 0 && m[7] == 0;
  }

  /**
   * Converts fractional to Cartesian coordinates for a flat array {@code [f0a,f0b,f0c,f1a,…]}.
   *
   * @param frac fractional coordinates (not modified)
   * @param out destination of the same length, may be {@code frac} itself (modified)
   * @return {@code out}
   */
  public double[] toCartesian(double[] frac, double[] out) {
    for (int i = 0; i < frac.length; i += 3) {
      double fa = frac[i];
      double fb = frac[i + 1];
      double fc = frac[i + 2];
      out[i] = fa * m[0] + fb * m[3] + fc * m[6];
      out[i + 1] = fa * m[1] + fb * m[4] + fc * m[7];
      out[i + 2] = fa * m[2] + fb * m[5] + fc * m[8];
    }
    return out;
  }

  /** Converts Cartesian (Å) to fractional coordinates; same conventions as {@link #toCartesian}. */
  public double[] toFractional(double[] cart, double[] out) {
    for (int i = 0; i < cart.length; i += 3) {
      double x = cart[i];
      double y = cart[i + 1];
      double z = cart[i + 2];
      out[i] = x * inv[0] + y * inv[3] + z * inv[6];
      out[i + 1] = x * inv[1] + y * inv[4] + z * inv[7];
      out[i + 2] = x * inv[2] + y * inv[5] + z * inv[8];
    }
    return out;
  }

  /**
   * The shortest periodic image of the displacement (dx, dy, dz), written into {@code out[0..2]}.
   * Exact for any cell.
   *
   * @return the length of the minimum-image displacement, Å
   */
  public double minimumImage(double dx, double dy, double dz, double[] out) {
    if (orthorhombic) {
      // axes along x, y, z: the nearest image of each component is the minimum image
      double x = dx - m[0] * Math.floor(dx * inv[0] + 0.5);
      double y = dy - m[4] * Math.floor(dy * inv[4] + 0.5);
      double z = dz - m[8] * Math.floor(dz * inv[8] + 0.5);
      out[0] = x;
      out[1] = y;
      out[2] = z;
      return Math.sqrt(x * x + y * y + z * z);
    }
    double fa = dx * inv[0] + dy * inv[3] + dz * inv[6];
    double fb = dx * inv[1] + dy * inv[4] + dz * inv[7];
    double fc = dx * inv[2] + dy * inv[5] + dz * inv[8];
    // nearest integer by floor (an intrinsic; Math.rint falls back to StrictMath on some JVMs); at an exact
    // half both images are equally near
    fa -= Math.floor(fa + 0.5);
    fb -= Math.floor(fb + 0.5);
    fc -= Math.floor(fc + 0.5);
    double x = fa * m[0] + fb * m[3] + fc * m[6];
    double y = fa * m[1] + fb * m[4] + fc * m[7];
    double z = fa * m[2] + fb * m[5] + fc * m[8];
    double d2 = x * x + y * y + z * z;
    double minWidth = Math.min(widths[0], Math.min(widths[1], widths[2]));
    // Any other image differs by a lattice vector of length >= minWidth, so it is longer when
    // |d| < minWidth / 2.
    if (4 * d2 < minWidth * minWidth) {
      out[0] = x;
      out[1] = y;
      out[2] = z;
      return Math.sqrt(d2);
    }
    // Exhaustive search in bounds: the component of d + n·L along face normal i is (f_i + n_i)·w_i,
    // so only |f_i + n_i| <= |best| / w_i can shorten it.
    double best = Math.sqrt(d2);
    double bx = x;
    double by = y;
    double bz = z;
    int[] lo = new int[3];
    int[] hi = new int[3];
    double[] f = {fa, fb, fc};
    for (int i = 0; i < 3; i++) {
      double r = best / widths[i];
      lo[i] = (int) Math.ceil(-r - f[i]);
      hi[i] = (int) Math.floor(r - f[i]);
    }
    for (int na = lo[0]; na <= hi[0]; na++) {
      for (int nb = lo[1]; nb <= hi[1]; nb++) {
        for (int nc = lo[2]; nc <= hi[2]; nc++) {
          double ex = x + na * m[0] + nb * m[3] + nc * m[6];
          double ey = y + na * m[1] + nb * m[4] + nc * m[7];
          double ez = z + na * m[2] + nb * m[5] + nc * m[8];
          double e2 = ex * ex + ey * ey + ez * ez;
          if (e2 < d2) {
            d2 = e2;
            bx = ex;
            by = ey;
            bz = ez;
          }
        }
      }
    }
    out[0] = bx;
    out[1] = by;
    out[2] = bz;
    return Math.sqrt(d2);
  }

  /** Minimum-image distance between two points, Å. */
  public double distance(double[] p, int i, double[] q, int j) {
    double[] tmp = new double[3];
    return minimumImage(q[3 * j] - p[3 * i], q[3 * j + 1] - p[3 * i + 1], q[3 * j + 2] - p[3 * i + 2], tmp);
  }

  /** Whether two cells agree component by component within {@code toleranceA}. */
  public boolean approxEquals(Cell other, double toleranceA) {
    for (int i = 0; i < 9; i++) {
      if (Math.abs(m[i] - other.m[i]) > toleranceA) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cell c && Arrays.equals(m, c.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    double[] l = lengthsA();
    double[] a = anglesDeg();
    return String.format(java.util.Locale.ROOT, "Cell[a=%.4f b=%.4f c=%.4f Å, α=%.2f β=%.2f γ=%.2f°, V=%.3f Å³]",
        l[0], l[1], l[2], a[0], a[1], a[2], volume);
  }

  private double len(int o) {
    return Math.sqrt(m[o] * m[o] + m[o + 1] * m[o + 1] + m[o + 2] * m[o + 2]);
  }

  private double angle(int p, int q) {
    double dot = m[p] * m[q] + m[p + 1] * m[q + 1] + m[p + 2] * m[q + 2];
    return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (len(p) * len(q))))));
  }

  private double[] cross(int p, int q) {
    return new double[] {
      m[p + 1] * m[q + 2] - m[p + 2] * m[q + 1],
      m[p + 2] * m[q] - m[p] * m[q + 2],
      m[p] * m[q + 1] - m[p + 1] * m[q]
    };
  }

  private static double norm(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }
}
