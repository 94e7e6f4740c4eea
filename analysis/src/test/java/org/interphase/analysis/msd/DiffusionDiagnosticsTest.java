package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.interphase.testkit.SyntheticRuns;
import org.junit.jupiter.api.Test;

/** What a user sees about the information behind D: independent displacements, hops, the MSD exponent, the few-hops warning. */
class DiffusionDiagnosticsTest {

  private static boolean warnsFewHops(MsdResult r) {
    return MsdViews.warnings(r).stream().anyMatch(w -> w.kind() == DiffusionFitWindow.Problem.FEW_HOPS);
  }

  @Test
  void brownianRunIsDiffusiveAndWellSampled() {
    SyntheticRuns.Run run = SyntheticRuns.brownian(new Random(1), 32, 2000, 20, 2e-5, 12);
    MsdResult r = DiffusionCalibration.analyse(run);
    // default window 10–50 %: lags 200–999 of 2000 frames, so 32 × ⌊1999 / 999⌋ = 64 non-overlapping displacements
    assertEquals(64, r.sampling().independentDisplacements(), 0);
    // 32 ions × 6·D·t over the 40 ps run (6 · 2e-4 Å²/fs · 39 980 fs = 48 Å² each) in 4 Å² hops: about 384
    assertEquals(384, r.sampling().hopEquivalents(), 0.25 * 384);
    assertEquals(1.0, DiffusionFitWindow.check(r).logLogSlope(), 0.1);
    assertFalse(warnsFewHops(r), r.warningTexts().toString());
    assertEquals(DiffusionEstimator.GLS, r.estimator());
    assertTrue(r.sampling().nonGaussianExcessFrames() < 50, "Brownian motion is Gaussian: " + r.sampling());
    assertTrue(MsdViews.text(r).stream().anyMatch(l -> l.contains("independent displacements")), MsdViews.text(r).toString());
  }

  @Test
  void aFewHopsAreWarnedAbout() {
    // 4 Li making about 3 hops each of 2.5 Å over the run: about 19 hop-equivalents
    SyntheticRuns.Run run = SyntheticRuns.latticeHops(new Random(2), 4, 1000, 20, 2.5, 0.003, 0.3, 6);
    MsdResult r = DiffusionCalibration.analyse(run);
    assertTrue(r.sampling().hopEquivalents() < DiffusionFitWindow.MIN_HOPS, r.sampling().toString());
    assertTrue(warnsFewHops(r), r.warningTexts().toString());
  }

  @Test
  void rareHopsAreNonGaussian() {
    SyntheticRuns.Run run = SyntheticRuns.latticeHops(new Random(3), 16, 2000, 20, 2.5, 0.01, 0.35, 6);
    MsdResult r = DiffusionCalibration.analyse(run);
    // one hop per 100 frames: Var(|Δr|²) = α·m² + β·m with β/α of the order of the residence time and more
    assertTrue(r.sampling().nonGaussianExcessFrames() > 50, r.sampling().toString());
    assertFalse(warnsFewHops(r), r.warningTexts().toString());
  }
}
