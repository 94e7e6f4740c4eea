package org.interphase.analysis.energetics;

/**
 * How to compute one interface energy.
 *
 * @param interfaces k, the number of A|B interfaces in the interface cell: 2 for a periodic
 *     sandwich without vacuum, 1 for a slab with vacuum
 * @param nA formula units (or cells) of A in the interface cell; NaN to find them from the atom
 *     counts
 * @param nB the same for B
 * @param equilibrationPs frames of an MD run before this time (from its first frame) are dropped
 * @param normalAxis the lattice vector along the interface normal: 0 = a, 1 = b, 2 = c; the area is
 *     the norm of the cross product of the other two
 * @param strainTolerance relative difference of in-plane lattice lengths or angles above which the
 *     parts are said to be strained against the interface cell
 */
public record InterfaceParameters(int interfaces, double nA, double nB, double equilibrationPs, int normalAxis,
    double strainTolerance) {

  public InterfaceParameters {
    if (interfaces != 1 && interfaces != 2) {
      throw new IllegalArgumentException("--interfaces must be 1 (slab with vacuum) or 2 (periodic sandwich), got " + interfaces);
    }
    if (normalAxis < 0 || normalAxis > 2) {
      throw new IllegalArgumentException("the normal is a, b or c");
    }
    if (equilibrationPs < 0) {
      throw new IllegalArgumentException("equilibration must be >= 0 ps, got " + equilibrationPs);
    }
  }

  public static InterfaceParameters of(int interfaces) {
    return new InterfaceParameters(interfaces, Double.NaN, Double.NaN, 0, 2, 1e-3);
  }

  public InterfaceParameters withEquilibrationPs(double ps) {
    return new InterfaceParameters(interfaces, nA, nB, ps, normalAxis, strainTolerance);
  }

  public InterfaceParameters withCounts(double a, double b) {
    return new InterfaceParameters(interfaces, a, b, equilibrationPs, normalAxis, strainTolerance);
  }
}
