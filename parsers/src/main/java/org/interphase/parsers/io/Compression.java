package org.interphase.parsers.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.interphase.core.MissingInputException;

/**
 * Opens a file for reading, decompressing gzip, bzip2 and xz transparently. The compression is
 * recognised by its magic bytes, not the file name, so a mis-named file still reads.
 *
 * <p>Nothing is cached: a reader that needs two passes over a compressed file decodes it once
 * through {@link TwoPass}; one streaming pass ({@link org.interphase.core.Runner}) feeds every
 * analysis of a command.
 */
public final class Compression {
  private static final String[] SUFFIXES = {".gz", ".bz2", ".xz"};

  /** Full decodes per compressed file in this process (not the {@link #head}s), for tests that a file is decoded once. */
  private static final Map<Path, AtomicInteger> DECODES = new ConcurrentHashMap<>();

  private Compression() {}

  /** How many times {@code path} was opened for decoding past its head in this process. */
  static int decodes(Path path) {
    AtomicInteger n = DECODES.get(path.toAbsolutePath().normalize());
    return n == null ? 0 : n.get();
  }

  /**
   * Opens {@code path} as a decompressed stream.
   *
   * @throws MissingInputException when the file does not exist
   * @throws UncheckedIOException on other I/O errors
   */
  public static InputStream open(Path path) {
    return open(path, true);
  }

  /** Whether {@code path} is gzip, bzip2 or xz data (by its magic bytes). */
  public static boolean isCompressed(Path path) {
    try (InputStream probe = Files.newInputStream(path)) {
      byte[] magic = probe.readNBytes(6);
      return isGzip(magic) || isBzip2(magic) || isXz(magic);
    } catch (IOException e) {
      return false;
    }
  }

  private static InputStream open(Path path, boolean counted) {
    try {
      requireRegularFile(path);
      byte[] magic;
      try (InputStream probe = Files.newInputStream(path)) {
        magic = probe.readNBytes(6);
      }
      boolean compressed = isGzip(magic) || isBzip2(magic) || isXz(magic);
      if (compressed && counted) {
        DECODES.computeIfAbsent(path.toAbsolutePath().normalize(), k -> new AtomicInteger()).incrementAndGet();
      }
      InputStream raw = Files.newInputStream(path);
      InputStream decoded = raw;
      String kind = isGzip(magic) ? "gzip" : isBzip2(magic) ? "bzip2" : "xz";
      try {
        if (isGzip(magic)) {
          decoded = new GZIPInputStream(raw, 1 << 16);
        } else if (isBzip2(magic)) {
          decoded = new BZip2CompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
        } else if (isXz(magic)) {
          decoded = new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
        }
      } catch (IOException | RuntimeException e) {
        raw.close();
        // the decoders read their first block when they are made: a file cut or damaged there fails here
        CorruptCompressionException c = new Checked(raw, path.toString(), kind).corrupt(e);
        throw new org.interphase.core.MalformedInputException(path.toString(), 1, "intact compressed data", c.found());
      }
      if (compressed) {
        decoded = new Checked(decoded, path.toString(), kind);
      }
      return decoded;
    } catch (NoSuchFileException e) {
      throw new MissingInputException(path + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A decoder whose failures (truncated stream, bad CRC, corrupt block) become {@link
   * CorruptCompressionException}s naming the file and the compression, one line each.
   */
  private static final class Checked extends java.io.FilterInputStream {
    private final String source;
    private final String kind;
    private long decoded;

    Checked(InputStream in, String source, String kind) {
      super(in);
      this.source = source;
      this.kind = kind;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        decoded += b < 0 ? 0 : 1;
        return b;
      } catch (IOException | RuntimeException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        decoded += Math.max(0, n);
        return n;
      } catch (IOException | RuntimeException e) {
        throw corrupt(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } catch (IOException | RuntimeException e) {
        throw corrupt(e);
      }
    }

    private CorruptCompressionException corrupt(Exception e) {
      if (e instanceof CorruptCompressionException c) {
        return c;
      }
      String why = e.getMessage() == null || e.getMessage().isBlank() ? "the stream ends early" : e.getMessage().strip();
      boolean truncated = e instanceof java.io.EOFException || why.toLowerCase(java.util.Locale.ROOT).contains("end of");
      return new CorruptCompressionException(source, kind, decoded, truncated ? "truncated " + kind + " data (" + why + ")"
          : "corrupt " + kind + " data (" + why + ")");
    }
  }

  /**
   * A compressed file that cannot be decoded to its end: cut short, a CRC mismatch, a corrupt block.
   * Readers that count lines turn it into a {@link org.interphase.core.MalformedInputException} at the
   * line where decoding stopped.
   */
  public static final class CorruptCompressionException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient String found;
    private final long decodedBytes;

    CorruptCompressionException(String source, String kind, long decodedBytes, String found) {
      super(source + ": expected intact " + kind + " data, found " + found);
      this.source = source;
      this.found = found;
      this.decodedBytes = decodedBytes;
    }

    /** What was found instead of intact data. */
    public String found() {
      return found;
    }

    /** The file. */
    public String source() {
      return source;
    }

    /** Bytes decoded before the failure. */
    public long decodedBytes() {
      return decodedBytes;
    }
  }

  /**
   * Refuses named pipes, sockets and devices before opening them: a reader looks at a file more than
   * once (format detection, then reading), which a pipe cannot give, and a device such as
   * {@code /dev/zero} never ends.
   *
   * @throws MissingInputException when nothing is there (also a dangling link)
   * @throws org.interphase.core.MalformedInputException when it is not a regular file
   */
  public static void requireRegularFile(Path path) {
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file" + (Files.isSymbolicLink(path) ? " (a link to a file that does not exist)" : ""));
    }
    if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
      throw new org.interphase.core.MalformedInputException(path.toString(), 1,
          "a regular file (save a pipe's output to a file first, e.g. zcat run.gz > XDATCAR)", "a named pipe, socket or device");
    }
  }

  private static boolean isGzip(byte[] magic) {
    return magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
  }

  private static boolean isBzip2(byte[] magic) {
    return magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h';
  }

  private static boolean isXz(byte[] magic) {
    return magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X' && magic[4] == 'Z'
        && magic[5] == 0;
  }

  /** The file name without a compression suffix: {@code OUTCAR.gz → OUTCAR}. */
  public static String baseName(Path path) {
    String name = path.getFileName().toString();
    for (String s : SUFFIXES) {
      if (name.endsWith(s)) {
        return name.substring(0, name.length() - s.length());
      }
    }
    return name;
  }

  /** Reads the first {@code n} decompressed bytes (fewer when the file is shorter). */
  public static byte[] head(Path path, int n) {
    try (InputStream in = open(path, false)) {
      return in.readNBytes(n);
    } catch (CorruptCompressionException e) {
      throw new org.interphase.core.MalformedInputException(path.toString(), 1, "intact compressed data", e.found());
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }
}
