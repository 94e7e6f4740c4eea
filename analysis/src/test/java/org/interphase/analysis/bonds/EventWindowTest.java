package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.IntStream;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/** The frames {@link BondAnalysis} keeps around events, from its one pass. */
class EventWindowTest {
  private static final Cell CELL = Cell.orthorhombic(15, 15, 15);

  /**
   * Two PS4 (P at 4 Å and at 11 Å on the diagonal); in the first one S pulls away from frame 10 on,
   * in the second from frame {@code secondPull} on, 0.15 Å per frame: breaks at frames 15 and
   * {@code secondPull + 5} (the distance passes 2.9 Å five frames after the pull starts; it stops at 4 Å).
   */
  private static List<Frame> frames(int n, int secondPull) {
    double b = 2.05 / Math.sqrt(3);
    double[][] dirs = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
    List<Frame> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double[] pos = new double[30];
      for (int u = 0; u < 2; u++) {
        double c = u == 0 ? 4 : 11;
        int pull = u == 0 ? 10 : secondPull;
        int o = 15 * u;
        pos[o] = c;
        pos[o + 1] = c;
        pos[o + 2] = c;
        for (int s = 0; s < 4; s++) {
          double stretch = s == 0 && k >= pull ? Math.min(4.0, 2.05 + 0.15 * (k - pull + 1)) : 2.05;
          for (int d = 0; d < 3; d++) {
            pos[o + 3 * (s + 1) + d] = c + dirs[s][d] * b * stretch / 2.05;
          }
        }
      }
      out.add(new Frame(k, k * 2.0, CELL, pos, null, null, null));
    }
    return out;
  }

  private static BondResult run(EventWindow w, List<Frame> frames) {
    AtomTable atoms = AtomTable.of("P", "S", "S", "S", "S", "P", "S", "S", "S", "S");
    TrajectoryHeader h = new TrajectoryHeader("synthetic", "t", "t", atoms, CELL, 2.0, false, List.of());
    BondAnalysis.Accumulator acc = new BondAnalysis(BondParameters.defaults(), w).start(h);
    frames.forEach(acc);
    return acc.finish();
  }

  @Test
  void framesAroundTheFirstEventsAreTheFramesFed() {
    List<Frame> frames = frames(60, 30);
    BondResult r = run(new EventWindow(5, 2, 1), frames);
    List<BondEvent> ev = r.events("P-S");
    assertEquals(2, ev.size(), ev.toString());
    assertEquals(15, ev.get(0).frame());
    assertEquals(35, ev.get(1).frame());
    SortedMap<Integer, Frame> around = r.framesAround(ev.get(0));
    assertArrayEquals(IntStream.rangeClosed(0, 10).map(k -> 5 + 2 * k).toArray(), around.keySet().stream().mapToInt(i -> i).toArray());
    around.forEach((i, f) -> assertSame(frames.get(i), f, "frame " + i));
    // only the first event's frames: the second is past maxEvents
    assertTrue(r.framesAround(ev.get(1)).isEmpty());
    assertEquals(around.keySet(), r.eventFrames().keySet());
    // no window: nothing kept
    assertTrue(run(EventWindow.NONE, frames).eventFrames().isEmpty());
  }

  /** Frames before the first and after the last are left out; two events share nothing but what they both ask for. */
  @Test
  void windowsAreCutAtBothEnds() {
    List<Frame> frames = frames(40, 30);
    BondResult r = run(new EventWindow(6, 3, 5), frames);
    List<BondEvent> ev = r.events("P-S");
    assertEquals(List.of(15, 35), ev.stream().map(BondEvent::frame).toList());
    assertEquals(List.of(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33), List.copyOf(r.framesAround(ev.get(0)).keySet()));
    assertEquals(List.of(17, 20, 23, 26, 29, 32, 35, 38), List.copyOf(r.framesAround(ev.get(1)).keySet()));
    r.eventFrames().forEach((i, f) -> assertSame(frames.get(i), f, "frame " + i));
    assertEquals(20, r.eventFrames().size());
  }

  @Test
  void invalidWindows() {
    assertThrows(IllegalArgumentException.class, () -> new EventWindow(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new EventWindow(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new EventWindow(1, 1, -1));
    assertArrayEquals(new int[] {0, 2, 4}, new EventWindow(2, 2, 1).framesAround(0));
  }
}
