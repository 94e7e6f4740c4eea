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
}
