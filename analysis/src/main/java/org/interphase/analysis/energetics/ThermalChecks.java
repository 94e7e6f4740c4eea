package org.interphase.analysis.energetics;

import java.util.Locale;
import org.interphase.core.EnergyRun;
import org.interphase.core.Units;
import org.interphase.core.Warning;

/**
 * Checks of MD averages that make γ and W mean something else than a chemist expects: runs averaged at different
 * temperatures, and an energy that still drifts at the start of the averaged frames.
 */
final class ThermalChecks {
  /** Mean temperatures further apart than this fraction of their mean are named even when the bias is small. */
  static final double TEMPERATURE_SPREAD = 0.05;
  /** An equipartition bias of γ at least this large, J/m², is named whatever γ's error. */
  static final double MATERIAL_BIAS_JM2 = 0.01;
  /** Candidate equilibration times tried: origins every 1/40 of the series over its first half. */
  private static final int ORIGIN_STEPS = 40;
  /** A shift of the mean smaller than this many standard errors of the later frames' mean is not named. */
  static final double DRIFT_SIGMAS = 3;
  /** A drift that moves γ by less than this fraction of γ's standard error is not named. */
  static final double RELEVANT_FRACTION = 0.5;

  private ThermalChecks() {}

  /**
   * The mean of the temperatures from {@code first} on, K; NaN when the run has none there.
   *
   * @param r an MD run
   * @param first index of the first averaged frame
   */
  static double meanTemperatureK(EnergyRun r, int first) {
    double[] t = r.temperaturesK();
    if (t == null) {
      return Double.NaN;
    }
    double sum = 0;
    int n = 0;
    for (int i = first; i < t.length; i++) {
      if (!Double.isNaN(t[i])) {
        sum += t[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The warning when the three MD averages were taken at different mean temperatures. Their thermal potential energy,
   * (3/2)·N·k_B·T in a harmonic solid (equipartition), cancels in γ only at one temperature (the atoms balance); otherwise γ
   * carries (3/2)·k_B·Σ w_i·N_i·T_i / (k·A), named as the order of the bias. Raised when that bias reaches γ's standard error
   * or {@link #MATERIAL_BIAS_JM2}, or the temperatures spread by more than {@link #TEMPERATURE_SPREAD} of their mean.
   *
   * @param names how the runs are named (E_AB, E_A, E_B with their files)
   * @param runs the interface cell, A and B, all MD
   * @param meanTemperaturesK their mean temperatures over the averaged frames, K (NaN unknown: no warning)
   * @param weights their factors in γ's numerator: 1, −n_A, −n_B
   * @param kArea k·A, Å²
   * @param gammaStdErrJm2 standard error of γ, J/m² (NaN when unknown)
   * @return null when the temperatures agree or are not all known
   */
  static Warning temperatures(String[] names, EnergyRun[] runs, double[] meanTemperaturesK, double[] weights, double kArea,
      double gammaStdErrJm2) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mean = 0;
    double weighted = 0;
    for (int i = 0; i < runs.length; i++) {
      double t = meanTemperaturesK[i];
      if (!runs[i].dynamics() || Double.isNaN(t)) {
        return null;
      }
      min = Math.min(min, t);
      max = Math.max(max, t);
      mean += t / runs.length;
      weighted += weights[i] * atoms(runs[i]) * t;
    }
    double biasJm2 = 1.5 * Units.BOLTZMANN_EV_PER_K * weighted / kArea * Units.EV_PER_A2_TO_J_PER_M2;
    boolean large = Math.abs(biasJm2) >= MATERIAL_BIAS_JM2 || Double.isFinite(gammaStdErrJm2) && Math.abs(biasJm2) >= gammaStdErrJm2;
    if (!large && max - min <= TEMPERATURE_SPREAD * mean) {
      return null;
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < runs.length; i++) {
      list.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f K", names[i], meanTemperaturesK[i]));
    }
    return new Warning(InterfaceResult.Doubt.TEMPERATURES, String.format(Locale.ROOT, "the MD averages are at different mean "
        + "temperatures (%s): their thermal potential energy (of the order of (3/2)·N·k_B·T) cancels in γ only at one temperature; "
        + "here γ comes out too %s (W too %s) by the order of %.2g J/m² (equipartition)%s; use runs at one temperature",
        list, biasJm2 > 0 ? "high" : "low", biasJm2 > 0 ? "low" : "high", Math.abs(biasJm2),
        Double.isFinite(gammaStdErrJm2) ? String.format(Locale.ROOT, ", against a standard error of %.2g J/m²", gammaStdErrJm2) : ""));
  }

  /**
   * When the energy of an MD run drifts at the start of the averaged frames: the origin that keeps the most uncorrelated
   * frames, N_eff = s² / SE², s² the variance and SE the blocked standard error ({@link BlockAverage}) of the frames from
   * that origin on (Chodera, J. Chem. Theory Comput. 12, 1799 (2016), with the statistical inefficiency from blocking),
   * tried every 1/40 of the series over its first half. Named when that origin is not the first frame, the mean from it on
   * differs from the mean over all averaged frames by more than {@link #DRIFT_SIGMAS} of its standard error, and the shift
   * moves γ by at least half γ's standard error (a drift that γ's error already dwarfs is not named).
   *
   * @param name how the run is named (E_AB with its file)
   * @param kept the averaged energies, eV, in time order
   * @param keptTimesFs their times, fs
   * @param startTimeFs time of the run's first frame, fs
   * @param weight the run's factor in γ's numerator
   * @param kArea k·A, Å²
   * @param gammaStdErrJm2 standard error of γ, J/m² (NaN when unknown: every significant drift is named)
   * @return null when the energy does not drift, or its drift hardly moves γ
   */
  static Warning drift(String name, double[] kept, double[] keptTimesFs, double startTimeFs, double weight, double kArea,
      double gammaStdErrJm2) {
    int n = kept.length;
    if (n < 2 * ORIGIN_STEPS) {
      return null;
    }
    int step = Math.max(1, n / ORIGIN_STEPS);
    int best = 0;
    double bestEffective = -1;
    BlockAverage bestAverage = null;
    for (int origin = 0; origin <= n / 2; origin += step) {
      double[] later = java.util.Arrays.copyOfRange(kept, origin, n);
      BlockAverage b = BlockAverage.of(later);
      double effective = b.stdErr() > 0 ? sq(b.naiveStdErr()) * later.length / sq(b.stdErr()) : 0;
      if (effective > bestEffective) {
        bestEffective = effective;
        best = origin;
        bestAverage = b;
      }
    }
    if (best == 0) {
      return null;
    }
    double all = BlockAverage.of(kept).mean();
    double shiftEv = bestAverage.mean() - all;
    if (!(Math.abs(shiftEv) > DRIFT_SIGMAS * bestAverage.stdErr())) {
      return null;
    }
    double ps = (keptTimesFs[best] - startTimeFs) / 1000;
    double fromPs = (keptTimesFs[0] - startTimeFs) / 1000;
    double gammaShiftJm2 = weight * shiftEv / kArea * Units.EV_PER_A2_TO_J_PER_M2;
    if (Math.abs(gammaShiftJm2) < RELEVANT_FRACTION * gammaStdErrJm2) {
      return null;
    }
    boolean cut = fromPs > 1e-9;
    return new Warning(InterfaceResult.Doubt.NOT_EQUILIBRATED, String.format(Locale.ROOT, "%s %s: averaged from %.3g ps on instead "
        + "(the start that keeps the most uncorrelated frames), ⟨E⟩ would change by %+.3g eV (%.0f standard errors) and γ by %+.2g "
        + "J/m²; γ here averages from %s", name, cut ? String.format(Locale.ROOT, "still drifts after %.3g ps", fromPs)
        : "drifts at the start", ps, shiftEv, Math.abs(shiftEv) / bestAverage.stdErr(), gammaShiftJm2,
        cut ? String.format(Locale.ROOT, "%.3g ps", fromPs) : "the first frame"));
  }

  private static int atoms(EnergyRun r) {
    return r.composition().values().stream().mapToInt(Integer::intValue).sum();
  }

  private static double sq(double x) {
    return x * x;
  }
}
