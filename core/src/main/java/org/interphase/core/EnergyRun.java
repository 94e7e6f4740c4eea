package org.interphase.core;

import java.util.List;
import java.util.Map;

/**
 * The energies of one calculation, as the interface analysis needs them: a single point (one
 * value: the final energy of a single point or relaxation) or the per-frame energies of an MD run.
 *
 * @param source the file or folder read
 * @param composition atoms per element of the cell
 * @param cell the cell (of the first frame for MD)
 * @param timesFs per value, the simulation time in fs (NaN for single points)
 * @param energiesEv per value, the energy in eV
 * @param energyLabel which energy it is, e.g. "CP2K potential energy" or "VASP energy(sigma->0)"
 * @param dynamics whether the values are MD frames (to be averaged) rather than one final energy
 */
public record EnergyRun(String source, Map<String, Integer> composition, Cell cell, double[] timesFs, double[] energiesEv,
    String energyLabel, boolean dynamics, List<String> notes) {

  public EnergyRun {
    composition = Map.copyOf(composition);
    notes = List.copyOf(notes);
    if (timesFs.length != energiesEv.length) {
      throw new IllegalArgumentException("times and energies differ in length");
    }
  }

  /** The last energy, eV (the final value of a single point or a relaxation). */
  public double lastEnergyEv() {
    return energiesEv[energiesEv.length - 1];
  }
}
