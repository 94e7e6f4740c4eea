package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.WholeUnits;
import org.junit.jupiter.api.Test;

/** The bonds of one frame made whole for a picture: a PS4 split over two faces of a triclinic cell. */
class FrameBondsTest {
  private static final double[] A = {10, 0, 0};
  private static final double[] B = {1.5, 9.5, 0};
  private static final double[] C = {0.5, 0.8, 11};

  private static double[] cart(double fa, double fb, double fc) {
    return new double[] {fa * A[0] + fb * B[0] + fc * C[0], fa * A[1] + fb * B[1] + fc * C[1], fa * A[2] + fb * B[2] + fc * C[2]};
  }

  private static double[] plus(double[] p, double[] v) {
    return new double[] {p[0] + v[0], p[1] + v[1], p[2] + v[2]};
  }

  /** Subtracts whole lattice vectors n·(a, b, c). */
  private static double[] minus(double[] p, int na, int nb, int nc) {
    double[] t = cart(na, nb, nc);
    return new double[] {p[0] - t[0], p[1] - t[1], p[2] - t[2]};
  }

  @Test
  void aTetrahedronSplitOverTheBoundaryBecomesWholeWithItsCentreInTheCell() {
    double s = 2.05 / Math.sqrt(3);
    double[][] v = {{s, s, s}, {s, -s, -s}, {-s, s, -s}, {-s, -s, s}};
    // P at fractional (0.02, 0.5, 0.985): two S lie beyond the a = 0 face, two beyond the c = 1 face
    // (one beyond both); they are stored wrapped, as MD codes write them
    double[] p = cart(0.02, 0.5, 0.985);
    double[][] s4 = {plus(p, v[0]), plus(p, v[1]), plus(p, v[2]), plus(p, v[3])};
    double[][] stored = {minus(s4[0], 0, 0, 1), s4[1], minus(s4[2], -1, 0, 0), minus(s4[3], -1, 0, 1), p,
        cart(1.25, -0.5, 0.5)};
    // check the premise: the stored S are inside the cell, three of them not beside their P
    Cell cell = Cell.ofRows(A, B, C);
    for (int k = 0; k < 4; k++) {
      double[] f = cell.toFractional(stored[k], new double[3]);
      assertTrue(f[0] >= 0 && f[0] < 1 && f[2] >= 0 && f[2] < 1, "stored S " + k + " inside the cell");
    }
    double[] flat = new double[18];
    for (int i = 0; i < 6; i++) {
      System.arraycopy(stored[i], 0, flat, 3 * i, 3);
    }
    AtomTable atoms = AtomTable.of("S", "S", "S", "S", "P", "Li");
    Frame f = new Frame(0, 0, cell, flat, null, null, null);
    BondAnalysis.FrameBonds fb = BondAnalysis.frameBonds(atoms, f, BondParameters.defaults());
    assertEquals(4, fb.bonds().size());
    assertEquals(List.of(Motif.PS4), fb.units().stream().map(BondAnalysis.Unit::motif).toList());

    WholeUnits w = WholeUnits.of(cell, flat, fb.bonds());
    // by hand: the walk starts at S 0, which sits at fractional c ≈ 0.07; its P is drawn below c = 0
    // and the unit's centre (the P: the four bond vectors sum to zero) at c = −0.015 moves up by c,
    // so P is back at its stored place and each S at P + its bond vector; Li wraps to (0.25, 0.5, 0.5)
    double[] expected = new double[18];
    for (int k = 0; k < 4; k++) {
      System.arraycopy(s4[k], 0, expected, 3 * k, 3);
    }
    System.arraycopy(p, 0, expected, 12, 3);
    System.arraycopy(cart(0.25, 0.5, 0.5), 0, expected, 15, 3);
    assertArrayEquals(expected, w.positionsA(), 1e-9);
    double[] centre = new double[3];
    for (int i = 0; i < 5; i++) {
      for (int k = 0; k < 3; k++) {
        centre[k] += w.positionsA()[3 * i + k] / 5;
      }
    }
    double[] fc = cell.toFractional(centre, new double[3]);
    for (double x : fc) {
      assertTrue(x >= 0 && x < 1, "centre in the cell: " + java.util.Arrays.toString(fc));
    }
    assertEquals(0, w.openBonds().size());
  }
}
