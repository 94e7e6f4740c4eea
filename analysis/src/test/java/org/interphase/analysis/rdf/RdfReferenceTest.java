package org.interphase.analysis.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.interphase.core.FrameSource;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * g(r) against MDAnalysis {@code InterRDF} on real trajectories read in place: the reference values
 * and the script that made them are in {@code src/test/resources/rdf/} (see its README).
 */
class RdfReferenceTest {

  static RdfResult run(Path file, RdfParameters p) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      RadialDistribution.Accumulator acc = new RadialDistribution(p).start(src.header());
      while (src.hasNext()) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  private static JsonNode reference() throws IOException {
    try (InputStream in = RdfReferenceTest.class.getResourceAsStream("/rdf/reference.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /**
   * Same bins and range as InterRDF; g within 1e-3 (MDAnalysis works in float32: a distance within
   * rounding of a bin edge can change bins, moving g by one pair's share, up to 5e-4 here); n(r) from
   * InterRDF's summed histogram (at the bin centres, half-way between the edges) within two pairs.
   */
  private static void assertMatches(RdfResult r, JsonNode ref, int frames, String what) {
    double[] g = r.gR();
    double[] n = r.coordination();
    double[] rA = r.rA();
    JsonNode count = ref.get("count");
    assertEquals(ref.get("g_r").size(), g.length, what + ": bins");
    assertEquals(ref.get("n_a").asInt(), r.atomsA(), what);
    assertEquals(ref.get("n_b").asInt(), r.atomsB(), what);
    double perPair = 1.0 / ((double) frames * r.atomsA());
    double below = 0;
    for (int k = 0; k < g.length; k++) {
      assertEquals(ref.get("r_a").get(k).asDouble(), rA[k], 1e-12, what + ": r of bin " + k);
      assertEquals(ref.get("g_r").get(k).asDouble(), g[k], 1e-3, what + ": g at " + rA[k] + " Å");
      double edgeHere = below;
      below += count.get(k).asDouble() * perPair;
      assertEquals(0.5 * (edgeHere + below), n[k], 2 * perPair, what + ": n at " + rA[k] + " Å");
    }
  }

  /** kinisi's Li6PS5Cl (fixed cell, 140 frames): Li–S, P–S and Li–Li (InterRDF with exclusion_block=(1, 1)). */
  @Test
  void kinisiLpscMatchesInterRdf() throws IOException {
    JsonNode ref = reference().get("kinisi_xdatcar");
    Path file = SharedData.real("kinisi/example_XDATCAR.gz");
    for (String pair : new String[] {"Li-S", "P-S", "Li-Li"}) {
      RdfResult r = run(file, RdfParameters.of(pair));
      assertEquals(140, r.frames());
      assertEquals(160, r.rA().length);
      assertEquals(0.05, r.binA(), 1e-15);
      assertMatches(r, ref.get("pairs").get(pair), 140, pair);
      assertEquals(ref.get("mean_volume_a3").asDouble(), r.meanVolumeA3(), 1e-6);
    }
  }

  /**
   * The first shells of kinisi's Li6PS5Cl. P–S: every P is a PS4 in every frame (anchors.md §3b, the
   * bond analysis), with no S between 2.3 and 3.8 Å, so the first-shell coordination is 4 exactly and
   * the minimum lies in that gap. Li–S: InterRDF's g has its maximum in the bin of 2.475 Å; the
   * coordination there is read off InterRDF's histogram (Li sits among 3 S and 1 Cl in argyrodite, so
   * a value a little above 3 is expected at this temperature).
   */
  @Test
  void kinisiLpscFirstShells() throws IOException {
    Path file = SharedData.real("kinisi/example_XDATCAR.gz");
    RdfResult ps = run(file, RdfParameters.of("P-S"));
    assertEquals(2.075, ps.firstPeakA(), 1e-9);
    assertEquals(4.0, ps.coordinationFirstShell(), 1e-12);
    assertTrue(ps.firstMinimumA() > 2.3 && ps.firstMinimumA() < 3.8, "P–S minimum in the empty gap: " + ps.firstMinimumA());
    RdfResult lis = run(file, RdfParameters.of("Li-S"));
    assertEquals(2.475, lis.firstPeakA(), 1e-9);
    JsonNode ref = reference().get("kinisi_xdatcar").get("pairs").get("Li-S");
    int k = (int) Math.round(lis.firstMinimumA() / 0.05 - 0.5);
    assertEquals(3.325, lis.firstMinimumA(), 1e-9, "the smallest g between the first and second Li–S shells");
    double refMin = ref.get("g_r").get(k).asDouble();
    for (int j = k - 5; j <= k + 5; j++) {
      assertTrue(ref.get("g_r").get(j).asDouble() >= refMin, "InterRDF's g is lowest at the minimum's bin, bin " + j);
    }
    double below = 0;
    for (int j = 0; j < k; j++) {
      below += ref.get("count").get(j).asDouble();
    }
    double expected = (below + 0.5 * ref.get("count").get(k).asDouble()) / (140.0 * 192);
    assertEquals(expected, lis.coordinationFirstShell(), 2.0 / (140 * 192));
    assertTrue(lis.warnings().isEmpty(), lis.warningTexts().toString());
  }

  /**
   * The CP2K 7.1 NPT_F run: a triclinic cell that changes every frame (11 frames, 192 atoms). InterRDF
   * run frame by frame and averaged is Interphase's definition (each frame normalised with its own
   * volume) and agrees to float32 rounding. InterRDF over all frames at once divides the summed
   * histogram by the mean volume instead: a different estimator, here 5e-4 away because the volume
   * changes by only 0.01 %.
   */
  @Test
  void variableTriclinicCellMatchesInterRdfFrameByFrame() throws IOException {
    JsonNode ref = reference().get("cp2k_npt_f");
    Path run = SharedData.real("cp2kdata/test_dpdata/v7.1/aimd_npt_f");
    for (String pair : new String[] {"N-O", "N-N"}) {
      RdfResult r = run(run.resolve("cp2k-pos-1.xyz"), RdfParameters.of(pair).withRange(5.0, 0.05));
      assertEquals(11, r.frames());
      JsonNode p = ref.get("pairs").get(pair);
      assertMatches(r, p, 11, pair);
      double most = 0;
      for (int k = 0; k < r.gR().length; k++) {
        most = Math.max(most, Math.abs(r.gR()[k] - p.get("g_r_mean_volume").get(k).asDouble()));
      }
      assertTrue(most > 1e-5 && most < 1e-3, pair + ": the mean-volume estimator is a little different: " + most);
    }
  }
}
