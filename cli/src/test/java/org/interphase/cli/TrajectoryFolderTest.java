package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.interphase.cli.InfoCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder holding a LAMMPS dump, an extended XYZ or an H5MD file is a run, as a VASP or CP2K folder is. */
class TrajectoryFolderTest {
  @TempDir
  Path dir;

  private static Path resource(String rel) {
    return Path.of("..", "parsers", "src", "test", "resources").resolve(rel);
  }

  @Test
  void aFolderWithOneDumpIsItsRun() throws Exception {
    Files.copy(resource("lammps/ortho_element.lammpstrj"), dir.resolve("ortho_element.lammpstrj"));
    Run info = InfoCommandTest.run("info", dir.toString());
    assertEquals(0, info.exit(), info.err());
    assertTrue(info.out().contains("lammps-dump"), info.out());
    Run msd = InfoCommandTest.run("msd", dir.toString(), "--species", "Li", "--json");
    assertEquals(0, msd.exit(), msd.err());
    assertTrue(msd.out().contains("\"diffusivity_cm2_s\""), msd.out());
  }

  @Test
  void aDamagedFileBesideGoodOnesIsListedWithItsReason() throws Exception {
    Files.copy(resource("h5md/lips-fixed-box.h5md"), dir.resolve("good.h5md"));
    Files.copy(resource("h5md/damaged-nan-position.h5md"), dir.resolve("bad.h5md"));
    Run info = InfoCommandTest.run("info", dir.toString());
    assertEquals(0, info.exit(), info.err());
    assertTrue(info.out().contains("good.h5md") && info.out().contains("bad.h5md") && info.out().contains("finite positions"), info.out());
    Files.delete(dir.resolve("good.h5md"));
    Run alone = InfoCommandTest.run("info", dir.toString());
    assertEquals(3, alone.exit(), alone.err());
    assertTrue(alone.err().contains("finite positions"), alone.err());
  }
}
