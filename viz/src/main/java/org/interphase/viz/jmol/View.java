package org.interphase.viz.jmol;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which way a picture looks at the structure: {@link Auto} or down a lattice direction [uvw].
 *
 * <p>Text forms ({@link #parse}): {@code auto}; {@code a}, {@code b}, {@code c} (the lattice vectors,
 * = [100], [010], [001]); {@code [uvw]} with single digits and minus signs ({@code [110]}, {@code
 * [1-10]}) or with commas or spaces ({@code [1,-1,0]}, {@code [2 1 0]}, fractions allowed).
 */
public sealed interface View {

  /**
   * Perpendicular to a migration path when one is drawn; else with the interface normal (the longest
   * axis of a slab model) upright; else a default oblique view. See {@link Camera#of}.
   */
  record Auto() implements View {
    @Override
    public String toString() {
      return "auto";
    }
  }

  /**
   * Down the lattice direction u·a + v·b + w·c: that direction points from the structure toward the
   * viewer.
   *
   * @param uvw the three indices (not all zero), copied
   */
  record Along(double[] uvw) implements View {
    public Along {
      if (uvw.length != 3 || !(Math.abs(uvw[0]) + Math.abs(uvw[1]) + Math.abs(uvw[2]) > 0)) {
        throw new IllegalArgumentException("a view direction [uvw] needs three numbers, not all zero, got " + Arrays.toString(uvw));
      }
      uvw = uvw.clone();
    }

    @Override
    public double[] uvw() {
      return uvw.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Along a && Arrays.equals(uvw, a.uvw);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(uvw);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("[");
      for (int k = 0; k < 3; k++) {
        sb.append(k == 0 ? "" : ",").append(uvw[k] == Math.rint(uvw[k]) ? Long.toString((long) uvw[k]) : Double.toString(uvw[k]));
      }
      return sb.append(']').toString();
    }
  }

  /** The automatic view. */
  View AUTO = new Auto();

  /**
   * Reads a view from text (see the type's description).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static View parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "auto":
        return AUTO;
      case "a":
        return new Along(new double[] {1, 0, 0});
      case "b":
        return new Along(new double[] {0, 1, 0});
      case "c":
        return new Along(new double[] {0, 0, 1});
      default:
        break;
    }
    if (!t.startsWith("[") || !t.endsWith("]")) {
      throw bad(text);
    }
    String inner = t.substring(1, t.length() - 1).strip();
    String[] parts = inner.contains(",") || inner.contains(" ") ? inner.split("[,\\s]+") : inner.split("(?<=\\d)(?=[-+\\d])");
    if (parts.length != 3) {
      throw bad(text);
    }
    double[] uvw = new double[3];
    try {
      for (int k = 0; k < 3; k++) {
        uvw[k] = Double.parseDouble(parts[k]);
      }
    } catch (NumberFormatException e) {
      throw bad(text);
    }
    try {
      return new Along(uvw);
    } catch (IllegalArgumentException e) {
      throw bad(text);
    }
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException("a view is auto, a, b, c or a lattice direction such as [110], [1-10] or [1,-1,0]; got '"
        + text + "'");
  }
}
