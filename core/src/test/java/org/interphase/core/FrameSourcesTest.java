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
  void retimingGivesEachFrameIndexTimesTheStep() {
    FrameSource s = FrameSources.retimed(source(4), 0.5);
    assertEquals(0.5, s.header().timestepFs(), 0);
    List<Double> times = FrameSources.readAll(s).stream().map(Frame::timeFs).toList();
    assertEquals(List.of(0.0, 0.5, 1.0, 1.5), times);
  }

  @Test
  void readAllReadsEveryFrameInOrder() {
    List<Long> steps = FrameSources.readAll(source(10)).stream().map(Frame::step).toList();
    assertEquals(10, steps.size());
    assertEquals(9L, steps.get(9));
    assertThrows(java.util.NoSuchElementException.class, () -> FrameSources.of(source(1).header(), List.of()).next());
  }
}
