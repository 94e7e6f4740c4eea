package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Measurement;
import org.interphase.core.Warning;
import org.interphase.core.view.ChartSpec;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;

/**
 * What an {@link MsdResult} shows: {@code msd.json}, {@code msd.csv} (lag_ps, msd_a2, msd_x_a2 …),
 * the chart {@code msd.png/.svg} (MSD with the fitted line over the shaded window), the text
 * summary, and the per-region transport rows ({@code transport.csv}).
 */
public final class MsdViews {
  private MsdViews() {}

  /**
   * Every view of one result; {@code readWarnings} (the reader's) come first among the warnings. A time between frames that the
   * files question ({@link Warning.Input#TIME_STEP}) is named among what makes D doubtful, in the summary and on the chart.
   */
  public static Views of(MsdResult r, List<Warning> readWarnings) {
    List<Warning> warnings = new ArrayList<>(readWarnings);
    warnings.addAll(warnings(r));
    List<String> doubts = doubts(r, readWarnings);
    return new Views("msd", json(r, warnings), List.of(table(r)), List.of(new Figure("msd", chart(r, doubts))), List.of(),
        text(r, doubts), warnings);
  }

  /**
   * What makes D doubtful: a time between frames the files question ({@link Warning.Input#TIME_STEP}), then {@link #doubts}.
   *
   * @param warnings the reader's warnings of the pass that gave {@code r}
   * @return short phrases, e.g. {@code "small displacement"}; empty when D stands
   */
  public static List<String> doubts(MsdResult r, List<Warning> warnings) {
    List<String> all = new ArrayList<>();
    if (warnings.stream().anyMatch(w -> w.kind() == Warning.Input.TIME_STEP)) {
      all.add(TIME_STEP_QUESTIONED);
    }
    all.addAll(doubts(r));
    return all;
  }

  /** The doubt a questioned time between frames adds to D's ({@link Warning.Input#TIME_STEP}): D scales with 1/Δt. */
  static final String TIME_STEP_QUESTIONED = "time between frames questioned";

  /** The result's warnings and those of its fit window ({@link DiffusionFitWindow}). */
  public static List<Warning> warnings(MsdResult r) {
    List<Warning> w = new ArrayList<>(r.warnings());
    w.addAll(DiffusionFitWindow.check(r).warnings());
    return w;
  }

  /** {@code msd.csv}: the MSD over the chosen axes and per Cartesian axis, per lag. */
  public static Table table(MsdResult r) {
    double[][] c = r.msdComponentsA2();
    return new Table("msd.csv", List.of(new Column.Numbers("lag_ps", r.lagPs()), new Column.Numbers("msd_a2", r.msdA2()),
        new Column.Numbers("msd_x_a2", c[0]), new Column.Numbers("msd_y_a2", c[1]), new Column.Numbers("msd_z_a2", c[2])));
  }

  /**
   * D of the chosen estimator, the OLS and GLS ones beside it (each with its standard error, and the plain OLS error that ignores
   * correlation), σ with its error, and the number density behind σ.
   */
  public static void putTransport(Document o, MsdResult r) {
    o.put("estimator", r.estimator().key());
    o.put("diffusivity", "cm2_s", r.diffusivity());
    o.put("diffusivity_ols", "cm2_s", r.diffusivityOls());
    o.put("diffusivity_ols_plain_stderr_cm2_s", r.olsPlainStdErrCm2PerS());
    o.put("diffusivity_gls", "cm2_s", r.diffusivityGls());
    o.put("conductivity", "s_cm", r.conductivity());
    o.put("number_density_per_a3", r.numberDensityPerA3());
  }

  /** The JSON document of {@code msd --json}. */
  public static Document json(MsdResult r, List<Warning> warnings) {
    Document o = new Document();
    o.put("species", r.species()).put("atoms", r.atoms()).put("frames", r.frames()).put("timestep_fs", r.timestepFs())
        .put("temperature_k", r.temperatureK()).put("temperature_source", r.temperatureSource()).put("axes", r.axes())
        .put("fit_start_ps", r.fitStartPs()).put("fit_end_ps", r.fitEndPs()).put("fit_points", r.fitPoints())
        .put("fit_window_choice", r.sampling().windowChoice());
    putTransport(o, r);
    DiffusionFitWindow.Check check = DiffusionFitWindow.check(r);
    MsdResult.Sampling s = r.sampling();
    o.put("msd_exponent", check.logLogSlope()).put("straight_line", s.straightLine()).put("diffusive", !glsRejected(r)
        && check.warnings().stream().noneMatch(w -> w.kind() == DiffusionFitWindow.Problem.SUB_DIFFUSIVE
            || w.kind() == DiffusionFitWindow.Problem.SUPER_DIFFUSIVE || w.kind() == DiffusionFitWindow.Problem.NOT_STRAIGHT))
        .put("independent_displacements", s.independentDisplacements()).put("hop_equivalents", s.hopEquivalents())
        .put("gls_lags", s.glsLags()).put("gls_ridge", s.glsRidge()).put("non_gaussian_excess_frames", s.nonGaussianExcessFrames());
    if (r.havenRatio() != null) {
      o.put("haven_ratio", "", r.havenRatio());
    }
    o.put("drift_reference", r.driftReference()).put("region", r.region() == null ? null : r.region().toString())
        .put("method", r.method()).put("lag_ps", r.lagPs()).put("msd_a2", r.msdA2()).put("msd_stderr_lag_ps", r.msdStdErrLagPs())
        .put("msd_stderr_a2", r.msdStdErrA2()).put("ngp_lag_ps", r.ngpLagPs())
        .put("ngp", r.ngp());
    // what makes D doubtful, as the summary's window check names it (empty: D stands)
    o.put("diffusivity_doubts", doubts(r, warnings)).put("warnings", warnings.stream().map(Warning::text).toList());
    return o;
  }

  /** One region's transport: its name ({@code all} for the whole cell), atoms, D, σ, temperature and window. */
  public static Document transport(MsdResult r) {
    Document o = new Document();
    o.put("region", regionName(r)).put("species_atoms_in_cell", r.atoms());
    putTransport(o, r);
    o.put("temperature_k", r.temperatureK()).put("fit_start_ps", r.fitStartPs()).put("fit_end_ps", r.fitEndPs());
    return o;
  }

  /**
   * {@code transport.csv}: one row for the whole cell and one per region, D and σ with their errors, full precision, and the
   * estimator of each row's D.
   */
  public static Table transportTable(List<MsdResult> results) {
    int n = results.size();
    double[][] v = new double[12][n];
    int[] atoms = new int[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      MsdResult r = results.get(i);
      names.add(regionName(r));
      atoms[i] = r.atoms();
      double[] row = {r.numberDensityPerA3(), r.diffusivity().value(), r.diffusivity().stdErr(), r.diffusivityOls().value(),
          r.diffusivityOls().stdErr(), r.diffusivityGls().value(), r.diffusivityGls().stdErr(),
          r.conductivity().value(), r.conductivity().stdErr(), r.temperatureK(), r.fitStartPs(),
          r.fitEndPs()};
      for (int k = 0; k < row.length; k++) {
        v[k][i] = row[k];
      }
    }
    String[] headers = {"number_density_per_a3", "diffusivity_cm2_s", "diffusivity_stderr_cm2_s", "diffusivity_ols_cm2_s",
        "diffusivity_ols_stderr_cm2_s", "diffusivity_gls_cm2_s", "diffusivity_gls_stderr_cm2_s",
        "conductivity_s_cm", "conductivity_stderr_s_cm", "temperature_k", "fit_start_ps", "fit_end_ps"};
    List<Column> cols = new ArrayList<>(List.of(new Column.Texts("region", names), new Column.Integers("species_atoms_in_cell", atoms)));
    for (int k = 0; k < headers.length; k++) {
      cols.add(new Column.Numbers(headers[k], v[k]));
    }
    // which fit gave diffusivity_cm2_s in each row: GLS, or least squares where GLS was rejected
    cols.add(new Column.Texts("estimator", results.stream().map(r -> r.estimator().key()).toList()));
    return new Table("transport.csv", cols);
  }

  private static String regionName(MsdResult r) {
    return r.region() == null ? "all" : r.region().toString();
  }

  /** The MSD with the fitted line drawn over the fit window, which is shaded. */
  public static ChartSpec chart(MsdResult r) {
    return chart(r, doubts(r));
  }

  /** As {@link #chart(MsdResult)}, with what makes D doubtful ({@link #doubts(MsdResult, List)}). */
  private static ChartSpec chart(MsdResult r, List<String> doubts) {
    double[] fx = {r.fitStartPs(), r.fitEndPs()};
    double[] fy = {r.fitInterceptA2() + r.fitSlopeA2PerPs() * fx[0], r.fitInterceptA2() + r.fitSlopeA2PerPs() * fx[1]};
    String label = "D = " + r.diffusivity().display() + (doubts.isEmpty() ? "" : " (doubtful)");
    boolean both = leastSquaresApart(r);
    List<ChartSpec.Series> series = new ArrayList<>(List.of(
        new ChartSpec.Series("MSD ± 1σ", r.lagPs(), r.msdA2(), r.msdStdErrAtEveryLagA2(), ChartSpec.Style.BAND),
        new ChartSpec.Series((r.estimator() == DiffusionEstimator.GLS ? "GLS fit: " : "least-squares fit: ") + label, fx, fy, null,
            ChartSpec.Style.DASHED)));
    if (both) {
      // GLS weighs the early, well-sampled lags: where its line leaves the MSD, the least-squares line shows where the points lie
      series.add(new ChartSpec.Series("least squares: D = " + r.diffusivityOls().display() + " (for comparison)", fx,
          new double[] {r.olsInterceptA2() + r.olsSlopeA2PerPs() * fx[0], r.olsInterceptA2() + r.olsSlopeA2PerPs() * fx[1]}, null,
          ChartSpec.Style.LINE));
    }
    return new ChartSpec(r.species() + " mean squared displacement (" + r.axes() + ")", "lag (ps)", "MSD (Å²)", series,
        r.fitStartPs(), r.fitEndPs(), "fit window", true, new double[] {0});
  }

  /** A GLS line is drawn with the least-squares one when their ends in the window differ by more than this fraction. */
  static final double LINES_APART = 0.1;

  /** Whether the quoted GLS line and the least-squares line part by more than {@link #LINES_APART} at either end of the window. */
  static boolean leastSquaresApart(MsdResult r) {
    if (r.estimator() != DiffusionEstimator.GLS) {
      return false;
    }
    for (double t : new double[] {r.fitStartPs(), r.fitEndPs()}) {
      double gls = r.fitInterceptA2() + r.fitSlopeA2PerPs() * t;
      double ols = r.olsInterceptA2() + r.olsSlopeA2PerPs() * t;
      if (Math.abs(gls - ols) > LINES_APART * Math.max(Math.abs(gls), Math.abs(ols))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What makes D doubtful, in a few words each: the fit window's problems ({@link DiffusionFitWindow#check}) and a GLS fit
   * rejected for disagreeing with least squares; empty when D stands.
   */
  public static List<String> doubts(MsdResult r) {
    List<String> problems = new ArrayList<>(DiffusionFitWindow.check(r).warnings().stream()
        .map(w -> describe((DiffusionFitWindow.Problem) w.kind())).toList());
    if (glsRejected(r) && !problems.contains("not a straight line")) {
      problems.add(0, "not a straight line");
    }
    return problems;
  }

  /** Whether the GLS D was set aside for disagreeing with least squares (warning {@code GLS_REJECTED}). */
  private static boolean glsRejected(MsdResult r) {
    return r.warnings().stream().anyMatch(w -> w.kind() == MsdResult.Doubt.GLS_REJECTED);
  }

  private static String describe(DiffusionFitWindow.Problem p) {
    return switch (p) {
      case SHORT_WINDOW -> "short window";
      case SMALL_DISPLACEMENT -> "small displacement";
      case SUB_DIFFUSIVE -> "sub-diffusive";
      case NOT_STRAIGHT -> "not a straight line";
      case SUPER_DIFFUSIVE -> "super-diffusive";
      case FEW_HOPS -> "few hops";
    };
  }

  /** The summary a person reads: atoms, frames, window and its check, D, σ, Haven ratio. */
  public static List<String> text(MsdResult r) {
    return text(r, doubts(r));
  }

  /** As {@link #text(MsdResult)}, with what makes D doubtful ({@link #doubts(MsdResult, List)}). */
  private static List<String> text(MsdResult r, List<String> problems) {
    List<String> o = new ArrayList<>();
    o.add(String.format(Locale.ROOT, "%s MSD: %d atoms, %d frames, %.4g fs between frames, axes %s", r.species(), r.atoms(), r.frames(),
        r.timestepFs(), r.axes()));
    o.add(String.format(Locale.ROOT, "  drift reference   %s", r.driftReference()));
    if (r.region() != null) {
      o.add(String.format(Locale.ROOT, "  region            %s", r.region()));
    }
    o.add(String.format(Locale.ROOT, "  fit window        %.4g – %.4g ps (%d lags; %s)", r.fitStartPs(), r.fitEndPs(), r.fitPoints(),
        r.sampling().windowChoice()));
    DiffusionFitWindow.Check check = DiffusionFitWindow.check(r);
    // a slope of 0.8 passes the checks but is not "diffusive": the line says which band it passed
    o.add(String.format(Locale.ROOT, "  window check      log–log slope %.2f (1 for diffusion), MSD at the end %.3g Å²: %s",
        check.logLogSlope(), check.endMsdA2(), problems.isEmpty() ? String.format(Locale.ROOT, "within the checks (slope %.1f–%.1f, MSD ≥ "
        + "%.0f Å²)", DiffusionFitWindow.MIN_LOG_SLOPE, DiffusionFitWindow.MAX_LOG_SLOPE, DiffusionFitWindow.MIN_END_MSD_A2)
        : "D doubtful (" + String.join(", ", problems) + "; see the warnings)"));
    o.add(String.format(Locale.ROOT, "  sampling          %.3g independent displacements at the window's end, ~%.3g hops in the run",
        r.sampling().independentDisplacements(), r.sampling().hopEquivalents()));
    // a doubtful D stays doubtful on every line that quotes it or what follows from it
    String doubtful = problems.isEmpty() ? "" : "   doubtful (" + String.join(", ", problems) + ")";
    o.add(String.format(Locale.ROOT, "  D                 %s   (%s)%s", r.diffusivity(), r.estimator() == DiffusionEstimator.GLS
        ? "GLS, modelled MSD covariance" : "least squares, correlation-aware error; plain OLS error " + String.format(Locale.ROOT,
        "%.2g cm²/s", r.olsPlainStdErrCm2PerS()), doubtful));
    if (r.estimator() == DiffusionEstimator.GLS) {
      o.add(String.format(Locale.ROOT, "  D (OLS)           %s   (correlation-aware error; plain OLS error %.2g cm²/s)", r.diffusivityOls(),
          r.olsPlainStdErrCm2PerS()));
    } else {
      o.add(String.format(Locale.ROOT, "  D (GLS)           %s   (modelled MSD covariance; not the quoted value)", r.diffusivityGls()));
    }
    Measurement s = r.conductivity();
    if (Double.isNaN(s.value())) {
      o.add("  σ (Nernst–Einstein) not computed: no temperature (see the warnings)");
    } else {
      Measurement shown = Math.abs(s.value()) < 0.1 ? s.scaled(1000, "mS/cm") : s;
      o.add(String.format(Locale.ROOT, "  σ (Nernst–Einstein) %s at %.1f K (%s), n = %.4g Å⁻³%s", shown, r.temperatureK(),
          r.temperatureSource(), r.numberDensityPerA3(), problems.isEmpty() ? "" : "   doubtful, as D"));
    }
    if (r.havenRatio() != null) {
      o.add(String.format(Locale.ROOT, "  Haven ratio       %s%s", r.havenRatio(), problems.isEmpty() ? "" : "   doubtful, as D"));
    }
    return o;
  }
}
