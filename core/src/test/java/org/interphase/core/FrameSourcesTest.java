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

  /** Frames 2 fs apart (the files' own time) that the files number {@code steps} MD steps apart (0: they do not say). */
  private static FrameSource numbered(long steps) {
    FrameSource s = source(3);
    return FrameSources.withHeader(s, s.header().withStepsPerFrame(steps));
  }

  @Test
  void anMdStepTimesTheNumberedStepsGivesTheTimeBetweenFrames() {
    // frames 4 MD steps apart: 0.5 fs × 4 = 2 fs, as the files say, so nothing changes and nothing is said
    FrameSource agree = FrameSources.retimedByMdStep(numbered(4), 0.5);
    assertEquals(2.0, agree.header().timestepFs(), 0);
    assertEquals(List.of(), agree.warnings());
    // 1 fs × 4 = 4 fs between frames: the user's MD step is used, and the files' 0.5 fs MD step named
    FrameSource other = FrameSources.retimedByMdStep(numbered(4), 1.0);
    assertEquals(4.0, other.header().timestepFs(), 0);
    assertEquals(List.of(0.0, 4.0, 8.0), FrameSources.readAll(other).stream().map(Frame::timeFs).toList());
    assertEquals(1, other.warnings().size());
    assertEquals(Warning.Input.CONFLICT, other.warnings().get(0).kind());
    org.junit.jupiter.api.Assertions.assertTrue(other.warnings().get(0).text().startsWith("--md-step-fs 1 fs differs from the 0.5 fs MD "
        + "step the files give"), other.warnings().get(0).text());
    // steps not numbered: no time follows from an MD step
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameSources.retimedByMdStep(numbered(0), 1.0));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("pass --timestep-fs"), e.getMessage());
  }
}
