package org.interphase.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Checks a command's {@code --out} folder before any work is done, so that an hour of analysis does
 * not end in "permission denied": a folder is made when missing; an existing file, a folder that
 * cannot be written, or one whose parent cannot be made are bad usage (exit 2), one line each.
 * {@code render} may name a PNG file instead of a folder.
 */
final class OutputFolder {
  private OutputFolder() {}

  static void check(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed;
    while (sub.hasSubcommand()) {
      sub = sub.subcommand();
    }
    CommandLine.Model.OptionSpec out = sub.matchedOption("--out");
    if (out == null || !(out.getValue() instanceof Path p)) {
      return;
    }
    String command = sub.commandSpec().qualifiedName();
    if (command.endsWith(" render")) {
      Path png;
      try {
        png = RenderCommand.pngOf(p);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(sub.commandSpec().commandLine(), e.getMessage());
      }
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        requireWritable(parent, p, command, sub.commandSpec().commandLine());
      }
      return;
    }
    requireWritable(p, p, command, sub.commandSpec().commandLine());
  }

  private static void requireWritable(Path dir, Path given, String command, CommandLine cl) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(cl, "--out " + given
          + " is an existing file, not a folder; " + command + " writes several files and needs a folder (made when missing)");
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".interphase-", ".probe");
      Files.delete(probe);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cl, "--out " + given + ": cannot write there ("
          + reason(e) + ")");
    }
  }

  /** The operating system's reason without the path that the message already names. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name exists";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
