package org.interphase.core;

import java.util.function.Consumer;

/**
 * The running state of an {@link Analysis} over one trajectory: fed every frame once, in order
 * ({@link #accept}), then asked once for the result ({@link #finish}).
 *
 * <p>An accumulator keeps what its result needs, not the frames: memory grows with the result
 * (e.g. one MSD value per lag), never with a copy of the trajectory, unless the analysis says
 * otherwise in its documentation.
 *
 * @param <R> the result type
 */
public interface Accumulator<R> extends Consumer<Frame> {

  /**
   * The result of every frame accepted so far.
   *
   * @throws IllegalArgumentException when the frames do not allow a result (e.g. too few); the
   *     message says why
   */
  R finish();
}
