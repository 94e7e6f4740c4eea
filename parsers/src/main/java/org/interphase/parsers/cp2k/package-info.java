/**
 * CP2K readers: position/velocity/force XYZ trajectories, {@code .ener}, {@code .cell}, the main
 * log, the input file, BAND (NEB) replicas, and {@link org.interphase.parsers.cp2k.Cp2kMdRun}, which
 * joins them by step number into frames. CP2K's Hartree, bohr and atomic time units are converted
 * here to eV, Å and fs (CODATA 2018, {@link org.interphase.core.Units}).
 *
 * <p>Three rules every reader here follows. Elements come from CP2K's own declaration of each kind
 * label ({@link org.interphase.parsers.cp2k.Cp2kKinds}); the label is kept as the atom's kind.
 * Records whose step repeats or goes back (a restart appended to the same files) keep one per step,
 * the latest, decided by a first pass over the step numbers so the reading pass can stream
 * ({@code StepOrder}, {@link org.interphase.parsers.cp2k.Cp2kSteps}). The time between frames is
 * cross-checked over every source the run has ({@code FrameSpacing}) and its source is named in
 * {@link org.interphase.core.TrajectoryHeader#timestepSource()}.
 */
package org.interphase.parsers.cp2k;
