package org.interphase.analysis.msd;

/**
 * The sums over mobile atoms behind an MSD: windowed squared displacements per axis by FFT (all time
 * origins; Calandrini et al., DOI 10.1051/sfn/201112010), the region-masked variant, and the second
 * and fourth moments of the displacement at sampled lags (the variances of the error models).
 */
final class MsdSums {
  private MsdSums() {}

  /** Lags with at most this many origins are summed directly: the FFT's rounding is not divided down there. */
  static final int DIRECT_TAIL = 64;

  /**
   * Sums over atoms of Σ over lag origins of the squared displacement per axis, unnormalised. The
   * series are centred first (the MSD does not depend on the origin of coordinates) so that rounding
   * scales with the displacements, not the positions. Autocorrelations are summed as power spectra:
   * three real forward transforms per atom, three inverse transforms in all.
   */
  /** What the sums over the mobile atoms hold while the MSD is finished. */
  static final class Sums {
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

  /**
   * The spacing of the time origins at which the moments of lag {@code m} are sampled (of {@code n} frames): about 2000
   * origins over the run, and never more than {@link #ORIGINS_PER_LAG} within one lag. Displacements from origins
   * closer than m/8 share more than 7/8 of their path: they add almost nothing to the estimate of ⟨Δr⁴⟩ (its error is
   * set by the ~(n − m)/m independent windows, as for the MSD itself), and at long lags they made most of the cost.
   */
  static int originStride(int n, int m) {
    return Math.max(Math.max(1, (n - m) / 2000), m / ORIGINS_PER_LAG);
  }

  /** At most this many sampled origins within one lag (see {@link #originStride}). */
  static final int ORIGINS_PER_LAG = 8;

  /** Second and fourth moments of the displacement over the chosen axes at the sampled lags. */
  static void addMoments(double[][] x, double[] mask, int[] axes, int[] lags, double[] r2, double[] r4, double[] samples, int n) {
    if (axes.length == 3) {
      addMoments3(x[axes[0]], x[axes[1]], x[axes[2]], mask, lags, r2, r4, samples, n);
      return;
    }
    for (int i = 0; i < lags.length; i++) {
      int m = lags[i];
      if (m == 0) {
        continue;
      }
      int stride = originStride(n, m);
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

  /**
   * {@link #addMoments} over three axes, the columns given in the axes' order: the same sums in the same
   * order (so the same bits), without the loop over the axes and the stores per sample of the general form.
   */
  private static void addMoments3(double[] xa, double[] xb, double[] xc, double[] mask, int[] lags, double[] r2, double[] r4,
      double[] samples, int n) {
    for (int i = 0; i < lags.length; i++) {
      int m = lags[i];
      if (m == 0) {
        continue;
      }
      int stride = originStride(n, m);
      double sum2 = r2[i];
      double sum4 = r4[i];
      // counted as an int and added once: a whole number below 2^53 plus 1, k times, is that number plus k exactly
      int count = 0;
      for (int t = 0, u = m; u < n; t += stride, u += stride) {
        if (mask != null && (mask[t] == 0 || mask[u] == 0)) {
          continue;
        }
        double da = xa[u] - xa[t];
        double db = xb[u] - xb[t];
        double dc = xc[u] - xc[t];
        // 0 + da² is da² (a square is never −0): the general form's sum, term by term
        double s = da * da;
        s += db * db;
        s += dc * dc;
        sum2 += s;
        sum4 += s * s;
        count++;
      }
      r2[i] = sum2;
      r4[i] = sum4;
      samples[i] += count;
    }
  }
}
