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
    int lineLength = -1;
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
        int next = lineLength < 0 ? -1 : fixedAtomLine(text, p, p + lineLength, length, label[i], values, 3 * i, factor);
        if (next >= 0) {
          p = next;
          continue;
        }
        end = lineEnd(text, p, length);
        if (end == length || !atomLine(text, p, trimCr(text, p, end), label[i], num, values, 3 * i, factor)) {
          return c.stop(frameStart, frameLine);
        }
        // the next atom line is tried at this one's length first (a file's atom lines all have one length)
        lineLength = end - p;
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

  /** Width of a coordinate as CP2K writes it (F20.10). */
  private static final int FIELD = 20;

  /**
   * An atom line as CP2K writes it, {@code t[from, end)} with a line end at {@code end}: blanks, {@code label}, blanks,
   * and three F20.10 fields that end the line, read at fixed places into {@code out[at…at+2]} (times {@code factor}) with
   * the values {@link NumberScanner#scanPlain} gives them (the integer of all digits over 10¹⁰); the index after the line
   * end, or {@code -1} when the line is anything else or does not end at {@code end}, which {@link #atomLine} then reads.
   * Every byte before {@code end} is checked, so no line end is skipped.
   */
  private static int fixedAtomLine(byte[] t, int from, int end, int length, byte[] label, double[] out, int at, double factor) {
    int fields = end - 3 * FIELD;
    if (end >= length || t[end] != '\n' || fields < from + label.length) {
      return -1;
    }
    int p = from;
    while (p < fields && t[p] == ' ') {
      p++;
    }
    if (p + label.length > fields) {
      return -1;
    }
    if (!labelAt(t, p, label)) {
      return -1;
    }
    p += label.length;
    if (t[p] != ' ') {
      return -1;
    }
    for (; p < fields; p++) {
      if (t[p] != ' ') {
        return -1;
      }
    }
    for (int k = 0; k < 3; k++, p += FIELD) {
      if (!fixedField(t, p, out, at + k, factor)) {
        return -1;
      }
    }
    return end + 1;
  }

  /** One F20.10 field {@code t[f, f+20)}: blanks, an optional minus, 1–5 digits, a point, ten digits. */
  private static boolean fixedField(byte[] t, int f, double[] out, int at, double factor) {
    if (t[f + 9] != '.') {
      return false;
    }
    int d1 = t[f + 10] - '0';
    int d2 = t[f + 11] - '0';
    long last8 = NumberScanner.eightDigits(t, f + 12);
    if ((d1 | (9 - d1) | d2 | (9 - d2)) < 0 || last8 < 0) {
      return false;
    }
    long frac = (d1 * 10 + d2) * 100_000_000L + last8;
    long whole = 0;
    long scale = 1;
    int i = f + 8;
    for (; i >= f + 4 && t[i] >= '0' && t[i] <= '9'; i--) {
      whole += (t[i] - '0') * scale;
      scale *= 10;
    }
    if (i == f + 8) {
      return false;
    }
    boolean neg = t[i] == '-';
    if (neg) {
      i--;
    }
    for (; i >= f; i--) {
      if (t[i] != ' ') {
        return false;
      }
    }
    double v = (whole * 10_000_000_000L + frac) / 1e10;
    out[at] = (neg ? -v : v) * factor;
    return true;
  }

  /** Whether {@code t[p, p + label.length)} is {@code label} (the caller has checked that it lies in the line). */
  private static boolean labelAt(byte[] t, int p, byte[] label) {
    for (int k = 0; k < label.length; k++) {
      if (t[p + k] != label[k]) {
        return false;
      }
    }
    return true;
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
    if (!labelAt(t, p, label)) {
      return false;
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
