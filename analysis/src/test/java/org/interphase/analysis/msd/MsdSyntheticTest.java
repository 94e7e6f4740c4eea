package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.Measurement;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/** Analytic and statistical checks of the MSD on generated trajectories. */
class MsdSyntheticTest {

  static TrajectoryHeader header(AtomTable atoms, Cell cell, double dtFs) {
    return new TrajectoryHeader("synthetic", "test", "test", atoms, cell, dtFs, false, List.of());
  }

  static MsdResult run(MsdParameters p, TrajectoryHeader h, List<Frame> frames) {
    MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(p).start(h);
    frames.forEach(acc);
    return acc.finish();
  }

  /** Wraps positions into the cell so the analysis must unwrap them. */
  static double[] wrap(Cell c, double[] pos) {
    double[] f = c.toFractional(pos, new double[pos.length]);
    for (int i = 0; i < f.length; i++) {
      f[i] -= Math.floor(f[i]);
    }
    return c.toCartesian(f, f);
  }

  @Test
  void constantVelocityGivesVSquaredTSquared() {
    Cell cell = Cell.ofRows(new double[] {10, 0, 0, 3, 9, 0, 1, 2, 11}); // triclinic
    AtomTable atoms = AtomTable.of("Li", "Li", "Li");
    double[][] v = {{0.01, 0.02, -0.005}, {-0.03, 0.0, 0.01}, {0.004, -0.002, 0.02}}; // Å/fs
    double dt = 2.0;
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      double[] pos = new double[9];
      for (int a = 0; a < 3; a++) {
        for (int d = 0; d < 3; d++) {
          pos[3 * a + d] = 1 + a + v[a][d] * k * dt;
        }
      }
      frames.add(new Frame(k, k * dt, cell, wrap(cell, pos), null, null, null));
    }
    MsdResult r = run(MsdParameters.of("Li").withDriftReference(List.of()), header(atoms, cell, dt), frames);
    double v2 = 0;
    for (double[] va : v) {
      v2 += va[0] * va[0] + va[1] * va[1] + va[2] * va[2];
    }
    v2 /= 3;
    for (int m = 0; m < 200; m++) {
      double t = m * dt;
      assertEquals(v2 * t * t, r.msdA2()[m], 1e-9 * Math.max(1, v2 * t * t), "lag " + m);
    }
    // per axis: x only
    double vx2 = (v[0][0] * v[0][0] + v[1][0] * v[1][0] + v[2][0] * v[2][0]) / 3;
    assertEquals(vx2 * 100 * 100, r.msdComponentsA2()[0][50], 1e-9);
  }

  /** Direct O(N²) windowed MSD, the definition. */
  static double[] direct(double[][][] x, int n) {
    double[] msd = new double[n];
    for (int m = 0; m < n; m++) {
      double s = 0;
      for (double[][] atom : x) {
        for (int t = 0; t + m < n; t++) {
          for (int d = 0; d < 3; d++) {
            double dx = atom[d][t + m] - atom[d][t];
            s += dx * dx;
          }
        }
      }
      msd[m] = s / (x.length * (double) (n - m));
    }
    return msd;
  }

  static List<Frame> randomWalk(Random rnd, int atoms, int n, double sigmaA, Cell cell, double[][][] keep) {
    double[] pos = new double[3 * atoms];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = rnd.nextDouble() * 5;
    }
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        for (int i = 0; i < pos.length; i++) {
          pos[i] += rnd.nextGaussian() * sigmaA;
        }
      }
      if (keep != null) {
        for (int a = 0; a < atoms; a++) {
          for (int d = 0; d < 3; d++) {
            keep[a][d][k] = pos[3 * a + d];
          }
        }
      }
      frames.add(new Frame(k, Double.NaN, cell, wrap(cell, pos), null, null, null));
    }
    return frames;
  }

  @Test
  void fftEqualsDirectWindowedMsd() {
    Random rnd = new Random(3);
    int atoms = 5;
    int n = 333;
    Cell cell = Cell.orthorhombic(12, 13, 14);
    double[][][] x = new double[atoms][3][n];
    List<Frame> frames = randomWalk(rnd, atoms, n, 0.3, cell, x);
    MsdResult r = run(MsdParameters.of("Li").withDriftReference(List.of()).withTimestepFs(1),
        header(AtomTable.of("Li", "Li", "Li", "Li", "Li"), cell, 1), frames);
    double[] want = direct(x, n);
    for (int m = 0; m < n; m++) {
      assertEquals(want[m], r.msdA2()[m], 1e-10, "lag " + m);
    }
  }

  @Test
  void randomWalkRecoversDiffusionCoefficientWithinItsError() {
    // steps of σ = 0.2 Å per axis per 10 fs: D = σ²/(2·dt) = 0.002 Å²/fs = 2.0e-4 cm²/s
    Random rnd = new Random(11);
    int atoms = 40;
    int n = 1500;
    Cell cell = Cell.orthorhombic(15, 15, 15);
    String[] el = new String[atoms];
    java.util.Arrays.fill(el, "Li");
    List<Frame> frames = randomWalk(rnd, atoms, n, 0.2, cell, null);
    MsdResult r = run(MsdParameters.of("Li").withDriftReference(List.of()).withTimestepFs(10).withWindowPs(1, 5),
        header(AtomTable.of(el), cell, 10), frames);
    double d = 0.2 * 0.2 / (2 * 10) * 0.1;
    Measurement got = r.diffusivity();
    assertTrue(Math.abs(got.value() - d) < 3 * got.stdErr(), "D " + got + " vs " + d);
    assertTrue(got.stdErr() < 0.2 * d, "error is informative: " + got);
    assertTrue(r.diffusivityOls().stdErr() >= r.olsPlainStdErrCm2PerS(), "correlation-aware OLS error " + r.diffusivityOls()
        + " vs plain OLS " + r.olsPlainStdErrCm2PerS());
    assertTrue(Math.abs(r.diffusivityOls().value() - d) < 3 * r.diffusivityOls().stdErr(), "OLS D " + r.diffusivityOls() + " vs " + d);
  }

  /**
   * The ±1σ band of a Gaussian walk, by hand: at lag m the displacement per axis has variance s² = m·σ²,
   * Δr² = s²·χ²₃ has variance 6 s⁴, and the MSD over N·(n − m)/m independent windows has standard error
   * √(6 s⁴ · m / (N (n − m))).
   */
  @Test
  void msdBandIsTheStandardErrorOfAGaussianWalk() {
    Random rnd = new Random(5);
    int atoms = 60;
    int n = 2000;
    Cell cell = Cell.orthorhombic(15, 15, 15);
    String[] el = new String[atoms];
    java.util.Arrays.fill(el, "Li");
    List<Frame> frames = randomWalk(rnd, atoms, n, 0.2, cell, null);
    MsdResult r = run(MsdParameters.of("Li").withDriftReference(List.of()).withTimestepFs(10).withWindowPs(1, 5),
        header(AtomTable.of(el), cell, 10), frames);
    double[] lags = r.msdStdErrLagPs();
    double[] err = r.msdStdErrA2();
    assertTrue(lags.length >= MeanSquaredDisplacement.BAND_LAGS, "band over the run: " + lags.length);
    assertTrue(lags[0] < 1 && lags[lags.length - 1] > 15, "from the start to the end of the run: " + lags[0] + " … " + lags[lags.length - 1]);
    int checked = 0;
    for (int k = 0; k < lags.length; k++) {
      int m = (int) Math.round(lags[k] * 100); // 10 fs per frame
      if (m < 5 || m > n / 4) {
        continue; // few windows at long lags: the sample variance itself scatters
      }
      double s2 = m * 0.2 * 0.2;
      double want = Math.sqrt(6 * s2 * s2 * m / (atoms * (double) (n - m)));
      assertEquals(want, err[k], 0.25 * want, "lag " + lags[k] + " ps");
      checked++;
    }
    assertTrue(checked > 10, "lags checked: " + checked);
    double[] every = r.msdStdErrAtEveryLagA2();
    assertEquals(0, every[0], 0);
    assertEquals(r.lagPs().length, every.length);
  }

  @Test
  void regionMsdCountsOnlyDisplacementsInsideAtBothEnds() {
    // slab along z: Li 0-9 random-walk in x,y inside z in [4, 8); Li 10-19 sit still near z = 15
    Random rnd = new Random(5);
    Cell cell = Cell.orthorhombic(12, 12, 20);
    int atoms = 20;
    int n = 800;
    String[] el = new String[atoms + 4];
    java.util.Arrays.fill(el, "Li");
    for (int i = atoms; i < el.length; i++) {
      el[i] = "S";
    }
    double[] pos = new double[3 * el.length];
    for (int a = 0; a < el.length; a++) {
      pos[3 * a] = rnd.nextDouble() * 12;
      pos[3 * a + 1] = rnd.nextDouble() * 12;
      pos[3 * a + 2] = a < 10 ? 6 : 15 + 0.1 * (a % 3);
    }
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        for (int a = 0; a < 10; a++) {
          pos[3 * a] += rnd.nextGaussian() * 0.15;
          pos[3 * a + 1] += rnd.nextGaussian() * 0.15;
        }
      }
      frames.add(new Frame(k, Double.NaN, cell, wrap(cell, pos), null, null, null));
    }
    TrajectoryHeader h = header(AtomTable.of(el), cell, 5);
    MsdParameters base = MsdParameters.of("Li").withTimestepFs(5).withAxes("xy").withWindowPs(0.5, 1.5).withTemperatureK(600);
    MsdResult inside = run(base.withRegion(Region.parse("z=4:8")), h, frames);
    MsdResult outside = run(base.withRegion(Region.parse("z=12:18")), h, frames);
    // in-plane D = σ²/(2·dt) per axis = 0.0225/10 Å²/fs = 2.25e-4 cm²/s
    double d = 0.15 * 0.15 / (2 * 5) * 0.1;
    assertEquals(d, inside.diffusivity().value(), 4 * inside.diffusivity().stdErr());
    assertEquals(0.0, outside.diffusivity().value(), 1e-12);
    assertEquals(0.0, outside.conductivity().value(), 1e-12);
    // density of the region: 10 Li in 12 × 12 × 4 Å³
    assertEquals(10 / (12.0 * 12 * 4), inside.numberDensityPerA3(), 1e-12);
    // σ = n e² D / (k_B T) by hand
    double sigma = 10 / (12.0 * 12 * 4) * 1e24 * Math.pow(1.602176634e-19, 2) * inside.diffusivity().value() / (1.380649e-23 * 600);
    assertEquals(sigma, inside.conductivity().value(), 1e-12 * sigma);
  }

  @Test
  void gaussianWalkHasZeroNonGaussianParameter() {
    Random rnd = new Random(23);
    Cell cell = Cell.orthorhombic(15, 15, 15);
    String[] el = new String[60];
    java.util.Arrays.fill(el, "Li");
    List<Frame> frames = randomWalk(rnd, 60, 1000, 0.2, cell, null);
    MsdResult r = run(MsdParameters.of("Li").withDriftReference(List.of()).withTimestepFs(10).withWindowPs(1, 4),
        header(AtomTable.of(el), cell, 10), frames);
    for (double a2 : r.ngp()) {
      assertEquals(0.0, a2, 0.05);
    }
  }

  @Test
  void havenRatioOfLockstepMotionIsOneOverN() {
    // all 8 Li make the same random step each frame: |Σ Δr|² / N = N·Δr², so H_R = D*/D_σ = 1/N exactly
    Random rnd = new Random(9);
    Cell cell = Cell.orthorhombic(20, 20, 20);
    int atoms = 8;
    String[] el = new String[atoms];
    java.util.Arrays.fill(el, "Li");
    double[] pos = new double[3 * atoms];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = rnd.nextDouble() * 20;
    }
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < 600; k++) {
      double[] step = {rnd.nextGaussian() * 0.1, rnd.nextGaussian() * 0.1, rnd.nextGaussian() * 0.1};
      for (int a = 0; a < atoms; a++) {
        for (int d = 0; d < 3; d++) {
          pos[3 * a + d] += k == 0 ? 0 : step[d];
        }
      }
      frames.add(new Frame(k, Double.NaN, cell, wrap(cell, pos), null, null, null));
    }
    MsdResult r = run(MsdParameters.of("Li").withDriftReference(List.of()).withTimestepFs(5).withWindowPs(0.3, 1.2).withHaven(true),
        header(AtomTable.of(el), cell, 5), frames);
    assertEquals(1.0 / atoms, r.havenRatio().value(), 1e-9);
  }
}
