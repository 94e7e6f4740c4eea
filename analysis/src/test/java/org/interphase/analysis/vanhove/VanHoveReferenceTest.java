package org.interphase.analysis.vanhove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.interphase.analysis.rdf.RadialDistribution;
import org.interphase.analysis.rdf.RdfParameters;
import org.interphase.analysis.rdf.RdfResult;
import org.interphase.core.FrameSource;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Self and distinct parts against the NumPy implementation of the definition in {@code
 * src/test/resources/vanhove/} (script, output and README), on real trajectories read in place.
 */
class VanHoveReferenceTest {
  /**
   * Both sides histogram the same distances in float64 with the same bin edges; they differ only in the
   * order of the arithmetic (unwrapping, drift, wrapping into the cell), ~1e-14 Å, far below what could
   * move a distance across a bin edge in these files, and in the last digits of the normalisation.
   */
  private static final double TOLERANCE = 1e-9;

  /** The van Hove correlation of the first {@code frames} frames of a file (all when ≤ 0). */
  static VanHoveResult run(Path file, VanHoveParameters p, int frames) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      VanHove.Accumulator acc = new VanHove(p).start(src.header());
      for (int k = 0; src.hasNext() && (frames <= 0 || k < frames); k++) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  private static JsonNode reference() throws IOException {
    try (InputStream in = VanHoveReferenceTest.class.getResourceAsStream("/vanhove/reference.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static void assertMatches(JsonNode ref, VanHoveResult r, String what) {
    assertEquals(ref.get("r_max_a").asDouble(), r.rMaxA(), 0.0, what);
    assertEquals(ref.get("bin_a").asDouble(), r.binA(), 1e-15, what);
    JsonNode rA = ref.get("r_a");
    assertEquals(rA.size(), r.rA().length, what + ": bins");
    for (int k = 0; k < rA.size(); k++) {
      assertEquals(rA.get(k).asDouble(), r.rA()[k], 1e-12, what + ": r of bin " + k);
    }
    for (int i = 0; i < ref.get("lag_frames").size(); i++) {
      String lag = what + ", lag " + ref.get("lag_frames").get(i).asInt() + " frames";
      assertEquals(ref.get("lag_frames").get(i).asInt(), r.lagFrames()[i], lag);
      assertEquals(ref.get("origins").get(i).asInt(), r.origins()[i], lag);
      assertEquals(ref.get("mean_displacement_a").get(i).asDouble(), r.meanDisplacementA()[i], TOLERANCE, lag + ": mean |Δr|");
      assertEquals(ref.get("displaced_fraction").get(i).asDouble(), r.displacedFraction()[i], 1e-15, lag);
      assertEquals(ref.get("self_beyond_r_max_fraction").get(i).asDouble(), r.selfBeyondRMax()[i], 1e-15, lag);
      double[] gs = r.gSelf(i);
      double[] gd = r.gDistinct(i);
      for (int k = 0; k < gs.length; k++) {
        assertEquals(ref.get("g_self").get(i).get(k).asDouble(), gs[k], TOLERANCE, lag + ": 4πr²G_s at " + r.rA()[k] + " Å");
        assertEquals(ref.get("g_distinct").get(i).get(k).asDouble(), gd[k], TOLERANCE, lag + ": G_d at " + r.rA()[k] + " Å");
      }
    }
  }

  /**
   * kinisi's Li6PS5Cl (first 60 frames, 100 fs apart, 192 Li): lags 0, 0.5, 1.7 and 4 ps, to 10 Å
   * (below half the 20.31 Å cell) and to 12 Å (beyond it, where some Li pairs have two images).
   */
  @Test
  void kinisiLpscMatchesNumPy() throws IOException {
    JsonNode ref = reference().get("kinisi_xdatcar");
    Path file = SharedData.real("kinisi/example_XDATCAR.gz");
    VanHoveParameters p = VanHoveParameters.of("Li", 0, 0.5, 1.7, 4.0).withTimestepFs(100);
    VanHoveResult below = run(file, p.withRange(10, 0.1), 60);
    assertEquals(60, below.frames());
    assertEquals(192, below.atoms());
    assertArrayEquals(new int[] {0, 5, 17, 40}, below.lagFrames());
    assertMatches(ref.get("ranges").get(0), below, "r < 10 Å");
    assertTrue(below.warnings().isEmpty(), below.warningTexts().toString());
    VanHoveResult beyond = run(file, p.withRange(12, 0.25), 60);
    assertMatches(ref.get("ranges").get(1), beyond, "r < 12 Å");
    assertEquals(VanHoveResult.Doubt.BEYOND_HALF_CELL, beyond.warnings().get(0).kind());
  }

  /**
   * The same file for the Li in the slab z = 5–12 Å at each origin, the self part along z only: the selection of (atom, origin) pairs,
   * the normalisation by their number, and the projected displacement, against the NumPy script's own selection.
   */
  @Test
  void regionAndDirectionMatchNumPy() throws IOException {
    JsonNode ref = reference().get("kinisi_xdatcar").get("ranges").get(2);
    Path file = SharedData.real("kinisi/example_XDATCAR.gz");
    VanHoveParameters p = VanHoveParameters.of("Li", 0, 0.5, 1.7, 4.0).withTimestepFs(100).withRange(10, 0.1)
        .withRegion(new org.interphase.analysis.msd.Region(2, 5.0, 12.0)).withAxes("z");
    assertMatches(ref, run(file, p, 60), "Li in z = 5–12 Å, along z");
  }

  /** The CP2K 7.1 NPT_F run: 80 N in a triclinic cell that changes every frame, lags 0, 3 and 10 frames, to 5 Å and 8 Å. */
  @Test
  void variableTriclinicCellMatchesNumPy() throws IOException {
    JsonNode ref = reference().get("cp2k_npt_f");
    Path file = SharedData.real("cp2kdata/test_dpdata/v7.1/aimd_npt_f/cp2k-pos-1.xyz");
    // one frame = 1 ps here, so that the lags name frames
    VanHoveParameters p = VanHoveParameters.of("N", 0, 3, 10).withTimestepFs(1000);
    assertMatches(ref.get("ranges").get(0), run(file, p.withRange(5, 0.1), 0), "r < 5 Å");
    assertMatches(ref.get("ranges").get(1), run(file, p.withRange(8, 0.1), 0), "r < 8 Å");
  }

  /** At lag 0 the distinct part is the g(r) of the species with itself, each frame with its own volume, as {@code rdf} computes it. */
  @Test
  void distinctPartAtLagZeroIsTheRdf() {
    Path file = SharedData.real("cp2kdata/test_dpdata/v7.1/aimd_npt_f/cp2k-pos-1.xyz");
    VanHoveResult vh = run(file, VanHoveParameters.of("N", 0).withTimestepFs(1000).withRange(8, 0.1), 0);
    RdfResult g;
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      RadialDistribution.Accumulator acc = new RadialDistribution(RdfParameters.of("N-N").withRange(8, 0.1)).start(src.header());
      src.forEachRemaining(acc);
      g = acc.finish();
    }
    assertArrayEquals(g.gR(), vh.gDistinct(0), 1e-12);
    assertEquals(1.0, vh.gSelf(0)[0] * vh.binA(), 1e-15, "no displacement at lag 0: all in the first bin");
  }
}
