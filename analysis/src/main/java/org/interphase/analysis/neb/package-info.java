/**
 * NEB migration barriers: energies along the band, the reaction coordinate (cumulative
 * minimum-image distance), tangential forces, the VTST force-based cubic Hermite spline (extrema
 * only inside each interval), barriers, the saddle and the migrating atom.
 */
package org.interphase.analysis.neb;
