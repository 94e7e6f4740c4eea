package org.interphase.analysis.rdf;

import java.util.Locale;
import org.interphase.analysis.msd.Region;

/**
 * What {@link RadialDistribution} computes: g(r) of the atoms B around the atoms A. Validated on
 * construction.
 *
 * @param elementA the centre atoms: an element symbol (any case) or a kind label, e.g. {@code Li}
 * @param elementB the neighbours, e.g. {@code S}; equal to {@code elementA} for a same-species g(r)
 * @param rMaxA the histogram runs from 0 to this distance, Å; &gt; 0 and at most 100 Å. It may exceed
 *     half the cell: every periodic image within it is counted
 * @param binA the requested bin width, Å; &gt; 0 and at most {@code rMaxA}. The histogram has
 *     {@link #bins()} = ⌈rMax/bin⌉ bins of width {@link #binWidthA()} = rMax/bins (the requested
 *     width when it divides rMax, as 0.05 divides 8)
 * @param region only the A atoms in this slab (wrapped into the cell, in each frame) are centres, or
 *     {@code null} for every A atom; the B atoms are taken from the whole cell
 * @param everyFrames use frames 0, k, 2k, … of the trajectory (k ≥ 1; 1 = every frame): g(r) averages
 *     converge over far fewer frames than a run holds
 */
public record RdfParameters(String elementA, String elementB, double rMaxA, double binA, Region region, int everyFrames) {

  /** Every frame. */
  public RdfParameters(String elementA, String elementB, double rMaxA, double binA, Region region) {
    this(elementA, elementB, rMaxA, binA, region, 1);
  }

  /** The default histogram range, Å. */
  public static final double DEFAULT_R_MAX_A = 8.0;
  /** The default bin width, Å. */
  public static final double DEFAULT_BIN_A = 0.05;

  public RdfParameters {
    if (elementA == null || elementA.isBlank() || elementB == null || elementB.isBlank()) {
      throw new IllegalArgumentException("a pair needs two elements, e.g. Li-S; got " + elementA + " and " + elementB);
    }
    elementA = org.interphase.core.Elements.spelled(elementA);
    elementB = org.interphase.core.Elements.spelled(elementB);
    if (!(rMaxA > 0) || rMaxA > 100) {
      throw new IllegalArgumentException("the largest distance of g(r) must be > 0 and at most 100 Å, got " + rMaxA + " Å");
    }
    if (!(binA > 0) || binA > rMaxA) {
      throw new IllegalArgumentException("the bin width of g(r) must be > 0 and at most the largest distance (" + rMaxA + " Å), got "
          + binA + " Å");
    }
    if (everyFrames < 1) {
      throw new IllegalArgumentException("g(r) uses every k-th frame with k ≥ 1, got " + everyFrames);
    }
    if (Math.ceil(rMaxA / binA - 1e-9) > 1_000_000) {
      throw new IllegalArgumentException("g(r) up to " + rMaxA + " Å in bins of " + binA + " Å would need more than a million bins");
    }
  }

  /**
   * The pair with the default range (8 Å) and bins (0.05 Å).
   *
   * @param pair two element symbols or kind labels joined by a hyphen, e.g. {@code Li-S}, {@code Li-Li}
   * @throws IllegalArgumentException when {@code pair} is not two names joined by one hyphen
   */
  public static RdfParameters of(String pair) {
    String[] ab = parsePair(pair);
    return new RdfParameters(ab[0], ab[1], DEFAULT_R_MAX_A, DEFAULT_BIN_A, null);
  }

  /**
   * Splits {@code "Li-S"} into {@code {"Li", "S"}}.
   *
   * @throws IllegalArgumentException naming the expected form, e.g. for {@code "LiS"}, {@code "Li-"},
   *     {@code "Li-S-P"}
   */
  public static String[] parsePair(String pair) {
    String t = pair == null ? "" : pair.strip();
    String[] parts = t.split("-", -1);
    if (parts.length != 2 || !parts[0].strip().matches("[A-Za-z][A-Za-z0-9_]*") || !parts[1].strip().matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a pair is two elements joined by a hyphen, e.g. Li-S, P-S or Li-Li; got \"" + t + "\"");
    }
    return new String[] {parts[0].strip(), parts[1].strip()};
  }

  /** These parameters with another range and bin width, Å. */
  public RdfParameters withRange(double rMax, double bin) {
    return new RdfParameters(elementA, elementB, rMax, bin, region, everyFrames);
  }

  /** These parameters for the centres in a slab ({@code null}: the whole cell). */
  public RdfParameters withRegion(Region r) {
    return new RdfParameters(elementA, elementB, rMaxA, binA, r, everyFrames);
  }

  /** These parameters on every k-th frame. */
  public RdfParameters withEveryFrames(int k) {
    return new RdfParameters(elementA, elementB, rMaxA, binA, region, k);
  }

  /** Number of bins, ⌈rMax / bin⌉ (a width that divides rMax up to rounding gives exactly rMax / bin). */
  public int bins() {
    return (int) Math.max(1, Math.ceil(rMaxA / binA - 1e-9));
  }

  /** The bin width used, rMax / {@link #bins()}, Å: the requested width or slightly less. */
  public double binWidthA() {
    return rMaxA / bins();
  }

  /** The pair as written, {@code Li-S}. */
  public String pair() {
    return elementA + "-" + elementB;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s g(r) to %s Å in %d bins%s", pair(), rMaxA, bins(), region == null ? "" : ", centres in " + region);
  }
}
