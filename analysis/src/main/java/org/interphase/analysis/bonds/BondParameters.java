package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.List;

/**
 * What to follow.
 *
 * @param primary the bond whose coordination is histogrammed (e.g. P–S), its cutoffs and dwell
 * @param others further bonds followed for events and motifs (by default S–S and P–P)
 * @param layers slabs for locating events; null for none, or {@link #AUTOMATIC_LAYERS} to find them from the
 *     composition of the first frame along z
 * @param timestepFs time between frames (fs) when the frames carry no time; NaN to use theirs
 */
public record BondParameters(BondRule primary, List<BondRule> others, Layers layers, double timestepFs) {

  /** Marker: find layers along z from the first frame's composition ({@link Layers#automatic}). */
  public static final Layers AUTOMATIC_LAYERS = new Layers(2, new double[0], new double[0], null);

  public BondParameters {
    others = List.copyOf(others);
  }

  /** P–S with the default S–S and P–P rules beside it. */
  public static BondParameters defaults() {
    return of(BondRule.defaultPS());
  }

  /** The given primary rule plus the default P–S, S–S and P–P rules that are not the same pair. */
  public static BondParameters of(BondRule primary) {
    List<BondRule> others = new ArrayList<>();
    for (BondRule r : List.of(BondRule.defaultPS(), BondRule.defaultSS(), BondRule.defaultPP())) {
      if (!samePair(r, primary)) {
        others.add(r);
      }
    }
    return new BondParameters(primary, others, null, Double.NaN);
  }

  /**
   * Single-cutoff mode for comparison: every rule becomes one cutoff with no dwell, so each
   * crossing counts (the flicker the dual cutoff removes).
   */
  public BondParameters singleCutoff(double primaryCutoffA) {
    List<BondRule> o = others.stream().map(r -> new BondRule(r.centerElement(), r.ligandElement(), r.initialA(), r.initialA(), 1))
        .toList();
    return new BondParameters(new BondRule(primary.centerElement(), primary.ligandElement(), primaryCutoffA, primaryCutoffA, 1), o,
        layers, timestepFs);
  }

  public BondParameters withLayers(Layers l) {
    return new BondParameters(primary, others, l, timestepFs);
  }

  public BondParameters withTimestepFs(double dt) {
    return new BondParameters(primary, others, layers, dt);
  }

  List<BondRule> all() {
    List<BondRule> a = new ArrayList<>();
    a.add(primary);
    a.addAll(others);
    return a;
  }

  static boolean samePair(BondRule a, BondRule b) {
    return (a.centerElement().equalsIgnoreCase(b.centerElement()) && a.ligandElement().equalsIgnoreCase(b.ligandElement()))
        || (a.centerElement().equalsIgnoreCase(b.ligandElement()) && a.ligandElement().equalsIgnoreCase(b.centerElement()));
  }
}
