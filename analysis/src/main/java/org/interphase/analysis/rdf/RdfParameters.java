package org.interphase.analysis.rdf;

import java.util.Locale;
import org.interphase.analysis.msd.Region;
import org.interphase.core.Cell;

/**
 * What {@link RadialDistribution} computes: g(r) of the atoms B around the atoms A. Validated on
 * construction.
 *
 * @param elementA the centre atoms: an element symbol (any case) or a kind label, e.g. {@code Li}
 * @param elementB the neighbours, e.g. {@code S}; equal to {@code elementA} for a same-species g(r)
 * @param rMaxA the histogram runs from 0 to this distance, Å; &gt; 0 and at most 100 Å. It may exceed
 *     half the cell: every periodic image within it is counted. NaN for the default range,
 *     {@link #defaultRangeA(Cell, double)} of the first frame's cell ({@link #resolvedFor(Cell)})
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
    if (!Double.isNaN(rMaxA) && (!(rMaxA > 0) || rMaxA > 100)) {
      throw new IllegalArgumentException("the largest distance of g(r) must be > 0 and at most 100 Å, got " + rMaxA + " Å");
    }
    if (!(binA > 0) || binA > (Double.isNaN(rMaxA) ? DEFAULT_R_MAX_A : rMaxA)) {
      throw new IllegalArgumentException("the bin width of g(r) must be > 0 and at most the largest distance ("
          + (Double.isNaN(rMaxA) ? DEFAULT_R_MAX_A : rMaxA) + " Å), got " + binA + " Å");
    }
    if (everyFrames < 1) {
      throw new IllegalArgumentException("g(r) uses every k-th frame with k ≥ 1, got " + everyFrames);
    }
    if (Math.ceil(rMaxA / binA - 1e-9) > 1_000_000) {
      throw new IllegalArgumentException("g(r) up to " + rMaxA + " Å in bins of " + binA + " Å would need more than a million bins");
    }
  }

  /**
   * The default range of g(r): half the smallest perpendicular width of {@code first} (below it no pair has two images within r, so
   * the default never reaches beyond half the cell), in whole bins of {@code binA}, at least one bin and at most
   * {@value #DEFAULT_R_MAX_A} Å. Both {@code interphase rdf} without {@code --r-max} and the report use it.
   *
   * @param first the first frame's cell, or {@code null} when not known: then {@value #DEFAULT_R_MAX_A} Å
   * @param binA the bin width, Å, &gt; 0
   * @return the range, Å
   */
  public static double defaultRangeA(Cell first, double binA) {
    if (first == null) {
      return DEFAULT_R_MAX_A;
    }
    double[] w = first.perpendicularWidthsA();
    double half = 0.5 * Math.min(w[0], Math.min(w[1], w[2]));
    double bins = Math.floor(half / binA + 1e-9);
    return Math.min(DEFAULT_R_MAX_A, Math.max(1, bins) * binA);
  }

  /** Whether the range is the default one, set by the first cell ({@link #rMaxA()} is NaN). */
  public boolean defaultRange() {
    return Double.isNaN(rMaxA);
  }

  /**
   * These parameters with the range fixed: the default one ({@link #defaultRangeA(Cell, double)} of {@code first}), or these
   * parameters when their range is given.
   */
  public RdfParameters resolvedFor(Cell first) {
    return defaultRange() ? withRange(defaultRangeA(first, binA), binA) : this;
  }

  /**
   * The pair with the fixed range of 8 Å and bins of 0.05 Å.
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

  /**
   * Number of bins, ⌈rMax / bin⌉ (a width that divides rMax up to rounding gives exactly rMax / bin); for the default range
   * ({@link #defaultRange()}) that of {@value #DEFAULT_R_MAX_A} Å, its largest.
   */
  public int bins() {
    return (int) Math.max(1, Math.ceil((defaultRange() ? DEFAULT_R_MAX_A : rMaxA) / binA - 1e-9));
  }

  /** The bin width used, rMax / {@link #bins()}, Å: the requested width or slightly less. */
  public double binWidthA() {
    return defaultRange() ? binA : rMaxA / bins();
  }

  /** The pair as written, {@code Li-S}. */
  public String pair() {
    return elementA + "-" + elementB;
  }

  @Override
  public String toString() {
    String range = defaultRange() ? "half the cell (at most " + DEFAULT_R_MAX_A + " Å)" : rMaxA + " Å in " + bins() + " bins";
    return String.format(Locale.ROOT, "%s g(r) to %s%s", pair(), range, region == null ? "" : ", centres in " + region);
  }
}
