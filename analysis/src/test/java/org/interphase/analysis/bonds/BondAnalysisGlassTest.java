package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A glass-style trajectory where a P2S7 unit splits into PS4 + PS3 at high temperature while the
 * PS3's S keeps touching an S of a neighbouring P2S7 (2.15–2.85 Å), a PS4 bond stretches, and an S8
 * ring opens: {@code src/test/resources/bonds/glass_p2s7_split.extxyz.gz}, 40 atoms, 400 frames.
 *
 * <p>Every expected number below was computed by {@code glass_p2s7_split.py} (same folder), an
 * independent NumPy implementation of the bond rules and of the motif definitions (PS3 = a P with
 * exactly three S and no P–P bond, S–S bonds ignored; PS4, P2S7, S8 ring/chain, S2 bridge, free S as
 * written in its docstring), run with Debian's {@code /usr/bin/python3} 3.11.2 and numpy 1.24.2 on the
 * written (rounded) coordinates. The script checks that no distance lies within 1e-5 Å of a cutoff,
 * so the counts must agree exactly.
 */
class BondAnalysisGlassTest {

  /** NumPy, single cutoff (P–S 2.45 Å, S–S and P–P 2.55 Å, no dwell): PS3 units per frame. */
  private static final String PS3_SINGLE =
      "0000000000111111110000000000000000011111111111100000000000000000010100000000000000000111111111111100"
      + "1100000000001011111111100000111111101111111221222122221111111111111122222222221111111111111111122222"
      + "2221111111111111111112222222221111111111111111111222222222211111111111111122222222222221111111111112"
      + "2222222221111000000000000010111111111000000000000000001111100000000000000000000111111111000000000000";

  /** NumPy, dual cutoff with a 3-frame dwell (the defaults): PS3 units per frame. */
  private static final String PS3_DUAL =
      "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000001111111111111111111111111111111111111111111111111"
      + "1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
      + "1111111111111000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";

  private static BondResult run(BondParameters p) {
    try {
      Path file = Path.of(BondAnalysisGlassTest.class.getResource("/bonds/glass_p2s7_split.extxyz.gz").toURI());
      return BondAnalysisTest.run(file, p);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int sum(BondResult r, String motif) {
    return IntStream.range(0, r.frames()).map(f -> r.count(f, motif)).sum();
  }

  private static int framesWith(BondResult r, String motif) {
    return (int) IntStream.range(0, r.frames()).filter(f -> r.count(f, motif) > 0).count();
  }

  private static int framesWithBoth(BondResult r, String a, String b) {
    return (int) IntStream.range(0, r.frames()).filter(f -> r.count(f, a) > 0 && r.count(f, b) > 0).count();
  }

  private static void assertSeries(String want, BondResult r) {
    assertEquals(want.length(), r.frames());
    for (int f = 0; f < r.frames(); f++) {
      assertEquals(want.charAt(f) - '0', r.count(f, "PS3"), "PS3 units in frame " + f);
    }
  }

  @Test
  void singleCutoffCountsLikeNumpy() {
    BondResult r = run(BondParameters.defaults().singleCutoff(2.45).withEventPairs("all"));
    assertSeries(PS3_SINGLE, r);
    assertEquals(255, framesWith(r, "PS3"), "frames with a PS3");
    assertEquals(113, framesWithBoth(r, "PS3", "S2 bridge"), "frames where a PS3 and an S–S contact coexist");
    Map<String, int[]> want = Map.of("PS4", new int[] {444, 329, 0}, "PS3", new int[] {324, 255, 10}, "P2S7",
        new int[] {616, 400, 0}, "S8 ring", new int[] {213, 213, 0}, "S8 chain", new int[] {187, 187, 213}, "S2 bridge",
        new int[] {204, 204, 0}, "S (isolated)", new int[] {540, 400, 0});
    want.forEach((m, w) -> {
      assertEquals(w[0], sum(r, m), m + ": units summed over frames");
      assertEquals(w[1], framesWith(r, m), m + ": frames present");
      assertEquals(w[2], r.firstFrame(m).getAsInt(), m + ": first frame");
    });
    assertEquals(46, r.events("P-S").size());
    assertEquals(25, r.events("S-S").size());
    assertEquals(0, r.events("P-P").size());
  }

  @Test
  void dualCutoffCountsLikeNumpy() {
    BondResult r = run(BondParameters.defaults().withEventPairs("P-S,S-S,P-P"));
    assertSeries(PS3_DUAL, r);
    assertEquals(162, framesWith(r, "PS3"), "frames with a PS3");
    assertEquals(69, framesWithBoth(r, "PS3", "S2 bridge"), "frames where a PS3 and an S–S contact coexist");
    Map<String, int[]> want = Map.of("PS4", new int[] {562, 400, 0}, "PS3", new int[] {162, 162, 151}, "P2S7",
        new int[] {638, 400, 0}, "S8 ring", new int[] {214, 214, 0}, "S8 chain", new int[] {186, 186, 214}, "S2 bridge",
        new int[] {206, 206, 0}, "S (isolated)", new int[] {400, 400, 0});
    want.forEach((m, w) -> {
      assertEquals(w[0], sum(r, m), m + ": units summed over frames");
      assertEquals(w[1], framesWith(r, m), m + ": frames present");
      assertEquals(w[2], r.firstFrame(m).getAsInt(), m + ": first frame");
    });
    assertEquals(2, r.events("P-S").size());
    assertEquals(23, r.events("S-S").size());
    assertEquals(0, r.events("P-P").size());
  }

  /** By default only the requested pair's events are reported (NumPy: 2 P–S events; the 23 S–S ones are left out). */
  @Test
  void defaultReportsTheRequestedPairOnly() {
    BondResult r = run(BondParameters.defaults());
    assertEquals(2, r.events().size());
    r.events().forEach(e -> assertEquals("P-S", e.pair()));
    assertEquals(BondEvent.Kind.BREAK, r.events().get(0).kind());
    assertEquals(151, r.events().get(0).frame());
    assertEquals(BondEvent.Kind.FORM, r.events().get(1).kind());
  }
}
