package org.interphase.analysis.msd;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Correlation sums of real series by zero-padded real FFTs (JTransforms). All sums are
 * unnormalised: {@code c[m] = Σ_t a[t]·b[t+m]} for {@code m = 0 … n-1}. Spectra are kept in
 * JTransforms' packed real layout: {@code [Re0, Re(N/2), Re1, Im1, Re2, Im2, …]}.
 */
final class Correlation {
  private final int n;
  private final int size;
  private final DoubleFFT_1D fft;
  private final double[] work;
  private final double[] work2;
  /** Spectrum scratch of the one-shot correlations. */
  private final double[] spectrum;

  static {
    // the MSD already transforms several atoms at once, one per core: threads inside each transform would only compete
    org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
    org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
  }

  Correlation(int n) {
    this.n = n;
    int s = 1;
    while (s < 2 * n) {
      s <<= 1;
    }
    this.size = s;
    this.fft = new DoubleFFT_1D(s);
    this.work = new double[s];
    this.work2 = new double[s];
    this.spectrum = new double[s];
  }

  /** Length of the padded transforms and of the spectra. */
  int size() {
    return size;
  }

  private double[] forward(double[] a, double[] into) {
    Arrays.fill(into, 0);
    System.arraycopy(a, 0, into, 0, n);
    fft.realForward(into);
    return into;
  }

  /** Adds the power spectrum |A(k)|² of {@code a} to {@code pow} (packed layout, imaginary slots 0). */
  void addPowerSpectrum(double[] a, double[] pow) {
    double[] s = forward(a, work);
    pow[0] += s[0] * s[0];
    pow[1] += s[1] * s[1];
    for (int k = 1; k < size / 2; k++) {
      double re = s[2 * k];
      double im = s[2 * k + 1];
      pow[2 * k] += re * re + im * im;
    }
  }

  /** Adds the cross spectrum conj(A(k))·B(k) to {@code spec} (packed layout). */
  void addCrossSpectrum(double[] a, double[] b, double[] spec) {
    double[] sa = forward(a, work);
    double[] sb = forward(b, work2);
    spec[0] += sa[0] * sb[0];
    spec[1] += sa[1] * sb[1];
    for (int k = 1; k < size / 2; k++) {
      double ar = sa[2 * k];
      double ai = sa[2 * k + 1];
      double br = sb[2 * k];
      double bi = sb[2 * k + 1];
      spec[2 * k] += ar * br + ai * bi;
      spec[2 * k + 1] += ar * bi - ai * br;
    }
  }

  /** The correlation sums of an accumulated spectrum, added to {@code out[0 … n-1]}. */
  void inverse(double[] spec, double[] out) {
    System.arraycopy(spec, 0, work, 0, size);
    fft.realInverse(work, true);
    for (int m = 0; m < n; m++) {
      out[m] += work[m];
    }
  }

  /** Autocorrelation sums {@code out[m] += Σ_t a[t]·a[t+m]}. */
  void addAutocorrelation(double[] a, double[] out) {
    Arrays.fill(spectrum, 0);
    addPowerSpectrum(a, spectrum);
    inverse(spectrum, out);
  }

  /** Cross-correlation sums {@code out[m] += Σ_t a[t]·b[t+m]}. */
  void addCrossCorrelation(double[] a, double[] b, double[] out) {
    Arrays.fill(spectrum, 0);
    addCrossSpectrum(a, b, spectrum);
    inverse(spectrum, out);
  }
}
