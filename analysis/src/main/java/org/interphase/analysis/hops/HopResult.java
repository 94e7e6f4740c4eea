package org.interphase.analysis.hops;

import java.util.List;
import org.interphase.core.Warning;

/**
 * What {@link HopAnalysis} found. Arrays per site are indexed like {@code sites}, arrays per type like {@code types}; the
 * accessors return copies.
 *
 * @param parameters what was asked
 * @param atoms atoms of the mobile species
 * @param frames frames used
 * @param timestepFs time between frames, fs
 * @param sites the sites (fractional positions, type)
 * @param positionsA the sites' Cartesian positions in the first frame's cell, Å, {@code [site][3]}
 * @param occupancy per site the mean number of atoms in it per frame
 * @param hops the hops in order of frame
 * @param types the site types, in order of first appearance among the sites
 * @param ratesPerPs per type: hops out of sites of that type per ps of atom time spent in them (1/ps)
 * @param residencePs per type: mean completed stay (from the hop in to the hop out), ps; NaN when none completed
 * @param residenceCounts per type: number of completed stays
 * @param transitions hop counts {@code [from type][to type]}
 * @param dJumpCm2S jump diffusion coefficient Σ l² / (6 N t), cm²/s
 * @param dTracerCm2S tracer D from the MSD of the same atoms, cm²/s; NaN when not computed
 * @param warnings what the user should know
 */
public record HopResult(HopParameters parameters, int atoms, int frames, double timestepFs, List<Site> sites, double[][] positionsA,
    double[] occupancy, List<HopEvent> hops, List<String> types, double[] ratesPerPs, double[] residencePs, int[] residenceCounts,
    int[][] transitions, double dJumpCm2S, double dTracerCm2S, List<Warning> warnings) {

  public HopResult {
    sites = List.copyOf(sites);
    hops = List.copyOf(hops);
    types = List.copyOf(types);
    positionsA = deep(positionsA);
    occupancy = occupancy.clone();
    ratesPerPs = ratesPerPs.clone();
    residencePs = residencePs.clone();
    residenceCounts = residenceCounts.clone();
    transitions = deep(transitions);
    warnings = List.copyOf(warnings);
  }

  /** Kinds of doubt about a hop analysis. */
  public enum Doubt implements Warning.Kind {
    /** some atoms were never within r_in of a site */
    UNASSIGNED,
    /** no hop was seen */
    NO_HOPS,
    /** the MSD behind the tracer D has a doubt */
    TRACER
  }

  private static double[][] deep(double[][] a) {
    double[][] o = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      o[i] = a[i].clone();
    }
    return o;
  }

  private static int[][] deep(int[][] a) {
    int[][] o = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      o[i] = a[i].clone();
    }
    return o;
  }

  /** Duration of the run, (frames − 1) × time step, ps. */
  public double durationPs() {
    return Math.max(0, frames - 1) * timestepFs / 1000.0;
  }

  /** Hops per atom per ps: hops / (N t). */
  public double ratePerAtomPs() {
    return durationPs() > 0 ? hops.size() / (atoms * durationPs()) : Double.NaN;
  }

  /** f = D_tracer / D_jump (NaN without a tracer D or without hops). */
  public double correlationFactor() {
    return dJumpCm2S > 0 ? dTracerCm2S / dJumpCm2S : Double.NaN;
  }

  @Override
  public double[][] positionsA() {
    return deep(positionsA);
  }

  @Override
  public double[] occupancy() {
    return occupancy.clone();
  }

  @Override
  public double[] ratesPerPs() {
    return ratesPerPs.clone();
  }

  @Override
  public double[] residencePs() {
    return residencePs.clone();
  }

  @Override
  public int[] residenceCounts() {
    return residenceCounts.clone();
  }

  @Override
  public int[][] transitions() {
    return deep(transitions);
  }

  /** The warnings' texts, in order. */
  public List<String> warningTexts() {
    return warnings.stream().map(Warning::text).toList();
  }
}
