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
  private Printed() {}

  /**
   * An energy difference in eV (a barrier, a reaction energy) to 1 meV, e.g. {@code 0.935}: the
   * resolution at which bands are converged, finer than the method's accuracy.
   */
  public static String energyEv(double ev) {
    return Double.isFinite(ev) ? String.format(Locale.ROOT, "%.3f", ev) : "n/a";
  }

  /** As {@link #energyEv} with its sign always shown, e.g. {@code +0.497} for a reaction energy. */
  public static String signedEnergyEv(double ev) {
    return Double.isFinite(ev) ? String.format(Locale.ROOT, "%+.3f", ev) : "n/a";
  }

  /**
   * A number in typographic scientific notation for figures and the report, e.g. {@code 1.45 × 10⁻⁵}
   * (three significant digits; plain {@code 0.0123} … {@code 9999} without the power of ten; {@code
   * n/a} when not finite).
   */
  public static String scientific(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
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
