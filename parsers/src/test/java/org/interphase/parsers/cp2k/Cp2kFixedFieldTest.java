package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Atom lines of a CP2K {@code -pos-} file in CP2K's own layout (F20.10 fields) and the same numbers written any other
 * way give the same doubles, which are the correctly rounded values of the text ({@link Double#parseDouble}) times the
 * unit factor: negative values and zero, one to five digits before the point, six (too many for the fixed fields),
 * labels of one and two letters, a Windows line end.
 */
class Cp2kFixedFieldTest {

  private static final String[] LABELS = {"Li", "S", "P", "Cl", "Li", "S"};

  private static double[] parse(String text, double factor) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    Cp2kXyzChunk c = Cp2kXyzChunk.parse(b, b.length, LABELS, factor, "test");
    assertEquals(4, c.frames(), "frames parsed");
    double[] all = new double[4 * 3 * LABELS.length];
    for (int f = 0; f < 4; f++) {
      System.arraycopy(c.blocks[f].values(), 0, all, 3 * LABELS.length * f, 3 * LABELS.length);
    }
    return all;
  }

  @Test
  void cp2kLayoutAndFreeLayoutGiveTheCorrectlyRoundedValues() {
    Random r = new Random(11);
    StringBuilder fixed = new StringBuilder();
    StringBuilder free = new StringBuilder();
    double[] expected = new double[4 * 3 * LABELS.length];
    double factor = 0.52917721067;
    int k = 0;
    for (int f = 0; f < 4; f++) {
      String head = String.format(Locale.ROOT, "%8d%n i = %8d, time = %12.3f, E = %22.10f%n", LABELS.length, f, 0.5 * f, -123.4);
      fixed.append(head.replace("\r", ""));
      free.append(head.replace("\r", ""));
      for (int i = 0; i < LABELS.length; i++) {
        // CP2K's own layout: the label right-aligned in three columns, a blank, three F20.10 fields (one length for every line)
        fixed.append(String.format(Locale.ROOT, "%3s ", LABELS[i]));
        free.append(LABELS[i]).append('\t');
        for (int d = 0; d < 3; d++) {
          double v = switch ((i + d + f) % 6) {
            case 0 -> -20 * r.nextDouble();
            case 1 -> 99_999 * r.nextDouble();
            case 2 -> 150_000 + r.nextDouble();
            case 3 -> 0.0;
            default -> 30 * r.nextDouble();
          };
          String field = String.format(Locale.ROOT, "%20.10f", v);
          fixed.append(field);
          free.append("  ").append(field.trim());
          expected[k++] = Double.parseDouble(field.trim()) * factor;
        }
        // one line with a Windows line end in each layout
        fixed.append(i == 2 && f == 1 ? "\r\n" : "\n");
        free.append(i == 3 ? "  \r\n" : "\n");
      }
    }
    double[] a = parse(fixed.toString(), factor);
    double[] b = parse(free.toString(), factor);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(a[i]), "CP2K layout, value " + i);
      assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(b[i]), "free layout, value " + i);
    }
  }

  @Test
  void aWrongLabelOrAStrayCharacterStopsTheChunkAtThatFrame() {
    String head = "       2\n i =        %d, time =        0.000, E =       -1.0000000000\n";
    String good = " Li        1.0000000000        2.0000000000        3.0000000000\n";
    String text = head.formatted(0) + good + good.replace("Li", "S ").replace("S  ", " S ") + head.formatted(1) + good
        + good.replace("2.0000000000", "2.00000x0000") + head.formatted(2) + good + good;
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    Cp2kXyzChunk c = Cp2kXyzChunk.parse(b, b.length, new String[] {"Li", "S"}, 1.0, "test");
    assertEquals(1, c.frames(), "the frame with the stray character and all after it are left to the sequential reader");
  }
}
