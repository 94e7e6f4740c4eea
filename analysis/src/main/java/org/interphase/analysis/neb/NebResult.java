package org.interphase.analysis.neb;

import java.util.List;

/**
 * The energy profile of one band.
 *
 * @param reactionCoordinateA cumulative minimum-image distance of all atoms, Å
 * @param energyEv energy relative to the first image, eV
 * @param tangentForceEvPerA force along the path used for the spline slope, eV/Å (NaN when the
 *     spline is energy-only)
 * @param splineCoordinateA, splineEnergyEv the fitted curve sampled at 20 points per interval (VTST)
 * @param extrema every extremum of the spline inside an interval, in path order
 * @param saddleCoordinateA where the maximum of the profile lies, Å
 * @param migratingAtom the atom that moves most between the end images (0-based)
 * @param migratingPathA its positions through the images, [image][x, y, z] (unwrapped from image 0)
 * @param forceAware whether the spline used forces (false: energy-only, said in the notes)
 */
public record NebResult(String name, int images, double[] reactionCoordinateA, double[] energyEv, double[] tangentForceEvPerA,
    double[] splineCoordinateA, double[] splineEnergyEv, List<Extremum> extrema, double barrierForwardEv, double barrierBackwardEv,
    double reactionEnergyEv, double saddleCoordinateA, int climbingImage, int migratingAtom, String migratingElement,
    double[][] migratingPathA, boolean forceAware, List<String> notes) {

  public NebResult {
    reactionCoordinateA = reactionCoordinateA.clone();
    energyEv = energyEv.clone();
    tangentForceEvPerA = tangentForceEvPerA.clone();
    splineCoordinateA = splineCoordinateA.clone();
    splineEnergyEv = splineEnergyEv.clone();
    extrema = List.copyOf(extrema);
    notes = List.copyOf(notes);
  }

  /**
   * An extremum of the spline, as VTST's {@code exts.dat} lists it.
   *
   * @param imagePosition image index plus the fraction of the interval, e.g. 2.43
   * @param coordinateA reaction coordinate, Å
   * @param energyEv energy relative to the first image, eV
   */
  public record Extremum(double imagePosition, double coordinateA, double energyEv) {}
}
