package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Printed;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What an {@link Arrhenius.Result} shows: {@code arrhenius.json}, {@code arrhenius.csv} (one row per
 * run and one for the extrapolation, σ in S/cm), the chart {@code arrhenius.png/.svg} and the text.
 */
public final class ArrheniusViews {
  private ArrheniusViews() {}

  /** Every view; {@code warnings} are those of the runs (already located), the fit's follow. */
  public static Views of(Arrhenius.Result fit, List<Warning> runWarnings) {
    List<Warning> warnings = new ArrayList<>(runWarnings);
    warnings.addAll(fit.warnings());
    return new Views("arrhenius", json(fit, warnings), List.of(table(fit)), List.of(new Figure("arrhenius", chart(fit))), List.of(),
        text(fit), warnings);
  }

  /** The summary a person reads: one line per run, Ea and D0, the extrapolation with its interval. */
  public static List<String> text(Arrhenius.Result fit) {
    List<String> o = new ArrayList<>();
    o.add(String.format(Locale.ROOT, "  %-40s %9s   %-26s %s", "run", "T (K)", "D (cm²/s)", "σ (S/cm)"));
    for (Arrhenius.Point p : fit.points()) {
      o.add(String.format(Locale.ROOT, "  %-40s %s   %-26s %s", p.name(), Printed.fixed(p.temperatureK(), 9, 1), p.diffusivity(), p.conductivity()));
    }
    o.add(String.format(Locale.ROOT, "Ea = %s (standard error from %d temperatures%s)   D0 = %s", fit.activationEnergyEv(), fit.temperatures(),
        Double.isNaN(fit.chiSquaredReduced()) ? "" : String.format(Locale.ROOT, ", χ²/dof %.3g", fit.chiSquaredReduced()),
        fit.prefactor()));
    Arrhenius.Interval d = fit.extrapolatedDiffusivityInterval();
    Arrhenius.Interval s = fit.extrapolatedConductivityInterval();
    o.add(String.format(Locale.ROOT, "at %.0f K: D = %s (%.0f %% CI %.3e – %.3e cm²/s)", fit.targetK(), fit.extrapolatedDiffusivity(),
        100 * d.level(), d.lower(), d.upper()));
    o.add(String.format(Locale.ROOT, "          σ = %s (%.0f %% CI %.3e – %.3e S/cm)", fit.extrapolatedConductivity(), 100 * s.level(), s.lower(),
        s.upper()));
    return o;
  }

  /** {@code arrhenius.csv}: one row per run and a last row for the extrapolation; σ in S/cm, intervals only on the extrapolated row. */
  public static Table table(Arrhenius.Result fit) {
    int n = fit.points().size() + 1;
    double[][] v = new double[9][n];
    List<String> names = new ArrayList<>();
    for (double[] col : v) {
      java.util.Arrays.fill(col, Double.NaN);
    }
    for (int i = 0; i < n - 1; i++) {
      Arrhenius.Point p = fit.points().get(i);
      names.add(p.name().replace("\"", "'"));
      double[] row = {p.temperatureK(), p.diffusivity().value(), p.diffusivity().stdErr(), Double.NaN, Double.NaN,
          p.conductivity().value(), p.conductivity().stdErr(), Double.NaN, Double.NaN};
      for (int c = 0; c < row.length; c++) {
        v[c][i] = row[c];
      }
    }
    names.add("extrapolated");
    double[] last = {fit.targetK(), fit.extrapolatedDiffusivity().value(), fit.extrapolatedDiffusivity().stdErr(),
        fit.extrapolatedDiffusivityInterval().lower(), fit.extrapolatedDiffusivityInterval().upper(), fit.extrapolatedConductivity().value(),
        fit.extrapolatedConductivity().stdErr(), fit.extrapolatedConductivityInterval().lower(), fit.extrapolatedConductivityInterval().upper()};
    for (int c = 0; c < last.length; c++) {
      v[c][n - 1] = last[c];
    }
    String[] headers = {"temperature_k", "diffusivity_cm2_s", "diffusivity_stderr_cm2_s", "diffusivity_ci95_low_cm2_s",
        "diffusivity_ci95_high_cm2_s", "conductivity_s_cm", "conductivity_stderr_s_cm", "conductivity_ci95_low_s_cm",
        "conductivity_ci95_high_s_cm"};
    List<Column> cols = new ArrayList<>(List.of(new Column.Texts("run", names, true)));
    for (int c = 0; c < headers.length; c++) {
      cols.add(new Column.Numbers(headers[c], v[c]));
    }
    return new Table("arrhenius.csv", cols);
  }


  public static Document json(Arrhenius.Result fit, List<Warning> warnings) {
    Document o = new Document();
    Document.Items rs = o.array("runs");
    for (Arrhenius.Point p : fit.points()) {
      Document r = rs.addObject();
      r.put("path", p.name());
      r.put("temperature_k", p.temperatureK());
      r.put("diffusivity", "cm2_s", p.diffusivity());
      r.put("conductivity", "s_cm", p.conductivity());
      r.put("number_density_per_a3", p.numberDensityPerA3());
      Document c = r.object("species");
      p.composition().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey(), e.getValue()));
    }
    o.put("temperatures", fit.temperatures());
    o.put("activation_energy", "ev", fit.activationEnergyEv());
    o.put("prefactor", "cm2_s", fit.prefactor());
    o.put("target_temperature_k", fit.targetK());
    o.put("confidence_level", fit.extrapolatedDiffusivityInterval().level());
    o.put("extrapolated_diffusivity", "cm2_s", fit.extrapolatedDiffusivity());
    interval(o, "extrapolated_diffusivity_ci_cm2_s", fit.extrapolatedDiffusivityInterval());
    o.put("extrapolated_conductivity", "s_cm", fit.extrapolatedConductivity());
    interval(o, "extrapolated_conductivity_ci_s_cm", fit.extrapolatedConductivityInterval());
    o.put("chi_squared_reduced", fit.chiSquaredReduced());
    o.put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  private static void interval(Document o, String key, Arrhenius.Interval i) {
    o.put(key, new double[] {i.lower(), i.upper()});
  }

  /**
   * log10 D against 1000/T with the fitted line from the runs to the target temperature, its confidence band
   * (level {@link Arrhenius#CONFIDENCE}) and the target's 1000/T on the axis.
   */
  public static ChartSpec chart(Arrhenius.Result fit) {
    int n = fit.points().size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      Arrhenius.Point p = fit.points().get(i);
      x[i] = 1000 / p.temperatureK();
      y[i] = Math.log10(p.diffusivity().value());
      e[i] = p.diffusivity().stdErr() / p.diffusivity().value() / Math.log(10);
    }
    double target = 1000 / fit.targetK();
    double lo = Math.min(target, java.util.Arrays.stream(x).min().orElse(target));
    double hi = Math.max(target, java.util.Arrays.stream(x).max().orElse(target));
    int k = 60;
    double[] fx = new double[k + 1];
    double[] fy = new double[k + 1];
    double[] half = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      fx[i] = lo + (hi - lo) * i / k;
      Arrhenius.Interval ci = fit.diffusivityInterval(1000 / fx[i]);
      double lower = Math.log10(ci.lower());
      double upper = Math.log10(ci.upper());
      fy[i] = (lower + upper) / 2; // the interval is symmetric in log D about the line
      half[i] = (upper - lower) / 2;
    }
    Arrhenius.Interval at = fit.extrapolatedDiffusivityInterval();
    String line = String.format(Locale.ROOT, "fit to %.0f K, %.0f %% confidence band", fit.targetK(),
        100 * fit.extrapolatedDiffusivityInterval().level());
    return new ChartSpec("Arrhenius: Ea = " + fit.activationEnergyEv().display(), "1000/T (1/K)", "log₁₀ D (cm²/s)",
        List.of(new ChartSpec.Series(line, fx, fy, half, ChartSpec.Style.DASHED_BAND),
            new ChartSpec.Series("runs (±1σ)", x, y, e, ChartSpec.Style.POINTS),
            new ChartSpec.Series(String.format(Locale.ROOT, "extrapolated to %.0f K (%.0f %% CI)", fit.targetK(), 100 * at.level()),
                new double[] {target},
                new double[] {(Math.log10(at.lower()) + Math.log10(at.upper())) / 2},
                new double[] {(Math.log10(at.upper()) - Math.log10(at.lower())) / 2},
                ChartSpec.Style.POINTS)),
        Double.NaN, Double.NaN, null, false, new double[] {target});
  }
}
