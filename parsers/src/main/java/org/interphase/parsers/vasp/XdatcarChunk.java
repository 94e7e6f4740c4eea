package org.interphase.parsers.vasp;

import org.interphase.core.Cell;
import org.interphase.parsers.io.FrameChunk;
import org.interphase.parsers.io.NumberScanner;

/**
 * The frames of one chunk of a fixed-cell XDATCAR in fractional coordinates, parsed by a worker
 * thread: {@code Direct configuration=  N} followed by {@code n} lines of three numbers, again and
 * again. Anything else (a repeated header, a blank separator, a label after the coordinates, a
 * frame cut off at the end of the file) stops the chunk at the start of that frame; the sequential
 * reader takes over there, with its messages and its policy for damaged files.
 */
final class XdatcarChunk extends FrameChunk {
  /** Configuration number of each frame, {@code -1} where the line has none. */
  long[] numbers;
  /** Line of each frame's configuration line, counted from the chunk's first line (0). */
  long[] frameLines;
  /** Cartesian positions of each frame (Å, flat). */
  double[][] positions;
  private XdatcarChunk() {}

  /** Whether a line starts a frame: it holds "configuration" (VASP 5) or "Konfig". */
  static boolean isFrameStart(byte[] t, int from, int to) {
    return indexOf(t, from, to, CONFIGURATION) >= 0 || indexOf(t, from, to, KONFIG) >= 0;
  }

  private static final byte[] CONFIGURATION = "configuration".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] KONFIG = "Konfig".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Parses {@code text[0, length)} into frames of {@code atoms} atoms in the fixed cell {@code cell}.
   */
  static XdatcarChunk parse(byte[] text, int length, int atoms, Cell cell) {
    XdatcarChunk c = new XdatcarChunk();
    int capacity = Math.max(4, length / Math.max(1, 30 * atoms));
    c.numbers = new long[capacity];
    c.frameLines = new long[capacity];
    c.positions = new double[capacity][];
    NumberScanner num = new NumberScanner();
    int p = 0;
    long line = 0;
    while (p < length) {
      int frameStart = p;
      long frameLine = line;
      int end = lineEnd(text, p, length);
      if (end == length || !isDirectConfiguration(text, p, end)) {
        return c.stop(frameStart, frameLine);
      }
      long number = configurationNumber(text, p, end);
      p = end + 1;
      line++;
      double[] pos = new double[3 * atoms];
      for (int i = 0; i < atoms; i++) {
        p = threeNumbers(text, p, length, num, pos, 3 * i);
        if (p < 0) {
          return c.stop(frameStart, frameLine);
        }
        line++;
      }
      cell.toCartesian(pos, pos);
      c.add(number, frameLine, pos);
    }
    c.endedAfter(line);
    return c;
  }

  private XdatcarChunk stop(int offset, long line) {
    stopAt(offset, line);
    return this;
  }

  private void add(long number, long line, double[] pos) {
    if (frames == numbers.length) {
      int grown = 2 * frames;
      numbers = java.util.Arrays.copyOf(numbers, grown);
      frameLines = java.util.Arrays.copyOf(frameLines, grown);
      positions = java.util.Arrays.copyOf(positions, grown);
    }
    numbers[frames] = number;
    frameLines[frames] = line;
    positions[frames] = pos;
    frames++;
  }

  /** A line {@code [from, to)} that reads "Direct configuration=" (any case of the first letter). */
  private static boolean isDirectConfiguration(byte[] t, int from, int to) {
    int i = from;
    while (i < to && t[i] == ' ') {
      i++;
    }
    return i + 6 <= to && (t[i] == 'D' || t[i] == 'd') && t[i + 1] == 'i' && t[i + 2] == 'r' && t[i + 3] == 'e' && t[i + 4] == 'c'
        && t[i + 5] == 't' && indexOf(t, i, to, CONFIGURATION) >= 0;
  }

  /** The number after "=", or {@code -1} when there is none (VASP prints ****** past 999999). */
  private static long configurationNumber(byte[] t, int from, int to) {
    int i = from;
    while (i < to && t[i] != '=') {
      i++;
    }
    i++;
    while (i < to && t[i] == ' ') {
      i++;
    }
    long v = 0;
    int digits = 0;
    while (i < to && t[i] >= '0' && t[i] <= '9' && digits < 18) {
      v = v * 10 + (t[i++] - '0');
      digits++;
    }
    return digits > 0 && (i == to || NumberScanner.isSpace(t[i])) ? v : -1;
  }

  /**
   * Three finite numbers and nothing else on the line that starts at {@code from}, stored at {@code
   * out[at…at+2]}: the index after the line's end, or {@code -1} when the line is anything else or
   * has no end before {@code length}.
   */
  private static int threeNumbers(byte[] t, int from, int length, NumberScanner num, double[] out, int at) {
    if (from + FIXED_LINE < length && t[from + FIXED_LINE - 1] == '\n' && fixedField(t, from, out, at)
        && fixedField(t, from + 12, out, at + 1) && fixedField(t, from + 24, out, at + 2)) {
      return from + FIXED_LINE;
    }
    int p = from;
    for (int k = 0; k < 3; k++) {
      while (p < length && (t[p] == ' ' || t[p] == '\t')) {
        p++;
      }
      int q = NumberScanner.scanPlain(t, p, length, out, at + k);
      if (q < 0) {
        q = num.scan(t, p, length);
        if (q < 0 || !Double.isFinite(num.value())) {
          return -1;
        }
        out[at + k] = num.value();
      }
      p = q;
    }
    while (p < length && (t[p] == ' ' || t[p] == '\t' || t[p] == '\r')) {
      p++;
    }
    return p < length && t[p] == '\n' ? p + 1 : -1;
  }

  /** Bytes of a coordinate line as VASP writes it (3F12.8 and a line end). */
  private static final int FIXED_LINE = 37;

  /**
   * A field of twelve bytes as VASP's F12.8 writes a fractional coordinate between −10 and 10 ({@code "  0.12345678"},
   * {@code " -0.12345678"}) into {@code out[at]}, with the value {@link NumberScanner#scanPlain} gives it (the same
   * integer of nine digits divided by 10⁸); false for any other field, which the general path then reads. The eight
   * digits after the point are read as one word ({@link NumberScanner#eightDigits}).
   */
  private static boolean fixedField(byte[] t, int p, double[] out, int at) {
    byte sign = t[p + 1];
    int d0 = t[p + 2] - '0';
    if (t[p] != ' ' || t[p + 3] != '.' || (sign != ' ' && sign != '-') || (d0 | (9 - d0)) < 0) {
      return false;
    }
    long frac = NumberScanner.eightDigits(t, p + 4);
    if (frac < 0) {
      return false;
    }
    double v = (d0 * 100_000_000L + frac) / 1e8;
    out[at] = sign == '-' ? -v : v;
    return true;
  }

  private static int indexOf(byte[] t, int from, int to, byte[] word) {
    outer:
    for (int i = from; i + word.length <= to; i++) {
      for (int k = 0; k < word.length; k++) {
        if (t[i + k] != word[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
