package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.interphase.core.Measurement;
import org.interphase.core.Units;
import org.interphase.core.Warning;

/**
 * Arrhenius fit of diffusion coefficients at several temperatures: ln D = ln D0 − Ea / (k_B T), by
 * weighted least squares in 1/T with weights 1/σ²(ln D), σ(ln D) = σ_D / D (the linear fit of
 * pymatgen-analysis-diffusion's {@code fit_arrhenius}, anchors.md §3c). The parameter errors come
 * from the weights, scaled up by the reduced χ² when the points scatter more than their errors say.
 * D is extrapolated to a target temperature with the full parameter covariance, and its 95 %
 * confidence interval is ln D ± q·σ(ln D), q the normal quantile 1.96 when the errors come from the
 * D errors alone, or Student's t with n − 2 degrees of freedom when they were scaled by the scatter.
 * σ = n q² D / (k_B T) (Nernst–Einstein) at the target temperature uses the mean number density of
 * the runs and has the same relative interval.
 */
public final class Arrhenius {
  /** Confidence level of the intervals. */
  public static final double CONFIDENCE = 0.95;
  /** Temperatures closer than this (relative) count as the same. */
  static final double SAME_TEMPERATURE = 1e-6;
  /** Temperatures closer than this (relative) are warned about. */
  static final double CLOSE_TEMPERATURES = 0.05;

  private Arrhenius() {}

  /**
   * One run.
   *
   * @param name how the run is named in tables and warnings (its path)
   * @param temperatureK its temperature, K
   * @param diffusivity D with its standard error, cm²/s
   * @param numberDensityPerA3 mobile ions per Å³
   * @param charge mobile-ion charge, e
   * @param composition atoms per element of the run's cell (empty when unknown)
   */
  public record Point(String name, double temperatureK, Measurement diffusivity, double numberDensityPerA3, double charge,
      Map<String, Integer> composition) {

    public Point {
      composition = Map.copyOf(composition);
    }

    /** A run of unknown composition. */
    public Point(String name, double temperatureK, Measurement diffusivity, double numberDensityPerA3, double charge) {
      this(name, temperatureK, diffusivity, numberDensityPerA3, charge, Map.of());
    }

    /** Nernst–Einstein σ of this run at its own temperature, S/cm. */
    public Measurement conductivity() {
      return MeanSquaredDisplacement.nernstEinstein(diffusivity, numberDensityPerA3, charge, temperatureK);
    }
  }

  /** A confidence interval {@code [lower, upper]} at {@code level} (e.g. 0.95). */
  public record Interval(double lower, double upper, double level) {}

  /**
   * The weighted least-squares line ln D = a + b/T (D in cm²/s, T in K) with the covariance of a and b
   * and the quantile q of the confidence level.
   */
  public record Line(double a, double b, double varA, double varB, double covAb, double quantile) {
    /** ln D at a temperature and its standard error. */
    double[] lnDiffusivity(double temperatureK) {
      double lnD = a + b / temperatureK;
      double se = Math.sqrt(Math.max(varA + varB / (temperatureK * temperatureK) + 2 * covAb / temperatureK, 0));
      return new double[] {lnD, se};
    }

    Interval interval(double temperatureK) {
      double[] l = lnDiffusivity(temperatureK);
      return new Interval(Math.exp(l[0] - quantile * l[1]), Math.exp(l[0] + quantile * l[1]), CONFIDENCE);
    }
  }

  /** What makes a fit doubtful. */
  public enum Doubt implements Warning.Kind {
    /** Only two distinct temperatures: the line passes through both, nothing tests linearity. */
    TWO_TEMPERATURES,
    /** Ea below zero: D falls as T rises. */
    NEGATIVE_ACTIVATION_ENERGY,
    /** Two temperatures within 5 % of each other. */
    CLOSE_TEMPERATURES,
    /** Runs of different composition. */
    DIFFERENT_COMPOSITION
  }

  /**
   * The fit.
   *
   * @param activationEnergyEv Ea with its standard error, eV
   * @param prefactor D0, cm²/s
   * @param targetK the temperature extrapolated to, K
   * @param extrapolatedDiffusivity D at {@code targetK} with its standard error, cm²/s
   * @param extrapolatedDiffusivityInterval its confidence interval, cm²/s
   * @param extrapolatedConductivity Nernst–Einstein σ at {@code targetK} with its standard error, S/cm
   * @param extrapolatedConductivityInterval its confidence interval, S/cm
   * @param chiSquaredReduced χ² per degree of freedom of the weighted fit (NaN for two points)
   * @param temperatures number of distinct temperatures
   * @param warnings what makes the fit doubtful, empty when nothing does
   * @param line the fitted line ln D = a + b/T with its covariance, for intervals at other temperatures
   */
  public record Result(List<Point> points, Measurement activationEnergyEv, Measurement prefactor, double targetK,
      Measurement extrapolatedDiffusivity, Interval extrapolatedDiffusivityInterval, Measurement extrapolatedConductivity,
      Interval extrapolatedConductivityInterval, double chiSquaredReduced, int temperatures, List<Warning> warnings, Line line) {

    public Result {
      points = List.copyOf(points);
      warnings = List.copyOf(warnings);
    }

    /**
     * The confidence interval of the fitted line's D at a temperature (level {@link #CONFIDENCE}), cm²/s:
     * exp(ln D ± q·se), se² = Var(a) + Var(b)/T² + 2·Cov(a, b)/T, q the Student-t quantile with n − 2 degrees of
     * freedom when the errors were scaled by χ²_red, else the normal one.
     */
    public Interval diffusivityInterval(double temperatureK) {
      return line.interval(temperatureK);
    }

    /** The fitted line at a temperature: D = D0 · exp(−Ea / k_B T), cm²/s. */
    public double diffusivityAt(double temperatureK) {
      return prefactor.value() * Math.exp(-activationEnergyEv.value() / (Units.BOLTZMANN_EV_PER_K * temperatureK));
    }
  }

  /**
   * Fits runs at two or more distinct temperatures with positive D.
   *
   * @param targetK temperature to extrapolate D and σ to, K
   * @throws IllegalArgumentException with fewer than two distinct temperatures (temperatures within
   *     1e-6 of each other count as one), a D that is not positive or an unknown temperature
   */
  public static Result fit(List<Point> points, double targetK) {
    for (Point p : points) {
      double d = p.diffusivity().value();
      if (!(d > 0)) {
        throw new IllegalArgumentException(p.name() + ": D = " + d + " cm²/s cannot enter an Arrhenius fit (needs D > 0)");
      }
      if (!(p.temperatureK() > 0)) {
        throw new org.interphase.core.MissingParameterException("temperatureK", p.name() + ": the temperature is unknown");
      }
    }
    List<Double> distinct = distinctTemperatures(points);
    if (distinct.size() < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "an Arrhenius fit needs runs at two or more different temperatures; "
          + "got %d run%s, all at %s K", points.size(), points.size() == 1 ? "" : "s", fmt(distinct.isEmpty() ? Double.NaN
              : distinct.get(0))));
    }
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Point p : points) {
      double w = weight(p);
      double x = 1 / p.temperatureK();
      double y = Math.log(p.diffusivity().value());
      sw += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      sxy += w * x * y;
    }
    // centred sums: with close temperatures sw·sxx − sx² loses every digit
    double mx = sx / sw;
    double my = sy / sw;
    double cxx = 0;
    double cxy = 0;
    for (Point p : points) {
      double w = weight(p);
      double dx = 1 / p.temperatureK() - mx;
      cxx += w * dx * dx;
      cxy += w * dx * (Math.log(p.diffusivity().value()) - my);
    }
    double b = cxy / cxx;
    double a = my - b * mx;
    double chi2 = 0;
    for (Point p : points) {
      double r = Math.log(p.diffusivity().value()) - a - b / p.temperatureK();
      chi2 += weight(p) * r * r;
    }
    int dof = points.size() - 2;
    double chi2red = dof > 0 ? chi2 / dof : Double.NaN;
    boolean scaled = dof > 0 && chi2red > 1;
    double scale = scaled ? chi2red : 1;
    // Var(b) = 1/Σw(x−x̄)², Var(a) = 1/Σw + x̄²·Var(b), Cov(a, b) = −x̄·Var(b)
    double varB = scale / cxx;
    double varA = scale / sw + mx * mx * varB;
    double covAb = -mx * varB;
    double k = Units.BOLTZMANN_EV_PER_K;
    Measurement ea = new Measurement(-b * k, Math.sqrt(varB) * k, "eV");
    Measurement d0 = new Measurement(Math.exp(a), Math.exp(a) * Math.sqrt(varA), "cm²/s");
    // the default solver accuracy of the t quantile (1e-9) would show in the interval's ninth digit
    double q = scaled ? new TDistribution(null, dof, 1e-14).inverseCumulativeProbability(0.5 + CONFIDENCE / 2)
        : new NormalDistribution().inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
    Line line = new Line(a, b, varA, varB, covAb, q);
    double[] ln = line.lnDiffusivity(targetK);
    Measurement dT = new Measurement(Math.exp(ln[0]), Math.exp(ln[0]) * ln[1], "cm²/s");
    Interval dCi = line.interval(targetK);
    double density = points.stream().mapToDouble(Point::numberDensityPerA3).average().orElse(Double.NaN);
    double charge = points.get(0).charge();
    Measurement sigma = MeanSquaredDisplacement.nernstEinstein(dT, density, charge, targetK);
    double perD = sigma.value() / dT.value();
    Interval sigmaCi = new Interval(dCi.lower() * perD, dCi.upper() * perD, CONFIDENCE);
    List<Warning> warnings = warnings(points, distinct, ea);
    return new Result(List.copyOf(points), ea, d0, targetK, dT, dCi, sigma, sigmaCi, chi2red, distinct.size(), warnings, line);
  }

  private static double weight(Point p) {
    double e = p.diffusivity().stdErr() / p.diffusivity().value();
    return Double.isFinite(e) && e > 0 ? 1 / (e * e) : 1;
  }

  /** The temperatures of the points, ascending, those within {@link #SAME_TEMPERATURE} of the previous one left out. */
  static List<Double> distinctTemperatures(List<Point> points) {
    List<Double> sorted = points.stream().map(Point::temperatureK).sorted().toList();
    List<Double> out = new ArrayList<>();
    for (double t : sorted) {
      if (out.isEmpty() || (t - out.get(out.size() - 1)) > SAME_TEMPERATURE * t) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<Warning> warnings(List<Point> points, List<Double> distinct, Measurement ea) {
    List<Warning> out = new ArrayList<>();
    if (distinct.size() == 2) {
      out.add(new Warning(Doubt.TWO_TEMPERATURES, String.format(Locale.ROOT, "only two temperatures (%s K and %s K): the line passes "
          + "through both, so nothing tests that ln D is linear in 1/T and the error of Ea comes from the two D errors alone; "
          + "use three or more", fmt(distinct.get(0)), fmt(distinct.get(1)))));
    }
    if (ea.value() < 0) {
      out.add(new Warning(Doubt.NEGATIVE_ACTIVATION_ENERGY, String.format(Locale.ROOT, "Ea = %s is negative: D falls as T rises, "
          + "which thermally activated diffusion does not do (runs too short for D, different systems, or a phase change)", ea)));
    }
    List<String> close = new ArrayList<>();
    for (int i = 1; i < distinct.size(); i++) {
      double lo = distinct.get(i - 1);
      double hi = distinct.get(i);
      if ((hi - lo) / lo < CLOSE_TEMPERATURES) {
        close.add(String.format(Locale.ROOT, "%s K and %s K (%.1f %%)", fmt(lo), fmt(hi), 100 * (hi - lo) / lo));
      }
    }
    if (!close.isEmpty()) {
      out.add(new Warning(Doubt.CLOSE_TEMPERATURES, "temperatures within 5 % of each other: " + String.join(", ", close)
          + "; 1/T hardly changes between them, so they determine Ea poorly"));
    }
    Map<Map<String, Integer>, List<String>> byComposition = new java.util.LinkedHashMap<>();
    for (Point p : points) {
      if (!p.composition().isEmpty()) {
        byComposition.computeIfAbsent(new TreeMap<>(p.composition()), c -> new ArrayList<>()).add(p.name());
      }
    }
    if (byComposition.size() > 1) {
      String list = byComposition.entrySet().stream().map(e -> formula(e.getKey()) + " (" + String.join(", ", e.getValue()) + ")")
          .collect(Collectors.joining("; "));
      out.add(new Warning(Doubt.DIFFERENT_COMPOSITION, "the runs differ in composition: " + list
          + "; an Arrhenius line assumes one material at several temperatures"));
    }
    return List.copyOf(out);
  }

  private static String formula(Map<String, Integer> composition) {
    return composition.entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining(" "));
  }

  private static String fmt(double t) {
    return t == Math.rint(t) ? String.format(Locale.ROOT, "%.0f", t) : String.format(Locale.ROOT, "%.1f", t);
  }
}
