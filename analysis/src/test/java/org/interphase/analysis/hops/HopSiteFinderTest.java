package org.interphase.analysis.hops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

/** Sites from the density: one per lattice site of a walk, where the lattice is. */
class HopSiteFinderTest {

  /**
   * 512 atoms, one per site of the 8 × 8 × 8 lattice (a = 3 Å), rattling with σ = 0.3 Å for 300 frames without hopping
   * (a site left early would be too thin to count): the density has exactly 512 maxima, at most 0.06 Å from a lattice point on average
   * and at most 0.15 Å (the peak of a 300-sample histogram scatters by about σ/√300 per axis and more).
   */
  @Test
  void findsEveryLatticeSite() {
    int atoms = 512;
    HopAnalysis.Accumulator acc = new HopAnalysis(HopParameters.of("Li").withHysteresis(1.0, 1.6, 2).withTracer(false))
        .start(HopRandomWalkTest.header(atoms, 10));
    HopRandomWalkTest.walk(acc, atoms, 300, 10, 0.0, 0.3, 3);
    HopResult r = acc.finish();
    assertEquals(512, r.sites().size());
    Cell cell = Cell.orthorhombic(24, 24, 24);
    double worst = 0;
    double sum = 0;
    double[] tmp = new double[3];
    for (double[] p : r.positionsA()) {
      double dx = p[0] - HopRandomWalkTest.A * Math.rint(p[0] / HopRandomWalkTest.A);
      double dy = p[1] - HopRandomWalkTest.A * Math.rint(p[1] / HopRandomWalkTest.A);
      double dz = p[2] - HopRandomWalkTest.A * Math.rint(p[2] / HopRandomWalkTest.A);
      double e = cell.minimumImage(dx, dy, dz, tmp);
      worst = Math.max(worst, e);
      sum += e;
    }
    System.out.printf(java.util.Locale.ROOT, "density sites: %d found for 512 lattice sites, %.3f Å from the lattice point on average, "
        + "%.3f Å at most%n", r.sites().size(), sum / 512, worst);
    assertTrue(sum / 512 < 0.06, "mean distance of a site from its lattice point: " + sum / 512 + " Å");
    assertTrue(worst < 0.15, "farthest site from its lattice point: " + worst + " Å");
    double total = 0;
    for (double o : r.occupancy()) {
      total += o;
    }
    assertEquals(atoms, total, 1.0, "every atom is in a site");
    assertEquals("site", r.sites().get(0).type());
  }
}
