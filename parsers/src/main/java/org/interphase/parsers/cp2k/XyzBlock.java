package org.interphase.parsers.cp2k;

/**
 * One frame of a CP2K XYZ file as read, before it is joined with cell and energies.
 *
 * @param step {@code i =} of the comment line (MD step, optimisation step, band iteration); the
 *     frame index when the comment has none
 * @param timeFs {@code time =} in fs, NaN when absent
 * @param energyEv {@code E =} converted from Hartree to eV, NaN when absent
 * @param labels atom labels as written (kind labels such as {@code Li1} are kept)
 * @param values 3 numbers per atom in Interphase units (Å, Å/fs or eV/Å); empty for the header-only
 *     frames CP2K 2023 writes to BAND force files
 * @param line line number of the frame's count line
 */
public record XyzBlock(long step, double timeFs, double energyEv, String[] labels, double[] values, long line) {

  /** Whether the frame carries per-atom values (false for CP2K's header-only BAND force frames). */
  public boolean hasValues() {
    return values.length > 0;
  }
}
