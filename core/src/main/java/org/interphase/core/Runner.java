package org.interphase.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds every analysis of a command or report from one streaming pass over a trajectory: each
 * frame is read once and handed to every accumulator in the order they were added.
 *
 * <pre>{@code
 * try (FrameSource src = …) {
 *   Runner run = new Runner(src);
 *   Runner.Slot<MsdResult> msd = run.add(new MeanSquaredDisplacement(p));
 *   Runner.Slot<BondResult> bonds = run.add(new BondAnalysis(b));
 *   Runner.Pass pass = run.run(listener);
 *   MsdResult r = msd.result();          // throws what the analysis threw, if it failed
 * }
 * }</pre>
 *
 * <p>An analysis that fails (its {@code start}, a frame or its {@code finish} throws an {@link
 * IllegalArgumentException} or an {@link InterphaseException} of its own) is dropped from the pass;
 * the others go on, and its slot holds the failure. Failures of the reader end the pass and
 * propagate. On a machine with more than one core the accumulators run beside the reading, in as many
 * worker threads as there are cores (each accumulator in one thread, fed every frame in order: results
 * identical to a serial pass; the reading's threads wait for the file and for room in the queues part of the
 * time, and the operating system shares the cores between them and the workers; the system property {@code
 * interphase.serialPass=true} turns this off, {@code interphase.analysisThreads=N} sets the workers);
 * {@link #run} then returns when the reading
 * ends, and each slot's {@link Slot#result()} waits for its own analysis to finish, so a caller can
 * show one result while another is still being finished. A runner is used from one thread.
 */
public final class Runner {
  private final FrameSource source;
  private final List<Slot<?>> slots = new ArrayList<>();
  private boolean ran;

  /** A runner over {@code source}; the caller closes the source. */
  public Runner(FrameSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The header of the trajectory. */
  public TrajectoryHeader header() {
    return source.header();
  }

  /**
   * Adds an analysis; its accumulator starts now, on the source's header.
   *
   * @throws IllegalStateException after {@link #run}
   */
  public <R> Slot<R> add(Analysis<R> analysis) {
    if (ran) {
      throw new IllegalStateException("the pass has run");
    }
    Slot<R> slot = new Slot<>();
    try {
      String notMd = source.header().notDynamics();
      if (notMd != null && analysis.needsDynamics()) {
        throw new IllegalArgumentException(source.header().source() + ": " + notMd + ": the frames are not molecular-dynamics steps but "
            + "the steps of a relaxation, single points or band images, so results in time (MSD, D, σ, van Hove correlation, hop rates) "
            + "have no meaning for them, whatever time step is given");
      }
      slot.accumulator = analysis.start(source.header());
    } catch (IllegalArgumentException | InterphaseException e) {
      slot.failure = e;
      slot.done.countDown();
    }
    slots.add(slot);
    return slot;
  }

  /**
   * Reads the trajectory to its end, feeding every frame to every live accumulator, then finishes
   * them.
   *
   * @param listener told of the frames read (progress), never {@code null}
   * @return what the pass read
   * @throws MalformedInputException and the reader's other exceptions, as they arise
   */
  public Pass run(Listener listener) {
    if (ran) {
      throw new IllegalStateException("the pass has run");
    }
    ran = true;
    List<Slot<?>> live = slots.stream().filter(s -> s.failure == null).toList();
    slots.forEach(s -> s.started = true);
    int cores = Runtime.getRuntime().availableProcessors();
    boolean parallel = !live.isEmpty() && cores > 1 && !Boolean.getBoolean("interphase.serialPass");
    // as many workers as cores: with one core kept for the reading, a report's analyses queued behind one worker while the
    // reading waited for them (2 cores: 25 s against 18 s for a 97 000-frame report, bench/run-report-bench.sh)
    int workers = Integer.getInteger("interphase.analysisThreads", cores);
    Feed feed = parallel ? new Parallel(live, Math.max(1, Math.min(live.size(), workers))) : new Feed() {
      @Override
      public void accept(Frame f) {
        live.forEach(s -> s.feed(f));
      }

      @Override
      public void finish() {
        live.forEach(Slot::complete);
      }
    };
    long n = 0;
    Frame first = null;
    Frame last = null;
    boolean done = false;
    try {
      while (source.hasNext()) {
        Frame f = source.next();
        if (first == null) {
          first = f;
        }
        last = f;
        feed.accept(f);
        listener.advanced(++n);
      }
      feed.finish();
      done = true;
    } finally {
      if (!done) {
        feed.abort();
      }
    }
    listener.finished(n);
    return new Pass(source.header(), n, first, last, source.warnings());
  }

  /** How frames reach the accumulators: in the reading thread, or through one worker thread each. */
  private interface Feed {
    void accept(Frame f);

    /** Finishes every accumulator (after the last frame). */
    void finish();

    /** Stops after a failure of the reader. */
    default void abort() {}
  }

  /**
   * The accumulators in worker threads (each in one), fed through short queues in frame order, so that
   * the analyses run side by side with the reading. Results are those of a serial pass:
   * every accumulator sees every frame once, in order, in one thread. Frames are immutable.
   */
  private static final class Parallel implements Feed {
    private static final Object END = new Object();
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Parallel(List<Slot<?>> live, int workers) {
      List<List<Slot<?>>> groups = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        groups.add(new ArrayList<>());
      }
      for (int i = 0; i < live.size(); i++) {
        groups.get(i % workers).add(live.get(i));
      }
      for (List<Slot<?>> group : groups) {
        BlockingQueue<Object> q = new ArrayBlockingQueue<>(64);
        Thread t = new Thread(() -> work(group, q), "interphase-analysis-" + threads.size());
        t.setDaemon(true);
        queues.add(q);
        threads.add(t);
        t.start();
      }
    }

    /**
     * Feeds a worker's slots every frame in order, then finishes them side by side (each finish in a
     * thread of its own but the last); a slot that throws is marked and skipped.
     */
    private void work(List<Slot<?>> group, BlockingQueue<Object> q) {
      try {
        while (true) {
          Object o = q.take();
          if (o == END) {
            for (int i = 0; i < group.size() - 1; i++) {
              Slot<?> s = group.get(i);
              Thread t = new Thread(() -> completeOrMark(s), Thread.currentThread().getName() + "-finish-" + s.hashCode());
              t.setDaemon(true);
              t.start();
            }
            if (!group.isEmpty()) {
              completeOrMark(group.get(group.size() - 1));
            }
            return;
          }
          for (Slot<?> s : group) {
            try {
              s.feed((Frame) o);
            } catch (RuntimeException | Error e) {
              s.crashed(e);
            }
          }
        }
      } catch (InterruptedException e) {
        group.forEach(s -> s.crashed(new IllegalStateException("the pass was stopped")));
        Thread.currentThread().interrupt();
      }
    }

    private static void completeOrMark(Slot<?> s) {
      try {
        s.complete();
      } catch (RuntimeException | Error e) {
        s.crashed(e);
      }
    }

    @Override
    public void accept(Frame f) {
      put(f);
    }

    private void put(Object o) {
      try {
        for (BlockingQueue<Object> q : queues) {
          q.put(o);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while feeding the analyses", e);
      }
    }

    @Override
    public void finish() {
      // the accumulators finish in their threads; a slot's result() waits for its own
      put(END);
    }

    @Override
    public void abort() {
      threads.forEach(Thread::interrupt);
      join();
    }

    private void join() {
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * What one pass read.
   *
   * @param frames frames read
   * @param firstFrame the first frame, {@code null} when there was none
   * @param lastFrame the last frame, {@code null} when there was none
   * @param warnings the reader's warnings, in the order they arose
   */
  public record Pass(TrajectoryHeader header, long frames, Frame firstFrame, Frame lastFrame, List<Warning> warnings) {
    public Pass {
      warnings = List.copyOf(warnings);
    }

    /** The warnings' texts. */
    public List<String> warningTexts() {
      return warnings.stream().map(Warning::text).toList();
    }
  }

  /** Progress of a pass; implementations print it (a bar on a terminal, note lines in a log). */
  public interface Listener {
    /** No progress shown. */
    Listener NONE = n -> {};

    /** {@code frames} frames have been read and fed. */
    void advanced(long frames);

    /** The pass has ended after {@code frames} frames. */
    default void finished(long frames) {}
  }

  /**
   * The place of one analysis in a pass: its result once the pass has run, or why there is none.
   *
   * @param <R> the result type
   */
  public static final class Slot<R> {
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private Accumulator<R> accumulator;
    private volatile R result;
    private volatile RuntimeException failure;
    private volatile Error crash;

    private Slot() {}

    private void feed(Frame f) {
      if (failure != null || crash != null) {
        return;
      }
      try {
        accumulator.accept(f);
      } catch (IllegalArgumentException | InterphaseException e) {
        failure = e;
        accumulator = null;
      }
    }

    private void complete() {
      try {
        if (failure == null && crash == null) {
          result = accumulator.finish();
        }
      } catch (IllegalArgumentException | InterphaseException e) {
        failure = e;
      } finally {
        accumulator = null;
        done.countDown();
      }
    }

    /** Marks the slot as ended by an unexpected exception of its accumulator (a bug, or out of memory). */
    private void crashed(Throwable t) {
      if (t instanceof Error e) {
        crash = e;
      } else {
        failure = t instanceof RuntimeException r ? r : new IllegalStateException(t);
      }
      accumulator = null;
      done.countDown();
    }

    /** Waits until the analysis has finished (its accumulator may finish in a thread of its own after the reading). */
    private void await() {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for an analysis", e);
      }
    }

    /** Whether the analysis gave a result; waits for it to finish. */
    public boolean ok() {
      await();
      if (crash != null) {
        throw crash;
      }
      return failure == null && result != null;
    }

    /**
     * The result; waits for the analysis to finish.
     *
     * @throws RuntimeException the analysis's own exception when it failed
     * @throws Error what ended its thread (e.g. {@link OutOfMemoryError})
     * @throws IllegalStateException before the pass has run
     */
    public R result() {
      if (!started && failure == null) {
        throw new IllegalStateException("the pass has not run");
      }
      await();
      if (crash != null) {
        throw crash;
      }
      if (failure != null) {
        throw failure;
      }
      return result;
    }

    private volatile boolean started;

    /** Why there is no result ({@code null} when there is one); waits for the analysis to finish. */
    public String failure() {
      await();
      return failure == null ? null : failure.getMessage();
    }
  }
}
