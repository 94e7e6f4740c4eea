package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Chunks of whole records, in file order, with the right line numbers, wherever the nominal cuts fall: inside short
 * lines, inside records many times longer than the 64 kB window that looks for the next record start, at a line
 * that the window cuts off, with Windows line ends. The expected records and line counts come from splitting the
 * generated text by hand, not from the reader.
 */
class ParallelChunksTest {

  /** A text of {@code records} records, each a line {@code REC k} and lines of filler, some records over 64 kB. */
  private static String text(int records, String eol, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("header line\n".replace("\n", eol));
    for (int k = 0; k < records; k++) {
      b.append("REC ").append(k).append(eol);
      int lines = k % 7 == 3 ? 1500 + r.nextInt(500) : r.nextInt(40);
      for (int i = 0; i < lines; i++) {
        // filler never starts with "REC"; lengths from 0 to ~200 characters
        b.append("x".repeat(r.nextInt(200))).append(' ').append(i).append(eol);
      }
    }
    return b.toString();
  }

  private record Seen(List<Integer> ids, boolean startsAtRecord, long lines) implements ParallelChunks.Counted {}

  private static Seen parse(byte[] t, int length, long offset) {
    String s = new String(t, 0, length, StandardCharsets.US_ASCII);
    List<Integer> ids = new ArrayList<>();
    long lines = 0;
    for (String line : s.split("\n", -1)) {
      if (line.startsWith("REC ")) {
        ids.add(Integer.parseInt(line.substring(4).trim()));
      }
    }
    for (int i = 0; i < length; i++) {
      lines += t[i] == '\n' ? 1 : 0;
    }
    return new Seen(ids, length == 0 || s.startsWith("REC "), lines);
  }

  private static void check(String eol, long chunkBytes, int threads) throws IOException {
    String text = text(120, eol, 17 + chunkBytes);
    Path f = SharedData.scratch("parallel-chunks").resolve("records-" + eol.length() + "-" + chunkBytes + "-" + threads + ".txt");
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.US_ASCII);
    long start = text.indexOf("REC 0");
    List<Integer> ids = new ArrayList<>();
    long expectedOffset = start;
    try (ParallelChunks<Seen> chunks = new ParallelChunks<>(f, start, 1, chunkBytes, threads,
        (t, from, to) -> to - from >= 4 && t[from] == 'R' && t[from + 1] == 'E' && t[from + 2] == 'C' && t[from + 3] == ' ',
        ParallelChunksTest::parse)) {
      for (ParallelChunks.Chunk<Seen> c = chunks.next(); c != null; c = chunks.next()) {
        assertTrue(c.value().startsAtRecord(), "a chunk at byte " + c.offset() + " does not start at a record");
        if (c.length() > 0) {
          assertEquals(expectedOffset, c.offset(), "chunks follow each other without gap or overlap");
          long linesBefore = text.substring(0, (int) c.offset()).chars().filter(ch -> ch == '\n').count();
          assertEquals(linesBefore, c.linesBefore(), "lines before byte " + c.offset());
          expectedOffset += c.length();
        }
        ids.addAll(c.value().ids());
      }
    }
    assertEquals(text.length(), expectedOffset, "the chunks reach the end of the file");
    for (int k = 0; k < 120; k++) {
      assertEquals(k, ids.get(k), "records in file order");
    }
    assertEquals(120, ids.size());
  }

  @Test
  void wholeRecordsInOrderWhereverTheCutsFall() throws IOException {
    for (long chunk : new long[] {1_000, 4_096, 65_536, 70_001, 300_000, 1 << 22}) {
      for (int threads : new int[] {1, 3}) {
        check("\n", chunk, threads);
        check("\r\n", chunk, threads);
      }
    }
  }
}
