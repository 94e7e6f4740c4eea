package org.interphase.analysis.hops;

/**
 * A Li site: where an atom of the mobile species sits between hops.
 *
 * @param fractional position in fractional coordinates of the cell, length 3 (wrapped into [0, 1)); a site moves with the cell
 * @param type the site type hop rates and residence times are grouped by: {@code site} for sites found from the density, the
 *     element or kind label of the atom for sites read from a reference structure
 */
public record Site(double[] fractional, String type) {
  public Site {
    if (fractional == null || fractional.length != 3) {
      throw new IllegalArgumentException("a site needs three fractional coordinates");
    }
    fractional = fractional.clone();
    for (int d = 0; d < 3; d++) {
      fractional[d] -= Math.floor(fractional[d]);
      if (fractional[d] >= 1) {
        fractional[d] = 0;
      }
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("a site needs a type, e.g. site or Li");
    }
  }

  @Override
  public double[] fractional() {
    return fractional.clone();
  }
}
