package org.interphase.core;

/**
 * Physical constants and conversion factors (CODATA 2018), so that every reader converts the same
 * way. Multiply a value in the unit on the left of the name to get the unit on the right.
 */
public final class Units {
  /** 1 Hartree in eV. */
  public static final double HARTREE_TO_EV = 27.211386245988;
  /** 1 bohr in Å. */
  public static final double BOHR_TO_ANGSTROM = 0.529177210903;
  /** 1 atomic unit of time in fs. */
  public static final double AU_TIME_TO_FS = 2.4188843265857e-2;
  /** Hartree/bohr → eV/Å. */
  public static final double HARTREE_PER_BOHR_TO_EV_PER_ANGSTROM = HARTREE_TO_EV / BOHR_TO_ANGSTROM;
  /** bohr per atomic time unit → Å/fs. */
  public static final double BOHR_PER_AU_TIME_TO_ANGSTROM_PER_FS = BOHR_TO_ANGSTROM / AU_TIME_TO_FS;
  /** 1 eV/Å² in J/m². */
  public static final double EV_PER_A2_TO_J_PER_M2 = 16.02176634;
  /** Boltzmann constant in eV/K. */
  public static final double BOLTZMANN_EV_PER_K = 8.617333262e-5;
  /** Elementary charge in C. */
  public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
  /** Boltzmann constant in J/K. */
  public static final double BOLTZMANN_J_PER_K = 1.380649e-23;
  /** 1 Å²/fs in cm²/s. */
  public static final double A2_PER_FS_TO_CM2_PER_S = 0.1;
  /** 1 m in Å. */
  public static final double METRE_TO_ANGSTROM = 1e10;
  /** 1 nm in Å. */
  public static final double NM_TO_ANGSTROM = 10;
  /** 1 ps in fs. */
  public static final double PS_TO_FS = 1000;
  /**
   * 1 ASE time unit (Å·√(u/eV), {@code 1 / ase.units.fs}) in fs: the unit of ASE's {@code
   * MolecularDynamics.get_time()} and of the {@code atoms.info["time"]} its readers store.
   */
  public static final double ASE_TIME_TO_FS = 10.180505671156725;

  private Units() {}
}
