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
 * A proper rotation always (no reflection); the rotation angle of q is θ = 2 acos |w|.
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
    EigenDecomposition e = new EigenDecomposition(MatrixUtils.createRealMatrix(n));
    double[] values = e.getRealEigenvalues();
    int best = 0;
    for (int k = 1; k < 4; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    double[] q = e.getEigenvector(best).toArray();
    return normalise(q);
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
