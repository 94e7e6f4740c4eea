package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.interphase.core.Measurement;
import org.interphase.testkit.SyntheticRuns;
import org.interphase.testkit.SyntheticRuns.Run;

/**
 * The calibration and efficiency study of the D estimators (OLS with its correlation-aware error, GLS with the modelled
 * covariance) on generated runs with a known D ({@link SyntheticRuns}): for each case and estimator, how often the 68 % and 95 %
 * intervals (±1σ, ±1.96σ) hold the truth, and the spread (relative standard deviation) of the estimates; the same for Ea and
 * σ(300 K) of Arrhenius sets. Deterministic for a seed. {@link DiffusionCalibrationTest} runs a subset; {@link #main} the full
 * study ({@code bench/run-d-calibration.sh}).
 */
final class DiffusionCalibration {
  private DiffusionCalibration() {}

  /** The estimators compared, in table order. */
  static final DiffusionEstimator[] ESTIMATORS = {DiffusionEstimator.OLS, DiffusionEstimator.GLS};

  /** Activation energy of the Arrhenius sets, eV. */
  static final double EA_EV = 0.30;
  /** Prefactor of the Arrhenius sets: D(500 K) = 1e-5 cm²/s. */
  static final double D0_CM2_S = 1e-5 / Math.exp(-EA_EV / (8.617333262e-5 * 500));

  /**
   * A generated case: its name, how a run is made from a seeded generator, and where the fit window starts as a fraction of the run
   * (NaN: the default window, from the earliest of 2, 5 and 10 % of the run where the MSD is straight, to 50 %; otherwise it ends
   * at 50 %).
   */
  record Case(String name, Function<RandomGenerator, Run> make, double windowStart) {
    Case(String name, Function<RandomGenerator, Run> make) {
      this(name, make, Double.NaN);
    }
  }

  /** The four cases of the study; frames 20 fs apart, default fit window. */
  static List<Case> cases() {
    return List.of(
        new Case("Brownian, 32 Li × 2000 frames", r -> SyntheticRuns.brownian(r, 32, 2000, 20, 2e-5, 12)),
        new Case("lattice hops + rattling, 16 Li × 2000 frames, ~20 hops each",
            r -> SyntheticRuns.latticeHops(r, 16, 2000, 20, 2.5, 0.01, 0.35, 6)),
        new Case("8 Li + 8 S drifting framework × 1000 frames, drift-corrected",
            r -> SyntheticRuns.driftingFramework(r, 8, 8, 1000, 20, 4e-5, 10, 0.3, 0.05)),
        new Case("variable cell (±3 %), 24 Li × 1500 frames", r -> SyntheticRuns.variableCell(r, 24, 1500, 20, 2e-5, 12, 0.03)));
  }

  /** The four cases with the window fixed at 10–50 % of the run (the earlier default): what the window choice buys. */
  static List<Case> fixedWindowCases() {
    return cases().stream().map(c -> new Case(c.name() + ", window fixed at 10–50 %", c.make(), 0.10)).toList();
  }

  /** Tallies of one quantity per estimator: coverage counts and the estimates (relative to the truth, or errors in eV). */
  static final class Tally {
    final String name;
    final int[] in68 = new int[ESTIMATORS.length];
    final int[] in95 = new int[ESTIMATORS.length];
    final List<List<Double>> values = List.of(new ArrayList<>(), new ArrayList<>());
    final List<List<Double>> errors = List.of(new ArrayList<>(), new ArrayList<>());
    int runs;

    Tally(String name) {
      this.name = name;
    }

    /** Adds one estimate: {@code value} and {@code err} in units where the truth is {@code truth}; q68, q95: the quantiles. */
    void add(int estimator, double value, double err, double truth, double q68, double q95) {
      double dev = Math.abs(value - truth);
      in68[estimator] += dev <= q68 * err ? 1 : 0;
      in95[estimator] += dev <= q95 * err ? 1 : 0;
      values.get(estimator).add(value - truth);
      errors.get(estimator).add(err);
    }

    double coverage68(int e) {
      return in68[e] / (double) runs;
    }

    double coverage95(int e) {
      return in95[e] / (double) runs;
    }

    /** Standard deviation of the estimates about their mean. */
    double spread(int e) {
      List<Double> v = values.get(e);
      double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      return Math.sqrt(v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (v.size() - 1));
    }

    /** Mean deviation from the truth. */
    double bias(int e) {
      return values.get(e).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Median reported standard error. */
    double medianError(int e) {
      double[] s = errors.get(e).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
  }

  /** Both estimators of one run (one MSD pass gives both), default window. */
  static MsdResult analyse(Run run) {
    return analyse(run, Double.NaN);
  }

  /** Both estimators of one run, the window from {@code windowStart} of the run to half of it (NaN: the default window). */
  static MsdResult analyse(Run run, double windowStart) {
    MsdParameters p = MsdParameters.of("Li").withTemperatureK(300);
    if (!Double.isNaN(windowStart)) {
      double runPs = (run.frames().size() - 1) * run.header().timestepFs() / 1000;
      p = p.withWindowPs(windowStart * runPs, 0.5 * runPs);
    }
    MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(p).start(run.header());
    run.frames().forEach(acc);
    return acc.finish();
  }

  static Measurement estimate(MsdResult r, int estimator) {
    // the GLS row is the default quoted D: GLS, or OLS where the two disagree beyond their errors
    return ESTIMATORS[estimator] == DiffusionEstimator.GLS ? r.diffusivity() : r.diffusivityOls();
  }

  /** {@code runs} runs of a case with seeds {@code seed·1 000 003 + i}; D relative to the truth. */
  static Tally diffusion(Case c, int runs, long seed, List<double[]> firstEstimates) {
    Tally t = new Tally(c.name());
    for (int i = 0; i < runs; i++) {
      Run run = c.make().apply(SyntheticRuns.generator(seed * 1_000_003L + i));
      MsdResult r = analyse(run, c.windowStart());
      double truth = run.diffusivityCm2PerS();
      double[] row = new double[4];
      for (int e = 0; e < ESTIMATORS.length; e++) {
        Measurement m = estimate(r, e);
        t.add(e, m.value() / truth, m.stdErr() / truth, 1.0, 1.0, 1.96);
        row[2 * e] = m.value() / truth;
        row[2 * e + 1] = m.stdErr() / truth;
      }
      if (firstEstimates != null) {
        firstEstimates.add(row);
      }
      t.runs++;
    }
    return t;
  }

  /**
   * Arrhenius sets at {@code temps} temperatures evenly spread over 500–900 K, each run 24 Li × 1500 frames of Brownian motion
   * with D(T) = D0·exp(−Ea/k_BT); Ea (eV) and ln σ(300 K) with their intervals (Student's t with n − 2 degrees of freedom when
   * the fit scaled its errors by the scatter, as {@link Arrhenius} does).
   *
   * @return {Ea tally, σ(300 K) tally}
   */
  static Tally[] arrhenius(int temps, int sets, long seed) {
    Tally ea = new Tally("Ea, " + temps + " temperatures (500–900 K)");
    Tally sigma = new Tally("σ(300 K), " + temps + " temperatures");
    for (int s = 0; s < sets; s++) {
      List<List<Arrhenius.Point>> points = List.of(new ArrayList<>(), new ArrayList<>());
      double density = Double.NaN;
      for (int k = 0; k < temps; k++) {
        double temperature = 500 + 400.0 * k / (temps - 1);
        RandomGenerator rnd = SyntheticRuns.generator((seed * 1_000_003L + s) * 31 + k);
        Run run = SyntheticRuns.brownian(rnd, 24, 1500, 20, SyntheticRuns.arrhenius(D0_CM2_S, EA_EV, temperature), 12);
        MsdResult r = analyse(run);
        density = run.numberDensityPerA3();
        for (int e = 0; e < ESTIMATORS.length; e++) {
          points.get(e).add(new Arrhenius.Point("T" + k, temperature, estimate(r, e), density, 1.0));
        }
      }
      double sigmaTrue = MeanSquaredDisplacement.nernstEinstein(new Measurement(SyntheticRuns.arrhenius(D0_CM2_S, EA_EV, 300), 0,
          "cm²/s"), density, 1, 300).value();
      for (int e = 0; e < ESTIMATORS.length; e++) {
        Arrhenius.Result fit = Arrhenius.fit(points.get(e), 300);
        boolean scaled = fit.chiSquaredReduced() > 1;
        double q95 = fit.line().quantile();
        double q68 = scaled ? new TDistribution(null, temps - 2, 1e-14).inverseCumulativeProbability(0.5 + 0.6827 / 2)
            : new NormalDistribution().inverseCumulativeProbability(0.5 + 0.6827 / 2);
        ea.add(e, fit.activationEnergyEv().value(), fit.activationEnergyEv().stdErr(), EA_EV, q68, q95);
        Measurement sg = fit.extrapolatedConductivity();
        sigma.add(e, Math.log(sg.value()), sg.stdErr() / sg.value(), Math.log(sigmaTrue), q68, q95);
      }
      ea.runs++;
      sigma.runs++;
    }
    return new Tally[] {ea, sigma};
  }

  /**
   * The figure of the guide: D/D_true of the first {@code count} Brownian runs with their 95 % intervals (±1.96σ), OLS and GLS
   * side by side, and the truth.
   *
   * @param estimates rows {OLS D/D_true, its σ, GLS D/D_true, its σ}
   */
  static org.interphase.core.view.ChartSpec figure(List<double[]> estimates, int count) {
    int n = Math.min(count, estimates.size());
    double[][] x = new double[2][n];
    double[][] y = new double[2][n];
    double[][] err = new double[2][n];
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < 2; e++) {
        x[e][i] = i + 1 + 0.3 * e;
        y[e][i] = estimates.get(i)[2 * e];
        err[e][i] = 1.96 * estimates.get(i)[2 * e + 1];
      }
    }
    var style = org.interphase.core.view.ChartSpec.Style.POINTS;
    return new org.interphase.core.view.ChartSpec("D of 32 Brownian Li × 2000 frames: estimate / truth, 95 % intervals", "run",
        "D / D_true", List.of(new org.interphase.core.view.ChartSpec.Series("OLS (correlation-aware error)", x[0], y[0], err[0], style),
            new org.interphase.core.view.ChartSpec.Series("GLS (modelled covariance)", x[1], y[1], err[1], style),
            new org.interphase.core.view.ChartSpec.Series("truth", new double[] {0, n + 1}, new double[] {1, 1}, null,
                org.interphase.core.view.ChartSpec.Style.DASHED)), Double.NaN, Double.NaN, null);
  }

  /** The study's table in Markdown: one row per case and estimator. */
  static String table(List<Tally> diffusion, List<Tally> arrhenius) {
    StringBuilder b = new StringBuilder();
    b.append("| case | estimator | runs | 68 % coverage | 95 % coverage | spread | bias | median reported error |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Tally t : diffusion) {
      for (int e = 0; e < ESTIMATORS.length; e++) {
        b.append(String.format(Locale.ROOT, "| D: %s | %s | %d | %.1f %% | %.1f %% | %.1f %% of D | %+.1f %% | %.1f %% of D |%n", t.name,
            ESTIMATORS[e].key(), t.runs, 100 * t.coverage68(e), 100 * t.coverage95(e), 100 * t.spread(e), 100 * t.bias(e),
            100 * t.medianError(e)));
      }
    }
    for (int k = 0; k < arrhenius.size(); k++) {
      Tally t = arrhenius.get(k);
      boolean ea = t.name.startsWith("Ea");
      for (int e = 0; e < ESTIMATORS.length; e++) {
        b.append(ea ? String.format(Locale.ROOT, "| %s | %s | %d sets | %.1f %% | %.1f %% | %.3f eV | %+.3f eV | %.3f eV |%n", t.name,
            ESTIMATORS[e].key(), t.runs, 100 * t.coverage68(e), 100 * t.coverage95(e), t.spread(e), t.bias(e), t.medianError(e))
            : String.format(Locale.ROOT, "| %s | %s | %d sets | %.1f %% | %.1f %% | %.1f %% (of ln σ) | %+.1f %% | %.1f %% |%n", t.name,
                ESTIMATORS[e].key(), t.runs, 100 * t.coverage68(e), 100 * t.coverage95(e), 100 * t.spread(e), 100 * t.bias(e),
                100 * t.medianError(e)));
      }
    }
    return b.toString();
  }
}
