package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.EnergyStep;
import org.junit.jupiter.api.Test;

/** Step 0 and the time step of the CP2K 2.6–7.1 log layout ({@code INITIAL … =}, {@code STEP NUMBER =}, {@code MD| Time Step [fs]}). */
class Cp2kOldLogTest {
  private static final String LOG = """
       CP2K| version string:                                          CP2K version 7.1
       GLOBAL| Project name                                                        old
       GLOBAL| Run type                                                             MD
       MD| Ensemble Type                                                           NVE
       MD| Time Step [fs]                                                         0.50
       ******************************** GO CP2K GO! **********************************
       INITIAL POTENTIAL ENERGY[hartree]     =                     -0.343303964710E+02
       INITIAL KINETIC ENERGY[hartree]       =                      0.712533452240E-02
       INITIAL TEMPERATURE[K]                =                                 300.000
       INITIAL VOLUME[bohr^3]                =                      0.645469325907E+04
       INITIAL CELL LNTHS[bohr]   =      0.1861909E+02   0.1861909E+02   0.1861909E+02
       INITIAL CELL ANGLS[deg]    =      0.9000000E+02   0.9000000E+02   0.9000000E+02
       ******************************** GO CP2K GO! **********************************
       *******************************************************************************
       ENSEMBLE TYPE                =                                              NVE
       STEP NUMBER                  =                                                1
       TIME [fs]                    =                                         0.500000
       CONSERVED QUANTITY [hartree] =                              -0.343232456449E+02

                                                    INSTANTANEOUS             AVERAGES
       POTENTIAL ENERGY[hartree]    =         -0.343297789925E+02  -0.343297789925E+02
       KINETIC ENERGY [hartree]     =          0.653334760734E-02   0.653334760734E-02
       TEMPERATURE [K]              =                     275.075              275.075
       *******************************************************************************
       PROGRAM ENDED AT                                                 2020-01-01
      """;

  @Test
  void initialBlockIsStepZeroAndTheTimeStepNamesItsLabel() {
    Path d = MadeRun.folder("old-log");
    Cp2kLog log = Cp2kLog.read(MadeRun.in(d).line(LOG).write("old.out"));
    List<EnergyStep> steps = log.mdSteps();
    assertEquals(List.of(0L, 1L), steps.stream().map(EnergyStep::step).toList());
    // by hand: -34.3303964710 Ha × 27.211386245988 eV/Ha = -934.17767835 eV; 0.00712533452240 Ha → 0.19389023 eV
    assertEquals(-934.1776783502844, steps.get(0).energies().potentialEv(), 1e-9);
    assertEquals(0.19389022982089882, steps.get(0).energies().kineticEv(), 1e-12);
    assertEquals(300.0, steps.get(0).energies().temperatureK(), 0);
    // step 0 prints no time: step 1 is at 0.5 fs, one step of 0.5 fs before is 0 fs
    assertEquals(0.0, steps.get(0).timeFs(), 1e-12);
    assertEquals(-0.343297789925E+02 * 27.211386245988, steps.get(1).energies().potentialEv(), 1e-9);
    // the cell of step 0: 18.61909 bohr × 0.529177210903 Å/bohr = 9.852804 Å
    assertEquals(18.61909 * 0.529177210903, log.mdCells().get(0).lengthsA()[0], 1e-5);
    assertEquals("MD| Time Step", log.timestepLabel());
    assertEquals(0.5, log.timestepFs(), 0);
  }
}
