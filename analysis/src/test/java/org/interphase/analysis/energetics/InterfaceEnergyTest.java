package org.interphase.analysis.energetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.interphase.core.Cell;
import org.interphase.core.EnergyRun;
import org.interphase.parsers.EnergyRuns;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class InterfaceEnergyTest {
  private static final double J = 16.02176634;

  static EnergyRun sp(Map<String, Integer> comp, Cell cell, double e) {
    return new EnergyRun("sp-" + comp, comp, cell, new double[] {Double.NaN}, new double[] {e}, "test", false, List.of());
  }

  /**
   * k = 2 sandwich with bulk references per cell: AB = Li16S16, A = Li8S4 (−40 eV), B = S8 (−30
   * eV), so n_A = 2, n_B = 1; E_AB = −111 eV, A = 10 × 12 Å²: γ = (−111 + 80 + 30) / (2 · 120) =
   * −1/240 eV/Å² = −0.06675736 J/m². The references are bulk cells (other in-plane cell): no W.
   */
  @Test
  void sandwichWithBulkReferences() {
    Cell ab = Cell.orthorhombic(10, 12, 30);
    EnergyRun a = sp(Map.of("Li", 8, "S", 4), Cell.orthorhombic(5.7, 5.7, 5.7), -40);
    EnergyRun b = sp(Map.of("S", 8), Cell.orthorhombic(10.4, 12.9, 24.5), -30);
    InterfaceResult r = InterfaceEnergy.compute("t", sp(Map.of("Li", 16, "S", 16), ab, -111), a, b, InterfaceParameters.of(2));
    assertEquals(120.0, r.areaA2(), 1e-12);
    assertEquals(2.0, r.nA(), 0);
    assertEquals(1.0, r.nB(), 0);
    assertEquals(-1.0 / 240, r.gamma().value(), 1e-15);
    assertEquals(-1.0 / 240 * J, r.gammaJm2().value(), 1e-12);
    assertNull(r.workOfAdhesion());
    assertEquals("interface energy", r.label());
    assertTrue(r.warningTexts().stream().anyMatch(w -> w.startsWith("part A has another in-plane cell")), r.warningTexts().toString());
    assertTrue(r.warnings().stream().anyMatch(w -> w.kind() == InterfaceResult.Doubt.STRAINED_PART), "typed: " + r.warnings());
  }

  /**
   * Per formula unit: A = one Li2S formula (−10 eV), B = one S (−4 eV); AB = Li8S6 with E = −58.3
   * eV: n_A = 4, n_B = 2: γ = (−58.3 + 40 + 8) / (2 · 120) = −0.0429167 eV/Å².
   */
  @Test
  void perFormulaReferences() {
    Cell ab = Cell.orthorhombic(10, 12, 30);
    InterfaceResult r = InterfaceEnergy.compute("t", sp(Map.of("Li", 8, "S", 6), ab, -58.3),
        sp(Map.of("Li", 2, "S", 1), Cell.orthorhombic(4, 4, 4), -10), sp(Map.of("S", 1), Cell.orthorhombic(4, 4, 4), -4),
        InterfaceParameters.of(2));
    assertEquals(4.0, r.nA(), 0);
    assertEquals(2.0, r.nB(), 0);
    assertEquals((-58.3 + 40 + 8) / 240, r.gamma().value(), 1e-14);
  }

  /**
   * k = 1 slab with vacuum, slab references of the same in-plane cell: γ = (E_AB − E_A − E_B) / A
   * and W = −γ: (−100.5 + 60 + 40) / 100 = −0.005 eV/Å², W = 0.005 · 16.02176634 J/m².
   */
  @Test
  void slabsGiveTheWorkOfAdhesion() {
    Cell c = Cell.orthorhombic(10, 10, 40);
    InterfaceResult r = InterfaceEnergy.compute("t", sp(Map.of("Li", 4, "S", 6), c, -100.5), sp(Map.of("Li", 4, "S", 2), c, -60),
        sp(Map.of("S", 4), c, -40), InterfaceParameters.of(1));
    assertEquals(-0.005, r.gamma().value(), 1e-15);
    assertEquals(0.005 * J, r.workOfAdhesion().value(), 1e-12);
    assertTrue(r.label().contains("separated slabs"));
    assertTrue(r.warningTexts().isEmpty(), r.warningTexts().toString());
  }

  /**
   * The same slab energies with k = 2 (a periodic sandwich A|B|A… against slabs of A and B: pulling
   * it apart opens two interfaces): by hand γ = (−100.5 + 60 + 40) / (2 · 100) = −0.0025 eV/Å² and
   * W = (E_A + E_B − E_AB) / (2 · 100) = (−60 − 40 + 100.5) / 200 = +0.0025 eV/Å² = 0.0025 · 16.02176634 J/m²; k = 1 gives
   * twice both. W is −γ for either k.
   */
  @Test
  void workOfAdhesionDividesByTheInterfacesLikeGamma() {
    Cell c = Cell.orthorhombic(10, 10, 40);
    EnergyRun ab = sp(Map.of("Li", 4, "S", 6), c, -100.5);
    EnergyRun a = sp(Map.of("Li", 4, "S", 2), c, -60);
    EnergyRun b = sp(Map.of("S", 4), c, -40);
    for (int k : new int[] {1, 2}) {
      InterfaceResult r = InterfaceEnergy.compute("t", ab, a, b, InterfaceParameters.of(k));
      double gammaByHand = (-100.5 + 60 + 40) / (k * 100.0);
      double wByHand = (-60 - 40 + 100.5) / (k * 100.0);
      assertEquals(gammaByHand, r.gamma().value(), 1e-15, "γ, k = " + k);
      assertEquals(wByHand * J, r.workOfAdhesion().value(), 1e-12, "W, k = " + k);
      assertEquals(-r.gammaJm2().value(), r.workOfAdhesion().value(), 1e-12, "W = −γ, k = " + k);
      assertTrue(r.label().contains("separated slabs"), r.label());
      assertTrue(r.method().contains("W = [E_A + E_B − E_AB] / (" + k + "·A)"), r.method());
    }
  }

  @Test
  void mismatchedInPlaneCellWarnsWithTheStrain() {
    Cell ab = Cell.orthorhombic(10, 10, 40);
    InterfaceResult r = InterfaceEnergy.compute("t", sp(Map.of("Li", 4, "S", 6), ab, -100.5),
        sp(Map.of("Li", 4, "S", 2), Cell.orthorhombic(10.2, 10, 40), -60), sp(Map.of("S", 4), ab, -40), InterfaceParameters.of(1));
    assertTrue(r.warningTexts().get(0).contains("a 10.2000 Å vs 10.0000 Å: +2.00 %"), r.warningTexts().toString());
    assertNull(r.workOfAdhesion());
    assertTrue(r.label().contains("free-surface"), r.label());
  }

  @Test
  void notAWholeCombinationIsAClearError() {
    Cell c = Cell.orthorhombic(10, 10, 40);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceEnergy.compute("t",
        sp(Map.of("Li", 5, "S", 6), c, -1), sp(Map.of("Li", 2, "S", 1), c, -1), sp(Map.of("S", 4), c, -1), InterfaceParameters.of(2)));
    assertTrue(e.getMessage().contains("not a whole combination") && e instanceof org.interphase.core.MissingParameterException m
        && m.parameter().equals("nA"), e.getMessage());
  }

  /** The energies of a file through the reader and {@link EnergySeries}, in one pass. */
  private static EnergyRun read(java.nio.file.Path path, ReadOptions o, EnergySeries.VaspEnergy v) {
    try (org.interphase.core.FrameSource s = EnergyRuns.open(path, o)) {
      org.interphase.core.Runner r = new org.interphase.core.Runner(s);
      org.interphase.core.Runner.Slot<EnergyRun> slot = r.add(new EnergySeries(v));
      r.run(org.interphase.core.Runner.Listener.NONE);
      return slot.result();
    }
  }

  /**
   * shared/data/cp2k/interface_energy reference.json: area 92.21831578 Å², static γ
   * −0.01619603821820959 eV/Å² (W 0.2594891399658639 J/m²) within 1e-6 eV/Å²; the frame average of
   * the interface AIMD with static slabs and the fully thermal average, over all frames and after
   * 0.1 ps (steps ≥ 50), within 1e-6 eV/Å²; their errors within a factor of 2 of the 5-block SEM
   * and not below the naive SEM.
   */
  @Test
  void cp2kInterfaceReference() {
    ReadOptions o = ReadOptions.DEFAULT;
    EnergySeries.VaspEnergy v = EnergySeries.VaspEnergy.SIGMA0;
    EnergyRun spAb = read(SharedData.cp2k("interface_energy/sp_interface.out"), o, v);
    EnergyRun spA = read(SharedData.cp2k("interface_energy/sp_slabA.out"), o, v);
    EnergyRun spB = read(SharedData.cp2k("interface_energy/sp_slabB.out"), o, v);
    InterfaceResult s = InterfaceEnergy.compute("static", spAb, spA, spB, InterfaceParameters.of(1));
    assertEquals(92.21831578, s.areaA2(), 1e-4);
    assertEquals(-0.01619603821820959, s.gamma().value(), 1e-6);
    assertEquals(0.2594891399658639, s.workOfAdhesion().value(), 2e-5);

    EnergyRun mdAb = read(SharedData.cp2k("interface_energy/aimd_interface-1.ener"), o, v);
    EnergyRun mdA = read(SharedData.cp2k("interface_energy/aimd_slabA-1.ener"), o, v);
    EnergyRun mdB = read(SharedData.cp2k("interface_energy/aimd_slabB-1.ener"), o, v);
    record Case(EnergyRun a, EnergyRun b, double eq, double mean, double naive, double block5) {}
    List<Case> cases = List.of(
        new Case(spA, spB, 0, -0.006816544591738855, 0.0001635659843200956, 0.0010838550800220277),
        new Case(spA, spB, 0.1, -0.007114379633823445, 0.00015935980750903748, 0.0012297585479094765),
        new Case(mdA, mdB, 0, -0.02285700991140644, 0.00022646158416780843, 0.001330953664740255),
        new Case(mdA, mdB, 0.1, -0.023827993254287222, 0.0001977214706299296, 0.0013451146128234696));
    for (Case c : cases) {
      InterfaceResult r = InterfaceEnergy.compute("md", mdAb, c.a(), c.b(), InterfaceParameters.of(1).withEquilibrationPs(c.eq()));
      assertEquals(c.mean(), r.gamma().value(), 1e-6, "mean " + c);
      double err = r.gamma().stdErr();
      assertTrue(err >= c.naive() && err > c.block5() / 2 && err < 2 * c.block5(), "error " + err + " for " + c);
    }
  }

  /**
   * AR(1) series x_t = φ x_{t−1} + ε_t with φ = 0.95 (correlation time −1/ln φ ≈ 19.5 steps): the
   * standard error of the mean is σ_x·sqrt((1+φ)/((1−φ)·N)); blocking must find it within 25 %,
   * while the naive error is 6.2 times too small.
   */
  @Test
  void blockingRecoversTheErrorOfAnAr1Series() {
    Random rnd = new Random(2024);
    double phi = 0.95;
    int n = 1 << 17;
    double[] x = new double[n];
    double sigmaEps = 1;
    x[0] = rnd.nextGaussian() * sigmaEps / Math.sqrt(1 - phi * phi);
    for (int t = 1; t < n; t++) {
      x[t] = phi * x[t - 1] + rnd.nextGaussian() * sigmaEps;
    }
    double sigmaX = sigmaEps / Math.sqrt(1 - phi * phi);
    double want = sigmaX * Math.sqrt((1 + phi) / ((1 - phi) * n));
    BlockAverage b = BlockAverage.of(x);
    assertEquals(want, b.stdErr(), 0.25 * want, "block size " + b.blockSize());
    assertEquals(want / Math.sqrt((1 + phi) / (1 - phi)), b.naiveStdErr(), 0.05 * want);
    assertTrue(b.blockSize() >= 32, "block size " + b.blockSize());
  }

  /**
   * A single point whose structure is known: the vacuum gaps of one frame with atom i at height {@code z[i]} and at
   * x = y = 2.5·i Å, spread over the 10 Å in-plane cell so that no gap lies across a or b.
   */
  private static EnergyRun withAtomsAt(Map<String, Integer> comp, Cell cell, double e, double... z) {
    double[] pos = new double[3 * z.length];
    for (int i = 0; i < z.length; i++) {
      pos[3 * i] = 2.5 * i;
      pos[3 * i + 1] = 2.5 * i;
      pos[3 * i + 2] = z[i];
    }
    org.interphase.core.Frame f = new org.interphase.core.Frame(0, Double.NaN, cell, pos, null, null,
        org.interphase.core.Energies.potential(e));
    return sp(comp, cell, e).withVacuum(org.interphase.core.VacuumGap.of(f));
  }

  /**
   * A periodic sandwich of 4 atoms spread over a 12 Å cell (widest gap 3 Å, no vacuum) holds two interfaces: k = 1 is
   * warned about (γ doubled), k = 2 is not; the same atoms within 3 Å of a 30 Å cell (27 Å of vacuum) hold one: k = 2 is
   * warned about. γ itself is the hand formula either way: (−26 + 10 + 15) / (k · 100 Å²).
   */
  @Test
  void theVacuumOfTheInterfaceCellTellsItsInterfaceCount() {
    Cell sandwich = Cell.orthorhombic(10, 10, 12);
    EnergyRun a = sp(Map.of("Li", 2), sandwich, -10);
    EnergyRun b = sp(Map.of("S", 2), sandwich, -15);
    EnergyRun dense = withAtomsAt(Map.of("Li", 2, "S", 2), sandwich, -26, 0, 3, 6, 9);
    InterfaceResult k1 = InterfaceEnergy.compute("t", dense, a, b, InterfaceParameters.of(1));
    assertEquals(-1.0 / 100, k1.gamma().value(), 1e-15);
    assertTrue(k1.warnings().stream().anyMatch(w -> w.kind() == InterfaceResult.Doubt.INTERFACE_COUNT
        && w.text().contains("no vacuum across c (widest atom-free slab 3.0 Å") && w.text().contains("use --interfaces 2")),
        k1.warningTexts().toString());
    InterfaceResult k2 = InterfaceEnergy.compute("t", dense, a, b, InterfaceParameters.of(2));
    assertEquals(-1.0 / 200, k2.gamma().value(), 1e-15);
    assertTrue(k2.warnings().stream().noneMatch(w -> w.kind() == InterfaceResult.Doubt.INTERFACE_COUNT), k2.warningTexts().toString());

    Cell slabCell = Cell.orthorhombic(10, 10, 30);
    EnergyRun slab = withAtomsAt(Map.of("Li", 2, "S", 2), slabCell, -26, 0, 1, 2, 3);
    InterfaceResult s2 = InterfaceEnergy.compute("t", slab, sp(Map.of("Li", 2), slabCell, -10), sp(Map.of("S", 2), slabCell, -15),
        InterfaceParameters.of(2));
    assertTrue(s2.warnings().stream().anyMatch(w -> w.kind() == InterfaceResult.Doubt.INTERFACE_COUNT
        && w.text().contains("a vacuum slab 27.0 Å thick across c")), s2.warningTexts().toString());
    InterfaceResult s1 = InterfaceEnergy.compute("t", slab, sp(Map.of("Li", 2), slabCell, -10), sp(Map.of("S", 2), slabCell, -15),
        InterfaceParameters.of(1));
    assertTrue(s1.warnings().isEmpty(), s1.warningTexts().toString());

    // vacuum across a while the normal is c: the normal is questioned, whatever k
    Cell wideA = Cell.orthorhombic(30, 10, 10);
    double[] x = {0, 1, 2, 3};
    double[] pos = new double[12];
    for (int i = 0; i < 4; i++) {
      pos[3 * i] = x[i];
      pos[3 * i + 1] = 2.5 * i;
      pos[3 * i + 2] = 2.5 * i;
    }
    EnergyRun sideways = sp(Map.of("Li", 2, "S", 2), wideA, -26).withVacuum(org.interphase.core.VacuumGap.of(
        new org.interphase.core.Frame(0, Double.NaN, wideA, pos, null, null, org.interphase.core.Energies.potential(-26))));
    InterfaceResult n = InterfaceEnergy.compute("t", sideways, sp(Map.of("Li", 2), wideA, -10), sp(Map.of("S", 2), wideA, -15),
        InterfaceParameters.of(1));
    assertTrue(n.warningTexts().stream().anyMatch(w -> w.contains("not across the interface normal c: is --normal right?")),
        n.warningTexts().toString());
  }

  /**
   * An MD average for the interface with single points for both parts: the 4 atoms of the interface cell hold thermal
   * energy the parts do not, so γ comes out too high by the order of 4 × (3/2)·k_B·300 K = 0.155 eV over k·A.
   */
  @Test
  void anMdInterfaceWithSinglePointPartsIsBiasedHigh() {
    Cell c = Cell.orthorhombic(10, 10, 12);
    EnergyRun md = new EnergyRun("md", Map.of("Li", 2, "S", 2), c, new double[] {0, 1, 2, 3}, new double[] {-26, -25.8, -26.2, -26},
        "test", true, List.of());
    InterfaceResult r = InterfaceEnergy.compute("t", md, sp(Map.of("Li", 2), c, -10), sp(Map.of("S", 2), c, -15),
        InterfaceParameters.of(2));
    assertEquals(-1.0 / 200, r.gamma().value(), 1e-12);
    List<String> mixed = r.warnings().stream().filter(w -> w.kind() == InterfaceResult.Doubt.MIXED_AVERAGE).map(w -> w.text()).toList();
    assertEquals(1, mixed.size(), r.warningTexts().toString());
    assertTrue(mixed.get(0).contains("E_AB (md) is an MD average") && mixed.get(0).contains("too high (W too low) by the order of 4 atoms"
        + " × 0.039 eV = 0.16 eV"), mixed.get(0));
  }

  /** An MD run of {@code energies} 1 fs apart, all at {@code kelvin}. */
  private static EnergyRun md(Map<String, Integer> comp, Cell c, double[] energies, double kelvin) {
    double[] t = new double[energies.length];
    double[] k = new double[energies.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      k[i] = kelvin;
    }
    return new EnergyRun("md-" + comp, comp, c, t, energies, "test", true, List.of(), null, k);
  }

  /** Uncorrelated Gaussian noise of width {@code sd} around {@code mean}, the same for a seed. */
  private static double[] noise(int n, double mean, double sd, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * r.nextGaussian();
    }
    return x;
  }

  /**
   * Three MD averages: at one temperature no warning; with A at 250 K and B and the interface at 300 K, γ carries by
   * equipartition (3/2)·k_B·(4·300 − 2·250 − 2·300 K) / (k·A) = 0.0129 eV / 200 Å² = 1.04e-3 J/m² (too high), and the
   * temperatures differ by more than 5 %.
   */
  @Test
  void mdAveragesAtDifferentTemperaturesAreNamedWithTheirBias() {
    Cell c = Cell.orthorhombic(10, 10, 12);
    double[] e = noise(200, -26, 0.01, 1);
    InterfaceResult same = InterfaceEnergy.compute("t", md(Map.of("Li", 2, "S", 2), c, e, 300), md(Map.of("Li", 2), c, noise(200, -10,
        0.01, 2), 300), md(Map.of("S", 2), c, noise(200, -15, 0.01, 3), 300), InterfaceParameters.of(2));
    assertTrue(same.warnings().stream().noneMatch(w -> w.kind() == InterfaceResult.Doubt.TEMPERATURES), same.warningTexts().toString());
    InterfaceResult apart = InterfaceEnergy.compute("t", md(Map.of("Li", 2, "S", 2), c, e, 300), md(Map.of("Li", 2), c, noise(200, -10,
        0.01, 2), 250), md(Map.of("S", 2), c, noise(200, -15, 0.01, 3), 300), InterfaceParameters.of(2));
    List<String> t = apart.warnings().stream().filter(w -> w.kind() == InterfaceResult.Doubt.TEMPERATURES).map(w -> w.text()).toList();
    assertEquals(1, t.size(), apart.warningTexts().toString());
    double biasJm2 = 1.5 * 8.617333262e-5 * (4 * 300 - 2 * 250 - 2 * 300) / 200 * 16.02176634;
    assertEquals(1.04e-3, biasJm2, 1e-5);
    assertTrue(t.get(0).contains("E_AB (md-") && t.get(0).contains(") 300.0 K, E_A (md-{Li=2}) 250.0 K"), t.get(0));
    assertTrue(t.get(0).contains("too high (W too low) by the order of 0.0010 J/m²"), t.get(0));
  }

  /**
   * An interface run whose energy relaxes as −26 + 0.5·exp(−t/100 fs) eV over its first frames, with uncorrelated noise of
   * 0.01 eV, is named as drifting (its mean over all 4000 frames lies 0.5·100/4000 = 0.0125 eV above the relaxed value,
   * about 40 standard errors of the later mean); the same noise without the relaxation is not.
   */
  @Test
  void anEnergyThatStillRelaxesAtTheStartIsNamed() {
    Cell c = Cell.orthorhombic(10, 10, 12);
    double[] relaxing = noise(4000, -26, 0.01, 7);
    for (int i = 0; i < relaxing.length; i++) {
      relaxing[i] += 0.5 * Math.exp(-i / 100.0);
    }
    EnergyRun a = md(Map.of("Li", 2), c, noise(4000, -10, 0.01, 8), 300);
    EnergyRun b = md(Map.of("S", 2), c, noise(4000, -15, 0.01, 9), 300);
    InterfaceResult r = InterfaceEnergy.compute("t", md(Map.of("Li", 2, "S", 2), c, relaxing, 300), a, b, InterfaceParameters.of(2));
    List<String> d = r.warnings().stream().filter(w -> w.kind() == InterfaceResult.Doubt.NOT_EQUILIBRATED).map(w -> w.text()).toList();
    assertEquals(1, d.size(), r.warningTexts().toString());
    assertTrue(d.get(0).contains("E_AB (md-") && d.get(0).contains("⟨E⟩ would change by -0.01"), d.get(0));
    InterfaceResult quiet = InterfaceEnergy.compute("t", md(Map.of("Li", 2, "S", 2), c, noise(4000, -26, 0.01, 7), 300), a, b,
        InterfaceParameters.of(2));
    assertTrue(quiet.warnings().isEmpty(), quiet.warningTexts().toString());
    InterfaceResult later = InterfaceEnergy.compute("t", md(Map.of("Li", 2, "S", 2), c, relaxing, 300), a, b,
        InterfaceParameters.of(2).withEquilibrationPs(1));
    assertTrue(later.warnings().isEmpty(), later.warningTexts().toString());
  }
}
