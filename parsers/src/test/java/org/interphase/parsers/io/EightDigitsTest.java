package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Eight digits read as one word give {@link Long#parseLong}'s number, and any byte that is not a digit gives −1. */
class EightDigitsTest {

  @Test
  void digitsGiveTheirNumber() {
    Random r = new Random(8);
    for (int k = 0; k < 100_000; k++) {
      String s = String.format("%08d", k < 10 ? new int[] {0, 1, 9, 10, 99_999_999, 10_000_000, 12_345_678, 90_000_009, 5, 7}[k]
          : r.nextInt(100_000_000));
      byte[] t = ("x" + s + "y").getBytes(StandardCharsets.US_ASCII);
      assertEquals(Long.parseLong(s), NumberScanner.eightDigits(t, 1), s);
    }
  }

  @Test
  void anyOtherByteInAnyPlaceGivesMinusOne() {
    for (int place = 0; place < 8; place++) {
      for (int b = 0; b < 256; b++) {
        byte[] t = "1234567890".getBytes(StandardCharsets.US_ASCII);
        t[place] = (byte) b;
        long expected = b >= '0' && b <= '9' ? Long.parseLong(new String(t, 0, 8, StandardCharsets.ISO_8859_1)) : -1;
        assertEquals(expected, NumberScanner.eightDigits(t, 0), "byte " + b + " at " + place);
      }
    }
  }
}
