package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class BondAnalysisTest {

  static BondResult run(BondParameters p, TrajectoryHeader h, List<Frame> frames) {
    BondAnalysis.Accumulator acc = new BondAnalysis(p).start(h);
    frames.forEach(acc);
    return acc.finish();
  }

  static BondResult run(Path file, BondParameters p) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      BondAnalysis.Accumulator acc = new BondAnalysis(p).start(src.header());
      while (src.hasNext()) {
        acc.accept(src.next());
      }
      return acc.finish();
    }
  }

  /**
   * anchors.md §3b (kinisi Li6PS5Cl, 32 P × 140 frames, minimum-image distances, confirmed with
   * ASE): the dual cutoff gives no event and 32 PS4 in every frame; a single P–S cutoff gives 593
   * on/off transitions at 2.2 Å, 14 at 2.3 Å and 0 at 2.5 Å.
   */
  @Test
  void kinisiLpscDualCutoffIsQuietSingleCutoffFlickers() {
    Path file = SharedData.real("kinisi/example_XDATCAR.gz");
    BondResult dual = run(file, BondParameters.defaults());
    assertEquals(0, dual.events().size(), dual.events().toString());
    for (int f = 0; f < dual.frames(); f++) {
      assertEquals(32, dual.count(f, "PS4"), "frame " + f);
    }
    // the 32 S2- anions of Li6PS5Cl (Li192 P32 S160 Cl32: 160 − 4·32) are bonded to neither P nor S
    assertEquals(32, dual.count(0, "S (isolated)"));
    assertEquals(140, dual.frames());
    int[] want = {593, 14, 0};
    double[] cut = {2.2, 2.3, 2.5};
    for (int i = 0; i < 3; i++) {
      BondResult single = run(file, BondParameters.defaults().singleCutoff(cut[i]));
      assertEquals(want[i], single.events("P-S").size(), "single cutoff " + cut[i] + " Å");
    }
  }

  /**
   * shared/data/cp2k/aimd_nvt reference.json: per frame, the number of P with 4, 3 and other S
   * within the cutoff (MDAnalysis distance_array, minimum image), for 2.5, 2.4 and 2.3 Å. Matched
   * exactly with a single cutoff and no dwell, both as coordination histogram and as PS4 and PS3
   * units (reference.md: a PS4 is a P with CN 4, a PS3 a P with CN 3; no two P share an S here).
   */
  @Test
  void cp2kCoordinationSeriesMatchExactly() throws IOException {
    JsonNode ref = new ObjectMapper().readTree(SharedData.cp2k("aimd_nvt/reference.json").toFile()).get("ps_coordination")
        .get("by_cutoff");
    List<Frame> frames;
    TrajectoryHeader h;
    try (FrameSource src = FormatRegistry.open(SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz"), ReadOptions.DEFAULT)) {
      h = src.header();
      frames = FrameSources.readAll(src);
    }
    for (String key : List.of("2.50", "2.40", "2.30")) {
      double c = Double.parseDouble(key);
      BondResult r = run(BondParameters.defaults().singleCutoff(c), h, frames);
      JsonNode r4 = ref.get(key).get("n_PS4_per_frame");
      JsonNode r3 = ref.get(key).get("n_PS3_per_frame");
      JsonNode rb = ref.get(key).get("n_PS_bonds_per_frame");
      assertEquals(2001, r.frames());
      for (int f = 0; f < r.frames(); f++) {
        int[] cn = r.coordination()[f];
        assertEquals(r4.get(f).asInt(), cn[4], key + " frame " + f);
        assertEquals(r3.get(f).asInt(), cn[3], key + " frame " + f);
        assertEquals(rb.get(f).asInt(), Math.round(r.meanCoordination()[f] * 4), key + " frame " + f);
        // the thiophosphate units say the same: a PS3 is a P with three S, whatever S–S contacts it has
        assertEquals(r3.get(f).asInt(), r.count(f, "PS3"), key + " PS3 units, frame " + f);
        assertEquals(r4.get(f).asInt(), r.count(f, "PS4"), key + " PS4 units, frame " + f);
      }
    }
  }

  /** A PS4 in a box; one S moves away from frame 10 on: one break at frame 10, PS4 → PS3. */
  @Test
  void pulledSulfurBreaksOnceAtTheRightFrame() {
    Cell cell = Cell.orthorhombic(15, 15, 15);
    AtomTable atoms = AtomTable.of("P", "S", "S", "S", "S", "Li");
    double b = 2.05 / Math.sqrt(3);
    double[][] dirs = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
    List<Frame> frames = new ArrayList<>();
    java.util.Random rnd = new java.util.Random(4);
    for (int k = 0; k < 40; k++) {
      double[] pos = new double[18];
      pos[0] = 7;
      pos[1] = 7;
      pos[2] = 7;
      for (int s = 0; s < 4; s++) {
        double stretch = s == 0 && k >= 10 ? 2.05 + 0.15 * (k - 9) : 2.05 + 0.05 * rnd.nextGaussian();
        for (int d = 0; d < 3; d++) {
          pos[3 * (s + 1) + d] = 7 + dirs[s][d] * b * stretch / 2.05;
        }
      }
      pos[15] = 1;
      pos[16] = 1;
      pos[17] = 1;
      frames.add(new Frame(k, k * 2.0, cell, pos, null, null, null));
    }
    TrajectoryHeader h = new TrajectoryHeader("synthetic", "t", "t", atoms, cell, 2.0, false, List.of());
    BondResult r = run(BondParameters.defaults(), h, frames);
    // distance passes 2.9 Å (break) when 2.05 + 0.15 (k - 9) > 2.9, i.e. k = 15
    List<BondEvent> ev = r.events("P-S");
    assertEquals(1, ev.size(), ev.toString());
    assertEquals(BondEvent.Kind.BREAK, ev.get(0).kind());
    assertEquals(15, ev.get(0).frame());
    assertEquals(0.030, ev.get(0).timePs(), 1e-12);
    assertEquals(1, ev.get(0).ligand());
    assertEquals(7.0, ev.get(0).positionA()[0], 1e-12);
    assertEquals(1, r.count(14, "PS4"));
    assertEquals(1, r.count(15, "PS3"));
    assertEquals(15, r.firstFrame("PS3").getAsInt());
    // the S that left is bonded to nothing from frame 15 on
    assertEquals(0, r.count(14, "S (isolated)"));
    assertEquals(1, r.count(15, "S (isolated)"));
  }

  /** An S8 crown ring; from frame 5 on, the bond between S0 and S1 stretches: one S–S break, ring → open S8 chain. */
  @Test
  void s8RingOpens() {
    Cell cell = Cell.orthorhombic(14, 14, 14);
    String[] el = new String[8];
    java.util.Arrays.fill(el, "S");
    AtomTable atoms = AtomTable.of(el);
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      double[] pos = new double[24];
      double r = 2.05 / (2 * Math.sin(Math.PI / 8)); // regular octagon with 2.05 Å sides
      for (int i = 0; i < 8; i++) {
        double a = 2 * Math.PI * i / 8;
        pos[3 * i] = 7 + r * Math.cos(a);
        pos[3 * i + 1] = 7 + r * Math.sin(a);
        pos[3 * i + 2] = 7 + (i % 2 == 0 ? 0.3 : -0.3);
      }
      if (k >= 5) {
        // move S0 away from S1 along the direction S1→S0 by 0.1 Å per frame
        double dx = pos[0] - pos[3];
        double dy = pos[1] - pos[4];
        double dz = pos[2] - pos[5];
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        pos[0] += dx / len * 0.1 * (k - 4);
        pos[1] += dy / len * 0.1 * (k - 4);
        pos[2] += dz / len * 0.1 * (k - 4);
      }
      frames.add(new Frame(k, k * 1.0, cell, pos, null, null, null));
    }
    TrajectoryHeader h = new TrajectoryHeader("synthetic", "t", "t", atoms, cell, 1.0, false, List.of());
    BondResult r = run(BondParameters.of(BondRule.defaultSS()), h, frames);
    List<BondEvent> ev = r.events("S-S");
    assertEquals(1, ev.size(), ev.toString());
    assertEquals(BondEvent.Kind.BREAK, ev.get(0).kind());
    assertEquals(0, ev.get(0).center());
    assertEquals(1, ev.get(0).ligand());
    assertEquals(1, r.count(0, "S8 ring"));
    assertEquals(0, r.count(29, "S8 ring"));
    assertEquals(1, r.count(29, "S8 chain"));
    assertEquals(ev.get(0).frame(), r.firstFrame("S8 chain").getAsInt());
  }

  /**
   * A strongly skewed cell (a = s·(6, 0, 0), b = s·(5.2, 3, 0)) where the P–S bond of 2.1 Å has the
   * fractional components (−0.55, 0.45): rounding them gives the image 0.45·(a + b), 6.6 Å long.
   */
  @Test
  void partnerThroughANonObviousImage() {
    double len = Math.hypot(-0.96, 1.35);
    double sc = 2.1 / len;
    Cell cell = Cell.ofRows(new double[] {6 * sc, 0, 0, 5.2 * sc, 3 * sc, 0, 0, 0, 10});
    double[] p = {1.0, 1.0, 5.0};
    double[] s = {p[0] - 0.96 * sc, p[1] + 1.35 * sc, 5.0};
    double[] naive = new double[3];
    double[] frac = cell.toFractional(new double[] {s[0] - p[0], s[1] - p[1], s[2] - p[2]}, new double[3]);
    assertEquals(-0.55, frac[0], 1e-9);
    assertEquals(0.45, frac[1], 1e-9);
    for (int k = 0; k < 3; k++) {
      frac[k] -= Math.rint(frac[k]);
    }
    cell.toCartesian(frac, naive);
    assertTrue(Math.sqrt(naive[0] * naive[0] + naive[1] * naive[1] + naive[2] * naive[2]) > 6, "naive rounding misses it");
    AtomTable atoms = AtomTable.of("P", "S");
    List<Frame> frames = List.of(new Frame(0, 0, cell, new double[] {p[0], p[1], p[2], s[0], s[1], s[2]}, null, null, null));
    BondResult r = run(BondParameters.defaults(), new TrajectoryHeader("skew", "t", "t", atoms, cell, 1, false, List.of()), frames);
    assertEquals(1, r.coordination()[0][1], "P has one S");
  }

  /**
   * The Li2S(110) | S8 cell of shared/data/cp2k/interface_energy (slab A: Li24S12 at z ≈ 7.5–14 Å,
   * S8 above it, vacuum): automatic layers from composition find Li2S, S8 and vacuum, in that
   * order along z.
   */
  @Test
  void automaticLayersFromComposition() {
    Frame f;
    TrajectoryHeader h;
    try (FrameSource src = FormatRegistry.open(SharedData.cp2k("interface_energy/aimd_interface-pos-1.xyz"), ReadOptions.DEFAULT)) {
      h = src.header();
      f = src.next();
    }
    Layers l = Layers.automatic(h.atoms(), f, 2);
    List<String> names = List.of(l.names());
    assertTrue(names.contains("Li S"), names.toString());
    assertTrue(names.contains("S"), names.toString());
    assertTrue(names.contains("vacuum"), names.toString());
    int li2s = names.indexOf("Li S");
    int s8 = names.indexOf("S");
    assertTrue(l.hi()[li2s] <= l.lo()[s8] + 1e-9, "Li2S below S8: " + names);
    // the S8 atoms (the last 8, from slab B) sit in the S layer, but for those in contact with the
    // Li2S surface: a composition window cannot place the boundary closer than its ±1.5 Å; every
    // Li (atoms 0-23 are slab A's Li, CP2K input order) sits in the Li S layer
    int inS = 0;
    for (int i = 36; i < 44; i++) {
      double z = f.position(i, 2);
      inS += l.layerOf(z - Math.floor(z / 22.92738) * 22.92738) == s8 ? 1 : 0;
    }
    assertTrue(inS >= 6, inS + " of 8 S8 atoms in the S layer");
    for (int i = 0; i < 44; i++) {
      if (h.atoms().element(i).equals("Li")) {
        double z = f.position(i, 2);
        assertEquals(li2s, l.layerOf(z - Math.floor(z / 22.92738) * 22.92738), "Li atom " + i);
      }
    }
  }
}
