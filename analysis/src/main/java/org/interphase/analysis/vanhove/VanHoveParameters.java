package org.interphase.analysis.vanhove;

import java.util.Arrays;
import java.util.Locale;
import org.interphase.analysis.msd.Region;

/**
 * What {@link VanHove} computes: the self and distinct parts of the van Hove correlation of one
 * species at a few lag times. Validated on construction.
 *
 * <p>The lags are given either in ps ({@code lagsPs}) or as fractions of the run ({@code
 * runFractions}, e.g. 0.1, 0.25, 0.5 — the report's choice, since the length of the run is known only
 * at its end); exactly one of the two is non-empty.
 *
 * @param species the element (or kind label) whose atoms are followed, e.g. {@code Li}
 * @param lagsPs lag times, ps, each ≥ 0; each is rounded to the nearest whole number of frames
 * @param runFractions lags as fractions of the run (0 … 1], each rounded to two significant digits in
 *     ps and then to the nearest frame
 * @param timestepFs time between stored frames, fs; NaN to take it from the trajectory
 * @param rMaxA the histograms run from 0 to this distance, Å, above 0, at most 100 Å; beyond half the cell the distinct
 *     part counts every periodic image. NaN for the default, {@value #DEFAULT_R_MAX_A} Å, with the distinct part only up to half the
 *     first cell's smallest perpendicular width when that is less (rounded down to whole bins), where each atom has one image at most
 * @param binA the requested bin width, Å, &gt; 0; the histograms have ⌈r<sub>max</sub>/bin⌉ bins of width
 *     r<sub>max</sub>/bins (the requested width when it divides r<sub>max</sub>)
 * @param maxDistinctOrigins the distinct part uses at most this many time origins, every ⌈O/k⌉-th (0: all of them)
 * @param displacedA an atom counts as displaced over a lag when it moved farther than this, Å (a hop
 *     between neighbouring Li sites is about 2–2.5 Å in the thiophosphates), &gt; 0
 * @param region only (atom, origin) pairs whose atom lies in this slab at the origin (its position wrapped into that frame's cell)
 *     count, in both parts; {@code null} for the whole cell
 * @param axes the Cartesian components of the self part's displacement: {@code xyz} (default), {@code xy}, {@code z}, …; the
 *     self part is then the density of the length of the displacement projected on them (∫ dr = 1 still). The distinct part is
 *     always three-dimensional
 */
public record VanHoveParameters(String species, double[] lagsPs, double[] runFractions, double timestepFs, double rMaxA, double binA,
    double displacedA, int maxDistinctOrigins, Region region, String axes) {

  /** Every time origin in both parts. */
  public VanHoveParameters(String species, double[] lagsPs, double[] runFractions, double timestepFs, double rMaxA, double binA,
      double displacedA) {
    this(species, lagsPs, runFractions, timestepFs, rMaxA, binA, displacedA, 0, null, "xyz");
  }

  /** The default largest distance, Å. */
  public static final double DEFAULT_R_MAX_A = 10.0;
  /** The default bin width, Å. */
  public static final double DEFAULT_BIN_A = 0.1;
  /** The default displacement above which an atom counts as having left its site, Å. */
  public static final double DEFAULT_DISPLACED_A = 2.0;

  public VanHoveParameters {
    if (species == null || species.isBlank()) {
      throw new IllegalArgumentException("the van Hove correlation needs a species, e.g. Li");
    }
    species = org.interphase.core.Elements.spelled(species);
    lagsPs = lagsPs == null ? new double[0] : lagsPs.clone();
    runFractions = runFractions == null ? new double[0] : runFractions.clone();
    if ((lagsPs.length == 0) == (runFractions.length == 0)) {
      throw new IllegalArgumentException("give the van Hove lags either in ps or as fractions of the run, not "
          + (lagsPs.length == 0 ? "neither" : "both"));
    }
    for (double t : lagsPs) {
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException("a van Hove lag must be a time ≥ 0 ps, got " + plain(t) + " ps");
      }
    }
    for (double f : runFractions) {
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException("a van Hove lag as a fraction of the run must lie in (0, 1], got " + f);
      }
    }
    if (!Double.isNaN(timestepFs) && !(timestepFs > 0 && timestepFs < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("the time between frames must be > 0 fs, got " + timestepFs + " fs");
    }
    if (!Double.isNaN(rMaxA) && !(rMaxA > 0 && rMaxA <= 100)) {
      throw new IllegalArgumentException("the largest distance of the van Hove correlation must be > 0 and at most 100 Å, got "
          + plain(rMaxA) + " Å");
    }
    if (!(binA > 0) || (!Double.isNaN(rMaxA) && binA > rMaxA)) {
      throw new IllegalArgumentException("the bin width of the van Hove correlation must be > 0 and at most the largest distance"
          + (Double.isNaN(rMaxA) ? "" : " (" + plain(rMaxA) + " Å)") + ", got " + plain(binA) + " Å");
    }
    if (!Double.isNaN(rMaxA) && Math.ceil(rMaxA / binA - 1e-9) > 1_000_000) {
      throw new IllegalArgumentException("the van Hove correlation up to " + plain(rMaxA) + " Å in bins of " + plain(binA)
          + " Å would need more than a million bins");
    }
    if (maxDistinctOrigins < 0) {
      throw new IllegalArgumentException("the number of origins of the distinct part must be ≥ 0 (0: all), got " + maxDistinctOrigins);
    }
    if (!(displacedA > 0)) {
      throw new IllegalArgumentException("the displacement that counts as leaving a site must be > 0 Å, got " + displacedA + " Å");
    }
    axes = axes == null ? "xyz" : axes.strip().toLowerCase(Locale.ROOT);
    if (axes.isEmpty() || !axes.matches("x?y?z?")) {
      throw new IllegalArgumentException("the van Hove self part's components are some of x, y, z in that order (xyz, xy, z, …), got \""
          + axes + "\"");
    }
  }

  /** Whether the self part's displacement has component {@code d} (0 = x, 1 = y, 2 = z). */
  public boolean hasAxis(int d) {
    return axes.indexOf("xyz".charAt(d)) >= 0;
  }

  /** Lags in ps with the defaults: time step from the files, default range and bins, displaced beyond 2 Å. */
  public static VanHoveParameters of(String species, double... lagsPs) {
    return new VanHoveParameters(species, lagsPs, null, Double.NaN, Double.NaN, DEFAULT_BIN_A, DEFAULT_DISPLACED_A);
  }

  /** Lags as fractions of the run, with the defaults otherwise. */
  public static VanHoveParameters ofRunFractions(String species, double... fractions) {
    return new VanHoveParameters(species, null, fractions, Double.NaN, Double.NaN, DEFAULT_BIN_A, DEFAULT_DISPLACED_A);
  }

  /** These parameters with another range (NaN: the default) and bin width, Å. */
  public VanHoveParameters withRange(double rMax, double bin) {
    return new VanHoveParameters(species, lagsPs, runFractions, timestepFs, rMax, bin, displacedA, maxDistinctOrigins, region, axes);
  }

  /** These parameters with the time between frames, fs (NaN: from the files). */
  public VanHoveParameters withTimestepFs(double dt) {
    return new VanHoveParameters(species, lagsPs, runFractions, dt, rMaxA, binA, displacedA, maxDistinctOrigins, region, axes);
  }

  /**
   * These parameters with the distinct part over at most {@code k} time origins spread evenly over the run
   * (every ⌈origins/k⌉-th; 0: all). The distinct part costs origins × N × neighbours per lag, the self part
   * only origins × N, which keeps every origin.
   */
  public VanHoveParameters withMaxDistinctOrigins(int k) {
    return new VanHoveParameters(species, lagsPs, runFractions, timestepFs, rMaxA, binA, displacedA, k, region, axes);
  }

  /** These parameters for the atoms in a slab at each origin ({@code null}: the whole cell). */
  public VanHoveParameters withRegion(Region r) {
    return new VanHoveParameters(species, lagsPs, runFractions, timestepFs, rMaxA, binA, displacedA, maxDistinctOrigins, r, axes);
  }

  /** These parameters with the self part along other components ({@code xyz}, {@code xy}, {@code z}, …). */
  public VanHoveParameters withAxes(String a) {
    return new VanHoveParameters(species, lagsPs, runFractions, timestepFs, rMaxA, binA, displacedA, maxDistinctOrigins, region, a);
  }

  /** The lags in ps (a copy; empty when given as fractions of the run). */
  @Override
  public double[] lagsPs() {
    return lagsPs.clone();
  }

  /** The lags as fractions of the run (a copy; empty when given in ps). */
  @Override
  public double[] runFractions() {
    return runFractions.clone();
  }

  /**
   * Splits {@code "0.5,1,2"} into lags in ps.
   *
   * @throws IllegalArgumentException naming the part that is not a number, or for no lag at all
   */
  public static double[] parseLags(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("give the van Hove lags in ps, e.g. 0.5,1,2");
    }
    String[] parts = t.split(",", -1);
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the van Hove lags are times in ps separated by commas, e.g. 0.5,1,2; \"" + parts[i].strip()
            + "\" is not a number");
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VanHoveParameters p && species.equals(p.species) && Arrays.equals(lagsPs, p.lagsPs)
        && Arrays.equals(runFractions, p.runFractions) && Double.compare(timestepFs, p.timestepFs) == 0
        && Double.compare(rMaxA, p.rMaxA) == 0 && Double.compare(binA, p.binA) == 0 && Double.compare(displacedA, p.displacedA) == 0
        && maxDistinctOrigins == p.maxDistinctOrigins && java.util.Objects.equals(region, p.region) && axes.equals(p.axes);
  }

  @Override
  public int hashCode() {
    return species.hashCode() * 31 + Arrays.hashCode(lagsPs) * 17 + Arrays.hashCode(runFractions);
  }

  @Override
  public String toString() {
    String lags = lagsPs.length > 0 ? Arrays.stream(lagsPs).mapToObj(VanHoveParameters::plain).reduce((a, b) -> a + ", " + b).get() + " ps"
        : Arrays.stream(runFractions).mapToObj(f -> plain(100 * f) + " %").reduce((a, b) -> a + ", " + b).get() + " of the run";
    return String.format(Locale.ROOT, "%s van Hove correlation at %s, r < %s Å in bins of %s Å", species, lags,
        Double.isNaN(rMaxA) ? "default" : plain(rMaxA), plain(binA));
  }

  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
  }
}
