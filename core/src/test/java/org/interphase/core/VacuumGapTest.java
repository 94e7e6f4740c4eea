package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The widest atom-free slab across each lattice direction, checked by hand. */
class VacuumGapTest {

  private static Frame frame(Cell cell, double... xyz) {
    return new Frame(0, 0, cell, xyz, null, null, null);
  }

  /** Atoms at z = 1, 3, 5 Å in a 20 Å cell: the gap is 5 → 21 Å, 16 Å (80 % of the volume), across c. */
  @Test
  void aSlabWithVacuumAcrossC() {
    VacuumGap g = VacuumGap.of(frame(Cell.orthorhombic(4, 4, 20), 0, 0, 1, 2, 2, 3, 0, 2, 5));
    assertEquals(2, g.vacuumAxis());
    assertEquals(16.0, g.gapsA()[2], 1e-9);
    assertEquals(0.8, g.vacuumFraction(), 1e-12);
    // across a: x = 0, 2, 0 → gaps 2 and the wrap-around 2 Å
    assertEquals(2.0, g.gapsA()[0], 1e-9);
    assertEquals("a vacuum slab 16.0 Å thick across c (80 % of the cell's volume)", g.describe());
  }

  /** The gap wraps around the cell: atoms at z = 2 and 18 Å of a 20 Å cell leave 16 Å between them inside, 4 Å across the boundary. */
  @Test
  void theGapIsFoundAcrossTheBoundaryAndInside() {
    VacuumGap inside = VacuumGap.of(frame(Cell.orthorhombic(4, 4, 20), 0, 0, 2, 0, 0, 18));
    assertEquals(16.0, inside.gapsA()[2], 1e-9);
    VacuumGap wrapped = VacuumGap.of(frame(Cell.orthorhombic(4, 4, 20), 0, 0, 9, 0, 0, 11));
    assertEquals(18.0, wrapped.gapsA()[2], 1e-9);
  }

  /** A dense cell (atoms every 2.5 Å) has none; in a monoclinic cell the gap is measured across the planes, not along c. */
  @Test
  void denseAndTiltedCells() {
    assertFalse(VacuumGap.of(frame(Cell.orthorhombic(5, 5, 5), 0, 0, 0, 2.5, 2.5, 2.5)).hasVacuum());
    // c tilted by 60° from the ab plane: c = (10, 0, 17.32); the width across c is 17.32 Å; atoms at fractional c 0 and 0.1
    Cell tilted = Cell.ofRows(new double[] {4, 0, 0}, new double[] {0, 4, 0}, new double[] {10, 0, 17.320508075688775});
    VacuumGap g = VacuumGap.of(frame(tilted, 0, 0, 0, 1, 0, 1.7320508075688775));
    assertTrue(g.hasVacuum());
    assertEquals(0.9 * 17.320508075688775, g.gapsA()[2], 1e-9);
  }
}
