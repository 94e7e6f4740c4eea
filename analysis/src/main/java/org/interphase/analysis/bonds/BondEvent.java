package org.interphase.analysis.bonds;

import java.util.Locale;

/**
 * A bond that broke or formed and stayed so for at least the rule's dwell time.
 *
 * @param frame index of the first frame in the new state (0-based, in the frames analysed)
 * @param timePs time of that frame, ps (NaN when the trajectory has no time)
 * @param kind whether the bond broke or formed
 * @param pair the element pair of the bond's rule, centre first, e.g. {@code "P-S"}
 * @param center atom index of the centre (0-based, file order)
 * @param ligand atom index of the ligand
 * @param distanceA centre–ligand distance at that frame (minimum image), Å
 * @param positionA Cartesian position of the centre at that frame, Å (three numbers)
 * @param layer index of the layer the centre sits in, or -1 when no layers were given or it is outside them
 */
public record BondEvent(int frame, double timePs, Kind kind, String pair, int center, int ligand, double distanceA,
    double[] positionA, int layer) {

  /** What happened to the bond. */
  public enum Kind {
    BREAK,
    FORM;

    /** {@code "break"} or {@code "form"}, as in JSON and CSV. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return label();
    }
  }
}
