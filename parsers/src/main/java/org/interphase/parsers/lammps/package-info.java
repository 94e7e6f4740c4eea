/**
 * LAMMPS text dumps ({@code dump atom} and {@code dump custom}): {@link
 * org.interphase.parsers.lammps.LammpsDumpReader} streams the frames, {@link
 * org.interphase.parsers.lammps.LammpsBox} turns {@code ITEM: BOX BOUNDS} into a cell, {@link
 * org.interphase.parsers.lammps.AtomColumns} reads the {@code ITEM: ATOMS} column list and {@link
 * org.interphase.parsers.lammps.LammpsUnits} converts a {@code units} style to Å, fs and eV.
 */
package org.interphase.parsers.lammps;
