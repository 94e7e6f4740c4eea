/** Extended XYZ (ASE/OVITO flavour): {@code Lattice=}, {@code Properties=}, {@code energy=}. */
package org.interphase.parsers.xyz;
