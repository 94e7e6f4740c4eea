package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Warning;

/**
 * Whether an MSD fit window can give a diffusion coefficient. The Einstein relation D =
 * slope/(2d) holds only where the MSD grows linearly in time, i.e. where its log–log slope
 * d ln MSD / d ln t is 1 (the diagnostic MDAnalysis recommends for choosing the window, anchors.md
 * §3c); a slope well below 1 means the ions still rattle in their sites (sub-diffusive, caged), well
 * above 1 that the ballistic start is inside the window. And a window whose MSD ends below a few Å²
 * has seen the average ion move less than one hop between neighbouring Li sites (2–3 Å apart in
 * thiophosphates), so its slope is mostly vibration. The checks:
 *
 * <ul>
 *   <li>fewer than {@value #MIN_LAGS} lags in the window;
 *   <li>MSD at the window's end below {@value #MIN_END_MSD_A2} Å² (an RMS displacement of 2 Å);
 *   <li>log–log slope in the window outside [{@value #MIN_LOG_SLOPE}, {@value #MAX_LOG_SLOPE}]: the
 *       least-squares slope of ln MSD against ln t over the window's lags with t &gt; 0 and MSD &gt; 0;
 *   <li>(for a whole result) fewer than {@value #MIN_HOPS} hop-equivalents in the run (all ions' squared displacement on the fitted
 *       line over the run, in units of a {@value #HOP_A2} Å² hop) or fewer than {@value #MIN_INDEPENDENT} non-overlapping
 *       displacements at the window's end: D then rests on so few events that the spread of the squared displacements, and with
 *       it every interval, is itself unknown (a count of 50 has a Poisson scatter of 14 %).
 * </ul>
 */
public final class DiffusionFitWindow {
  /** Fewer lags than this in the window are too few for a slope. */
  public static final int MIN_LAGS = 10;
  /** MSD at the window's end below this (Å²) is less than one hop. */
  public static final double MIN_END_MSD_A2 = 4.0;
  /** Log–log slopes below this are sub-diffusive. */
  public static final double MIN_LOG_SLOPE = 0.7;
  /** Log–log slopes above this are super-diffusive (ballistic). */
  public static final double MAX_LOG_SLOPE = 1.3;
  /** Squared length of one hop between neighbouring Li sites in thiophosphates (2 Å), Å². */
  public static final double HOP_A2 = 4.0;
  /** Fewer hop-equivalents than this make any interval of D unreliable. */
  public static final double MIN_HOPS = 50;
  /** Fewer non-overlapping displacements at the window's end than this make any interval of D unreliable. */
  public static final double MIN_INDEPENDENT = 8;

  private DiffusionFitWindow() {}

  /** What is wrong with a window. */
  public enum Problem implements Warning.Kind {
    /** Fewer than {@link #MIN_LAGS} lags. */
    SHORT_WINDOW,
    /** The MSD over the window is not a straight line within its errors (χ² of the GLS residuals, GLS against least squares). */
    NOT_STRAIGHT,
    /** MSD at the end below {@link #MIN_END_MSD_A2}. */
    SMALL_DISPLACEMENT,
    /** Log–log slope below {@link #MIN_LOG_SLOPE}. */
    SUB_DIFFUSIVE,
    /** Log–log slope above {@link #MAX_LOG_SLOPE}. */
    SUPER_DIFFUSIVE,
    /** Fewer than {@link #MIN_HOPS} hop-equivalents or {@link #MIN_INDEPENDENT} independent displacements. */
    FEW_HOPS
  }

  /**
   * What a window looks like.
   *
   * @param lags lags in the window, both ends included
   * @param endMsdA2 MSD at the window's last lag, Å²
   * @param logLogSlope d ln MSD / d ln t over the window (NaN with fewer than two usable lags)
   * @param warnings the problems, empty when the window is fit for D
   */
  public record Check(int lags, double endMsdA2, double logLogSlope, List<Warning> warnings) {}

  /** Checks the fit window of an MSD result, and whether the run holds enough hops for an interval. */
  public static Check check(MsdResult r) {
    Check c = check(r.lagPs(), r.msdA2(), r.fitStartPs(), r.fitEndPs());
    MsdResult.Sampling s = r.sampling();
    boolean glsWarned = r.warnings().stream().anyMatch(w -> w.kind() == MsdResult.Doubt.GLS_REJECTED
        || w.kind() == MsdResult.Doubt.GLS_FAILED);
    if (!s.straightLine() && !glsWarned) {
      List<Warning> w = new ArrayList<>(c.warnings());
      w.add(new Warning(Problem.NOT_STRAIGHT, "the MSD over the fit window is not a straight line within its errors (" + s.straightness()
          + "): D depends on where the window starts and ends; start it where the MSD has become linear"));
      c = new Check(c.lags(), c.endMsdA2(), c.logLogSlope(), List.copyOf(w));
    }
    if (!(s.hopEquivalents() >= MIN_HOPS) || !(s.independentDisplacements() >= MIN_INDEPENDENT)) {
      List<Warning> w = new ArrayList<>(c.warnings());
      String hops = String.format(Locale.ROOT, "about %.3g hop-equivalents (all ions' squared displacement over the run in %.0f Å² "
          + "hops; %s %.0f)", s.hopEquivalents(), HOP_A2, s.hopEquivalents() >= MIN_HOPS ? "at least" : "fewer than", MIN_HOPS);
      String independent = String.format(Locale.ROOT, "%.3g non-overlapping displacements at the end of the fit window (%s %.0f)",
          s.independentDisplacements(), s.independentDisplacements() >= MIN_INDEPENDENT ? "at least" : "fewer than", MIN_INDEPENDENT);
      w.add(new Warning(Problem.FEW_HOPS, "the run holds " + hops + " and " + independent + ": D rests on so few events that its "
          + "interval is not reliable, whichever estimator; run longer or use more ions"));
      return new Check(c.lags(), c.endMsdA2(), c.logLogSlope(), List.copyOf(w));
    }
    return c;
  }

  /**
   * Checks a window.
   *
   * @param lagPs lag times, ps, ascending (not modified)
   * @param msdA2 MSD at each lag, Å² (not modified)
   * @param fitStartPs first lag of the window, ps (included)
   * @param fitEndPs last lag of the window, ps (included)
   */
  public static Check check(double[] lagPs, double[] msdA2, double fitStartPs, double fitEndPs) {
    int from = -1;
    int to = -1;
    for (int i = 0; i < lagPs.length; i++) {
      if (lagPs[i] >= fitStartPs - 1e-9 && lagPs[i] <= fitEndPs + 1e-9) {
        from = from < 0 ? i : from;
        to = i;
      }
    }
    int lags = from < 0 ? 0 : to - from + 1;
    double end = to < 0 ? Double.NaN : msdA2[to];
    double slope = from < 0 ? Double.NaN : logLogSlope(lagPs, msdA2, from, to);
    List<Warning> out = new ArrayList<>();
    String window = "the fit window " + fmt(fitStartPs) + "–" + fmt(fitEndPs) + " ps";
    if (lags < MIN_LAGS) {
      out.add(new Warning(Problem.SHORT_WINDOW, String.format(Locale.ROOT, "%s holds %d lags (fewer than %d): too short for a slope; "
          + "D is not reliable (it is the least-squares one: GLS needs at least %d lags)", window, lags, MIN_LAGS, MIN_LAGS)));
    }
    if (end < MIN_END_MSD_A2) {
      out.add(new Warning(Problem.SMALL_DISPLACEMENT, String.format(Locale.ROOT, "the MSD at the end of %s is %.3g Å² (below %.0f Å², "
          + "an RMS displacement of %.1f Å): the ions have hardly left their sites, so D is mostly vibration; use a longer run or "
          + "window", window, end, MIN_END_MSD_A2, Math.sqrt(MIN_END_MSD_A2))));
    }
    if (slope < MIN_LOG_SLOPE) {
      out.add(new Warning(Problem.SUB_DIFFUSIVE, String.format(Locale.ROOT, "the log–log slope of the MSD in %s is %.2f (diffusion gives "
          + "1): sub-diffusive, the MSD is not yet linear in time, so D is not reliable; start the window later or run longer",
          window, slope)));
    } else if (slope > MAX_LOG_SLOPE) {
      out.add(new Warning(Problem.SUPER_DIFFUSIVE, String.format(Locale.ROOT, "the log–log slope of the MSD in %s is %.2f (diffusion "
          + "gives 1): super-diffusive, the ballistic start is inside the window, so D is not reliable; start the window later",
          window, slope)));
    }
    return new Check(lags, end, slope, List.copyOf(out));
  }

  /** Four significant digits without trailing zeros: 0.1, 1.053, 1500. */
  private static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
  }

  /** Least-squares slope of ln MSD against ln t over lags {@code from … to} with t &gt; 0 and MSD &gt; 0; NaN with fewer than two. */
  static double logLogSlope(double[] lagPs, double[] msdA2, int from, int to) {
    List<double[]> pts = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      if (lagPs[i] > 0 && msdA2[i] > 0) {
        pts.add(new double[] {Math.log(lagPs[i]), Math.log(msdA2[i])});
      }
    }
    if (pts.size() < 2) {
      return Double.NaN;
    }
    double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
    return DiffusionFit.ols(x, y, 0, x.length - 1).slope();
  }
}
