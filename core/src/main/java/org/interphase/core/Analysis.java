package org.interphase.core;

/**
 * One analysis of a trajectory, run by a {@link Runner} in a single streaming pass together with
 * every other analysis of a command or report.
 *
 * <p>An analysis is its parameters; {@link #start} makes a fresh {@link Accumulator} for one
 * trajectory, which sees every frame once, in order, and then gives its immutable result.
 *
 * @param <R> the result type, an immutable record
 */
public interface Analysis<R> {

  /**
   * A fresh accumulator for a trajectory with this header.
   *
   * @throws IllegalArgumentException when the analysis cannot run on this trajectory (e.g. it has
   *     no atoms of the wanted element); the message says why in the terms of the analysis
   */
  Accumulator<R> start(TrajectoryHeader header);

  /**
   * Whether the results are rates in time (an MSD, D, σ, a van Hove correlation, hop rates): the {@link Runner} then refuses frames
   * that the files say are not molecular-dynamics steps ({@link TrajectoryHeader#notDynamics()}), even with a time step given.
   */
  default boolean needsDynamics() {
    return false;
  }
}
