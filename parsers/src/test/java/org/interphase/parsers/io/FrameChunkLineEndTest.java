package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line-end search that reads eight bytes at a time finds what a byte-by-byte search finds: from every start, in
 * texts of every byte value (line ends next to 0x0b, 0x8a and 0x09, which differ from it by one bit or one unit), with
 * line ends at every place within a word and texts that end inside a word.
 */
class FrameChunkLineEndTest {

  private static int byByte(byte[] t, int p, int length) {
    int i = p;
    while (i < length && t[i] != '\n') {
      i++;
    }
    return i;
  }

  @Test
  void findsTheFirstLineEndFromEveryStart() {
    Random r = new Random(3);
    byte[] tricky = {'\n', 0x0b, (byte) 0x8a, 0x09, 0x00, (byte) 0xff, 0x0a - 1, ' ', '0'};
    for (int round = 0; round < 200; round++) {
      int n = r.nextInt(70);
      byte[] t = new byte[n + 5];
      for (int i = 0; i < t.length; i++) {
        t[i] = r.nextInt(4) == 0 ? tricky[r.nextInt(tricky.length)] : (byte) r.nextInt(256);
      }
      for (int length = 0; length <= n; length++) {
        for (int p = 0; p <= length; p++) {
          assertEquals(byByte(t, p, length), FrameChunk.lineEnd(t, p, length), "start " + p + ", length " + length);
        }
      }
    }
  }
}
