package org.interphase.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps at most {@code n} frames of a pass, evenly spread over it, without knowing its length in
 * advance: every {@code s}-th frame is kept (frame 0 first), and whenever that would make more than
 * {@code n}, every other kept frame is dropped and {@code s} doubles. At the end between ⌈n/2⌉ and
 * {@code n} frames are kept (fewer only when the pass has fewer), spaced by a power of two, with
 * frame 0 always among them. Memory: at most {@code n} frames.
 */
public final class FrameSampler implements Analysis<List<FrameSampler.Sampled>> {
  private final int n;

  /**
   * A sampler.
   *
   * @param n the most frames to keep, at least 2
   * @throws IllegalArgumentException for {@code n < 2}
   */
  public FrameSampler(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("a sample needs at least 2 frames, got " + n);
    }
    this.n = n;
  }

  /**
   * A kept frame.
   *
   * @param index its index in the pass, 0-based
   * @param frame the frame
   */
  public record Sampled(int index, Frame frame) {}

  @Override
  public Accumulator<List<Sampled>> start(TrajectoryHeader header) {
    return new Accumulator<>() {
      private final List<Sampled> kept = new ArrayList<>();
      private int stride = 1;
      private int seen;

      @Override
      public void accept(Frame f) {
        if (seen % stride == 0) {
          if (kept.size() == n) {
            stride *= 2;
            List<Sampled> halved = new ArrayList<>();
            for (Sampled s : kept) {
              if (s.index() % stride == 0) {
                halved.add(s);
              }
            }
            kept.clear();
            kept.addAll(halved);
          }
          if (seen % stride == 0) {
            kept.add(new Sampled(seen, f));
          }
        }
        seen++;
      }

      @Override
      public List<Sampled> finish() {
        if (seen == 0) {
          throw new IllegalArgumentException("no frames to sample");
        }
        return List.copyOf(kept);
      }
    };
  }
}
