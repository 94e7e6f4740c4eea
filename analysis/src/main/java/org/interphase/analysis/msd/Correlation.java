package org.interphase.analysis.msd;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Correlation sums of real series by zero-padded FFT (Commons Math, in place on primitive arrays),
 * two real series per complex transform. All sums are unnormalised: {@code c[m] = Σ_t a[t]·b[t+m]}
 * for {@code m = 0 … n-1}.
 */
final class Correlation {
  private final int n;
  private final int size;
  private final double[][] buf;
  private final double[] tmpA;
  private final double[] tmpB;

  Correlation(int n) {
    this.n = n;
    int s = 1;
    while (s < 2 * n) {
      s <<= 1;
    }
    this.size = s;
    this.buf = new double[2][s];
    this.tmpA = new double[s];
    this.tmpB = new double[s];
  }

  /**
   * Autocorrelation sums of two series at once: {@code out1[m] = Σ a[t]a[t+m]}, {@code out2[m] = Σ
   * b[t]b[t+m]}, added to the outputs. {@code b} may be null.
   */
  void addAutocorrelations(double[] a, double[] b, double[] out1, double[] out2) {
    double[] re = buf[0];
    double[] im = buf[1];
    java.util.Arrays.fill(re, 0);
    java.util.Arrays.fill(im, 0);
    System.arraycopy(a, 0, re, 0, n);
    if (b != null) {
      System.arraycopy(b, 0, im, 0, n);
    }
    FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.FORWARD);
    // Z = A + iB; |A(k)|² and |B(k)|² from Z(k) and Z(N-k); pack |A|² + i|B|² for one inverse
    double[] pa = tmpA;
    double[] pb = tmpB;
    for (int k = 0; k < size; k++) {
      int j = (size - k) & (size - 1);
      double ar = 0.5 * (re[k] + re[j]);
      double ai = 0.5 * (im[k] - im[j]);
      double br = 0.5 * (im[k] + im[j]);
      double bi = -0.5 * (re[k] - re[j]);
      pa[k] = ar * ar + ai * ai;
      pb[k] = br * br + bi * bi;
    }
    System.arraycopy(pa, 0, re, 0, size);
    System.arraycopy(pb, 0, im, 0, size);
    FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.INVERSE);
    for (int m = 0; m < n; m++) {
      out1[m] += re[m];
      if (out2 != null) {
        out2[m] += im[m];
      }
    }
  }

  /** Cross-correlation sums {@code out[m] += Σ_t a[t]·b[t+m]}. */
  void addCrossCorrelation(double[] a, double[] b, double[] out) {
    double[] re = buf[0];
    double[] im = buf[1];
    java.util.Arrays.fill(re, 0);
    java.util.Arrays.fill(im, 0);
    System.arraycopy(a, 0, re, 0, n);
    System.arraycopy(b, 0, im, 0, n);
    FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.FORWARD);
    // c[m] = Σ a[t] b[t+m]  ⇔  C(k) = conj(A(k)) · B(k)
    double[] cr = tmpA;
    double[] ci = tmpB;
    for (int k = 0; k < size; k++) {
      int j = (size - k) & (size - 1);
      double ar = 0.5 * (re[k] + re[j]);
      double ai = 0.5 * (im[k] - im[j]);
      double br = 0.5 * (im[k] + im[j]);
      double bi = -0.5 * (re[k] - re[j]);
      cr[k] = ar * br + ai * bi;
      ci[k] = ar * bi - ai * br;
    }
    System.arraycopy(cr, 0, re, 0, size);
    System.arraycopy(ci, 0, im, 0, size);
    FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.INVERSE);
    for (int m = 0; m < n; m++) {
      out[m] += re[m];
    }
  }
}
