package org.interphase.analysis.msd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Analysis;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.Measurement;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Units;
import org.interphase.core.Warning;
import org.interphase.analysis.msd.MsdResult.Doubt;

/**
 * Mean squared displacement of one species → self-diffusion coefficient → Nernst–Einstein
 * conductivity. Use: {@code var acc = new MeanSquaredDisplacement(p).start(header); frames.forEach(acc);
 * MsdResult r = acc.finish();}
 *
 * <p>Positions are unwrapped with the TOR scheme ({@link TorUnwrapper}): each step is the
 * displacement d between consecutive stored positions minus L(t)·round(L(t)⁻¹·d), L(t) the current
 * frame's cell, so NPT and triclinic cells are fine. The mean displacement of the drift-reference
 * atoms is subtracted. The MSD over all time origins is computed by FFT in double precision, per
 * Cartesian axis. The accumulator keeps the unwrapped coordinates of
 * the mobile atoms (3 doubles per atom per frame) and nothing else of size N·frames. The windowed
 * MSD needs every frame at once, so it cannot be split over frames; split over atoms instead.
 *
 * <p>D comes from the estimator of the parameters ({@link DiffusionEstimator}): by default a generalised least-squares line with
 * the modelled MSD covariance ({@link GlsDiffusionFit}); the least-squares line over every lag of the window, with the
 * correlation-aware error of its slope, is always computed beside it. σ and the Haven ratio use the chosen one.
 */
public final class MeanSquaredDisplacement implements Analysis<MsdResult> {
  private final MsdParameters p;

  public MeanSquaredDisplacement(MsdParameters parameters) {
    this.p = parameters;
  }

  public MsdParameters parameters() {
    return p;
  }

  /** Its results are rates in time: frames that the files say are not MD steps are refused. */
  @Override
  public boolean needsDynamics() {
    return true;
  }

  /**
   * A fresh accumulator for one trajectory.
   *
   * @throws IllegalArgumentException when the trajectory has no atoms of the species
   */
  @Override
  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Collects frames; {@link #finish()} computes the result. Not thread-safe; use once. */
  public final class Accumulator implements org.interphase.core.Accumulator<MsdResult> {
    private final int[] mobile;
    private final int[] reference;
    private final String driftText;
    private final double dtFs;
    private final SeriesStore unwrapped;
    private final SeriesStore drift;
    private final List<byte[]> masks = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final TorUnwrapper unwrapper;
    private final double[] pos;
    private final double[] cart;
    private final double[] row;
    private final int[] tracked;
    private double volumeSum;
    private double areaSum;
    private double temperatureSum;
    private int temperatureCount;
    private int frames;
    private boolean regionSkewWarned;
    private String temperatureSource = "given";

    Accumulator(TrajectoryHeader header) {
      AtomTable atoms = header.atoms();
      mobile = atoms.indicesOf(p.species());
      if (mobile.length == 0) {
        throw org.interphase.core.AbsentSpeciesException.of(p.species(), header.source(), atoms);
      }
      if (p.driftReference() == null) {
        reference = atoms.indicesNotOf(p.species());
        driftText = reference.length == 0 ? "none (no atoms other than " + p.species() + ")" : "all atoms not " + p.species()
            + " " + describe(atoms, reference);
        if (reference.length == 0) {
          warnings.add(new Warning(Doubt.NO_DRIFT_REFERENCE, "no framework atoms to correct drift against: MSD without drift correction"));
        }
      } else if (p.driftReference().isEmpty()) {
        reference = new int[0];
        driftText = "none";
      } else {
        List<Integer> ref = new ArrayList<>();
        for (String el : p.driftReference()) {
          for (int i : atoms.indicesOf(el)) {
            ref.add(i);
          }
        }
        if (ref.isEmpty()) {
          throw new IllegalArgumentException("the drift reference " + p.driftReference() + " matches no atom in " + header.source());
        }
        reference = ref.stream().mapToInt(Integer::intValue).sorted().toArray();
        driftText = describe(atoms, reference);
      }
      dtFs = !Double.isNaN(p.timestepFs()) ? p.timestepFs() : header.timestepFs();
      if (Double.isNaN(dtFs)) {
        throw new org.interphase.core.MissingParameterException("timestepFs", header.source() + ": the time between frames is unknown");
      }
      tracked = new int[mobile.length + reference.length];
      System.arraycopy(mobile, 0, tracked, 0, mobile.length);
      System.arraycopy(reference, 0, tracked, mobile.length, reference.length);
      unwrapper = new TorUnwrapper(tracked.length);
      pos = new double[3 * tracked.length];
      cart = new double[3 * tracked.length];
      row = new double[3 * mobile.length];
      unwrapped = new SeriesStore(3 * mobile.length);
      drift = new SeriesStore(3);
    }

    private final EvenSpacing spacing = new EvenSpacing();
    /** The vacuum of the first frame. */
    private org.interphase.core.VacuumGap vacuum;
    private final CellBreathing breathing = new CellBreathing();

    @Override
    public void accept(Frame f) {
      if (!spacing.accept(f)) { // lags are counted in frames: the MSD stops at the first gap in time
        return;
      }
      Cell cell = f.cell();
      if (cell == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: periodic unwrapping needs one");
      }
      if (vacuum == null) {
        vacuum = org.interphase.core.VacuumGap.of(f);
      }
      breathing.accept(cell);
      for (int k = 0; k < tracked.length; k++) {
        pos[3 * k] = f.position(tracked[k], 0);
        pos[3 * k + 1] = f.position(tracked[k], 1);
        pos[3 * k + 2] = f.position(tracked[k], 2);
      }
      unwrapper.next(cell, pos, cart);
      System.arraycopy(cart, 0, row, 0, row.length);
      unwrapped.add(row);
      double[] dr = new double[3];
      if (reference.length > 0) {
        for (int k = mobile.length; k < tracked.length; k++) {
          for (int d = 0; d < 3; d++) {
            dr[d] += cart[3 * k + d];
          }
        }
        for (int d = 0; d < 3; d++) {
          dr[d] /= reference.length;
        }
      }
      drift.add(dr);
      if (p.region() != null) {
        masks.add(regionMask(cell));
      }
      volumeSum += cell.volumeA3();
      double[][] m = cell.toMatrix();
      int ax = p.region() == null ? 2 : p.region().axis();
      int i1 = ax == 0 ? 1 : 0;
      int i2 = ax == 2 ? 1 : 2;
      // projected area of the two in-plane vectors on the plane normal to the region axis
      double[] a = m[ax == 0 ? 1 : 0];
      double[] b = m[ax == 2 ? 1 : 2];
      areaSum += Math.abs(a[i1] * b[i2] - a[i2] * b[i1]);
      if (p.region() != null && !regionSkewWarned && (Math.abs(a[ax]) > 1e-6 || Math.abs(b[ax]) > 1e-6)) {
        regionSkewWarned = true;
        warnings.add(new Warning(Doubt.APPROXIMATE_REGION_VOLUME,
            "the in-plane cell vectors are not perpendicular to the region axis: region volume is approximate"));
      }
      double t = f.energies().temperatureK();
      if (!Double.isNaN(t)) {
        temperatureSum += t;
        temperatureCount++;
      }
      frames++;
    }

    /** Which mobile atoms of the current frame ({@code pos}) are inside the region, wrapped into the cell. */
    private byte[] regionMask(Cell cell) {
      byte[] mask = new byte[mobile.length];
      double[] frac = cell.toFractional(pos, new double[pos.length]);
      double[] w = new double[3];
      for (int k = 0; k < mobile.length; k++) {
        for (int d = 0; d < 3; d++) {
          w[d] = frac[3 * k + d] - Math.floor(frac[3 * k + d]);
        }
        cell.toCartesian(w, w);
        double c = w[p.region().axis()];
        mask[k] = (byte) (c >= p.region().loA() && c < p.region().hiA() ? 1 : 0);
      }
      return mask;
    }

    /** Computes the MSD, the fits and the conductivity; the stored coordinates (and their temporary file) are freed. */
    @Override
    public MsdResult finish() {
      try {
        return compute();
      } finally {
        unwrapped.close();
        drift.close();
      }
    }

    private MsdResult compute() {
      int n = frames;
      checkFrames(n);
      int[] axes = p.axisIndices();
      double[] lagPs = new double[n];
      double[] lagFs = new double[n];
      for (int m = 0; m < n; m++) {
        lagPs[m] = m * dtFs / 1000.0;
        lagFs[m] = m * dtFs;
      }
      int[][] windows = windows(lagPs);
      // moments at every candidate window's sampled lags (the error models) and at lags over the whole run (the ±1σ band)
      java.util.stream.IntStream.Builder lags = java.util.stream.IntStream.builder();
      for (int[] w : windows) {
        java.util.Arrays.stream(chooseLags(w[0], w[1], p.maxGlsPoints())).forEach(lags);
        java.util.Arrays.stream(glsLags(w)).forEach(lags);
      }
      java.util.Arrays.stream(chooseLags(1, n - 1, BAND_LAGS)).forEach(lags);
      int[] sampledIdx = lags.build().distinct().sorted().toArray();
      MsdSums.Sums sums = accumulate(n, axes, sampledIdx);
      double[] msd = sums.msd(axes, mobile.length);
      int dims = axes.length;
      double toCm2 = Units.A2_PER_FS_TO_CM2_PER_S / (2.0 * dims);
      double atomsInRegion = sums.masked() ? meanRegionCount() : mobile.length;
      Estimate e = choose(windows, w -> estimate(w, sums, sampledIdx, msd, lagFs, atomsInRegion, toCm2), msd);
      int from = e.from();
      int to = e.to();
      warn(e);
      double[][] band = band(sums, sampledIdx, lagPs, atomsInRegion, n);
      Measurement d = e.useGls() ? e.dGls() : e.dOls();
      double slopeFs = e.useGls() ? e.gls().slope() / dtFs : e.ols().slope();
      double[][] ngp = ngp(sums, sampledIdx, e.keep(), lagPs, dims);
      double temperature = temperature();
      double volume = volumeSum / frames;
      double regionVolume = p.region() == null ? volume : areaSum / frames * (p.region().hiA() - p.region().loA());
      double density = atomsInRegion / regionVolume;
      Measurement sigma = nernstEinstein(d, density, p.charge(), temperature);
      if (p.region() == null && vacuum.hasVacuum()) {
        warnings.add(new Warning(Doubt.VACUUM, String.format(Locale.ROOT, "the cell holds %s: the whole-cell %s number density, and "
            + "with it σ, is taken over the whole cell volume, vacuum included (over the rest of the cell it would be %.2f times "
            + "higher); a region covering the material gives σ with the material's own volume", vacuum.describe(), p.species(),
            1 / (1 - vacuum.vacuumFraction()))));
      }
      Measurement haven = sums.chargeSum == null ? null : haven(d.value() / toCm2, d.stdErr() / toCm2, e.useGls(), sums, lagFs, from, to,
          axes, e.glsLags(), e.anisotropy());
      MsdResult.Sampling sampling = new MsdResult.Sampling(atomsInRegion * Math.floor((n - 1) / (double) to),
          atomsInRegion * e.ols().slope() * lagFs[n - 1] / DiffusionFitWindow.HOP_A2, e.gls().lags(), e.gls().ridge(), e.gls().excess(),
          windowChoice(e, windows, lagPs), straightLine(e) || e.shortWindow(), straightness(e));
      return new MsdResult(p.species(), mobile.length, n, dtFs, temperature, temperatureSource, p.axes(), lagPs[from], lagPs[to],
          e.ols().points(), e.keep().size(), slopeFs * 1000.0, e.useGls() ? e.gls().intercept() : e.ols().intercept(),
          e.ols().slope() * 1000.0, e.ols().intercept(), lagPs, msd,
          sums.comp, band[0], band[1], e.useGls() ? DiffusionEstimator.GLS : DiffusionEstimator.OLS, d, e.dOls(), e.dGls(),
          e.ols().slopeStdErr() * toCm2, sigma, density, haven, ngp[0], ngp[1], driftText, p.region(), method(e, dims, lagPs,
              windows.length > 1), sampling, List.copyOf(warnings));
    }

    /** The lags of a window's GLS fit: at most {@link GlsDiffusionFit#MAX_LAGS}, evenly spread, none at 0. */
    private int[] glsLags(int[] window) {
      return chooseLags(Math.max(window[0], 1), window[1], Math.min(p.maxGlsPoints(), GlsDiffusionFit.MAX_LAGS));
    }

    /**
     * Both estimates of D over one window {from, to} (lag indices), raising no warning: the least-squares line with its
     * correlation-aware error, and the GLS line with its Hausman disagreement from it.
     */
    private Estimate estimate(int[] window, MsdSums.Sums sums, int[] sampledIdx, double[] msd, double[] lagFs, double atomsInRegion,
        double toCm2) {
      int from = window[0];
      int to = window[1];
      int n = lagFs.length;
      int[] glsLags = glsLags(window);
      DiffusionFit.Line ols = DiffusionFit.ols(lagFs, msd, from, to);
      List<Integer> keep = sampledLags(sums, sampledIdx, chooseLags(from, to, p.maxGlsPoints()), msd);
      double correlated = correlatedError(sums, sampledIdx, keep, lagFs, atomsInRegion, n);
      boolean plain = !(correlated > 0);
      // never report less than the OLS scatter: correlation can only hide uncertainty, not remove it
      double slopeErr = plain ? ols.slopeStdErr() : Math.max(correlated, ols.slopeStdErr());
      Measurement dOls = new Measurement(ols.slope() * toCm2, slopeErr * toCm2, "cm²/s");
      double anisotropy = anisotropy(sums.comp, p.axisIndices(), lagFs, from, to);
      GlsDiffusionFit.Fit gls = GlsDiffusionFit.fit(glsLags, subset(msd, glsLags), variances(sums.r2, sums.r4, sums.samples,
          sampledIdx, glsLags), atomsInRegion, n, anisotropy, p.axisIndices().length, ols.slope() * dtFs, ols.intercept());
      Measurement dGls = new Measurement(gls.slope() / dtFs * toCm2, gls.slopeStdErr() / dtFs * toCm2, "cm²/s");
      double disagreement = gls.ok() ? disagreement(dOls, dGls) : Double.NaN;
      // a window too short for a slope (warned as such) gets the least-squares D: no covariance model to weigh there
      boolean shortWindow = to - from + 1 < DiffusionFitWindow.MIN_LAGS;
      boolean useGls = p.estimator() == DiffusionEstimator.GLS && gls.ok() && disagreement <= MAX_DISAGREEMENT && !shortWindow;
      return new Estimate(from, to, glsLags, ols, keep, plain, dOls, gls, dGls, disagreement, shortWindow, useGls, anisotropy);
    }

    /** The warnings of the estimate quoted: a plain OLS error, a GLS fit that failed or disagrees with least squares. */
    private void warn(Estimate e) {
      if (e.plainError()) {
        warnings.add(new Warning(Doubt.PLAIN_ERROR,
            "too few sampled lags for the correlation-aware error; the OLS error is reported and is too small"));
      }
      if (!e.shortWindow() && p.estimator() == DiffusionEstimator.GLS && !e.gls().ok()) {
        warnings.add(new Warning(Doubt.GLS_FAILED, "the generalised least-squares fit failed (the MSD does not rise over the fit "
            + "window, or its covariance could not be factorised): D and its error are the least-squares ones"));
      } else if (!e.shortWindow() && p.estimator() == DiffusionEstimator.GLS && !e.useGls()) {
        warnings.add(new Warning(Doubt.GLS_REJECTED, String.format(Locale.ROOT, "the generalised least-squares D (%.3g ± %.2g cm²/s) "
            + "and the least-squares D (%.3g ± %.2g cm²/s) differ by %.1f standard errors of their difference: the MSD is not the "
            + "straight line of diffusive motion over the fit window (sub-diffusive, vibration, too few hops), where the modelled "
            + "covariance does not hold; D and its error are the least-squares ones", e.dGls().value(), e.dGls().stdErr(),
            e.dOls().value(), e.dOls().stdErr(), e.disagreement())));
      }
    }

    /**
     * |D_OLS − D_GLS| in standard errors of their difference (Hausman's test: when the model of the covariance holds, GLS is
     * efficient and the difference has variance σ²_OLS − σ²_GLS; Hausman, Econometrica 46, 1251, 1978), the variance floored
     * at σ²_OLS/4 so that two nearly equal errors do not make every small difference significant.
     */
    static double disagreement(Measurement ols, Measurement gls) {
      double var = Math.max(ols.stdErr() * ols.stdErr() - gls.stdErr() * gls.stdErr(), 0.25 * ols.stdErr() * ols.stdErr());
      return var > 0 ? Math.abs(ols.value() - gls.value()) / Math.sqrt(var) : Double.POSITIVE_INFINITY;
    }

    /** The temperature given, or the trajectory's mean instantaneous one, or NaN with a warning. */
    private double temperature() {
      double temperature = p.temperatureK();
      if (Double.isNaN(temperature) && temperatureCount > 0) {
        temperature = temperatureSum / temperatureCount;
        temperatureSource = "mean instantaneous temperature of the trajectory";
      } else if (Double.isNaN(temperature)) {
        temperatureSource = "unknown";
        warnings.add(new Warning(Doubt.NO_TEMPERATURE, "no temperature given or in the files: conductivity not computed"));
      }
      return temperature;
    }

    /** {lags (ps), α2} of the non-Gaussian parameter at the error model's sampled lags. */
    private double[][] ngp(MsdSums.Sums sums, int[] sampledIdx, List<Integer> keep, double[] lagPs, int dims) {
      double[] ngpLag = new double[keep.size()];
      double[] ngp = new double[keep.size()];
      for (int j = 0; j < keep.size(); j++) {
        int i = keep.get(j);
        double mean2 = sums.r2[i] / sums.samples[i];
        double mean4 = sums.r4[i] / sums.samples[i];
        ngpLag[j] = lagPs[sampledIdx[i]];
        ngp[j] = dims * mean4 / ((dims + 2.0) * mean2 * mean2) - 1;
      }
      return new double[][] {ngpLag, ngp};
    }

    private String method(Estimate e, int dims, double[] lagPs, boolean chosen) {
      double fromPs = lagPs[e.from()];
      double toPs = lagPs[e.to()];
      String ols = String.format(Locale.ROOT, "a least-squares line through the MSD over %.4g–%.4g ps (%d lags); its standard error "
          + "is wᵀΣw on %d sampled lags with the MSD covariance Σij = v_i·n_i/n_j (v_i = var(Δr²)/n_i, n_i = N_ions·(N_frames − i)/i "
          + "independent windows; McCluskey, Coles & Morgan, JCTC 21, 79, 2025), never below the plain OLS error", fromPs, toPs,
          e.ols().points(), e.keep().size());
      String window = !chosen ? "" : String.format(Locale.ROOT, ". The window starts at the earliest of %s of the run from "
          + "which the MSD is a straight line within its modelled covariance (χ² of the GLS residuals below its 95 %% quantile, GLS "
          + "within %.3g standard errors of least squares, and the MSD at least %.0f times what a breathing cell adds by itself)",
          WINDOW_STARTS_TEXT, EARLY_AGREEMENT, BREATHING_MARGIN);
      if (!e.useGls()) {
        return String.format(Locale.ROOT, "D = slope/(2·%d) of %s%s", dims, ols, window);
      }
      return String.format(Locale.ROOT, "D = slope/(2·%d) of a generalised least-squares line through the MSD at %d lags over %.4g–%.4g "
          + "ps with the modelled covariance of MSD points (Gaussian part from the fitted slope, white noise on the positions from "
          + "its intercept, non-Gaussian excess from the variance of the squared displacements, exact sums over overlapping windows; "
          + "Bullerjahn, von Bülow & Hummer, JCP 153, 024116, 2020), iterated once; its error is (AᵀΣ⁻¹A)⁻¹ of the same model%s. "
          + "Beside it, the OLS D of %s", dims, e.gls().lags(), fromPs, toPs, window, ols);
    }

    /** Warns of a gap and of large steps; refuses fewer than 4 frames. */
    private void checkFrames(int n) {
      if (spacing.gap() != null) {
        warnings.add(new Warning(Doubt.GAP, spacing.gap() + ": the MSD uses the " + n + " evenly spaced frames before it and not the "
            + spacing.framesAfterGap() + " after it; analyse the part after the gap on its own"));
      }
      if (n < 4) {
        throw new IllegalArgumentException("an MSD needs at least 4 frames, got " + n);
      }
      int bigJumps = unwrapper.largeSteps();
      if (bigJumps > 0) {
        warnings.add(new Warning(Doubt.LARGE_STEPS,
            bigJumps + " atom steps between stored frames exceed 0.4 of the cell: if an atom moved more than half a "
            + "cell between frames, unwrapping cannot tell and the MSD is too small; store frames more often"));
      }
    }

    /**
     * The candidate fit windows {from, to} (lag indices), the reference last: the window given, or, when its start is not given,
     * those starting at {@link #WINDOW_STARTS} of the run that hold at least {@link DiffusionFitWindow#MIN_LAGS} lags, then the
     * reference from 10 % of the run; each ends at the end given or at 50 % of the run.
     */
    private int[][] windows(double[] lagPs) {
      int[] reference = window(lagPs);
      List<int[]> out = new ArrayList<>();
      if (Double.isNaN(p.fitStartPs())) {
        double runPs = lagPs[lagPs.length - 1];
        for (double f : WINDOW_STARTS) {
          int from = Math.max(1, firstAtOrAfter(lagPs, f * runPs));
          boolean fresh = out.isEmpty() || out.get(out.size() - 1)[0] < from;
          if (fresh && from < reference[0] && reference[1] - from + 1 >= DiffusionFitWindow.MIN_LAGS) {
            out.add(new int[] {from, reference[1]});
          }
        }
      }
      out.add(reference);
      return out.toArray(new int[0][]);
    }

    /**
     * The estimate quoted: over the earliest candidate window whose GLS D is quoted (agrees with its least-squares D) and whose
     * MSD is a straight line within the modelled covariance ({@link GlsDiffusionFit.Fit#straight}): the earlier the window starts, the more
     * independent displacements it holds and the smaller the error of D, as long as the motion is already diffusive there.
     * In a breathing cell the early window must also start where the MSD is at least {@link #BREATHING_MARGIN} times the
     * bounded displacement the cell's breathing alone adds ({@link CellBreathing}), which no straight-line model weighs right.
     * The reference window's otherwise, and always when the reference's GLS is not quoted (the model does not hold).
     */
    private Estimate choose(int[][] windows, java.util.function.Function<int[], Estimate> estimate, double[] msd) {
      Estimate reference = estimate.apply(windows[windows.length - 1]);
      if (!reference.useGls()) {
        return reference;
      }
      for (int i = 0; i < windows.length - 1; i++) {
        Estimate early = estimate.apply(windows[i]);
        boolean aboveBreathing = msd[early.from()] >= BREATHING_MARGIN * breathing.artifactA2();
        if (early.useGls() && straightLine(early) && aboveBreathing) {
          return early;
        }
      }
      return reference;
    }

    /** Whether the MSD over an estimate's window is a straight line: the GLS line fits within its covariance, near least squares. */
    private static boolean straightLine(Estimate e) {
      return e.gls().ok() && e.gls().straight() && e.disagreement() <= EARLY_AGREEMENT;
    }

    /** How the window of {@code e} was set, for the reader: given, or which default start and why. */
    private String windowChoice(Estimate e, int[][] windows, double[] lagPs) {
      if (!Double.isNaN(p.fitStartPs())) {
        return "given";
      }
      long percent = Math.round(100 * lagPs[e.from()] / lagPs[lagPs.length - 1]);
      for (double f : WINDOW_STARTS) {
        if (e.from() < windows[windows.length - 1][0] && e.from() == Math.max(1, firstAtOrAfter(lagPs, f * lagPs[lagPs.length - 1]))) {
          // on few frames the first whole lag after 2 % may lie at 3 %: both are said
          long nominal = Math.round(100 * f);
          return "default: from " + (percent == nominal ? nominal + " % of the run" : "the first lag after " + nominal + " % of the run ("
              + percent + " %)") + ", the earliest of " + WINDOW_STARTS_TEXT + " from which the MSD is a straight line";
        }
      }
      if (windows.length == 1) {
        return "default: from 10 % of the run (earlier starts would hold under " + DiffusionFitWindow.MIN_LAGS + " lags)";
      }
      return "default: from 10 % of the run (" + (e.useGls() ? "the MSD is not shown to be a straight line from 2 % or 5 %"
          : "GLS is not quoted there, so no earlier start is tried") + ")";
    }

    /** The straight-line tests of the quoted window in words: those that fail (both when none does). */
    private static String straightness(Estimate e) {
      int dof = e.gls().lags() - 2;
      if (!e.gls().ok() || dof <= 0) {
        return "no GLS fit to test";
      }
      String chi = String.format(Locale.ROOT, "χ² of the GLS residuals %.1f for %d degrees of freedom (95 %% bound %.1f)",
          e.gls().chiSquared(), dof, GlsDiffusionFit.chiSquaredBound(dof));
      String apart = String.format(Locale.ROOT, "GLS and least squares %.2g standard errors of their difference apart (bound %.3g)",
          e.disagreement(), EARLY_AGREEMENT);
      boolean apartFails = !(e.disagreement() <= EARLY_AGREEMENT);
      return e.gls().straight() != apartFails ? chi + "; " + apart : apartFails ? apart : chi;
    }

    /** The first and last lag index of the reference fit window (given, or 10–50 % of the run). */
    private int[] window(double[] lagPs) {
      double runPs = lagPs[lagPs.length - 1];
      double startPs = Double.isNaN(p.fitStartPs()) ? 0.1 * runPs : p.fitStartPs();
      double endPs = Double.isNaN(p.fitEndPs()) ? 0.5 * runPs : p.fitEndPs();
      if (endPs > runPs + 1e-9) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "fit end %.4g ps is beyond the last lag %.4g ps", endPs, runPs));
      }
      int from = firstAtOrAfter(lagPs, startPs);
      int to = lastAtOrBefore(lagPs, endPs);
      if (to - from + 1 < 3) {
        int lags = Math.max(0, to - from + 1);
        boolean defaults = Double.isNaN(p.fitStartPs()) && Double.isNaN(p.fitEndPs());
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the fit window %.4g–%.4g ps holds %d lag%s; it needs at least 3%s",
            startPs, endPs, lags, lags == 1 ? "" : "s", defaults ? String.format(Locale.ROOT,
                " (the default window, 10–50 %% of the run, is too short in a run of %d frames: too short for a diffusion "
                + "coefficient, or set a wider fit window)", lagPs.length) : ""));
      }
      return new int[] {from, to};
    }

    /**
     * The sums over atoms: MSD per axis (windowed, or region pairs with their counts), moments at the
     * sampled lags, charge. The atoms are summed in two halves side by side (where there is a second
     * core), always the same two, so the result does not depend on the machine.
     */
    private MsdSums.Sums accumulate(int n, int[] axes, int[] sampledIdx) {
      double[][] driftCols = new double[3][n];
      drift.columns(0, driftCols);
      int parts = Math.min(2, mobile.length);
      List<MsdSums.Sums> sums = org.interphase.core.SideBySide.map(parts,
          k -> accumulate(k * mobile.length / parts, (k + 1) * mobile.length / parts, n, axes, sampledIdx, driftCols));
      MsdSums.Sums total = sums.get(0);
      for (int k = 1; k < sums.size(); k++) {
        total.add(sums.get(k));
      }
      return total;
    }

    /** The sums over mobile atoms {@code first … end − 1}. */
    private MsdSums.Sums accumulate(int first, int end, int n, int[] axes, int[] sampledIdx, double[][] driftCols) {
      MsdSums.Sums s = new MsdSums.Sums(n, sampledIdx.length, p.haven(), p.region() != null);
      Correlation corr = s.corr;
      double[][] x = new double[3][n];
      double[] mask = p.region() == null ? null : new double[n];
      MsdSums.WindowedSums windowed = mask == null ? new MsdSums.WindowedSums(corr, n) : null;
      double[][] scratch = mask == null ? null : new double[5][n];
      for (int a = first; a < end; a++) {
        unwrapped.columns(3 * a, x);
        for (int d = 0; d < 3; d++) {
          for (int t = 0; t < n; t++) {
            x[d][t] -= driftCols[d][t];
          }
          if (s.chargeSum != null) {
            for (int t = 0; t < n; t++) {
              s.chargeSum[d][t] += x[d][t];
            }
          }
        }
        if (mask == null) {
          windowed.add(x);
        } else {
          for (int t = 0; t < n; t++) {
            mask[t] = masks.get(t)[a];
          }
          MsdSums.addRegionMsd(corr, x, mask, s.comp, s.count, n, scratch);
        }
        MsdSums.addMoments(x, mask, axes, sampledIdx, s.r2, s.r4, s.samples, n);
      }
      if (windowed != null) {
        windowed.finish(s.comp);
      }
      return s;
    }

    /**
     * The MSD's standard error at lags over the whole run, for its ±1σ band: σ(m) = √(var(Δr²)/n_m) with n_m =
     * N_ions·(N_frames − m)/m independent windows (the diagonal of the covariance used for D's error).
     *
     * @return {lags (ps), standard errors (Å²)} at the sampled lags with a variance
     */
    private double[][] band(MsdSums.Sums sums, int[] sampledIdx, double[] lagPs, double atomsInRegion, int n) {
      double[] lag = new double[sampledIdx.length];
      double[] err = new double[sampledIdx.length];
      int k = 0;
      for (int i = 0; i < sampledIdx.length; i++) {
        int m = sampledIdx[i];
        if (m > 0 && sums.samples[i] > 1) {
          double mean2 = sums.r2[i] / sums.samples[i];
          double var = Math.max(sums.r4[i] / sums.samples[i] - mean2 * mean2, 0);
          lag[k] = lagPs[m];
          err[k++] = Math.sqrt(var / Math.max(1.0, atomsInRegion * (n - m) / (double) m));
        }
      }
      return new double[][] {java.util.Arrays.copyOf(lag, k), java.util.Arrays.copyOf(err, k)};
    }

    /** The fit window's sampled lags with enough windows for a variance: indices into {@code sampledIdx}. */
    private List<Integer> sampledLags(MsdSums.Sums sums, int[] sampledIdx, int[] fitLags, double[] msd) {
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < sampledIdx.length; i++) {
        if (java.util.Arrays.binarySearch(fitLags, sampledIdx[i]) >= 0 && sampledIdx[i] > 0 && sums.samples[i] > 1
            && Double.isFinite(msd[sampledIdx[i]])) {
          keep.add(i);
        }
      }
      return keep;
    }

    /**
     * The slope's correlation-aware standard error (Å²/fs), NaN with fewer than 3 sampled lags: variance at a sampled lag
     * v = (⟨r⁴⟩ − ⟨r²⟩²) / n_o with n_o independent windows.
     */
    private double correlatedError(MsdSums.Sums sums, int[] sampledIdx, List<Integer> keep, double[] lagFs, double atomsInRegion, int n) {
      double[] gx = new double[keep.size()];
      double[] gv = new double[keep.size()];
      double[] gn = new double[keep.size()];
      for (int j = 0; j < keep.size(); j++) {
        int i = keep.get(j);
        int m = sampledIdx[i];
        double mean2 = sums.r2[i] / sums.samples[i];
        double mean4 = sums.r4[i] / sums.samples[i];
        gx[j] = lagFs[m];
        gn[j] = Math.max(1.0, atomsInRegion * (n - m) / (double) m);
        gv[j] = Math.max(mean4 - mean2 * mean2, 1e-30) / gn[j];
      }
      return keep.size() >= 3 ? DiffusionFit.correlatedSlopeError(gx, gv, gn) : Double.NaN;
    }

    /**
     * Tracer D over D_σ from the mean squared charge displacement (MSCD) over the same window, with the same estimator: the
     * MSCD is one collective displacement per origin, so its error model has one "ion". {@code slopeFs} and {@code errFs}:
     * the tracer MSD slope and its error, Å²/fs.
     */
    private Measurement haven(double slopeFs, double errFs, boolean gls, MsdSums.Sums sums, double[] lagFs, int from, int to, int[] axes,
        int[] glsLags, double anisotropy) {
      int n = lagFs.length;
      double[][] cs = new double[3][n];
      MsdSums.addWindowedMsd(sums.corr, sums.chargeSum, cs, n);
      double[] mscd = new double[n];
      for (int m = 0; m < n; m++) {
        for (int d : axes) {
          mscd[m] += cs[d][m] / ((double) (n - m) * mobile.length);
        }
      }
      double[] r2 = new double[glsLags.length];
      double[] r4 = new double[glsLags.length];
      double[] samples = new double[glsLags.length];
      MsdSums.addMoments(sums.chargeSum, null, axes, glsLags, r2, r4, samples, n);
      double[] v = variances(r2, r4, samples, glsLags, glsLags);
      for (int i = 0; i < v.length; i++) {
        v[i] /= (double) mobile.length * mobile.length; // of |ΣΔr|²/N
      }
      DiffusionFit.Line cl = DiffusionFit.ols(lagFs, mscd, from, to);
      double cSlope = cl.slope();
      double cErr = Math.max(cl.slopeStdErr(), olsError(glsLags, v, lagFs, n));
      if (gls) {
        GlsDiffusionFit.Fit f = GlsDiffusionFit.fit(glsLags, subset(mscd, glsLags), v, 1, n, anisotropy, axes.length, cl.slope() * dtFs,
            cl.intercept());
        if (f.ok()) {
          cSlope = f.slope() / dtFs;
          cErr = f.slopeStdErr() / dtFs;
        }
      }
      double hr = slopeFs / cSlope;
      double err = Math.abs(hr) * Math.hypot(errFs / slopeFs, cErr / cSlope);
      if (p.region() != null) {
        warnings.add(new Warning(Doubt.HAVEN_IGNORES_REGION, "the Haven ratio ignores the region: it uses all " + p.species() + " atoms"));
      }
      return new Measurement(hr, err, "");
    }

    /** The correlation-aware error of a least-squares slope with one collective displacement per origin. */
    private double olsError(int[] lags, double[] v, double[] lagFs, int n) {
      double[] x = new double[lags.length];
      double[] var = new double[lags.length];
      double[] nObs = new double[lags.length];
      for (int i = 0; i < lags.length; i++) {
        x[i] = lagFs[lags[i]];
        nObs[i] = Math.max(1.0, (n - lags[i]) / (double) lags[i]);
        var[i] = v[i] / nObs[i];
      }
      return lags.length >= 3 ? DiffusionFit.correlatedSlopeError(x, var, nObs) : 0;
    }

    private double meanRegionCount() {
      double s = 0;
      for (byte[] m : masks) {
        for (byte b : m) {
          s += b;
        }
      }
      return s / masks.size();
    }
  }

  /** {@code a} at the indices {@code idx}. */
  private static double[] subset(double[] a, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = a[idx[i]];
    }
    return out;
  }

  /** Variance of one squared displacement, ⟨r⁴⟩ − ⟨r²⟩², at each lag of {@code want} from moments sampled at {@code sampled}. */
  static double[] variances(double[] r2, double[] r4, double[] samples, int[] sampled, int[] want) {
    double[] v = new double[want.length];
    for (int j = 0; j < want.length; j++) {
      int i = java.util.Arrays.binarySearch(sampled, want[j]);
      double mean2 = i >= 0 && samples[i] > 1 ? r2[i] / samples[i] : Double.NaN;
      v[j] = i >= 0 && samples[i] > 1 ? Math.max(r4[i] / samples[i] - mean2 * mean2, 0) : Double.NaN;
    }
    return v;
  }

  /**
   * Σ f_a² of the fractions f_a of the MSD slope along each summed axis (per-axis least-squares slopes over the window, negative
   * ones taken as 0): 1/d for isotropic motion, 1 when all motion is along one axis.
   */
  static double anisotropy(double[][] comp, int[] axes, double[] lagFs, int from, int to) {
    double[] s = new double[axes.length];
    double total = 0;
    for (int i = 0; i < axes.length; i++) {
      s[i] = Math.max(0, DiffusionFit.ols(lagFs, comp[axes[i]], from, to).slope());
      total += s[i];
    }
    if (!(total > 0)) {
      return 1.0 / axes.length;
    }
    double sum = 0;
    for (double si : s) {
      sum += (si / total) * (si / total);
    }
    return sum;
  }

  /** σ = n q² e² D / (k_B T) with n in Å⁻³, D in cm²/s → S/cm; NaN without a temperature. */
  public static Measurement nernstEinstein(Measurement diffusivityCm2PerS, double densityPerA3, double charge, double temperatureK) {
    if (Double.isNaN(temperatureK)) {
      return new Measurement(Double.NaN, Double.NaN, "S/cm");
    }
    double nPerCm3 = densityPerA3 * 1e24;
    double q = charge * Units.ELEMENTARY_CHARGE_C;
    double factor = nPerCm3 * q * q / (Units.BOLTZMANN_J_PER_K * temperatureK);
    return diffusivityCm2PerS.scaled(factor, "S/cm");
  }

  /** Lags spread over the whole run at which the MSD's standard error is estimated for its band. */
  static final int BAND_LAGS = 64;

  /**
   * Largest |D_OLS − D_GLS| in standard errors of their difference at which the GLS D is quoted; beyond it the MSD is not the
   * straight line whose covariance GLS models, and the least-squares D with its correlation-aware error is quoted instead.
   */
  public static final double MAX_DISAGREEMENT = 3.0;

  /** Earlier starts of the default fit window tried, as fractions of the run, earliest first; the reference starts at 10 %. */
  static final double[] WINDOW_STARTS = {0.02, 0.05};
  private static final String WINDOW_STARTS_TEXT = "2, 5 and 10 %";

  /**
   * Largest GLS–least-squares disagreement ({@link #disagreement}, standard errors of their difference) of an early window: a
   * two-sided test at 10 % that the MSD is straight there (GLS weighs the short lags most, least squares the long ones).
   */
  static final double EARLY_AGREEMENT = 1.645;

  /** An early window starts where the MSD is at least this many times the breathing cell's own contribution to it. */
  static final double BREATHING_MARGIN = 50;

  /** One fit window's estimates of D (lag indices from … to). */
  private record Estimate(int from, int to, int[] glsLags, DiffusionFit.Line ols, List<Integer> keep, boolean plainError,
      Measurement dOls, GlsDiffusionFit.Fit gls, Measurement dGls, double disagreement, boolean shortWindow, boolean useGls,
      double anisotropy) {}

  private static int[] chooseLags(int from, int to, int max) {
    int count = to - from + 1;
    if (count <= max) {
      int[] all = new int[count];
      for (int i = 0; i < count; i++) {
        all[i] = from + i;
      }
      return all;
    }
    int[] out = new int[max];
    for (int i = 0; i < max; i++) {
      out[i] = from + (int) Math.round(i * (count - 1) / (double) (max - 1));
    }
    return out;
  }

  private static int firstAtOrAfter(double[] x, double v) {
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= v - 1e-9) {
        return i;
      }
    }
    return x.length - 1;
  }

  private static int lastAtOrBefore(double[] x, double v) {
    for (int i = x.length - 1; i >= 0; i--) {
      if (x[i] <= v + 1e-9) {
        return i;
      }
    }
    return 0;
  }

  private static String describe(AtomTable atoms, int[] idx) {
    java.util.Map<String, Integer> c = new java.util.LinkedHashMap<>();
    for (int i : idx) {
      c.merge(atoms.element(i), 1, Integer::sum);
    }
    return c.toString();
  }
}
