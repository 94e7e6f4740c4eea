package org.interphase.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * worker threads as there are cores (each accumulator fed by one worker at a time, every frame in order,
 * the workers turning to whichever accumulator has frames waiting: results identical to a serial pass;
 * the reading's threads wait for the file and for room in the queues part of the time, and the operating
 * system shares the cores between them and the workers; the system property {@code
 * interphase.serialPass=true} turns this off, {@code interphase.analysisThreads=N} sets the workers);
 * {@link #run} then returns when the reading ends, and each slot's {@link Slot#result()} waits for its
 * own analysis to finish, so a caller can
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
   * The accumulators fed by a pool of worker threads, each accumulator through its own short queue of frames in frame order, so
   * that the analyses run side by side with the reading. Which worker runs an accumulator is decided frame batch by frame batch:
   * a worker takes the next accumulator with frames waiting, feeds it at most {@value #BATCH} of them and queues it again behind
   * the others, so that a costly accumulator gets the time it needs and the cheap ones do not leave a worker idle (the load is
   * balanced as it comes, not by the order of the analyses). At most one worker feeds an accumulator at a time, and it sees every
   * frame once, in order: results are those of a serial pass. Frames are immutable.
   */
  private static final class Parallel implements Feed {
    private static final Object END = new Object();
    /** Frames an accumulator may have waiting before the reading waits for it. */
    private static final int QUEUE = 64;
    /** Frames a worker feeds one accumulator before it turns to the next one waiting. */
    private static final int BATCH = 16;
    private final List<Lane> lanes = new ArrayList<>();
    private final java.util.concurrent.ThreadPoolExecutor pool;

    Parallel(List<Slot<?>> live, int workers) {
      java.util.concurrent.atomic.AtomicInteger named = new java.util.concurrent.atomic.AtomicInteger();
      // idle workers end after a second: after the last frame nothing is left to feed
      pool = new java.util.concurrent.ThreadPoolExecutor(workers, workers, 1, java.util.concurrent.TimeUnit.SECONDS,
          new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "interphase-analysis-" + named.getAndIncrement());
            t.setDaemon(true);
            return t;
          });
      pool.allowCoreThreadTimeOut(true);
      live.forEach(s -> lanes.add(new Lane(s)));
    }

    /** One accumulator's queue of frames, fed by whichever worker takes it. */
    private final class Lane implements Runnable {
      private final Slot<?> slot;
      private final java.util.concurrent.ConcurrentLinkedQueue<Object> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
      private final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(QUEUE);
      private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();

      Lane(Slot<?> slot) {
        this.slot = slot;
      }

      void offer(Object o) throws InterruptedException {
        room.acquire();
        waiting.add(o);
        schedule();
      }

      /** Queues the lane for a worker when it has frames waiting and is neither queued nor being fed. */
      private void schedule() {
        if (!waiting.isEmpty() && queued.compareAndSet(false, true)) {
          try {
            pool.execute(this);
          } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // the pass was stopped
          }
        }
      }

      @Override
      public void run() {
        for (int k = 0; k < BATCH; k++) {
          Object o = waiting.poll();
          if (o == null) {
            break;
          }
          room.release();
          if (o == END) {
            // the accumulators finish side by side, each in a thread of its own; a slot's result() waits for its own
            Thread t = new Thread(() -> completeOrMark(slot), "interphase-finish-" + lanes.indexOf(this));
            t.setDaemon(true);
            t.start();
            break;
          }
          try {
            slot.feed((Frame) o);
          } catch (RuntimeException | Error e) {
            slot.crashed(e);
          }
        }
        queued.set(false);
        schedule();
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
        for (Lane l : lanes) {
          l.offer(o);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while feeding the analyses", e);
      }
    }

    @Override
    public void finish() {
      put(END);
    }

    @Override
    public void abort() {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      lanes.forEach(l -> l.slot.crashed(new IllegalStateException("the pass was stopped")));
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
