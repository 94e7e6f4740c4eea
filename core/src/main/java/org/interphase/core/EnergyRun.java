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
 * @param notes what the reader and the accumulation found, with kinds a caller can filter on (e.g.
 *     {@link Warning.Input#INCOMPLETE} for a run that may not have finished)
 * @param vacuum the atom-free slabs of the first frame that has positions (a slab model's vacuum gap); null when no frame
 *     has positions (an OSZICAR, a CP2K log without coordinates beside it)
 * @param temperaturesK per value, the instantaneous temperature in K the program wrote beside the energy (NaN where it wrote
 *     none); null when no value has one (single points, relaxations)
 */
public record EnergyRun(String source, Map<String, Integer> composition, Cell cell, double[] timesFs, double[] energiesEv,
    String energyLabel, boolean dynamics, List<Warning> notes, VacuumGap vacuum, double[] temperaturesK) {

  /** A run without temperatures. */
  public EnergyRun(String source, Map<String, Integer> composition, Cell cell, double[] timesFs, double[] energiesEv,
      String energyLabel, boolean dynamics, List<Warning> notes, VacuumGap vacuum) {
    this(source, composition, cell, timesFs, energiesEv, energyLabel, dynamics, notes, vacuum, null);
  }

  /** A run whose structure is unknown (no {@link #vacuum}). */
  public EnergyRun(String source, Map<String, Integer> composition, Cell cell, double[] timesFs, double[] energiesEv,
      String energyLabel, boolean dynamics, List<Warning> notes) {
    this(source, composition, cell, timesFs, energiesEv, energyLabel, dynamics, notes, null);
  }

  public EnergyRun {
    composition = Map.copyOf(composition);
    notes = List.copyOf(notes);
    if (timesFs.length != energiesEv.length) {
      throw new IllegalArgumentException("times and energies differ in length");
    }
    if (temperaturesK != null && temperaturesK.length != energiesEv.length) {
      throw new IllegalArgumentException("temperatures and energies differ in length");
    }
  }

  /** This run with {@code more} notes after its own. */
  public EnergyRun withNotes(List<Warning> more) {
    List<Warning> all = new java.util.ArrayList<>(notes);
    all.addAll(more);
    return new EnergyRun(source, composition, cell, timesFs, energiesEv, energyLabel, dynamics, all, vacuum, temperaturesK);
  }

  /** The notes of one kind, in order. */
  public List<Warning> notes(Warning.Kind kind) {
    return notes.stream().filter(w -> w.kind().equals(kind)).toList();
  }

  /** This run with the vacuum gaps of its structure. */
  public EnergyRun withVacuum(VacuumGap gap) {
    return new EnergyRun(source, composition, cell, timesFs, energiesEv, energyLabel, dynamics, notes, gap, temperaturesK);
  }

  /** The last energy, eV (the final value of a single point or a relaxation). */
  public double lastEnergyEv() {
    return energiesEv[energiesEv.length - 1];
  }
}
