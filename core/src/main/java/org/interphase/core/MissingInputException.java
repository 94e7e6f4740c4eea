package org.interphase.core;

/** A file or directory the user named, or one a run needs, that does not exist. */
public class MissingInputException extends InterphaseException {
  private static final long serialVersionUID = 1L;

  public MissingInputException(String message) {
    super(message);
  }
}
