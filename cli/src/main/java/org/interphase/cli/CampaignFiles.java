package org.interphase.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.interphase.parsers.ReadOptions;

/**
 * The files of a campaign folder: the run list, each run's result ({@code runs/<name>.json}), its cache key
 * ({@code runs/<name>.key}), its error ({@code runs/<name>.error}) or why it was skipped ({@code runs/<name>.skipped}),
 * all written atomically (a temporary file in the same folder, then one atomic rename), so a process killed at any moment
 * leaves either the old file or the new one.
 *
 * <p>The cache key is a SHA-256 over the program version, the run's command (kind, absolute paths, parameters), the read
 * options and, for every input file (all files below a run folder; for a run file, every file in its folder, since a CP2K
 * or VASP reader joins the files beside it), its path, size, modification time and the bytes of its first and last 64 KiB.
 */
final class CampaignFiles {
  /** The run list in a campaign folder. */
  static final String RUN_LIST = "campaign-runs.json";
  private static final int EDGE = 64 * 1024;

  private CampaignFiles() {}

  static Path runsDir(Path out) {
    return out.resolve("runs");
  }

  static Path json(Path out, String name) {
    return runsDir(out).resolve(name + ".json");
  }

  /** {@code runs/<name>.bonds.json}: the {@code bonds} document of an MD run with S atoms. */
  static Path bondsJson(Path out, String name) {
    return runsDir(out).resolve(name + ".bonds.json");
  }

  static Path key(Path out, String name) {
    return runsDir(out).resolve(name + ".key");
  }

  static Path error(Path out, String name) {
    return runsDir(out).resolve(name + ".error");
  }

  /** {@code runs/<name>.skipped}: why a run had nothing to compute (an MD run without the mobile species). */
  static Path skipped(Path out, String name) {
    return runsDir(out).resolve(name + ".skipped");
  }

  /** Text to a file via a temporary file beside it and an atomic rename. */
  static void writeAtomically(Path file, String text) {
    writeAtomically(file, w -> w.write(text));
  }

  /** What a writer produces, to a file via a temporary file beside it and an atomic rename. */
  interface Content {
    void writeTo(Writer w) throws IOException;
  }

  /** {@code content} to {@code file} via a temporary file in the same folder and an atomic rename. */
  static void writeAtomically(Path file, Content content) {
    replace(file, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
      }
    });
  }

  /**
   * Lets {@code writer} write a temporary file in {@code file}'s folder, then renames it to {@code file} in one step.
   *
   * @throws UncheckedIOException naming {@code file} when it cannot be written
   */
  static void replace(Path file, java.util.function.Consumer<Path> writer) {
    Path dir = ResultWriter.dir(file.toAbsolutePath().getParent());
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
      writer.accept(tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the rename took it, or the folder is gone: nothing left to clean
        }
      }
    }
  }

  /** Deletes a file if it is there. */
  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  /** The file's text, or {@code null} when it does not exist. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  /** The cache key of a run (hex SHA-256, see the class comment). */
  static String cacheKey(CampaignRun run, ReadOptions options) {
    MessageDigest md = sha256();
    String version = Interphase.class.getAnnotation(picocli.CommandLine.Command.class).version()[0];
    update(md, version + "\n" + run.job().kind() + "\n" + String.join("\u0000", run.job().command()) + "\n" + options + "\n");
    for (Path f : inputFiles(run.job().inputs())) {
      fingerprint(md, f);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Every file a run may read: below a folder, or every file beside a file; sorted, each once. */
  static List<Path> inputFiles(List<Path> inputs) {
    java.util.TreeSet<Path> files = new java.util.TreeSet<>();
    for (Path in : inputs) {
      Path p = in.toAbsolutePath().normalize();
      Path dir = Files.isDirectory(p) ? p : p.getParent();
      try (Stream<Path> s = Files.isDirectory(p) ? Files.walk(dir) : Files.list(dir)) {
        s.filter(Files::isRegularFile).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(dir + ": " + OutputFolder.reason(e), e);
      }
    }
    return new ArrayList<>(files);
  }

  private static void fingerprint(MessageDigest md, Path f) {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long size = ch.size();
      update(md, f + "\n" + size + "\n" + Files.getLastModifiedTime(f).toMillis() + "\n");
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, 2L * EDGE));
      readFully(ch, buf, 0, (int) Math.min(size, EDGE));
      if (size > EDGE) {
        long tail = Math.max(EDGE, size - EDGE);
        readFully(ch, buf, tail, (int) (size - tail));
      }
      buf.flip();
      md.update(buf);
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": " + OutputFolder.reason(e), e);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position, int length) throws IOException {
    int end = buf.position() + length;
    long pos = position;
    while (buf.position() < end) {
      ByteBuffer slice = buf.duplicate().limit(end);
      int n = ch.read(slice, pos);
      if (n < 0) {
        break; // the file shrank while being read: the key then differs from the next reading, which is what it should do
      }
      buf.position(slice.position());
      pos += n;
    }
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this Java", e);
    }
  }
}
