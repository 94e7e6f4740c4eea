package org.interphase.core;

/**
 * A file that does not hold what its format promises at a given line: an overflow field
 * ({@code *******}), NaN, a wrong atom count, a garbage line, a forbidden DTD. The message is one line,
 * {@code path:line: expected …, found "…"}.
 */
public class MalformedInputException extends InterphaseException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final long line;
  private final String found;

  /**
   * @param source the file name or path as the user gave it
   * @param line 1-based line number, or 0 when the position is not a line (binary file, XML)
   * @param expected what the format requires at that place
   * @param found the offending text (shortened when long)
   */
  public MalformedInputException(String source, long line, String expected, String found) {
    super(format(source, line, expected, found));
    this.source = source;
    this.line = line;
    this.found = found;
  }

  /**
   * The same error with a more precise "expected" text; lets hot loops pass a constant description
   * and add context (atom, frame) only when an error happens.
   */
  public MalformedInputException withExpected(String expected) {
    return new MalformedInputException(source, line, expected, found);
  }

  /** A free-text message about a position, still prefixed with {@code path:line:}. */
  public static MalformedInputException of(String source, long line, String message) {
    return new MalformedInputException(source, line, message);
  }

  private MalformedInputException(String source, long line, String message) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message);
    this.source = source;
    this.line = line;
    this.found = null;
  }

  public String source() {
    return source;
  }

  public long line() {
    return line;
  }

  private static String format(String source, long line, String expected, String found) {
    String shown = found == null ? "end of file" : '"' + abbreviate(found) + '"';
    return source + (line > 0 ? ":" + line : "") + ": expected " + expected + ", found " + shown;
  }

  /** Shortens a line for messages and replaces control characters so the message stays one line. */
  public static String abbreviate(String text) {
    StringBuilder sb = new StringBuilder();
    String t = text.strip();
    for (int i = 0; i < t.length() && sb.length() < 80; i++) {
      char c = t.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (t.length() > 80) {
      sb.append('…');
    }
    return sb.toString();
  }
}
