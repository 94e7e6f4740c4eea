package org.interphase.parsers.io;

import java.nio.charset.StandardCharsets;

/**
 * Reads one decimal number straight from bytes, as Fortran and C programs write them: an optional
 * sign, digits with an optional point, an optional exponent ({@code e}, {@code E}, {@code d} or
 * {@code D}, or Fortran's three-digit exponent without its letter, {@code 1.234-100}). A number
 * ends at a blank, a comma, a semicolon or the sign of a glued next number ({@code 0.1234-0.5678}).
 *
 * <p>Up to 15 significant digits times a power of ten within 10^±22 is computed as one IEEE
 * multiplication or division of exact operands, which is correctly rounded (Clinger, "How to read
 * floating point numbers accurately", PLDI 1990) and so equal to {@link Double#parseDouble}; other
 * numbers go through {@code parseDouble}. One scanner per thread: it keeps the last value.
 */
public final class NumberScanner {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = p;
      p *= 10;
    }
  }

  private double value;

  /** The value of the last number scanned; not finite for an overflowing or unreadable one. */
  public double value() {
    return value;
  }

  /**
   * Scans the number that starts at {@code from} (no blanks before it).
   *
   * @param buf the bytes (ASCII)
   * @param from where the number starts
   * @param end the end of the line, or of the text (a line end also ends a number): the number never
   *     reaches past it
   * @return the index just after the number, or {@code -1} when no number starts at {@code from}
   *     or it runs into something that is neither a separator nor a next number
   */
  public int scan(byte[] buf, int from, int end) {
    int fast = scanPlain(buf, from, end);
    return fast != NOT_PLAIN ? fast : scanAny(buf, from, end);
  }

  /** Eight bytes of an array read as one little-endian {@code long} (also {@link FrameChunk#lineEnd}'s). */
  static final java.lang.invoke.VarHandle WORD = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
      java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * The eight ASCII digits {@code t[p, p+8)} as a number (0 to 99 999 999), or {@code -1} when any of them is not a digit.
   * One word for all eight: {@code '0'} subtracted from every byte, each byte checked to lie in 0…9 (neither it nor it
   * plus 118 reaches 128), then pairs, fours and eights of digits joined by three multiplications (Lemire, "Faster
   * integer parsing", 2018; Muła's SWAR digit conversion).
   */
  public static long eightDigits(byte[] t, int p) {
    long v = (long) WORD.get(t, p) - 0x3030303030303030L;
    if ((((v + 0x7676767676767676L) | v) & 0x8080808080808080L) != 0) {
      return -1;
    }
    v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
    v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
    return (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
  }

  private static final int NOT_PLAIN = -2;

  /**
   * The plain form of {@link #scan} (an optional minus, at most 15 digits with an optional point, no
   * exponent, then a blank, a line end or {@code end}) straight into {@code out[at]}, with the value
   * {@link #scan} gives it; {@code -1} for anything else, which the caller hands to {@link #scan}.
   * For the hot loops of the chunk parsers: no state, no call per digit.
   */
  public static int scanPlain(byte[] buf, int from, int end, double[] out, int at) {
    int i = from;
    boolean neg = false;
    if (i < end && buf[i] == '-') {
      neg = true;
      i++;
    }
    int start = i;
    long mant = 0;
    int d;
    while (i < end && (d = buf[i] - '0') >= 0 && d <= 9) {
      mant = mant * 10 + d;
      i++;
    }
    int digits = i - start;
    int fracDigits = 0;
    if (i < end && buf[i] == '.') {
      int point = ++i;
      while (i < end && (d = buf[i] - '0') >= 0 && d <= 9) {
        mant = mant * 10 + d;
        i++;
      }
      fracDigits = i - point;
      digits += fracDigits;
    }
    if (digits == 0 || digits > 15) {
      return -1;
    }
    if (i < end) {
      byte c = buf[i];
      if (c != ' ' && c != '\n' && c != '\t') {
        return -1;
      }
    }
    double v = fracDigits == 0 ? mant : mant / POW10[fracDigits];
    out[at] = neg ? -v : v;
    return i;
  }

  /**
   * The common case in one tight loop: an optional minus, at most 15 digits with an optional point,
   * no exponent, then a separator or the end. {@link #NOT_PLAIN} for anything else, which {@link
   * #scanAny} reads (or refuses) with the full grammar.
   */
  private int scanPlain(byte[] buf, int from, int end) {
    int i = from;
    boolean neg = i < end && buf[i] == '-';
    if (neg) {
      i++;
    }
    long mant = 0;
    int digits = 0;
    int point = -1;
    for (; i < end; i++) {
      int d = buf[i] - '0';
      if (d >= 0 && d <= 9) {
        mant = mant * 10 + d;
        digits++;
      } else if (buf[i] == '.' && point < 0) {
        point = i;
      } else {
        break;
      }
    }
    if (digits == 0 || digits > 15 || (i < end && buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n')) {
      return NOT_PLAIN;
    }
    int fracDigits = point < 0 ? 0 : i - point - 1;
    double v = fracDigits == 0 ? mant : mant / POW10[fracDigits];
    value = neg ? -v : v;
    return i;
  }

  private int scanAny(byte[] buf, int from, int end) {
    int i = from;
    boolean neg = false;
    if (i < end && (buf[i] == '-' || buf[i] == '+')) {
      neg = buf[i] == '-';
      i++;
    }
    long mant = 0;
    int sig = 0;
    int dropped = 0;
    int fracDigits = 0;
    boolean anyDigit = false;
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      anyDigit = true;
      if (sig < 18) {
        if (mant != 0 || buf[i] != '0') {
          sig++;
        }
        mant = mant * 10 + (buf[i] - '0');
      } else {
        dropped++;
      }
      i++;
    }
    if (i < end && buf[i] == '.') {
      i++;
      while (i < end && buf[i] >= '0' && buf[i] <= '9') {
        anyDigit = true;
        if (sig < 18) {
          if (mant != 0 || buf[i] != '0') {
            sig++;
          }
          mant = mant * 10 + (buf[i] - '0');
          fracDigits++;
        }
        i++;
      }
    }
    if (!anyDigit) {
      return -1;
    }
    int exp = 0;
    if (i < end && (buf[i] == 'e' || buf[i] == 'E' || buf[i] == 'd' || buf[i] == 'D')) {
      int j = i + 1 < end && (buf[i + 1] == '-' || buf[i + 1] == '+') ? i + 2 : i + 1;
      int e = digitsEnd(buf, j, end, 6);
      if (e == j) {
        return -1;
      }
      exp = signedDigits(buf, j, e);
      i = e;
    } else if (fracDigits > 0 && isFortranExponent(buf, i, end)) {
      exp = signedDigits(buf, i + 1, i + 4);
      i += 4;
    }
    if (i < end && !isSpace(buf[i]) && buf[i] != '\n' && buf[i] != '-' && buf[i] != ',' && buf[i] != ';') {
      return -1;
    }
    int e10 = exp + dropped - fracDigits;
    double v;
    if (sig <= 15 && e10 >= -22 && e10 <= 22) {
      double m = mant;
      v = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
    } else {
      v = slowMagnitude(buf, from, i);
    }
    value = neg ? -v : v;
    return i;
  }

  /** Whether {@code b} separates fields: a blank, tab, form feed, carriage return or vertical tab. */
  public static boolean isSpace(byte b) {
    // a bit mask, not five comparisons: the method stays within the client compiler's inlining size (35
    // bytes of bytecode), else every blank a chunk parser skips costs a call
    return b >= 0 && b <= ' ' && (BLANKS >>> b & 1L) != 0;
  }

  /** Bits 9 (tab), 11 (vertical tab), 12 (form feed), 13 (carriage return) and 32 (space). */
  private static final long BLANKS = 1L << '\t' | 1L << 0x0b | 1L << '\f' | 1L << '\r' | 1L << ' ';

  private static int digitsEnd(byte[] buf, int from, int end, int max) {
    int j = from;
    while (j < end && buf[j] >= '0' && buf[j] <= '9' && j - from < max) {
      j++;
    }
    return j;
  }

  /** The value of the digits {@code buf[from, to)}, negative when a minus sign comes just before them. */
  private static int signedDigits(byte[] buf, int from, int to) {
    int v = 0;
    for (int j = from; j < to; j++) {
      v = v * 10 + (buf[j] - '0');
    }
    return buf[from - 1] == '-' ? -v : v;
  }

  /**
   * Whether a Fortran exponent without its E starts at {@code i}: a sign, exactly three digits, then
   * the end of the token (the caller also requires a point with a fraction digit before it).
   */
  private static boolean isFortranExponent(byte[] buf, int i, int end) {
    if (i + 1 >= end || (buf[i] != '-' && buf[i] != '+') || buf[i + 1] < '0' || buf[i + 1] > '9') {
      return false;
    }
    int j = digitsEnd(buf, i + 1, end, Integer.MAX_VALUE);
    return j - i - 1 == 3 && (j == end || isSpace(buf[j]));
  }

  /**
   * The magnitude of {@code buf[s, end)} (unsigned) by {@link Double#parseDouble}: for more than 15
   * significant digits or a power of ten beyond 10^±22. NaN when it does not parse.
   */
  private static double slowMagnitude(byte[] buf, int s, int end) {
    String text = new String(buf, s, end - s, StandardCharsets.ISO_8859_1).replace('d', 'e').replace('D', 'e');
    // a Fortran exponent without its E (1.234-100): put the E back before the exponent's sign
    text = text.replaceFirst("^([+-]?[0-9]*\\.[0-9]+)([+-][0-9]{3})$", "$1e$2");
    try {
      return Math.abs(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
