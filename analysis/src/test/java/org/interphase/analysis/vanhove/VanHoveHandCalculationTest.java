package org.interphase.analysis.vanhove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.special.Erf;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MissingParameterException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.junit.jupiter.api.Test;

/** The van Hove correlation of generated trajectories whose answer is known: straight lines, a random walk, an ideal gas. */
class VanHoveHandCalculationTest {
  /** A triclinic cell; its smallest perpendicular width is 13.9 Å. */
  private static final Cell SKEWED = Cell.ofRows(new double[] {15, 0, 0, 2, 14, 0, 1, 1.5, 16});

  static TrajectoryHeader header(AtomTable atoms, Cell cell, double dtFs) {
    return new TrajectoryHeader("generated", "test", "test", atoms, cell, dtFs, false, List.of());
  }

  static VanHoveResult run(VanHoveParameters p, TrajectoryHeader h, List<Frame> frames) {
    VanHove.Accumulator acc = new VanHove(p).start(h);
    frames.forEach(acc);
    return acc.finish();
  }

  /** Positions wrapped into the cell, so that the analysis must unwrap them. */
  static double[] wrap(Cell c, double[] pos) {
    double[] f = c.toFractional(pos, new double[pos.length]);
    for (int i = 0; i < f.length; i++) {
      f[i] -= Math.floor(f[i]);
    }
    return c.toCartesian(f, f);
  }

  private static AtomTable table(String el, int n, String other, int m) {
    String[] e = new String[n + m];
    Arrays.fill(e, 0, n, el);
    Arrays.fill(e, n, n + m, other);
    return AtomTable.of(e);
  }

  /** {@code frames} frames {@code dtFs} apart of atoms moving along {@code velocity} (Å/fs, flat), wrapped into the cell. */
  private static List<Frame> straightLines(Cell cell, double[] start, double[] velocity, int frames, double dtFs) {
    List<Frame> out = new ArrayList<>();
    for (int t = 0; t < frames; t++) {
      double[] p = new double[start.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = start[i] + velocity[i] * t * dtFs;
      }
      out.add(new Frame(t, t * dtFs, cell, wrap(cell, p), null, null, null));
    }
    return out;
  }

  private static Set<Warning.Kind> kinds(VanHoveResult r) {
    return r.warnings().stream().map(Warning::kind).collect(Collectors.toSet());
  }

  /**
   * Six Li moving in six directions at 0.01325 Å/fs among 20 resting S, 10 fs between frames, in a
   * skewed cell: over 0.2 ps every Li has moved 2.65 Å and over 0.5 ps 6.625 Å, the centres of the
   * bins [2.6, 2.7) and [6.6, 6.7). 4πr²G_s is a single peak there, of height 1/Δ (∫ dr = 1); at lag 0
   * all displacements are 0. The default range is 10 Å, that of the distinct part half the cell's
   * smallest perpendicular width, in whole bins.
   */
  @Test
  void constantVelocityIsOnePeakAtVt() {
    double speed = 0.01325;
    double[][] dirs = {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}, {1, 1, 0}, {-1, 2, 2}, {3, -4, 12}};
    int li = dirs.length;
    Random rnd = new Random(1);
    double[] start = new double[3 * (li + 20)];
    double[] v = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      start[i] = 14 * rnd.nextDouble();
    }
    for (int k = 0; k < li; k++) {
      double n = Math.sqrt(dirs[k][0] * dirs[k][0] + dirs[k][1] * dirs[k][1] + dirs[k][2] * dirs[k][2]);
      for (int d = 0; d < 3; d++) {
        v[3 * k + d] = speed * dirs[k][d] / n;
      }
    }
    VanHoveResult r = run(VanHoveParameters.of("Li", 0, 0.2, 0.5), header(table("Li", li, "S", 20), SKEWED, 10),
        straightLines(SKEWED, start, v, 80, 10));
    double half = 0.5 * Arrays.stream(SKEWED.perpendicularWidthsA()).min().getAsDouble();
    assertEquals(10, r.rMaxA(), 0.0);
    assertEquals(Math.floor(half * 10) / 10, r.distinctRMaxA(), 1e-12, "default distinct range: half the cell in whole bins of 0.1 Å");
    assertEquals(0.1, r.binA(), 1e-12);
    assertEquals(69, Arrays.stream(r.gDistinct(1)).filter(Double::isFinite).count(), "G_d to 6.9 Å, NaN beyond");
    assertArrayEquals(new int[] {0, 20, 50}, r.lagFrames());
    assertArrayEquals(new int[] {80, 60, 30}, r.origins());
    double[] expected = {0.0, 2.65, 6.625};
    for (int i = 0; i < 3; i++) {
      double[] g = r.gSelf(i);
      int peak = (int) Math.floor(expected[i] / 0.1);
      for (int k = 0; k < g.length; k++) {
        assertEquals(k == peak ? 1 / r.binA() : 0.0, g[k], 1e-9, "lag " + r.lagsPs()[i] + " ps, bin " + k);
      }
      assertEquals(expected[i], r.meanDisplacementA()[i], 1e-9, "every Li moved v·t");
      assertEquals(i == 0 ? 0.0 : 1.0, r.displacedFraction()[i], 0.0, "beyond 2 Å after 0.2 ps");
    }
    assertEquals("all atoms not Li {S=20}", r.driftReference());
    assertTrue(r.warnings().isEmpty(), r.warningTexts().toString());
  }

  /** The probability that a 3-D Gaussian displacement of variance s² per axis is shorter than r (Maxwell distribution). */
  private static double maxwellCdf(double r, double s) {
    double x = r / s;
    return Erf.erf(x / Math.sqrt(2)) - Math.sqrt(2 / Math.PI) * x * Math.exp(-x * x / 2);
  }

  /**
   * 3000 Li on independent Gaussian random walks (σ = 0.1 Å per axis and frame) from uniformly random
   * starts in a 60 Å box: after m = 25 frames the displacement is Gaussian with s² = m σ² per axis, so
   * 4πr²G_s is the Maxwell density 4πr² (2πs²)^(−3/2) exp(−r²/2s²); each bin is compared with its
   * integral over the bin, (F(r_k+1) − F(r_k)) / Δ. The 825 000 displacements come from overlapping
   * windows of 3000 walks, so their statistical error near the peak is about 1 % of its height (1.3 %
   * is found); 4 % is allowed. The mean |Δr| is 2s√(2/π). Non-interacting walkers are an ideal gas:
   * G_d = 1, here within the fluctuation of the one random starting configuration, which the walks
   * renew only slowly (other seeds give 2 % off over 1–3 Å, up to 8 % below 1 Å).
   */
  @Test
  void gaussianRandomWalkGivesTheMaxwellDensity() {
    int n = 3000;
    int frames = 300;
    double sigma = 0.1;
    Cell cell = Cell.orthorhombic(60, 60, 60);
    Random rnd = new Random(7);
    double[] p = new double[3 * n];
    for (int i = 0; i < p.length; i++) {
      p[i] = 60 * rnd.nextDouble();
    }
    List<Frame> out = new ArrayList<>();
    for (int t = 0; t < frames; t++) {
      out.add(new Frame(t, 10.0 * t, cell, wrap(cell, p), null, null, null));
      for (int i = 0; i < p.length; i++) {
        p[i] += sigma * rnd.nextGaussian();
      }
    }
    VanHoveResult r = run(VanHoveParameters.of("Li", 0.25).withRange(3, 0.05), header(table("Li", n, "S", 0), cell, 10), out);
    double s = Math.sqrt(25) * sigma;
    double[] g = r.gSelf(0);
    double[] rA = r.rA();
    double peak = 4 * Math.PI * 2 * s * s * Math.pow(2 * Math.PI * s * s, -1.5) * Math.exp(-1);
    double integral = r.selfBeyondRMax()[0];
    for (int k = 0; k < g.length; k++) {
      double lo = k * r.binA();
      double expected = (maxwellCdf(lo + r.binA(), s) - maxwellCdf(lo, s)) / r.binA();
      assertEquals(expected, g[k], 0.04 * peak, "4πr²G_s at " + rA[k] + " Å");
      integral += g[k] * r.binA();
    }
    assertEquals(1.0, integral, 1e-12, "∫ 4πr²G_s dr = 1 with the share beyond r_max");
    assertEquals(2 * s * Math.sqrt(2 / Math.PI), r.meanDisplacementA()[0], 0.005 * s);
    double[] gd = r.gDistinct(0);
    for (int k = 20; k < gd.length; k++) {
      assertEquals(1.0, gd[k], 0.15, "ideal gas: G_d at " + rA[k] + " Å");
    }
    assertEquals(1.0, Arrays.stream(gd, 20, gd.length).average().getAsDouble(), 0.05);
    assertEquals(Set.of(VanHoveResult.Doubt.NO_DRIFT_REFERENCE), kinds(r));
  }

  /**
   * An ideal gas: 150 atoms placed anew, uniformly at random, in every frame of a skewed cell. Atom
   * pairs are uncorrelated at every lag, so G_d = 1 at every r — also beyond half the cell (7.0 Å),
   * where the distinct part counts two images of some atoms, since no image of an atom itself is a
   * distinct pair. The average over 2–9 Å of 140 origins is within 1 % (its counting error is 0.1 %),
   * each bin beyond 3 Å within 5 % (its counting error is below 1 %).
   */
  @Test
  void idealGasHasDistinctPartOneAtEveryRange() {
    int n = 150;
    Random rnd = new Random(11);
    List<Frame> frames = new ArrayList<>();
    for (int t = 0; t < 150; t++) {
      double[] f = new double[3 * n];
      for (int i = 0; i < f.length; i++) {
        f[i] = rnd.nextDouble();
      }
      frames.add(new Frame(t, 100.0 * t, SKEWED, SKEWED.toCartesian(f, f), null, null, null));
    }
    VanHoveResult r = run(VanHoveParameters.of("Li", 0, 1).withRange(9, 0.1), header(table("Li", n, "S", 0), SKEWED, 100), frames);
    assertTrue(kinds(r).contains(VanHoveResult.Doubt.BEYOND_HALF_CELL), r.warningTexts().toString());
    for (int i = 0; i < 2; i++) {
      double[] gd = r.gDistinct(i);
      for (int k = 30; k < gd.length; k++) {
        assertEquals(1.0, gd[k], 0.05, "lag " + r.lagsPs()[i] + " ps, G_d at " + r.rA()[k] + " Å");
      }
      assertEquals(1.0, Arrays.stream(gd, 20, gd.length).average().getAsDouble(), 0.01, "lag " + r.lagsPs()[i] + " ps");
    }
  }

  /**
   * The distinct part over every k-th origin only: on frames that repeat with period 3, origins 0, 3, 6, … all see the
   * same pair of frames, so the distinct part equals that of origin 0 alone, while the self part keeps every origin.
   */
  @Test
  void distinctPartOverEveryKthOrigin() {
    int n = 40;
    Random rnd = new Random(4);
    double[][] three = new double[3][];
    for (int j = 0; j < 3; j++) {
      double[] f = new double[3 * n];
      for (int i = 0; i < f.length; i++) {
        f[i] = rnd.nextDouble();
      }
      three[j] = SKEWED.toCartesian(f, f);
    }
    List<Frame> frames = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      frames.add(new Frame(t, 100.0 * t, SKEWED, three[t % 3].clone(), null, null, null));
    }
    VanHoveParameters p = VanHoveParameters.of("Li", 0.1).withRange(6, 0.1);
    VanHoveResult all = run(p, header(table("Li", n, "S", 0), SKEWED, 100), frames);
    VanHoveResult strided = run(p.withMaxDistinctOrigins(10), header(table("Li", n, "S", 0), SKEWED, 100), frames);
    VanHoveResult originZero = run(p, header(table("Li", n, "S", 0), SKEWED, 100), frames.subList(0, 2));
    assertArrayEquals(all.gSelf(0), strided.gSelf(0), 0, "the self part keeps every origin");
    assertArrayEquals(originZero.gDistinct(0), strided.gDistinct(0), 1e-12, "29 origins, every 3rd: 0, 3, …, 27");
    assertThrows(IllegalArgumentException.class, () -> p.withMaxDistinctOrigins(-1));
  }

  /** One Li moving 0.1 Å per 100 fs frame along x, 21 frames (2 ps), no framework. */
  private static VanHoveResult oneLi(VanHoveParameters p) {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    return run(p, header(AtomTable.of("Li"), cell, 100), straightLines(cell, new double[] {1, 1, 1}, new double[] {0.001, 0, 0}, 21, 100));
  }

  /**
   * Lags are rounded to the nearest frame and reported as used; two that round to the same frame are
   * computed once, a lag below half a frame is lag 0, each with a warning; a single atom has a self
   * part and no distinct part.
   */
  @Test
  void lagsRoundToWholeFrames() {
    VanHoveResult r = oneLi(VanHoveParameters.of("Li", 0.26, 0.3, 0.04, 2.0));
    assertArrayEquals(new double[] {0.26, 0.04, 2.0}, r.lagsRequestedPs(), 0.0);
    assertArrayEquals(new int[] {3, 0, 20}, r.lagFrames());
    assertArrayEquals(new double[] {0.3, 0.0, 2.0}, r.lagsPs(), 1e-12);
    assertArrayEquals(new int[] {18, 21, 1}, r.origins());
    assertEquals(0.3, r.meanDisplacementA()[0], 1e-12);
    assertTrue(Double.isNaN(r.gDistinct(0)[5]), "no distinct part for one atom");
    List<String> w = r.warningTexts();
    assertTrue(w.contains("the lags 0.26 ps and 0.3 ps both round to 3 frames (0.3 ps): computed once"), w.toString());
    assertTrue(w.contains("the lag 0.04 ps is less than half the time between frames (100 fs): computed at 0 ps, where the distinct "
        + "part is g(r)"), w.toString());
    assertTrue(kinds(r).contains(VanHoveResult.Doubt.SINGLE_ATOM));
  }

  /** Fractions of the run (the report's lags) become times rounded to two digits, then to frames: 10, 25, 50 % of 13.9 ps. */
  @Test
  void runFractionsRoundToTwoDigits() {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    List<Frame> frames = straightLines(cell, new double[] {1, 1, 1, 5, 5, 5}, new double[] {0.0001, 0, 0, 0, 0.0001, 0}, 140, 100);
    VanHoveResult r = run(VanHoveParameters.ofRunFractions("Li", 0.1, 0.25, 0.5), header(AtomTable.of("Li", "Li"), cell, 100), frames);
    assertArrayEquals(new double[] {1.4, 3.5, 7.0}, r.lagsRequestedPs(), 0.0);
    assertArrayEquals(new int[] {14, 35, 70}, r.lagFrames());
  }

  /** What cannot be computed is one message in the analysis' terms. */
  @Test
  void refusals() {
    IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> oneLi(VanHoveParameters.of("Li", 1, 2.5)));
    assertEquals("the van Hove lag 2.5 ps is beyond the run: its 21 frames 100 fs apart span 2 ps", beyond.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> VanHoveParameters.of("Li", 1, -0.5));
    assertEquals("a van Hove lag must be a time ≥ 0 ps, got -0.5 ps", negative.getMessage());
    IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> VanHoveParameters.parseLags("0.5,one"));
    assertTrue(word.getMessage().endsWith("\"one\" is not a number"), word.getMessage());
    Cell cell = Cell.orthorhombic(20, 20, 20);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> new VanHove(VanHoveParameters.of("Na", 1)).start(header(AtomTable.of("Li", "S"), cell, 100)));
    assertEquals("no Na atoms in generated (it has Li, S)", none.getMessage());
    MissingParameterException dt = assertThrows(MissingParameterException.class,
        () -> new VanHove(VanHoveParameters.of("Li", 1)).start(header(AtomTable.of("Li", "S"), cell, Double.NaN)));
    assertEquals("timestepFs", dt.parameter());
  }

  /** With the trajectory in a temporary file (a tiny memory limit) the result is the same as in memory, and the file is gone. */
  @Test
  void spilledTrajectoryGivesTheSameResult() throws java.io.IOException {
    Random rnd = new Random(5);
    double[] start = new double[3 * 12];
    double[] v = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      start[i] = 14 * rnd.nextDouble();
      v[i] = 0.002 * rnd.nextGaussian();
    }
    // more frames than a tile of the temporary file (8192 rows of this width): origins read rows across the tile's end
    List<Frame> frames = straightLines(SKEWED, start, v, 9000, 10);
    VanHoveParameters p = VanHoveParameters.of("Li", 0, 0.5, 81).withRange(8, 0.2);
    TrajectoryHeader h = header(table("Li", 8, "S", 4), SKEWED, 10);
    VanHoveResult memory = run(p, h, frames);
    System.setProperty("interphase.msdSpillBytes", "20000");
    VanHoveResult spilled;
    try {
      spilled = run(p, h, frames);
    } finally {
      System.clearProperty("interphase.msdSpillBytes");
    }
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(memory.gSelf(i), spilled.gSelf(i), 0.0);
      assertArrayEquals(memory.gDistinct(i), spilled.gDistinct(i), 0.0);
    }
    assertArrayEquals(memory.meanDisplacementA(), spilled.meanDisplacementA(), 0.0);
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("interphase-vanhove-")), "no temporary file is left");
    }
  }
}
