package org.interphase.cli;

import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;

/**
 * Feeds every frame of a source to a consumer, with a progress bar on stderr when stderr is a
 * terminal (never in pipes or tests, so machine-readable output stays clean).
 */
final class Progress {
  private Progress() {}

  static long feed(FrameSource src, String task, Consumer<Frame> sink) {
    boolean show = System.console() != null && !Boolean.getBoolean("interphase.noProgress");
    long n = 0;
    if (!show) {
      while (src.hasNext()) {
        sink.accept(src.next());
        n++;
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
