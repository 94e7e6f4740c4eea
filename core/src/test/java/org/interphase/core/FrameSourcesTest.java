package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSourcesTest {
  private static FrameSource source(int n) {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      frames.add(new Frame(i, i * 2.0, Cell.orthorhombic(5, 5, 5), new double[] {i, 0, 0}, null, null, null));
    }
    TrajectoryHeader h = new TrajectoryHeader("mem", "test", "test", AtomTable.of("Li"), Cell.orthorhombic(5, 5, 5), 2.0, false, List.of());
    return FrameSources.of(h, frames);
  }

  @Test
  void sliceSkipsThenStrides() {
    FrameSource s = source(10).sliced(2, 3);
    assertEquals(6.0, s.header().timestepFs(), 0);
    List<Long> steps = FrameSources.readAll(s).stream().map(Frame::step).toList();
    assertEquals(List.of(2L, 5L, 8L), steps);
  }

  @Test
  void streamClosesAndCounts() {
    assertEquals(10, source(10).stream().count());
    assertThrows(IllegalArgumentException.class, () -> source(3).sliced(0, 0));
  }
}
