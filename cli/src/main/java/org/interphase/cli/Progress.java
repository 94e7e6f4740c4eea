package org.interphase.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.interphase.core.FrameSource;
import org.interphase.core.Runner;

/**
 * The progress of a pass on stderr. On a terminal, a bar (with the expected frame count where the
 * source knows or estimates it). Without one (pipes, a Slurm log), {@code note:} lines once the pass
 * has run for 2 s: at every tenth of the expected frames, with frames/s and the time left, or every
 * 30 s when the count is unknown. Stdout stays clean.
 */
final class Progress implements Runner.Listener {
  private static final long QUIET_NS = 2_000_000_000L;
  private final String task;
  private final long expected;
  private final ProgressBar bar;
  private final long start = System.nanoTime();
  private long nextNote = start + 10_000_000_000L;
  private int tenthsShown;

  private Progress(String task, long expected) {
    this.task = task;
    this.expected = expected;
    boolean terminal = System.console() != null && !Boolean.getBoolean("interphase.noProgress");
    this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1)
        .setInitialMax(expected > 0 ? expected : -1).continuousUpdate().build() : null;
  }

  /** A listener for one pass, named after what it reads, the frame count unknown. */
  static Progress of(String task) {
    return new Progress(task, -1);
  }

  /** A listener named after the source's file, expecting the frames the source expects. */
  static Progress of(FrameSource src) {
    return new Progress("reading " + java.nio.file.Path.of(src.header().source()).getFileName(), src.expectedFrames());
  }

  @Override
  public void advanced(long frames) {
    if (bar != null) {
      if (expected > 0 && frames > bar.getMax()) {
        bar.maxHint(-1); // the estimate was short: count on without a total
      }
      bar.stepTo(frames);
      return;
    }
    if ((frames & 0x3f) != 0) {
      return;
    }
    long now = System.nanoTime();
    double seconds = (now - start) / 1e9;
    if (expected > 0) {
      int tenths = (int) Math.min(9, frames * 10 / expected);
      if (tenths > tenthsShown && now - start > QUIET_NS) {
        tenthsShown = tenths;
        double rate = frames / seconds;
        System.err.printf(Locale.ROOT, "note: %s: %d %% (%d of ~%d frames), %.0f frames/s, ~%.0f s left%n", task, tenths * 10, frames,
            expected, rate, Math.max(0, expected - frames) / rate);
        System.err.flush();
      }
    } else if (now > nextNote) {
      System.err.printf(Locale.ROOT, "note: %s: %d frames in %.0f s (%.0f frames/s)%n", task, frames, seconds, frames / seconds);
      System.err.flush();
      nextNote = now + 30_000_000_000L;
    }
  }

  @Override
  public void finished(long frames) {
    if (bar != null) {
      bar.close();
    }
  }
}
