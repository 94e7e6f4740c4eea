package org.interphase.core;

import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

/** The periodic table as far as Interphase needs it: symbols, atomic numbers, masses (u). */
public final class Elements {
  private static final String[] SYMBOLS = (
      "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr "
      + "Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm "
      + "Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr")
      .split(" ");
  private static final Map<String, Integer> NUMBER = new HashMap<>();

  static {
    for (int i = 0; i < SYMBOLS.length; i++) {
      NUMBER.put(SYMBOLS[i], i + 1);
    }
  }

  private Elements() {}

  /** Whether {@code symbol} (exact case, e.g. "Li") is a chemical element. */
  public static boolean isSymbol(String symbol) {
    return NUMBER.containsKey(symbol);
  }

  /**
   * The symbol of atomic number {@code z} (1 = H … 103 = Lr).
   *
   * @throws IllegalArgumentException when {@code z} is outside 1…103
   */
  public static String symbol(int z) {
    if (z < 1 || z > SYMBOLS.length) {
      throw new IllegalArgumentException("atomic number " + z + " is not between 1 and " + SYMBOLS.length);
    }
    return SYMBOLS[z - 1];
  }

  /** Atomic number of a symbol in any case, or 0 when it is not an element. */
  public static int atomicNumber(String symbol) {
    if (symbol.isEmpty()) {
      return 0;
    }
    String s = symbol.substring(0, 1).toUpperCase(Locale.ROOT) + symbol.substring(1).toLowerCase(Locale.ROOT);
    return NUMBER.getOrDefault(s, 0);
  }

  /**
   * A species selection as the tables spell it: an element symbol in any case in its own case ({@code "li"} and {@code "LI"}
   * give {@code "Li"}), anything else (a kind label such as {@code "Li1"}) stripped but unchanged.
   */
  public static String spelled(String selection) {
    String s = selection.strip();
    int z = atomicNumber(s);
    return z > 0 ? symbol(z) : s;
  }
}
