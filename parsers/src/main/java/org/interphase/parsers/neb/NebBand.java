package org.interphase.parsers.neb;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;

/**
 * One band as read, ready for the NEB analysis.
 *
 * @param source the band that was read: a VASP NEB folder, a CP2K replica file or an image
 *     trajectory (the PATH given, or what was found in it)
 * @param images one frame per image in path order: positions, cell, energy (eV) in {@link
 *     org.interphase.core.Energies#potentialEv()}, true forces (eV/Å) where known
 * @param tangentForcesEvPerA the program's tangential force per image (VTST), NaN where unknown;
 *     null when none
 * @param climbingImage the climbing image (0-based), −1 for a plain NEB or when unknown
 * @param singlePoints the single-point logs the energies and forces came from, in image order;
 *     empty when none were used
 * @param notes what was found and chosen, for the user
 */
public record NebBand(Path source, AtomTable atoms, List<Frame> images, double[] tangentForcesEvPerA, int climbingImage,
    List<Path> singlePoints, List<String> notes) {

  public NebBand {
    images = List.copyOf(images);
    singlePoints = List.copyOf(singlePoints);
    notes = List.copyOf(notes);
  }
}
