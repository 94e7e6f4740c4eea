package org.interphase.cli;

import java.nio.file.Path;

/** A warning about a file, prefixed with the file once: readers' own messages often begin with it already. */
final class Located {
  private Located() {}

  /** {@code where: warning}, or the warning alone when it already begins with {@code where} (as given or absolute). */
  static String warning(String where, String warning) {
    if (where == null || warning.startsWith(where + ":")) {
      return warning;
    }
    try {
      String abs = Path.of(where).toAbsolutePath().normalize().toString();
      if (warning.startsWith(abs + ":")) {
        return warning;
      }
    } catch (RuntimeException e) {
      // not a path: prefix as given
    }
    return where + ": " + warning;
  }
}
