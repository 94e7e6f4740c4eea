package org.interphase.core;

/** Root of every exception Interphase throws on purpose. Unchecked, as analyses are not I/O. */
public class InterphaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InterphaseException(String message) {
    super(message);
  }

  public InterphaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
