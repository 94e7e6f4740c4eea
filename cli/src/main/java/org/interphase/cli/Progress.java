package org.interphase.cli;

import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;

/**
 * Feeds every frame of a source to a consumer, with a progress bar on stderr when stderr is a
 * terminal; without one (pipes, batch jobs) a {@code note:} line on stderr after 10 s and then every
 * 30 s, so a Slurm log shows how far a long read has got. Stdout stays clean.
 */
final class Progress {
  private Progress() {}

  static long feed(FrameSource src, String task, Consumer<Frame> sink) {
    boolean show = System.console() != null && !Boolean.getBoolean("interphase.noProgress");
    long n = 0;
    if (!show) {
      // no terminal (a pipe, a batch job's log): a plain note after 10 s and then every 30 s, so a Slurm log shows progress
      long start = System.nanoTime();
      long nextNote = start + 10_000_000_000L;
      while (src.hasNext()) {
        sink.accept(src.next());
        n++;
        if ((n & 0xff) == 0 && System.nanoTime() > nextNote) {
          long now = System.nanoTime();
          System.err.printf(java.util.Locale.ROOT, "note: %s: %d frames in %.0f s%n", task, n, (now - start) / 1e9);
          System.err.flush();
          nextNote = now + 30_000_000_000L;
        }
      }
      return n;
    }
    try (ProgressBar pb = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1)
        .setInitialMax(-1).continuousUpdate().build()) {
      while (src.hasNext()) {
        sink.accept(src.next());
        n++;
        pb.step();
      }
    }
    return n;
  }
}
