/**
 * Where atoms go: the van Hove correlation of one species at chosen lag times (van Hove, Phys. Rev. 95,
 * 249 (1954)). The self part 4πr²G<sub>s</sub>(r, t) is the distribution of how far an atom moves in t
 * (a peak at a hop distance, e.g. Li site to site); the distinct part G<sub>d</sub>(r, t) is where the
 * other atoms of the species are at t relative to where one was at 0 (a rise at r → 0: another atom has
 * taken its site). Unsmoothed histograms over every time origin of the unwrapped, drift-corrected
 * trajectory; distances in Å, lags in ps. Start with {@link org.interphase.analysis.vanhove.VanHove};
 * the method and its sources are in the user guide's {@code vanhove.md}.
 */
package org.interphase.analysis.vanhove;
