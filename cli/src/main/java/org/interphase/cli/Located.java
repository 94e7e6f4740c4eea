package org.interphase.cli;

import java.nio.file.Path;

/** A warning about a file, prefixed with the file once: readers' own messages often begin with it already. */
final class Located {
  private Located() {}

  /**
   * {@code where: warning}; the warning alone when it already begins with {@code where} (as given or
   * absolute); {@code where:line: …} or {@code where: …} when it begins with the file's own name, with or without a line number
   * ({@code OUTCAR:12: …}, {@code OUTCAR: 6 frames …}): the file is named once.
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
    // a warning that starts with the file's name, with a line ("XDATCAR:32: …") or without ("OUTCAR: 6 frames …"), gets the path in
    // place of the name, so that the file is named once
    Path file = Path.of(where).getFileName();
    String name = file == null ? null : file + ":";
    if (name != null && warning.startsWith(name) && warning.length() > name.length()
        && (Character.isDigit(warning.charAt(name.length())) || warning.charAt(name.length()) == ' ')) {
      return where + warning.substring(name.length() - 1);
    }
    return where + ": " + warning;
  }
}
