package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class DiffusionFitWindowTest {

  private static List<DiffusionFitWindow.Problem> problems(DiffusionFitWindow.Check c) {
    return c.warnings().stream().map(w -> (DiffusionFitWindow.Problem) w.kind()).toList();
  }

  /**
   * The MDAnalysis MSD of shared/data/cp2k/aimd_nvt (reference.json). Lags, end MSD and log–log
   * slopes from src/test/resources/msd/fit_window_reference.py (numpy 1.24.2 polyfit of ln MSD on
   * ln t): 300–1500 fs, the reference's own window: 801 lags, 14.31 Å², slope 0.8059, fit for D;
   * 30–60 fs, the ballistic start: slope 1.402 and 0.97 Å²; 150–160.5 fs: 8 lags.
   */
  @Test
  void referenceMsdWindows() throws IOException {
    JsonNode msd = new ObjectMapper().readTree(SharedData.cp2k("aimd_nvt/reference.json").toFile()).get("msd");
    int n = msd.get("lag_time_fs").size();
    double[] lagPs = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      lagPs[i] = msd.get("lag_time_fs").get(i).asDouble() / 1000;
      y[i] = msd.get("msd_A2_no_drift_correction_MDAnalysis").get(i).asDouble();
    }
    DiffusionFitWindow.Check ok = DiffusionFitWindow.check(lagPs, y, 0.3, 1.5);
    assertEquals(801, ok.lags());
    assertEquals(14.3111262127075, ok.endMsdA2(), 1e-12);
    assertEquals(0.805862651899974, ok.logLogSlope(), 1e-10);
    assertTrue(ok.warnings().isEmpty(), ok.warnings().toString());

    DiffusionFitWindow.Check ballistic = DiffusionFitWindow.check(lagPs, y, 0.030, 0.060);
    assertEquals(21, ballistic.lags());
    assertEquals(1.40227965179746, ballistic.logLogSlope(), 1e-10);
    assertEquals(List.of(DiffusionFitWindow.Problem.SMALL_DISPLACEMENT, DiffusionFitWindow.Problem.SUPER_DIFFUSIVE), problems(ballistic));

    DiffusionFitWindow.Check shortWindow = DiffusionFitWindow.check(lagPs, y, 0.150, 0.1605);
    assertEquals(8, shortWindow.lags());
    assertEquals(0.795351221668531, shortWindow.logLogSlope(), 1e-10);
    assertEquals(List.of(DiffusionFitWindow.Problem.SHORT_WINDOW, DiffusionFitWindow.Problem.SMALL_DISPLACEMENT), problems(shortWindow));
    assertTrue(shortWindow.warnings().get(0).text().contains("holds 8 lags"), shortWindow.warnings().get(0).text());
  }

  /**
   * Analytic curves on lags 0, 0.01, …, 2 ps: MSD = 6·D·t with D such that MSD(2 ps) = 30 Å² has
   * log–log slope exactly 1 (no warning); MSD = 0.5 + 2·t^0.3 (caged) has a slope well below 0.7
   * and ends at 2.96 Å²; MSD = 25·t² (ballistic) has slope exactly 2.
   */
  @Test
  void analyticCurves() {
    int n = 201;
    double[] t = new double[n];
    double[] linear = new double[n];
    double[] caged = new double[n];
    double[] ballistic = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 0.01 * i;
      linear[i] = 15 * t[i];
      caged[i] = 0.5 + 2 * Math.pow(t[i], 0.3);
      ballistic[i] = 25 * t[i] * t[i];
    }
    DiffusionFitWindow.Check l = DiffusionFitWindow.check(t, linear, 0.2, 2.0);
    assertEquals(1.0, l.logLogSlope(), 1e-12);
    assertTrue(l.warnings().isEmpty(), l.warnings().toString());
    DiffusionFitWindow.Check c = DiffusionFitWindow.check(t, caged, 0.2, 2.0);
    assertTrue(c.logLogSlope() < 0.3, "slope " + c.logLogSlope());
    assertEquals(List.of(DiffusionFitWindow.Problem.SMALL_DISPLACEMENT, DiffusionFitWindow.Problem.SUB_DIFFUSIVE), problems(c));
    DiffusionFitWindow.Check b = DiffusionFitWindow.check(t, ballistic, 0.2, 2.0);
    assertEquals(2.0, b.logLogSlope(), 1e-12);
    assertEquals(List.of(DiffusionFitWindow.Problem.SUPER_DIFFUSIVE), problems(b));
  }
}
