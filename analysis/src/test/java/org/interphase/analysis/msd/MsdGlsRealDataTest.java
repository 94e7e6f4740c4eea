package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Measurement;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * On real AIMD the GLS D must agree with the least-squares one it replaces: inside the old interval (OLS D ± its
 * correlation-aware error, over the window the least-squares estimator uses: the one given, or by default 10–50 % of the run)
 * and with an interval no wider. The window where an earlier GLS attempt moved D by a factor of two (kinisi's Li6PS5Cl file
 * over 2–7 ps) is one of the cases.
 */
class MsdGlsRealDataTest {

  private static void assertAgrees(String name, MsdResult r, MsdResult old) {
    assertEquals(DiffusionEstimator.OLS, old.estimator(), name);
    Measurement ols = old.diffusivity();
    Measurement gls = r.diffusivityGls();
    System.err.printf(java.util.Locale.ROOT, "%s: OLS D = %.4e ± %.2e, GLS D = %.4e ± %.2e cm²/s (%d lags, ridge %.1e, excess %.3g)%n", name,
        ols.value(), ols.stdErr(), gls.value(), gls.stdErr(), r.sampling().glsLags(), r.sampling().glsRidge(),
        r.sampling().nonGaussianExcessFrames());
    assertEquals(DiffusionEstimator.GLS, r.estimator(), name + ": " + r.warningTexts());
    assertEquals(gls, r.diffusivity(), name);
    assertTrue(Math.abs(gls.value() - ols.value()) <= ols.stdErr(), name + ": GLS " + gls + " outside the OLS interval " + ols);
    assertTrue(gls.stdErr() <= ols.stdErr(), name + ": GLS error " + gls + " wider than OLS " + ols);
  }

  /** Both estimators' results for one file and parameters: {the default (GLS), the least-squares one it replaces}. */
  private static void assertAgrees(String name, Path file, MsdParameters p) {
    assertAgrees(name, MsdReferenceTest.run(file, p), MsdReferenceTest.run(file, p.withEstimator(DiffusionEstimator.OLS)));
  }

  @Test
  void kinisiLpscOverTwoToSevenPs() {
    assertAgrees("kinisi LPSC 2–7 ps", SharedData.real("kinisi/example_XDATCAR.gz"), MsdParameters.of("Li").withTimestepFs(100)
        .withWindowPs(2, 7));
  }

  @Test
  void kinisiLpscDefaultWindow() {
    assertAgrees("kinisi LPSC default window", SharedData.real("kinisi/example_XDATCAR.gz"), MsdParameters.of("Li").withTimestepFs(100));
  }

  /** shared/data/cp2k/aimd_nvt: the window of its reference.json, 300–1500 fs, with and without drift correction. */
  @Test
  void cp2kAimd() {
    Path file = SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz");
    assertAgrees("cp2k aLPS 0.3–1.5 ps, no drift correction", file, MsdParameters.of("Li").withDriftReference(List.of())
        .withWindowPs(0.3, 1.5).withTemperatureK(1500));
    assertAgrees("cp2k aLPS default window, drift-corrected", file, MsdParameters.of("Li").withTemperatureK(1500));
  }
}
