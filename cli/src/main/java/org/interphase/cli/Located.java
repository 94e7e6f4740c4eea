package org.interphase.cli;

import java.nio.file.Path;

/** A warning about a file, prefixed with the file once: readers' own messages often begin with it already. */
final class Located {
  private Located() {}

  /**
   * {@code where: warning}; the warning alone when it already begins with {@code where} (as given or
   * absolute); {@code where:line: …} when it begins with the file's own name and a line number.
   */
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
    // a warning that starts with the file's name and a line ("XDATCAR:32: …") gets the path in place of the name
    Path file = Path.of(where).getFileName();
    String name = file == null ? null : file + ":";
    if (name != null && warning.startsWith(name) && warning.length() > name.length() && Character.isDigit(warning.charAt(name.length()))) {
      return where + warning.substring(name.length() - 1);
    }
    return where + ": " + warning;
  }
}
