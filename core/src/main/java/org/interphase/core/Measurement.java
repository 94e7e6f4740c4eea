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

  @Override
  public String toString() {
    if (Double.isNaN(stdErr)) {
      return String.format(Locale.ROOT, "%.4g %s", value, unit);
    }
    return String.format(Locale.ROOT, "%.4g ± %.2g %s", value, stdErr, unit);
  }
}
