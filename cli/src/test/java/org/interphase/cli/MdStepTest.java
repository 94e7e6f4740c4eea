package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * An XDATCAR whose configuration numbers are 50 MD steps apart and no INCAR beside it (a Pt–water AIMD): VASP's POTIM given as
 * --timestep-fs would make each MD step 0.5/50 = 0.01 fs, which is questioned; given as --md-step-fs it makes the frames
 * 50 × 0.5 = 25 fs apart.
 */
class MdStepTest {
  private static final String XDATCAR = SharedData.real("aimd-pt-water/XDATCAR").toString();

  @Test
  void potimPassedAsTheTimeBetweenFramesIsQuestioned() {
    InfoCommandTest.Run r = InfoCommandTest.run("msd", XDATCAR, "--species", "H", "--timestep-fs", "0.5");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("H MSD: 54 atoms, 100 frames, 0.5000 fs between frames"), r.out());
    assertTrue(r.err().contains("warning: --timestep-fs 0.5 fs is the time between stored frames, and the files number them 50 MD "
        + "steps apart: each MD step would be 0.01 fs; if 0.5 fs is the MD step (VASP's POTIM), pass --timestep-fs 25 or --md-step-fs "
        + "0.5"), r.err());
    // D scales with 1/Δt: the summary names the questioned time step among D's doubts
    assertTrue(r.out().contains("D doubtful (time between frames questioned"), r.out());
    InfoCommandTest.Run plausible = InfoCommandTest.run("msd", XDATCAR, "--species", "H", "--timestep-fs", "25");
    assertFalse(plausible.err().contains("each MD step would be"), plausible.err());
    assertFalse(plausible.out().contains("time between frames questioned"), plausible.out());
  }

  @Test
  void theMdStepTimesTheNumberedStepsIsTheTimeBetweenFrames() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("msd", XDATCAR, "--species", "H", "--md-step-fs", "0.5");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("H MSD: 54 atoms, 100 frames, 25.00 fs between frames"), r.out());
    assertFalse(r.err().contains("each MD step would be"), r.err());
    InfoCommandTest.Run json = InfoCommandTest.run("msd", XDATCAR, "--species", "H", "--md-step-fs", "0.5", "--json");
    assertEquals(25.0, Json.MAPPER.readTree(json.out()).get("timestep_fs").asDouble(), 1e-12, json.out());
  }

  @Test
  void anMdStepIsRefusedWhereTheFilesDoNotNumberTheStepsBetweenFrames() throws Exception {
    // the kinisi Li6PS5Cl XDATCAR is numbered 1, 2, 3… although written every 50 steps: 2 fs × 1 would make D 50 times too large
    InfoCommandTest.Run kinisi = InfoCommandTest.run("msd", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--species", "Li",
        "--md-step-fs", "2");
    assertEquals(2, kinisi.exit(), kinisi.out());
    assertTrue(kinisi.err().contains("the files do not say how many MD steps lie between the stored frames (configurations numbered "
        + "1, 2, 3… may have been renumbered"), kinisi.err());
    assertTrue(kinisi.err().contains("pass --timestep-fs with the time between stored frames"), kinisi.err());
    assertFalse(kinisi.out().contains("D "), kinisi.out());
    // the same class: the Pt–water XDATCAR renumbered 1, 2, 3… as a program that rewrites it would
    java.nio.file.Path dir = SharedData.emptyScratch("md-step-renumbered");
    java.nio.file.Path renumbered = dir.resolve("XDATCAR");
    int[] n = {0};
    java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(XDATCAR)).stream()
        .map(l -> l.startsWith("Direct configuration=") ? String.format(java.util.Locale.ROOT, "Direct configuration=%6d", ++n[0]) : l)
        .toList();
    java.nio.file.Files.write(renumbered, lines);
    InfoCommandTest.Run r = InfoCommandTest.run("msd", renumbered.toString(), "--species", "H", "--md-step-fs", "0.5");
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("so --md-step-fs 0.5 gives no time between them"), r.err());
    InfoCommandTest.Run given = InfoCommandTest.run("msd", renumbered.toString(), "--species", "H", "--timestep-fs", "25");
    assertEquals(0, given.exit(), given.err());
    assertTrue(given.out().startsWith("H MSD: 54 atoms, 100 frames, 25.00 fs between frames"), given.out());
  }

  @Test
  void anMdStepOtherThanTheFilesIsUsedAndSaidSo() throws Exception {
    // CP2K: the time = column gives 1.5 fs per step, one step between frames
    String cp2k = SharedData.cp2k("aimd_nvt").toString();
    InfoCommandTest.Run r = InfoCommandTest.run("msd", cp2k, "--species", "Li", "--md-step-fs", "1");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Li MSD: 12 atoms, 2001 frames, 1.000 fs between frames"), r.out());
    assertTrue(r.err().contains("warning: --md-step-fs 1 fs differs from the 1.5 fs MD step the files give"), r.err());
    InfoCommandTest.Run same = InfoCommandTest.run("msd", cp2k, "--species", "Li", "--md-step-fs", "1.5");
    assertTrue(same.out().startsWith("Li MSD: 12 atoms, 2001 frames, 1.500 fs between frames"), same.out());
    assertFalse(same.err().contains("--md-step-fs"), same.err());
    // VASP vasprun.xml: POTIM 2 fs, every step stored
    String vasprun = SharedData.real("dpdata/poscars/Ti-aimd-nwrite0/vasprun.xml").toString();
    InfoCommandTest.Run v = InfoCommandTest.run("msd", vasprun, "--species", "Ti", "--md-step-fs", "5", "--json");
    assertEquals(0, v.exit(), v.err());
    com.fasterxml.jackson.databind.JsonNode j = Json.MAPPER.readTree(v.out());
    assertEquals(5.0, j.get("timestep_fs").asDouble(), 1e-12);
    assertTrue(j.get("warnings").toString().contains("--md-step-fs 5 fs differs from the 2 fs MD step the files give"), j.toString());
  }

  @Test
  void bothTimeOptionsAtOnceAreRefused() {
    InfoCommandTest.Run r = InfoCommandTest.run("msd", XDATCAR, "--species", "H", "--md-step-fs", "0.5", "--timestep-fs", "100");
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("--timestep-fs 100 and --md-step-fs 0.5 both set the time between frames: give one"), r.err());
    assertFalse(r.out().contains("MSD"), r.out());
  }
}
