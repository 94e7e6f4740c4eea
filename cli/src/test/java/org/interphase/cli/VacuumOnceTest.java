package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.rdf.RdfResult;
import org.interphase.analysis.vanhove.VanHoveResult;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.Warning;
import org.junit.jupiter.api.Test;

/** A report says a slab's vacuum once per run, not once per analysis that normalises with a whole-cell density. */
class VacuumOnceTest {
  /** Atoms at z = 1, 3, 5 Å in a 20 Å cell: 16 Å of vacuum, 80 % of the volume, so densities are 1/(1 − 0.8) = 5 times too low. */
  private static final Frame SLAB = new Frame(0, 0, Cell.orthorhombic(4, 4, 20), new double[] {0, 0, 1, 2, 2, 3, 0, 2, 5}, null, null,
      null);
  private static final String PREFIX = "the cell holds a vacuum slab 16.0 Å thick across c (80 % of the cell's volume): ";

  private static Warning other(String text) {
    return Warning.of(text);
  }

  @Test
  void theAnalysesVacuumWarningsBecomeOneLineInThePlaceOfTheFirst() {
    List<Warning> w = List.of(other("short run"),
        new Warning(MsdResult.Doubt.VACUUM, PREFIX + "the whole-cell Li number density, and with it σ, is taken over the whole cell"),
        new Warning(RdfResult.Doubt.VACUUM, PREFIX + "Li–S g(r) is normalised with the S density over the whole cell"), other("few hops"),
        new Warning(VanHoveResult.Doubt.VACUUM, PREFIX + "the distinct part is normalised with the density over the whole cell"));
    List<String> once = MdSection.vacuumOnce(w, SLAB);
    assertEquals(3, once.size(), once.toString());
    assertEquals("short run", once.get(0));
    assertEquals(PREFIX + "densities are taken over the whole cell, vacuum included, so σ comes out 5.00 times lower than over the "
        + "material alone (a region covering the material gives σ with its own volume), and the g(r) and the van Hove distinct part level "
        + "off near 5.00, not 1 (coordination numbers do not depend on it)", once.get(1));
    assertEquals("few hops", once.get(2));
  }

  @Test
  void aSingleVacuumWarningOrNoVacuumIsLeftAsItIs() {
    List<Warning> one = List.of(new Warning(RdfResult.Doubt.VACUUM, PREFIX + "Li–S g(r) is normalised with the S density over the whole "
        + "cell"), other("other"));
    assertEquals(Warning.texts(one), MdSection.vacuumOnce(one, SLAB));
    Frame dense = new Frame(0, 0, Cell.orthorhombic(5, 5, 5), new double[] {0, 0, 0, 2.5, 2.5, 2.5}, null, null, null);
    List<Warning> two = List.of(other("a"), other("b"));
    assertEquals(Warning.texts(two), MdSection.vacuumOnce(two, dense));
    assertTrue(MdSection.vacuumOnce(List.of(), null).isEmpty());
  }
}
