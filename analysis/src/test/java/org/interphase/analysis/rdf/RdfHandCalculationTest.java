package org.interphase.analysis.rdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interphase.analysis.msd.Region;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/** g(r) and n(r) of structures whose answer is known by hand, in orthorhombic, skewed and changing cells. */
class RdfHandCalculationTest {
  /** Simple cubic lattice constant, Å: the shells a, √2a, √3a, 2a fall inside bins of 0.05 Å, none near an edge. */
  private static final double A = 3.015;

  static RdfResult run(RdfParameters p, AtomTable atoms, List<Frame> frames) {
    TrajectoryHeader h = new TrajectoryHeader("hand", "test", "test", atoms, frames.get(0).cell(), 1.0, false, List.of());
    RadialDistribution.Accumulator acc = new RadialDistribution(p).start(h);
    frames.forEach(acc);
    return acc.finish();
  }

  /** The n × n × n simple cubic lattice of constant {@code a} (offset by a quarter), Cartesian Å. */
  static double[] simpleCubic(int n, double a) {
    double[] p = new double[3 * n * n * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int l = 0; l < n; l++) {
          p[k++] = (i + 0.25) * a;
          p[k++] = (j + 0.25) * a;
          p[k++] = (l + 0.25) * a;
        }
      }
    }
    return p;
  }

  private static AtomTable same(String el, int n) {
    String[] e = new String[n];
    Arrays.fill(e, el);
    return AtomTable.of(e);
  }

  private static Frame frame(Cell cell, double[] positions) {
    return new Frame(0, 0, cell, positions, null, null, null);
  }

  private static double shell(RdfResult r, int k) {
    double lo = k * r.binA();
    double hi = (k + 1) * r.binA();
    return 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
  }

  private static int binOf(double rA) {
    return (int) Math.floor(rA / 0.05);
  }

  /**
   * A 3 × 3 × 3 simple cubic crystal (27 atoms, box 3a = 9.045 Å) to 6.5 Å, beyond half the box
   * (4.52 Å): every atom has 6 neighbours at a, 12 at √2a, 8 at √3a, 6 at 2a (those at 2a are the
   * images of the atoms at a, across the box). n(r) between the shells is 6, 18, 26, 32. In the bin
   * of the first shell, 27 · 6 ordered pairs over N(N − 1) = 27 · 26 pairs at density 1/V:
   * g = 27 · 6 · V / (27 · 26 · shell volume).
   */
  @Test
  void simpleCubicShellsCountEveryImageBeyondHalfTheBox() {
    Cell cell = Cell.orthorhombic(3 * A, 3 * A, 3 * A);
    RdfResult r = run(new RdfParameters("Li", "Li", 6.5, 0.05, null), same("Li", 27), List.of(frame(cell, simpleCubic(3, A))));
    double[] n = r.coordination();
    assertEquals(6.0, n[binOf(3.5)], 1e-12);
    assertEquals(18.0, n[binOf(4.6)], 1e-12);
    assertEquals(26.0, n[binOf(5.5)], 1e-12);
    assertEquals(32.0, n[binOf(6.3)], 1e-12);
    assertEquals(0.0, n[binOf(2.9)], 0.0);
    int k = binOf(A);
    double v = cell.volumeA3();
    assertEquals(27.0 * 6 * v / (27.0 * 26 * shell(r, k)), r.gR()[k], 1e-9 * r.gR()[k]);
    assertEquals(27.0 * 12 * v / (27.0 * 26 * shell(r, binOf(Math.sqrt(2) * A))), r.gR()[binOf(Math.sqrt(2) * A)], 1e-9);
    assertEquals(0.0, r.gR()[binOf(3.6)], 0.0);
    assertEquals(3.025, r.firstPeakA(), 1e-12, "the centre of the bin of a");
    assertTrue(r.firstMinimumA() > 3.05 && r.firstMinimumA() < 4.25, "minimum in the empty gap: " + r.firstMinimumA());
    assertEquals(6.0, r.coordinationFirstShell(), 1e-12);
    assertEquals(RdfResult.Doubt.BEYOND_HALF_CELL, r.warnings().get(0).kind());
    assertEquals(4.5225, r.smallestHalfWidthA(), 1e-12);
  }

  /**
   * The same crystal in a skewed cell: rows A, 3A + B, 2A + 3B + C of the cubic box (an integer matrix
   * of determinant 1: the same lattice of translations, the same volume), so the same g(r) and n(r).
   * Its perpendicular widths are 1.18, 2.86 and 9.05 Å, so most neighbours are found only as images
   * several cells away: a minimum image would miss them.
   */
  @Test
  void skewedCellOfTheSameCrystalGivesTheSameResult() {
    double l = 3 * A;
    Cell cubic = Cell.orthorhombic(l, l, l);
    Cell skewed = Cell.ofRows(new double[] {l, 0, 0}, new double[] {3 * l, l, 0}, new double[] {2 * l, 3 * l, l});
    assertEquals(cubic.volumeA3(), skewed.volumeA3(), 1e-9);
    assertTrue(Arrays.stream(skewed.perpendicularWidthsA()).min().getAsDouble() < 1.2, Arrays.toString(skewed.perpendicularWidthsA()));
    RdfParameters p = new RdfParameters("Li", "Li", 6.5, 0.05, null);
    RdfResult a = run(p, same("Li", 27), List.of(frame(cubic, simpleCubic(3, A))));
    RdfResult b = run(p, same("Li", 27), List.of(frame(skewed, simpleCubic(3, A))));
    assertArrayEquals(a.coordination(), b.coordination(), 1e-12);
    assertArrayEquals(a.gR(), b.gR(), 1e-9);
    assertEquals(26.0, b.coordination()[binOf(5.5)], 1e-12);
  }

  /**
   * CsCl-type A–B crystal (a = 4 Å, 2 × 2 × 2 cells: 8 A, 8 B, box 8 Å) to 7 Å, beyond half the box:
   * every A has 8 B at √3/2 a = 3.464 Å and 24 at √11/2 a = 6.633 Å. g in the first bin: 8 · 8 pairs
   * found over N_A · N_B = 64 pairs at density 1/V.
   */
  @Test
  void twoSpeciesCrystalNormalisesWithNaTimesNb() {
    double a = 4.0;
    double[] pos = new double[48];
    double[] lattice = simpleCubic(2, a);
    for (int i = 0; i < 8; i++) {
      for (int d = 0; d < 3; d++) {
        pos[3 * i + d] = lattice[3 * i + d];
        pos[24 + 3 * i + d] = lattice[3 * i + d] + a / 2;
      }
    }
    String[] el = new String[16];
    Arrays.fill(el, 0, 8, "Cs");
    Arrays.fill(el, 8, 16, "Cl");
    Cell cell = Cell.orthorhombic(2 * a, 2 * a, 2 * a);
    RdfResult r = run(new RdfParameters("Cs", "Cl", 7.0, 0.05, null), AtomTable.of(el), List.of(frame(cell, pos)));
    assertEquals(8.0, r.coordination()[binOf(5.0)], 1e-12);
    assertEquals(32.0, r.coordination()[binOf(6.9)], 1e-12);
    int k = binOf(Math.sqrt(3) / 2 * a);
    assertEquals(64.0 * cell.volumeA3() / (64.0 * shell(r, k)), r.gR()[k], 1e-9 * r.gR()[k]);
    assertEquals(8.0, r.coordinationFirstShell(), 1e-12);
  }

  /** Two Li 2.02 Å apart in a 10 Å box: each counts the other (two ordered pairs over N(N − 1) = 2); one Li and one S: one pair. */
  @Test
  void sameSpeciesCountsEachOrderedPairOnce() {
    Cell cell = Cell.orthorhombic(10, 10, 10);
    double[] pos = {1, 1, 1, 3.02, 1, 1};
    RdfResult lili = run(new RdfParameters("Li", "Li", 4.0, 0.05, null), same("Li", 2), List.of(frame(cell, pos)));
    RdfResult lis = run(new RdfParameters("Li", "S", 4.0, 0.05, null), AtomTable.of("Li", "S"), List.of(frame(cell, pos)));
    int k = binOf(2.02);
    assertEquals(1000.0 / shell(lili, k), lili.gR()[k], 1e-9);
    assertArrayEquals(lili.gR(), lis.gR(), 1e-12);
    assertEquals(1.0, lili.coordination()[binOf(3.0)], 0.0);
    assertEquals(0.5, lili.coordination()[k], 0.0, "a bin's own pairs count half at its centre");
    assertTrue(lili.warnings().stream().noneMatch(w -> w.kind() == RdfResult.Doubt.BEYOND_HALF_CELL));
  }

  /**
   * A cell that changes from frame to frame: the crystal at a and expanded to 1.1 a. Each frame is
   * normalised with its own volume, so the g(r) of both frames is the mean of the g(r) of each, and
   * n(r) the mean of their n(r). Normalising the summed counts with the mean volume (MDAnalysis'
   * InterRDF) would give another answer, which the last assertion shows.
   */
  @Test
  void perFrameVolumeAveragesEachFramesG() {
    RdfParameters p = new RdfParameters("Li", "Li", 6.5, 0.05, null);
    Frame small = frame(Cell.orthorhombic(3 * A, 3 * A, 3 * A), simpleCubic(3, A));
    Frame large = frame(Cell.orthorhombic(3.3 * A, 3.3 * A, 3.3 * A), simpleCubic(3, 1.1 * A));
    RdfResult both = run(p, same("Li", 27), List.of(small, large));
    RdfResult one = run(p, same("Li", 27), List.of(small));
    RdfResult two = run(p, same("Li", 27), List.of(large));
    double v1 = small.cell().volumeA3();
    double v2 = large.cell().volumeA3();
    assertEquals(0.5 * (v1 + v2), both.meanVolumeA3(), 1e-9);
    boolean differs = false;
    for (int k = 0; k < both.gR().length; k++) {
      assertEquals(0.5 * (one.gR()[k] + two.gR()[k]), both.gR()[k], 1e-12 * (1 + both.gR()[k]), "bin " + k);
      assertEquals(0.5 * (one.coordination()[k] + two.coordination()[k]), both.coordination()[k], 1e-12, "bin " + k);
      double meanVolume = (one.gR()[k] / v1 + two.gR()[k] / v2) * 0.5 * (v1 + v2) / 2;
      differs |= Math.abs(meanVolume - both.gR()[k]) > 0.01;
    }
    assertTrue(differs, "the mean-volume normalisation gives another g(r)");
    // the same frame written with another cell of the same lattice (as a variable-cell file may) changes nothing
    double l = 3 * A;
    Frame skewed = frame(Cell.ofRows(new double[] {l, 0, 0}, new double[] {l, l, 0}, new double[] {0, l, l}), simpleCubic(3, A));
    assertArrayEquals(one.gR(), run(p, same("Li", 27), List.of(small, skewed, small)).gR(), 1e-9);
  }

  /** An ideal gas has no shells: a few pairs at short r make g jump, but no first peak or minimum is reported. */
  @Test
  void idealGasHasNoFirstShell() {
    java.util.Random rnd = new java.util.Random(3);
    Cell cell = Cell.orthorhombic(20, 20, 20);
    List<Frame> frames = new java.util.ArrayList<>();
    for (int t = 0; t < 200; t++) {
      double[] x = new double[3 * 100];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextDouble() * 20;
      }
      frames.add(frame(cell, x));
    }
    RdfResult r = run(new RdfParameters("Li", "Li", 8, 0.05, null), same("Li", 100), frames);
    assertTrue(Double.isNaN(r.firstPeakA()) && Double.isNaN(r.firstMinimumA()), "peak " + r.firstPeakA() + ", minimum " + r.firstMinimumA());
  }

  /** Every k-th frame: frames 0, k, 2k, … only — the small crystal at frames 0 and 2, the expanded one never. */
  @Test
  void everyKthFrameUsesFramesZeroKTwoK() {
    RdfParameters p = new RdfParameters("Li", "Li", 6.5, 0.05, null, 2);
    Frame small = frame(Cell.orthorhombic(3 * A, 3 * A, 3 * A), simpleCubic(3, A));
    Frame large = frame(Cell.orthorhombic(3.3 * A, 3.3 * A, 3.3 * A), simpleCubic(3, 1.1 * A));
    RdfResult strided = run(p, same("Li", 27), List.of(small, large, small, large));
    RdfResult smallOnly = run(new RdfParameters("Li", "Li", 6.5, 0.05, null), same("Li", 27), List.of(small));
    assertEquals(2, strided.frames());
    assertArrayEquals(smallOnly.gR(), strided.gR(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new RdfParameters("Li", "Li", 6.5, 0.05, null, 0));
  }

  /** In a crystal every atom has the same surroundings: the centres in a slab see the g(r) of the whole cell. */
  @Test
  void regionOfACrystalHasTheWholeCellsG() {
    Cell cell = Cell.orthorhombic(3 * A, 3 * A, 3 * A);
    List<Frame> f = List.of(frame(cell, simpleCubic(3, A)));
    RdfParameters p = new RdfParameters("Li", "Li", 6.5, 0.05, null);
    RdfResult whole = run(p, same("Li", 27), f);
    RdfResult slab = run(p.withRegion(new Region(2, 0, 1.5 * A)), same("Li", 27), f);
    assertEquals(18.0, slab.meanCentres(), 0.0, "two of the three planes (z = 0.25a, 1.25a)");
    assertArrayEquals(whole.gR(), slab.gR(), 1e-9);
    assertArrayEquals(whole.coordination(), slab.coordination(), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(p.withRegion(new Region(2, 0.1, 0.2)), same("Li", 27), f));
    assertTrue(e.getMessage().contains("no Li atom lay in z=0.100:0.200 Å"), e.getMessage());
  }

  /**
   * Random atoms in a triclinic cell (edges off the bin edges, so that an atom's own images do not
   * sit on one) to r_max = 9 Å, beyond half of every width: the counts
   * equal a brute-force sum over the lattice translations n ∈ [−5, 5]³ (far more than needed), for
   * two species and for one (an atom's own images count, itself untranslated does not).
   */
  @Test
  void randomTriclinicCellMatchesBruteForceOverImages() {
    Random rnd = new Random(11);
    Cell cell = Cell.fromLengthsAndAngles(7.13, 8.31, 9.07, 71, 82, 108);
    int na = 9;
    int nb = 11;
    double[] frac = new double[3 * (na + nb)];
    for (int i = 0; i < frac.length; i++) {
      frac[i] = 2 * rnd.nextDouble() - 0.5; // some outside the cell: wrapping is the analysis's job
    }
    double[] pos = cell.toCartesian(frac, new double[frac.length]);
    String[] el = new String[na + nb];
    Arrays.fill(el, 0, na, "Li");
    Arrays.fill(el, na, na + nb, "S");
    for (String[] pair : new String[][] {{"Li", "S"}, {"Li", "Li"}}) {
      RdfParameters p = new RdfParameters(pair[0], pair[1], 9.0, 0.05, null);
      RdfResult r = run(p, AtomTable.of(el), List.of(frame(cell, pos)));
      long[] want = bruteForce(cell, pos, pair[1].equals("S") ? na : 0, pair[1].equals("S") ? nb : na, na, p);
      long below = 0;
      for (int k = 0; k < want.length; k++) {
        long before = below;
        below += want[k];
        assertEquals(0.5 * (before + below) / na, r.coordination()[k], 1e-12, pair[0] + "-" + pair[1] + " bin " + k);
      }
      assertTrue(below > 50 * na, "many images counted: " + below);
    }
  }

  /** Every (a, b, n) with |r_b + n·L − r_a| < r_max, a ≠ b or n ≠ 0, histogrammed; b from {@code from} to {@code from + count}. */
  private static long[] bruteForce(Cell cell, double[] pos, int from, int count, int na, RdfParameters p) {
    long[] h = new long[p.bins()];
    double[] m = cell.rows();
    for (int a = 0; a < na; a++) {
      for (int b = from; b < from + count; b++) {
        for (int i = -5; i <= 5; i++) {
          for (int j = -5; j <= 5; j++) {
            for (int l = -5; l <= 5; l++) {
              if (a == b && i == 0 && j == 0 && l == 0) {
                continue;
              }
              double x = pos[3 * b] - pos[3 * a] + i * m[0] + j * m[3] + l * m[6];
              double y = pos[3 * b + 1] - pos[3 * a + 1] + i * m[1] + j * m[4] + l * m[7];
              double z = pos[3 * b + 2] - pos[3 * a + 2] + i * m[2] + j * m[5] + l * m[8];
              double r = Math.sqrt(x * x + y * y + z * z);
              if (r < p.rMaxA()) {
                h[(int) (r / p.binWidthA())]++;
              }
            }
          }
        }
      }
    }
    return h;
  }

  @Test
  void pairsAndRangesAreCheckedWithTheExpectedForm() {
    assertArrayEquals(new String[] {"Li", "S"}, RdfParameters.parsePair(" Li-S "));
    for (String bad : new String[] {"LiS", "Li-", "-S", "Li-S-P", "", "Li S"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RdfParameters.parsePair(bad));
      assertTrue(e.getMessage().startsWith("a pair is two elements joined by a hyphen, e.g. Li-S"), e.getMessage());
    }
    assertEquals(160, RdfParameters.of("Li-S").bins());
    RdfParameters odd = RdfParameters.of("Li-S").withRange(8, 0.03);
    assertEquals(267, odd.bins());
    assertEquals(8.0 / 267, odd.binWidthA(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> RdfParameters.of("Li-S").withRange(0, 0.05));
    assertThrows(IllegalArgumentException.class, () -> RdfParameters.of("Li-S").withRange(8, 9));
    List<Frame> f = new ArrayList<>(List.of(frame(Cell.orthorhombic(10, 10, 10), new double[6])));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> run(RdfParameters.of("Li-Na"), AtomTable.of("Li", "S"), f));
    assertEquals("no Na atoms in hand (it has Li, S)", missing.getMessage());
    IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
        () -> run(RdfParameters.of("S-S"), AtomTable.of("Li", "S"), f));
    assertTrue(single.getMessage().contains("needs at least two S atoms"), single.getMessage());
  }
}
