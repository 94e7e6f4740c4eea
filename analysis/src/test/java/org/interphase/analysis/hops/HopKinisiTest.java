package org.interphase.analysis.hops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.interphase.core.FrameSource;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Li sites and hops in kinisi's Li6PS5Cl AIMD ({@code ../shared/data/real/kinisi/example_XDATCAR.gz}: 192 Li, 140 frames,
 * 100 fs apart; anchors.md §5), read in place.
 */
class HopKinisiTest {

  static HopResult run(Path file, HopParameters p) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT.withTimestepFs(100))) {
      HopAnalysis.Accumulator acc = new HopAnalysis(p).start(src.header());
      while (src.hasNext()) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  /**
   * Sites from the density: between the number of Li (192) and a few times that (Li6PS5Cl has 48h sites, 48 per unit cell
   * for 24 Li: 384 in this 2 × 2 × 2 cell); the hops agree with the MSD: D_jump within a factor 3 of the tracer D.
   */
  @Test
  void sitesAndHopsAgreeWithTheMsd() {
    HopResult r = run(SharedData.real("kinisi/example_XDATCAR.gz"), HopParameters.of("Li"));
    System.out.printf(java.util.Locale.ROOT, "kinisi Li6PS5Cl: %d sites for %d Li, %d hops (%.3f per atom per ps), D_jump %.3e cm²/s, "
        + "D_tracer %.3e cm²/s, f = %.2f%n", r.sites().size(), r.atoms(), r.hops().size(), r.ratePerAtomPs(), r.dJumpCm2S(),
        r.dTracerCm2S(), r.correlationFactor());
    assertEquals(192, r.atoms());
    assertEquals(140, r.frames());
    assertTrue(r.sites().size() >= 192 && r.sites().size() <= 4 * 192, "sites: " + r.sites().size());
    assertTrue(r.hops().size() > 0);
    double ratio = r.dJumpCm2S() / r.dTracerCm2S();
    assertTrue(ratio > 1.0 / 3 && ratio < 3, "D_jump / D_tracer = " + ratio);
  }
}
