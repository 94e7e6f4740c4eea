package org.interphase.core;

import java.util.ArrayDeque;

/**
 * Keeps one frame of a pass for a picture: by index (negative counts from the end, the last by
 * default) or the frame nearest a time. Memory: one frame, or |index| frames for a negative index.
 */
public final class FramePicker implements Analysis<FramePicker.Picked> {
  private final Integer index;
  private final Double timePs;

  private FramePicker(Integer index, Double timePs) {
    this.index = index;
    this.timePs = timePs;
  }

  /** The frame at {@code index} (0-based; −1 the last, −2 the one before …). */
  public static FramePicker atIndex(int index) {
    return new FramePicker(index, null);
  }

  /** The last frame. */
  public static FramePicker last() {
    return atIndex(-1);
  }

  /** The frame whose time is nearest {@code timePs} (ps). */
  public static FramePicker nearestTime(double timePs) {
    return new FramePicker(null, timePs);
  }

  /**
   * The frame kept.
   *
   * @param index its index in the pass, 0-based
   * @param frame the frame
   * @param frames frames in the pass
   */
  public record Picked(int index, Frame frame, long frames) {}

  @Override
  public Accumulator<Picked> start(TrajectoryHeader header) {
    return new Accumulator<>() {
      private final ArrayDeque<Frame> tail = new ArrayDeque<>();
      private int seen;
      private Frame kept;
      private int keptIndex = -1;
      private double best = Double.MAX_VALUE;

      @Override
      public void accept(Frame f) {
        if (timePs != null) {
          double d = Math.abs(f.timeFs() / 1000 - timePs);
          if (d < best) {
            best = d;
            kept = f;
            keptIndex = seen;
          }
        } else if (index >= 0) {
          if (seen == index) {
            kept = f;
            keptIndex = seen;
          }
        } else {
          tail.addLast(f);
          if (tail.size() > -index) {
            tail.removeFirst();
          }
        }
        seen++;
      }

      @Override
      public Picked finish() {
        if (timePs == null && index < 0 && tail.size() == -index) {
          kept = tail.peekFirst();
          keptIndex = seen + index;
        }
        if (kept == null) {
          int shown = index == null ? 0 : index < 0 ? seen + index : index;
          throw new IllegalArgumentException("frame " + shown + " is outside the run's " + seen + " frames");
        }
        return new Picked(keptIndex, kept, seen);
      }
    };
  }
}
