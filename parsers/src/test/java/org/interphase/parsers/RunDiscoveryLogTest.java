package org.interphase.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSources;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder holding only a CP2K log is a run: info lists it, interface reads its energies. */
class RunDiscoveryLogTest {
  @TempDir
  Path dir;

  @Test
  void folderWithOnlyACp2kLogIsALogRun() throws IOException {
    Path log = SharedData.real("cp2kdata/test_energy_force/v7.1/normal/output");
    Files.copy(log, dir.resolve("output"));
    Files.writeString(dir.resolve("notes.out"), "not a CP2K log\n");
    List<RunDiscovery.Run> runs = RunDiscovery.discover(dir);
    assertEquals(1, runs.size(), runs.toString());
    assertEquals(RunDiscovery.RunKind.CP2K_LOG, runs.get(0).kind());
    assertEquals(dir.resolve("output"), runs.get(0).primary());
  }

  @Test
  void logBesideItsTrajectoryIsNotASecondRun() throws IOException {
    Files.writeString(dir.resolve("md-pos-1.xyz"), "1\n i =        0, time =        0.000, E =        -1.0\nLi 0 0 0\n");
    Files.copy(SharedData.real("cp2kdata/test_energy_force/v7.1/normal/output"), dir.resolve("md.out"));
    assertTrue(RunDiscovery.discover(dir).stream().noneMatch(r -> r.kind() == RunDiscovery.RunKind.CP2K_LOG));
  }

  @Test
  void interfaceEnergiesComeFromTheLogOfAFolder() throws IOException {
    Files.copy(SharedData.real("cp2kdata/test_energy_force/v7.1/normal/output"), dir.resolve("output"));
    List<Frame> fromFolder = FrameSources.readAll(EnergyRuns.open(dir, ReadOptions.DEFAULT));
    List<Frame> fromFile = FrameSources.readAll(EnergyRuns.open(dir.resolve("output"), ReadOptions.DEFAULT));
    assertEquals(fromFile.size(), fromFolder.size());
    assertEquals(fromFile.get(0).energies().potentialEv(), fromFolder.get(0).energies().potentialEv(), 0.0);
  }
}
