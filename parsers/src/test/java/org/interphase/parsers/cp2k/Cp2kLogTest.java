package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.EnergyRuns;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * The CP2K main log as a source of species, cell and per-step MD energies, in the layouts of CP2K
 * 2.6–7.1 ({@code STEP NUMBER =} blocks) and 2022+ ({@code MD|} blocks with {@code MD_INI|}). Energies
 * are written in Hartree and converted here by hand with 1 Ha = 27.211386245988 eV (CODATA 2018).
 */
class Cp2kLogTest {
  private static final double HA = 27.211386245988;
  private static final String HEAD = """
       CP2K| version string:                                       CP2K version 2023.1
       GLOBAL| Project name                                                         md
       GLOBAL| Run type                                                             MD
       CELL| Vector a [angstrom]:      14.755     0.000     0.000   |a| =    14.754900
       CELL| Vector b [angstrom]:       0.000     8.200     0.000   |b| =     8.200000
       CELL| Vector c [angstrom]:       0.000     0.000    13.000   |c| =    13.000000

       ATOMIC KIND INFORMATION

        1. Atomic kind: Sb                                    Number of atoms:       2

        2. Atomic kind: Li1                                   Number of atoms:       1

       MODULE QUICKSTEP: ATOMIC COORDINATES IN ANGSTROM

         Atom Kind Element         X             Y             Z       Z(eff)     Mass
            1    1 S     16      0.000000      1.000000      1.000000   6.0000  32.0650
            2    1 S     16      0.000000      2.000000      2.000000   6.0000  32.0650
            3    2 Li     3      0.000000      3.000000      3.000000   3.0000   6.9410

       MD_PAR| Ensemble type                                                       NVT
       MD_PAR| Time step [fs]                                                 0.500000
       MD_PAR| Coordinates          1                                     md-pos-1.xyz
      """;

  /** A 2022+ MD block; potential energy −10 − 0.01·step Ha in the first run, −20 − 0.01·step Ha after the restart. */
  private static String step(long s, double potHa) {
    return String.format(java.util.Locale.ROOT, """
         MD| Step number                                                     %10d
         MD| Time [fs]                                                      %10.6f
         MD| Conserved quantity [hartree]                            %20.12E
         MD| Potential energy [hartree]         %20.12E  %20.12E
         MD| Kinetic energy [hartree]            0.583358073450E-01   0.583358073450E-01
         MD| Temperature [K]                             285.596419           285.596419
        """, s, 0.5 * s, potHa + 0.05, potHa, potHa);
  }

  @Test
  void newLayoutWithRestartAppendedKeepsOneEnergyPerStep() {
    Path d = MadeRun.folder("log-md-new");
    StringBuilder t = new StringBuilder(HEAD);
    t.append(" MD_INI| MD initialization\n MD_INI| Potential energy [hartree]                          -0.100000000000E+02\n");
    for (long s = 1; s <= 3; s++) {
      t.append(step(s, -10 - 0.01 * s));
    }
    for (long s = 2; s <= 4; s++) {
      t.append(step(s, -20 - 0.01 * s));
    }
    MadeRun.in(d).line(t.toString()).write("md.out");
    Cp2kLog log = Cp2kLog.read(d.resolve("md.out"));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), log.mdSteps().stream().map(s -> s.step()).toList());
    // MD_INI is step 0; its time is 0 fs from step 1 at 0.5 fs and the 0.5 fs time step
    assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0), log.mdSteps().stream().map(s -> s.timeFs()).toList());
    double[] expectedHa = {-10.0, -10.01, -20.02, -20.03, -20.04};
    for (int i = 0; i < 5; i++) {
      assertEquals(expectedHa[i] * HA, log.mdSteps().get(i).energies().potentialEv(), 1e-6, "step " + i);
    }
    assertEquals(1, log.warnings().size());
    assertTrue(log.warnings().get(0).contains("2 MD steps were replaced"), log.warnings().toString());
    // interface reads the same energies from the log
    try (FrameSource run = EnergyRuns.open(d.resolve("md.out"), ReadOptions.DEFAULT)) {
      assertTrue(run.header().dynamics());
      List<Frame> frames = FrameSources.readAll(run);
      assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5, 2.0}, frames.stream().mapToDouble(Frame::timeFs).toArray(), 1e-12);
      assertEquals(-20.04 * HA, frames.get(frames.size() - 1).energies().potentialEv(), 1e-6);
      assertEquals(Map.of("S", 2, "Li", 1), run.header().atoms().speciesCounts());
    }
  }

  @Test
  void oldLayoutSteps() {
    Path d = MadeRun.folder("log-md-old");
    StringBuilder t = new StringBuilder(" CP2K| version string:                                        CP2K version 2.6.2\n"
        + " GLOBAL| Project name                                                     H2O-md\n"
        + " MD| Time Step [fs]                                                         0.50\n");
    for (long s = 1; s <= 2; s++) {
      t.append(String.format(java.util.Locale.ROOT, """
           STEP NUMBER                  =                                      %10d
           TIME [fs]                    =                                  %12.6f
           CONSERVED QUANTITY [hartree] =                              -0.343240544028E+02
           POTENTIAL ENERGY[hartree]    =         %20.12E  -0.343366383116E+02
           TEMPERATURE [K]              =                     309.798              309.798
          """, s, 0.5 * s, -34.3 - 0.001 * s));
    }
    MadeRun.in(d).line(t.toString()).write("old.out");
    Cp2kLog log = Cp2kLog.read(d.resolve("old.out"));
    assertEquals(2, log.mdSteps().size());
    assertEquals(0.5, log.timestepFs(), 0);
    assertEquals(1.0, log.mdSteps().get(1).timeFs(), 0);
    assertEquals(-34.302 * HA, log.mdSteps().get(1).energies().potentialEv(), 1e-6);
    assertEquals(309.798, log.mdSteps().get(1).energies().temperatureK(), 0);
  }

  @Test
  void singlePointLogGivesSpeciesKindsAndCell() {
    Path d = MadeRun.folder("log-sp");
    MadeRun.in(d).line(HEAD.replace("Run type                                                             MD",
        "Run type                                                   ENERGY_FORCE")
        + " ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:              -54.923866465540428\n").write("sp.out");
    Cp2kLogRun run = Cp2kLogRun.read(d.resolve("sp.out"));
    assertEquals(Map.of("S", 2, "Li", 1), run.composition());
    assertEquals(Map.of("Sb", 2, "Li1", 1), run.kinds());
    // |a| = 14.754900 printed to 6 decimals beats the 3 of the components
    assertEquals(14.7549, run.cell().get(0, 0), 1e-12);
    assertEquals(13.0, run.cell().get(2, 2), 1e-12);
    assertEquals(-54.923866465540428 * HA, run.log().singlePointEnergiesEv().get(0), 1e-9);
  }

  /**
   * A real CP2K 7.1 log (cp2kdata test_energy_force/v7.1) whose kind named {@code Al} is iron: its
   * coordinate table gives every atom of kind 3 the element Fe, Z = 26, mass 55.8450, and the kind
   * has the Fe basis (31 Cartesian functions). The name alone would have said aluminium.
   */
  @Test
  void realLogWhoseKindAlIsIron() {
    Cp2kLogRun run = Cp2kLogRun.read(org.interphase.testkit.SharedData.real("cp2kdata/test_energy_force/v7.1/normal/output"));
    assertEquals(Map.of("H", 170, "O", 157, "Fe", 48), run.composition());
    assertEquals(Map.of("H", 170, "O", 157, "Al", 24, "Fe", 24), run.kinds());
    assertEquals("Fe", run.log().kinds().get(2).element());
    assertEquals("Al", run.log().kinds().get(2).name());
  }

  @Test
  void lowPrintLevelLogTakesAtomsFromItsForceTable() {
    Path d = MadeRun.folder("log-low");
    MadeRun.in(d).line("""
         CP2K| version string:                                       CP2K version 2023.1
         GLOBAL| Project name                                                     low
         ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:              -54.923866465540428

         ATOMIC FORCES in [a.u.]

         # Atom   Kind   Element          X              Y              Z
              1      1      Li         -0.00000000     0.00002837    -0.00000009
              2      1      Li          0.00000000     0.00002837     0.00000008
              3      2      S           0.00000001    -0.00000002     0.00005181
         SUM OF ATOMIC FORCES          -0.00000000    -0.00000000     0.00000000     0.00000000
        """).write("low.out");
    Cp2kLogRun run = Cp2kLogRun.read(d.resolve("low.out"));
    assertEquals(Map.of("Li", 2, "S", 1), run.composition());
    assertEquals("the force table of low.out", run.compositionSource());
    assertEquals(null, run.cell());
  }

  @Test
  void energyThatIsNotANumberIsRefusedWithItsLine() {
    Path d = MadeRun.folder("log-nan");
    Path p = MadeRun.in(d).line(" CP2K| version string:                                       CP2K version 2023.1")
        .line(" ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:                                NaN").write("nan.out");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> Cp2kLog.read(p));
    assertEquals(p + ":2: expected the energy in Hartree (a finite number) at the end of the line, found \"NaN\"", e.getMessage());
  }
}
