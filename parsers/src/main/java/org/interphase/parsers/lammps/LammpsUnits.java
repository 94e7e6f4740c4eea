package org.interphase.parsers.lammps;

import java.util.Arrays;
import java.util.Locale;

/**
 * The LAMMPS {@code units} styles Interphase reads, with their factors to Å, fs and eV (LAMMPS
 * documentation, command {@code units}). Both supported styles measure distance in Å, so positions
 * and cells need no conversion; times ({@code ITEM: TIME}), velocities and forces do.
 *
 * <p>Other styles ({@code lj}, {@code si}, {@code cgs}, {@code electron}, {@code micro}, {@code
 * nano}) are refused by {@link #parse}: their length unit is not Å or is reduced.
 */
public enum LammpsUnits {
  /** {@code units metal}: Å, ps, eV; velocities Å/ps, forces eV/Å. */
  METAL(1000.0, 1e-3, 1.0),
  /** {@code units real}: Å, fs, kcal/mol; velocities Å/fs, forces (kcal/mol)/Å. */
  REAL(1.0, 1.0, LammpsUnits.KCAL_PER_MOL_TO_EV);

  /**
   * 1 kcal/mol in eV: 4184 J/mol divided by the Faraday constant 96485.33212 C/mol (CODATA 2018,
   * exact since the 2019 SI).
   */
  public static final double KCAL_PER_MOL_TO_EV = 4184.0 / 96485.33212;

  private final double timeToFs;
  private final double velocityToAPerFs;
  private final double forceToEvPerA;

  LammpsUnits(double timeToFs, double velocityToAPerFs, double forceToEvPerA) {
    this.timeToFs = timeToFs;
    this.velocityToAPerFs = velocityToAPerFs;
    this.forceToEvPerA = forceToEvPerA;
  }

  /** Factor from this style's time unit to fs (metal: 1000, real: 1). */
  public double timeToFs() {
    return timeToFs;
  }

  /** Factor from this style's velocity unit to Å/fs (metal: 0.001, real: 1). */
  public double velocityToAPerFs() {
    return velocityToAPerFs;
  }

  /** Factor from this style's force unit to eV/Å (metal: 1, real: {@link #KCAL_PER_MOL_TO_EV}). */
  public double forceToEvPerA() {
    return forceToEvPerA;
  }

  /** The name LAMMPS uses ({@code metal}, {@code real}). */
  public String styleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The style of that LAMMPS name, case-insensitive.
   *
   * @throws IllegalArgumentException for a style LAMMPS has and Interphase does not read, or an
   *     unknown name, in one line naming the supported ones
   */
  public static LammpsUnits parse(String style) {
    String s = style.strip().toLowerCase(Locale.ROOT);
    for (LammpsUnits u : values()) {
      if (u.styleName().equals(s)) {
        return u;
      }
    }
    String what = Arrays.asList("lj", "si", "cgs", "electron", "micro", "nano").contains(s)
        ? "are not supported" : "are not a LAMMPS units style";
    throw new IllegalArgumentException("LAMMPS units \"" + style.strip() + "\" " + what + " (supported: metal = Å and ps, real = Å and fs)");
  }
}
