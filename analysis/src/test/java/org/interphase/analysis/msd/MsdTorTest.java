package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * TOR unwrapping (Bullerjahn et al., JCTC 2023, DOI 10.1021/acs.jctc.3c00308):
 * u(t) = u(t−1) + d − L(t)·round(L(t)⁻¹·d), d = w(t) − w(t−1), with the current frame's cell.
 */
class MsdTorTest {

  private static final int FRAMES = 60;
  private static final int ATOMS = 4;

  /** A triclinic cell that differs in all nine components from frame to frame (±0.4 Å about a base cell). */
  private static Cell[] changingCells(Random rnd) {
    double[] base = {10, 0, 0, 3, 9, 0, 1, 2, 11};
    Cell[] cells = new Cell[FRAMES];
    for (int t = 0; t < FRAMES; t++) {
      double[] rows = base.clone();
      for (int i = 0; i < 9; i++) {
        rows[i] += 0.4 * (2 * rnd.nextDouble() - 1) + 0.3 * Math.sin(0.2 * t + i);
      }
      cells[t] = Cell.ofRows(rows);
    }
    return cells;
  }

  /** Cartesian position wrapped into the cell: fractional coordinates in [0, 1). */
  private static double[] wrap(Cell cell, double[] r) {
    double[] f = cell.toFractional(r, new double[r.length]);
    for (int i = 0; i < f.length; i++) {
      f[i] -= Math.floor(f[i]);
    }
    return cell.toCartesian(f, f);
  }

  /**
   * A known path and the wrapped positions a simulation would store along it: the atom starts at
   * {@code path[0]}, steps by {@code path[t] − path[t−1]} and is put back into the current cell
   * after every step, so w(t) = wrap_L(t)(w(t−1) + s(t)) and d = s(t) − L(t)·k for an integer k.
   */
  private static double[][] wrappedAlong(Cell[] cells, double[][] path) {
    double[][] w = new double[FRAMES][];
    w[0] = wrap(cells[0], path[0]);
    for (int t = 1; t < FRAMES; t++) {
      double[] moved = w[t - 1].clone();
      for (int i = 0; i < moved.length; i++) {
        moved[i] += path[t][i] - path[t - 1][i];
      }
      w[t] = wrap(cells[t], moved);
    }
    return w;
  }

  /** A random walk of ATOMS atoms, σ = 0.8 Å per axis per frame, starting near the cell's faces. */
  private static double[][] randomPath(Random rnd) {
    double[][] path = new double[FRAMES][3 * ATOMS];
    for (int i = 0; i < 3 * ATOMS; i++) {
      path[0][i] = rnd.nextDouble() < 0.5 ? 0.1 * rnd.nextDouble() : 10 - 0.1 * rnd.nextDouble();
    }
    for (int t = 1; t < FRAMES; t++) {
      for (int i = 0; i < 3 * ATOMS; i++) {
        path[t][i] = path[t - 1][i] + 0.8 * rnd.nextGaussian();
      }
    }
    return path;
  }

  private static double[][] unwrap(Cell[] cells, double[][] w) {
    TorUnwrapper u = new TorUnwrapper(w[0].length / 3);
    double[][] out = new double[w.length][w[0].length];
    for (int t = 0; t < w.length; t++) {
      u.next(cells[t], w[t], out[t]);
    }
    return out;
  }

  @Test
  void recoversTheTruePathInATriclinicCellThatChangesEveryFrame() {
    Random rnd = new Random(20231);
    Cell[] cells = changingCells(rnd);
    double[][] path = randomPath(rnd);
    double[][] w = wrappedAlong(cells, path);
    int wraps = 0;
    double oldSchemeError = 0;
    for (int t = 1; t < FRAMES; t++) {
      assertTrue(!cells[t].approxEquals(cells[t - 1], 1e-3), "the cell changes at frame " + t);
      double[] s = new double[3 * ATOMS];
      for (int i = 0; i < s.length; i++) {
        s[i] = path[t][i] - path[t - 1][i];
      }
      double[] fs = cells[t].toFractional(s, new double[s.length]);
      for (double f : fs) {
        assertTrue(Math.abs(f) < 0.5, "the true step is within half the cell, as TOR needs: " + f);
      }
      double[] d = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        d[i] = w[t][i] - w[t - 1][i];
        if (Math.abs(d[i] - s[i]) > 1e-6) {
          wraps++;
        }
      }
      // the superseded scheme: rounded fractional step times the current cell, off by f(t−1)·(L(t) − L(t−1))
      double[] fNow = cells[t].toFractional(w[t], new double[s.length]);
      double[] fBefore = cells[t - 1].toFractional(w[t - 1], new double[s.length]);
      double[] old = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        old[i] = fNow[i] - fBefore[i] - Math.rint(fNow[i] - fBefore[i]);
      }
      cells[t].toCartesian(old, old);
      for (int i = 0; i < s.length; i++) {
        oldSchemeError = Math.max(oldSchemeError, Math.abs(old[i] - s[i]));
      }
    }
    assertTrue(wraps > 20, "the walk crosses the cell faces often: " + wraps);
    assertTrue(oldSchemeError > 0.1, "the cell change matters here: " + oldSchemeError);

    double[][] u = unwrap(cells, w);
    assertArrayEquals(w[0], u[0], 0, "frame 0 is taken as stored");
    for (int t = 1; t < FRAMES; t++) {
      for (int i = 0; i < 3 * ATOMS; i++) {
        double want = path[t][i] - path[t - 1][i];
        assertEquals(want, u[t][i] - u[t - 1][i], 1e-12, "step into frame " + t + ", coordinate " + i);
        assertEquals(path[t][i] - path[0][i], u[t][i] - u[0][i], 1e-12, "displacement at frame " + t + ", coordinate " + i);
      }
    }
  }

  @Test
  void skewedCellKeepsTheRoundedStepEvenWhereAnotherImageIsShorter() {
    // γ ≈ 18°: s = 0.45·a + 0.45·b is 8.7 Å long, its image s − a only 2.0 Å; TOR keeps s
    Cell before = Cell.ofRows(new double[] {10, 0, 0, 9, 3, 0, 0, 0, 10});
    Cell now = Cell.ofRows(new double[] {10.2, 0, 0, 9.1, 3.05, 0, 0.1, 0, 9.9});
    double[] start = {1, 1, 1};
    double[] s = new double[3];
    for (int j = 0; j < 3; j++) {
      s[j] = 0.45 * now.get(0, j) + 0.45 * now.get(1, j);
    }
    double[] stored = wrap(now, new double[] {start[0] + s[0], start[1] + s[1], start[2] + s[2]});
    double[][] u = unwrap(new Cell[] {before, now}, new double[][] {start, stored});
    for (int j = 0; j < 3; j++) {
      assertEquals(s[j], u[1][j] - u[0][j], 1e-12);
    }
    double[] shortest = new double[3];
    double len = now.minimumImage(s[0], s[1], s[2], shortest);
    assertTrue(len < 0.3 * Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]), "a much shorter image exists: " + len);
  }

  @Test
  void constantCellGivesTheRoundedFractionalStep() {
    Random rnd = new Random(7);
    Cell cell = Cell.ofRows(new double[] {10, 0, 0, 3, 9, 0, 1, 2, 11});
    Cell[] cells = new Cell[FRAMES];
    Arrays.fill(cells, cell);
    double[][] path = randomPath(rnd);
    double[][] w = wrappedAlong(cells, path);
    double[][] u = unwrap(cells, w);
    double[] old = w[0].clone();
    for (int t = 1; t < FRAMES; t++) {
      double[] fs = cell.toFractional(w[t], new double[3 * ATOMS]);
      double[] fp = cell.toFractional(w[t - 1], new double[3 * ATOMS]);
      double[] step = new double[3 * ATOMS];
      for (int i = 0; i < step.length; i++) {
        step[i] = fs[i] - fp[i] - Math.rint(fs[i] - fp[i]);
      }
      cell.toCartesian(step, step);
      for (int i = 0; i < step.length; i++) {
        old[i] += step[i];
        assertEquals(old[i], u[t][i], 1e-12, "frame " + t + ", coordinate " + i);
      }
    }
  }

  @Test
  void msdOfAChangingCellTrajectoryIsTheMsdOfTheTruePath() {
    Random rnd = new Random(99);
    Cell[] cells = changingCells(rnd);
    double[][] path = randomPath(rnd);
    double[][] w = wrappedAlong(cells, path);
    List<Frame> frames = new ArrayList<>();
    for (int t = 0; t < FRAMES; t++) {
      frames.add(new Frame(t, 2.0 * t, cells[t], w[t], null, null, null));
    }
    MsdResult r = MsdSyntheticTest.run(MsdParameters.of("Li").withDriftReference(List.of()).withWindowPs(0.01, 0.05),
        MsdSyntheticTest.header(AtomTable.of("Li", "Li", "Li", "Li"), cells[0], 2.0), frames);
    double[][][] x = new double[ATOMS][3][FRAMES];
    for (int t = 0; t < FRAMES; t++) {
      for (int a = 0; a < ATOMS; a++) {
        for (int d = 0; d < 3; d++) {
          x[a][d][t] = path[t][3 * a + d];
        }
      }
    }
    double[] want = MsdSyntheticTest.direct(x, FRAMES);
    for (int m = 0; m < FRAMES; m++) {
      assertEquals(want[m], r.msdA2()[m], 1e-10 * Math.max(1, want[m]), "lag " + m);
    }
    assertTrue(r.warningTexts().stream().noneMatch(s -> s.contains("exceed 0.4")), r.warnings().toString());
  }

  /*
   * XDATCAR_6 (pymatgen test file): a VASP variable-cell run, 4 configurations of Fe2O4Ti in a
   * triclinic cell whose lengths change by up to 30 % between frames. It stores no time step; 50 fs
   * is assumed so that the lags are 0.05, 0.1 and 0.15 ps. Reference numbers from
   * analysis/src/test/resources/msd/tor_reference.py, which parses the XDATCAR with NumPy, unwraps
   * with TOR and averages the O MSD over the 4 atoms and all time origins; D is the OLS slope over
   * lags 1–3 divided by 6. Rerun with
   *   python3 analysis/src/test/resources/msd/tor_reference.py \
   *       ../shared/data/real/pymatgen/test_files/XDATCAR_6 O 50
   */
  private static final double[] XDATCAR6_O_MSD_NO_DRIFT = {0.47839222463900155, 0.29155733284781127, 0.14227126558874306};
  private static final double XDATCAR6_O_D_NO_DRIFT = -5.602015984170979e-05;
  /* drift corrected: the mean unwrapped position of the Fe and Ti atoms subtracted frame by frame */
  private static final double[] XDATCAR6_O_MSD_DRIFT = {0.1545470020048946, 0.09432465355291156, 0.050065673024341534};
  private static final double XDATCAR6_O_D_DRIFT = -1.741355483009219e-05;

  private static MsdResult runFile(Path file, MsdParameters p) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(p).start(src.header());
      while (src.hasNext()) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  @Test
  void variableCellXdatcarMatchesNumpyTor() {
    Path file = SharedData.real("pymatgen/test_files/XDATCAR_6");
    MsdParameters p = MsdParameters.of("O").withTimestepFs(50).withWindowPs(0.05, 0.15);
    MsdResult plain = runFile(file, p.withDriftReference(List.of()));
    MsdResult corrected = runFile(file, p);
    assertEquals(4, plain.frames());
    assertEquals(4, plain.atoms());
    for (int m = 1; m <= 3; m++) {
      assertEquals(XDATCAR6_O_MSD_NO_DRIFT[m - 1], plain.msdA2()[m], 1e-9 * XDATCAR6_O_MSD_NO_DRIFT[m - 1], "no drift, lag " + m);
      assertEquals(XDATCAR6_O_MSD_DRIFT[m - 1], corrected.msdA2()[m], 1e-9 * XDATCAR6_O_MSD_DRIFT[m - 1], "drift corrected, lag " + m);
    }
    assertEquals(XDATCAR6_O_D_NO_DRIFT, plain.diffusivityOls().value(), 1e-9 * Math.abs(XDATCAR6_O_D_NO_DRIFT));
    assertEquals(XDATCAR6_O_D_DRIFT, corrected.diffusivityOls().value(), 1e-9 * Math.abs(XDATCAR6_O_D_DRIFT));
  }

  private static void assertArrayEquals(double[] want, double[] got, double tol, String what) {
    assertEquals(want.length, got.length, what);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], tol, what + " [" + i + "]");
    }
  }
}
