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
  private final NumberScanner numbers = new NumberScanner();

  /** A reader over an already opened (decompressed) stream; {@code source} names it in messages. */
  public LineReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Opens {@code path} (decompressing as needed). Rejects binary files at the first {@link #next()}. */
  public static LineReader open(Path path) {
    return new LineReader(Compression.open(path), path.toString());
  }

  /**
   * Opens an uncompressed file at byte {@code offset}, which must start a line, numbering lines
   * from {@code linesBefore + 1}: for continuing where another reader of the same file stopped.
   *
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LineReader openAt(Path path, long offset, long linesBefore) {
    try {
      java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path);
      ch.position(offset);
      LineReader r = new LineReader(java.nio.channels.Channels.newInputStream(ch), path.toString());
      r.lineNumber = linesBefore;
      r.bytesConsumed = offset;
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
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
    int end = numbers.scan(buf, s, lineEnd);
    if (end < 0) {
      throw fail(expected, tokenAt(s));
    }
    double v = numbers.value();
    if (!Double.isFinite(v)) {
      throw fail(expected + " (finite)", tokenAt(s));
    }
    pos = end;
    return v;
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
    return NumberScanner.isSpace(b);
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
