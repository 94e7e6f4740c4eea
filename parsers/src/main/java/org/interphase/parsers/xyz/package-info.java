/**
 * Extended XYZ as ASE and OVITO write it: {@code Lattice=} (Å), {@code pbc=}, {@code Properties=}
 * columns in any order, {@code time=} (ASE time units) or {@code Time=} (fs), {@code energy=} and
 * {@code free_energy=} (eV). Start at {@link org.interphase.parsers.xyz.ExtendedXyz}.
 */
package org.interphase.parsers.xyz;
