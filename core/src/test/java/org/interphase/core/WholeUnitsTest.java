package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WholeUnitsTest {
  private static final double[] A = {10, 0, 0};
  private static final double[] B = {2, 9, 0};
  private static final double[] C = {1, 1.5, 8};

  /** r = fa·a + fb·b + fc·c, written out. */
  private static double[] cart(double fa, double fb, double fc) {
    return new double[] {fa * A[0] + fb * B[0] + fc * C[0], fa * A[1] + fb * B[1] + fc * C[1], fa * A[2] + fb * B[2] + fc * C[2]};
  }

  private static double[] flat(double[]... atoms) {
    double[] out = new double[3 * atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      System.arraycopy(atoms[i], 0, out, 3 * i, 3);
    }
    return out;
  }

  @Test
  void aPairSplitOverTheBoundaryIsJoinedAndItsCentreMovedIntoTheCell() {
    Cell cell = Cell.ofRows(A, B, C);
    // atoms 0 and 1 are 1.4 Å apart across the a face; atom 2 has no bond and lies outside the cell;
    // atoms 3–4 are a pair inside the cell that must not move
    double[] stored = flat(cart(0.04, 0.5, 0.5), cart(0.9, 0.5, 0.5), cart(1.3, -0.2, 0.5), cart(0.4, 0.4, 0.4),
        cart(0.45, 0.4, 0.4));
    WholeUnits w = WholeUnits.of(cell, stored, List.of(new int[] {1, 0}, new int[] {3, 4}));
    // by hand: atom 1 is drawn beside atom 0 at fa = 0.04 − 0.14 = −0.10; the centre fa = −0.03 is
    // below 0, so the pair moves by +a: fa = 1.04 and 0.90; atom 2 wraps to (0.3, 0.8, 0.5)
    double[] expected = flat(cart(1.04, 0.5, 0.5), cart(0.9, 0.5, 0.5), cart(0.3, 0.8, 0.5), cart(0.4, 0.4, 0.4), cart(0.45, 0.4, 0.4));
    assertArrayEquals(expected, w.positionsA(), 1e-9);
    assertEquals(2, w.units());
    assertArrayEquals(new int[] {0, 0, -1, 1, 1}, w.unitOf());
    assertEquals(0, w.openBonds().size());
  }

  @Test
  void aChainThroughItsOwnImageIsReportedOpen() {
    // three atoms spaced a/3 along a, bonded in a ring through the boundary: an infinite chain
    Cell cell = Cell.orthorhombic(6, 10, 10);
    double[] stored = {1, 5, 5, 3, 5, 5, 5, 5, 5};
    WholeUnits w = WholeUnits.of(cell, stored, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 0}));
    assertEquals(1, w.units());
    assertEquals(1, w.openBonds().size());
  }

  @Test
  void aBondToAMissingAtomIsRefused() {
    Cell cell = Cell.orthorhombic(6, 10, 10);
    assertThrows(IllegalArgumentException.class, () -> WholeUnits.of(cell, new double[6], List.of(new int[] {0, 2})));
  }
}
