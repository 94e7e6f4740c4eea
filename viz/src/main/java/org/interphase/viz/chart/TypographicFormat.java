package org.interphase.viz.chart;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.interphase.core.Printed;

/**
 * Axis tick labels as a reader expects them in a figure: {@code 0.25}, {@code 1200}, and for very small
 * or large values {@code 1.5 × 10⁻⁵} instead of {@code 1.5E-5}; negative values with a minus sign (U+2212). Digits are the shortest that give the
 * tick value (ticks are round numbers); below 1e-14 in magnitude (the rounding residue of a tick at zero) prints as 0.
 */
final class TypographicFormat extends NumberFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
    int start = out.length();
    plain(v, out);
    if (out.length() > start && out.charAt(start) == '-') {
      out.setCharAt(start, '−'); // a minus sign, not a hyphen
    }
    return out;
  }

  private static StringBuffer plain(double v, StringBuffer out) {
    if (!Double.isFinite(v)) {
      return out.append("n/a");
    }
    if (Math.abs(v) < 1e-14) {
      return out.append('0');
    }
    int exp = (int) Math.floor(Math.log10(Math.abs(v)));
    if (exp >= -3 && exp < 5) {
      // ticks are round numbers: the shortest decimal of the double, without float noise (0.30000000000000004 → 0.3)
      return out.append(new BigDecimal(Double.toString(v)).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString());
    }
    BigDecimal m = new BigDecimal(Double.toString(v / Math.pow(10, exp))).round(new java.math.MathContext(6)).stripTrailingZeros();
    if (m.abs().compareTo(BigDecimal.TEN) >= 0) {
      m = m.movePointLeft(1);
      exp++;
    }
    String mant = m.toPlainString();
    return out.append("1".equals(mant) ? "" : mant + " × ").append("10").append(Printed.superscript(exp));
  }

  @Override
  public StringBuffer format(long v, StringBuffer out, FieldPosition pos) {
    return format((double) v, out, pos);
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    throw new UnsupportedOperationException("tick labels are not parsed");
  }
}
