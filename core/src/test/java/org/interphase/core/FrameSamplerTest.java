package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {
  private static final TrajectoryHeader HEADER = new TrajectoryHeader("t.xyz", "test", null, AtomTable.of("Li"),
      Cell.orthorhombic(10, 10, 10), 2.0, true, List.of());

  private static List<Frame> frames(int n) {
    List<Frame> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Frame(i, 2.0 * i, Cell.orthorhombic(10, 10, 10), new double[] {0.01 * i, 0, 0}, null, null, Energies.NONE));
    }
    return out;
  }

  private static List<FrameSampler.Sampled> sample(int keep, List<Frame> frames) {
    Accumulator<List<FrameSampler.Sampled>> acc = new FrameSampler(keep).start(HEADER);
    frames.forEach(acc);
    return acc.finish();
  }

  /** Between ⌈n/2⌉ and n frames, frame 0 first, equally spaced by a power of two, the kept frames themselves. */
  @Test
  void evenlySpreadAndBounded() {
    for (int length : new int[] {1, 2, 7, 40, 41, 100, 1001, 2001}) {
      List<Frame> frames = frames(length);
      List<FrameSampler.Sampled> s = sample(40, frames);
      assertTrue(s.size() <= 40, length + ": " + s.size());
      assertTrue(s.size() >= Math.min(length, 20), length + ": " + s.size());
      int step = s.size() > 1 ? s.get(1).index() : 1;
      assertEquals(Integer.bitCount(step), 1, "a power of two: " + step);
      for (int k = 0; k < s.size(); k++) {
        assertEquals(k * step, s.get(k).index());
        assertSame(frames.get(k * step), s.get(k).frame());
      }
      // the sample reaches the end of the pass: the next step would lie beyond it
      assertTrue(s.get(s.size() - 1).index() + step >= length, length + ": last " + s.get(s.size() - 1).index());
    }
    // 1001 frames into 40: stride 32, frames 0, 32, … 992
    assertEquals(32, sample(40, frames(1001)).get(1).index());
    assertEquals(32, sample(40, frames(1001)).size());
  }

  @Test
  void needsTwoFramesAndAFrame() {
    assertThrows(IllegalArgumentException.class, () -> new FrameSampler(1));
    assertThrows(IllegalArgumentException.class, () -> new FrameSampler(3).start(HEADER).finish());
  }
}
