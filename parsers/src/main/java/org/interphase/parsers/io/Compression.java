package org.interphase.parsers.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.interphase.core.MissingInputException;

/**
 * Opens a file for reading, decompressing gzip, bzip2 and xz transparently. The compression is
 * recognised by its magic bytes, not the file name, so a mis-named file still reads.
 *
 * <p>Small compressed files that are read to the end are kept decompressed in a {@link
 * DecompressedCache}, so reading the same file again in one process (format detection, then the
 * analyses of a report) does not decode it again; large files stream as before.
 */
public final class Compression {
  private static final String[] SUFFIXES = {".gz", ".bz2", ".xz"};

  private Compression() {}

  /**
   * Opens {@code path} as a decompressed stream.
   *
   * @throws MissingInputException when the file does not exist
   * @throws UncheckedIOException on other I/O errors
   */
  public static InputStream open(Path path) {
    try {
      byte[] magic;
      try (InputStream probe = Files.newInputStream(path)) {
        magic = probe.readNBytes(6);
      }
      boolean compressed = isGzip(magic) || isBzip2(magic) || isXz(magic);
      if (compressed) {
        InputStream cached = DecompressedCache.open(path);
        if (cached != null) {
          return cached;
        }
      }
      InputStream raw = Files.newInputStream(path);
      InputStream decoded = raw;
      if (isGzip(magic)) {
        decoded = new GZIPInputStream(raw, 1 << 16);
      } else if (isBzip2(magic)) {
        decoded = new BZip2CompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
      } else if (isXz(magic)) {
        decoded = new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
      }
      return compressed ? DecompressedCache.recording(path, decoded) : decoded;
    } catch (NoSuchFileException e) {
      throw new MissingInputException(path + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
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
    try (InputStream in = open(path)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }
}
