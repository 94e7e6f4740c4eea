package org.interphase.analysis.bonds;

import java.util.Locale;

/**
 * When two elements count as bonded (distances in Å, dwell in frames): a bond forms when the distance drops below {@code formA} and
 * breaks when it rises above {@code breakA} ({@code formA ≤ breakA}); a change counts only after it
 * has lasted {@code minFrames} frames. With {@code formA == breakA} and {@code minFrames == 1} this
 * is a plain single cutoff.
 */
public record BondRule(String centerElement, String ligandElement, double formA, double breakA, int minFrames) {

  public BondRule {
    if (!(formA > 0) || !(breakA >= formA)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s–%s cutoffs need 0 < form ≤ break, got form %.3f Å, break %.3f Å", centerElement, ligandElement, formA, breakA));
    }
    if (minFrames < 1) {
      throw new IllegalArgumentException("minimum dwell must be at least 1 frame, got " + minFrames);
    }
  }

  /**
   * P–S: bonded 1.87–2.36 Å, the next S at ≥ 3.7 Å in Li6PS5Cl AIMD (anchors.md §3b); a bond forms
   * below 2.45 Å and breaks above 2.9 Å, in the empty gap.
   */
  public static BondRule defaultPS() {
    return new BondRule("P", "S", 2.45, 2.9, 3);
  }

  /** S–S: S8 has S–S ≈ 2.05 Å, non-bonded S–S in LPSC ≥ 2.9 Å; form below 2.4 Å, break above 2.7 Å. */
  public static BondRule defaultSS() {
    return new BondRule("S", "S", 2.4, 2.7, 3);
  }

  /** P–P (hypothiophosphate P2S6⁴⁻, ≈ 2.2 Å): form below 2.4 Å, break above 2.7 Å. */
  public static BondRule defaultPP() {
    return new BondRule("P", "P", 2.4, 2.7, 3);
  }

  /** The element pair, centre first, as events name it: {@code "P-S"}. */
  public String pair() {
    return centerElement + "-" + ligandElement;
  }

  /** Whether the two elements are this rule's pair, in either order ({@code "S-P"} is {@code "P-S"}). */
  public boolean samePair(String first, String second) {
    return (centerElement.equalsIgnoreCase(first) && ligandElement.equalsIgnoreCase(second))
        || (centerElement.equalsIgnoreCase(second) && ligandElement.equalsIgnoreCase(first));
  }

  /** The cutoff that decides the state of the first frame, half-way between the two. */
  public double initialA() {
    return 0.5 * (formA + breakA);
  }

  public boolean singleCutoff() {
    return formA == breakA;
  }
}
