package org.interphase.analysis.msd;

import java.util.List;
import org.interphase.core.Measurement;
import org.interphase.core.Units;

/**
 * Arrhenius fit of diffusion coefficients at several temperatures: ln D = ln D0 − Ea / (k_B T), by
 * weighted least squares in 1/T with weights 1/σ²(ln D), σ(ln D) = σ_D / D. The parameter errors
 * come from the weights, scaled up by the reduced χ² when the points scatter more than their errors
 * say. D and σ are extrapolated to a target temperature with the full parameter covariance; σ
 * uses the mean number density of the runs.
 */
public final class Arrhenius {
  private Arrhenius() {}

  /** One run: its temperature (K), D (cm²/s) and the mobile-ion density (Å⁻³) and charge (e). */
  public record Point(String name, double temperatureK, Measurement diffusivity, double numberDensityPerA3, double charge) {}

  /**
   * The fit.
   *
   * @param activationEnergyEv Ea with its standard error, eV
   * @param prefactor D0, cm²/s
   * @param extrapolatedDiffusivity D at {@code targetK}, cm²/s
   * @param extrapolatedConductivity Nernst–Einstein σ at {@code targetK}, S/cm
   */
  public record Result(List<Point> points, Measurement activationEnergyEv, Measurement prefactor, double targetK,
      Measurement extrapolatedDiffusivity, Measurement extrapolatedConductivity, double chiSquaredReduced) {}

  /** Fits at least two points with distinct temperatures and positive D. */
  public static Result fit(List<Point> points, double targetK) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("an Arrhenius fit needs runs at 2 or more temperatures, got " + points.size());
    }
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Point p : points) {
      double d = p.diffusivity().value();
      if (!(d > 0)) {
        throw new IllegalArgumentException(p.name() + ": D = " + d + " cm²/s cannot enter an Arrhenius fit (needs D > 0)");
      }
      if (!(p.temperatureK() > 0)) {
        throw new IllegalArgumentException(p.name() + ": the temperature is unknown; pass --temperature-k for each run");
      }
      double e = p.diffusivity().stdErr() / d;
      double w = Double.isFinite(e) && e > 0 ? 1 / (e * e) : 1;
      double x = 1 / p.temperatureK();
      double y = Math.log(d);
      sw += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      sxy += w * x * y;
    }
    double det = sw * sxx - sx * sx;
    if (!(Math.abs(det) > 0)) {
      throw new IllegalArgumentException("the runs need different temperatures for an Arrhenius fit");
    }
    double b = (sw * sxy - sx * sy) / det;
    double a = (sy - b * sx) / sw;
    double chi2 = 0;
    for (Point p : points) {
      double e = p.diffusivity().stdErr() / p.diffusivity().value();
      double w = Double.isFinite(e) && e > 0 ? 1 / (e * e) : 1;
      double r = Math.log(p.diffusivity().value()) - a - b / p.temperatureK();
      chi2 += w * r * r;
    }
    int dof = points.size() - 2;
    double chi2red = dof > 0 ? chi2 / dof : Double.NaN;
    double scale = dof > 0 ? Math.max(1, chi2red) : 1;
    double varA = scale * sxx / det;
    double varB = scale * sw / det;
    double covAb = -scale * sx / det;
    double k = Units.BOLTZMANN_EV_PER_K;
    Measurement ea = new Measurement(-b * k, Math.sqrt(varB) * k, "eV");
    Measurement d0 = new Measurement(Math.exp(a), Math.exp(a) * Math.sqrt(varA), "cm²/s");
    double lnD = a + b / targetK;
    double varLn = varA + varB / (targetK * targetK) + 2 * covAb / targetK;
    Measurement dT = new Measurement(Math.exp(lnD), Math.exp(lnD) * Math.sqrt(Math.max(varLn, 0)), "cm²/s");
    double density = points.stream().mapToDouble(Point::numberDensityPerA3).average().orElse(Double.NaN);
    double charge = points.get(0).charge();
    Measurement sigma = MeanSquaredDisplacement.nernstEinstein(dT, density, charge, targetK);
    return new Result(List.copyOf(points), ea, d0, targetK, dT, sigma, chi2red);
  }
}
