package org.interphase.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.interphase.core.FrameSource;
import org.interphase.core.Runner;

/**
 * The progress of a pass on stderr: a bar when stderr is a terminal; without one (pipes, batch
 * jobs) a {@code note:} line after 10 s and then every 30 s, so a Slurm log shows how far a long
 * read has got. Stdout stays clean.
 */
final class Progress implements Runner.Listener {
  private final String task;
  private final ProgressBar bar;
  private final long start = System.nanoTime();
  private long nextNote = start + 10_000_000_000L;

  private Progress(String task) {
    this.task = task;
    boolean terminal = System.console() != null && !Boolean.getBoolean("interphase.noProgress");
    this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1)
        .setInitialMax(-1).continuousUpdate().build() : null;
  }

  /** A listener for one pass, named after what it reads. */
  static Progress of(String task) {
    return new Progress(task);
  }

  /** A listener named after the source's file. */
  static Progress of(FrameSource src) {
    return new Progress("reading " + java.nio.file.Path.of(src.header().source()).getFileName());
  }

  @Override
  public void advanced(long frames) {
    if (bar != null) {
      bar.stepTo(frames);
      return;
    }
    if ((frames & 0xff) == 0 && System.nanoTime() > nextNote) {
      long now = System.nanoTime();
      System.err.printf(Locale.ROOT, "note: %s: %d frames in %.0f s%n", task, frames, (now - start) / 1e9);
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
