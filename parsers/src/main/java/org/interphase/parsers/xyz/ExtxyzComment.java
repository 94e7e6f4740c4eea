package org.interphase.parsers.xyz;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.Units;

/**
 * The comment line of one extended XYZ frame, read into typed values. Keys are matched without
 * regard to case, except the time, whose unit depends on how the key is spelled:
 *
 * <ul>
 *   <li>{@code time=} (lower case): ASE's {@code atoms.info["time"]}, in ASE time units (Å·√(u/eV),
 *       the unit of {@code MolecularDynamics.get_time()} and of the times ASE's own readers store),
 *       converted with {@link Units#ASE_TIME_TO_FS};
 *   <li>{@code Time=} (any other spelling): fs, as Interphase's writer and OVITO's {@code Time}
 *       attribute of a femtosecond run write it.
 * </ul>
 *
 * <p>Energies: {@code energy=} and {@code free_energy=} (eV) as ASE writes a calculator's results.
 * With both, the free energy is what the dynamics moved on (ASE's force-consistent energy, VASP's
 * TOTEN) and {@code energy=} is ASE's extrapolated one (VASP's energy(sigma→0)).
 *
 * @param cell {@code Lattice="ax ay az bx by bz cx cy cz"} (Å), {@code null} when absent
 * @param pbc periodicity along a, b, c: {@code pbc="T T F"}; all true when absent and a lattice is
 *     given, all false without a lattice (ASE's rule)
 * @param timeFs the frame's time in fs, NaN when the line has none
 * @param timeKey the key the time came from ({@code time} or {@code Time}), {@code null} without one
 * @param step {@code step=}, else OVITO's integer {@code Timestep=}; -1 when neither is given
 * @param energies the energies of the line, {@link Energies#NONE} without any
 * @param properties the {@code Properties=} value, ASE's default layout when absent
 */
record ExtxyzComment(Cell cell, boolean[] pbc, double timeFs, String timeKey, long step, Energies energies,
    String properties) {

  /**
   * Reads a comment line.
   *
   * @throws IllegalArgumentException naming the key when a value cannot be read: a {@code Lattice}
   *     of other than 9 numbers, a {@code pbc} of other than 3 flags, a non-numeric time or energy
   */
  static ExtxyzComment parse(String line) {
    Map<String, String> kv = pairs(line);
    Cell cell = kv.containsKey("lattice") ? lattice(kv.get("lattice")) : null;
    boolean[] pbc = kv.containsKey("pbc") ? flags(kv.get("pbc")) : new boolean[] {cell != null, cell != null, cell != null};
    double time = Double.NaN;
    String timeKey = null;
    String exact = exactKey(line, "time");
    if (kv.containsKey("time")) {
      timeKey = "time".equals(exact) ? "time" : "Time";
      double v = number(kv.get("time"), "time");
      time = "time".equals(exact) ? v * Units.ASE_TIME_TO_FS : v;
    }
    long step = -1;
    if (kv.containsKey("step")) {
      step = (long) number(kv.get("step"), "step");
    } else if (kv.containsKey("timestep") && kv.get("timestep").matches("-?\\d+")) {
      step = Long.parseLong(kv.get("timestep"));
    }
    return new ExtxyzComment(cell, pbc, time, timeKey, step, energies(kv),
        kv.getOrDefault("properties", ExtxyzColumns.DEFAULT));
  }

  private static Energies energies(Map<String, String> kv) {
    double energy = kv.containsKey("energy") ? number(kv.get("energy"), "energy") : Double.NaN;
    double free = kv.containsKey("free_energy") ? number(kv.get("free_energy"), "free_energy") : Double.NaN;
    if (Double.isNaN(free)) {
      return Double.isNaN(energy) ? Energies.NONE : Energies.potential(energy);
    }
    return new Energies(free, free, energy, Double.NaN, Double.NaN, Double.NaN);
  }

  private static Cell lattice(String value) {
    String[] t = value.strip().split("\\s+");
    if (t.length != 9) {
      throw new IllegalArgumentException("Lattice=\"9 numbers\" (Å)");
    }
    double[] m = new double[9];
    for (int i = 0; i < 9; i++) {
      m[i] = number(t[i], "Lattice");
    }
    return Cell.ofRows(m);
  }

  private static boolean[] flags(String value) {
    String[] t = value.strip().split("\\s+");
    if (t.length != 3) {
      throw new IllegalArgumentException("pbc=\"3 flags T/F\"");
    }
    boolean[] out = new boolean[3];
    for (int i = 0; i < 3; i++) {
      String f = t[i].toUpperCase(Locale.ROOT);
      if (f.equals("T") || f.equals("TRUE") || f.equals("1")) {
        out[i] = true;
      } else if (!(f.equals("F") || f.equals("FALSE") || f.equals("0"))) {
        throw new IllegalArgumentException("pbc=\"3 flags T/F\"");
      }
    }
    return out;
  }

  private static double number(String value, String key) {
    try {
      double v = Double.parseDouble(value.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException("a number for " + key + "=");
  }

  /** Whether the cell is periodic along every axis. */
  boolean fullyPeriodic() {
    return pbc[0] && pbc[1] && pbc[2];
  }

  /** The {@code pbc} flags as written, e.g. {@code T T F}. */
  String pbcText() {
    return (pbc[0] ? "T" : "F") + " " + (pbc[1] ? "T" : "F") + " " + (pbc[2] ? "T" : "F");
  }

  /** The spelling of the first key that equals {@code lowerKey} ignoring case, or null. */
  private static String exactKey(String line, String lowerKey) {
    for (String k : rawPairs(line).keySet()) {
      if (k.toLowerCase(Locale.ROOT).equals(lowerKey)) {
        return k;
      }
    }
    return null;
  }

  /** Splits {@code key=value key="quoted value"} pairs; keys lower-cased, the first of a key kept. */
  static Map<String, String> pairs(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    rawPairs(line).forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  /**
   * Splits the pairs with their keys as written. A value may be quoted ({@code "…"}, with {@code \"}
   * inside) or braced ({@code {…}}); a key without {@code =} (an ASE flag) is dropped.
   */
  private static Map<String, String> rawPairs(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int len = line.length();
    while (i < len) {
      while (i < len && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int ks = i;
      while (i < len && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      String key = line.substring(ks, i);
      int j = i;
      while (j < len && line.charAt(j) == ' ') {
        j++;
      }
      if (j < len && line.charAt(j) == '=') {
        i = j;
      }
      if (i >= len || line.charAt(i) != '=') {
        continue;
      }
      i++;
      while (i < len && line.charAt(i) == ' ') {
        i++;
      }
      StringBuilder val = new StringBuilder();
      i = value(line, i, val);
      if (!key.isEmpty()) {
        out.putIfAbsent(key, val.toString());
      }
    }
    return out;
  }

  /** Reads one value starting at {@code i} into {@code out}; returns the index after it. */
  private static int value(String line, int i, StringBuilder out) {
    int len = line.length();
    char open = i < len ? line.charAt(i) : ' ';
    char close = open == '"' ? '"' : open == '{' ? '}' : 0;
    if (close == 0) {
      while (i < len && !Character.isWhitespace(line.charAt(i))) {
        out.append(line.charAt(i++));
      }
      return i;
    }
    i++;
    while (i < len && line.charAt(i) != close) {
      if (line.charAt(i) == '\\' && i + 1 < len) {
        i++;
      }
      out.append(line.charAt(i++));
    }
    return i + 1;
  }
}
