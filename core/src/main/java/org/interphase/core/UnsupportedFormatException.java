package org.interphase.core;

/** A file whose format Interphase does not recognise or cannot read for the requested purpose. */
public class UnsupportedFormatException extends InterphaseException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFormatException(String message) {
    super(message);
  }
}
