package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The two classifications on bond graphs written by hand; each expected count is the definition
 * (issue 15, {@link Motifs}) applied by hand to the drawn graph.
 */
class MotifsTest {

  /** Counts by label, in {@link Motif} order, for a graph given as P–S, S–S and P–P bond lists. */
  private static Map<String, Integer> classify(String elements, int[][] ps, int[][] ss, int[][] pp) {
    AtomTable atoms = AtomTable.of(elements.split(" "));
    Map<String, Integer> out = new LinkedHashMap<>();
    Motifs.count(atoms, List.of(ps), List.of(ss), List.of(pp)).forEach((m, n) -> out.put(m.label(), n));
    return out;
  }

  private static final int[][] NONE = new int[0][];

  /**
   * P0 has S2, S3, S4 (CN 3); P1 has S5–S8 (CN 4). S4–S5 at S–S bond distance: the thermal contact
   * that used to merge them into "other P2S7". By hand: P0 is PS3 (CN 3, no P–P), P1 is PS4 (alone
   * in its P group, CN 4); S4–S5 are two S–S-bonded S on two P units: one S2 bridge.
   */
  @Test
  void sulfurContactLeavesPs3AndPs4Alone() {
    Map<String, Integer> c = classify("P P S S S S S S S", new int[][] {{0, 2}, {0, 3}, {0, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}},
        new int[][] {{4, 5}}, NONE);
    assertEquals(Map.of("PS4", 1, "PS3", 1, "S2 bridge", 1), c);
  }

  /**
   * P2S7 (P0: S2 bridge, S3–S5; P1: S2, S6–S8) whose terminal S8 is bonded to an open chain S9–S10–S11:
   * the P2S7 stays P2S7; the S–S group S8–S9–S10–S11 touches one P unit: an S4 chain on P.
   */
  @Test
  void polysulfideTailOnP2s7() {
    Map<String, Integer> c = classify("P P S S S S S S S S S S", new int[][] {{0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 2}, {1, 6}, {1, 7},
        {1, 8}}, new int[][] {{8, 9}, {9, 10}, {10, 11}}, NONE);
    assertEquals(Map.of("P2S7", 1, "S4 chain on P", 1), c);
  }

  /** Two P of CN 4 sharing S2 and S3 (edge-sharing P2S6²⁻): one P2S6, no PS4. */
  @Test
  void edgeSharingP2s6() {
    Map<String, Integer> c = classify("P P S S S S S S", new int[][] {{0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 2}, {1, 3}, {1, 6}, {1, 7}},
        NONE, NONE);
    assertEquals(Map.of("P2S6", 1), c);
  }

  /** Two P of CN 3 with a P–P bond (P2S6⁴⁻): one P2S6; neither P is a PS3, they have a P–P bond. */
  @Test
  void pBondedP2s6IsNotTwoPs3() {
    Map<String, Integer> c = classify("P P S S S S S S", new int[][] {{0, 2}, {0, 3}, {0, 4}, {1, 5}, {1, 6}, {1, 7}}, NONE,
        new int[][] {{0, 1}});
    assertEquals(Map.of("P2S6", 1), c);
  }

  /**
   * P0 of CN 3 sharing S4 with P1 of CN 4 (a PS3 still touching the PS4 it left): P0 is PS3 by
   * definition (CN 3, no P–P); P1 shares an S, so it is not PS4 and not in a P2S7: other, with its own
   * P and its four S, "other PS4".
   */
  @Test
  void ps3SharingAnSWithAPs4() {
    Map<String, Integer> c = classify("P P S S S S S S", new int[][] {{0, 2}, {0, 3}, {0, 4}, {1, 4}, {1, 5}, {1, 6}, {1, 7}}, NONE,
        NONE);
    assertEquals(Map.of("PS3", 1, "other PS4", 1), c);
  }

  /**
   * Three P of CN 4 in a row, P0–S–P1–S–P2 (4 + 4 + 4 − 2 shared = 10 S): no pair of two, so no
   * P2S7; other P3S10. A P of CN 5 and one of CN 2 beside them: other PS5, other PS2.
   */
  @Test
  void longerChainsAndOddCoordinationAreOther() {
    Map<String, Integer> c = classify("P P P S S S S S S S S S S P S S S S S P S S",
        new int[][] {{0, 3}, {0, 4}, {0, 5}, {0, 6}, {1, 6}, {1, 7}, {1, 8}, {1, 9}, {2, 9}, {2, 10}, {2, 11}, {2, 12}, {13, 14}, {13, 15},
            {13, 16}, {13, 17}, {13, 18}, {19, 20}, {19, 21}}, NONE, NONE);
    assertEquals(Map.of("other PS2", 1, "other PS5", 1, "other P3S10", 1), c);
  }

  /**
   * Sulfur on its own: an S8 ring (S0–S7 closed), an opened S8 chain (S8–S15), a star of four S
   * (S16 bonded to S17, S18, S19: branched) and a lone S20: S8 ring, S8 chain, other S4, free S.
   */
  @Test
  void sulfurRingsChainsBranchesAndFreeS() {
    String el = String.join(" ", java.util.Collections.nCopies(21, "S"));
    List<int[]> ss = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ss.add(new int[] {i, (i + 1) % 8});
    }
    for (int i = 8; i < 15; i++) {
      ss.add(new int[] {i, i + 1});
    }
    ss.addAll(List.of(new int[] {16, 17}, new int[] {16, 18}, new int[] {16, 19}));
    Map<String, Integer> c = classify(el, NONE, ss.toArray(new int[0][]), NONE);
    assertEquals(Map.of("S8 ring", 1, "S8 chain", 1, "other S4", 1, "S (isolated)", 1), c);
    assertEquals(List.of("S8 ring", "S8 chain", "other S4", "S (isolated)"), List.copyOf(c.keySet()), "listed in Motif order");
  }

  /** Labels as documented, and the generic names users give (render --highlight motif:S chain). */
  @Test
  void labelsAndGenericNames() {
    Motif otherP = new Motif(Motif.Type.OTHER_THIOPHOSPHATE, 3, 10);
    Motif chain = new Motif(Motif.Type.S_CHAIN, 0, 8);
    assertEquals("other P3S10", otherP.label());
    assertEquals("other PS5", new Motif(Motif.Type.OTHER_THIOPHOSPHATE, 1, 5).label());
    assertEquals("S8 chain", chain.label());
    assertEquals("S3 chain on P", new Motif(Motif.Type.S_CHAIN_ON_P, 0, 3).label());
    assertEquals("S2 bridge", new Motif(Motif.Type.S_BRIDGE, 0, 2).label());
    assertEquals(List.of(true, true, false, true, false), List.of(chain.matches("S chain"), chain.matches("s8 chain"),
        chain.matches("S chain on P"), otherP.matches("other"), Motif.PS3.matches("PS4")));
  }

  /**
   * An S8 ring (S5–S12) whose S5 sits at S–S bond distance from S1, a terminal S of the PS4 P0
   * (S1–S4): the ring S keep their two ring bonds, so by the definition the ring is still an S8 ring
   * and P0 is still a PS4 (its S1 belongs to the PS4 alone).
   */
  @Test
  void ringTouchingAPs4StaysARing() {
    List<int[]> ss = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ss.add(new int[] {5 + i, 5 + (i + 1) % 8});
    }
    ss.add(new int[] {1, 5});
    Map<String, Integer> c = classify("P S S S S S S S S S S S S", new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}},
        ss.toArray(new int[0][]), NONE);
    assertEquals(Map.of("PS4", 1, "S8 ring", 1), c);
  }

  /**
   * shared/data/bugs/B01-cp2k-kind-alias: a P2S7 written with the kind labels Sb (bridging) and St
   * (terminal) for S. Its expected.json (computed by its make.py with the standard library: P–S below
   * 2.45 Å, minimum image in the 12 Å cubic cell) holds one P2S7 in every frame and nothing else. The
   * frames are built here with the elements the input's &amp;KIND … ELEMENT map gives (Sb, St → S),
   * independently of the CP2K reader.
   */
  @Test
  void b01KindAliasGeometryIsOneP2s7InEveryFrame() throws IOException {
    Path dir = SharedData.path("data/bugs/B01-cp2k-kind-alias");
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    Map<String, String> elementOfKind = Map.of("P", "P", "Sb", "S", "St", "S", "Li", "Li");
    List<String> lines = Files.readAllLines(dir.resolve("input/p2s7-pos-1.xyz"));
    Cell cell = Cell.orthorhombic(12, 12, 12);
    List<Frame> frames = new ArrayList<>();
    String[] elements = null;
    for (int i = 0; i < lines.size(); ) {
      int n = Integer.parseInt(lines.get(i).strip());
      elements = new String[n];
      double[] pos = new double[3 * n];
      for (int a = 0; a < n; a++) {
        String[] t = lines.get(i + 2 + a).strip().split("\\s+");
        elements[a] = elementOfKind.get(t[0]);
        for (int k = 0; k < 3; k++) {
          pos[3 * a + k] = Double.parseDouble(t[1 + k]);
        }
      }
      frames.add(new Frame(frames.size(), frames.size(), cell, pos, null, null, null));
      i += n + 2;
    }
    AtomTable atoms = AtomTable.of(elements);
    BondResult r = BondAnalysisTest.run(BondParameters.defaults(), new TrajectoryHeader("B01", "t", "t", atoms, cell, 1.0, false,
        List.of()), frames);
    assertEquals(expected.get("frames").asInt(), r.frames());
    Map<String, Integer> every = new LinkedHashMap<>();
    expected.get("motifs_every_frame").fields().forEachRemaining(e -> every.put(e.getKey(), e.getValue().asInt()));
    for (int f = 0; f < r.frames(); f++) {
      Map<String, Integer> got = new LinkedHashMap<>();
      r.countsAt(f).forEach((m, n) -> got.put(m.label(), n));
      assertEquals(every, got, "frame " + f);
    }
    assertEquals(List.of(Motif.P2S7), r.motifs());
    assertEquals(Arrays.asList(0), Arrays.stream(r.motifFirstFrame()).boxed().toList());
  }
}
