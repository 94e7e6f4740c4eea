package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Typographic numbers for figures and the report, checked against strings written by hand. */
class PrintedTest {
  @Test
  void scientificUsesTimesTenToThePower() {
    assertEquals("1.45 × 10⁻⁵", Printed.scientific(1.45e-5));
    assertEquals("⁰", Printed.superscript(0));
    assertEquals("⁻¹²", Printed.superscript(-12));
    assertEquals("2.50 × 10⁴", Printed.scientific(25000));
    assertEquals("1.00 × 10⁻⁵", Printed.scientific(9.996e-6)); // rounds up into the next power
    assertEquals("0.0123", Printed.scientific(0.0123));
    assertEquals("590", Printed.scientific(590.2));
    assertEquals("n/a", Printed.scientific(Double.NaN));
  }

  @Test
  void measurementDisplayKeepsTheDigitsOfItsError() {
    assertEquals("(3.1 ± 1.3) × 10⁻⁵ cm²/s", new Measurement(3.12e-5, 1.3e-5, "cm²/s").display());
    assertEquals("(3.1 ± 1.3)e-05 cm²/s", new Measurement(3.12e-5, 1.3e-5, "cm²/s").toString());
    assertEquals("0.252 ± 0.026 eV", new Measurement(0.2521, 0.0262, "eV").display());
    assertEquals("1.2340 × 10⁻⁵ S/cm", new Measurement(1.234e-5, Double.NaN, "S/cm").display());
  }

  /** A text-table cell that is not available reads n/a in the column's width, never NaN or Infinity. */
  @Test
  void aNumberThatIsNotAvailablePrintsAsNotAvailableInItsColumn() {
    assertEquals("  0.06842", Printed.fixed(0.068417, 9, 5));
    assertEquals(" -1.23457", Printed.fixed(-1.234567, 9, 5));
    assertEquals("      n/a", Printed.fixed(Double.NaN, 9, 5));
    assertEquals("      n/a", Printed.fixed(Double.POSITIVE_INFINITY, 9, 5));
    assertEquals("123456.00000", Printed.fixed(123456, 9, 5)); // wider than the column: all digits kept
    assertEquals("0.7328", Printed.fixed(0.732798, 0, 4));
    assertEquals("0.01234", Printed.significant(0.012344, 4));
    assertEquals("n/a", Printed.significant(Double.NaN, 4));
    assertEquals("1.500e-06", Printed.exponent(1.5e-6, 3));
    assertEquals("n/a", Printed.exponent(Double.NEGATIVE_INFINITY, 3));
  }
}
