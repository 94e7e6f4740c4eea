package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code info} and {@code msd} on the extended XYZ and H5MD files written by ASE and MDAnalysis
 * ({@code parsers/src/test/resources/extxyz}, {@code …/h5md}): formats, time steps from the files
 * (no {@code --timestep-fs}), and the same MSD from both files of one trajectory.
 */
class InfoExtxyzH5mdTest {

  private static Path resource(String name) {
    return SharedData.projectRoot().resolve("parsers/src/test/resources").resolve(name);
  }

  private static JsonNode json(String... args) throws IOException {
    InfoCommandTest.Run r = InfoCommandTest.run(args);
    assertEquals(0, r.exit(), r.err());
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void infoShowsFormatTimeStepAndSpecies() throws IOException {
    JsonNode x = json("info", "--json", resource("extxyz/lips-md-time.extxyz").toString()).get("files").get(0);
    assertEquals("extxyz", x.get("format").asText());
    assertEquals(10.0, x.get("timestep_fs").asDouble(), 1e-9);
    assertEquals(18, x.get("species").get("Li").asInt());
    assertEquals(20, x.get("frames").asInt());
    assertTrue(x.get("has_forces").asBoolean());
    JsonNode h = json("info", "--json", resource("h5md/lips-mda-nm-fs.h5").toString()).get("files").get(0);
    assertEquals("h5md", h.get("format").asText());
    assertEquals(10.0, h.get("timestep_fs").asDouble(), 1e-6);
    assertEquals(48, h.get("atoms").asInt());
    assertEquals(20, h.get("frames").asInt());
    // nm in the file, Å in Interphase: a = 1.1 nm
    assertEquals(11.0, h.get("cell").get(0).get(0).asDouble(), 1e-5);
  }

  @Test
  void msdNeedsNoTimeStepAndAgreesBetweenTheTwoFiles() throws IOException {
    JsonNode x = json("msd", resource("extxyz/lips-md-time.extxyz").toString(), "--species", "Li", "--json");
    JsonNode h = json("msd", resource("h5md/lips-mda-angstrom-ps.h5md").toString(), "--species", "Li", "--json");
    assertEquals(10.0, x.get("timestep_fs").asDouble(), 1e-9);
    assertEquals(10.0, h.get("timestep_fs").asDouble(), 1e-5);
    assertEquals(18, h.get("atoms").asInt());
    assertEquals(x.get("msd_a2").size(), h.get("msd_a2").size());
    // the H5MD file holds the extxyz positions in float32: MSDs agree to ~1e-6 Å²
    for (int i = 0; i < x.get("msd_a2").size(); i++) {
      assertEquals(x.get("msd_a2").get(i).asDouble(), h.get("msd_a2").get(i).asDouble(), 1e-4, "lag " + i);
    }
    assertEquals(x.get("diffusivity_cm2_s").asDouble(), h.get("diffusivity_cm2_s").asDouble(), 1e-3 * x.get("diffusivity_cm2_s").asDouble());
  }

  @Test
  void damagedH5mdIsOneLineWithExitCode3() {
    InfoCommandTest.Run r = InfoCommandTest.run("info", resource("h5md/damaged-position-shape.h5md").toString());
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("/particles/lips/position/value: expected positions of shape [frames][atoms][3]"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
