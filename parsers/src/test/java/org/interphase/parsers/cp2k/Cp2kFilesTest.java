package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;
import org.interphase.parsers.xyz.ExtendedXyz;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The CP2K side files (.ener, .cell, logs, BAND) against values written in the files themselves or
 * in {@code shared/data/cp2k/*}/reference.json, converted by hand with 1 Ha = 27.211386245988 eV and
 * 1 bohr = 0.529177210903 Å (CODATA 2018).
 */
class Cp2kFilesTest {
  private static final double HA = 27.211386245988;
  private static final double BOHR = 0.529177210903;

  @Test
  void enerFileRowsAndMeanTemperature() {
    Cp2kEnerReader.Result r = Cp2kEnerReader.read(SharedData.cp2k("aimd_nvt/aLPS-1.ener"), false);
    assertEquals(2001, r.steps().size());
    // row of step 1: 1.500000 0.213210265 1447.879494971 -75.966731006 -75.747352809
    assertEquals(1.5, r.steps().get(1).timeFs(), 0);
    assertEquals(0.213210265 * HA, r.steps().get(1).energies().kineticEv(), 1e-9);
    assertEquals(-75.966731006 * HA, r.steps().get(1).energies().potentialEv(), 1e-9);
    assertEquals(-75.747352809 * HA, r.steps().get(1).energies().conservedEv(), 1e-9);
    // reference.json input.mean_temperature_K_from_ener
    double mean = r.steps().stream().mapToDouble(s -> s.energies().temperatureK()).average().orElseThrow();
    assertEquals(1448.550720872493, mean, 1e-9);
  }

  @Test
  void mdRunJoinsEnergiesByStep() {
    try (FrameSource src = FormatRegistry.open(SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz"), ReadOptions.DEFAULT)) {
      src.next();
      Frame f1 = src.next();
      assertEquals(1, f1.step());
      assertEquals(1.5, f1.timeFs(), 0);
      assertEquals(1447.879494971, f1.energies().temperatureK(), 1e-9);
      // xyz comment of step 1 has E with 10 decimals: it wins over the .ener's 9
      assertEquals(f1.energies().potentialEv(), -75.966731006 * HA, 1e-6);
      assertTrue(f1.hasForces());
      assertTrue(f1.hasVelocities());
      // reference.json: volume 639.4877587583 Å³
      assertEquals(639.4877587583, f1.cell().volumeA3(), 1e-6);
    }
  }

  @Test
  void logsOfEveryVersion() {
    record L(String path, String version, String runType, double lastSinglePointHa) {}
    List<L> logs = List.of(
        new L("real/cp2kdata/test_energy_force/v6.1/normal/output", "6.1", "ENERGY_FORCE", -1766.225653832774242),
        new L("real/cp2kdata/test_energy_force/v7.1/normal/output", "7.1", "ENERGY_FORCE", -8551.039999194017582),
        new L("real/cp2kdata/test_energy_force/v8.1/normal/output", "8.1", "ENERGY_FORCE", -551.571385283613040),
        new L("real/cp2kdata/test_energy_force/v9.0/normal/output", "9.0", "ENERGY_FORCE", -629.591594189076091),
        new L("cp2k/interface_energy/sp_slabA.out", "2023.1", "ENERGY_FORCE", -54.923866465540428));
    for (L l : logs) {
      Cp2kLog log = Cp2kLog.read(SharedData.path("data/" + l.path()));
      assertEquals(l.version(), log.version(), l.path());
      assertEquals(l.runType(), log.runType(), l.path());
      List<Double> sp = log.singlePointEnergiesEv();
      assertEquals(l.lastSinglePointHa() * HA, sp.get(sp.size() - 1), 1e-6, l.path());
      assertTrue(log.endedNormally());
    }
  }

  @Test
  void mdLogOldAndNewLayouts() {
    // new layout (2022+): MD| blocks, MD_INI for step 0
    Cp2kLog neu = Cp2kLog.read(SharedData.real("cp2kdata/test_dpdata/v2022.2/aimd_npt_i/output"));
    assertEquals("NPT_I", neu.ensemble());
    assertEquals(2.0, neu.timestepFs(), 0);
    assertEquals(1, neu.mdSteps().get(1).step());
    // "MD| Potential energy [hartree]  -0.471485381983E+03" of step 1, "MD| Cell lengths [ang] 9.89235773E+00"
    assertEquals(-0.471485381983E+03 * HA, neu.mdSteps().get(1).energies().potentialEv(), 1e-6);
    assertEquals(9.89235773, neu.mdCells().get(1).get(0, 0), 1e-8);
    // old layout (7.1): STEP NUMBER, POTENTIAL ENERGY[hartree], CELL LNTHS[bohr], CELL ANGLS[deg]
    Cp2kLog old = Cp2kLog.read(SharedData.real("cp2kdata/test_dpdata/v7.1/aimd_npt_f/output"));
    EnergyStepCheck.step1(old);
  }

  /** Values of step 1 of the 7.1 NPT_F log, read from its lines 2672-2687. */
  static final class EnergyStepCheck {
    static void step1(Cp2kLog old) {
      var s1 = old.mdSteps().stream().filter(s -> s.step() == 1).findFirst().orElseThrow();
      assertEquals(0.5, s1.timeFs(), 0);
      assertEquals(-0.143511255434E+04 * HA, s1.energies().potentialEv(), 1e-6);
      assertEquals(528.493, s1.energies().temperatureK(), 0);
      int i = old.mdSteps().indexOf(s1);
      assertEquals(0.2056293E+02 * BOHR, old.mdCells().get(i).lengthsA()[0], 1e-9);
      assertEquals(0.9507416E+02, old.mdCells().get(i).anglesDeg()[1], 1e-6);
    }
  }

  @Test
  void nptRunWithoutCellFileTakesLogCells() {
    try (FrameSource src = FormatRegistry.open(SharedData.real("cp2kdata/test_dpdata/v2022.2/aimd_npt_i/system-pos-1.xyz"),
        ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(11, frames.size());
      assertEquals(9.89235773, frames.get(1).cell().get(0, 0), 1e-8);
      assertTrue(src.header().variableCell());
    }
  }

  @Test
  void bandRunMatchesReference() {
    Cp2kBand band = Cp2kBand.read(SharedData.cp2k("neb_li_hop"));
    // reference.json final_band_energies_Ha_from_ener_last_row (equal to the last comment lines)
    double[] ha = {-37.7331209111, -37.7326150734, -37.7296152684, -37.7258736800, -37.7277614080, -37.7296340980, -37.7336916950};
    assertEquals(7, band.images().size());
    assertEquals(46, band.iterations());
    for (int i = 0; i < 7; i++) {
      assertEquals(ha[i] * HA, band.images().get(i).energies().potentialEv(), 1e-5, "replica " + (i + 1));
      assertFalse(band.images().get(i).hasForces(), "CP2K 2023 BAND force files are empty");
    }
    // final_band_distances_bohr_from_ener_last_row[0]
    assertEquals(1.55609231 * BOHR, band.lastDistancesA()[0], 1e-8);
    assertEquals(23, band.atoms().size());
  }

  @Test
  void discoveryFindsRunsAndRefusesAmbiguity() {
    List<RunDiscovery.Run> runs = RunDiscovery.discover(SharedData.cp2k("aimd_nvt"));
    assertEquals(2, runs.size());
    RunDiscovery.Run md = RunDiscovery.require(SharedData.cp2k("aimd_nvt"), RunDiscovery.MD, "an MD run");
    assertEquals("aLPS", md.name());
    assertEquals(RunDiscovery.RunKind.CP2K_BAND,
        RunDiscovery.require(SharedData.cp2k("neb_li_hop"), RunDiscovery.NEB, "a NEB").kind());
    var e = assertThrows(RuntimeException.class, () -> RunDiscovery.require(SharedData.cp2k("interface_energy"), RunDiscovery.MD, "an MD run"));
    assertTrue(e.getMessage().contains("3 candidate runs"), e.getMessage());
    assertTrue(e.getMessage().contains("aimd_slabA-pos-1.xyz"), e.getMessage());
    assertEquals(RunDiscovery.RunKind.VASP_NEB,
        RunDiscovery.require(SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB"), RunDiscovery.NEB, "a NEB").kind());
  }

  private static Path copyCut(String from, String to, int keepLines) throws IOException {
    Path dir = SharedData.scratch("cp2k-damaged");
    List<String> lines = Files.readAllLines(SharedData.path("data/" + from));
    Path p = dir.resolve(to);
    Files.write(p, lines.subList(0, Math.min(keepLines, lines.size())));
    return p;
  }

  @Test
  void cutOffFrameWarnsAndStrictFails() throws IOException {
    // 6 atoms: 8 lines per frame; keep 3 frames and half of the 4th
    Path dir = SharedData.scratch("cp2k-damaged");
    Path pos = copyCut("real/nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-pos-1.xyz", "H2O-32-pos-1.xyz", 3 * 8 + 5);
    Files.copy(SharedData.real("nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-1.cell"), dir.resolve("H2O-32-1.cell"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (FrameSource src = FormatRegistry.open(pos, ReadOptions.DEFAULT)) {
      assertEquals(3, FrameSources.readAll(src).size());
      assertTrue(src.warnings().get(0).text().contains(":30: expected atom 4 of 6 in frame 4, found end of file"),
          Warning.texts(src.warnings()).toString());
    }
    assertThrows(TruncatedInputException.class, () -> FrameSources.readAll(FormatRegistry.open(pos, ReadOptions.DEFAULT.withStrict(true))));
  }

  @Test
  void cellFileThatStartsAfterThePositionsIsAnError() throws IOException {
    Path dir = SharedData.scratch("cp2k-cellmismatch");
    Files.copy(SharedData.real("nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-pos-1.xyz"), dir.resolve("H2O-32-pos-1.xyz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<String> cell = Files.readAllLines(SharedData.real("nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-1.cell"));
    // drop the header and the rows of steps 0..4
    Files.write(dir.resolve("H2O-32-1.cell"), cell.subList(6, cell.size()));
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> FrameSources.readAll(FormatRegistry.open(dir.resolve("H2O-32-pos-1.xyz"), ReadOptions.DEFAULT)));
    assertTrue(e.getMessage().contains("no row at or before step 0"), e.getMessage());
  }

  @Test
  void runWithoutAnyCellIsAnError() throws IOException {
    Path dir = SharedData.scratch("cp2k-nocell");
    Files.copy(SharedData.real("nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-pos-1.xyz"), dir.resolve("H2O-32-pos-1.xyz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // the file is fine: what is missing is beside it (exit 4, not 3)
    org.interphase.core.MissingInputException e = assertThrows(org.interphase.core.MissingInputException.class,
        () -> FormatRegistry.open(dir.resolve("H2O-32-pos-1.xyz"), ReadOptions.DEFAULT));
    assertEquals(dir.resolve("H2O-32-pos-1.xyz") + ": no cell for this run: put the file H2O-32-1.cell beside it, or an input naming project "
        + "H2O-32 with &CELL, or the run's main log (CELL| lines)", e.getMessage());
  }

  @Test
  void positionsNamedWithoutAProjectSayHowToGiveTheCell() throws IOException {
    Path dir = SharedData.scratch("cp2k-noproject");
    Files.copy(SharedData.real("nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-pos-1.xyz"), dir.resolve("plain.xyz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    org.interphase.core.MissingInputException e = assertThrows(org.interphase.core.MissingInputException.class,
        () -> FormatRegistry.open(dir.resolve("plain.xyz"), new ReadOptions(false, java.util.List.of(), Double.NaN, "cp2k-md")));
    assertEquals(dir.resolve("plain.xyz") + ": no cell for this run: name the positions PROJECT-pos-1.xyz, as CP2K does, beside the "
        + "run's PROJECT-1.cell, or put the run's input (&CELL) or its main log (CELL| lines) beside them", e.getMessage());
  }

  @Test
  void positionsNamedWithoutAProjectAndReadAsExtendedXyzSayWhatTheyAre() throws IOException {
    Path dir = SharedData.scratch("cp2k-noproject-detected");
    Files.copy(SharedData.real("nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-pos-1.xyz"), dir.resolve("plain.xyz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> FrameSources.readAll(FormatRegistry.open(dir.resolve("plain.xyz"), ReadOptions.DEFAULT)));
    assertTrue(e.getMessage().contains("this comment line is CP2K's: a CP2K positions file is read as one when named "
        + "PROJECT-pos-1.xyz, as CP2K names it, or given the format cp2k-md"), e.getMessage());
  }

  @Test
  void crashedLogSaysSo() throws IOException {
    Path p = copyCut("cp2k/interface_energy/sp_slabA.out", "crashed.out", 200);
    Cp2kLog log = Cp2kLog.read(p);
    assertFalse(log.endedNormally());
    assertEquals("2023.1", log.version());
  }

  @Test
  void extendedXyzRoundTrip() throws IOException {
    List<Frame> frames;
    org.interphase.core.AtomTable atoms;
    try (FrameSource src = FormatRegistry.open(SharedData.real("cp2kdata/test_dpdata/v7.1/aimd_npt_f/cp2k-pos-1.xyz"), ReadOptions.DEFAULT)) {
      atoms = src.header().atoms();
      frames = FrameSources.readAll(src).subList(0, 3);
    }
    StringWriter w = new StringWriter();
    frames.forEach(f -> ExtendedXyz.write(w, atoms, f));
    Path p = SharedData.scratch("extxyz").resolve("roundtrip.extxyz");
    Files.writeString(p, w.toString());
    try (FrameSource back = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(atoms, back.header().atoms());
      List<Frame> again = FrameSources.readAll(back);
      assertEquals(3, again.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(frames.get(i).position(5, 1), again.get(i).position(5, 1), 1e-10);
        assertTrue(frames.get(i).cell().approxEquals(again.get(i).cell(), 1e-10));
        assertEquals(frames.get(i).energies().potentialEv(), again.get(i).energies().potentialEv(), 1e-9);
        assertEquals(frames.get(i).forces()[7], again.get(i).forces()[7], 1e-9);
      }
    }
    assertNull(null);
  }

  /**
   * CP2K 2025 changed the single-point blocks (no real 2025 log is in the corpus): the energy label
   * reads {@code [hartree]} and forces come as {@code FORCES|} rows. Lines as quoted in dpdata issue
   * #850 and phonopy issue #513.
   */
  @Test
  void log2025Layout() throws IOException {
    String text = String.join("\n",
        " CP2K| version string:                                        CP2K version 2025.1",
        " GLOBAL| Project name                                                        H2O",
        " GLOBAL| Run type                                                   ENERGY_FORCE",
        " ENERGY| Total FORCE_EVAL ( QS ) energy [hartree]             -7.364190264587725",
        " FORCES| Atomic forces [hartree/bohr]",
        " FORCES|   Atom     x               y               z               |f|",
        " FORCES|      1 -7.50298189E-07 -1.21094526E-05 -2.38661921E-05   2.67730632E-05",
        " FORCES|      2  5.99036359E-07 -2.78589031E-06  2.10634109E-05   2.12552889E-05",
        " FORCES| Total atomic force                 0.0   0.0   0.0",
        "  **** **** ******  **  PROGRAM ENDED AT                 2025-04-08 12:00:00.000", "");
    Path p = SharedData.scratch("cp2k-2025").resolve("h2o.out");
    Files.writeString(p, text);
    Cp2kLog log = Cp2kLog.read(p);
    assertEquals("2025.1", log.version());
    assertEquals(-7.364190264587725 * HA, log.singlePointEnergiesEv().get(0), 1e-9);
    assertEquals(6, log.lastForcesEvPerA().length);
    assertEquals(2.10634109E-05 * HA / BOHR, log.lastForcesEvPerA()[5], 1e-15);
    assertTrue(log.endedNormally());
  }
}
