package org.interphase.parsers.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.interphase.core.MalformedInputException;

/**
 * Reads ASCII text line by line from a byte stream and parses numbers without building strings,
 * tracking the line number for error messages. Not thread-safe.
 *
 * <p>Usage: {@code while (r.next()) { double x = r.nextDouble("x coordinate"); … }}. The token
 * cursor starts at the beginning of each line.
 *
 * <p>Number rules (VASP and CP2K quirks): Fortran exponents with {@code D} are accepted; a minus sign
 * that directly follows a digit or a point starts a new number (glued fields, {@code
 * 0.12345678-0.23456789}); {@code ***} overflow fields, NaN and infinities are malformed.
 */
public final class LineReader implements AutoCloseable {
  private final InputStream in;
  private final String source;
  private byte[] buf = new byte[1 << 18];
  private int fill;
  private int lineStart;
  private int lineEnd;
  private int nextStart;
  private int pos;
  private long lineNumber;
  private boolean eof;
  private boolean nulAsSpace;
  private long bytesConsumed;

  /** A reader over an already opened (decompressed) stream; {@code source} names it in messages. */
  public LineReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Opens {@code path} (decompressing as needed). Rejects binary files at the first {@link #next()}. */
  public static LineReader open(Path path) {
    return new LineReader(Compression.open(path), path.toString());
  }

  /** Treat NUL bytes as blanks (crashed MPI runs leave them in OUTCARs). */
  public LineReader nulAsSpace(boolean on) {
    this.nulAsSpace = on;
    return this;
  }

  public String source() {
    return source;
  }

  /** 1-based number of the current line; 0 before the first. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Decompressed bytes consumed up to the end of the current line. */
  public long bytesConsumed() {
    return bytesConsumed;
  }

  /**
   * Advances to the next line.
   *
   * @return false at end of input
   * @throws MalformedInputException if the input is binary rather than text
   */
  public boolean next() {
    if (lineNumber == 0) {
      fillMore();
      checkText();
    }
    lineStart = nextStart;
    while (true) {
      for (int i = lineStart + Math.max(0, scanFrom - lineStart); i < fill; i++) {
        if (buf[i] == '\n') {
          lineEnd = i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
          nextStart = i + 1;
          scanFrom = nextStart;
          terminated = true;
          return accept();
        }
      }
      scanFrom = fill;
      if (eof) {
        if (lineStart >= fill) {
          lineEnd = lineStart;
          pastEnd = true;
          return false;
        }
        lineEnd = fill;
        nextStart = fill;
        terminated = false;
        return accept();
      }
      compactAndFill();
    }
  }

  private int scanFrom;
  private boolean pastEnd;
  private boolean terminated = true;

  private boolean accept() {
    lineNumber++;
    bytesConsumed += nextStart - lineStart;
    pos = lineStart;
    if (nulAsSpace) {
      for (int i = lineStart; i < lineEnd; i++) {
        if (buf[i] == 0) {
          buf[i] = ' ';
        }
      }
    }
    return true;
  }

  private void compactAndFill() {
    int keep = fill - lineStart;
    if (lineStart > 0) {
      System.arraycopy(buf, lineStart, buf, 0, keep);
      scanFrom -= lineStart;
      lineStart = 0;
      fill = keep;
    }
    if (fill == buf.length) {
      if (buf.length >= 1 << 28) {
        throw MalformedInputException.of(source, lineNumber + 1, "a line longer than 256 MB: not a text file of this format");
      }
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    fillMore();
  }

  private void fillMore() {
    try {
      int n = in.read(buf, fill, buf.length - fill);
      if (n < 0) {
        eof = true;
      } else {
        fill += n;
      }
    } catch (Compression.CorruptCompressionException e) {
      throw new MalformedInputException(source, lineNumber + 1, "intact compressed data (the file cannot be decoded past this line)",
          e.found());
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  private void checkText() {
    int n = Math.min(fill, 4096);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      int b = buf[i] & 0xff;
      if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')) {
        bad++;
      }
    }
    if (n > 0 && bad * 10 > n) {
      throw new MalformedInputException(source, 0, "a text file", "binary data");
    }
  }

  /**
   * Whether the current line is the last of the file and has no line end: a job killed while
   * writing leaves such a line, possibly cut inside a number.
   */
  public boolean unterminated() {
    return !terminated && !pastEnd;
  }

  /** Whether the file's last line had no line end (known once the end was reached). */
  public boolean endedWithoutNewline() {
    return !terminated;
  }

  /** The current line as a string (without the line terminator). */
  public String line() {
    return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
  }

  /** Whether the current line holds only blanks. */
  public boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      if (!isSpace(buf[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current line, after leading blanks, starts with {@code prefix} (ASCII, case-sensitive). */
  public boolean startsWithTrimmed(String prefix) {
    int i = lineStart;
    while (i < lineEnd && isSpace(buf[i])) {
      i++;
    }
    if (lineEnd - i < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (buf[i + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current line contains {@code text} (ASCII). */
  public boolean contains(String text) {
    int n = text.length();
    outer:
    for (int i = lineStart; i <= lineEnd - n; i++) {
      for (int k = 0; k < n; k++) {
        if (buf[i + k] != text.charAt(k)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Resets the token cursor to the start of the current line. */
  public void rewind() {
    pos = lineStart;
  }

  /** Whether another non-blank token follows on the current line. */
  public boolean hasMoreTokens() {
    skipSpace();
    return pos < lineEnd;
  }

  /** Counts the whitespace-separated tokens on the current line. */
  public int countTokens() {
    int count = 0;
    int i = lineStart;
    while (i < lineEnd) {
      while (i < lineEnd && isSpace(buf[i])) {
        i++;
      }
      if (i < lineEnd) {
        count++;
      }
      while (i < lineEnd && !isSpace(buf[i])) {
        i++;
      }
    }
    return count;
  }

  /** The next whitespace-separated token. */
  public String nextToken(String expected) {
    skipSpace();
    if (pos >= lineEnd) {
      throw fail(expected, line());
    }
    int s = pos;
    while (pos < lineEnd && !isSpace(buf[pos])) {
      pos++;
    }
    return new String(buf, s, pos - s, StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether the next token equals {@code expected} (ASCII); the cursor moves past the token either
   * way. No allocation: for per-atom labels in hot loops.
   */
  public boolean nextTokenEquals(String expected) {
    skipSpace();
    int s = pos;
    while (pos < lineEnd && !isSpace(buf[pos])) {
      pos++;
    }
    if (pos - s != expected.length()) {
      return false;
    }
    for (int k = 0; k < expected.length(); k++) {
      if (buf[s + k] != expected.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Moves the cursor past the next occurrence of {@code marker} on this line; false if absent. */
  public boolean skipPast(String marker) {
    int n = marker.length();
    outer:
    for (int i = pos; i <= lineEnd - n; i++) {
      for (int k = 0; k < n; k++) {
        if (buf[i + k] != marker.charAt(k)) {
          continue outer;
        }
      }
      pos = i + n;
      return true;
    }
    return false;
  }

  /** Parses the next integer token. */
  public long nextLong(String expected) {
    skipSpace();
    int s = pos;
    boolean neg = false;
    if (pos < lineEnd && (buf[pos] == '-' || buf[pos] == '+')) {
      neg = buf[pos] == '-';
      pos++;
    }
    long v = 0;
    int digits = 0;
    while (pos < lineEnd && buf[pos] >= '0' && buf[pos] <= '9' && digits < 18) {
      v = v * 10 + (buf[pos] - '0');
      pos++;
      digits++;
    }
    if (digits == 0 || (pos < lineEnd && !isSpace(buf[pos]) && buf[pos] != ',' && buf[pos] != ';')) {
      pos = s;
      throw fail(expected, tokenAt(s));
    }
    return neg ? -v : v;
  }

  /** Parses the next integer token as an {@code int}. */
  public int nextInt(String expected) {
    long v = nextLong(expected);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw new MalformedInputException(source, lineNumber, expected, Long.toString(v));
    }
    return (int) v;
  }

  /** Whether the next token parses as a number (the cursor does not move). */
  public boolean nextIsNumber() {
    skipSpace();
    int s = pos;
    try {
      nextDouble("");
      return true;
    } catch (MalformedInputException e) {
      return false;
    } finally {
      pos = s;
    }
  }

  /**
   * Parses the next number.
   *
   * @param expected what the caller wants, for the message, e.g. "3 floats for atom 17"
   * @throws MalformedInputException on a missing, non-numeric, overflow ({@code ***}) or non-finite
   *     field
   */
  public double nextDouble(String expected) {
    skipSpace();
    int s = pos;
    int i = pos;
    boolean neg = false;
    if (i < lineEnd && (buf[i] == '-' || buf[i] == '+')) {
      neg = buf[i] == '-';
      i++;
    }
    long mant = 0;
    int sig = 0;
    int dropped = 0;
    int fracDigits = 0;
    boolean anyDigit = false;
    while (i < lineEnd && buf[i] >= '0' && buf[i] <= '9') {
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
    if (i < lineEnd && buf[i] == '.') {
      i++;
      while (i < lineEnd && buf[i] >= '0' && buf[i] <= '9') {
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
      throw fail(expected, tokenAt(s));
    }
    int exp = 0;
    if (i < lineEnd && (buf[i] == 'e' || buf[i] == 'E' || buf[i] == 'd' || buf[i] == 'D')) {
      int j = i + 1 < lineEnd && (buf[i + 1] == '-' || buf[i + 1] == '+') ? i + 2 : i + 1;
      int end = digitsEnd(j, 6);
      if (end == j) {
        throw fail(expected, tokenAt(s));
      }
      exp = signedDigits(j, end);
      i = end;
    } else if (fracDigits > 0 && isFortranExponent(i)) {
      exp = signedDigits(i + 1, i + 4);
      i += 4;
    }
    // a glued next number (0.1234-0.5678) ends this one; anything else must be a separator
    if (i < lineEnd && !isSpace(buf[i]) && buf[i] != '-' && buf[i] != ',' && buf[i] != ';') {
      throw fail(expected, tokenAt(s));
    }
    pos = i;
    int e10 = exp + dropped - fracDigits;
    // up to 15 digits times an exact power of ten is correctly rounded; anything else takes the slow path
    double v = sig <= 15 && e10 >= -22 && e10 <= 22 ? scaled(mant, e10) : slowMagnitude(s, i);
    if (!Double.isFinite(v)) {
      throw fail(expected + " (finite)", tokenAt(s));
    }
    return neg ? -v : v;
  }

  /** The end of the run of digits starting at {@code from}, at most {@code max} of them. */
  private int digitsEnd(int from, int max) {
    int j = from;
    while (j < lineEnd && buf[j] >= '0' && buf[j] <= '9' && j - from < max) {
      j++;
    }
    return j;
  }

  /** The value of the digits {@code buf[from, to)}, negative when a minus sign comes just before them. */
  private int signedDigits(int from, int to) {
    int v = 0;
    for (int j = from; j < to; j++) {
      v = v * 10 + (buf[j] - '0');
    }
    return buf[from - 1] == '-' ? -v : v;
  }

  /** {@code mant × 10^e10} for |e10| ≤ 22, where the power of ten is exact. */
  private static double scaled(long mant, int e10) {
    double v = mant;
    return e10 >= 0 ? v * POW10[e10] : v / POW10[-e10];
  }

  /**
   * Whether a Fortran exponent without its E starts at {@code i}: Fortran drops the E when the
   * exponent has three digits ({@code 1.234-100}). Taken only as a sign, exactly three digits, then
   * the end of the token; the caller also requires a point with at least one fraction digit before it.
   */
  private boolean isFortranExponent(int i) {
    if (i + 1 >= lineEnd || (buf[i] != '-' && buf[i] != '+') || buf[i + 1] < '0' || buf[i + 1] > '9') {
      return false;
    }
    int j = digitsEnd(i + 1, Integer.MAX_VALUE);
    return j - i - 1 == 3 && (j == lineEnd || isSpace(buf[j]));
  }

  /**
   * The magnitude of the number {@code buf[s, end)} by {@link Double#parseDouble}: the slow path for
   * more than 15 significant digits or a power of ten beyond 10^±22, where the fast one would round.
   */
  private double slowMagnitude(int s, int end) {
    String text = new String(buf, s, end - s, StandardCharsets.ISO_8859_1).replace('d', 'e').replace('D', 'e');
    // a Fortran exponent without its E (1.234-100): put the E back before the exponent's sign
    text = text.replaceFirst("^([+-]?[0-9]*\\.[0-9]+)([+-][0-9]{3})$", "$1e$2");
    try {
      return Math.abs(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return Double.NaN; // the caller reports the token as not a number
    }
  }

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = p;
      p *= 10;
    }
  }

  /** A parse error at the current line; on an unterminated last line it is a truncation. */
  private MalformedInputException fail(String expected, String found) {
    if (unterminated()) {
      return new org.interphase.core.TruncatedInputException(source, lineNumber, expected + " (the last line is cut off)");
    }
    return new MalformedInputException(source, lineNumber, expected, found);
  }

  private String tokenAt(int s) {
    int e = s;
    while (e < lineEnd && !isSpace(buf[e])) {
      e++;
    }
    return e == s ? line() : new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
  }

  private void skipSpace() {
    while (pos < lineEnd && (isSpace(buf[pos]) || buf[pos] == ',')) {
      pos++;
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\f' || b == '\r' || b == 0x0b;
  }

  /** Builds a malformed-input error at the current line. */
  public MalformedInputException error(String expected) {
    if (unterminated()) {
      return fail(expected, line());
    }
    return new MalformedInputException(source, lineNumber, expected, eofOrLine());
  }

  private String eofOrLine() {
    return lineNumber == 0 || pastEnd ? null : line();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (Compression.CorruptCompressionException e) {
      throw new MalformedInputException(source, lineNumber + 1, "intact compressed data (the file cannot be decoded past this line)",
          e.found());
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }
}
