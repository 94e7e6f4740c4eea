/**
 * VASP readers: POSCAR/CONTCAR, XDATCAR, OUTCAR, OSZICAR and vasprun.xml. Positions come out in
 * Cartesian Å, energies in eV, forces in eV/Å, velocities in Å/fs.
 *
 * <p>Where to start: {@link org.interphase.parsers.vasp.XdatcarReader} for trajectories. Three
 * decisions are made the same way in every reader: the element of each atom ({@code SpeciesResolver}:
 * a label that is not an element is resolved from the run's pseudopotential names, never guessed),
 * the time between stored frames ({@code FrameSpacing} over {@code VaspParameters}: POTIM × NBLOCK or
 * ML_OUTBLOCK, cross-checked with the steps the file shows) and each frame's own cell.
 */
package org.interphase.parsers.vasp;
