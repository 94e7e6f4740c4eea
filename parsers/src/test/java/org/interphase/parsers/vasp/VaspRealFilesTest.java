package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every VASP trajectory and structure file of {@code shared/data/real} read through the format
 * registry and checked against an independent reader.
 *
 * <p>Reference values: ASE 3.22.1 ({@code ase.io.read(path, index=":")}, Debian python3-ase),
 * printed by {@code parsers/src/test/python/vasp_reference.py}. Where ASE misreads a file the
 * reference is pymatgen 2023 ({@code Xdatcar}) or the file's own lines, said per case.
 * Tolerances: 1e-6 Å for positions computed from fractional coordinates (ASE prints 10 decimals and
 * multiplies in another order), 1e-8 eV for energies printed with 8 decimals.
 */
class VaspRealFilesTest {

  /**
   * One expectation. {@code first0} is atom 0 of the first frame, {@code lastN} the last atom of the
   * last frame, {@code cellC} the third lattice vector of the last frame (Å); energies are the free
   * energy TOTEN of the first and last frame (NaN when the file has none); {@code forceN} the force
   * on the last atom of the last frame (eV/Å) or null.
   */
  record Case(String path, String format, int atoms, Map<String, Integer> species, int frames, double[] first0, double[] lastN,
      double[] cellC, double eFirst, double eLast, double[] forceN) {
    @Override
    public String toString() {
      return path;
    }
  }

  private static final double NA = Double.NaN;

  static double[] v(double... x) {
    return x;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("kinisi/example_XDATCAR.gz", "vasp-xdatcar", 416, Map.of("Li", 192, "Cl", 32, "S", 160, "P", 32), 140,
            v(0.2290522492, 2.9173745287, 6.9378380902), v(10.1071293741, 15.0080083738, 10.1415667735),
            v(-0.0001130000, -0.0000330000, 20.3124240000), NA, NA, null),
        new Case("argyrodite-disorder/data/Li6PS5Cl/0p/run1/actual_XDATCAR.gz", "vasp-xdatcar", 416,
            Map.of("Li", 192, "Cl", 32, "S", 160, "P", 32), 140, v(2.0484044322, 4.4811324069, 7.1175970840),
            v(10.2211552802, 15.0854259315, 10.4714529822), v(-0.0001130000, -0.0000330000, 20.3124240000), NA, NA, null),
        new Case("aimd-pt-water/XDATCAR", "vasp-xdatcar", 166, Map.of("C", 16, "Cl", 16, "H", 54, "O", 16, "Pt", 64), 100,
            v(2.9419617138, 3.2307293444, 8.9571433143), v(8.0096179614, 5.5493054925, 2.2656865000), v(0, 0, 18.865), NA, NA,
            null),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run1/XDATCAR", "vasp-xdatcar", 108, Map.of("H", 48, "O", 24, "Pt", 36), 3,
            v(1.7184798039, 4.4063129327, 16.5304373271), v(6.8393366058, 7.2783220535, 12.4413604234), v(0, 0, 32.542926),
            NA, NA, null),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run2/XDATCAR", "vasp-xdatcar", 108, Map.of("H", 48, "O", 24, "Pt", 36), 3,
            v(1.7780142016, 4.3823236399, 16.5469834524), v(6.8349815540, 7.2840983761, 12.4453075549), v(0, 0, 32.542926),
            NA, NA, null),
        // blank-line separated frames: ASE reads only the first frame; pymatgen Xdatcar reads 4 (reference)
        new Case("pymatgen/test_files/XDATCAR_4", "vasp-xdatcar", 3, Map.of("Li", 2, "O", 1), 4, v(-1.1525, -1.1525, -1.1525),
            v(0, 0, 0), v(0, -2.305, -2.305), NA, NA, null),
        new Case("pymatgen/test_files/XDATCAR_5", "vasp-xdatcar", 3, Map.of("Li", 2, "O", 1), 4, v(-1.1525, -1.1525, -1.1525),
            v(0, 0, 0), v(0, -2.305, -2.305), NA, NA, null),
        new Case("pymatgen/test_files/XDATCAR_6", "vasp-xdatcar", 7, Map.of("Fe", 2, "O", 4, "Ti", 1), 4,
            v(1.0475, 3.1425, -3.1425), v(-3.2275264770, 3.7372294917, -1.4079076775), v(-4.5747090000, 2.2849100000, -2.2849100000),
            NA, NA, null),
        new Case("pymatgen/test_files/XDATCAR.MD", "vasp-xdatcar", 80, Map.of("O", 48, "Fe", 32), 5,
            v(8.0500211775, 4.1886668799, 3.6800131152), v(9.2836908333, 8.9569010862, 4.2993441807), v(0, 0, 9.39), NA, NA, null),
        // blank-line separated, 57 frames: ASE reads 1; pymatgen Xdatcar gives 57 and these coordinates
        new Case("mdanse/MDANSE/Tests/UnitTests/Data/XDATCAR_version5", "vasp-xdatcar", 210, Map.of("O", 138, "Mo", 20, "Bi", 52), 57,
            v(11.1456195, 4.23406083, 3.31125196), v(6.18486378, 19.56228092, 10.23514918), v(0, 0, 12.384999), NA, NA, null),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run1/OUTCAR", "vasp-outcar", 108, Map.of("H", 48, "O", 24, "Pt", 36), 3,
            v(1.71848, 4.40631, 16.53044), v(6.83934, 7.27832, 12.44136), v(0, 0, 32.5429263610), -558.76023193, -558.73961886,
            v(0.175255, -0.538237, 0.349211)),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run2/OUTCAR", "vasp-outcar", 108, Map.of("H", 48, "O", 24, "Pt", 36), 3,
            v(1.77801, 4.38232, 16.54698), v(6.83498, 7.28410, 12.44531), v(0, 0, 32.5429263610), -558.59300275, -558.48802557,
            v(0.215358, -0.612396, 0.248054)),
        new Case("dpdata/poscars/OUTCAR.h2o.md.10", "vasp-outcar", 6, Map.of("O", 2, "H", 4), 10, v(4.34854, 4.20903, 5.2),
            v(2.22797, 5.88179, 0.21684), v(0.1411083, -0.0595569, 10.0), -28.38622624, -28.39848822, v(0.32185, 0.505766, 1.049144)),
        new Case("dpdata/poscars/OUTCAR.ch4.unconverged", "vasp-outcar", 5, Map.of("H", 4, "C", 1), 3, v(5.30736, 4.10841, 3.54971),
            v(4.9849, 4.75995, 4.38714), v(-0.1112963790, 0.1928795960, 9.8715292660), -23.96537837, -23.94708651,
            v(-0.797374, -0.742916, 1.686781)),
        new Case("dpdata/poscars/6362_OUTCAR", "vasp-outcar", 14, Map.of("B", 8, "O", 6), 2, v(2.24196, 2.50591, 4.48194),
            v(-1.39574, 2.7687, 3.23754), v(-0.6686478150, -3.1077330660, 5.5557815330), -98.45281044, -98.49812024,
            v(0.173341, -0.078498, 0.246379)),
        new Case("pymatgen/test_files/relaxation/OUTCAR", "vasp-outcar", 1, Map.of("Li", 1), 3, v(0, 0, 0), v(0, 0, 0),
            v(0, 0, 3.43950266), -1.92002, -1.9246, v(0, 0, 0)),
        new Case("bilayer-graphene-neb/fig-2d-NEB/NEB/00/OUTCAR.gz", "vasp-outcar", 37, Map.of("C", 36, "Li", 1), 27,
            v(0, 0, 11.95077), v(2.46729, 2.84898, 13.75703), v(0, 0, 27.8030738830), -336.36015845, -336.46536609,
            v(0, 0, -0.009331)),
        new Case("bilayer-graphene-neb/fig-2d-NEB/NEB/04/OUTCAR.gz", "vasp-outcar", 37, Map.of("C", 36, "Li", 1), 18,
            v(-3.70028, 6.40983, 11.95862), v(1.23364, 3.56124, 14.04875), v(0, 0, 27.8030738830), -336.46609861, -336.46622281,
            v(0.000013, -0.000012, 0.002734)),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run1/vasprun.xml", "vasp-vasprun", 108, Map.of("H", 48, "O", 24, "Pt", 36), 3,
            v(1.7184797298, 4.4063129830, 16.5304375100), v(6.8393363108, 7.2783221366, 12.4413605610), v(0, 0, 32.54292636),
            -558.76023193, -558.73961886, v(0.17525487, -0.53823713, 0.34921080)),
        new Case("dpdata/poscars/vasprun.h2o.md.10.xml", "vasp-vasprun", 6, Map.of("O", 2, "H", 4), 10,
            v(4.3485389000, 4.2090304120, 5.2), v(2.2279653443, 5.8817945831, 0.2168375000), v(0.1411083, -0.0595569, 10.0),
            -28.38622624, -28.39848822, v(0.32185044, 0.50576642, 1.04914385)),
        new Case("dpdata/poscars/vasprun.h2o.md.tribox.xml", "vasp-vasprun", 6, Map.of("O", 2, "H", 4), 3, v(4.768, 4.792, 4.26),
            v(8.0344225300, 6.2697187530, 4.1215548500), v(5.5, 5.1, 0), 6.29883446, -14.4197561, v(2.87442181, 2.00720956, 1.01028816)),
        new Case("dpdata/poscars/Ti-aimd-nwrite0/vasprun.xml", "vasp-vasprun", 32, Map.of("Ti", 32), 10,
            v(0.2485266554, 0.5210029389, 1.1527963889), v(4.6068127836, 8.2096772900, 5.8384674975), v(0, 0, 9.29538),
            -253.15557734, -252.38626263, v(-0.15935303, 0.13072693, -0.46523408)),
        new Case("pymatgen/test_files/relaxation/vasprun.xml", "vasp-vasprun", 1, Map.of("Li", 1), 3, v(0, 0, 0), v(0, 0, 0),
            v(0, 0, 3.43950266), -1.92002016, -1.92459954, v(0, 0, 0)),
        new Case("pymatgen/test_files/CONTCAR.MD", "vasp-poscar", 50, Map.of("Li", 20, "Ge", 2, "P", 4, "S", 24), 1,
            v(2.9632480909, 6.7211295834, 4.6866831160), v(0.1558213323, 2.5423609011, 2.0000830947), v(0, 0, 12.760396976), NA, NA,
            null),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run1/POSCAR", "vasp-poscar", 108, Map.of("H", 48, "O", 24, "Pt", 36), 1,
            v(1.6984522315, 4.4136480740, 16.5341738329), v(6.8436994974, 7.2724036032, 12.4376357749), v(0, 0, 32.5429263608), NA,
            NA, null),
        new Case("simsoliqtools/data/Pt111_24H2O_x/run1/CONTCAR", "vasp-poscar", 108, Map.of("H", 48, "O", 24, "Pt", 36), 1,
            v(1.7593294593, 4.3889863142, 16.5347186531), v(6.8393363090, 7.2783221157, 12.4413607226), v(0, 0, 32.5429263608), NA,
            NA, null),
        new Case("modalNEB/NEB/LLTO/00/POSCAR", "vasp-poscar", 58, Map.of("La", 7, "Li", 3, "Ti", 12, "O", 36), 1,
            v(2.7424135359, 1.6094764896, 7.9460050498), v(9.6960806092, 1.0865046086, 5.6389877252), v(0, 0, 13.4090003967), NA,
            NA, null),
        new Case("modalNEB/NEB/LLTO/02/CONTCAR", "vasp-poscar", 58, Map.of("La", 7, "Li", 3, "Ti", 12, "O", 36), 1,
            v(2.7368608009, 1.6054944202, 7.9845628113), v(9.7079791142, 1.0851595391, 5.6505361512), v(0, 0, 13.4090003967), NA,
            NA, null),
        new Case("bilayer-graphene-neb/fig-2d-NEB/NEB/03/CONTCAR", "vasp-poscar", 37, Map.of("C", 36, "Li", 1), 1,
            v(-3.7020067160, 6.4108277949, 11.9604269243), v(1.5450331548, 3.3814481819, 13.9963499121), v(0, 0, 27.8030738831), NA,
            NA, null));
  }

  /** An OUTCAR of the corpus whose run stopped inside an ionic step. */
  private static final String STOPPED_RUN = "dpdata/poscars/6362_OUTCAR";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsLikeTheIndependentReader(Case c) {
    FrameSource src = FormatRegistry.open(SharedData.real(c.path()), ReadOptions.DEFAULT);
    assertEquals(c.format(), src.header().format());
    assertEquals(c.atoms(), src.header().atoms().size());
    assertEquals(c.species(), Map.copyOf(src.header().atoms().speciesCounts()));
    List<String> warnings;
    List<Frame> frames;
    try (src) {
      frames = FrameSources.readAll(src);
      warnings = Warning.texts(src.warnings());
    }
    assertEquals(c.frames(), frames.size(), "frames");
    if (c.path().equals(STOPPED_RUN)) {
      // the file ends in the SCF of its third ionic step, without VASP's closing summary
      assertEquals(1, warnings.size(), () -> "warnings " + warnings);
      assertTrue(warnings.get(0).contains("closing summary") && warnings.get(0).contains("2 complete frames kept"), warnings.get(0));
    } else {
      assertTrue(warnings.isEmpty(), () -> "unexpected warnings " + warnings);
    }
    Frame first = frames.get(0);
    Frame last = frames.get(frames.size() - 1);
    int n = c.atoms();
    for (int k = 0; k < 3; k++) {
      assertEquals(c.first0()[k], first.position(0, k), 1e-6, "first frame atom 0 axis " + k);
      assertEquals(c.lastN()[k], last.position(n - 1, k), 1e-6, "last frame last atom axis " + k);
      assertEquals(c.cellC()[k], last.cell().get(2, k), 1e-6, "last cell vector c axis " + k);
    }
    if (Double.isNaN(c.eFirst())) {
      assertFalse(first.energies().hasAny());
    } else {
      assertEquals(c.eFirst(), first.energies().freeEnergyEv(), 1e-8);
      assertEquals(c.eLast(), last.energies().freeEnergyEv(), 1e-8);
    }
    if (c.forceN() == null) {
      assertFalse(last.hasForces());
    } else {
      double[] f = last.forces();
      for (int k = 0; k < 3; k++) {
        assertEquals(c.forceN()[k], f[3 * (n - 1) + k], 1e-6, "force on last atom axis " + k);
      }
    }
  }
}
