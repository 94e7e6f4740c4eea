package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CellTest {

  /**
   * Brute force: every image d + n·L shorter than d itself. Such an image has |f_i + n_i|·w_i <= |d|
   * for each face normal i (w_i = V/|a_j × a_k| computed here from the vectors), so the enumeration
   * covers all candidates; no rounding shortcut is taken.
   */
  private static double bruteForce(Cell c, double dx, double dy, double dz) {
    double[][] m = c.toMatrix();
    double vol = Math.abs(dot(m[0], cross(m[1], m[2])));
    double[] w = {vol / norm(cross(m[1], m[2])), vol / norm(cross(m[2], m[0])), vol / norm(cross(m[0], m[1]))};
    double[] f = c.toFractional(new double[] {dx, dy, dz}, new double[3]);
    double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    int[] lo = new int[3];
    int[] hi = new int[3];
    for (int i = 0; i < 3; i++) {
      lo[i] = (int) Math.floor(-len / w[i] - f[i]) - 1;
      hi[i] = (int) Math.ceil(len / w[i] - f[i]) + 1;
    }
    double best = len;
    for (int a = lo[0]; a <= hi[0]; a++) {
      for (int b = lo[1]; b <= hi[1]; b++) {
        for (int cc = lo[2]; cc <= hi[2]; cc++) {
          double x = dx + a * m[0][0] + b * m[1][0] + cc * m[2][0];
          double y = dy + a * m[0][1] + b * m[1][1] + cc * m[2][1];
          double z = dz + a * m[0][2] + b * m[1][2] + cc * m[2][2];
          best = Math.min(best, Math.sqrt(x * x + y * y + z * z));
        }
      }
    }
    return best;
  }

  private static double[] cross(double[] u, double[] v) {
    return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
  }

  private static double dot(double[] u, double[] v) {
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  }

  private static double norm(double[] u) {
    return Math.sqrt(dot(u, u));
  }

  @Test
  void minimumImageEqualsBruteForceOnStronglySkewedCells() {
    Random rnd = new Random(42);
    int checked = 0;
    for (int trial = 0; trial < 150; trial++) {
      // skewed, unreduced cells: off-diagonals up to 1.5× the diagonal (angles down to ~25°)
      double[] rows = new double[9];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          rows[3 * i + j] = i == j ? 3 + 5 * rnd.nextDouble() : (rnd.nextDouble() * 2 - 1) * 1.5 * (3 + 5 * rnd.nextDouble());
        }
      }
      Cell c;
      try {
        c = Cell.ofRows(rows);
      } catch (IllegalArgumentException singular) {
        continue;
      }
      double[] l = c.lengthsA();
      if (c.volumeA3() < 0.05 * l[0] * l[1] * l[2]) {
        // nearly singular: the brute-force box grows without bound
        continue;
      }
      double[] out = new double[3];
      for (int p = 0; p < 20; p++) {
        double dx = (rnd.nextDouble() * 2 - 1) * 30;
        double dy = (rnd.nextDouble() * 2 - 1) * 30;
        double dz = (rnd.nextDouble() * 2 - 1) * 30;
        double got = c.minimumImage(dx, dy, dz, out);
        double want = bruteForce(c, dx, dy, dz);
        assertEquals(want, got, 1e-9, () -> "cell " + c + " d=" + dx + "," + dy + "," + dz);
        assertEquals(got, Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]), 1e-12);
        // the result is an image of d: it differs by a lattice vector with integer coefficients
        double[] n = c.toFractional(new double[] {out[0] - dx, out[1] - dy, out[2] - dz}, new double[3]);
        for (double ni : n) {
          assertEquals(Math.rint(ni), ni, 1e-9);
        }
        checked++;
      }
    }
    assertEquals(true, checked > 1500, "enough cases: " + checked);
  }

  @Test
  void fractionalRoundTripAndVolume() {
    Cell c = Cell.ofRows(new double[] {5, 0, 0, 1, 4, 0, 0.5, 0.3, 6});
    assertEquals(120.0, c.volumeA3(), 1e-12);
    double[] f = {0.25, 0.5, 0.75, -0.1, 1.2, 0.3};
    double[] cart = c.toCartesian(f, new double[6]);
    assertEquals(0.25 * 5 + 0.5 * 1 + 0.75 * 0.5, cart[0], 1e-12);
    assertEquals(0.5 * 4 + 0.75 * 0.3, cart[1], 1e-12);
    assertEquals(0.75 * 6, cart[2], 1e-12);
    assertArrayEquals(f, c.toFractional(cart, new double[6]), 1e-12);
  }

  @Test
  void lengthsAnglesRoundTrip() {
    Cell c = Cell.fromLengthsAndAngles(7, 8, 9, 80, 95, 110);
    assertArrayEquals(new double[] {7, 8, 9}, c.lengthsA(), 1e-12);
    assertArrayEquals(new double[] {80, 95, 110}, c.anglesDeg(), 1e-9);
    // perpendicular width along c = V / |a × b|
    double ab = 7 * 8 * Math.sin(Math.toRadians(110));
    assertEquals(c.volumeA3() / ab, c.perpendicularWidthsA()[2], 1e-12);
  }

  @Test
  void singularCellIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Cell.ofRows(new double[] {1, 0, 0, 2, 0, 0, 0, 0, 1}));
    assertEquals(true, e.getMessage().contains("singular"));
  }
}
