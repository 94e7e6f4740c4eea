package org.interphase.analysis.bonds;

/**
 * A bond that broke or formed and stayed so for at least the rule's dwell time.
 *
 * @param frame index of the first frame in the new state (0-based, in the frames analysed)
 * @param timePs time of that frame, ps (NaN when the trajectory has no time)
 * @param kind {@code "break"} or {@code "form"}
 * @param center atom index of the centre (0-based, file order)
 * @param ligand atom index of the ligand
 * @param distanceA centre–ligand distance at that frame, Å
 * @param positionA Cartesian position of the centre at that frame, Å
 * @param layer index of the layer the centre sits in, or -1 when no layers were given or it is outside them
 */
public record BondEvent(int frame, double timePs, String kind, String bond, int center, int ligand, double distanceA,
    double[] positionA, int layer) {}
