package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.junit.jupiter.api.Test;

/** Lags are counted in frames: frames with a gap in their times are refused, never given wrong lag times. */
class MsdSpacingTest {
  private static List<Frame> walk(long[] steps, double fsPerStep) {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    List<Frame> frames = new ArrayList<>();
    for (long s : steps) {
      // one Li moving +0.1 Å per MD step along x
      frames.add(new Frame(s, s * fsPerStep, cell, new double[] {1 + 0.1 * s, 5, 5}, null, null, null));
    }
    return frames;
  }

  @Test
  void evenlySpacedFramesGiveTheHandMsd() {
    long[] steps = java.util.stream.LongStream.range(0, 30).map(k -> 5 * k).toArray();
    MsdResult r = MsdSyntheticTest.run(MsdParameters.of("Li").withDriftReference(List.of()),
        MsdSyntheticTest.header(AtomTable.of("Li"), Cell.orthorhombic(20, 20, 20), 2.5), walk(steps, 0.5));
    // lag 1 = 5 steps = 0.5 Å: MSD 0.25 Å²; lag 2: 1.0 Å²
    assertEquals(0.25, r.msdA2()[1], 1e-12);
    assertEquals(1.0, r.msdA2()[2], 1e-12);
  }

  @Test
  void aGapInTheStepsStopsTheMsdThereWithAWarningNamingTheFrame() {
    long[] steps = java.util.stream.LongStream.concat(java.util.stream.LongStream.range(0, 20),
        java.util.stream.LongStream.range(25, 40)).toArray();
    MsdResult r = MsdSyntheticTest.run(MsdParameters.of("Li").withDriftReference(List.of()),
        MsdSyntheticTest.header(AtomTable.of("Li"), Cell.orthorhombic(20, 20, 20), 0.5), walk(steps, 0.5));
    // only steps 0..19 are used: 20 frames, lag k = k steps = 0.1 k Å
    assertEquals(20, r.msdA2().length);
    assertEquals(0.01, r.msdA2()[1], 1e-12);
    assertEquals(3.61, r.msdA2()[19], 1e-12);
    assertTrue(r.warningTexts().stream().anyMatch(w -> w.startsWith("the frames are not evenly spaced in time: frame 20 (step 25, 12.5 fs) "
        + "comes 3 fs after step 19, the frames before it 0.5 fs apart") && w.contains("uses the 20 evenly spaced frames before it and "
        + "not the 15 after it")), r.warnings().toString());
  }

  @Test
  void framesWithoutTimesAreTakenAsEven() {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      frames.add(new Frame(k, Double.NaN, cell, new double[] {1 + 0.2 * k, 5, 5}, null, null, null));
    }
    MsdResult r = MsdSyntheticTest.run(MsdParameters.of("Li").withDriftReference(List.of()),
        MsdSyntheticTest.header(AtomTable.of("Li"), cell, 1.0), frames);
    assertEquals(0.04, r.msdA2()[1], 1e-12);
  }
}
