package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

/**
 * Coordinate lines in VASP's own layout (3F12.8) and the same numbers written any other way give the same doubles,
 * and both give what {@link Double#parseDouble} gives for the text (the correctly rounded value): negative values,
 * negative zero, values of 10 and more (twelve characters with no leading blank), fields with a stray character.
 */
class XdatcarFixedFieldTest {

  private static final int ATOMS = 50;

  private static double[] parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    XdatcarChunk c = XdatcarChunk.parse(b, b.length, ATOMS, Cell.orthorhombic(1, 1, 1));
    assertEquals(3, c.frames(), "frames parsed");
    double[] all = new double[3 * 3 * ATOMS];
    for (int f = 0; f < 3; f++) {
      System.arraycopy(c.positions[f], 0, all, 3 * ATOMS * f, 3 * ATOMS);
    }
    return all;
  }

  @Test
  void vaspLayoutAndFreeLayoutGiveTheCorrectlyRoundedValues() {
    Random r = new Random(5);
    StringBuilder fixed = new StringBuilder();
    StringBuilder free = new StringBuilder();
    double[] expected = new double[3 * 3 * ATOMS];
    int k = 0;
    for (int f = 1; f <= 3; f++) {
      fixed.append("Direct configuration=     ").append(f).append('\n');
      free.append("Direct configuration= ").append(f).append('\n');
      for (int i = 0; i < ATOMS; i++) {
        for (int d = 0; d < 3; d++) {
          double v = switch ((i + d) % 7) {
            case 0 -> -r.nextDouble();
            case 1 -> 10 + 5 * r.nextDouble();
            case 2 -> i % 2 == 0 ? -0.0 : 0.0;
            default -> r.nextDouble();
          };
          String field = String.format(Locale.ROOT, "%12.8f", v);
          fixed.append(field);
          free.append(' ').append(field.trim()).append(' ');
          expected[k++] = Double.parseDouble(field.trim());
        }
        fixed.append('\n');
        free.append(" \n");
      }
    }
    double[] a = parse(fixed.toString());
    double[] b = parse(free.toString());
    for (int i = 0; i < expected.length; i++) {
      // exactly equal (the unit cube's transform may turn −0 into +0, which compare equal here)
      assertEquals(expected[i], a[i], 0.0, "VASP layout, value " + i);
      assertEquals(expected[i], b[i], 0.0, "free layout, value " + i);
      assertEquals(Double.doubleToLongBits(b[i]), Double.doubleToLongBits(a[i]), "both layouts to the bit, value " + i);
    }
  }

  @Test
  void aStrayCharacterInAFieldStopsTheChunkThere() {
    String good = "Direct configuration=     1\n" + "  0.10000000  0.20000000  0.30000000\n".repeat(ATOMS);
    String bad = "Direct configuration=     2\n" + "  0.10000000  0.2000x000  0.30000000\n".repeat(ATOMS);
    byte[] b = (good + bad + good).getBytes(StandardCharsets.US_ASCII);
    XdatcarChunk c = XdatcarChunk.parse(b, b.length, ATOMS, Cell.orthorhombic(1, 1, 1));
    assertEquals(1, c.frames(), "the frame with the stray character and all after it are left to the sequential reader");
  }
}
