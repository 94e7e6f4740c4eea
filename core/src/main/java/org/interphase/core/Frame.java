package org.interphase.core;

/**
 * One stored configuration of a trajectory. Immutable: readers hand out a new frame per step and
 * never reuse its arrays.
 *
 * <pre>{@code
 * positions: [x0, y0, z0, x1, y1, z1, …]   Cartesian Å, index order of the AtomTable
 * forces:    same layout, eV/Å  (null when the file has none)
 * velocities: same layout, Å/fs (null when the file has none)
 * }</pre>
 *
 * <p>Positions are as the file stores them: wrapped or not. Analyses that need unwrapped
 * coordinates unwrap them with the per-frame cell.
 */
public final class Frame {
  private final long step;
  private final double timeFs;
  private final Cell cell;
  private final double[] positions;
  private final double[] forces;
  private final double[] velocities;
  private final Energies energies;

  /**
   * @param step the program's step number (MD step, ionic step, band iteration), or the frame index
   *     where the file has none
   * @param timeFs simulation time in fs, {@code NaN} when unknown
   * @param cell the cell of this frame; {@code null} only for non-periodic input
   * @param positions Cartesian Å, length 3·N; taken over, not copied: the caller must not keep it
   * @param forces eV/Å or {@code null}; taken over
   * @param velocities Å/fs or {@code null}; taken over
   * @param energies never {@code null}; {@link Energies#NONE} when there are none
   */
  public Frame(long step, double timeFs, Cell cell, double[] positions, double[] forces, double[] velocities, Energies energies) {
    if (positions.length % 3 != 0) {
      throw new IllegalArgumentException("positions length " + positions.length + " is not a multiple of 3");
    }
    if (forces != null && forces.length != positions.length) {
      throw new IllegalArgumentException("forces length " + forces.length + " != positions length " + positions.length);
    }
    if (velocities != null && velocities.length != positions.length) {
      throw new IllegalArgumentException("velocities length " + velocities.length + " != positions length " + positions.length);
    }
    this.step = step;
    this.timeFs = timeFs;
    this.cell = cell;
    this.positions = positions;
    this.forces = forces;
    this.velocities = velocities;
    this.energies = energies == null ? Energies.NONE : energies;
  }

  public long step() {
    return step;
  }

  /** Simulation time in fs, {@code NaN} when unknown. */
  public double timeFs() {
    return timeFs;
  }

  /** The cell of this frame, or {@code null} for non-periodic input. */
  public Cell cell() {
    return cell;
  }

  public int atomCount() {
    return positions.length / 3;
  }

  /** A copy of the positions, Cartesian Å. */
  public double[] positions() {
    return positions.clone();
  }

  /** Coordinate {@code axis} (0 = x) of atom {@code atom}, Å; no copy. */
  public double position(int atom, int axis) {
    return positions[3 * atom + axis];
  }

  /** Copies the positions into {@code out} (length 3·N) without allocating. */
  public void copyPositions(double[] out) {
    System.arraycopy(positions, 0, out, 0, positions.length);
  }

  public boolean hasForces() {
    return forces != null;
  }

  /** A copy of the forces in eV/Å, or {@code null}. */
  public double[] forces() {
    return forces == null ? null : forces.clone();
  }

  public boolean hasVelocities() {
    return velocities != null;
  }

  /** A copy of the velocities in Å/fs, or {@code null}. */
  public double[] velocities() {
    return velocities == null ? null : velocities.clone();
  }

  public Energies energies() {
    return energies;
  }

  /** A frame equal to this one with another time (fs), e.g. when the user overrides the time step. */
  public Frame withTime(long newStep, double newTimeFs) {
    return new Frame(newStep, newTimeFs, cell, positions, forces, velocities, energies);
  }

  /** A frame equal to this one with forces (eV/Å) added; the array is taken over. */
  public Frame withForces(double[] newForces) {
    return new Frame(step, timeFs, cell, positions, newForces, velocities, energies);
  }

  /** A frame equal to this one with other energies. */
  public Frame withEnergies(Energies e) {
    return new Frame(step, timeFs, cell, positions, forces, velocities, e);
  }

  /**
   * A frame equal to this one with other positions (Cartesian Å, length 3·N, taken over), e.g. the
   * positions of a picture with whole units.
   *
   * @throws IllegalArgumentException when the length differs from this frame's
   */
  public Frame withPositions(double[] newPositions) {
    if (newPositions.length != positions.length) {
      throw new IllegalArgumentException("positions length " + newPositions.length + " != " + positions.length);
    }
    return new Frame(step, timeFs, cell, newPositions, forces, velocities, energies);
  }

  /** A frame equal to this one with another cell. */
  public Frame withCell(Cell c) {
    return new Frame(step, timeFs, c, positions, forces, velocities, energies);
  }
}
