package org.interphase.core;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Helpers around {@link FrameSource}: slicing, in-memory sources, collecting small trajectories. */
public final class FrameSources {
  private FrameSources() {}

  /** See {@link FrameSource#sliced(int, int)}. */
  public static FrameSource sliced(FrameSource inner, int start, int stride) {
    if (start < 0) {
      throw new IllegalArgumentException("start must be >= 0, got " + start);
    }
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be >= 1, got " + stride);
    }
    return new FrameSource() {
      private long index;

      @Override
      public TrajectoryHeader header() {
        TrajectoryHeader h = inner.header();
        double dt = h.timestepFs() * stride;
        return h.withTimestep(dt, stride == 1 ? h.timestepSource() : h.timestepSource() + " × stride " + stride);
      }

      @Override
      public boolean hasNext() {
        while (index < start && inner.hasNext()) {
          inner.next();
          index++;
        }
        while ((index - start) % stride != 0 && inner.hasNext()) {
          inner.next();
          index++;
        }
        return index >= start && (index - start) % stride == 0 && inner.hasNext();
      }

      @Override
      public Frame next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        index++;
        return inner.next();
      }

      @Override
      public List<String> warnings() {
        return inner.warnings();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  /** A source over frames already in memory (NEB image sets, tests). */
  public static FrameSource of(TrajectoryHeader header, List<Frame> frames) {
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
      public List<String> warnings() {
        return List.of();
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
