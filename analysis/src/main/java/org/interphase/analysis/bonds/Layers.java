package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Slabs along one Cartesian axis, e.g. {@code z=0:10,10:20,20:31} (Å), for saying where an event
 * happened relative to the interface. A position belongs to the first slab with {@code lo ≤ c < hi}
 * after wrapping into the cell.
 */
public record Layers(int axis, double[] lo, double[] hi) {

  /** Parses {@code z=0:10,10:20}. */
  public static Layers parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.length() < 3 || t.charAt(1) != '=' || "xyz".indexOf(t.charAt(0)) < 0) {
      throw new IllegalArgumentException("layers are AXIS=LO:HI,LO:HI,… in Å, e.g. z=0:10,10:20; got \"" + text + "\"");
    }
    List<double[]> ranges = new ArrayList<>();
    for (String part : t.substring(2).split(",")) {
      String[] lohi = part.split(":");
      try {
        double lo = Double.parseDouble(lohi[0]);
        double hi = Double.parseDouble(lohi[1]);
        if (!(hi > lo)) {
          throw new IllegalArgumentException("layer " + part + " needs lo < hi");
        }
        ranges.add(new double[] {lo, hi});
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IllegalArgumentException("layers are AXIS=LO:HI,LO:HI,… in Å; cannot read \"" + part + "\"");
      }
    }
    return new Layers("xyz".indexOf(t.charAt(0)), ranges.stream().mapToDouble(r -> r[0]).toArray(),
        ranges.stream().mapToDouble(r -> r[1]).toArray());
  }

  /** The layer of a wrapped Cartesian coordinate along the axis, or -1. */
  public int layerOf(double coordinateA) {
    for (int i = 0; i < lo.length; i++) {
      if (coordinateA >= lo[i] && coordinateA < hi[i]) {
        return i;
      }
    }
    return -1;
  }

  /** Label of layer i, e.g. {@code z 10.0–20.0 Å}. */
  public String label(int i) {
    return String.format(Locale.ROOT, "%c %.1f–%.1f Å", "xyz".charAt(axis), lo[i], hi[i]);
  }
}
