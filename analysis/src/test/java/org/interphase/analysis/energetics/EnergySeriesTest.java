package org.interphase.analysis.energetics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.EnergyRun;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Runner;
import org.interphase.core.TrajectoryHeader;
import org.junit.jupiter.api.Test;

/** Which energy, which time and which errors, on frames made by hand. */
class EnergySeriesTest {
  private static final Cell CELL = Cell.orthorhombic(10, 10, 20);

  private static FrameSource source(String program, double dt, boolean md, List<String> notes, Energies... e) {
    TrajectoryHeader h = new TrajectoryHeader("run", "test", program, AtomTable.of("Li", "Li", "S"), CELL, dt, dt > 0 ? "test" : null,
        false, notes, md);
    List<Frame> frames = new java.util.ArrayList<>();
    for (int i = 0; i < e.length; i++) {
      frames.add(new Frame(i, Double.NaN, CELL, new double[9], null, null, e[i]));
    }
    return FrameSources.of(h, frames);
  }

  private static EnergyRun run(FrameSource s, EnergySeries.VaspEnergy v) {
    Runner r = new Runner(s);
    Runner.Slot<EnergyRun> slot = r.add(new EnergySeries(v));
    r.run(Runner.Listener.NONE);
    return slot.result();
  }

  @Test
  void vaspFramesGiveTheChosenEnergyAtIndexTimesTheTimeStep() {
    Energies a = new Energies(-1.0, -1.0, -1.1, Double.NaN, Double.NaN, Double.NaN);
    Energies b = new Energies(-2.0, -2.0, -2.1, Double.NaN, Double.NaN, Double.NaN);
    EnergyRun sigma0 = run(source("VASP 6.4.2", 2.0, true, List.of(), a, b), EnergySeries.VaspEnergy.SIGMA0);
    assertArrayEquals(new double[] {-1.1, -2.1}, sigma0.energiesEv(), 0);
    assertArrayEquals(new double[] {0, 2.0}, sigma0.timesFs(), 0);
    assertEquals("VASP energy(sigma->0)", sigma0.energyLabel());
    assertEquals(Map.of("Li", 2, "S", 1), sigma0.composition());
    assertTrue(sigma0.dynamics());
    EnergyRun free = run(source("VASP", 2.0, true, List.of(), a, b), EnergySeries.VaspEnergy.FREE);
    assertArrayEquals(new double[] {-1.0, -2.0}, free.energiesEv(), 0);
    assertEquals("VASP free energy TOTEN", free.energyLabel());
  }

  @Test
  void otherProgramsGiveThePotentialEnergyNamedByTheReader() {
    EnergyRun sp = run(source("CP2K 2024.1", Double.NaN, false, List.of(Energies.LABEL_NOTE + "CP2K total energy (ENERGY| Total "
        + "FORCE_EVAL)"), Energies.potential(-5.0)), EnergySeries.VaspEnergy.SIGMA0);
    assertEquals("CP2K total energy (ENERGY| Total FORCE_EVAL)", sp.energyLabel());
    assertEquals(-5.0, sp.lastEnergyEv(), 0);
    assertTrue(Double.isNaN(sp.timesFs()[0]));
    assertEquals("CP2K potential energy", run(source("CP2K", 1, true, List.of(), Energies.potential(-5.0)),
        EnergySeries.VaspEnergy.SIGMA0).energyLabel());
  }

  @Test
  void aFrameWithoutTheEnergyOrNoFrameIsAnError() {
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> run(source("VASP", 1, true, List.of(),
        new Energies(-1, -1, -1, Double.NaN, Double.NaN, Double.NaN), Energies.NONE), EnergySeries.VaspEnergy.SIGMA0));
    assertTrue(e.getMessage().endsWith("frame 2 has no VASP energy(sigma->0)"), e.getMessage());
    MalformedInputException none = assertThrows(MalformedInputException.class, () -> run(source("VASP", 1, true, List.of()),
        EnergySeries.VaspEnergy.SIGMA0));
    assertTrue(none.getMessage().endsWith("no energies"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EnergySeries.vaspEnergy("total"));
    assertEquals(EnergySeries.VaspEnergy.FREE, EnergySeries.vaspEnergy("TOTEN"));
  }
}
