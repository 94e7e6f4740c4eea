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
 */
public final class MeanSquaredDisplacement implements Analysis<MsdResult> {
  private final MsdParameters p;

  public MeanSquaredDisplacement(MsdParameters parameters) {
    this.p = parameters;
  }

  public MsdParameters parameters() {
    return p;
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

    Accumulator(TrajectoryHeader header) {
      AtomTable atoms = header.atoms();
      mobile = atoms.indicesOf(p.species());
      if (mobile.length == 0) {
        throw new IllegalArgumentException("no " + p.species() + " atoms in " + header.source() + " (it has "
            + String.join(", ", atoms.speciesCounts().keySet()) + ")");
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

    @Override
    public void accept(Frame f) {
      if (!spacing.accept(f)) { // lags are counted in frames: the MSD stops at the first gap in time
        return;
      }
      Cell cell = f.cell();
      if (cell == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: periodic unwrapping needs one");
      }
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
      int[] window = window(lagPs);
      int from = window[0];
      int to = window[1];
      // moments at the fit window's sampled lags (the error model) and at lags over the whole run (the ±1σ band)
      int[] fitLags = chooseLags(from, to, p.maxGlsPoints());
      int[] sampledIdx = java.util.stream.IntStream.concat(java.util.Arrays.stream(fitLags), java.util.Arrays.stream(chooseLags(1,
          n - 1, BAND_LAGS))).distinct().sorted().toArray();
      Sums sums = accumulate(n, axes, sampledIdx);
      double[] msd = sums.msd(axes, mobile.length);
      int dims = axes.length;
      double toCm2 = Units.A2_PER_FS_TO_CM2_PER_S / (2.0 * dims);
      DiffusionFit.Line ols = DiffusionFit.ols(lagFs, msd, from, to);
      double atomsInRegion = sums.masked() ? meanRegionCount() : mobile.length;
      List<Integer> keep = sampledLags(sums, sampledIdx, fitLags, msd);
      double slopeErr = correlatedError(sums, sampledIdx, keep, lagFs, msd, atomsInRegion, n, ols);
      double[][] band = band(sums, sampledIdx, lagPs, atomsInRegion, n);
      Measurement dCorr = new Measurement(ols.slope() * toCm2, slopeErr * toCm2, "cm²/s");
      Measurement dOls = new Measurement(ols.slope() * toCm2, ols.slopeStdErr() * toCm2, "cm²/s");
      double[] ngpLag = new double[keep.size()];
      double[] ngp = new double[keep.size()];
      for (int j = 0; j < keep.size(); j++) {
        int i = keep.get(j);
        double mean2 = sums.r2[i] / sums.samples[i];
        double mean4 = sums.r4[i] / sums.samples[i];
        ngpLag[j] = lagPs[sampledIdx[i]];
        ngp[j] = dims * mean4 / ((dims + 2.0) * mean2 * mean2) - 1;
      }
      double temperature = p.temperatureK();
      String tSource = "given";
      if (Double.isNaN(temperature) && temperatureCount > 0) {
        temperature = temperatureSum / temperatureCount;
        tSource = "mean instantaneous temperature of the trajectory";
      } else if (Double.isNaN(temperature)) {
        tSource = "unknown";
        warnings.add(new Warning(Doubt.NO_TEMPERATURE, "no temperature given or in the files: conductivity not computed"));
      }
      double volume = volumeSum / frames;
      double regionVolume = p.region() == null ? volume : areaSum / frames * (p.region().hiA() - p.region().loA());
      double density = atomsInRegion / regionVolume;
      Measurement sigma = nernstEinstein(dCorr, density, p.charge(), temperature);
      Measurement haven = sums.chargeSum == null ? null : haven(sums, ols, lagFs, from, to, axes);
      String method = String.format(Locale.ROOT,
          "D = slope/(2·%d) of a least-squares line through the MSD over %.4g–%.4g ps (%d lags); its standard error "
              + "is wᵀΣw on %d sampled lags with the MSD covariance Σij = v_i·n_i/n_j (v_i = var(Δr²)/n_i, n_i = "
              + "N_ions·(N_frames − i)/i independent windows; McCluskey, Coles & Morgan, JCTC 21, 79, 2025), never below "
              + "the plain OLS error, which is reported beside it",
          dims, lagPs[from], lagPs[to], ols.points(), keep.size());
      return new MsdResult(p.species(), mobile.length, n, dtFs, temperature, tSource, p.axes(), lagPs[from], lagPs[to], ols.points(),
          keep.size(), ols.slope() * 1000.0, ols.intercept(), lagPs, msd, sums.comp, band[0], band[1], dCorr, dOls, sigma, density, haven,
          ngpLag, ngp, driftText, p.region(), method, List.copyOf(warnings));
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

    /** The first and last lag index of the fit window (given, or 10–50 % of the run). */
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
    private Sums accumulate(int n, int[] axes, int[] sampledIdx) {
      double[][] driftCols = new double[3][n];
      drift.columns(0, driftCols);
      int parts = Math.min(2, mobile.length);
      List<Sums> sums = java.util.stream.IntStream.range(0, parts).parallel()
          .mapToObj(k -> accumulate(k * mobile.length / parts, (k + 1) * mobile.length / parts, n, axes, sampledIdx, driftCols))
          .toList();
      Sums total = sums.get(0);
      for (int k = 1; k < sums.size(); k++) {
        total.add(sums.get(k));
      }
      return total;
    }

    /** The sums over mobile atoms {@code first … end − 1}. */
    private Sums accumulate(int first, int end, int n, int[] axes, int[] sampledIdx, double[][] driftCols) {
      Sums s = new Sums(n, sampledIdx.length, p.haven(), p.region() != null);
      Correlation corr = s.corr;
      double[][] x = new double[3][n];
      double[] mask = p.region() == null ? null : new double[n];
      WindowedSums windowed = mask == null ? new WindowedSums(corr, n) : null;
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
          addRegionMsd(corr, x, mask, s.comp, s.count, n, scratch);
        }
        addMoments(x, mask, axes, sampledIdx, s.r2, s.r4, s.samples, n);
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
    private double[][] band(Sums sums, int[] sampledIdx, double[] lagPs, double atomsInRegion, int n) {
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
    private List<Integer> sampledLags(Sums sums, int[] sampledIdx, int[] fitLags, double[] msd) {
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
     * The slope's correlation-aware standard error (Å²/fs), never below the OLS error: variance at a sampled
     * lag v = (⟨r⁴⟩ − ⟨r²⟩²) / n_o with n_o independent windows.
     */
    private double correlatedError(Sums sums, int[] sampledIdx, List<Integer> keep, double[] lagFs, double[] msd, double atomsInRegion,
        int n, DiffusionFit.Line ols) {
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
      double slopeErr = keep.size() >= 3 ? DiffusionFit.correlatedSlopeError(gx, gv, gn) : Double.NaN;
      if (!(slopeErr > 0)) {
        warnings.add(new Warning(Doubt.PLAIN_ERROR,
            "too few sampled lags for the correlation-aware error; the OLS error is reported and is too small"));
        slopeErr = ols.slopeStdErr();
      }
      // never report less than the OLS scatter: correlation can only hide uncertainty, not remove it
      return Math.max(slopeErr, ols.slopeStdErr());
    }

    /** Tracer D over D_σ from the mean squared charge displacement over the same window. */
    private Measurement haven(Sums sums, DiffusionFit.Line ols, double[] lagFs, int from, int to, int[] axes) {
      int n = lagFs.length;
      double[][] cs = new double[3][n];
      addWindowedMsd(sums.corr, sums.chargeSum, cs, n);
      double[] mscd = new double[n];
      for (int m = 0; m < n; m++) {
        for (int d : axes) {
          mscd[m] += cs[d][m] / ((double) (n - m) * mobile.length);
        }
      }
      DiffusionFit.Line cl = DiffusionFit.ols(lagFs, mscd, from, to);
      double hr = ols.slope() / cl.slope();
      double err = Math.abs(hr) * Math.hypot(ols.slopeStdErr() / ols.slope(), cl.slopeStdErr() / cl.slope());
      if (p.region() != null) {
        warnings.add(new Warning(Doubt.HAVEN_IGNORES_REGION, "the Haven ratio ignores the region: it uses all " + p.species() + " atoms"));
      }
      return new Measurement(hr, err, "");
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

  /** Lags with at most this many origins are summed directly: the FFT's rounding is not divided down there. */
  private static final int DIRECT_TAIL = 64;

  /**
   * Sums over atoms of Σ over lag origins of the squared displacement per axis, unnormalised. The
   * series are centred first (the MSD does not depend on the origin of coordinates) so that rounding
   * scales with the displacements, not the positions. Autocorrelations are summed as power spectra:
   * three real forward transforms per atom, three inverse transforms in all.
   */
  /** What the sums over the mobile atoms hold while the MSD is finished. */
  private static final class Sums {
    final double[][] comp;
    final double[] count;
    final double[] r2;
    final double[] r4;
    final double[] samples;
    final double[][] chargeSum;
    final Correlation corr;
    private final boolean masked;

    Sums(int n, int sampled, boolean charge, boolean masked) {
      comp = new double[3][n];
      count = new double[n];
      r2 = new double[sampled];
      r4 = new double[sampled];
      samples = new double[sampled];
      chargeSum = charge ? new double[3][n] : null;
      corr = new Correlation(n);
      this.masked = masked;
    }

    boolean masked() {
      return masked;
    }

    /** Adds another part's sums to these. */
    void add(Sums o) {
      for (int d = 0; d < 3; d++) {
        addTo(comp[d], o.comp[d]);
        if (chargeSum != null) {
          addTo(chargeSum[d], o.chargeSum[d]);
        }
      }
      addTo(count, o.count);
      addTo(r2, o.r2);
      addTo(r4, o.r4);
      addTo(samples, o.samples);
    }

    private static void addTo(double[] a, double[] b) {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
    }

    /** Normalises {@link #comp} to the MSD per axis (in place) and returns the MSD over {@code axes}, Å². */
    double[] msd(int[] axes, int atoms) {
      int n = count.length;
      double[] msd = new double[n];
      for (int m = 0; m < n; m++) {
        double norm = masked ? count[m] : (double) atoms * (n - m);
        for (int d = 0; d < 3; d++) {
          // at lag 0 every displacement is zero: the FFT's rounding (±1e-15 Å²) is not a value
          comp[d][m] = !(norm > 0) ? Double.NaN : m == 0 ? 0.0 : comp[d][m] / norm;
        }
        for (int d : axes) {
          msd[m] += comp[d][m];
        }
      }
      return msd;
    }
  }

  static final class WindowedSums {
    private final Correlation corr;
    private final int n;
    private final double[][] s1;
    private final double[][] tail;
    private final double[][] power;
    /** Scratch for the centred series, reused atom after atom (long arrays are costly to allocate for the collector). */
    private final double[][] x;

    WindowedSums(Correlation corr, int n) {
      this.corr = corr;
      this.n = n;
      this.s1 = new double[3][n];
      this.tail = new double[3][n];
      this.power = new double[3][corr.size()];
      this.x = new double[3][n];
    }

    /** Adds one atom's three coordinate series (not modified). */
    void add(double[][] xin) {
      for (int d = 0; d < 3; d++) {
        centred(xin[d], x[d]);
        addDirect(x[d], s1[d], tail[d]);
      }
      for (int d = 0; d < 3; d++) {
        corr.addPowerSpectrum(x[d], power[d]);
      }
    }

    /** Adds the sums to {@code out[d][m]}. */
    void finish(double[][] out) {
      double[][] s2 = new double[3][n];
      for (int d = 0; d < 3; d++) {
        corr.inverse(power[d], s2[d]);
      }
      for (int d = 0; d < 3; d++) {
        for (int m = 0; m < n; m++) {
          out[d][m] += n - m > DIRECT_TAIL ? s1[d][m] - 2 * s2[d][m] : tail[d][m];
        }
      }
    }

    private void centred(double[] xin, double[] into) {
      double mean = 0;
      for (int t = 0; t < n; t++) {
        mean += xin[t];
      }
      mean /= n;
      for (int t = 0; t < n; t++) {
        into[t] = xin[t] - mean;
      }
    }

    /** S1(m) = Σ_{t=0}^{n-m-1} x(t)² + x(t+m)² by running sums, and the exact sums of the last lags. */
    private void addDirect(double[] x, double[] s1d, double[] taild) {
      double total = 0;
      for (int t = 0; t < n; t++) {
        total += x[t] * x[t];
      }
      double head = total;
      double tl = total;
      for (int m = 0; m < n; m++) {
        if (m > 0) {
          head -= x[n - m] * x[n - m];
          tl -= x[m - 1] * x[m - 1];
        }
        if (n - m > DIRECT_TAIL) {
          s1d[m] += head + tl;
        } else {
          double sum = 0;
          for (int t = 0; t + m < n; t++) {
            double dx = x[t + m] - x[t];
            sum += dx * dx;
          }
          taild[m] += sum;
        }
      }
    }
  }

  /** One-shot helper: the unnormalised windowed sums of a single set of series. */
  static void addWindowedMsd(Correlation corr, double[][] x, double[][] out, int n) {
    WindowedSums w = new WindowedSums(corr, n);
    w.add(x);
    w.finish(out);
  }

  /**
   * Adds the region-masked sums: only pairs whose both ends are inside count. {@code scratch} holds
   * five arrays of length ≥ n, reused atom after atom.
   */
  static void addRegionMsd(Correlation corr, double[][] x, double[] mask, double[][] out, double[] count, int n, double[][] scratch) {
    double[] cc = scratch[0];
    double[] mx = scratch[1];
    double[] mx2 = scratch[2];
    double[] auto = scratch[3];
    double[] both = scratch[4];
    java.util.Arrays.fill(cc, 0);
    corr.addAutocorrelation(mask, cc);
    for (int m = 0; m < n; m++) {
      count[m] += cc[m];
    }
    for (int d = 0; d < 3; d++) {
      for (int t = 0; t < n; t++) {
        mx[t] = mask[t] * x[d][t];
        mx2[t] = mx[t] * x[d][t];
      }
      java.util.Arrays.fill(auto, 0);
      java.util.Arrays.fill(both, 0);
      corr.addAutocorrelation(mx, auto);
      corr.addCrossCorrelation(mask, mx2, both);
      corr.addCrossCorrelation(mx2, mask, both);
      for (int m = 0; m < n; m++) {
        out[d][m] += both[m] - 2 * auto[m];
      }
    }
  }

  /** Second and fourth moments of the displacement over the chosen axes at the sampled lags. */
  static void addMoments(double[][] x, double[] mask, int[] axes, int[] lags, double[] r2, double[] r4, double[] samples, int n) {
    for (int i = 0; i < lags.length; i++) {
      int m = lags[i];
      if (m == 0) {
        continue;
      }
      int stride = Math.max(1, (n - m) / 2000);
      for (int t = 0; t + m < n; t += stride) {
        if (mask != null && (mask[t] == 0 || mask[t + m] == 0)) {
          continue;
        }
        double s = 0;
        for (int d : axes) {
          double dx = x[d][t + m] - x[d][t];
          s += dx * dx;
        }
        r2[i] += s;
        r4[i] += s * s;
        samples[i]++;
      }
    }
  }

  /** Lags spread over the whole run at which the MSD's standard error is estimated for its band. */
  static final int BAND_LAGS = 64;

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
