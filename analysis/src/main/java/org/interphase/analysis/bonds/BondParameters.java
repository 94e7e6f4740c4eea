package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to follow and what to report.
 *
 * @param primary the bond whose coordination is histogrammed (e.g. P–S), its cutoffs and dwell
 * @param others further bonds followed for the motifs (by default the P–S, S–S and P–P rules that
 *     are not the primary pair): the thiophosphate units need P–S and P–P bonds, the sulfur species
 *     S–S bonds
 * @param eventPairs the pairs whose break and formation events are reported ({@link BondRule#pair()}
 *     labels of followed rules); the primary pair always, others only when asked for
 * @param layers where events are located: {@link LayerSpec#NONE}, {@link LayerSpec#AUTOMATIC} (from the composition
 *     of the first frame along z) or given slabs
 * @param timestepFs time between frames (fs) when the frames carry no time; NaN to use theirs
 * @throws IllegalArgumentException when an event pair is not followed
 */
public record BondParameters(BondRule primary, List<BondRule> others, List<String> eventPairs, LayerSpec layers, double timestepFs) {

  public BondParameters {
    others = List.copyOf(others);
    layers = layers == null ? LayerSpec.NONE : layers;
    Set<String> pairs = new LinkedHashSet<>();
    pairs.add(primary.pair());
    for (String p : eventPairs) {
      boolean followed = primary.pair().equals(p) || others.stream().anyMatch(r -> r.pair().equals(p));
      if (!followed) {
        throw new IllegalArgumentException("events of " + p + " are asked for but no rule follows that pair");
      }
      pairs.add(p);
    }
    eventPairs = List.copyOf(pairs);
  }

  /** P–S with the default S–S and P–P rules beside it; events of P–S only. */
  public static BondParameters defaults() {
    return of(BondRule.defaultPS());
  }

  /** The given primary rule plus the default P–S, S–S and P–P rules that are not the same pair; events of the primary pair only. */
  public static BondParameters of(BondRule primary) {
    List<BondRule> others = new ArrayList<>();
    for (BondRule r : List.of(BondRule.defaultPS(), BondRule.defaultSS(), BondRule.defaultPP())) {
      if (!samePair(r, primary)) {
        others.add(r);
      }
    }
    return new BondParameters(primary, others, List.of(), LayerSpec.NONE, Double.NaN);
  }

  /**
   * The default rules for a trajectory's atoms: P–S as the primary pair when there is phosphorus,
   * else S–S (elemental sulfur, polysulfides); the other default rules beside it.
   */
  public static BondParameters defaultsFor(org.interphase.core.AtomTable atoms) {
    return atoms.indicesOf("P").length > 0 ? defaults() : of(BondRule.defaultSS());
  }

  /**
   * The default rule of a pair (P–S, S–S or P–P, either order).
   *
   * @throws org.interphase.core.MissingParameterException ({@code formA}) for a pair without defaults
   */
  public static BondRule defaultRule(String center, String ligand) {
    for (BondRule r : List.of(BondRule.defaultPS(), BondRule.defaultSS(), BondRule.defaultPP())) {
      if (r.centerElement().equalsIgnoreCase(center) && r.ligandElement().equalsIgnoreCase(ligand)) {
        return r;
      }
    }
    throw new org.interphase.core.MissingParameterException("formA", "no default cutoffs for " + center + "–" + ligand);
  }

  /**
   * Events of more pairs: {@code "all"} for every followed pair, or a comma-separated list such as
   * {@code "P-S,S-S,P-P"} (either element order). The primary pair is always reported.
   *
   * @throws IllegalArgumentException for a pair that is not followed, naming the followed ones
   */
  public BondParameters withEventPairs(String spec) {
    List<String> pairs = new ArrayList<>();
    if (spec.strip().equalsIgnoreCase("all")) {
      all().forEach(r -> pairs.add(r.pair()));
    } else {
      for (String item : spec.split(",")) {
        String[] el = item.strip().split("[-–]");
        if (el.length != 2 || el[0].isBlank() || el[1].isBlank()) {
          throw new IllegalArgumentException("--pairs takes element pairs such as P-S,S-S or all; got '" + item.strip() + "'");
        }
        BondRule rule = all().stream().filter(r -> r.samePair(el[0].strip(), el[1].strip())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT,
                "--pairs: %s is not followed; the followed pairs are %s", item.strip(), String.join(", ", all().stream()
                    .map(BondRule::pair).toList()))));
        pairs.add(rule.pair());
      }
    }
    return new BondParameters(primary, others, pairs, layers, timestepFs);
  }

  /**
   * Single-cutoff mode for comparison: every rule becomes one cutoff with no dwell, so each
   * crossing counts (the flicker the dual cutoff removes). The other rules use their half-way cutoff.
   */
  public BondParameters singleCutoff(double primaryCutoffA) {
    List<BondRule> o = others.stream().map(r -> new BondRule(r.centerElement(), r.ligandElement(), r.initialA(), r.initialA(), 1))
        .toList();
    return new BondParameters(new BondRule(primary.centerElement(), primary.ligandElement(), primaryCutoffA, primaryCutoffA, 1), o,
        eventPairs, layers, timestepFs);
  }

  /** These parameters with events located in {@code l}. */
  public BondParameters withLayers(LayerSpec l) {
    return new BondParameters(primary, others, eventPairs, l, timestepFs);
  }

  /** These parameters with events located in given slabs. */
  public BondParameters withLayers(Layers l) {
    return withLayers(l == null ? LayerSpec.NONE : new LayerSpec.Given(l));
  }

  /**
   * These parameters with layers from text: {@code auto} or slabs such as {@code z=0:10,10:20}.
   *
   * @throws IllegalArgumentException for text that is neither
   */
  public BondParameters withLayers(String text) {
    return withLayers(LayerSpec.parse(text));
  }

  public BondParameters withTimestepFs(double dt) {
    return new BondParameters(primary, others, eventPairs, layers, dt);
  }

  /** The primary rule followed by the others. */
  public List<BondRule> all() {
    List<BondRule> a = new ArrayList<>();
    a.add(primary);
    a.addAll(others);
    return a;
  }

  static boolean samePair(BondRule a, BondRule b) {
    return a.samePair(b.centerElement(), b.ligandElement());
  }
}
