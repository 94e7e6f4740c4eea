package org.interphase.analysis.rotation;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Unit quaternions {w, x, y, z} for orientations: the best-fit rotation of two sets of vectors and angles between rotations.
 *
 * <p>The fit is Horn's closed form (B. K. P. Horn, J. Opt. Soc. Am. A 4, 629 (1987)): with S = Σ a_i b_iᵀ (a: reference
 * vectors, b: current vectors), the rotation R minimising Σ |b_i − R a_i|² is the quaternion of the largest eigenvalue of the
 * symmetric 4×4 matrix
 * <pre>{@code
 * N = | Sxx+Syy+Szz  Syz−Szy      Szx−Sxz      Sxy−Syx     |
 *     | Syz−Szy      Sxx−Syy−Szz  Sxy+Syx      Szx+Sxz     |
 *     | Szx−Sxz      Sxy+Syx     −Sxx+Syy−Szz  Syz+Szy     |
 *     | Sxy−Syx      Szx+Sxz      Syz+Szy     −Sxx−Syy+Szz |
 * }</pre>
 * A proper rotation always (no reflection); the rotation angle of q is θ = 2 acos |w|. The largest eigenvalue is found by
 * Theobald's QCP method ({@link #largestEigenvector}), ~20× faster than a general eigendecomposition, which it falls back to.
 */
public final class Quaternions {
  private Quaternions() {}

  /**
   * The rotation taking the reference vectors onto the current ones in the least-squares sense.
   *
   * @param ref reference vectors, flat {@code [x0, y0, z0, x1, …]}
   * @param cur current vectors, same shape
   * @return the unit quaternion {w, x, y, z}, with w ≥ 0
   */
  public static double[] fit(double[] ref, double[] cur) {
    double[][] s = new double[3][3];
    for (int i = 0; i < ref.length; i += 3) {
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          s[a][b] += ref[i + a] * cur[i + b];
        }
      }
    }
    double xx = s[0][0];
    double xy = s[0][1];
    double xz = s[0][2];
    double yx = s[1][0];
    double yy = s[1][1];
    double yz = s[1][2];
    double zx = s[2][0];
    double zy = s[2][1];
    double zz = s[2][2];
    double[][] n = {
        {xx + yy + zz, yz - zy, zx - xz, xy - yx},
        {yz - zy, xx - yy - zz, xy + yx, zx + xz},
        {zx - xz, xy + yx, -xx + yy - zz, yz + zy},
        {xy - yx, zx + xz, yz + zy, -xx - yy + zz}};
    double e0 = 0;
    for (double v : ref) {
      e0 += 0.5 * v * v;
    }
    for (double v : cur) {
      e0 += 0.5 * v * v;
    }
    return normalise(largestEigenvector(n, e0));
  }

  /**
   * The eigenvector of the largest eigenvalue of Horn's matrix N: the eigenvalue by Newton's method on the characteristic polynomial
   * λ⁴ + c₂λ² + c₁λ + c₀ (N has trace 0) from the upper bound {@code e0} = (Σ|a|² + Σ|b|²)/2, from which it converges
   * monotonically (the QCP method: D. L. Theobald, Acta Cryst. A 61, 478 (2005)); the vector by inverse iteration with N − λI.
   * Falls back to a full eigendecomposition when Newton's method does not settle.
   */
  static double[] largestEigenvector(double[][] n, double e0) {
    double c2 = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        c2 -= 0.5 * n[a][b] * n[a][b];
      }
    }
    double trace3 = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        for (int c = 0; c < 4; c++) {
          trace3 += n[a][b] * n[b][c] * n[c][a];
        }
      }
    }
    double c1 = -trace3 / 3; // for a traceless 4 × 4: λ⁴ − ½ tr(N²) λ² − ⅓ tr(N³) λ + det N
    double c0 = det4(n);
    double lambda = e0;
    boolean settled = false;
    for (int it = 0; it < 50 && !settled; it++) {
      double l2 = lambda * lambda;
      double p = (l2 + c2) * l2 + c1 * lambda + c0;
      double dp = 4 * l2 * lambda + 2 * c2 * lambda + c1;
      if (dp == 0) {
        break;
      }
      double next = lambda - p / dp;
      settled = Math.abs(next - lambda) <= 1e-13 * Math.max(1, Math.abs(next));
      lambda = next;
    }
    double[] v = settled ? inverseIteration(n, lambda, e0) : null;
    if (v == null) {
      EigenDecomposition e = new EigenDecomposition(MatrixUtils.createRealMatrix(n));
      double[] values = e.getRealEigenvalues();
      int best = 0;
      for (int k = 1; k < 4; k++) {
        best = values[k] > values[best] ? k : best;
      }
      return e.getEigenvector(best).toArray();
    }
    return v;
  }

  private static double det4(double[][] m) {
    double s0 = m[0][0] * m[1][1] - m[1][0] * m[0][1];
    double s1 = m[0][0] * m[1][2] - m[1][0] * m[0][2];
    double s2 = m[0][0] * m[1][3] - m[1][0] * m[0][3];
    double s3 = m[0][1] * m[1][2] - m[1][1] * m[0][2];
    double s4 = m[0][1] * m[1][3] - m[1][1] * m[0][3];
    double s5 = m[0][2] * m[1][3] - m[1][2] * m[0][3];
    double c5 = m[2][2] * m[3][3] - m[3][2] * m[2][3];
    double c4 = m[2][1] * m[3][3] - m[3][1] * m[2][3];
    double c3 = m[2][1] * m[3][2] - m[3][1] * m[2][2];
    double c2 = m[2][0] * m[3][3] - m[3][0] * m[2][3];
    double c1 = m[2][0] * m[3][2] - m[3][0] * m[2][2];
    double c0 = m[2][0] * m[3][1] - m[3][0] * m[2][1];
    return s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0;
  }

  /**
   * Two steps of inverse iteration: solves (N − μI) x = b with μ just above λ, so that x points along λ's eigenvector; null when
   * the system is singular at machine precision or the result is not an eigenvector to 1e-9 of the scale.
   */
  private static double[] inverseIteration(double[][] n, double lambda, double scale) {
    double mu = lambda + 1e-10 * Math.max(1, scale);
    double[] x = {1, 0.5, 0.25, 0.125};
    for (int it = 0; it < 2; it++) {
      double[][] a = new double[4][5];
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          a[r][c] = n[r][c] - (r == c ? mu : 0);
        }
        a[r][4] = x[r];
      }
      x = solve(a);
      if (x == null) {
        return null;
      }
      double l = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3]);
      if (!(l > 0) || Double.isInfinite(l)) {
        return null;
      }
      for (int k = 0; k < 4; k++) {
        x[k] /= l;
      }
    }
    double residual = 0;
    for (int r = 0; r < 4; r++) {
      double y = -lambda * x[r];
      for (int c = 0; c < 4; c++) {
        y += n[r][c] * x[c];
      }
      residual += y * y;
    }
    return Math.sqrt(residual) <= 1e-9 * Math.max(1, scale) ? x : null;
  }

  /** Gaussian elimination with partial pivoting of a 4 × 5 augmented matrix; null when a pivot is 0. */
  private static double[] solve(double[][] a) {
    for (int c = 0; c < 4; c++) {
      int piv = c;
      for (int r = c + 1; r < 4; r++) {
        piv = Math.abs(a[r][c]) > Math.abs(a[piv][c]) ? r : piv;
      }
      if (a[piv][c] == 0) {
        return null;
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = c + 1; r < 4; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < 5; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[4];
    for (int r = 3; r >= 0; r--) {
      double v = a[r][4];
      for (int k = r + 1; k < 4; k++) {
        v -= a[r][k] * x[k];
      }
      x[r] = v / a[r][r];
    }
    return x;
  }

  /** The rotation angle of a unit quaternion, radians in [0, π]. */
  public static double angle(double[] q) {
    return 2 * Math.acos(Math.min(1, Math.abs(q[0])));
  }

  /** The angle of the rotation between two orientations, radians in [0, π]: 2 acos |p·q|. */
  public static double angleBetween(double[] p, double[] q) {
    double d = Math.abs(p[0] * q[0] + p[1] * q[1] + p[2] * q[2] + p[3] * q[3]);
    return 2 * Math.acos(Math.min(1, d));
  }

  /** The quaternion of a rotation by {@code angle} radians about the axis (need not be unit length). */
  public static double[] ofAxisAngle(double[] axis, double angle) {
    double l = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
    double s = Math.sin(angle / 2) / l;
    return normalise(new double[] {Math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s});
  }

  /** The vector v rotated by the unit quaternion q, into {@code out}. */
  public static double[] rotate(double[] q, double[] v, double[] out) {
    double w = q[0];
    double x = q[1];
    double y = q[2];
    double z = q[3];
    // t = 2 (q_v × v); v' = v + w t + q_v × t
    double tx = 2 * (y * v[2] - z * v[1]);
    double ty = 2 * (z * v[0] - x * v[2]);
    double tz = 2 * (x * v[1] - y * v[0]);
    out[0] = v[0] + w * tx + (y * tz - z * ty);
    out[1] = v[1] + w * ty + (z * tx - x * tz);
    out[2] = v[2] + w * tz + (x * ty - y * tx);
    return out;
  }

  /** Adds q to a running sum, with the sign that agrees with {@code like} (q and −q are one rotation). */
  static void addAligned(double[] sum, double[] q, double[] like) {
    double sign = like[0] * q[0] + like[1] * q[1] + like[2] * q[2] + like[3] * q[3] < 0 ? -1 : 1;
    for (int k = 0; k < 4; k++) {
      sum[k] += sign * q[k];
    }
  }

  /** q / |q|, with w ≥ 0. */
  static double[] normalise(double[] q) {
    double l = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    double sign = q[0] < 0 ? -1 : 1;
    return new double[] {sign * q[0] / l, sign * q[1] / l, sign * q[2] / l, sign * q[3] / l};
  }
}
