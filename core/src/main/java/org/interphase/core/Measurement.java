package org.interphase.core;

import java.util.Locale;

/**
 * A value with its standard error and unit, e.g. a diffusion coefficient {@code 1.45e-5 ± 0.2e-5
 * cm²/s}. The error is NaN when it is not known.
 */
public record Measurement(double value, double stdErr, String unit) {

  /** The value times a factor, with the error scaled too, in another unit. */
  public Measurement scaled(double factor, String newUnit) {
    return new Measurement(value * factor, stdErr * Math.abs(factor), newUnit);
  }

  /**
   * The value rounded to the precision of its error (two significant digits of the error), e.g.
   * {@code 1.64e-04 ± 0.50e-04 cm²/s} or {@code 3.9 ± 1.2 S/cm}.
   */
  @Override
  public String toString() {
    return number() + " " + unit;
  }

  /**
   * {@link #toString()} without the unit, for a table whose header names it: {@code (1.64 ± 0.50)e-04},
   * {@code 3.9 ± 1.2}, {@code n/a}.
   */
  public String number() {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    if (!Double.isFinite(stdErr) || stdErr == 0) {
      return String.format(Locale.ROOT, Math.abs(value) < 1e-2 || Math.abs(value) >= 1e4 ? "%.4e" : "%.4g", value);
    }
    double mag = Math.abs(value) > 0 ? Math.abs(value) : stdErr;
    int exp = (int) Math.floor(Math.log10(mag));
    boolean sci = exp < -2 || exp >= 4;
    double scale = sci ? Math.pow(10, exp) : 1;
    double v = value / scale;
    double e = stdErr / scale;
    int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(e)));
    decimals = Math.min(decimals, 8);
    String core = String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", v, e);
    return sci ? String.format(Locale.ROOT, "(%s)e%+03d", core, exp) : core;
  }

  /**
   * As {@link #toString()} in typographic notation for figures and the report: {@code (1.64 ± 0.50) × 10⁻⁴
   * cm²/s}, {@code 3.9 ± 1.2 S/cm}.
   */
  public String display() {
    return displayNumber() + " " + unit;
  }

  /** {@link #display()} without the unit, for a table whose header names it: {@code (1.64 ± 0.50) × 10⁻⁴}. */
  public String displayNumber() {
    String n = number();
    int e = n.lastIndexOf(")e");
    if (e >= 0) {
      n = n.substring(0, e + 1) + " × 10" + Printed.superscript(Integer.parseInt(n.substring(e + 2)));
    } else if (n.matches("-?[0-9.]+e[-+][0-9]+")) {
      int x = n.indexOf('e');
      n = n.substring(0, x) + " × 10" + Printed.superscript(Integer.parseInt(n.substring(x + 1)));
    }
    return n;
  }
}
