package org.interphase.analysis.hops;

import java.util.List;
import java.util.Locale;

/**
 * What {@link HopAnalysis} computes. Validated on construction.
 *
 * @param species the mobile element (or kind label), e.g. {@code Li}
 * @param sites the sites, or {@code null} to find them from the time-averaged density of the species ({@link SiteFinder})
 * @param enterA an atom enters a site when it comes closer than this to it, Å (r_in, &gt; 0)
 * @param leaveA it leaves its site only when farther than this from it, Å (r_out ≥ r_in)
 * @param minFrames a change of site counts only once the atom has stayed this many consecutive frames in the new site (≥ 1),
 *     dated at the first of them; as the dwell of bond events
 * @param gridA voxel edge of the density grid for finding sites, Å (&gt; 0)
 * @param smoothA standard deviation of the Gaussian that smooths the density, Å (≥ 0; 0 = no smoothing)
 * @param mergeA density maxima closer than this are one site (the denser one is kept), Å (≥ 0)
 * @param minDensityRatio a density maximum is a site when the smoothed density there is at least this many times the mean
 *     number density of the species (&gt; 0)
 * @param tracer whether to compute the tracer D from the MSD beside D_jump (keeps 3 doubles per atom per frame)
 * @param coordinationA sites found from the density are typed by the anions (N, O, F, S, Cl, Se, Br, Te, I) whose time-averaged
 *     positions lie within this distance, Å, e.g. {@code S3Cl}; 0 = no typing (every such site is of type {@code site}) (≥ 0)
 */
public record HopParameters(String species, List<Site> sites, double enterA, double leaveA, int minFrames, double gridA, double smoothA,
    double mergeA, double minDensityRatio, boolean tracer, double coordinationA) {

  /** Default r_in, Å: below half the shortest Li–Li site distance in Li6PS5Cl (48h–48h ≈ 1.9 Å). */
  public static final double DEFAULT_ENTER_A = 0.8;
  /** Default r_out, Å: past the midpoint between the closest sites, so rattling at the midpoint is no hop. */
  public static final double DEFAULT_LEAVE_A = 1.3;
  /** Default dwell, frames (as bond events). */
  public static final int DEFAULT_MIN_FRAMES = 3;
  /** Default density voxel, Å. */
  public static final double DEFAULT_GRID_A = 0.25;
  /** Default smoothing, Å. */
  public static final double DEFAULT_SMOOTH_A = 0.3;
  /** Default merge distance, Å. */
  public static final double DEFAULT_MERGE_A = 1.0;
  /** Default density threshold, times the mean density. */
  public static final double DEFAULT_MIN_DENSITY_RATIO = 3.0;

  /**
   * Default anion coordination radius, Å: past the first Li–S and Li–Cl shells of lithium thiophosphates and argyrodites
   * (2.4–2.7 Å), before the first minimum of their g(r) (≈ 3.2 Å).
   */
  public static final double DEFAULT_COORDINATION_A = 3.0;

  public HopParameters {
    if (species == null || species.isBlank()) {
      throw new IllegalArgumentException("a mobile species is required, e.g. Li");
    }
    species = org.interphase.core.Elements.spelled(species);
    sites = sites == null ? null : List.copyOf(sites);
    if (sites != null && sites.isEmpty()) {
      throw new IllegalArgumentException("the reference structure has no sites");
    }
    if (!(enterA > 0) || !(leaveA >= enterA)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "site radii need 0 < enter ≤ leave, got enter %s Å, leave %s Å",
          enterA, leaveA));
    }
    if (minFrames < 1) {
      throw new IllegalArgumentException("the minimum dwell in a new site must be at least 1 frame, got " + minFrames);
    }
    if (!(gridA > 0) || !(smoothA >= 0) || !(mergeA >= 0) || !(minDensityRatio > 0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "site finding needs grid > 0 Å, smoothing ≥ 0 Å, merge ≥ 0 Å and a "
          + "density ratio > 0, got %s Å, %s Å, %s Å, %s", gridA, smoothA, mergeA, minDensityRatio));
    }
    if (!(coordinationA >= 0)) {
      throw new IllegalArgumentException("the coordination radius of a site must be ≥ 0 Å, got " + coordinationA);
    }
  }

  /** Sites from the density, default radii, dwell and site finding, with the tracer D. */
  public static HopParameters of(String species) {
    return new HopParameters(species, null, DEFAULT_ENTER_A, DEFAULT_LEAVE_A, DEFAULT_MIN_FRAMES, DEFAULT_GRID_A, DEFAULT_SMOOTH_A,
        DEFAULT_MERGE_A, DEFAULT_MIN_DENSITY_RATIO, true, DEFAULT_COORDINATION_A);
  }

  /** These parameters with the given sites ({@code null}: from the density). */
  public HopParameters withSites(List<Site> s) {
    return new HopParameters(species, s, enterA, leaveA, minFrames, gridA, smoothA, mergeA, minDensityRatio, tracer, coordinationA);
  }

  /** These parameters with other site radii (Å) and dwell (frames). */
  public HopParameters withHysteresis(double enter, double leave, int frames) {
    return new HopParameters(species, sites, enter, leave, frames, gridA, smoothA, mergeA, minDensityRatio, tracer, coordinationA);
  }

  /** These parameters with or without the tracer D. */
  public HopParameters withTracer(boolean t) {
    return new HopParameters(species, sites, enterA, leaveA, minFrames, gridA, smoothA, mergeA, minDensityRatio, t, coordinationA);
  }

  /** These parameters with another coordination radius for typing density sites, Å (0: no typing). */
  public HopParameters withCoordination(double radiusA) {
    return new HopParameters(species, sites, enterA, leaveA, minFrames, gridA, smoothA, mergeA, minDensityRatio, tracer, radiusA);
  }

  /** Whether the sites are found from the density. */
  public boolean autoSites() {
    return sites == null;
  }
}
