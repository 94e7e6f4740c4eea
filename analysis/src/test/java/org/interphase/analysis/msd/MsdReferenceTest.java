package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.Measurement;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The MSD against independent references on real trajectories. */
class MsdReferenceTest {

  /** The MSD of a real file, read through the format registry. */
  static MsdResult run(Path file, MsdParameters p) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(p).start(src.header());
      while (src.hasNext()) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  private static int lagIndex(MsdResult r, double ps) {
    for (int i = 0; i < r.lagPs().length; i++) {
      if (Math.abs(r.lagPs()[i] - ps) < 1e-9) {
        return i;
      }
    }
    throw new AssertionError("no lag " + ps);
  }

  /**
   * anchors.md §5 (NumPy re-implementation of PAD's unwrapping, drift = mean displacement of all
   * non-Li atoms, Li only, 100 fs between frames): MSD(2 ps) = 2.470 Å², MSD(7 ps) = 6.742 Å², OLS
   * slope 2–7 ps → D = 1.45e-5 cm²/s. Compared to the 3 significant digits given.
   */
  @Test
  void kinisiLpscAnchors() {
    MsdResult r = run(SharedData.real("kinisi/example_XDATCAR.gz"), MsdParameters.of("Li").withTimestepFs(100).withWindowPs(2, 7));
    assertEquals(192, r.atoms());
    assertEquals(140, r.frames());
    assertEquals(2.470, r.msdA2()[lagIndex(r, 2)], 0.0005);
    assertEquals(6.742, r.msdA2()[lagIndex(r, 7)], 0.0005);
    assertEquals(1.603, r.msdA2()[lagIndex(r, 1)], 0.0005);
    assertEquals(4.186, r.msdA2()[lagIndex(r, 4)], 0.0005);
    assertEquals(1.45e-5, r.diffusivityOls().value(), 0.005e-5);
    assertEquals(51, r.fitPoints());
  }

  /**
   * The error of D (GLS, the default) must be honest: within a factor of 2 of the spread of D over independent time
   * blocks; the least-squares D's correlation-aware error is not below the plain OLS error. Four blocks of 35 frames (3.4 ps) each, fitted over
   * 0.5–1.7 ps; the whole run over the same window. The block estimate of the standard error of the
   * whole-run D is std(D_blocks)/sqrt(4).
   */
  @Test
  void errorMatchesTheSpreadOverIndependentBlocks() {
    Path file = SharedData.real("kinisi/example_XDATCAR.gz");
    List<Frame> frames;
    TrajectoryHeader h;
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT.withTimestepFs(100))) {
      h = src.header();
      frames = FrameSources.readAll(src);
    }
    MsdParameters p = MsdParameters.of("Li").withWindowPs(0.5, 1.7);
    MeanSquaredDisplacement msd = new MeanSquaredDisplacement(p);
    MeanSquaredDisplacement.Accumulator whole = msd.start(h);
    frames.forEach(whole);
    MsdResult all = whole.finish();
    List<Double> ds = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      MeanSquaredDisplacement.Accumulator acc = msd.start(h);
      frames.subList(35 * b, 35 * (b + 1)).forEach(acc);
      ds.add(acc.finish().diffusivityOls().value());
    }
    double mean = ds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double var = ds.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (ds.size() - 1);
    double blockError = Math.sqrt(var / ds.size());
    Measurement d = all.diffusivity();
    double ratio = d.stdErr() / blockError;
    assertTrue(ratio > 0.5 && ratio < 2, "GLS error " + d + " vs block error " + blockError + " (blocks " + ds + ")");
    assertTrue(all.diffusivityOls().stdErr() >= all.olsPlainStdErrCm2PerS(), "correlation-aware OLS error " + all.diffusivityOls()
        + " below the plain OLS error " + all.olsPlainStdErrCm2PerS());
  }

  /**
   * shared/data/cp2k/aimd_nvt reference.json (MDAnalysis EinsteinMSD, all origins, no drift
   * correction; numpy.polyfit over 300–1500 fs): MSD within 1e-5 relative (or 1e-6 Å² below
   * 0.1 Å²), OLS D within 1e-3 relative, Nernst–Einstein σ from the same D within 1e-4.
   */
  @Test
  void cp2kAimdMatchesMdAnalysis() throws IOException {
    JsonNode ref = new ObjectMapper().readTree(SharedData.cp2k("aimd_nvt/reference.json").toFile());
    MsdResult r = run(SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz"),
        MsdParameters.of("Li").withDriftReference(List.of()).withWindowPs(0.3, 1.5).withTemperatureK(1500));
    JsonNode want = ref.get("msd").get("msd_A2_no_drift_correction_MDAnalysis");
    assertEquals(want.size(), r.msdA2().length);
    for (int m = 0; m < want.size(); m++) {
      double w = want.get(m).asDouble();
      double tol = w < 0.1 ? 1e-6 : 1e-5 * w;
      assertEquals(w, r.msdA2()[m], tol, "lag " + m);
    }
    JsonNode dref = ref.get("diffusion").get("no_drift_correction");
    assertEquals(801, r.fitPoints());
    assertEquals(dref.get("D_cm2_per_s").asDouble(), r.diffusivityOls().value(), 1e-3 * dref.get("D_cm2_per_s").asDouble());
    double sigmaRef = dref.get("sigma_NE_S_per_cm").asDouble();
    double density = ref.get("input").get("n_Li").asDouble() / ref.get("input").get("volume_A3").asDouble();
    Measurement sigma = MeanSquaredDisplacement.nernstEinstein(new Measurement(dref.get("D_cm2_per_s").asDouble(), 0, "cm²/s"), density,
        1, 1500);
    assertEquals(sigmaRef, sigma.value(), 1e-4 * sigmaRef);
    assertEquals(density, r.numberDensityPerA3(), 1e-12);
  }
}
