package org.interphase.parsers.cp2k;

import java.nio.charset.StandardCharsets;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.io.FrameChunk;
import org.interphase.parsers.io.NumberScanner;

/**
 * The frames of one chunk of a CP2K XYZ file, parsed by a worker thread: the atom count, the
 * comment {@code i = N, time = T, E = E}, then one line per atom with the label of the first frame
 * and three numbers. Anything else (another count, a comment without {@code i =}, another label, a
 * frame cut off at the end of the file) stops the chunk at the start of that frame; the sequential
 * reader takes over there, with its messages.
 */
final class Cp2kXyzChunk extends FrameChunk {
  /** The frames, their count lines counted from the chunk's first line (0). */
  XyzBlock[] blocks;

  private Cp2kXyzChunk() {}

  /** Whether a line starts a frame: it holds only a whole number (the atom count). */
  static boolean isFrameStart(byte[] t, int from, int to) {
    int i = from;
    while (i < to && NumberScanner.isSpace(t[i])) {
      i++;
    }
    int digits = 0;
    while (i < to && t[i] >= '0' && t[i] <= '9') {
      i++;
      digits++;
    }
    while (i < to && NumberScanner.isSpace(t[i])) {
      i++;
    }
    return digits > 0 && i == to;
  }

  /**
   * Parses {@code text[0, length)} into frames of {@code labels.length} atoms with those labels,
   * the numbers multiplied by {@code factor} (unit conversion).
   */
  static Cp2kXyzChunk parse(byte[] text, int length, String[] labels, double factor, String source) {
    int atoms = labels.length;
    byte[][] label = new byte[atoms][];
    for (int i = 0; i < atoms; i++) {
      label[i] = labels[i].getBytes(StandardCharsets.ISO_8859_1);
    }
    Cp2kXyzChunk c = new Cp2kXyzChunk();
    c.blocks = new XyzBlock[Math.max(4, length / Math.max(1, 40 * atoms))];
    NumberScanner num = new NumberScanner();
    int p = 0;
    long line = 0;
    while (p < length) {
      int frameStart = p;
      long frameLine = line;
      int end = lineEnd(text, p, length);
      if (end == length || !isFrameStart(text, p, end) || count(text, p, end) != atoms) {
        return c.stop(frameStart, frameLine);
      }
      p = end + 1;
      end = lineEnd(text, p, length);
      if (end == length) {
        return c.stop(frameStart, frameLine);
      }
      String comment = new String(text, p, trimCr(text, p, end) - p, StandardCharsets.ISO_8859_1);
      if (!comment.contains("i =")) {
        return c.stop(frameStart, frameLine);
      }
      double[] parsed;
      try {
        parsed = Cp2kXyzReader.comment(comment, 0, source, 0);
      } catch (MalformedInputException e) {
        return c.stop(frameStart, frameLine);
      }
      p = end + 1;
      double[] values = new double[3 * atoms];
      for (int i = 0; i < atoms; i++) {
        end = lineEnd(text, p, length);
        if (end == length || !atomLine(text, p, trimCr(text, p, end), label[i], num, values, 3 * i, factor)) {
          return c.stop(frameStart, frameLine);
        }
        p = end + 1;
      }
      line += 2 + atoms;
      c.add(new XyzBlock((long) parsed[0], parsed[1], parsed[2], labels.clone(), values, frameLine));
    }
    c.endedAfter(line);
    return c;
  }

  private Cp2kXyzChunk stop(int offset, long line) {
    stopAt(offset, line);
    return this;
  }

  private void add(XyzBlock b) {
    if (frames == blocks.length) {
      blocks = java.util.Arrays.copyOf(blocks, 2 * frames);
    }
    blocks[frames++] = b;
  }

  private static long count(byte[] t, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      if (t[i] >= '0' && t[i] <= '9') {
        v = v * 10 + (t[i] - '0');
        if (v > Integer.MAX_VALUE) {
          return -1;
        }
      }
    }
    return v;
  }

  /** {@code label} then three finite numbers (anything after them is ignored, as the sequential reader does). */
  private static boolean atomLine(byte[] t, int from, int end, byte[] label, NumberScanner num, double[] out, int at, double factor) {
    int p = from;
    while (p < end && NumberScanner.isSpace(t[p])) {
      p++;
    }
    if (p + label.length > end) {
      return false;
    }
    for (int k = 0; k < label.length; k++) {
      if (t[p + k] != label[k]) {
        return false;
      }
    }
    p += label.length;
    if (p < end && !NumberScanner.isSpace(t[p])) {
      return false;
    }
    for (int k = 0; k < 3; k++) {
      while (p < end && (t[p] == ' ' || NumberScanner.isSpace(t[p]) || t[p] == ',')) {
        p++;
      }
      int q = NumberScanner.scanPlain(t, p, end, out, at + k);
      if (q >= 0) {
        out[at + k] = out[at + k] * factor;
      } else {
        q = num.scan(t, p, end);
        if (q < 0 || !Double.isFinite(num.value())) {
          return false;
        }
        out[at + k] = num.value() * factor;
      }
      p = q;
    }
    return true;
  }

  /**
   * The first pass over one chunk: step, time and count line of each frame of {@code atoms} atoms,
   * the atom lines skipped unparsed. Stops (like {@link #parse}) at anything else.
   *
   * @return {@code {steps, times, lines}} as {@code long[]}, {@code double[]}, {@code long[]} of the
   *     frames found, and in {@code stop} the chunk offset and line where it stopped ({@code -1} at the end)
   *     and, when {@code stop} has a third element, the lines of the chunk when it reached the end
   */
  static Object[] scan(byte[] text, int length, int atoms, String source, long[] stop) {
    int cap = Math.max(4, length / Math.max(1, 40 * atoms));
    long[] steps = new long[cap];
    double[] times = new double[cap];
    long[] lines = new long[cap];
    int frames = 0;
    int p = 0;
    long line = 0;
    stop[0] = -1;
    while (p < length) {
      int end = lineEnd(text, p, length);
      int commentEnd = end == length ? length : lineEnd(text, end + 1, length);
      double[] c = null;
      if (end < length && commentEnd < length && isFrameStart(text, p, end) && count(text, p, end) == atoms) {
        String comment = new String(text, end + 1, trimCr(text, end + 1, commentEnd) - end - 1, StandardCharsets.ISO_8859_1);
        try {
          c = comment.contains("i =") ? Cp2kXyzReader.comment(comment, 0, source, 0) : null;
        } catch (MalformedInputException e) {
          c = null;
        }
      }
      int q = commentEnd + 1;
      for (int i = 0; c != null && i < atoms; i++) {
        int e = lineEnd(text, q, length);
        if (e == length) {
          c = null;
        }
        q = e + 1;
      }
      if (c == null) {
        stop[0] = p;
        stop[1] = line;
        break;
      }
      if (frames == steps.length) {
        steps = java.util.Arrays.copyOf(steps, 2 * frames);
        times = java.util.Arrays.copyOf(times, 2 * frames);
        lines = java.util.Arrays.copyOf(lines, 2 * frames);
      }
      steps[frames] = (long) c[0];
      times[frames] = c[1];
      lines[frames] = line;
      frames++;
      p = q;
      line += 2 + atoms;
    }
    if (stop.length > 2) {
      stop[2] = line;
    }
    return new Object[] {java.util.Arrays.copyOf(steps, frames), java.util.Arrays.copyOf(times, frames),
        java.util.Arrays.copyOf(lines, frames)};
  }
}
