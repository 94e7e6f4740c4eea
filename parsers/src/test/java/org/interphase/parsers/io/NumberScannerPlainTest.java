package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The static plain-number path of the chunk parsers gives what {@link NumberScanner#scan} gives, or hands over. */
class NumberScannerPlainTest {

  /** Same end index and bit-identical value as scan, or -1 where scan is needed. */
  private static void agrees(String text) {
    byte[] b = (text + " ").getBytes(StandardCharsets.ISO_8859_1);
    for (int end : new int[] {text.length(), b.length}) {
      double[] out = {Double.NaN};
      int q = NumberScanner.scanPlain(b, 0, end, out, 0);
      NumberScanner s = new NumberScanner();
      int r = s.scan(b, 0, end);
      if (q >= 0) {
        assertEquals(r, q, text);
        assertEquals(Double.doubleToRawLongBits(s.value()), Double.doubleToRawLongBits(out[0]), text);
      }
    }
  }

  @Test
  void fixedFormatNumbersAsCAndFortranWriteThem() {
    Random rnd = new Random(17);
    for (int k = 0; k < 200_000; k++) {
      double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(8));
      agrees(String.format(Locale.ROOT, "%." + rnd.nextInt(13) + "f", v));
    }
  }

  @Test
  void blanksAreSpaceTabVerticalTabFormFeedAndCarriageReturn() {
    for (int b = Byte.MIN_VALUE; b <= Byte.MAX_VALUE; b++) {
      boolean blank = b == ' ' || b == '\t' || b == '\f' || b == '\r' || b == 0x0b;
      assertEquals(blank, NumberScanner.isSpace((byte) b), "byte " + b);
    }
  }

  @Test
  void edgeCasesAndFormsLeftToTheFullScanner() {
    for (String t : new String[] {"0", "-0", "-0.0", "5.", ".5", "-.5", "123456789012345", "1234567890123456", "0.1234567890123456",
        "1e5", "1.5D-03", "0.1234-0.5678", "1.2.3", "-", ".", "", "+1.5", "1,5", "12a", "0.00000000", "99999999999999.9"}) {
      agrees(t);
    }
    double[] out = new double[1];
    assertEquals(-1, NumberScanner.scanPlain("1e5".getBytes(StandardCharsets.ISO_8859_1), 0, 3, out, 0));
    assertEquals(4, NumberScanner.scanPlain("-2.5\n".getBytes(StandardCharsets.ISO_8859_1), 0, 5, out, 0));
    assertEquals(-2.5, out[0], 0.0);
  }
}
