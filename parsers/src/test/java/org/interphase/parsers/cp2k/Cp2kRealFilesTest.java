package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CP2K positions trajectory of {@code shared/data/real} and {@code shared/data/cp2k}, read as a
 * run (positions joined with cell, energies, forces), checked against independent values.
 *
 * <p>Atoms, frames and coordinates: ASE 3.22.1 {@code ase.io.read(path, index=":", format="xyz")}, printed by
 * {@code parsers/src/test/python/cp2k_reference.py}. Energy: the first comment line's {@code E =} in
 * Hartree, converted here by hand with CODATA 2018, 1 Ha = 27.211386245988 eV. Time step: the
 * difference of the first two {@code time =} fields (NaN for GEO_OPT and runs whose frames carry no
 * time; for the single-frame MD runs IL and AI2KIT, the log's {@code MD_PAR| Time step [fs] 0.500000}
 * × {@code MD_PAR| Coordinates 1}). Cell a_x: the first row of the {@code .cell} file, else {@code
 * &CELL} of the input, else the log's {@code CELL|} line (its {@code |a| =} length, printed to 6
 * decimals, where the vector lies along x), read by eye from those files.
 */
class Cp2kRealFilesTest {
  private static final double HARTREE_EV = 27.211386245988;

  record Case(String path, int atoms, int frames, double[] first0, double[] lastN, double energyHa, double dtFs, double cellAx) {
    @Override
    public String toString() {
      return path;
    }
  }

  static double[] v(double... x) {
    return x;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("cp2k/aimd_nvt/aLPS-pos-1.xyz", 32, 2001,
            v(7.7324930883, 3.6949266222, 1.6038176107),
            v(0.3830825978, 5.7092180689, 4.8364215497), -75.9682410928, 1.5, 8.615439),
        new Case("cp2k/aimd_nvt/preopt-pos-1.xyz", 32, 60,
            v(6.6421688318, 3.8838352304, 2.2183484326),
            v(0.8451754937, 6.7671060153, 4.8274324145), -75.8122777969, Double.NaN, 8.615439),
        new Case("cp2k/interface_energy/aimd_interface-pos-1.xyz", 44, 401,
            v(1.222e-07, -3.267e-07, 7.7166504762),
            v(5.6794069093, 3.6063254107, 13.6770426233), -84.6026472566, 2.0, 8.075159),
        new Case("cp2k/interface_energy/aimd_slabA-pos-1.xyz", 36, 301,
            v(1.267e-07, 4.2348723948, 9.5187887917),
            v(0.077057442, 5.9296278693, 11.432192868), -54.9238664362, 2.0, 8.075159),
        new Case("cp2k/interface_energy/aimd_slabB-pos-1.xyz", 8, 301,
            v(6.4400242784, 5.7099980343, 15.3616199885),
            v(5.5794083433, 3.9838137874, 14.4468502377), -29.6238932651, 2.0, 8.075159),
        new Case("cp2k/interface_energy/opt_interface-pos-1.xyz", 44, 26,
            v(1.3943e-06, -9.594e-07, 7.5200839519),
            v(5.7354303821, 4.04741733, 13.9046862523), -84.5674115367, Double.NaN, 8.075159),
        new Case("cp2k/interface_energy/opt_slabA-pos-1.xyz", 36, 10,
            v(-8.3e-09, 4.2888530888, 9.5187893036),
            v(2.348e-07, 5.7100000113, 11.4283900257), -54.9018523404, Double.NaN, 8.075159),
        new Case("cp2k/interface_energy/opt_slabB-pos-1.xyz", 8, 10,
            v(6.3903182027, 5.7100018942, 15.4165437233),
            v(5.6897049525, 4.0361314235, 14.4532943557), -29.6237218946, Double.NaN, 8.075159),
        new Case("cp2k/neb_li_hop/opt_final-pos-1.xyz", 23, 21,
            v(4.2846886601, 4.2846889519, 4.2794604161),
            v(0.2691763295, 0.2691748527, -0.2691765214), -37.6450839152, Double.NaN, 0.0),
        new Case("cp2k/neb_li_hop/opt_initial-pos-1.xyz", 23, 31,
            v(4.2843680758, 4.28436806, 4.2843681205),
            v(-0.1104335724, -0.1104312725, -0.110431716), -37.6721698200, Double.NaN, 0.0),
        new Case("real/cp2kdata/test_dpdata/v2022.1/aimd/IL-pos-1.xyz", 1020, 1,
            v(0.6684769651, 20.5303954135, 5.4291853545),
            v(14.2405280268, 18.0817596095, 9.6465798897), -65166.0380298189, 0.5, 23.2049),
        new Case("real/cp2kdata/test_dpdata/v2022.1/aimd_exit/AI2KIT-pos-1.xyz", 12, 1,
            v(5.6816501681, 7.3543506057, 4.7277385175),
            v(2.0, 5.461661743, 5.806581461), -448.6591224137, 0.5, 17.190467),
        new Case("real/cp2kdata/test_dpdata/v2022.2/aimd_npt_i/system-pos-1.xyz", 52, 11,
            v(2.4625, 2.4625, 0.22766305),
            v(2.5876469977, 7.7161715896, 7.6378988156), -471.4677511314, 2.0, 9.85),
        new Case("real/cp2kdata/test_dpdata/v2023.1/aimd_nvt/cp2k-pos-1.xyz", 116, 4,
            v(1.0574263, 7.81350351, 3.20250128),
            v(11.209599782, 2.8355867713, 7.8772560323), -511.5234201843, 1.0, 14.7549),
        new Case("real/cp2kdata/test_dpdata/v2023.2/aimd_nvt_restart/H2O_restart-pos-1.xyz", 12, 3,
            v(6.3316694013, 10.3265616457, 7.6782392523),
            v(5.4641863879, 0.5990944245, -0.266046914), -68.9778215227, 1.0, 12.6),
        new Case("real/cp2kdata/test_dpdata/v2024.1/aimd_npt_i_restart/Li-LiFSI-DME-1-1-pos-1.xyz", 1074, 5,
            v(1.7736156273, 1.808759687, 1.8462000891),
            v(13.7542551758, 21.2121809659, 28.2683028553), -8580.3124660623, 1.0, 21.8210756),
        new Case("real/cp2kdata/test_dpdata/v7.1/aimd_npt_f/cp2k-pos-1.xyz", 192, 11,
            v(9.32016984, 4.86613723, 1.20697965),
            v(7.0650887539, 1.4309807116, 10.3668526956), -1434.8904304339, 0.5, 10.8816),
        new Case("real/cp2kdata/test_dpdata/v7.1/aimd_virial/water-pos-1.xyz", 192, 6,
            v(5.223037, 5.396548, 8.892441),
            v(6.4807441905, 7.886608496, 2.7318715758), -1102.7787715053, 0.1, 12.42),
        new Case("real/cp2kdata/test_dpdata/v9.1/npt_i/SbCl-pos-1.xyz", 135, 3,
            v(2.2799999546, 19.0470005306, 5.1919998879),
            v(10.2106813889, 12.8484458972, 17.6506155987), -1573.5743947045, 1.0, 20.935),
        new Case("real/cp2kdata/test_dpdata/v9.1/xTBmd_npt_i/water-300K-pos-1.xyz", 174, 4,
            v(10.9645666667, 10.3452671667, 8.9681661667),
            v(10.5416932087, 11.0147832493, 18.5168731456), -334.6315068706, 1.0, 23.3333333333),
        new Case("real/dpdata/cp2k/aimd/DPGEN-pos-1.xyz", 533, 30,
            v(9.91856212, 3.10968054, 9.83892356),
            v(0.09959704, 0.48416828, 36.83313531), -12660.6289171951, Double.NaN, 10.451),
        new Case("real/mdanse/MDANSE/Tests/UnitTests/Data/CO2GAS-pos-1.xyz", 60, 100,
            v(13.6198139809, 17.168387212, 11.8661155396),
            v(11.7164052516, 5.1338714037, 21.2206247475), -518.2508806749, 1.0, 20.0),
        new Case("real/nomad-electronic-parsers/cp2k/geometry_optimization/H2O-pos-1.xyz", 3, 12,
            v(12.235322, 1.376642, 10.86988),
            v(11.9026554703, 1.5480520836, 9.9673307045), -17.1643447508, Double.NaN, 12.4138),
        new Case("real/nomad-electronic-parsers/cp2k/molecular_dynamics/H2O-32-pos-1.xyz", 6, 11,
            v(2.280398, 9.146539, 5.088696),
            v(1.8669280879, 2.9877213524, 7.2364955946), -34.3303964710, 0.5, 9.8528),
        new Case("real/nomad-parser-cp2k/cp2k_2.6.2/md/npt/H2O-md-pos-1.xyz", 6, 11,
            v(-4.583297689, 5.333952476, 1.560053386),
            v(-5.1759289758, 7.6790007799, 1.1290280189), -34.3364035304, 0.5, 6.0),
        new Case("real/nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-pos-1.xyz", 6, 11,
            v(2.280398, 9.146539, 5.088696),
            v(1.8669280879, 2.9877213524, 7.2364955946), -34.3303964710, 0.5, 9.8528),
        // ASE fails on this file (two blanks after the last newline); 864 atoms × 4 frames = 3464 lines, values from lines 3 and 3464
        new Case("real/mdanse/MDANSE/Data/Trajectories/CP2K/pnma-supercell-pos-1-ejemplo.xyz", 864, 4,
            v(4.514, 0, 0),
            v(0.9040893779, 16.0932745433, 17.3452588936), -82.7400857847, 100.0, 27.086)
    );
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsLikeAse(Case c) {
    List<Frame> frames;
    double dt;
    try (FrameSource src = FormatRegistry.open(SharedData.path("data/" + c.path()), ReadOptions.DEFAULT)) {
      assertEquals("cp2k-md", src.header().format());
      assertEquals(c.atoms(), src.header().atoms().size());
      dt = src.header().timestepFs();
      frames = FrameSources.readAll(src);
    }
    assertEquals(c.frames(), frames.size());
    Frame first = frames.get(0);
    Frame last = frames.get(frames.size() - 1);
    for (int k = 0; k < 3; k++) {
      assertEquals(c.first0()[k], first.position(0, k), 1e-9);
      assertEquals(c.lastN()[k], last.position(c.atoms() - 1, k), 1e-9);
    }
    assertEquals(c.energyHa() * HARTREE_EV, first.energies().potentialEv(), 1e-6);
    if (Double.isNaN(c.dtFs())) {
      assertEquals(Double.NaN, dt);
    } else {
      assertEquals(c.dtFs(), dt, 1e-9);
    }
    assertEquals(c.cellAx(), first.cell().get(0, 0), 1e-6);
  }
}
