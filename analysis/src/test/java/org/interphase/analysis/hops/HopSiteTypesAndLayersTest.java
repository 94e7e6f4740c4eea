package org.interphase.analysis.hops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.interphase.analysis.msd.Region;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/** Site types by anion coordination and hop statistics per layer, on trajectories built here with known answers. */
class HopSiteTypesAndLayersTest {
  private static final double L = 12.0;
  /** Unit vectors to the corners of a tetrahedron. */
  private static final double[][] TETRAHEDRON = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};

  @Test
  void formulaPutsTheMostFrequentAnionFirst() {
    assertEquals("S3Cl", SiteTyper.formula(new TreeMap<>(Map.of("S", 3, "Cl", 1))));
    assertEquals("Cl2S2", SiteTyper.formula(new TreeMap<>(Map.of("S", 2, "Cl", 2))));
    assertEquals("O6", SiteTyper.formula(new TreeMap<>(Map.of("O", 6))));
    assertEquals("CN0", SiteTyper.formula(new TreeMap<>()));
  }

  /**
   * Three Li, each rattling in its own site: A inside a tetrahedron of four S at 2.40 Å, B inside three S and one Cl at 2.45 Å,
   * C at the centre of a ring of eight S of radius 3.6 Å (in the xz plane, ≥ 4.9 Å from A and B) that turns about the site
   * (its time-averaged S positions would collapse
   * onto the site, but in every frame no S is within 3 Å). The sites come from the density, the types from the per-frame counts.
   */
  @Test
  void densitySitesAreTypedByTheAnionsAroundThemInEachFrame() {
    double[][] sites = {{3, 3, 3}, {9, 9, 9}, {3, 9, 3}};
    List<String> el = new ArrayList<>(List.of("Li", "Li", "Li", "S", "S", "S", "S", "S", "S", "S", "Cl"));
    for (int j = 0; j < 8; j++) {
      el.add("S");
    }
    AtomTable atoms = AtomTable.of(el.toArray(String[]::new));
    Cell cell = Cell.orthorhombic(L, L, L);
    var acc = new HopAnalysis(HopParameters.of("Li").withTracer(false)).start(new TrajectoryHeader("typed", "t", "t", atoms, cell, 10,
        false, List.of()));
    Random rnd = new Random(3);
    for (int f = 0; f < 300; f++) {
      double[] pos = new double[3 * atoms.size()];
      for (int i = 0; i < 3; i++) {
        put(pos, i, sites[i], 0, 0, 0, 0.15, rnd);
      }
      for (int k = 0; k < 4; k++) {
        put(pos, 3 + k, sites[0], 2.40 * TETRAHEDRON[k][0] / Math.sqrt(3), 2.40 * TETRAHEDRON[k][1] / Math.sqrt(3),
            2.40 * TETRAHEDRON[k][2] / Math.sqrt(3), 0.08, rnd);
        put(pos, 7 + k, sites[1], 2.45 * TETRAHEDRON[k][0] / Math.sqrt(3), 2.45 * TETRAHEDRON[k][1] / Math.sqrt(3),
            2.45 * TETRAHEDRON[k][2] / Math.sqrt(3), 0.08, rnd);
      }
      for (int j = 0; j < 8; j++) {
        double phi = 2 * Math.PI * j / 8 + 0.37 * f;
        put(pos, 11 + j, sites[2], 3.6 * Math.cos(phi), 0, 3.6 * Math.sin(phi), 0.05, rnd);
      }
      acc.accept(new Frame(f, f * 10.0, cell, pos, null, null, null));
    }
    HopResult r = acc.finish();
    assertEquals(3, r.sites().size());
    for (int s = 0; s < 3; s++) {
      double[] c = r.positionsA()[s];
      int nearest = 0;
      for (int k = 1; k < 3; k++) {
        nearest = dist(c, sites[k]) < dist(c, sites[nearest]) ? k : nearest;
      }
      assertEquals(List.of("S4", "S3Cl", "CN0").get(nearest), r.sites().get(s).type(), "site near " + List.of("A", "B", "C").get(nearest));
    }
    assertEquals(0, r.hops().size());
  }

  /**
   * One Li in a 10 Å cube between a site at z = 2.5 Å and one at z = 7.5 Å (reference sites): frames 0–9 in the first, 10–19 in
   * the second, 20–29 in the first again, so two hops of l = 5 Å, one out of each layer of z = 0:5 and z = 5:10, both crossing.
   */
  @Test
  void hopsPerLayerFollowTheSiteTheyLeave() {
    Cell cell = Cell.orthorhombic(10, 10, 10);
    List<Site> ref = List.of(new Site(new double[] {0.5, 0.5, 0.25}, "Li"), new Site(new double[] {0.5, 0.5, 0.75}, "Li"));
    var acc = new HopAnalysis(HopParameters.of("Li").withSites(ref).withTracer(false)).start(new TrajectoryHeader("two", "t", "t",
        AtomTable.of("Li"), cell, 10, false, List.of()));
    for (int f = 0; f < 30; f++) {
      double z = f >= 10 && f < 20 ? 7.5 : 2.5;
      acc.accept(new Frame(f, f * 10.0, cell, new double[] {5, 5, z}, null, null, null));
    }
    HopResult r = acc.finish();
    assertEquals(2, r.hops().size());
    List<Region> layers = List.of(Region.parse("z=0:5"), Region.parse("z=5:10"));
    List<HopLayers> st = HopLayers.of(r, layers);
    assertEquals(1, st.get(0).sites());
    assertEquals(1, st.get(1).sites());
    assertEquals(1, st.get(0).hopsOut());
    assertEquals(0, st.get(0).hopsWithin());
    assertEquals(1, st.get(1).hopsOut());
    assertEquals(1.0, st.get(0).atoms() + st.get(1).atoms(), 1e-12, "the one Li is always in one of the two sites");
    double tPs = 29 * 10 / 1000.0;
    assertEquals(1 / (st.get(0).atoms() * tPs), st.get(0).ratePerAtomPs(), 1e-9);
    // Σ_layers atoms·D_jump = Σ l² / (6 t) = 2 × 25 Å² / (6 × 290 fs) = 0.028736 Å²/fs = 2.8736e-3 cm²/s (1 Å²/fs = 0.1 cm²/s)
    double weighted = st.get(0).atoms() * st.get(0).dJumpCm2S() + st.get(1).atoms() * st.get(1).dJumpCm2S();
    assertEquals(50.0 / 1740.0 * 0.1, weighted, 1e-12);
    assertEquals(r.dJumpCm2S(), weighted, 1e-12);
    assertArrayEquals(new int[] {0, 1, 0}, HopLayers.crossings(r, layers)[0]);
    assertArrayEquals(new int[] {1, 0, 0}, HopLayers.crossings(r, layers)[1]);
    assertArrayEquals(new int[] {0, 0, 0}, HopLayers.crossings(r, layers)[2]);
  }

  private static void put(double[] pos, int i, double[] c, double dx, double dy, double dz, double sigma, Random rnd) {
    pos[3 * i] = c[0] + dx + sigma * rnd.nextGaussian();
    pos[3 * i + 1] = c[1] + dy + sigma * rnd.nextGaussian();
    pos[3 * i + 2] = c[2] + dz + sigma * rnd.nextGaussian();
  }

  private static double dist(double[] a, double[] b) {
    return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
  }
}
