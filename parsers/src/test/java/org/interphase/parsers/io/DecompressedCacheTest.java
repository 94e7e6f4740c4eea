package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecompressedCacheTest {
  private final Path dir = Path.of("target", "decompressed-cache-test");

  @BeforeEach
  void clean() throws Exception {
    Files.createDirectories(dir);
    DecompressedCache.clear();
  }

  private static byte[] text(int lines, String tag) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append(tag).append(' ').append(i).append(' ').append(Math.sin(i)).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeXz(Path p, byte[] content) throws Exception {
    try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(p))) {
      out.write(content);
    }
  }

  private static byte[] readAll(Path p) throws Exception {
    try (InputStream in = Compression.open(p)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aFileReadToTheEndIsServedAgainWithTheSameBytes() throws Exception {
    Path p = dir.resolve("a.txt.xz");
    byte[] content = text(20000, "a");
    writeXz(p, content);
    assertArrayEquals(content, readAll(p));
    assertTrue(DecompressedCache.contains(p));
    assertArrayEquals(content, readAll(p));
  }

  @Test
  void aPartlyReadFileIsNotKept() throws Exception {
    Path p = dir.resolve("b.txt.xz");
    writeXz(p, text(20000, "b"));
    assertArrayEquals(java.util.Arrays.copyOf(text(20000, "b"), 100), Compression.head(p, 100));
    assertFalse(DecompressedCache.contains(p));
  }

  @Test
  void aRewrittenFileIsDecodedAgain() throws Exception {
    Path p = dir.resolve("c.txt.xz");
    writeXz(p, text(1000, "old"));
    readAll(p);
    byte[] fresh = text(3000, "new");
    writeXz(p, fresh);
    assertArrayEquals(fresh, readAll(p));
  }

  @Test
  void plainFilesAreNotCached() throws Exception {
    Path p = dir.resolve("d.txt");
    Files.write(p, text(100, "d"));
    readAll(p);
    assertFalse(DecompressedCache.contains(p));
  }
}
