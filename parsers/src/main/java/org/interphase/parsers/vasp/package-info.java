/**
 * VASP readers: POSCAR/CONTCAR, XDATCAR, OUTCAR, OSZICAR and vasprun.xml. Positions come out in
 * Cartesian Å, energies in eV, forces in eV/Å, velocities in Å/fs.
 */
package org.interphase.parsers.vasp;
