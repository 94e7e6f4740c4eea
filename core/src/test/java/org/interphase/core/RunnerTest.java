package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RunnerTest {
  private static final TrajectoryHeader HEADER = new TrajectoryHeader("t.xyz", "test", null, AtomTable.of("Li", "S"),
      Cell.orthorhombic(10, 10, 10), 2.0, true, List.of());

  /** Frame i puts atom 0 at x = i, atom 1 at x = 2i. */
  private static List<Frame> frames(int n) {
    List<Frame> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Frame(i, 2.0 * i, Cell.orthorhombic(10, 10, 10), new double[] {i, 0, 0, 2 * i, 0, 0}, null, null, Energies.NONE));
    }
    return out;
  }

  /** The x of one atom in every frame, in the order seen, and the thread that saw them. */
  private record Seen(List<Double> x, String thread) {}

  private static Analysis<Seen> track(int atom) {
    return h -> new Accumulator<>() {
      private final List<Double> x = new ArrayList<>();
      private String thread;

      @Override
      public void accept(Frame f) {
        x.add(f.position(atom, 0));
        thread = Thread.currentThread().getName();
      }

      @Override
      public Seen finish() {
        return new Seen(List.copyOf(x), thread);
      }
    };
  }

  private static Analysis<Integer> failingAt(int frame) {
    return h -> new Accumulator<>() {
      private int n;

      @Override
      public void accept(Frame f) {
        if (n++ == frame) {
          throw new IllegalArgumentException("no good at frame " + frame);
        }
      }

      @Override
      public Integer finish() {
        return n;
      }
    };
  }

  @Test
  void everyAnalysisSeesEveryFrameOnceInOrder() {
    for (String serial : new String[] {"true", "false"}) {
      System.setProperty("interphase.serialPass", serial);
      try {
        Runner run = new Runner(FrameSources.of(HEADER, frames(1000)));
        Runner.Slot<Seen> a = run.add(track(0));
        Runner.Slot<Seen> b = run.add(track(1));
        Runner.Pass pass = run.run(Runner.Listener.NONE);
        assertEquals(1000, pass.frames());
        for (int i = 0; i < 1000; i++) {
          assertEquals(i, a.result().x().get(i), 0.0);
          assertEquals(2 * i, b.result().x().get(i), 0.0);
        }
        assertEquals(0.0, pass.firstFrame().position(0, 0), 0.0);
        assertEquals(999.0, pass.lastFrame().position(0, 0), 0.0);
      } finally {
        System.clearProperty("interphase.serialPass");
      }
    }
  }

  @Test
  void accumulatorsTakenByWhicheverWorkerIsFreeStillSeeEveryFrameInOrder() {
    // more analyses than workers, one of them slow: each accumulator moves between the workers batch by batch
    System.setProperty("interphase.analysisThreads", "2");
    try {
      Runner run = new Runner(FrameSources.of(HEADER, frames(3000)));
      List<Runner.Slot<Seen>> slots = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        slots.add(run.add(track(k % 2)));
      }
      Runner.Slot<Integer> slow = run.add(h -> new Accumulator<>() {
        private int n;

        @Override
        public void accept(Frame f) {
          java.util.concurrent.locks.LockSupport.parkNanos(20_000);
          assertEquals(n++, f.position(0, 0), 0.0, "frame order");
        }

        @Override
        public Integer finish() {
          return n;
        }
      });
      run.run(Runner.Listener.NONE);
      assertEquals(3000, slow.result());
      for (int k = 0; k < 6; k++) {
        List<Double> x = slots.get(k).result().x();
        assertEquals(3000, x.size());
        for (int i = 0; i < 3000; i++) {
          assertEquals((k % 2 + 1) * i, x.get(i), 0.0);
        }
      }
    } finally {
      System.clearProperty("interphase.analysisThreads");
    }
  }

  /** An analysis whose finish waits (up to 10 s) for the other's finish to have begun. */
  private static Analysis<Boolean> meeting(java.util.concurrent.CountDownLatch started) {
    return h -> new Accumulator<>() {
      @Override
      public void accept(Frame f) {}

      @Override
      public Boolean finish() {
        started.countDown();
        try {
          return started.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    };
  }

  @Test
  void analysesFedByOneWorkerFinishSideBySide() {
    // only where the pass runs in parallel at all (more than one core)
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the pass is serial");
    System.setProperty("interphase.analysisThreads", "1");
    try {
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
      Runner run = new Runner(FrameSources.of(HEADER, frames(10)));
      Runner.Slot<Boolean> a = run.add(meeting(started));
      Runner.Slot<Boolean> b = run.add(meeting(started));
      run.run(Runner.Listener.NONE);
      assertTrue(a.result(), "the first finish saw the second begin");
      assertTrue(b.result(), "the second finish saw the first begin");
    } finally {
      System.clearProperty("interphase.analysisThreads");
    }
  }

  @Test
  void aFailingAnalysisLeavesTheOthersTheirResults() {
    Runner run = new Runner(FrameSources.of(HEADER, frames(50)));
    Runner.Slot<Integer> bad = run.add(failingAt(7));
    Runner.Slot<Seen> good = run.add(track(0));
    Runner.Slot<Seen> refused = run.add(h -> {
      throw new IllegalArgumentException("no Na atoms in t.xyz");
    });
    run.run(Runner.Listener.NONE);
    assertFalse(bad.ok());
    assertEquals("no good at frame 7", bad.failure());
    assertThrows(IllegalArgumentException.class, bad::result);
    assertEquals("no Na atoms in t.xyz", refused.failure());
    assertTrue(good.ok());
    assertEquals(50, good.result().x().size());
  }

  @Test
  void aBrokenFileEndsThePassWithTheReadersError() {
    List<Frame> fs = frames(30);
    FrameSource broken = new FrameSource() {
      private int i;

      @Override
      public TrajectoryHeader header() {
        return HEADER;
      }

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Frame next() {
        if (i == 20) {
          throw new MalformedInputException("t.xyz", 42, "3 coordinates", "x y");
        }
        if (i >= fs.size()) {
          throw new NoSuchElementException();
        }
        return fs.get(i++);
      }

      @Override
      public List<Warning> warnings() {
        return List.of();
      }

      @Override
      public void close() {}
    };
    Runner run = new Runner(broken);
    run.add(track(0));
    run.add(track(1));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> run.run(Runner.Listener.NONE));
    assertTrue(e.getMessage().contains("t.xyz:42"), e.getMessage());
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("interphase-analysis") && t.isAlive()
        && t.getState() == Thread.State.RUNNABLE));
  }
}
