/**
 * CP2K readers: position/velocity/force XYZ trajectories, {@code .ener}, {@code .cell}, the main
 * log, the input file, BAND (NEB) replicas, and {@link org.interphase.parsers.cp2k.Cp2kMdRun}, which
 * joins them by step number into frames. CP2K's Hartree, bohr and atomic time units are converted
 * here to eV, Å and fs (CODATA 2018, {@link org.interphase.core.Units}).
 */
package org.interphase.parsers.cp2k;
