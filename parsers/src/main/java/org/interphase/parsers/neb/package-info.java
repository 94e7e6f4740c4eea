/**
 * NEB bands as a user points at them: {@link org.interphase.parsers.neb.NebBands} finds the band in a
 * folder (a VASP NEB 00 … NN, a CP2K BAND run, or one continued in a sub-folder), reads it with the
 * program's reader and adds the forces of single points beside it, saying in notes what it chose.
 */
package org.interphase.parsers.neb;
