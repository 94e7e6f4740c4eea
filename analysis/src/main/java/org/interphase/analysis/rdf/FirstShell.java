package org.interphase.analysis.rdf;

/**
 * The first coordination shell read off g(r): the first peak, the first minimum after it, and the
 * running coordination number at that minimum. NaN where not found below r<sub>max</sub>.
 *
 * <p>The search runs on g smoothed by a moving average over ±0.05 Å (at least one bin each side), so
 * that counting noise of a short run makes no peak or minimum of its own:
 *
 * <ul>
 *   <li>the <b>first peak</b> is the highest point of the first rise above g = 1 that counting noise cannot
 *       explain (the smoothed g more than four Poisson standard errors above 1, g/√N with N the pairs
 *       counted in the window: at short r a handful of pairs make g jump) once the curve has
 *       fallen 10 % below it (a shoulder that dips less is part of the rise); its position and height
 *       are those of the largest unsmoothed g within the averaging window;
 *   <li>the <b>first minimum</b> is the lowest point after the peak once the curve has risen from it
 *       by 0.25 (a quarter of the peak-to-minimum depth when that is below 1), so a wiggle on the
 *       falling flank is not a minimum; its position
 *       is that of the smallest unsmoothed g within the window, or, when several bins share it (g = 0
 *       between the P–S bond and the next S), the middle of that run;
 *   <li>the <b>first-shell coordination</b> is n(r) at the minimum, interpolated linearly between the
 *       bin edges (flat across a run of empty bins).
 * </ul>
 *
 * @param peakA position of the first peak, Å
 * @param peakG g at the first peak
 * @param minimumA position of the first minimum after it, Å
 * @param coordination n(minimumA): neighbours per centre within the first shell
 */
record FirstShell(double peakA, double peakG, double minimumA, double coordination) {
  private static final FirstShell NONE = new FirstShell(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * Finds the first shell.
   *
   * @param g g(r) per bin, bin i centred at (i + ½)·bin
   * @param edgeCoordination n(r) at the bin edges, length g.length + 1, starting with 0
   * @param binA bin width, Å
   * @param counts pairs counted per bin over all frames
   */
  static FirstShell find(double[] g, double[] edgeCoordination, double binA, long[] counts) {
    int n = g.length;
    int h = Math.max(1, (int) Math.round(0.05 / binA));
    double[] s = smoothed(g, h);
    double[] c = new double[n];
    for (int k = 0; k < n; k++) {
      c[k] = counts[k];
    }
    double[] windowCounts = smoothed(c, h);
    int i = 0;
    while (i < n && !(s[i] > 1 + 4 * s[i] / Math.sqrt(Math.max(windowCounts[i] * (2 * h + 1), 1)))) {
      i++;
    }
    int p = i;
    for (; i < n; i++) {
      if (s[i] > s[p]) {
        p = i;
      } else if (s[i] < 0.9 * s[p]) {
        break;
      }
    }
    if (i >= n) {
      return NONE;
    }
    int peak = p;
    for (int k = Math.max(0, p - h); k <= Math.min(n - 1, p + h); k++) {
      if (g[k] > g[peak]) {
        peak = k;
      }
    }
    double peakA = (peak + 0.5) * binA;
    int q = p;
    for (; i < n; i++) {
      if (s[i] < s[q]) {
        q = i;
      } else if (s[i] > s[q] + 0.25 * Math.min(1, s[p] - s[q])) {
        break;
      }
    }
    if (i >= n) {
      return new FirstShell(peakA, g[peak], Double.NaN, Double.NaN);
    }
    int low = Math.max(peak + 1, q - h);
    for (int k = low; k <= Math.min(n - 1, q + h); k++) {
      if (g[k] < g[low]) {
        low = k;
      }
    }
    int from = low;
    int to = low;
    while (from - 1 > peak && g[from - 1] == g[low]) {
      from--;
    }
    while (to + 1 < n && g[to + 1] == g[low]) {
      to++;
    }
    double minimumA = (from + to + 1) * 0.5 * binA;
    return new FirstShell(peakA, g[peak], minimumA, interpolate(edgeCoordination, minimumA / binA));
  }

  /** The values at the edges interpolated linearly at fractional edge index x. */
  private static double interpolate(double[] atEdges, double x) {
    int k = Math.min(atEdges.length - 2, (int) Math.floor(x));
    double t = x - k;
    return atEdges[k] + t * (atEdges[k + 1] - atEdges[k]);
  }

  /** The moving average over ±h bins, the window cut at the ends. */
  private static double[] smoothed(double[] g, int h) {
    int n = g.length;
    double[] prefix = new double[n + 1];
    for (int k = 0; k < n; k++) {
      prefix[k + 1] = prefix[k] + g[k];
    }
    double[] s = new double[n];
    for (int k = 0; k < n; k++) {
      int lo = Math.max(0, k - h);
      int hi = Math.min(n, k + h + 1);
      s[k] = (prefix[hi] - prefix[lo]) / (hi - lo);
    }
    return s;
  }
}
