package org.interphase.analysis.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/**
 * Two PS4 tetrahedra (P–S 2.05 Å) in a 20 Å cube with Gaussian thermal noise of σ = 0.02 Å per atom and axis: unit 0 sits on
 * the cell face (its S wrap across the boundary) and turns 90° about a fixed axis, linearly in angle between frames 30 and 50;
 * unit 1 stays put. 100 frames of 100 fs.
 */
class RotationTurnTest {
  static final double BOND_A = 2.05;
  static final double[][] TETRA = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
  static final double[] AXIS = {1, 2, 0.5};

  /** The four S of a tetrahedron about the origin, flat, rotated by q. */
  static double[] tetrahedron(double[] q) {
    double[] out = new double[12];
    double[] v = new double[3];
    for (int k = 0; k < 4; k++) {
      for (int d = 0; d < 3; d++) {
        v[d] = TETRA[k][d] * BOND_A / Math.sqrt(3);
      }
      double[] r = Quaternions.rotate(q, v, new double[3]);
      System.arraycopy(r, 0, out, 3 * k, 3);
    }
    return out;
  }

  static RotationResult run(double sigmaA, long seed) {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    TrajectoryHeader h = new TrajectoryHeader("turn", "t", "t", AtomTable.of("P", "S", "S", "S", "S", "P", "S", "S", "S", "S"),
        cell, 100, true, List.of());
    var acc = new RotationAnalysis(RotationParameters.of("P", "S")).start(h);
    double[][] centres = {{0.2, 10, 10}, {10, 10, 5}};
    Random rnd = new Random(seed);
    for (int f = 0; f < 100; f++) {
      double angle = Math.toRadians(90) * Math.min(1, Math.max(0, (f - 30) / 20.0));
      double[][] q = {Quaternions.ofAxisAngle(AXIS, angle), {1, 0, 0, 0}};
      double[] pos = new double[30];
      for (int u = 0; u < 2; u++) {
        double[] s = tetrahedron(q[u]);
        for (int d = 0; d < 3; d++) {
          pos[15 * u + d] = centres[u][d] + sigmaA * rnd.nextGaussian();
          for (int k = 0; k < 4; k++) {
            double x = centres[u][d] + s[3 * k + d] + sigmaA * rnd.nextGaussian();
            pos[15 * u + 3 * (k + 1) + d] = x - 20 * Math.floor(x / 20); // wrapped into the cell
          }
        }
      }
      acc.accept(new Frame(f, f * 100.0, cell, pos, null, null, null));
    }
    return acc.finish();
  }

  @Test
  void oneEventForTheTurningUnitNoneForTheRigidOne() {
    for (long seed = 1; seed <= 5; seed++) {
      RotationResult r = run(0.02, seed);
      assertEquals(2, r.units().size());
      assertEquals(0, r.units().get(0).center());
      assertEquals(List.of(1, 2, 3, 4), java.util.Arrays.stream(r.units().get(0).ligands()).boxed().toList());
      assertEquals(1, r.events().size(), r.events().toString());
      RotationResult.Event e = r.events().get(0);
      assertEquals(0, e.unit());
      assertTrue(e.frame() > 30 && e.frame() < 50, "event inside the turn: " + e);
      assertEquals(90, e.angleDeg(), 2, e.toString());
      assertEquals(e.frame() * 0.1, e.timePs(), 1e-12);
      double[][] a = r.angleDeg();
      assertEquals(90, a[0][99], 2);
      assertEquals(45, a[0][40], 2);
      assertTrue(a[1][99] < 5, "rigid unit: " + a[1][99]);
      double[] lib = r.librationDeg();
      assertTrue(lib[1] > 0.1 && lib[1] < 3, "libration of the rigid unit from the noise: " + lib[1]);
    }
  }

  @Test
  void noNoiseNoLibration() {
    RotationResult r = run(0, 7);
    assertEquals(0, r.librationDeg()[1], 1e-6);
    // between the mean orientations before and after the turn; its first frames (4.5°, 9°) and the settle frames (from 85.5°)
    // are inside those means and pull it by a few tenths of a degree
    System.out.printf(java.util.Locale.ROOT, "noiseless 90° turn: event angle %.2f°%n", r.events().get(0).angleDeg());
    assertEquals(90, r.events().get(0).angleDeg(), 1.0);
    assertEquals(90, r.angleDeg()[0][99], 1e-9);
  }

  /**
   * A unit librating about a fixed axis by θ(t) = 30° + 10° sin(2π f / 20), never beyond the 60° threshold: its libration is the
   * spread about its mean orientation, RMS of 10° sin = 10°/√2 = 7.07° (the mean angle of 30° from the first frame is no
   * libration; the RMS angle from the first frame would be √(30² + 50) = 30.8°).
   */
  @Test
  void librationIsTheSpreadAboutTheMeanOrientation() {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    TrajectoryHeader h = new TrajectoryHeader("librate", "t", "t", AtomTable.of("P", "S", "S", "S", "S"), cell, 100, true, List.of());
    var acc = new RotationAnalysis(RotationParameters.of("P", "S")).start(h);
    for (int f = 0; f < 400; f++) {
      double angle = f == 0 ? 0 : Math.toRadians(30 + 10 * Math.sin(2 * Math.PI * f / 20));
      double[] s = tetrahedron(Quaternions.ofAxisAngle(AXIS, angle));
      double[] pos = new double[15];
      for (int d = 0; d < 3; d++) {
        pos[d] = 10;
        for (int k = 0; k < 4; k++) {
          pos[3 * (k + 1) + d] = 10 + s[3 * k + d];
        }
      }
      acc.accept(new Frame(f, f * 100.0, cell, pos, null, null, null));
    }
    RotationResult r = acc.finish();
    assertEquals(0, r.events().size());
    // frame 0 (θ = 0) is one frame in 400 at 30° from the mean: it adds (30² − 7.07²)/400 deg² to the mean square
    double expected = Math.sqrt((399 * 50 + 900) / 400.0);
    assertEquals(expected, r.librationDeg()[0], 0.1);
  }
}
