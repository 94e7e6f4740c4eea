package org.interphase.analysis.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Horn's quaternion fit against rotations built by hand. */
class RotationFitTest {
  @Test
  void knownRotationOfATetrahedronIsRecovered() {
    double[] ref = RotationTurnTest.tetrahedron(new double[] {1, 0, 0, 0});
    double angle = Math.toRadians(73.25);
    double[] axis = {0.3, -1.2, 0.7};
    double[] truth = Quaternions.ofAxisAngle(axis, angle);
    double[] cur = RotationTurnTest.tetrahedron(truth);
    double[] q = Quaternions.fit(ref, cur);
    assertEquals(angle, Quaternions.angle(q), 1e-9);
    assertEquals(0, Quaternions.angleBetween(q, truth), 1e-7); // acos near 1: 1e-14 in the dot product is 1e-7 rad
    for (int k = 0; k < 4; k++) {
      assertEquals(truth[k], q[k], 1e-12);
    }
    // by hand: 73.25° about the axis; w = cos(θ/2) and the vector part along the unit axis times sin(θ/2)
    double l = Math.sqrt(0.09 + 1.44 + 0.49);
    assertEquals(Math.cos(angle / 2), q[0], 1e-12);
    assertEquals(-1.2 / l * Math.sin(angle / 2), q[2], 1e-12);
  }

  @Test
  void symmetryTurnWithSwappedLigandsIsARotation() {
    // 120° about the first P–S axis maps the tetrahedron onto itself with the other three S permuted: labelled, it is 120°
    double[] ref = RotationTurnTest.tetrahedron(new double[] {1, 0, 0, 0});
    double[] cur = RotationTurnTest.tetrahedron(Quaternions.ofAxisAngle(RotationTurnTest.TETRA[0], Math.toRadians(120)));
    assertEquals(120, Math.toDegrees(Quaternions.angle(Quaternions.fit(ref, cur))), 1e-9);
  }

  @Test
  void halfTurnIsPi() {
    double[] ref = RotationTurnTest.tetrahedron(new double[] {1, 0, 0, 0});
    double[] cur = RotationTurnTest.tetrahedron(Quaternions.ofAxisAngle(new double[] {0, 0, 1}, Math.PI));
    assertEquals(Math.PI, Quaternions.angle(Quaternions.fit(ref, cur)), 1e-9);
  }

  /** The QCP eigenvector against a full eigendecomposition (Apache Commons Math) on noisy tetrahedra and random vector sets. */
  @Test
  void qcpAgreesWithAFullEigendecomposition() {
    java.util.Random rnd = new java.util.Random(11);
    for (int t = 0; t < 2000; t++) {
      int m = t % 2 == 0 ? 4 : 3 + rnd.nextInt(6);
      double[] ref = t % 2 == 0 ? RotationTurnTest.tetrahedron(new double[] {1, 0, 0, 0}) : new double[3 * m];
      double[] cur = new double[3 * m];
      double[] q0 = Quaternions.ofAxisAngle(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()},
          Math.PI * rnd.nextDouble());
      for (int i = 0; i < m; i++) {
        if (t % 2 == 1) {
          for (int d = 0; d < 3; d++) {
            ref[3 * i + d] = 2 * rnd.nextGaussian();
          }
        }
        double[] r = Quaternions.rotate(q0, new double[] {ref[3 * i], ref[3 * i + 1], ref[3 * i + 2]}, new double[3]);
        for (int d = 0; d < 3; d++) {
          cur[3 * i + d] = r[d] + 0.3 * rnd.nextGaussian();
        }
      }
      double[] q = Quaternions.fit(ref, cur);
      double[][] s = new double[3][3];
      for (int i = 0; i < m; i++) {
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            s[a][b] += ref[3 * i + a] * cur[3 * i + b];
          }
        }
      }
      double[][] n = {
          {s[0][0] + s[1][1] + s[2][2], s[1][2] - s[2][1], s[2][0] - s[0][2], s[0][1] - s[1][0]},
          {s[1][2] - s[2][1], s[0][0] - s[1][1] - s[2][2], s[0][1] + s[1][0], s[2][0] + s[0][2]},
          {s[2][0] - s[0][2], s[0][1] + s[1][0], -s[0][0] + s[1][1] - s[2][2], s[1][2] + s[2][1]},
          {s[0][1] - s[1][0], s[2][0] + s[0][2], s[1][2] + s[2][1], -s[0][0] - s[1][1] + s[2][2]}};
      var e = new org.apache.commons.math3.linear.EigenDecomposition(org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(n));
      int best = 0;
      for (int k = 1; k < 4; k++) {
        best = e.getRealEigenvalues()[k] > e.getRealEigenvalues()[best] ? k : best;
      }
      double[] v = e.getEigenvector(best).toArray();
      double dot = Math.abs(v[0] * q[0] + v[1] * q[1] + v[2] * q[2] + v[3] * q[3]) / Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]
          + v[3] * v[3]);
      assertEquals(1.0, dot, 1e-12, "case " + t);
    }
  }
}
