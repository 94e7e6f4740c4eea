package org.interphase.analysis.bonds;

/**
 * Which frames around each bond event {@link BondAnalysis} keeps, for showing an event as it happens:
 * frames {@code e + k·strideFrames} for {@code k = −samplesEachSide … samplesEachSide}, {@code e} the
 * event's frame, of the first {@code maxEvents} events in frame order. An event is known only once it
 * has lasted the dwell, so the analysis holds the last {@code samplesEachSide·strideFrames} frames
 * plus the dwell in a ring and keeps the later ones as they come; it never reads a frame twice.
 * Memory: that ring plus at most {@code maxEvents·(2·samplesEachSide + 1)} frames.
 *
 * @param samplesEachSide frames kept before and after the event's frame, at least 1
 * @param strideFrames spacing of the kept frames, at least 1
 * @param maxEvents the most events whose frames are kept (0: none)
 * @throws IllegalArgumentException for a value below its least
 */
public record EventWindow(int samplesEachSide, int strideFrames, int maxEvents) {

  public EventWindow {
    if (samplesEachSide < 1 || strideFrames < 1 || maxEvents < 0) {
      throw new IllegalArgumentException("an event window needs at least 1 sample each side, a stride of at least 1 frame and "
          + "maxEvents ≥ 0, got " + samplesEachSide + ", " + strideFrames + ", " + maxEvents);
    }
  }

  /** No frames kept. */
  public static final EventWindow NONE = new EventWindow(1, 1, 0);

  /** Frames from the event's frame back to the earliest kept one. */
  int reachBackFrames() {
    return samplesEachSide * strideFrames;
  }

  /** The frames of an event at frame {@code e} (those before 0 left out), ascending. */
  public int[] framesAround(int e) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int k = -samplesEachSide; k <= samplesEachSide; k++) {
      int f = e + k * strideFrames;
      if (f >= 0) {
        out.add(f);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
