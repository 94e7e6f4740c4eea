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
 * propagate. Not thread-safe.
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
      slot.accumulator = analysis.start(source.header());
    } catch (IllegalArgumentException | InterphaseException e) {
      slot.failure = e;
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
    long n = 0;
    Frame first = null;
    Frame last = null;
    while (source.hasNext()) {
      Frame f = source.next();
      if (first == null) {
        first = f;
      }
      last = f;
      for (Slot<?> s : slots) {
        s.feed(f);
      }
      listener.advanced(++n);
    }
    for (Slot<?> s : slots) {
      s.complete();
    }
    listener.finished(n);
    return new Pass(source.header(), n, first, last, source.typedWarnings());
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
    private Accumulator<R> accumulator;
    private R result;
    private RuntimeException failure;

    private Slot() {}

    private void feed(Frame f) {
      if (failure != null) {
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
      if (failure != null) {
        return;
      }
      try {
        result = accumulator.finish();
      } catch (IllegalArgumentException | InterphaseException e) {
        failure = e;
      }
      accumulator = null;
    }

    /** Whether the analysis gave a result. */
    public boolean ok() {
      return failure == null && result != null;
    }

    /**
     * The result.
     *
     * @throws RuntimeException the analysis's own exception when it failed
     * @throws IllegalStateException before the pass has run
     */
    public R result() {
      if (failure != null) {
        throw failure;
      }
      if (result == null) {
        throw new IllegalStateException("the pass has not run");
      }
      return result;
    }

    /** Why there is no result ({@code null} when there is one). */
    public String failure() {
      return failure == null ? null : failure.getMessage();
    }
  }
}
