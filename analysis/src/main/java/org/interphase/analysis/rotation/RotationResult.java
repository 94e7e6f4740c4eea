package org.interphase.analysis.rotation;

import java.util.List;
import org.interphase.core.Warning;

/**
 * What {@link RotationAnalysis} found.
 *
 * @param parameters the parameters used
 * @param frames frames seen
 * @param timestepFs time between frames, fs
 * @param units the tetrahedral units: centre and its four ligands (0-based atom indices), in order of the centre
 * @param events reorientation events, by frame then unit
 * @param angleDeg per unit, the rotation angle relative to the first frame per frame, degrees ({@code [unit][frame]})
 * @param librationDeg per unit, the RMS angle from its reference orientation over the frames at rest, degrees
 * @param skippedCenters centres without exactly four ligands in the first frame
 * @param warnings doubts about the result
 * @param hopCoupling reorientations against hops of a mobile species, or {@code null} when not computed
 */
public record RotationResult(RotationParameters parameters, int frames, double timestepFs, List<Unit> units, List<Event> events,
    double[][] angleDeg, double[] librationDeg, int skippedCenters, List<Warning> warnings,
    HopCoupling hopCoupling) {

  /** A tetrahedral unit: its index, centre atom and four ligand atoms (0-based). */
  public record Unit(int index, int center, int[] ligands) {
    public Unit {
      ligands = ligands.clone();
    }

    @Override
    public int[] ligands() {
      return ligands.clone();
    }
  }

  /** A reorientation: first frame above the upper threshold, its time (ps), the unit and the angle between orientations (deg). */
  public record Event(int frame, double timePs, int unit, double angleDeg) {}

  /** Kinds of doubt. */
  public enum Doubt implements Warning.Kind {
    /** no centre has exactly four ligands in the first frame */
    NO_UNITS,
    /** some centres have another number of ligands and are left out */
    OTHER_COORDINATION
  }

  public RotationResult {
    units = List.copyOf(units);
    events = List.copyOf(events);
    angleDeg = copy(angleDeg);
    librationDeg = librationDeg.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[][] angleDeg() {
    return copy(angleDeg);
  }

  @Override
  public double[] librationDeg() {
    return librationDeg.clone();
  }

  /** This result with the coupling to hops. */
  public RotationResult withHopCoupling(HopCoupling c) {
    return new RotationResult(parameters, frames, timestepFs, units, events, angleDeg, librationDeg, skippedCenters, warnings, c);
  }

  /** Time from the first to the last frame, ps. */
  public double durationPs() {
    return Math.max(0, frames - 1) * timestepFs / 1000;
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
