package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.parsers.xyz.ExtendedXyz;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class MsdCommandTest {

  @Test
  void jsonKeysAndKinisiValues() throws IOException {
    Path out = SharedData.scratch("msd-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("msd", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--species", "Li",
        "--timestep-fs", "100", "--fit-start-ps", "2", "--fit-end-ps", "7", "--temperature-k", "500", "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("species", "atoms", "frames", "timestep_fs", "temperature_k", "axes", "fit_start_ps", "fit_end_ps",
        "diffusivity_cm2_s", "diffusivity_stderr_cm2_s", "diffusivity_ols_cm2_s", "conductivity_s_cm", "conductivity_stderr_s_cm",
        "lag_ps", "msd_a2")), keys.toString());
    // anchors.md §5: OLS D over 2–7 ps = 1.45e-5 cm²/s, MSD(7 ps) = 6.742 Å²
    assertEquals(1.45e-5, j.get("diffusivity_ols_cm2_s").asDouble(), 0.005e-5);
    assertEquals(6.742, j.get("msd_a2").get(70).asDouble(), 0.0005);
    assertEquals(140, j.get("lag_ps").size());
    assertEquals(13.9, j.get("lag_ps").get(139).asDouble(), 1e-9);
    for (String f : List.of("msd.csv", "msd.json", "msd.png", "msd.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }
    List<String> csv = Files.readAllLines(out.resolve("msd.csv"));
    assertEquals("lag_ps,msd_a2,msd_x_a2,msd_y_a2,msd_z_a2", csv.get(0));
    assertEquals(141, csv.size());
    // the ±1σ band of the chart is in the JSON: lags over the whole run, errors growing with the lag
    assertTrue(j.get("msd_stderr_lag_ps").size() >= 60 && j.get("msd_stderr_a2").size() == j.get("msd_stderr_lag_ps").size());
    assertTrue(j.get("msd_stderr_a2").get(40).asDouble() > j.get("msd_stderr_a2").get(5).asDouble());
    // the PNG at the default 150 dpi: the 480 × 340 design size × 150/96
    assertEquals(750, javax.imageio.ImageIO.read(out.resolve("msd.png").toFile()).getWidth());
    Path print = SharedData.scratch("msd-kinisi-300dpi");
    InfoCommandTest.Run p = InfoCommandTest.run("msd", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--species", "Li",
        "--timestep-fs", "100", "--dpi", "300", "--out", print.toString());
    assertEquals(0, p.exit(), p.err());
    assertEquals(1500, javax.imageio.ImageIO.read(print.resolve("msd.png").toFile()).getWidth());
  }

  /** {@code --estimator}: GLS is quoted by default, OLS on request; both are in the JSON with the diagnostics. */
  @Test
  void estimatorChoosesTheQuotedD() throws IOException {
    String file = SharedData.real("kinisi/example_XDATCAR.gz").toString();
    JsonNode gls = Json.MAPPER.readTree(InfoCommandTest.run("msd", file, "--species", "Li", "--timestep-fs", "100", "--fit-start-ps", "2",
        "--fit-end-ps", "7", "--json").out());
    InfoCommandTest.Run o = InfoCommandTest.run("msd", file, "--species", "Li", "--timestep-fs", "100", "--fit-start-ps", "2",
        "--fit-end-ps", "7", "--estimator", "OLS", "--json");
    assertEquals(0, o.exit(), o.err());
    JsonNode ols = Json.MAPPER.readTree(o.out());
    assertEquals("gls", gls.get("estimator").asText());
    assertEquals("ols", ols.get("estimator").asText());
    assertEquals(gls.get("diffusivity_gls_cm2_s").asDouble(), gls.get("diffusivity_cm2_s").asDouble(), 0);
    assertEquals(ols.get("diffusivity_ols_cm2_s").asDouble(), ols.get("diffusivity_cm2_s").asDouble(), 0);
    assertEquals(ols.get("diffusivity_ols_stderr_cm2_s").asDouble(), ols.get("diffusivity_stderr_cm2_s").asDouble(), 0);
    // the same fits either way; the plain OLS error is far below the correlation-aware one
    assertEquals(gls.get("diffusivity_ols_cm2_s").asDouble(), ols.get("diffusivity_ols_cm2_s").asDouble(), 0);
    assertTrue(ols.get("diffusivity_ols_plain_stderr_cm2_s").asDouble() < 0.2 * ols.get("diffusivity_ols_stderr_cm2_s").asDouble());
    for (String k : List.of("msd_exponent", "diffusive", "independent_displacements", "hop_equivalents", "gls_lags")) {
      assertTrue(gls.has(k), k);
    }
    assertEquals(192 * 1.0, gls.get("independent_displacements").asDouble(), 0, "192 Li × ⌊138 / 70⌋");
    InfoCommandTest.Run bad = InfoCommandTest.run("msd", file, "--species", "Li", "--timestep-fs", "100", "--estimator", "mle");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("expected gls or ols"), bad.err());
  }

  /**
   * Where GLS and OLS disagree beyond their errors the MSD is not a diffusive straight line, and the OLS D is quoted: the Li
   * of the Li2S(110) | S8 AIMD (400 frames) over 0.02–0.4 ps, a window that starts in the caged rise of the MSD (log–log slope
   * 0.71). Hand check of the test statistic from the printed values: |5.57 − 1.79| / √(0.459² − 0.253²) = 9.9 > 3.
   */
  @Test
  void glsThatDisagreesWithLeastSquaresIsNotQuoted() throws IOException {
    String file = SharedData.projectRoot().resolve("examples/cp2k-li2s-s8-interface/aimd_interface-pos-1.xyz.xz").toString();
    InfoCommandTest.Run r = InfoCommandTest.run("msd", file, "--species", "Li", "--json", "--fit-start-ps", "0.02", "--fit-end-ps", "0.4");
    assertEquals(0, r.exit(), r.err());
    JsonNode d = Json.MAPPER.readTree(r.out());
    assertEquals("ols", d.get("estimator").asText());
    assertEquals(d.get("diffusivity_ols_cm2_s").asDouble(), d.get("diffusivity_cm2_s").asDouble(), 0);
    assertEquals(d.get("diffusivity_ols_stderr_cm2_s").asDouble(), d.get("diffusivity_stderr_cm2_s").asDouble(), 0);
    double ols = d.get("diffusivity_ols_cm2_s").asDouble();
    double olsErr = d.get("diffusivity_ols_stderr_cm2_s").asDouble();
    double gls = d.get("diffusivity_gls_cm2_s").asDouble();
    double glsErr = d.get("diffusivity_gls_stderr_cm2_s").asDouble();
    double z = Math.abs(ols - gls) / Math.sqrt(Math.max(olsErr * olsErr - glsErr * glsErr, olsErr * olsErr / 4));
    assertTrue(z > 3, "z = " + z);
    assertTrue(d.get("warnings").toString().contains("differ by " + String.format(java.util.Locale.ROOT, "%.1f", z)
        + " standard errors of their difference"), d.get("warnings").toString());
    // the text names the quoted estimator and marks the other as such
    InfoCommandTest.Run text = InfoCommandTest.run("msd", file, "--species", "Li", "--fit-start-ps", "0.02", "--fit-end-ps", "0.4");
    assertTrue(text.out().contains("(least squares, correlation-aware error; plain OLS error"), text.out());
    assertTrue(text.out().contains("(modelled MSD covariance; not the quoted value)"), text.out());
  }

  @Test
  void missingTimeStepIsAClearError() {
    InfoCommandTest.Run r = InfoCommandTest.run("msd", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--species", "Li");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("the time between frames is unknown; pass --timestep-fs"), r.err());
    InfoCommandTest.Run s = InfoCommandTest.run("msd", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--species", "Na",
        "--timestep-fs", "100");
    assertEquals(2, s.exit());
    assertTrue(s.err().contains("no Na atoms"), s.err());
    // the species present, listed plainly ("it has Li, S"), not as a Java list
    assertTrue(s.err().strip().matches(".*\\(it has [A-Z][a-z]?(, [A-Z][a-z]?)*\\)"), s.err());
  }

  /** Random walks whose D follows exp(-0.25 eV / kT): arrhenius must recover Ea within its error. */
  @Test
  void arrheniusRecoversActivationEnergy() throws IOException {
    double k = 8.617333262e-5; // k_B in eV/K (CODATA 2018), typed here as the independent reference
    double ea = 0.25;
    double[] temps = {600, 800, 1000, 1200};
    Path dir = SharedData.scratch("arrhenius");
    String[] args = new String[temps.length];
    Random rnd = new Random(17);
    Cell cell = Cell.orthorhombic(14, 14, 14);
    String[] el = new String[24];
    java.util.Arrays.fill(el, 0, 16, "Li");
    java.util.Arrays.fill(el, 16, 24, "S");
    AtomTable atoms = AtomTable.of(el);
    for (int ti = 0; ti < temps.length; ti++) {
      // D [Å²/fs] = 0.05 · exp(-Ea/kT); per-axis step σ = sqrt(2 D dt), dt = 10 fs
      double d = 0.05 * Math.exp(-ea / (k * temps[ti]));
      double sigma = Math.sqrt(2 * d * 10);
      Path f = dir.resolve("walk-" + (int) temps[ti] + ".extxyz");
      double[] pos = new double[3 * el.length];
      for (int i = 0; i < pos.length; i++) {
        pos[i] = rnd.nextDouble() * 14;
      }
      try (Writer w = Files.newBufferedWriter(f)) {
        for (int step = 0; step < 1200; step++) {
          if (step > 0) {
            for (int i = 0; i < 48; i++) {
              pos[i] += rnd.nextGaussian() * sigma;
            }
          }
          ExtendedXyz.write(w, atoms, new Frame(step, step * 10.0, cell, pos.clone(), null, null, null));
        }
      }
      args[ti] = f.toString();
    }
    List<String> cmd = new java.util.ArrayList<>(List.of("arrhenius"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--species", "Li", "--timestep-fs", "10", "--temperatures-k", "600,800,1000,1200", "--fit-end-ps=5",
        "--drift-reference=none", "--json"));
    InfoCommandTest.Run r = InfoCommandTest.run(cmd.toArray(new String[0]));
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    double got = j.get("activation_energy_ev").asDouble();
    double err = j.get("activation_energy_stderr_ev").asDouble();
    assertTrue(Math.abs(got - ea) < 3 * err, "Ea " + got + " ± " + err);
    assertTrue(err < 0.05, "informative error: " + err);
    assertEquals(4, j.get("runs").size());
    assertTrue(j.get("extrapolated_conductivity_s_cm").asDouble() > 0);
    // σ of each run in S/cm by hand: n e² D / (k_B T), n = 16 Li / 14³ Å³
    for (JsonNode run : j.get("runs")) {
      double n = 16 / (14.0 * 14 * 14) * 1e24;
      double sigma = n * Math.pow(1.602176634e-19, 2) * run.get("diffusivity_cm2_s").asDouble() / (1.380649e-23
          * run.get("temperature_k").asDouble());
      assertEquals(sigma, run.get("conductivity_s_cm").asDouble(), 1e-9 * sigma);
    }
    double[] ci = {j.get("extrapolated_conductivity_ci_s_cm").get(0).asDouble(), j.get("extrapolated_conductivity_ci_s_cm").get(1).asDouble()};
    double sigma300 = j.get("extrapolated_conductivity_s_cm").asDouble();
    assertTrue(ci[0] < sigma300 && sigma300 < ci[1], ci[0] + " < " + sigma300 + " < " + ci[1]);
    assertEquals(0.95, j.get("confidence_level").asDouble(), 0);

    // the text and the CSV say S/cm too, and give the 300 K interval
    Path out = dir.resolve("out");
    List<String> text = new java.util.ArrayList<>(cmd.subList(0, cmd.size() - 1));
    text.addAll(List.of("--out", out.toString()));
    InfoCommandTest.Run t = InfoCommandTest.run(text.toArray(new String[0]));
    assertEquals(0, t.exit(), t.err());
    assertTrue(t.out().contains("σ (S/cm)") && t.out().contains("95 % CI") && !t.out().contains("mS/cm"), t.out());
    List<String> csv = Files.readAllLines(out.resolve("arrhenius.csv"));
    assertTrue(csv.get(0).contains("conductivity_s_cm") && csv.get(0).contains("conductivity_ci95_low_s_cm"), csv.get(0));
    assertEquals(6, csv.size(), "four runs and the extrapolation");
    assertTrue(csv.get(5).startsWith("\"extrapolated\",300.0,"), csv.get(5));
  }

  /** The same run twice: one temperature cannot give a line; exit 2 with one line, no Ea. */
  @Test
  void arrheniusRefusesOneTemperature() throws IOException {
    Path f = SharedData.scratch("arrhenius-one").resolve("walk.extxyz");
    AtomTable atoms = AtomTable.of("Li", "Li", "S");
    Cell cell = Cell.orthorhombic(10, 10, 10);
    try (Writer w = Files.newBufferedWriter(f)) {
      for (int step = 0; step < 50; step++) {
        ExtendedXyz.write(w, atoms, new Frame(step, step * 10.0, cell, new double[] {1 + 0.1 * step, 1, 1, 5, 5 + 0.05 * step, 5, 8, 8, 8},
            null, null, null));
      }
    }
    InfoCommandTest.Run r = InfoCommandTest.run("arrhenius", f.toString(), f.toString(), "--species", "Li", "--timestep-fs", "10",
        "--temperatures-k", "600,600", "--json");
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().strip().lines().filter(l -> !l.startsWith("warning:")).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains("two or more different temperatures"), r.err());
  }

  /**
   * kinisi's Li6PS5Cl (100 fs per frame) with a window of 0.1–0.5 ps: 5 lags, and the MSD there is
   * below the 2.47 Å² it reaches at 2 ps (anchors.md §5): short and small, warned in the text, on
   * stderr and in the JSON; the 2–7 ps window (51 lags, 6.74 Å²) is not.
   */
  @Test
  void fitWindowThatCannotGiveDIsWarned() throws IOException {
    String file = SharedData.real("kinisi/example_XDATCAR.gz").toString();
    InfoCommandTest.Run r = InfoCommandTest.run("msd", file, "--species", "Li", "--timestep-fs", "100", "--fit-start-ps", "0.1",
        "--fit-end-ps", "0.5", "--temperature-k", "500", "--json");
    assertEquals(0, r.exit(), r.err());
    List<String> w = new java.util.ArrayList<>();
    Json.MAPPER.readTree(r.out()).get("warnings").forEach(x -> w.add(x.asText()));
    assertTrue(w.stream().anyMatch(x -> x.contains("holds 5 lags")), w.toString());
    assertTrue(w.stream().anyMatch(x -> x.contains("the MSD at the end of the fit window 0.1–0.5 ps")), w.toString());
    assertTrue(r.err().contains("warning: the fit window 0.1–0.5 ps holds 5 lags"), r.err());
    InfoCommandTest.Run text = InfoCommandTest.run("msd", file, "--species", "Li", "--timestep-fs", "100", "--fit-start-ps", "0.1",
        "--fit-end-ps", "0.5", "--temperature-k", "500");
    assertTrue(text.out().contains("D doubtful (short window, small displacement"), text.out());
    // the lines quoting D and σ say so too, not only the window check
    String dLine = text.out().lines().filter(l -> l.startsWith("  D   ")).findFirst().orElseThrow();
    assertTrue(dLine.endsWith("doubtful (short window, small displacement, sub-diffusive)"), dLine);
    String sigmaLine = text.out().lines().filter(l -> l.startsWith("  σ (Nernst–Einstein)")).findFirst().orElseThrow();
    assertTrue(sigmaLine.endsWith("doubtful, as D"), sigmaLine);
    InfoCommandTest.Run good = InfoCommandTest.run("msd", file, "--species", "Li", "--timestep-fs", "100", "--fit-start-ps", "2",
        "--fit-end-ps", "7", "--temperature-k", "500");
    assertTrue(good.out().contains("MSD at the end 6.74 Å²: within the checks (slope 0.7–1.3, MSD ≥ 4 Å²)"), good.out());
    assertTrue(!good.err().contains("fit window"), good.err());
    assertFalse(good.out().contains("doubtful"), good.out());
  }

  /** A species typed in lower case selects the element and is echoed as the element's symbol, in the text and in the JSON. */
  @Test
  void speciesInLowerCaseIsEchoedAsTheSymbol() throws IOException {
    String file = SharedData.real("kinisi/example_XDATCAR.gz").toString();
    InfoCommandTest.Run text = InfoCommandTest.run("msd", file, "--species", "li", "--timestep-fs", "100");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().startsWith("Li MSD: "), text.out());
    InfoCommandTest.Run json = InfoCommandTest.run("msd", file, "--species", "LI", "--timestep-fs", "100", "--json");
    assertEquals("Li", Json.MAPPER.readTree(json.out()).get("species").asText(), json.out());
  }

  /**
   * Where the quoted GLS line leaves the MSD (aimd_nvt along z over 0.1–2.9 ps, whose late lags are poorly sampled), the chart
   * draws the least-squares line beside it, labelled with the least-squares D; its slope, computed here by hand from msd.csv
   * (ordinary least squares of MSD against lag over the window's rows), is 2·D_OLS. Where both lines agree (kinisi's
   * Li6PS5Cl over 2–7 ps), only the fit is drawn.
   */
  @Test
  void chartShowsTheLeastSquaresLineWhereGlsLeavesTheMsd() throws IOException {
    Path out = SharedData.emptyScratch("msd-two-lines");
    InfoCommandTest.Run r = InfoCommandTest.run("msd", SharedData.cp2k("aimd_nvt").toString(), "--species", "Li", "--axes", "z",
        "--fit-start-ps", "0.1", "--fit-end-ps", "2.9", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("msd.json").toFile());
    double from = j.get("fit_start_ps").asDouble();
    double to = j.get("fit_end_ps").asDouble();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = 0;
    for (String line : java.nio.file.Files.readAllLines(out.resolve("msd.csv")).subList(1, 2002)) {
      String[] c = line.split(",");
      double t = Double.parseDouble(c[0]);
      if (t >= from - 1e-9 && t <= to + 1e-9) {
        double y = Double.parseDouble(c[1]);
        sx += t;
        sy += y;
        sxx += t * t;
        sxy += t * y;
        n++;
      }
    }
    double slopeA2PerPs = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    // D = slope / (2·1 axis), Å²/ps → cm²/s: 1e-16 / 1e-12
    assertEquals(slopeA2PerPs / 2 * 1e-4, j.get("diffusivity_ols_cm2_s").asDouble(), 1e-9 * slopeA2PerPs);
    List<String> texts = DemoReportTest.svgTexts(out.resolve("msd.svg"));
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("GLS fit: D = (2.23 ± 0.26) × 10⁻⁴ cm²/s")), texts.toString());
    assertTrue(texts.contains("least squares: D = (1.1 ± 1.3) × 10⁻⁴ cm²/s (for comparison)"), texts.toString());

    Path agree = SharedData.emptyScratch("msd-one-line");
    InfoCommandTest.Run k = InfoCommandTest.run("msd", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--species", "Li",
        "--timestep-fs", "100", "--fit-start-ps", "2", "--fit-end-ps", "7", "--out", agree.toString());
    assertEquals(0, k.exit(), k.err());
    List<String> one = DemoReportTest.svgTexts(agree.resolve("msd.svg"));
    assertTrue(one.stream().anyMatch(t -> t.startsWith("GLS fit: D = ")) && one.stream().noneMatch(t -> t.startsWith("least squares")),
        one.toString());
  }
}
