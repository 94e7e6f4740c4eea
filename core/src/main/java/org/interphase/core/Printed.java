package org.interphase.core;

import java.util.Locale;

/**
 * How a number is printed for people: one rule per kind of quantity, used by every text output,
 * table, chart legend and caption, so a value reads the same wherever it appears. Files meant for
 * programs (JSON, CSV) keep full double precision; rounding what they hold to the digits printed
 * here gives the printed text. A value with an error prints through {@link Measurement#toString()}
 * (the value to the precision of its error).
 */
public final class Printed {
  /**
   * What a text output prints for a number that is not available (NaN, or not finite): a table cell,
   * a summary value. Programs read {@code null} (JSON) or an empty cell (CSV) instead.
   */
  public static final String NOT_AVAILABLE = "n/a";

  private Printed() {}

  /**
   * A number in fixed notation for a column of a text table, right-aligned in {@code width}
   * characters, e.g. {@code fixed(0.0684, 9, 5)} → {@code "  0.06840"}; {@link #NOT_AVAILABLE},
   * right-aligned the same way, when the value is not finite (never {@code NaN}).
   *
   * @param v the value, in whatever unit the column's header names
   * @param width minimum characters, padded with spaces on the left
   * @param decimals digits after the decimal point
   */
  public static String fixed(double v, int width, int decimals) {
    String t = Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NOT_AVAILABLE;
    return t.length() >= width ? t : " ".repeat(width - t.length()) + t;
  }

  /**
   * A number to {@code digits} significant digits ({@code %g}), e.g. {@code significant(0.01234, 3)}
   * → {@code "0.0123"}; {@link #NOT_AVAILABLE} when not finite.
   *
   * @param v the value, in the unit the text names beside it
   */
  public static String significant(double v, int digits) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "g", v) : NOT_AVAILABLE;
  }

  /**
   * A number in computer scientific notation ({@code %e}) with {@code decimals} digits after the
   * point, e.g. {@code exponent(1.5e-6, 3)} → {@code "1.500e-06"}; {@link #NOT_AVAILABLE} when not finite.
   *
   * @param v the value, in the unit the text names beside it
   */
  public static String exponent(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "e", v) : NOT_AVAILABLE;
  }

  /**
   * An energy difference in eV (a barrier, a reaction energy) to 1 meV, e.g. {@code 0.935}: the
   * resolution at which bands are converged, finer than the method's accuracy.
   */
  public static String energyEv(double ev) {
    return Double.isFinite(ev) ? String.format(Locale.ROOT, "%.3f", ev) : NOT_AVAILABLE;
  }

  /** As {@link #energyEv} with its sign always shown, e.g. {@code +0.497} for a reaction energy. */
  public static String signedEnergyEv(double ev) {
    return Double.isFinite(ev) ? String.format(Locale.ROOT, "%+.3f", ev) : NOT_AVAILABLE;
  }

  /**
   * A number in typographic scientific notation for figures and the report, e.g. {@code 1.45 × 10⁻⁵}
   * (three significant digits; plain {@code 0.0123} … {@code 9999} without the power of ten; {@code
   * n/a} when not finite).
   */
  public static String scientific(double v) {
    if (!Double.isFinite(v)) {
      return NOT_AVAILABLE;
    }
    if (v == 0) {
      return "0";
    }
    int exp = (int) Math.floor(Math.log10(Math.abs(v)));
    if (exp >= -2 && exp < 4) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    double m = v / Math.pow(10, exp);
    if (Math.abs(Double.parseDouble(String.format(Locale.ROOT, "%.2f", m))) >= 10) { // 9.996e-6 rounds to 10.00
      m /= 10;
      exp++;
    }
    return String.format(Locale.ROOT, "%.2f", m) + " × 10" + superscript(exp);
  }

  /** An integer in superscript digits, e.g. {@code ⁻⁵}. */
  public static String superscript(int n) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder b = new StringBuilder(n < 0 ? "⁻" : "");
    for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
      b.append(digits.charAt(c - '0'));
    }
    return b.toString();
  }
}
