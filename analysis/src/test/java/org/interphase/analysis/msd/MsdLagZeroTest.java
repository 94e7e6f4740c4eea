package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.junit.jupiter.api.Test;

/** At lag 0 no atom has moved: the MSD is exactly 0 (no FFT rounding of ±1e-15 Å², which breaks log axes). */
class MsdLagZeroTest {
  @Test
  void theMsdAtLagZeroIsExactlyZero() {
    Cell cell = Cell.orthorhombic(15, 15, 15);
    AtomTable atoms = AtomTable.of("Li", "Li", "Li", "Li", "S", "S");
    Random rnd = new Random(11);
    double[] pos = new double[18];
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < 500; k++) {
      for (int i = 0; i < pos.length; i++) {
        pos[i] += 0.4 * rnd.nextGaussian() + 3.7;
      }
      frames.add(new Frame(k, k, cell, MsdSyntheticTest.wrap(cell, pos.clone()), null, null, null));
    }
    MsdResult r = MsdSyntheticTest.run(MsdParameters.of("Li"), MsdSyntheticTest.header(atoms, cell, 1.0), frames);
    assertEquals(0.0, r.msdA2()[0], 0.0);
    for (int d = 0; d < 3; d++) {
      assertEquals(0.0, r.msdComponentsA2()[d][0], 0.0);
    }
  }
}
