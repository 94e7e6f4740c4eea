package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.interphase.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/** Numbers as Fortran programs write them, checked against the values Java's own parser gives for the same text with an E. */
class LineReaderNumbersTest {

  private static LineReader line(String text) {
    LineReader r = new LineReader(new ByteArrayInputStream((text + "\n").getBytes(StandardCharsets.ISO_8859_1)), "test.dat");
    assertTrue(r.next());
    return r;
  }

  @Test
  void fortranExponentsWithoutTheirE() {
    // three-digit exponents lose their E in Fortran's E format; more than 15 significant digits take the slow path
    LineReader r = line("1.234-100 -5.5+101 1.23456789012345678-120 0.1234567890123456789+205");
    assertEquals(1.234e-100, r.nextDouble("a number"), 0.0);
    assertEquals(-5.5e101, r.nextDouble("a number"), 0.0);
    assertEquals(Double.parseDouble("1.23456789012345678e-120"), r.nextDouble("a number"), 0.0);
    assertEquals(Double.parseDouble("0.1234567890123456789e205"), r.nextDouble("a number"), 0.0);
  }

  @Test
  void fortranDExponentsAndGluedNumbers() {
    LineReader r = line("1.5D-03 2.0d+2 0.1234-0.5678");
    assertEquals(1.5e-3, r.nextDouble("a number"), 0.0);
    assertEquals(200.0, r.nextDouble("a number"), 0.0);
    assertEquals(0.1234, r.nextDouble("a number"), 0.0);
    assertEquals(-0.5678, r.nextDouble("a number"), 0.0);
  }

  @Test
  void aNumberWithLettersIsOneClearError() {
    LineReader r = line("1.23456789012345678901x");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> r.nextDouble("a coordinate"));
    assertTrue(e.getMessage().contains("test.dat:1"), e.getMessage());
  }
}
