/**
 * The data model every part of Interphase speaks: {@link org.interphase.core.Cell}, {@link
 * org.interphase.core.AtomTable}, {@link org.interphase.core.Frame} and the streaming {@link
 * org.interphase.core.FrameSource}, plus units and the error types.
 *
 * <p>Units inside the model are fixed: lengths in Å, time in fs, energies in eV, temperature in K,
 * charge in e, forces in eV/Å and velocities in Å/fs. Readers convert once, at the file boundary.
 * Start with {@link org.interphase.core.FrameSource}.
 */
package org.interphase.core;
