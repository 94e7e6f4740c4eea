package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Locale;

/**
 * Slabs along one Cartesian axis, e.g. {@code z=0:10,10:20,20:31} (Å), for saying where an event
 * happened relative to the interface. A position belongs to the first slab with {@code lo ≤ c < hi}
 * after wrapping into the cell.
 */
public record Layers(int axis, double[] lo, double[] hi, String[] names) {

  public Layers(int axis, double[] lo, double[] hi) {
    this(axis, lo, hi, null);
  }

  /**
   * Layers found from the composition of one frame: the cell is cut into 1 Å slices along the axis
   * (which must be perpendicular to the other two cell vectors, as for an interface normal along
   * c), each slice is described by the set of elements within ±1.5 Å of it (atomic planes of one
   * phase alternate), neighbouring slices with the same set are merged, and slices thinner than
   * 2 Å are absorbed by the thicker neighbour. A Li2S | S8 cell
   * gives layers "Li S" and "S"; Li6PS5Cl next to Li3PS4 gives "Cl Li P S" and "Li P S"; empty
   * slices (vacuum) are named "vacuum".
   */
  public static Layers automatic(org.interphase.core.AtomTable atoms, org.interphase.core.Frame frame, int axis) {
    double height = frame.cell().perpendicularWidthsA()[axis];
    int bins = Math.max(1, (int) Math.round(height));
    List<TreeSet<String>> raw = elementsPerSlice(atoms, frame, axis, bins);
    // atomic planes alternate within a phase: describe each slice by the elements within ±1.5 Å
    int half = Math.max(1, (int) Math.round(1.5 * bins / height));
    List<TreeSet<String>> sets = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      TreeSet<String> u = new TreeSet<>();
      for (int k = -half; k <= half; k++) {
        u.addAll(raw.get(Math.floorMod(b + k, bins)));
      }
      sets.add(u);
    }
    // merge equal neighbours, then absorb thin segments
    List<int[]> seg = new ArrayList<>();
    List<TreeSet<String>> segSet = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (!seg.isEmpty() && segSet.get(segSet.size() - 1).equals(sets.get(b))) {
        seg.get(seg.size() - 1)[1] = b + 1;
      } else {
        seg.add(new int[] {b, b + 1});
        segSet.add(sets.get(b));
      }
    }
    double binA = height / bins;
    absorbThin(seg, segSet, binA);
    sharpen(seg, segSet, raw, half);
    // layer bounds in Cartesian coordinate along the axis of the cell's (orthogonal) c-like vector
    double[] lo = new double[seg.size()];
    double[] hi = new double[seg.size()];
    String[] names = new String[seg.size()];
    for (int i = 0; i < seg.size(); i++) {
      lo[i] = seg.get(i)[0] * binA;
      hi[i] = i == seg.size() - 1 ? height + 1e-9 : seg.get(i)[1] * binA;
      names[i] = segSet.get(i).isEmpty() ? "vacuum" : String.join(" ", segSet.get(i));
    }
    return new Layers(axis, lo, hi, names);
  }

  /** The elements in each of {@code bins} slices along {@code axis}. */
  private static List<TreeSet<String>> elementsPerSlice(org.interphase.core.AtomTable atoms, org.interphase.core.Frame frame, int axis,
      int bins) {
    org.interphase.core.Cell cell = frame.cell();
    List<TreeSet<String>> sets = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      sets.add(new TreeSet<>());
    }
    double[] x = new double[3];
    for (int i = 0; i < atoms.size(); i++) {
      for (int d = 0; d < 3; d++) {
        x[d] = frame.position(i, d);
      }
      double[] f = cell.toFractional(x, new double[3]);
      double w = f[axis] - Math.floor(f[axis]);
      sets.get(Math.min(bins - 1, (int) (w * bins))).add(atoms.element(i));
    }
    return sets;
  }

  /** Segments thinner than 2 Å join their thicker neighbour; neighbours that become equal merge. */
  private static void absorbThin(List<int[]> seg, List<TreeSet<String>> segSet, double binA) {
    boolean changed = true;
    while (changed && seg.size() > 1) {
      changed = false;
      for (int i = 0; i < seg.size(); i++) {
        if ((seg.get(i)[1] - seg.get(i)[0]) * binA < 2.0) {
          int j = i == 0 ? 1 : i == seg.size() - 1 ? i - 1
              : (seg.get(i - 1)[1] - seg.get(i - 1)[0]) >= (seg.get(i + 1)[1] - seg.get(i + 1)[0]) ? i - 1 : i + 1;
          seg.get(j)[0] = Math.min(seg.get(j)[0], seg.get(i)[0]);
          seg.get(j)[1] = Math.max(seg.get(j)[1], seg.get(i)[1]);
          seg.remove(i);
          segSet.remove(i);
          changed = true;
          break;
        }
      }
      for (int i = 1; i < seg.size(); i++) {
        if (segSet.get(i).equals(segSet.get(i - 1))) {
          seg.get(i - 1)[1] = seg.get(i)[1];
          seg.remove(i);
          segSet.remove(i);
          changed = true;
          break;
        }
      }
    }
  }

  /**
   * The smoothing blurs boundaries by ±half a window: puts each one just past the last slice holding
   * an element only the lower layer has (or before the first holding one only the upper has).
   */
  private static void sharpen(List<int[]> seg, List<TreeSet<String>> segSet, List<TreeSet<String>> raw, int half) {
    for (int i = 0; i + 1 < seg.size(); i++) {
      TreeSet<String> onlyLow = new TreeSet<>(segSet.get(i));
      onlyLow.removeAll(segSet.get(i + 1));
      TreeSet<String> onlyHigh = new TreeSet<>(segSet.get(i + 1));
      onlyHigh.removeAll(segSet.get(i));
      int b = seg.get(i)[1];
      int best = b;
      if (!onlyLow.isEmpty()) {
        for (int k = Math.max(seg.get(i)[0], b - 2 * half); k < Math.min(seg.get(i + 1)[1], b + 2 * half); k++) {
          if (!java.util.Collections.disjoint(raw.get(k), onlyLow)) {
            best = k + 1;
          }
        }
      } else if (!onlyHigh.isEmpty()) {
        for (int k = Math.min(seg.get(i + 1)[1], b + 2 * half) - 1; k >= Math.max(seg.get(i)[0], b - 2 * half); k--) {
          if (!java.util.Collections.disjoint(raw.get(k), onlyHigh)) {
            best = k;
          }
        }
      }
      best = Math.max(seg.get(i)[0] + 1, Math.min(seg.get(i + 1)[1] - 1, best));
      seg.get(i)[1] = best;
      seg.get(i + 1)[0] = best;
    }
  }

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

  /** Label of layer i, e.g. {@code z 10.0–20.0 Å} or {@code z 10.0–20.0 Å (Li P S)}. */
  public String label(int i) {
    String base = String.format(Locale.ROOT, "%c %.1f–%.1f Å", "xyz".charAt(axis), lo[i], hi[i]);
    return names == null ? base : base + " (" + names[i] + ")";
  }
}
