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
}
