package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code info} and {@code msd} on LAMMPS dumps committed with the parsers' tests; the MSD against
 * {@code parsers/src/test/resources/lammps/reference.json} (numpy over the LAMMPS-unwrapped
 * positions as ASE reads them, printed by {@code reference.py} beside it).
 */
class LammpsCommandsTest {
  private static final Path DIR = SharedData.projectRoot().resolve("parsers/src/test/resources/lammps");

  @Test
  void infoNamesTheFormatTheAtomsAndTheTimeStepFromTheMdStep() throws IOException {
    InfoCommandTest.Run r = InfoCommandTest.run("info", "--json", "--elements", "Li,S", "--md-step-fs", "2",
        DIR.resolve("tri_wrapped_images.lammpstrj").toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode f = Json.MAPPER.readTree(r.out()).get("files").get(0);
    assertEquals("lammps-dump", f.get("format").asText());
    assertEquals("LAMMPS", f.get("program").asText());
    assertEquals(130, f.get("atoms").asInt());
    assertEquals(89, f.get("species").get("Li").asInt());
    assertEquals(12, f.get("frames").asInt());
    assertEquals(40.0, f.get("timestep_fs").asDouble(), 1e-12);
    // LAMMPS "Howto triclinic": b = (xy, yhi − ylo, 0) with xy = 3 Å
    assertEquals(3.0, f.get("cell").get(1).get(0).asDouble(), 1e-12);
  }

  @Test
  void msdOfAnUnwrappedDumpMatchesNumpy() throws IOException {
    JsonNode ref = Json.MAPPER.readTree(DIR.resolve("reference.json").toFile()).get("msd");
    for (String drift : new String[] {"none", null}) {
      InfoCommandTest.Run r = drift == null
          ? InfoCommandTest.run("msd", DIR.resolve(ref.get("file").asText()).toString(), "--species", "Li", "--elements", "Li,S",
              "--md-step-fs", "2", "--temperature-k", "900", "--json")
          : InfoCommandTest.run("msd", DIR.resolve(ref.get("file").asText()).toString(), "--species", "Li", "--elements", "Li,S",
              "--md-step-fs", "2", "--temperature-k", "900", "--drift-reference", drift, "--json");
      assertEquals(0, r.exit(), r.err());
      JsonNode j = Json.MAPPER.readTree(r.out());
      assertEquals(ref.get("atoms").asInt(), j.get("atoms").asInt());
      assertEquals(ref.get("frame_spacing_fs").asDouble(), j.get("timestep_fs").asDouble(), 1e-12);
      JsonNode want = ref.get(drift == null ? "msd_drift_s_a2" : "msd_a2");
      for (int k = 0; k < want.size(); k++) {
        int lag = ref.get("lags_frames").get(k).asInt();
        // FFT over all time origins against direct sums in numpy: agreement to rounding
        assertEquals(want.get(k).asDouble(), j.get("msd_a2").get(lag).asDouble(), 1e-9, "lag " + lag + " drift " + drift);
      }
    }
  }

  @Test
  void unsupportedUnitsAndMissingElementsAreOneLineErrors() {
    String dump = DIR.resolve("ortho_wrapped.lammpstrj").toString();
    InfoCommandTest.Run units = InfoCommandTest.run("info", "--lammps-units", "lj", "--elements", "Li,S", dump);
    assertEquals(2, units.exit());
    assertEquals("interphase: LAMMPS units \"lj\" are not supported (supported: metal = Å and ps, real = Å and fs)", units.err().strip());
    InfoCommandTest.Run noElements = InfoCommandTest.run("msd", dump, "--species", "Li", "--md-step-fs", "2");
    assertEquals(2, noElements.exit(), "a missing option is bad usage, not a malformed file");
    assertTrue(noElements.err().contains("ortho_wrapped.lammpstrj:10:") && noElements.err().contains("pass --elements"), noElements.err());
  }

  @Test
  void infoSaysHowManyMdStepsLieBetweenFramesOfADumpWithoutTimes() {
    // TIMESTEP 0, 20, 40, …: --md-step-fs gives the time between frames
    InfoCommandTest.Run r = InfoCommandTest.run("info", "--elements", "Li,S", DIR.resolve("ortho_wrapped.lammpstrj").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("frames are 20 MD steps apart (TIMESTEP numbers) and the dump gives no time: pass --md-step-fs"), r.out());
  }
}
