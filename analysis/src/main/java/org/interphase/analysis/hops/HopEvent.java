package org.interphase.analysis.hops;

/**
 * One hop: an atom that has settled in another site.
 *
 * @param frame the first frame in the new site (0-based)
 * @param timePs its time from the first frame, ps
 * @param atom the atom's index in the trajectory (0-based, file order)
 * @param from the site it left (index into the result's sites)
 * @param to the site it entered
 * @param distanceA the minimum-image distance between the two sites in that frame's cell, Å
 */
public record HopEvent(int frame, double timePs, int atom, int from, int to, double distanceA) {}
