package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The GLS interval of D stays calibrated on generated runs with a known D ({@link DiffusionCalibration}): a fixed-seed subset of
 * 220 runs over the four cases, pooled. The full study (more runs, Arrhenius sets, the table of the guide) runs with
 * {@code -Dinterphase.study=full} ({@code bench/run-d-calibration.sh}).
 */
class DiffusionCalibrationTest {
  private static final int[] SUBSET_RUNS = {60, 60, 50, 50};

  @Test
  void glsNinetyFivePercentIntervalsCoverTheTruth() {
    List<DiffusionCalibration.Case> cases = DiffusionCalibration.cases();
    int in95 = 0;
    int runs = 0;
    StringBuilder report = new StringBuilder();
    List<DiffusionCalibration.Tally> tallies = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      DiffusionCalibration.Tally t = DiffusionCalibration.diffusion(cases.get(c), SUBSET_RUNS[c], 7, null);
      tallies.add(t);
      in95 += t.in95[1];
      runs += t.runs;
    }
    report.append(DiffusionCalibration.table(tallies, List.of()));
    double coverage = in95 / (double) runs;
    // 220 runs: a calibrated 95 % interval covers 95 ± 1.5 % (one binomial standard deviation); the seed is fixed
    assertTrue(coverage >= 0.92 && coverage <= 0.98, "GLS 95 % coverage " + coverage + " over " + runs + " runs\n" + report);
    assertTrue(runs >= 200, "runs " + runs);
  }

  /** The full study of the guide ({@code src/site/markdown/diffusion-uncertainty.md}); only with {@code -Dinterphase.study=full}. */
  @Test
  void fullStudy() throws IOException {
    Assumptions.assumeTrue("full".equals(System.getProperty("interphase.study")), "the full study runs with -Dinterphase.study=full");
    int scale = Integer.getInteger("interphase.study.scale", 10);
    long t0 = System.nanoTime();
    List<DiffusionCalibration.Tally> d = new ArrayList<>();
    List<double[]> first = new ArrayList<>();
    int[] runs = {30 * scale, 30 * scale, 20 * scale, 20 * scale};
    List<DiffusionCalibration.Case> cases = DiffusionCalibration.cases();
    for (int c = 0; c < cases.size(); c++) {
      d.add(DiffusionCalibration.diffusion(cases.get(c), runs[c], 2026, c == 0 ? first : null));
      System.err.println("done: " + cases.get(c).name() + " after " + (System.nanoTime() - t0) / 1e9 + " s");
    }
    List<DiffusionCalibration.Case> fixed = DiffusionCalibration.fixedWindowCases();
    for (int c = 0; c < fixed.size(); c++) {
      d.add(DiffusionCalibration.diffusion(fixed.get(c), runs[c] / 2, 2028, null));
    }
    List<DiffusionCalibration.Tally> a = new ArrayList<>();
    for (DiffusionCalibration.Tally t : DiffusionCalibration.arrhenius(3, 10 * scale, 2026)) {
      a.add(t);
    }
    for (DiffusionCalibration.Tally t : DiffusionCalibration.arrhenius(6, 5 * scale, 2027)) {
      a.add(t);
    }
    String table = DiffusionCalibration.table(d, a);
    int total = 0;
    for (int r : runs) {
      total += r;
    }
    total += (runs[0] + runs[1] + runs[2] + runs[3]) / 2 + 10 * scale * 3 + 5 * scale * 6;
    String out = table + String.format(java.util.Locale.ROOT, "%n%d trajectories, %.0f s%n", total, (System.nanoTime() - t0) / 1e9);
    Path dir = Path.of("target", "d-calibration");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("table.md"), out);
    StringBuilder csv = new StringBuilder("run,d_ols_over_true,d_ols_err_over_true,d_gls_over_true,d_gls_err_over_true\n");
    for (int i = 0; i < first.size(); i++) {
      double[] r = first.get(i);
      csv.append(String.format(java.util.Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f%n", i, r[0], r[1], r[2], r[3]));
    }
    Files.writeString(dir.resolve("brownian-estimates.csv"), csv.toString());
    org.interphase.viz.chart.Charts.write(new org.interphase.core.view.Figure("d-calibration", DiffusionCalibration.figure(first, 40),
        760, 420), dir, 150);
    System.err.println(out);
  }
}
