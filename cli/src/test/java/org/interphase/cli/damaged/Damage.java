package org.interphase.cli.damaged;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The byte-level edits that turn an undamaged file into a damaged variant, as in the Python of
 * {@code shared/data/damaged/make_and_run.sh}.
 *
 * <p>File contents are handled as ISO-8859-1 strings: one char per byte, both ways, so that a file
 * with any bytes (Latin-1 comments, NUL blocks, random bytes) survives an edit unchanged except where
 * it is edited, and regular expressions work on it as the script's {@code re} does on {@code bytes}.
 * Lines keep their line ends, as Python's {@code splitlines(True)}.
 */
final class Damage {
  /** ASCII whitespace as Python's {@code bytes.split()} and {@code bytes.strip()} see it. */
  static final Pattern WS = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

  private Damage() {}

  // ------------------------------------------------------------------------------------ files

  /** The bytes of a file, as an ISO-8859-1 string. */
  static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a file, decompressed when its name ends in .gz, .xz or .bz2 (the script's {@code rz}). */
  static String readDecompressed(Path p) {
    String n = p.getFileName().toString();
    try (InputStream raw = Files.newInputStream(p)) {
      InputStream in = raw;
      if (n.endsWith(".gz")) {
        in = new GZIPInputStream(raw, 1 << 16);
      } else if (n.endsWith(".xz")) {
        in = new XZInputStream(raw);
      } else if (n.endsWith(".bz2")) {
        in = new BZip2CompressorInputStream(raw, true);
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the ISO-8859-1 string {@code data} as bytes, creating the parent folders (the script's {@code wb}). */
  static Path write(Path p, String data) {
    return write(p, bytes(data));
  }

  static Path write(Path p, byte[] data) {
    try {
      Files.createDirectories(p.toAbsolutePath().getParent());
      Files.write(p, data);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** Copies the named files of {@code srcDir} into {@code dstDir} (contents only, as {@code shutil.copyfile}). */
  static Path copyFiles(Path srcDir, List<String> names, Path dstDir) {
    try {
      Files.createDirectories(dstDir);
      for (String n : names) {
        Files.copy(srcDir.resolve(n), dstDir.resolve(n));
      }
      return dstDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies a folder tree (the script's {@code copytree}). The copies are writable even where the
   * shared originals are read-only, so that {@code target/} can always be cleaned.
   */
  static Path copyTree(Path src, Path dst) {
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path q = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
      return dst;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file or folder tree if it exists (symbolic links are removed, never followed). */
  static void deleteTree(Path p) {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      List<Path> all = new ArrayList<>(s.toList());
      java.util.Collections.reverse(all);
      for (Path q : all) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------ lines

  /** Python's {@code bytes.splitlines(True)}: lines with their ends; \n, \r\n and \r end a line. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        out.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(s.substring(start));
    }
    return out;
  }

  static String join(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l);
    }
    return b.toString();
  }

  /** Joins a list of frames (each a list of lines). */
  static String joinFrames(List<List<String>> frames) {
    StringBuilder b = new StringBuilder();
    for (List<String> f : frames) {
      for (String l : f) {
        b.append(l);
      }
    }
    return b.toString();
  }

  /** Every line end turned into CRLF. */
  static String crlf(String s) {
    return s.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** 64 bytes from {@code at} XOR 0x5A. */
  static byte[] flip(byte[] b, int at) {
    byte[] c = b.clone();
    for (int i = at; i < Math.min(at + 64, c.length); i++) {
      c[i] ^= 0x5A;
    }
    return c;
  }

  /** Python's {@code bytes.strip()} / {@code lstrip()} / {@code rstrip()} on ASCII whitespace. */
  static String strip(String s) {
    return rstrip(lstrip(s));
  }

  static String lstrip(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String rstrip(String s) {
    int j = s.length();
    while (j > 0 && isSpace(s.charAt(j - 1))) {
      j--;
    }
    return s.substring(0, j);
  }

  /** Python's {@code rstrip(b'\\n')}: trailing newline characters removed. */
  static String rstripNewlines(String s) {
    int j = s.length();
    while (j > 0 && s.charAt(j - 1) == '\n') {
      j--;
    }
    return s.substring(0, j);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Python's {@code bytes.split()}: the whitespace-separated fields. */
  static List<String> split(String line) {
    String t = strip(line);
    return t.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(WS.split(t)));
  }

  /** Replaces whitespace field {@code i} of a line, fields joined by three spaces, leading space and line end kept. */
  static String field(String line, int i, String repl) {
    String end = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
    List<String> parts = split(line);
    parts.set(i, repl);
    String lead = line.substring(0, line.length() - lstrip(line).length());
    return lead + String.join("   ", parts) + end;
  }

  /** Splits XYZ lines into frames; each frame's size comes from its first line (blank lines between frames skipped). */
  static List<List<String>> framesXyz(List<String> lines) {
    List<List<String>> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      if (strip(lines.get(i)).isEmpty()) {
        i++;
        continue;
      }
      int n = Integer.parseInt(split(lines.get(i)).get(0));
      out.add(new ArrayList<>(lines.subList(i, Math.min(lines.size(), i + n + 2))));
      i += n + 2;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ compression

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(b, 1 << 16)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /**
   * xz as Python's {@code lzma.compress} writes it: one LZMA2 stream with preset 6's 8 MiB dictionary
   * and a CRC-64 check. The encoder searches in fast mode (what a decoder sees is the same kind of
   * stream; the pure-Java normal mode would take seconds per MB on a busy CI machine).
   */
  static byte[] xz(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    LZMA2Options opt;
    try {
      opt = new LZMA2Options(6);
      opt.setMode(LZMA2Options.MODE_FAST);
      opt.setMatchFinder(LZMA2Options.MF_HC4);
      opt.setNiceLen(64);
    } catch (org.tukaani.xz.UnsupportedOptionsException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream z = new XZOutputStream(b, opt, XZ.CHECK_CRC64)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /** bzip2 with block size 9, as Python's {@code bz2.compress}. */
  static byte[] bz2(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream z = new BZip2CompressorOutputStream(b, 9)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /**
   * gzip made of stored (uncompressed) deflate blocks, as {@code gzip.compress(data, compresslevel=0, mtime=0)}:
   * the data appears verbatim in the file, so an edit inside it can only be caught by the CRC.
   */
  static byte[] gzipStored(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(data.length + data.length / 65535 * 5 + 32);
    b.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    int at = 0;
    do {
      int n = Math.min(65535, data.length - at);
      boolean last = at + n == data.length;
      b.write(last ? 1 : 0);
      b.write(n & 0xff);
      b.write(n >>> 8);
      b.write(~n & 0xff);
      b.write((~n >>> 8) & 0xff);
      b.write(data, at, n);
      at += n;
    } while (at < data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    writeLe32(b, (int) crc.getValue());
    writeLe32(b, data.length);
    return b.toByteArray();
  }

  private static void writeLe32(ByteArrayOutputStream b, int v) {
    b.write(v & 0xff);
    b.write((v >>> 8) & 0xff);
    b.write((v >>> 16) & 0xff);
    b.write((v >>> 24) & 0xff);
  }

  /** First index of {@code needle} in {@code hay}, or -1. */
  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Concatenation of byte arrays. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  // ------------------------------------------------------------------------------------ Python's random bytes

  /**
   * {@code random.Random(seed).randbytes(n)} of CPython (n a multiple of 4): MT19937 seeded by
   * {@code init_by_array([seed])}, 32-bit outputs written little-endian one after the other, so that
   * the "random bytes" variant holds the very bytes the script writes.
   */
  static byte[] pythonRandBytes(int seed, int n) {
    int[] mt = new int[624];
    mt[0] = 19650218;
    for (int i = 1; i < 624; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    int i = 1;
    int j = 0;
    for (int k = 624; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + seed + j;
      i++;
      j = 0;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
    }
    for (int k = 623; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    byte[] out = new byte[n];
    int idx = 624;
    for (int o = 0; o < n; o += 4) {
      if (idx >= 624) {
        for (int kk = 0; kk < 624; kk++) {
          int y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % 624] & 0x7fffffff);
          mt[kk] = mt[(kk + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        idx = 0;
      }
      int y = mt[idx++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[o] = (byte) y;
      out[o + 1] = (byte) (y >>> 8);
      out[o + 2] = (byte) (y >>> 16);
      out[o + 3] = (byte) (y >>> 24);
    }
    return out;
  }
}
