/**
 * Headless structure pictures with Jmol's Java API. Interphase hands Jmol its own frames (as a
 * VASP POSCAR with the lattice vectors, so the cell is exact); Jmol's readers for simulation output
 * are not used. Jmol writes to stdout; the renderer keeps stdout clean while it works.
 */
package org.interphase.viz.jmol;
