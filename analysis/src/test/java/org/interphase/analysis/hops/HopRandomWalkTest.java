package org.interphase.analysis.hops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/**
 * A lattice random walk with a known hop rate: Li on a simple cubic lattice of sites (spacing a = 3 Å, 8 × 8 × 8 sites in a
 * 24 Å cube), each atom hopping to one of its 6 neighbours, chosen at random, with probability p = k·Δt per frame, and
 * rattling around its site every frame with a Gaussian of σ = 0.3 Å per axis.
 *
 * <p>Conventions: k is the total hop rate of one atom (to any neighbour), k/6 the rate to one given neighbour; in 3-D
 * D = k a² / 6 = a² (k/6), the rate per neighbour times a². D_jump = Σ l² / (6 N t) estimates exactly this.
 */
class HopRandomWalkTest {
  static final double A = 3.0;
  static final int SIDE = 8;
  private static final int[][] NEIGHBOURS = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};

  /**
   * The walk: frames fed straight into the accumulator (none kept here); returns the true number of hops made. The atoms
   * start one per site when there are {@code SIDE³} of them, else on random sites.
   */
  static int walk(HopAnalysis.Accumulator acc, int atoms, int frames, double dtFs, double p, double sigmaA, long seed) {
    Random rnd = new Random(seed);
    Cell cell = Cell.orthorhombic(A * SIDE, A * SIDE, A * SIDE);
    int[][] site = new int[atoms][3];
    for (int i = 0; i < atoms; i++) {
      for (int d = 0; d < 3; d++) {
        // one atom per site when there are as many atoms as sites, else anywhere
        site[i][d] = atoms == SIDE * SIDE * SIDE ? (i / (d == 0 ? SIDE * SIDE : d == 1 ? SIDE : 1)) % SIDE : rnd.nextInt(SIDE);
      }
    }
    int hops = 0;
    for (int f = 0; f < frames; f++) {
      double[] pos = new double[3 * atoms];
      for (int i = 0; i < atoms; i++) {
        if (f > 0 && rnd.nextDouble() < p) {
          int[] n = NEIGHBOURS[rnd.nextInt(6)];
          for (int d = 0; d < 3; d++) {
            site[i][d] = Math.floorMod(site[i][d] + n[d], SIDE);
          }
          hops++;
        }
        for (int d = 0; d < 3; d++) {
          pos[3 * i + d] = site[i][d] * A + sigmaA * rnd.nextGaussian();
        }
      }
      acc.accept(new Frame(f, f * dtFs, cell, pos, null, null, null));
    }
    return hops;
  }

  static TrajectoryHeader header(int atoms, double dtFs) {
    String[] el = new String[atoms];
    Arrays.fill(el, "Li");
    return new TrajectoryHeader("random-walk", "t", "t", AtomTable.of(el), Cell.orthorhombic(A * SIDE, A * SIDE, A * SIDE), dtFs, false,
        List.of());
  }

  /** The sites of the lattice, given as a reference (type "Li"). */
  static List<Site> latticeSites() {
    List<Site> s = new ArrayList<>();
    for (int x = 0; x < SIDE; x++) {
      for (int y = 0; y < SIDE; y++) {
        for (int z = 0; z < SIDE; z++) {
          s.add(new Site(new double[] {(double) x / SIDE, (double) y / SIDE, (double) z / SIDE}, "Li"));
        }
      }
    }
    return s;
  }

  /**
   * 200 atoms × 20 000 frames of 10 fs, p = 0.005 per frame: k = 0.5 /ps, about 20 000 hops, so the counting error is
   * 1/√20 000 ≈ 0.7 % and 3 % is over 4 standard errors. A hop followed by another within the 2-frame dwell is seen as one
   * (a bias of about −p = −0.5 %). Radii 1.0 / 1.6 Å: rattling (σ = 0.3 Å) leaves a site only beyond 5σ.
   */
  @Test
  void rateAndJumpDiffusionMatchTheWalk() {
    int atoms = 200;
    int frames = 20_000;
    double dtFs = 10;
    double p = 0.005;
    HopParameters hp = HopParameters.of("Li").withSites(latticeSites()).withHysteresis(1.0, 1.6, 2).withTracer(false);
    HopAnalysis.Accumulator acc = new HopAnalysis(hp).start(header(atoms, dtFs));
    int made = walk(acc, atoms, frames, dtFs, p, 0.3, 42);
    HopResult r = acc.finish();
    double kTruePerPs = p / (dtFs / 1000);
    double measured = r.ratePerAtomPs();
    double dAnalytic = A * A * (kTruePerPs / 6) * 1e-4; // Å²/ps → cm²/s
    System.out.printf(java.util.Locale.ROOT, "random walk: %d hops made, %d counted; rate %.4f /ps vs k = %.4f /ps (%+.2f %%); "
        + "D_jump %.4e vs a²k/6 = %.4e cm²/s%n", made, r.hops().size(), measured, kTruePerPs, 100 * (measured / kTruePerPs - 1),
        r.dJumpCm2S(), dAnalytic);
    assertEquals(kTruePerPs, measured, 0.03 * kTruePerPs);
    assertEquals(kTruePerPs, r.ratesPerPs()[0], 0.03 * kTruePerPs, "rate out of the one site type");
    assertEquals(dAnalytic, r.dJumpCm2S(), 0.03 * dAnalytic);
    assertEquals(1.0 / kTruePerPs, r.residencePs()[0], 0.05 / kTruePerPs, "mean stay 1/k");
    assertEquals(List.of("Li"), r.types());
    assertEquals(r.hops().size(), r.transitions()[0][0]);
    long single = r.hops().stream().filter(h -> Math.abs(h.distanceA() - A) < 1e-9).count();
    assertTrue(single > 0.98 * r.hops().size(), "nearly every hop is one lattice step: " + single + " of " + r.hops().size());
    for (HopEvent h : r.hops()) {
      double n = h.distanceA() * h.distanceA() / (A * A);
      assertEquals(Math.rint(n), n, 1e-9, "a hop between lattice sites (two hops within the dwell are seen as one): " + h);
    }
  }

  /**
   * Rattling large but within r_out never leaves the site: atoms uniform in a ball of 1.85 Å around their site, r_in 1.5 Å,
   * r_out 1.9 Å, so they come closer to a neighbouring site (3 Å away) than r_in — and than to their own — yet make no hop.
   * A single cutoff (1.5 / 1.5 Å, no dwell) counts hops in the same frames, so the test can fail. Every fifth frame puts the atoms
   * on the rim, but not the first: there an atom has no history and goes to the nearest site.
   */
  @Test
  void rattlingInsideOneSiteIsNoHop() {
    int atoms = 20;
    int frames = 2000;
    HopResult hysteresis = rattle(HopParameters.of("Li").withSites(latticeSites()).withHysteresis(1.5, 1.9, 3).withTracer(false),
        atoms, frames);
    HopResult single = rattle(HopParameters.of("Li").withSites(latticeSites()).withHysteresis(1.5, 1.5, 1).withTracer(false),
        atoms, frames);
    System.out.printf(java.util.Locale.ROOT, "rattling in one site: %d hops with r_in/r_out 1.5/1.9 Å and a 3-frame dwell, %d with "
        + "one cutoff of 1.5 Å%n", hysteresis.hops().size(), single.hops().size());
    assertEquals(0, hysteresis.hops().size());
    assertTrue(single.hops().size() > 10, "a single cutoff counts rattling as hops: " + single.hops().size());
    assertEquals(0.0, hysteresis.ratePerAtomPs(), 0.0);
    assertEquals(0.0, hysteresis.dJumpCm2S(), 0.0);
  }

  private static HopResult rattle(HopParameters hp, int atoms, int frames) {
    HopAnalysis.Accumulator acc = new HopAnalysis(hp).start(header(atoms, 10));
    Random rnd = new Random(7);
    Cell cell = Cell.orthorhombic(A * SIDE, A * SIDE, A * SIDE);
    for (int f = 0; f < frames; f++) {
      double[] pos = new double[3 * atoms];
      for (int i = 0; i < atoms; i++) {
        double[] v;
        do {
          v = new double[] {2 * rnd.nextDouble() - 1, 2 * rnd.nextDouble() - 1, 2 * rnd.nextDouble() - 1};
        } while (v[0] * v[0] + v[1] * v[1] + v[2] * v[2] > 1);
        double radius = f % 5 == 1 ? 1.85 / Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) : 1.85; // rim: not frame 0
        for (int d = 0; d < 3; d++) {
          pos[3 * i + d] = (i % SIDE) * A + A + radius * v[d];
        }
      }
      acc.accept(new Frame(f, f * 10.0, cell, pos, null, null, null));
    }
    return acc.finish();
  }

  /**
   * The tracer D from the MSD of an uncorrelated walk equals D_jump (f = 1): 100 atoms × 5000 frames of 10 fs, p = 0.01,
   * about 5000 hops; f within 15 % of 1 (the MSD of 100 walkers over 50 ps is that noisy).
   */
  @Test
  void correlationFactorOfARandomWalkIsOne() {
    HopParameters hp = HopParameters.of("Li").withSites(latticeSites()).withHysteresis(1.0, 1.6, 2);
    HopAnalysis.Accumulator acc = new HopAnalysis(hp).start(header(100, 10));
    walk(acc, 100, 5000, 10, 0.01, 0.3, 11);
    HopResult r = acc.finish();
    System.out.printf(java.util.Locale.ROOT, "random walk: D_jump %.4e, D_tracer %.4e cm²/s, f = %.3f%n", r.dJumpCm2S(), r.dTracerCm2S(),
        r.correlationFactor());
    assertEquals(1.0, r.correlationFactor(), 0.15);
  }
}
