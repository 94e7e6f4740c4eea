package org.interphase.core;

/**
 * An analysis cannot run because a value it needs is neither given nor in the files, e.g. the
 * time between frames. The message says what is missing; {@link #parameter()} names the
 * analysis parameter, so a front end can say how to give it.
 */
public class MissingParameterException extends IllegalArgumentException {
  private final String parameter;

  /**
   * @param parameter the parameter's name as the analysis calls it, e.g. {@code timestepFs}
   * @param message what is missing and where it was looked for
   */
  public MissingParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The missing parameter, e.g. {@code timestepFs}, {@code temperatureK}, {@code nA}. */
  public String parameter() {
    return parameter;
  }
}
