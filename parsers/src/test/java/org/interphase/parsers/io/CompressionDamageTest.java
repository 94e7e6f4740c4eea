package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.interphase.core.MalformedInputException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compressed files cut short or damaged in the middle are malformed input with a {@code file:line:}
 * message naming the compression, never an I/O failure with the decoder's bare message.
 */
class CompressionDamageTest {
  private static final int LINES = 6000;
  @TempDir
  Path dir;

  private static byte[] text() {
    StringBuilder sb = new StringBuilder();
    java.util.Random rnd = new java.util.Random(7);
    for (int i = 0; i < LINES; i++) {
      sb.append(String.format(java.util.Locale.ROOT, "%12.8f %12.8f %12.8f%n", rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()));
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] compress(String kind, byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (OutputStream out = switch (kind) {
      case "gz" -> new GZIPOutputStream(bos);
      case "bz2" -> new BZip2CompressorOutputStream(bos);
      default -> new XZCompressorOutputStream(bos);
    }) {
      out.write(data);
    }
    return bos.toByteArray();
  }

  private static long readAll(Path p) {
    long lines = 0;
    try (LineReader r = LineReader.open(p)) {
      while (r.next()) {
        lines++;
      }
    }
    return lines;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz"})
  void intactFileReadsEveryLine(String kind) throws IOException {
    Path p = dir.resolve("data." + kind);
    Files.write(p, compress(kind, text()));
    assertEquals(LINES, readAll(p));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz"})
  void truncatedFileIsMalformedAtTheLineWhereDecodingStopped(String kind) throws IOException {
    byte[] full = compress(kind, text());
    Path p = dir.resolve("cut." + kind);
    Files.write(p, Arrays.copyOf(full, full.length / 2));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p));
    assertTrue(e.line() > 0 && e.line() <= LINES, "line " + e.line());
    assertTrue(e.getMessage().startsWith(p + ":" + e.line() + ": expected intact compressed data"), e.getMessage());
    assertTrue(e.getMessage().contains(kind.equals("gz") ? "gzip" : kind.equals("bz2") ? "bzip2" : "xz"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz"})
  void flippedBytesInTheMiddleAreMalformed(String kind) throws IOException {
    byte[] data = compress(kind, text());
    for (int i = data.length / 2; i < data.length / 2 + 64; i++) {
      data[i] = (byte) ~data[i];
    }
    Path p = dir.resolve("flipped." + kind);
    Files.write(p, data);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p));
    assertTrue(e.getMessage().contains("expected intact compressed data"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void deviceBehindALinkIsRefusedWithoutReading() throws IOException {
    Path link = dir.resolve("XDATCAR");
    Files.createSymbolicLink(link, Path.of("/dev/zero"));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> LineReader.open(link));
    assertEquals(link + ":1: expected a regular file (save a pipe's output to a file first, e.g. zcat run.gz > XDATCAR), "
        + "found \"a named pipe, socket or device\"", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void namedPipeIsRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("pipe.xyz");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    // opening a FIFO without a writer would block: the refusal must come before any open
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> assertThrows(MalformedInputException.class, () -> LineReader.open(fifo)));
  }

  @org.junit.jupiter.api.Test
  void danglingLinkIsMissing() throws IOException {
    Path link = dir.resolve("OUTCAR");
    Files.createSymbolicLink(link, dir.resolve("gone"));
    org.interphase.core.MissingInputException e = assertThrows(org.interphase.core.MissingInputException.class, () -> LineReader.open(link));
    assertTrue(e.getMessage().contains("a link to a file that does not exist"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz"})
  void smallFileCutShortIsMalformedAlsoWhenOnlyItsHeadIsRead(String kind) throws IOException {
    byte[] small = "Li2S\n1.0\n5 0 0\n0 5 0\n0 0 5\nLi S\n2 1\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
    byte[] full = compress(kind, small);
    Path p = dir.resolve("small." + kind);
    Files.write(p, Arrays.copyOf(full, full.length - 12));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> Compression.head(p, 8192));
    assertTrue(e.getMessage().startsWith(p + ":1: expected intact compressed data, found \""), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    MalformedInputException e2 = assertThrows(MalformedInputException.class, () -> readAll(p));
    assertTrue(e2.getMessage().startsWith(p + ":"), e2.getMessage());
  }
}
