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
}
