package org.interphase.analysis.energetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Warning;
import java.util.TreeSet;
import org.interphase.core.Cell;
import org.interphase.core.EnergyRun;
import org.interphase.core.Measurement;
import org.interphase.core.Units;

/**
 * γ = [E_AB − n_A ε_A − n_B ε_B] / (k·A) and, when A and B are slabs of the interface's in-plane
 * cell, the work of adhesion W = [E_A + E_B − E_AB] / (k·A), k the number of A|B interfaces in the
 * interface cell (both divide by the interfaces that separating the cell into the slabs removes;
 * Lepley and Holzwarth, PRB 92, 214201 (2015); anchors.md §3a). Energies in eV, A in Å², results in
 * eV/Å² and J/m² (1 eV/Å² = 16.02176634 J/m²). Energies of MD runs are averaged over the frames after
 * the equilibration time with a blocked standard error ({@link BlockAverage}); single points count
 * as exact. n_A and n_B are found from the atom counts (every element must balance with
 * non-negative whole numbers) unless given.
 */
public final class InterfaceEnergy {
  private InterfaceEnergy() {}

  /**
   * Computes one interface energy.
   *
   * @param ab the interface cell A|B (energy in eV, cell in Å)
   * @param a reference A: a bulk cell, a formula unit or a slab of the same in-plane cell
   * @param b reference B
   * @throws IllegalArgumentException when the interface cell is not one whole combination of A and B,
   *     or an MD run has fewer than 2 frames after the equilibration
   */
  public static InterfaceResult compute(String name, EnergyRun ab, EnergyRun a, EnergyRun b, InterfaceParameters p) {
    List<Warning> warnings = new ArrayList<>();
    double area = area(ab.cell(), p.normalAxis());
    boolean aSlab = sameInPlane(ab.cell(), a.cell(), p, "A", warnings);
    boolean bSlab = sameInPlane(ab.cell(), b.cell(), p, "B", warnings);
    double[] n = counts(ab, a, b, p);
    Averaged eab = average(ab, p, "interface");
    Averaged ea = average(a, p, "A");
    Averaged eb = average(b, p, "B");
    Warning mixed = mixedKinds(new EnergyRun[] {ab, a, b}, new double[] {1, -n[0], -n[1]}, p.interfaces() * area);
    if (mixed != null) {
      warnings.add(mixed);
    }
    EnergyRun[] runs = {ab, a, b};
    Averaged[] averaged = {eab, ea, eb};
    double[] weights = {1, -n[0], -n[1]};
    String[] names = {"E_AB (" + fileName(ab) + ")", "E_A (" + fileName(a) + ")", "E_B (" + fileName(b) + ")"};
    Warning count = interfaceCount(ab, p);
    if (count != null) {
      warnings.add(count);
    }
    double num = eab.value.value() - n[0] * ea.value.value() - n[1] * eb.value.value();
    double err = Math.sqrt(sq(eab.value.stdErr()) + sq(n[0] * ea.value.stdErr()) + sq(n[1] * eb.value.stdErr()));
    Measurement gamma = new Measurement(num / (p.interfaces() * area), err / (p.interfaces() * area), "eV/Å²");
    Measurement gammaJ = gamma.scaled(Units.EV_PER_A2_TO_J_PER_M2, "J/m²");
    for (int i = 0; i < 3; i++) {
      Averaged x = averaged[i];
      Warning drift = x.kept == null ? null : ThermalChecks.drift(names[i], x.kept, x.keptTimesFs, runs[i].timesFs()[0], weights[i],
          p.interfaces() * area, gammaJ.stdErr());
      if (drift != null) {
        warnings.add(drift);
      }
    }
    Warning temperatures = ThermalChecks.temperatures(names, runs, new double[] {eab.temperatureK, ea.temperatureK, eb.temperatureK},
        weights, p.interfaces() * area, gammaJ.stdErr());
    if (temperatures != null) {
      warnings.add(temperatures);
    }
    boolean slabs = aSlab && bSlab && n[0] == 1 && n[1] == 1;
    Measurement w = null;
    String label = "interface energy";
    if (slabs) {
      // separating the cell into the two slabs opens all k interfaces: W per interface, like γ
      w = new Measurement(-num / (p.interfaces() * area), err / (p.interfaces() * area), "eV/Å²").scaled(Units.EV_PER_A2_TO_J_PER_M2,
          "J/m²");
      label = "interface energy relative to the separated slabs (= −work of adhesion)";
    } else if (p.interfaces() == 1) {
      label = "interface energy including the free-surface energies of the slab (k = 1 with bulk references)";
      warnings.add(new Warning(InterfaceResult.Doubt.FREE_SURFACES, "k = 1 (slab with vacuum) with references that are not slabs "
          + "of the same in-plane cell: γ includes the free-surface energies; give slab references for the work of adhesion"));
    }
    String method = String.format(Locale.ROOT, "γ = [E_AB − %s·ε_A − %s·ε_B] / (%d·A)%s, A = %.6f Å²; %s; %s; %s", fmt(n[0]), fmt(n[1]),
        p.interfaces(), slabs ? String.format(Locale.ROOT, ", W = [E_A + E_B − E_AB] / (%d·A)", p.interfaces()) : "", area, eab.text,
        ea.text, eb.text);
    if (!Double.isNaN(gamma.stdErr()) && gamma.stdErr() == 0) {
      gamma = new Measurement(gamma.value(), Double.NaN, gamma.unit());
      gammaJ = new Measurement(gammaJ.value(), Double.NaN, gammaJ.unit());
      if (w != null) {
        w = new Measurement(w.value(), Double.NaN, w.unit());
      }
    }
    return new InterfaceResult(name, area, p.interfaces(), eab.value, ea.value, eb.value, n[0], n[1], gamma, gammaJ, w, label,
        new InterfaceResult.FramesUsed(eab.frames, ea.frames, eb.frames), method, List.copyOf(warnings));
  }

  /** Thermal potential energy per atom that an MD average holds at 300 K, of the order of (3/2)·k_B·T, eV. */
  private static final double THERMAL_EV_PER_ATOM_300K = 1.5 * Units.BOLTZMANN_EV_PER_K * 300;

  /**
   * The warning when the three energies are not of one kind: single points or relaxations (0 K, no thermal energy) mixed
   * with MD averages, which hold the atoms' thermal potential energy, of the order of (3/2)·N·k_B·T (equipartition in a
   * harmonic solid). That energy does not cancel in γ: it biases γ by the thermal energy of the atoms counted on one side
   * only. No correction is made (the real thermal energy is anharmonic and depends on T); the warning gives its order at
   * 300 K and its sign.
   *
   * @param runs the interface cell, A and B
   * @param weights their factors in γ's numerator: 1, −n_A, −n_B
   * @param kArea k·A, Å²
   * @return null when all three are of one kind
   */
  static Warning mixedKinds(EnergyRun[] runs, double[] weights, double kArea) {
    String[] names = {"E_AB", "E_A", "E_B"};
    List<String> statics = new ArrayList<>();
    List<String> averages = new ArrayList<>();
    double atoms = 0;
    for (int i = 0; i < 3; i++) {
      String what = names[i] + " (" + fileName(runs[i]) + ")";
      if (runs[i].dynamics()) {
        averages.add(what);
        atoms += weights[i] * runs[i].composition().values().stream().mapToInt(Integer::intValue).sum();
      } else {
        statics.add(what);
      }
    }
    if (statics.isEmpty() || averages.isEmpty()) {
      return null;
    }
    double ev = THERMAL_EV_PER_ATOM_300K * Math.abs(atoms);
    String bias = atoms == 0 ? "γ is biased by the difference of their thermal energies"
        : String.format(Locale.ROOT, "γ comes out too %s (W too %s) by the order of %.0f atoms × %.3f eV = %.2g eV over k·A = %.2g J/m² "
            + "at 300 K", atoms > 0 ? "high" : "low", atoms > 0 ? "low" : "high", Math.abs(atoms), THERMAL_EV_PER_ATOM_300K, ev,
            ev / kArea * Units.EV_PER_A2_TO_J_PER_M2);
    boolean oneStatic = statics.size() == 1;
    boolean oneAverage = averages.size() == 1;
    return new Warning(InterfaceResult.Doubt.MIXED_AVERAGE, "energies of two kinds: " + String.join(" and ", statics)
        + (oneStatic ? " is a single point or relaxation" : " are single points or relaxations") + " (0 K, no thermal energy) but "
        + String.join(" and ", averages) + (oneAverage ? " is an MD average, which holds" : " are MD averages, which hold")
        + " the atoms' thermal potential energy (of the order of (3/2)·N·k_B·T): " + bias + "; use energies of one kind (all single "
        + "points, or MD averages at one temperature)");
  }

  /**
   * The warning when the vacuum of the interface cell contradicts k: a slab with vacuum across the normal holds one A|B
   * interface (k = 1; two only for an A|B|A or B|A|B slab), a periodic cell without vacuum holds two (k = 2). A wrong k
   * halves or doubles γ and W. Also when the vacuum lies across another lattice vector than the normal.
   *
   * @return null when the interface cell's structure is unknown or agrees with k
   */
  static Warning interfaceCount(EnergyRun ab, InterfaceParameters p) {
    org.interphase.core.VacuumGap g = ab.vacuum();
    if (g == null) {
      return null;
    }
    int axis = g.vacuumAxis();
    char normal = "abc".charAt(p.normalAxis());
    String cell = "the interface cell " + fileName(ab);
    String text = null;
    if (axis >= 0 && axis != p.normalAxis()) {
      text = String.format(Locale.ROOT, "%s has %s, not across the interface normal %c: is --normal right? (the area is that of the "
          + "other two lattice vectors)", cell, g.describe(), normal);
    } else if (axis >= 0 && p.interfaces() == 2) {
      text = String.format(Locale.ROOT, "%s has %s: a slab with vacuum holds one A|B interface, so --interfaces 2 halves γ and W; "
          + "use --interfaces 1 unless the slab is A|B|A or B|A|B (two contacts)", cell, g.describe());
    } else if (axis < 0 && p.interfaces() == 1) {
      text = String.format(Locale.ROOT, "%s has no vacuum across %c (widest atom-free slab %.1f Å, vacuum from %.0f Å): a periodic "
          + "A|B cell holds two A|B interfaces, so --interfaces 1 doubles γ and W; use --interfaces 2 unless the cell is not "
          + "periodic across %c", cell, normal, g.gapsA()[p.normalAxis()], org.interphase.core.VacuumGap.MIN_VACUUM_A, normal);
    }
    return text == null ? null : new Warning(InterfaceResult.Doubt.INTERFACE_COUNT, text);
  }

  private static String fileName(EnergyRun r) {
    java.nio.file.Path f = java.nio.file.Path.of(r.source()).getFileName();
    return f == null ? r.source() : f.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }

  private static double sq(double x) {
    return Double.isNaN(x) ? 0 : x * x;
  }

  /** |b × c|, |c × a| or |a × b| for a normal along a, b or c. */
  static double area(Cell c, int normal) {
    double[][] m = c.toMatrix();
    double[] u = m[(normal + 1) % 3];
    double[] v = m[(normal + 2) % 3];
    double x = u[1] * v[2] - u[2] * v[1];
    double y = u[2] * v[0] - u[0] * v[2];
    double z = u[0] * v[1] - u[1] * v[0];
    return Math.sqrt(x * x + y * y + z * z);
  }

  private static boolean sameInPlane(Cell ab, Cell part, InterfaceParameters p, String which, List<Warning> warnings) {
    int i = (p.normalAxis() + 1) % 3;
    int j = (p.normalAxis() + 2) % 3;
    double[] l1 = ab.lengthsA();
    double[] l2 = part.lengthsA();
    double[] g1 = ab.anglesDeg();
    double[] g2 = part.anglesDeg();
    double si = l2[i] / l1[i] - 1;
    double sj = l2[j] / l1[j] - 1;
    double dAngle = g2[p.normalAxis()] - g1[p.normalAxis()];
    if (Math.abs(si) > p.strainTolerance() || Math.abs(sj) > p.strainTolerance() || Math.abs(dAngle) > p.strainTolerance() * 90) {
      warnings.add(new Warning(InterfaceResult.Doubt.STRAINED_PART, String.format(Locale.ROOT, "part %s has another in-plane cell "
          + "than the interface (%s %.4f Å vs %.4f Å: %+.2f %%, %s %.4f Å vs %.4f Å: %+.2f %%, angle %+.2f°): the interface cell "
          + "strains it", which, "abc".charAt(i), l2[i], l1[i], 100 * si, "abc".charAt(j), l2[j], l1[j], 100 * sj, dAngle)));
      return false;
    }
    return true;
  }

  /** n_A, n_B from the atom counts, or as given. */
  static double[] counts(EnergyRun ab, EnergyRun a, EnergyRun b, InterfaceParameters p) {
    if (!Double.isNaN(p.nA()) && !Double.isNaN(p.nB())) {
      return new double[] {p.nA(), p.nB()};
    }
    TreeSet<String> els = new TreeSet<>(ab.composition().keySet());
    els.addAll(a.composition().keySet());
    els.addAll(b.composition().keySet());
    // try every whole n_A up to the largest possible, solve n_B from the first element B has
    int maxA = Integer.MAX_VALUE;
    for (String e : a.composition().keySet()) {
      maxA = Math.min(maxA, ab.composition().getOrDefault(e, 0) / a.composition().get(e));
    }
    List<double[]> solutions = new ArrayList<>();
    for (int na = 0; na <= maxA; na++) {
      Integer nb = null;
      boolean ok = true;
      for (String e : els) {
        int need = ab.composition().getOrDefault(e, 0) - na * a.composition().getOrDefault(e, 0);
        int per = b.composition().getOrDefault(e, 0);
        if (per == 0) {
          ok &= need == 0;
        } else if (need < 0 || need % per != 0) {
          ok = false;
        } else if (nb == null) {
          nb = need / per;
        } else {
          ok &= nb == need / per;
        }
      }
      if (ok && nb != null) {
        solutions.add(new double[] {na, nb});
      }
    }
    if (solutions.size() != 1) {
      throw new org.interphase.core.MissingParameterException("nA", String.format(Locale.ROOT,
          "the interface cell %s is %s whole combination of A %s and B %s", ab.composition(),
          solutions.isEmpty() ? "not a" : "more than one", a.composition(), b.composition()));
    }
    return solutions.get(0);
  }

  /**
   * An energy as γ uses it: {@code kept} and {@code keptTimesFs} the averaged frames of an MD run (null for one structure),
   * {@code temperatureK} their mean temperature (NaN unknown).
   */
  private record Averaged(Measurement value, int frames, String text, double[] kept, double[] keptTimesFs, double temperatureK) {}

  private static Averaged average(EnergyRun r, InterfaceParameters p, String which) {
    String file = java.nio.file.Path.of(r.source()).getFileName().toString();
    if (!r.dynamics()) {
      return new Averaged(new Measurement(r.lastEnergyEv(), 0, "eV"), 1,
          String.format(Locale.ROOT, "E_%s = %.8f eV, one structure (last %s of %s)", which, r.lastEnergyEv(), r.energyLabel(), file),
          null, null, Double.NaN);
    }
    double t0 = r.timesFs()[0];
    double cut = t0 + p.equilibrationPs() * 1000 - 1e-6;
    int first = 0;
    while (first < r.timesFs().length && !(r.timesFs()[first] >= cut)) {
      first++;
    }
    double[] kept = java.util.Arrays.copyOfRange(r.energiesEv(), first, r.energiesEv().length);
    if (kept.length < 2) {
      throw new IllegalArgumentException(file + ": fewer than 2 frames after the equilibration of " + p.equilibrationPs() + " ps");
    }
    BlockAverage b = BlockAverage.of(kept);
    double dt = r.timesFs().length > 1 ? r.timesFs()[1] - r.timesFs()[0] : Double.NaN;
    double temperature = ThermalChecks.meanTemperatureK(r, first);
    return new Averaged(new Measurement(b.mean(), b.stdErr(), "eV"), kept.length, String.format(Locale.ROOT,
        "⟨E_%s⟩ = %.6f ± %.6f eV over %d frames of %s after %.3g ps%s (%s; blocked error: blocks of %d frames = %.3g fs, %d blocks)",
        which, b.mean(), b.stdErr(), kept.length, file, p.equilibrationPs(),
        Double.isNaN(temperature) ? "" : String.format(Locale.ROOT, " at ⟨T⟩ = %.1f K", temperature), r.energyLabel(), b.blockSize(),
        b.blockSize() * dt, b.blocks()), kept, java.util.Arrays.copyOfRange(r.timesFs(), first, r.timesFs().length), temperature);
  }
}
