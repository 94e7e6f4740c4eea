package org.interphase.core;

/**
 * A file that ends inside its last record (a running or killed job). Readers in lenient mode turn
 * this into a warning and return every complete record; in strict mode it is thrown.
 */
public class TruncatedInputException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public TruncatedInputException(String source, long line, String expected) {
    super(source, line, expected, null);
  }

  @Override
  public MalformedInputException withExpected(String expected) {
    return new TruncatedInputException(source(), line(), expected + " (the last line is cut off)");
  }
}
