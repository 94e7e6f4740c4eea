package org.interphase.core;

import java.util.Objects;

/**
 * Something the user should know about a result or an input, with a kind a program can test
 * instead of searching the text.
 *
 * @param kind what sort of doubt it is; an analysis or reader names its own kinds with an enum
 *     implementing {@link Kind}
 * @param text one line for people, naming the file or quantity concerned
 */
public record Warning(Kind kind, String text) {

  public Warning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** A kind of warning; enums implement it. */
  public interface Kind {
    /** The enum constant's name, e.g. {@code SHORT_WINDOW}. */
    String name();
  }

  /** Kinds that readers and the model raise about inputs. */
  public enum Input implements Kind {
    /** the file ends inside a frame or a run stopped early; what was complete is kept */
    INCOMPLETE,
    /** steps written more than once (restarts) were replaced by their latest copy */
    REPLACED_STEPS,
    /** frames missing between stored frames */
    GAP,
    /** two sources disagree (time step, elements, cells); the one used is named */
    CONFLICT,
    /**
     * the time between frames given does not fit what the files say about them (e.g. the MD step given as the time between
     * frames that are several MD steps apart): every rate and D scales with it
     */
    TIME_STEP,
    /** a value was assumed where the files say nothing */
    ASSUMED,
    /**
     * the files give no cell and the file is read without one (only when the caller asked for a
     * summary); the text is what to add so that they give one, e.g. {@code put the file aLPS-1.cell beside it, …}
     */
    NO_CELL,
    /** anything else a reader found doubtful */
    OTHER
  }

  /** The texts of warnings, in order. */
  public static java.util.List<String> texts(java.util.List<Warning> warnings) {
    return warnings.stream().map(Warning::text).toList();
  }

  /** A warning of kind {@link Input#OTHER}. */
  public static Warning of(String text) {
    return new Warning(Input.OTHER, text);
  }

  @Override
  public String toString() {
    return text;
  }
}
