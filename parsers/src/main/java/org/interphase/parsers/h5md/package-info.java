/**
 * H5MD (HDF5 for molecular data) read through the pure-Java HDF5 library jhdf: positions in Å,
 * cells in Å, times in fs, converted from the files' {@code unit} attributes. Start at {@link
 * org.interphase.parsers.h5md.H5mdReader}.
 */
package org.interphase.parsers.h5md;
