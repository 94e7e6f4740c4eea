package org.interphase.analysis.msd;

import org.interphase.core.Cell;

/**
 * Unwraps positions frame by frame with the TOR scheme (Bullerjahn, von Bülow, Linke, Hummer,
 * J. Chem. Theory Comput. 2023, DOI 10.1021/acs.jctc.3c00308):
 *
 * <pre>{@code
 * u(0) = w(0)
 * u(t) = u(t−1) + d − L(t)·round(L(t)⁻¹·d),   d = w(t) − w(t−1)
 * }</pre>
 *
 * <p>w are the positions as stored (Cartesian Å), L(t) the cell of the current frame with the
 * lattice vectors as columns, and round takes each fractional component to the nearest integer
 * ({@link Math#rint}). The step is the displacement between consecutive stored positions, reduced
 * by whole lattice vectors of the <em>current</em> cell only. When the cell changes, the
 * displacement f(t−1)·(L(t) − L(t−1)) that the cell change gives an atom at fractional position
 * f(t−1) is therefore part of its step, as it is in a barostatted run.
 *
 * <p>The formula is applied as it stands in triclinic cells too, where rounding in fractional space
 * is not always the minimum image: a step whose fractional components all lie in (−½, ½) is kept
 * even when another lattice image of it is shorter. Equivalently, if the stored positions follow a
 * true path s(t) up to lattice vectors of the current cell (d = s(t) + L(t)·n), the step s(t) is
 * recovered exactly whenever every component of L(t)⁻¹·s(t) lies in (−½, ½), however skewed the
 * cell. An atom step with a fractional component above 0.4 in magnitude after the reduction is
 * counted by {@link #largeSteps()}: the atom may have moved half a cell between frames, which no
 * unwrapping can tell.
 *
 * <p>Wrapped and unwrapped input give the same result under that condition. With a changing cell
 * the stored positions must be the ones the simulation propagated (as VASP and CP2K write them):
 * moving one into another image of the previous cell changes d by a vector that is not a lattice
 * vector of the current one.
 *
 * <p>The one unwrapper of the project: the MSD and the van Hove correlation both use it.
 */
public final class TorUnwrapper {
  private final int atoms;
  private final double[] previous;
  private final double[] unwrapped;
  private final double[] step;
  private final double[] image;
  private boolean started;
  private int largeSteps;

  /** An unwrapper for {@code atoms} atoms; feed it every frame in order with {@link #next}. */
  public TorUnwrapper(int atoms) {
    this.atoms = atoms;
    this.previous = new double[3 * atoms];
    this.unwrapped = new double[3 * atoms];
    this.step = new double[3 * atoms];
    this.image = new double[3 * atoms];
  }

  /**
   * Takes the next frame.
   *
   * @param cell that frame's cell
   * @param positions its positions as stored, Cartesian Å, {@code [x0, y0, z0, x1, …]} (not modified)
   * @param out receives the unwrapped positions, same layout (may not be {@code positions})
   * @throws IllegalArgumentException when {@code positions} does not hold 3 coordinates per atom
   */
  public void next(Cell cell, double[] positions, double[] out) {
    if (positions.length != 3 * atoms || out.length < 3 * atoms) {
      throw new IllegalArgumentException("expected " + 3 * atoms + " coordinates, got " + positions.length);
    }
    if (!started) {
      System.arraycopy(positions, 0, unwrapped, 0, unwrapped.length);
      started = true;
    } else {
      for (int i = 0; i < step.length; i++) {
        step[i] = positions[i] - previous[i];
      }
      cell.toFractional(step, image);
      for (int k = 0; k < atoms; k++) {
        boolean large = false;
        for (int i = 3 * k; i < 3 * k + 3; i++) {
          double n = Math.rint(image[i]);
          large |= Math.abs(image[i] - n) > 0.4;
          image[i] = n;
        }
        if (large) {
          largeSteps++;
        }
      }
      cell.toCartesian(image, image);
      for (int i = 0; i < step.length; i++) {
        unwrapped[i] += step[i] - image[i];
      }
    }
    System.arraycopy(positions, 0, previous, 0, previous.length);
    System.arraycopy(unwrapped, 0, out, 0, unwrapped.length);
  }

  /** Atom steps so far with a fractional component above 0.4 in magnitude after the reduction. */
  public int largeSteps() {
    return largeSteps;
  }
}
