/**
 * Local structure from MD: the radial distribution function g(r) of one element pair, averaged over
 * the frames with each frame normalised by its own cell volume (so variable cells are fine), the
 * running coordination number n(r), and the first shell (first peak, first minimum, coordination
 * there). Every periodic image within the range is counted, in any triclinic cell and for a range
 * beyond half the cell. Distances in Å. Start with {@link org.interphase.analysis.rdf.RadialDistribution};
 * the method and its sources are in the user guide's {@code rdf.md}.
 */
package org.interphase.analysis.rdf;
