package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;

/**
 * Types sites found from the density by their anion coordination: the mean number of anions (N, O, F, S, Cl, Se, Br, Te, I) of
 * each element within a radius of the site over frames spread evenly through the run, rounded, written as a formula with the
 * most frequent element first, e.g. {@code S4} (a tetrahedral site of Li2S), {@code S3Cl} (the 48h site of Li6PS5Cl), {@code CN0}
 * (none within the radius). Counting per frame (rather than around time-averaged anion positions) stays right when the anions
 * move, e.g. a rotating S8 ring or PS4 unit. Sites move with the cell (fractional positions); distances are minimum-image distances
 * in each sampled frame's cell. Without anions in the structure every site keeps the type {@code site}.
 *
 * <p>Keeps at most {@code 2 × }{@link #SAMPLES} frames of the anion positions: every k-th frame, k doubling whenever the kept frames
 * exceed that, so the samples stay evenly spread over a run of any length.
 */
final class SiteTyper {
  /** Elements counted as the anions that coordinate a cation site. */
  static final Set<String> ANIONS = Set.of("N", "O", "F", "S", "Cl", "Se", "Br", "Te", "I");
  /** The fewest frames the counts are averaged over once the run has that many. */
  static final int SAMPLES = 32;

  private final int[] anions;
  private final String[] elements;
  private final List<double[]> kept = new ArrayList<>();
  private final List<Cell> keptCells = new ArrayList<>();
  private int stride = 1;
  private long frames;

  SiteTyper(AtomTable atoms, String mobile) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      String el = atoms.element(i);
      if (ANIONS.contains(el) && !el.equals(mobile) && !atoms.kind(i).equals(mobile)) {
        idx.add(i);
      }
    }
    anions = idx.stream().mapToInt(Integer::intValue).toArray();
    elements = new String[anions.length];
    for (int k = 0; k < anions.length; k++) {
      elements[k] = atoms.element(anions[k]);
    }
  }

  /** Keeps the frame's anion positions when it is one of the samples. */
  void accept(Frame f, Cell cell) {
    if (anions.length > 0 && frames % stride == 0) {
      double[] xyz = new double[3 * anions.length];
      for (int k = 0; k < anions.length; k++) {
        for (int d = 0; d < 3; d++) {
          xyz[3 * k + d] = f.position(anions[k], d);
        }
      }
      kept.add(xyz);
      keptCells.add(cell);
      if (kept.size() > 2 * SAMPLES) {
        for (int i = kept.size() - 1; i >= 0; i--) {
          if (i % 2 == 1) {
            kept.remove(i);
            keptCells.remove(i);
          }
        }
        stride *= 2;
      }
    }
    frames++;
  }

  /**
   * The sites with their coordination types; the sites unchanged when there are no anions, no frames or {@code radiusA} is 0.
   */
  List<Site> type(List<Site> sites, double radiusA) {
    if (anions.length == 0 || kept.isEmpty() || !(radiusA > 0)) {
      return sites;
    }
    List<Site> out = new ArrayList<>(sites.size());
    double[] tmp = new double[3];
    double[] c = new double[3];
    for (Site s : sites) {
      Map<String, Integer> total = new TreeMap<>();
      for (int f = 0; f < kept.size(); f++) {
        double[] xyz = kept.get(f);
        Cell cell = keptCells.get(f);
        cell.toCartesian(s.fractional(), c);
        for (int k = 0; k < anions.length; k++) {
          if (cell.minimumImage(xyz[3 * k] - c[0], xyz[3 * k + 1] - c[1], xyz[3 * k + 2] - c[2], tmp) <= radiusA) {
            total.merge(elements[k], 1, Integer::sum);
          }
        }
      }
      Map<String, Integer> mean = new TreeMap<>();
      total.forEach((el, n) -> {
        int m = (int) Math.round(n / (double) kept.size());
        if (m > 0) {
          mean.put(el, m);
        }
      });
      out.add(new Site(s.fractional(), formula(mean)));
    }
    return out;
  }

  /** {@code {Cl=1, S=3}} → {@code S3Cl}: the most frequent element first, ties alphabetical, a count of 1 not written. */
  static String formula(Map<String, Integer> count) {
    if (count.isEmpty()) {
      return "CN0";
    }
    StringBuilder b = new StringBuilder();
    count.entrySet().stream().sorted((x, y) -> y.getValue().equals(x.getValue()) ? x.getKey().compareTo(y.getKey())
        : y.getValue() - x.getValue()).forEach(e -> b.append(e.getKey()).append(e.getValue() == 1 ? "" : e.getValue()));
    return b.toString();
  }
}
