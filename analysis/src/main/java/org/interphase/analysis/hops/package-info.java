/**
 * Sites of a mobile species (Li) and the hops between them: sites from the time-averaged density or from a reference
 * structure, site assignment with two radii and a dwell (as bond events), hop events, residence times and rates per site type,
 * the transition matrix, and the jump diffusion coefficient beside the tracer D from the MSD. Distances in Å, times in ps.
 * Start with {@link org.interphase.analysis.hops.HopAnalysis}; the method and its sources are in the user guide's
 * {@code hops.md}.
 */
package org.interphase.analysis.hops;
