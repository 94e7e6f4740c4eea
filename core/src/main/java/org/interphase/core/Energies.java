package org.interphase.core;

/**
 * The energies a program printed for one step, in eV (temperature in K); {@code NaN} where the file
 * has none.
 *
 * @param potentialEv the energy the dynamics moved on: VASP's free energy TOTEN, CP2K's potential
 *     energy
 * @param freeEnergyEv VASP "free energy TOTEN" (includes the electronic entropy term)
 * @param energySigma0Ev VASP "energy(sigma-&gt;0)"
 * @param kineticEv kinetic energy of the ions
 * @param conservedEv the conserved quantity of the ensemble (CP2K "Cons Qty", VASP ETOTAL)
 * @param temperatureK instantaneous ionic temperature
 */
public record Energies(
    double potentialEv,
    double freeEnergyEv,
    double energySigma0Ev,
    double kineticEv,
    double conservedEv,
    double temperatureK) {

  /**
   * A {@link TrajectoryHeader#notes()} entry starting with this names the energy a reader put in
   * {@link #potentialEv()} when it is not a trajectory's plain potential energy, e.g. {@code "energy:
   * CP2K total energy (ENERGY| Total FORCE_EVAL)"}.
   */
  public static final String LABEL_NOTE = "energy: ";

  /** No energies at all. */
  public static final Energies NONE = new Energies(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** Only a potential energy (eV). */
  public static Energies potential(double potentialEv) {
    return new Energies(potentialEv, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Whether any energy (not the temperature) is known. */
  public boolean hasAny() {
    return !Double.isNaN(potentialEv) || !Double.isNaN(freeEnergyEv) || !Double.isNaN(energySigma0Ev)
        || !Double.isNaN(kineticEv) || !Double.isNaN(conservedEv);
  }
}
