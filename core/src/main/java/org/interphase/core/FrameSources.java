package org.interphase.core;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Helpers around {@link FrameSource}: re-timing, another header, in-memory sources, collecting small trajectories. */
public final class FrameSources {
  private FrameSources() {}

  /**
   * A view of {@code inner} that gives its frames the user's time step: the header says {@code fs}
   * from {@code "command line --timestep-fs"}, and frame {@code i} (0-based, in delivery order) has
   * time {@code i × fs}, whatever the files said. This is what the analyses do with a given time
   * step ({@code frames × dt}), so every number stays the same. When the reader's own time step
   * differs from {@code fs} by more than 1e-9 relative, a {@link Warning.Input#CONFLICT} warning
   * names both, placed after the warnings the reader raised while opening. When the files give none but
   * number the MD steps between frames ({@link TrajectoryHeader#stepsPerFrame()}) and {@code fs} would make
   * each step shorter than {@value #SHORTEST_PLAUSIBLE_MD_STEP_FS} fs, such a warning says that {@code fs}
   * looks like the MD step (VASP's POTIM), not the time between stored frames.
   *
   * @param fs time between stored frames in fs, {@code > 0}
   * @throws IllegalArgumentException when {@code fs} is not a positive number
   */
  public static FrameSource retimed(FrameSource inner, double fs) {
    check(fs);
    TrajectoryHeader own = inner.header();
    double dt = own.timestepFs();
    long steps = own.stepsPerFrame();
    Warning questioned = null;
    if (!Double.isNaN(dt) && Math.abs(fs - dt) > 1e-9 * Math.max(1, Math.abs(dt))) {
      questioned = new Warning(Warning.Input.CONFLICT, "--timestep-fs " + fsText(fs) + " fs differs from the " + fsText(dt)
          + " fs between frames the files give (" + own.timestepSource() + "); --timestep-fs used");
    } else if (Double.isNaN(dt) && steps > 1 && fs / steps < SHORTEST_PLAUSIBLE_MD_STEP_FS) {
      questioned = new Warning(Warning.Input.TIME_STEP, "--timestep-fs " + fsText(fs) + " fs is the time between stored frames, and the "
          + "files number them " + steps + " MD steps apart: each MD step would be " + fsText(fs / steps) + " fs; if " + fsText(fs)
          + " fs is the MD step (VASP's POTIM), pass --timestep-fs " + fsText(fs * steps) + " or --md-step-fs " + fsText(fs));
    }
    return retimed(inner, fs, "command line --timestep-fs", questioned);
  }

  /**
   * Below this MD step (fs) a time between frames given as {@code --timestep-fs} is questioned ({@link #retimed(FrameSource,
   * double)}): AIMD and ML-potential runs use 0.25–5 fs.
   */
  static final double SHORTEST_PLAUSIBLE_MD_STEP_FS = 0.1;

  /**
   * {@code inner} with the frames {@code fs} apart, the time step from {@code sourceOfTimestep} (e.g. a user's MD step times the
   * MD steps between frames), without the warnings of {@link #retimed(FrameSource, double)}.
   *
   * @throws IllegalArgumentException when {@code fs} is not a positive number
   */
  public static FrameSource retimed(FrameSource inner, double fs, String sourceOfTimestep) {
    check(fs);
    return retimed(inner, fs, sourceOfTimestep, null);
  }

  /**
   * {@code inner} re-timed by a user's MD step: the frames {@code mdStepFs} × {@link TrajectoryHeader#stepsPerFrame()} apart. Where
   * the files give their own time between frames and it differs from that product, the user's MD step is used and a warning ({@link
   * Warning.Input#CONFLICT}) names both; where they agree, {@code inner} is returned as it is.
   *
   * @param mdStepFs the MD integration step, fs, {@code > 0}
   * @throws IllegalArgumentException when {@code mdStepFs} is not a positive number, or the files do not number the MD steps
   *     between stored frames (then no time between frames follows from an MD step; the message says to pass --timestep-fs)
   */
  public static FrameSource retimedByMdStep(FrameSource inner, double mdStepFs) {
    check(mdStepFs);
    TrajectoryHeader own = inner.header();
    long steps = own.stepsPerFrame();
    double dt = own.timestepFs();
    if (steps <= 0) {
      throw new IllegalArgumentException(own.source() + ": the files do not say how many MD steps lie between the stored frames"
          + (Double.isNaN(dt) ? "" : " (they give " + fsText(dt) + " fs between frames, " + own.timestepSource() + ")")
          + (own.format() != null && own.format().contains("xdatcar") ? " (configurations numbered 1, 2, 3… may have been "
          + "renumbered after being written every NBLOCK steps)" : "") + ", so --md-step-fs " + fsText(mdStepFs) + " gives no time "
          + "between them; pass --timestep-fs with the time between stored frames (for VASP, POTIM × NBLOCK)");
    }
    double fs = steps * mdStepFs;
    String source = String.format(java.util.Locale.ROOT, "command line --md-step-fs × MD steps between frames (%s fs × %d)",
        fsText(mdStepFs), steps);
    if (Double.isNaN(dt)) {
      return retimed(inner, fs, source, null);
    }
    if (Math.abs(fs - dt) <= 1e-9 * Math.max(1, Math.abs(dt))) {
      return inner;
    }
    return retimed(inner, fs, source, new Warning(Warning.Input.CONFLICT, "--md-step-fs " + fsText(mdStepFs) + " fs differs from the "
        + fsText(dt / steps) + " fs MD step the files give (" + own.timestepSource() + "; " + steps + " MD step" + (steps == 1 ? "" : "s")
        + " between frames); --md-step-fs used: " + fsText(fs) + " fs between frames"));
  }

  private static void check(double fs) {
    if (!(fs > 0) || Double.isInfinite(fs)) {
      throw new IllegalArgumentException("time step must be > 0 fs, got " + fs);
    }
  }

  /** The re-timing source; {@code extra} (or null) goes after the warnings the reader raised while opening. */
  private static FrameSource retimed(FrameSource inner, double fs, String sourceOfTimestep, Warning extra) {
    TrajectoryHeader header = inner.header().withTimestep(fs, sourceOfTimestep);
    int at = inner.warnings().size();
    return new Delegating(inner, header) {
      private long index;

      @Override
      public Frame next() {
        Frame f = inner.next();
        return f.withTime(f.step(), index++ * fs);
      }

      @Override
      public List<Warning> warnings() {
        List<Warning> w = new ArrayList<>(inner.warnings());
        if (extra != null) {
          w.add(Math.min(at, w.size()), extra);
        }
        return List.copyOf(w);
      }
    };
  }

  /** {@code inner} with another header (the frames and warnings are {@code inner}'s). */
  public static FrameSource withHeader(FrameSource inner, TrajectoryHeader header) {
    return new Delegating(inner, header);
  }

  /** A source that hands on another's frames and warnings under its own header. */
  private static class Delegating implements FrameSource {
    final FrameSource inner;
    private final TrajectoryHeader header;

    Delegating(FrameSource inner, TrajectoryHeader header) {
      this.inner = inner;
      this.header = header;
    }

    @Override
    public TrajectoryHeader header() {
      return header;
    }

    @Override
    public boolean hasNext() {
      return inner.hasNext();
    }

    @Override
    public Frame next() {
      return inner.next();
    }

    @Override
    public List<Warning> warnings() {
      return inner.warnings();
    }

    @Override
    public long expectedFrames() {
      return inner.expectedFrames();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** A number of fs as a person writes it: 2, 0.5, 1.25 (at most 6 decimals). */
  public static String fsText(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    String s = String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A source over frames already in memory (NEB image sets, tests). */
  public static FrameSource of(TrajectoryHeader header, List<Frame> frames) {
    return of(header, frames, List.of());
  }

  /**
   * A source over frames already in memory with the warnings their reader raised.
   *
   * @param warnings returned by {@link FrameSource#warnings()} from the start, in this order
   */
  public static FrameSource of(TrajectoryHeader header, List<Frame> frames, List<Warning> warnings) {
    List<Warning> w = List.copyOf(warnings);
    List<Frame> copy = List.copyOf(frames);
    return new FrameSource() {
      private int next;

      @Override
      public TrajectoryHeader header() {
        return header;
      }

      @Override
      public boolean hasNext() {
        return next < copy.size();
      }

      @Override
      public Frame next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return copy.get(next++);
      }

      @Override
      public List<Warning> warnings() {
        return w;
      }

      @Override
      public void close() {}
    };
  }

  /** Reads all remaining frames into a list and closes the source. For small inputs only. */
  public static List<Frame> readAll(FrameSource source) {
    try (source) {
      List<Frame> out = new ArrayList<>();
      while (source.hasNext()) {
        out.add(source.next());
      }
      return out;
    }
  }
}
