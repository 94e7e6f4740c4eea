package org.interphase.analysis.neb;

import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;

/**
 * The images of one band, in path order, as read.
 *
 * @param name label of the path in tables and plots
 * @param images one frame per image: positions, cell, energy in {@link
 *     org.interphase.core.Energies#potentialEv()} and, where known, the true forces (eV/Å)
 * @param tangentForcesEvPerA the program's tangential force per image (VTST's {@code NEB:
 *     projections on to tangent}), NaN where unknown; null when none
 * @param climbingImage index of the climbing image, or -1 when the run was a plain NEB or unknown
 */
public record NebImages(String name, AtomTable atoms, List<Frame> images, double[] tangentForcesEvPerA, int climbingImage,
    List<String> notes) {

  public NebImages {
    images = List.copyOf(images);
    notes = List.copyOf(notes);
    if (images.size() < 3) {
      throw new IllegalArgumentException(name + ": a band needs at least 3 images, got " + images.size());
    }
  }
}
