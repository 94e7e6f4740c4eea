package org.interphase.analysis.rdf;

import java.util.List;
import org.interphase.core.Warning;

/**
 * What {@link RadialDistribution} found. Arrays are indexed by bin, bin i covering [i·bin, (i+1)·bin)
 * Å; the accessors return copies.
 *
 * @param parameters what was asked (pair, range, region)
 * @param atomsA atoms of the centre species in the cell
 * @param atomsB atoms of the neighbour species in the cell
 * @param frames frames averaged over
 * @param meanCentres centres per frame, averaged over the frames (= atomsA without a region)
 * @param meanVolumeA3 cell volume averaged over the frames, Å³
 * @param smallestHalfWidthA half the smallest perpendicular width of the cell over all frames, Å: below
 *     it every pair has one image at most
 * @param rA bin centres, Å
 * @param gR g(r) per bin (dimensionless)
 * @param coordination n(r) at the bin centres: neighbours per centre within r ({@link RadialDistribution})
 * @param firstPeakA position of the first peak, Å (NaN when none below r<sub>max</sub>)
 * @param firstPeakG g at the first peak
 * @param firstMinimumA position of the first minimum after it, Å (NaN when none)
 * @param coordinationFirstShell n(r) at the first minimum (NaN when none)
 * @param vacuumFraction the share of the first frame's volume that is a vacuum slab ({@link org.interphase.core.VacuumGap}), 0
 *     without one: g(r) is normalised with the density over the whole cell, so it levels off near 1/(1 − this), not 1
 * @param warnings what the user should know about the result
 */
public record RdfResult(RdfParameters parameters, int atomsA, int atomsB, int frames, double meanCentres, double meanVolumeA3,
    double smallestHalfWidthA, double[] rA, double[] gR, double[] coordination, double firstPeakA, double firstPeakG,
    double firstMinimumA, double coordinationFirstShell, double vacuumFraction, List<Warning> warnings) {

  public RdfResult {
    rA = rA.clone();
    gR = gR.clone();
    coordination = coordination.clone();
    if (rA.length != gR.length || rA.length != coordination.length) {
      throw new IllegalArgumentException("r, g(r) and n(r) differ in length: " + rA.length + ", " + gR.length + ", " + coordination.length);
    }
    warnings = List.copyOf(warnings);
  }

  /** Kinds of doubt about a g(r). */
  public enum Doubt implements Warning.Kind {
    /** r<sub>max</sub> exceeds half the cell: beyond that, g(r) sees periodic images of the same atoms */
    BEYOND_HALF_CELL,
    /** g(r) has no first peak below r<sub>max</sub> */
    NO_FIRST_PEAK,
    /** g(r) has no minimum after its first peak below r<sub>max</sub> */
    NO_FIRST_MINIMUM,
    /** the cell holds vacuum: the density of the ideal-gas normalisation includes it, so g(r) does not tend to 1 */
    VACUUM
  }

  /** The pair, {@code Li-S}. */
  public String pair() {
    return parameters.pair();
  }

  /** The bin width used, Å. */
  public double binA() {
    return parameters.binWidthA();
  }

  /** Bin centres, Å (a copy). */
  @Override
  public double[] rA() {
    return rA.clone();
  }

  /** g(r) per bin (a copy). */
  @Override
  public double[] gR() {
    return gR.clone();
  }

  /** n(r) at the bin centres (a copy). */
  @Override
  public double[] coordination() {
    return coordination.clone();
  }

  /** The warnings' texts, in order. */
  public List<String> warningTexts() {
    return warnings.stream().map(Warning::text).toList();
  }
}
