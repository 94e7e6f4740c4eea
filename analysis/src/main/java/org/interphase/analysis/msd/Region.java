package org.interphase.analysis.msd;

import java.util.Locale;

/**
 * A slab of the cell between two Cartesian coordinates along one axis, e.g. {@code z=12.0:18.5}
 * (Å). An atom belongs to it in a frame when its position, wrapped into the cell, lies in
 * {@code [loA, hiA)} along the axis.
 *
 * @param axis 0 = x, 1 = y, 2 = z
 */
public record Region(int axis, double loA, double hiA) {

  public Region {
    if (axis < 0 || axis > 2) {
      throw new IllegalArgumentException("region axis must be x, y or z, got " + axis);
    }
    if (!(hiA > loA)) {
      throw new IllegalArgumentException("region needs lo < hi, got " + loA + ":" + hiA + " Å");
    }
  }

  /** Whether a coordinate along the region's axis, Å, lies in {@code [loA, hiA)}. */
  public boolean contains(double coordinateA) {
    return coordinateA >= loA && coordinateA < hiA;
  }

  /**
   * Whether the point {@code (x, y, z)} (Cartesian, Å) lies in the slab once wrapped into the cell (fractional coordinates into
   * [0, 1)).
   */
  public boolean containsWrapped(org.interphase.core.Cell cell, double x, double y, double z) {
    double[] w = cell.toFractional(new double[] {x, y, z}, new double[3]);
    for (int d = 0; d < 3; d++) {
      w[d] -= Math.floor(w[d]);
    }
    return contains(cell.toCartesian(w, w)[axis]);
  }

  /** Parses {@code z=12.0:18.5}. */
  public static Region parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int eq = t.indexOf('=');
    int colon = t.indexOf(':');
    if (eq != 1 || colon < 0 || "xyz".indexOf(t.charAt(0)) < 0) {
      throw new IllegalArgumentException("a region is AXIS=LO:HI in Å, e.g. z=12.0:18.5; got \"" + text + "\"");
    }
    try {
      return new Region("xyz".indexOf(t.charAt(0)), Double.parseDouble(t.substring(eq + 1, colon)),
          Double.parseDouble(t.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a region is AXIS=LO:HI in Å, e.g. z=12.0:18.5; got \"" + text + "\"");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%c=%.3f:%.3f Å", "xyz".charAt(axis), loA, hiA);
  }

  /** A short label for a legend: {@code z 9.5–13.3 Å} (shortest decimals). */
  public String label() {
    return "xyz".charAt(axis) + " " + shortest(loA) + "–" + shortest(hiA) + " Å";
  }

  private static String shortest(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3f", v)).stripTrailingZeros().toPlainString();
  }
}
