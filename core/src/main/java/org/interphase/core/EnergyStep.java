package org.interphase.core;

/**
 * The energies of one step of a run, for files that hold energies but no positions (OSZICAR, CP2K
 * .ener) or for energy-only views of trajectories.
 *
 * @param step the program's step number
 * @param timeFs simulation time in fs, {@code NaN} when unknown
 * @param energies the energies of the step
 */
public record EnergyStep(long step, double timeFs, Energies energies) {}
