package org.interphase.analysis.neb;

import java.util.List;
import org.interphase.core.Warning;

/**
 * The energy profile of one band.
 *
 * @param reactionCoordinateA cumulative minimum-image distance of all atoms, Å
 * @param energyEv energy relative to the first image, eV
 * @param tangentForceEvPerA force along the path used for the spline slope, eV/Å (NaN when the
 *     spline is energy-only)
 * @param splineCoordinateA, splineEnergyEv the fitted curve sampled at 20 points per interval (VTST)
 * @param extrema every extremum of the spline inside an interval, in path order
 * @param barrierForwardEv maximum of the spline minus the first image's energy, eV (ASE NEBTools' barrier)
 * @param saddleCoordinateA where the maximum of the profile lies, Å
 * @param climbingImage the climbing image, 0-based as in {@code energyEv}, or −1 when the band is not a
 *     climbing-image NEB (VASP {@code LCLIMB = .TRUE.}, CP2K {@code BAND_TYPE CI-NEB}) or it is not known
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
   * The climbing image's own energy relative to the first image, E_CI − E_0 in eV: the barrier a
   * climbing-image NEB converges the image onto the saddle to give (Henkelman, Uberuaga and Jónsson,
   * J. Chem. Phys. 113, 9901 (2000)). It is at most the spline maximum {@link #barrierForwardEv()},
   * which ASE's NEBTools reports and which the spline can put a little above the image.
   *
   * @return eV, or NaN when the band is not a climbing-image band ({@link #climbingImage()} −1)
   */
  public double climbingImageEnergyEv() {
    return climbingImage >= 0 && climbingImage < energyEv.length ? energyEv[climbingImage] : Double.NaN;
  }

  /** Kinds of doubt about what a result can show. */
  public enum Doubt implements Warning.Kind {
    /** the band has no forces (on some or all images): there is no tangential force for VTST's neb.dat, so none is written */
    NO_FORCES
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
