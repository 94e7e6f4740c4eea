package org.interphase.analysis.neb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.cp2k.Cp2kBand;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.vasp.VaspNeb;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class NebAnalysisTest {

  static NebImages vasp(Path dir) {
    VaspNeb neb = VaspNeb.read(dir, ReadOptions.DEFAULT);
    return new NebImages(dir.getFileName().toString(), neb.atoms(), neb.images(), neb.tangentForcesEvPerA(), -1, List.of());
  }

  /** Max of the VTST Hermite through (R, E, F), evaluated by dense sampling (1e5 points per interval). */
  static double sampledMax(double[] r, double[] e, double[] f) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + 1 < r.length; i++) {
      double dr = r[i + 1] - r[i];
      double f1 = f[i] * dr;
      double f2 = f[i + 1] * dr;
      double c = 3 * (e[i + 1] - e[i]) + 2 * f1 + f2;
      double d = -2 * (e[i + 1] - e[i]) - f1 - f2;
      for (int k = 0; k <= 100000; k++) {
        double x = k / 100000.0;
        max = Math.max(max, e[i] - f1 * x + c * x * x + d * x * x * x);
      }
    }
    return max;
  }

  /**
   * Li in bilayer graphene, 9 images with OUTCARs: the folder's neb.dat, written by VTST's
   * nebbarrier.pl from the same OUTCARs, gives R (dist.pl), E (energy(sigma->0) − E_00) and the
   * tangential force of the interior images; the barrier is the maximum of the VTST spline through
   * neb.dat's numbers, sampled densely here (an independent evaluation of the formula).
   */
  @Test
  void vaspBandLikeVtst() throws IOException {
    Path dir = SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB");
    NebResult r = NebAnalysis.analyse(vasp(dir));
    List<String> rows = Files.readAllLines(dir.resolve("neb.dat")).stream().filter(l -> !l.isBlank()).toList();
    double[] vr = new double[9];
    double[] ve = new double[9];
    double[] vf = new double[9];
    for (int i = 0; i < 9; i++) {
      String[] t = rows.get(i).trim().split("\\s+");
      vr[i] = Double.parseDouble(t[1]);
      ve[i] = Double.parseDouble(t[2]);
      vf[i] = Double.parseDouble(t[3]);
      assertEquals(vr[i], r.reactionCoordinateA()[i], 1e-4, "R of image " + i);
      assertEquals(ve[i], r.energyEv()[i], 1e-5, "E of image " + i);
      assertEquals(vf[i], r.tangentForceEvPerA()[i], i == 0 || i == 8 ? 0.01 : 1e-5, "F of image " + i);
    }
    assertTrue(r.forceAware());
    double max = sampledMax(vr, ve, vf);
    assertEquals(max, r.barrierForwardEv(), 1e-3);
    assertEquals(max - ve[8], r.barrierBackwardEv(), 1e-3);
    assertEquals("Li", r.migratingElement());
  }

  /**
   * LLTO: OSZICARs only, so the spline is energy-only (said in the notes). Reaction coordinate from
   * ASE 3.22.1 (find_mic on POSCAR/CONTCAR, cumulative norm): 0, 0.853682, 1.689816, 2.518334,
   * 3.364823 Å; energies from pymatgen's Oszicar E0 (−493.76388 for 00, see VaspOtherFilesTest).
   */
  @Test
  void vaspBandWithoutForcesIsEnergyOnly() {
    NebResult r = NebAnalysis.analyse(vasp(SharedData.real("modalNEB/NEB/LLTO")));
    double[] s = {0.0, 0.853682, 1.689816, 2.518334, 3.364823};
    for (int i = 0; i < 5; i++) {
      assertEquals(s[i], r.reactionCoordinateA()[i], 1e-5);
    }
    assertFalse(r.forceAware());
    assertTrue(r.notes().get(0).contains("energies only"), r.notes().toString());
    assertEquals(-493.60392 - -493.76388, r.energyEv()[2], 1e-9);
    assertEquals("Li", r.migratingElement());
    // scipy 1.10 CubicSpline(R, E, bc_type="natural") through the same points, maximum on a 2e6-point
    // grid: 0.169281785 eV at 2.156478 Å, backward 0.109081785 eV
    assertEquals(0.169281785, r.barrierForwardEv(), 1e-6);
    assertEquals(0.109081785, r.barrierBackwardEv(), 1e-6);
    assertEquals(2.156478, r.saddleCoordinateA(), 1e-5);
  }

  /**
   * shared/data/cp2k/neb_li_hop reference.json (ASE NEBTools on the final band, forces from the
   * single points sp_replica_i.out): reaction coordinate within 1e-4 Å, energies within 1e-5 eV,
   * ASE's force-fit barriers 0.205608 / 0.221140 eV within 1 meV, reaction energy −0.015532 eV.
   */
  @Test
  void cp2kBandLikeAse() throws IOException {
    JsonNode ref = new ObjectMapper().readTree(SharedData.cp2k("neb_li_hop/reference.json").toFile());
    Cp2kBand band = Cp2kBand.read(SharedData.cp2k("neb_li_hop"));
    List<Frame> images = new ArrayList<>();
    for (int i = 0; i < band.images().size(); i++) {
      Cp2kLog sp = Cp2kLog.read(SharedData.cp2k("neb_li_hop/sp_replica_" + (i + 1) + ".out"));
      Frame f = band.images().get(i);
      images.add(f.withForces(sp.lastForcesEvPerA()).withEnergies(Energies.potential(sp.singlePointEnergiesEv().get(0))));
    }
    NebResult r = NebAnalysis.analyse(new NebImages("neb_LiCl", band.atoms(), images, null, -1, List.of()));
    for (int i = 0; i < 7; i++) {
      assertEquals(ref.get("profile").get("reaction_coordinate_A").get(i).asDouble(), r.reactionCoordinateA()[i], 1e-4);
      assertEquals(ref.get("profile").get("energy_rel_initial_eV").get(i).asDouble(), r.energyEv()[i], 1e-5);
    }
    assertEquals(ref.get("barrier").get("forward_eV_spline_fit").asDouble(), r.barrierForwardEv(), 1e-3);
    assertEquals(ref.get("barrier").get("backward_eV_spline_fit").asDouble(), r.barrierBackwardEv(), 1e-3);
    assertEquals(ref.get("barrier").get("reaction_energy_eV").asDouble(), r.reactionEnergyEv(), 1e-5);
    assertEquals("Li", r.migratingElement());
  }

  private static NebImages line(double[] x, double[] e, double[] f) {
    Cell cell = Cell.orthorhombic(30, 30, 30);
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double[] forces = f == null ? null : new double[] {f[i], 0, 0, 0, 0, 0};
      frames.add(new Frame(i, Double.NaN, cell, new double[] {10 + x[i], 10, 10, 20, 20, 20}, forces, null, Energies.potential(e[i])));
    }
    return new NebImages("synthetic", AtomTable.of("Li", "S"), frames, null, -1, List.of());
  }

  /** A symmetric double well E = h(x² − 1)² along x with exact forces: barrier h at x = 0. */
  @Test
  void doubleWellWithExactForces() {
    double h = 0.35;
    double[] x = {-1, -0.6, -0.2, 0.2, 0.6, 1};
    double[] e = new double[x.length];
    double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      e[i] = h * Math.pow(x[i] * x[i] - 1, 2);
      f[i] = -4 * h * x[i] * (x[i] * x[i] - 1);
    }
    NebResult r = NebAnalysis.analyse(line(x, e, f));
    // the Hermite cubic between ±0.2 with exact values and slopes is symmetric: its maximum is at 0 and
    // equals E(±0.2) + 0.2·|E'(0.2)|/2·… ; by hand: a = E(−0.2), b = −F·ΔR, symmetric ⇒ E(f = ½)
    double dr = 0.4;
    double a = e[2];
    double b = -f[2] * dr;
    double c = 3 * (e[3] - e[2]) + 2 * f[2] * dr + f[3] * dr;
    double d = -2 * (e[3] - e[2]) - f[2] * dr - f[3] * dr;
    double mid = a + b / 2 + c / 4 + d / 8;
    assertEquals(mid, r.barrierForwardEv(), 1e-12);
    assertEquals(h, r.barrierForwardEv(), 0.003, "close to the analytic barrier");
    assertEquals(r.reactionCoordinateA()[5] / 2, r.saddleCoordinateA(), 1e-9);
    assertEquals(0, r.reactionEnergyEv(), 1e-12);
    // with an image at the top the barrier is exact
    double[] x2 = {-1, -0.5, 0, 0.5, 1};
    double[] e2 = new double[5];
    double[] f2 = new double[5];
    for (int i = 0; i < 5; i++) {
      e2[i] = h * Math.pow(x2[i] * x2[i] - 1, 2);
      f2[i] = -4 * h * x2[i] * (x2[i] * x2[i] - 1);
    }
    assertEquals(h, NebAnalysis.analyse(line(x2, e2, f2)).barrierForwardEv(), 1e-12);
  }

  /**
   * Energy-only, rising to the end: the last interval's cubic peaks beyond its end (f > 1). That
   * extremum must not be taken: the barrier is the last image, 1.0 eV.
   */
  @Test
  void noExtrapolatedMaximum() {
    double[] x = {0, 1, 2, 3};
    double[] e = {0, 0.6, 0.9, 1.0};
    NebResult r = NebAnalysis.analyse(line(x, e, null));
    assertEquals(1.0, r.barrierForwardEv(), 1e-12);
    assertEquals(0.0, r.barrierBackwardEv(), 1e-12);
    assertTrue(r.extrema().stream().allMatch(ex -> ex.imagePosition() >= 0 && ex.imagePosition() <= 3));
  }
}
