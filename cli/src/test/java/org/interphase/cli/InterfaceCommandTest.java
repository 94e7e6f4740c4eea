package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class InterfaceCommandTest {
  @Test
  void jsonKeysOneAndSeveralInterfaces() throws Exception {
    String d = SharedData.cp2k("interface_energy").toString();
    InfoCommandTest.Run one = InfoCommandTest.run("interface", "--interface", d + "/sp_interface.out", "--part-a", d + "/sp_slabA.out",
        "--part-b", d + "/sp_slabB.out", "--interfaces", "1", "--json");
    assertEquals(0, one.exit(), one.err());
    JsonNode j = Json.MAPPER.readTree(one.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("area_a2", "interfaces", "energy_interface_ev", "energy_a_ev", "energy_b_ev",
        "interface_energy_ev_a2", "interface_energy_j_m2", "interface_energy_stderr_j_m2", "work_of_adhesion_j_m2",
        "work_of_adhesion_stderr_j_m2", "frames_used")), keys.toString());
    // reference.json static: γ = -0.2594891399658639 J/m², W = +0.2594891399658639 J/m²
    assertEquals(-0.2594891399658639, j.get("interface_energy_j_m2").asDouble(), 2e-5);
    assertEquals(0.2594891399658639, j.get("work_of_adhesion_j_m2").asDouble(), 2e-5);

    Path out = SharedData.scratch("interface-two");
    InfoCommandTest.Run two = InfoCommandTest.run("interface", "--interface", d + "/sp_interface.out", "--part-a", d + "/sp_slabA.out",
        "--part-b", d + "/sp_slabB.out", "--interfaces", "1", "--name", "static", "--interface", d + "/aimd_interface-1.ener", "--part-a",
        d + "/aimd_slabA-1.ener", "--part-b", d + "/aimd_slabB-1.ener", "--interfaces", "1", "--name", "aimd", "--equilibration-ps", "0.1",
        "--json", "--out", out.toString());
    assertEquals(0, two.exit(), two.err());
    JsonNode r = Json.MAPPER.readTree(two.out()).get("results");
    assertEquals(2, r.size());
    // reference.json thermal_average.steps_ge_50: -0.38176654027128604 J/m²
    assertEquals(-0.38176654027128604, r.get(1).get("interface_energy_j_m2").asDouble(), 2e-5);
    assertEquals(351, r.get(1).get("frames_used").get("interface").asInt());
    for (String f : List.of("interface.csv", "interface.json", "interface.png", "interface.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }
  }

  /**
   * The same static single points with --interfaces 2: by the hand formula both γ and W are the
   * reference.json values (k = 1: γ = −0.2594891399658639 J/m², W = −γ) divided by 2, in the JSON and
   * in the CSV.
   */
  @Test
  void workOfAdhesionHalvesWithTwoInterfaces() throws Exception {
    String d = SharedData.cp2k("interface_energy").toString();
    Path out = SharedData.scratch("interface-k2");
    InfoCommandTest.Run r = InfoCommandTest.run("interface", "--interface", d + "/sp_interface.out", "--part-a", d + "/sp_slabA.out",
        "--part-b", d + "/sp_slabB.out", "--interfaces", "2", "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(2, j.get("interfaces").intValue());
    assertEquals(-0.2594891399658639 / 2, j.get("interface_energy_j_m2").asDouble(), 1e-5);
    assertEquals(0.2594891399658639 / 2, j.get("work_of_adhesion_j_m2").asDouble(), 1e-5);
    List<String> csv = Files.readAllLines(out.resolve("interface.csv"));
    String[] head = csv.get(0).split(",");
    String[] row = csv.get(1).split(",");
    int w = List.of(head).indexOf("work_of_adhesion_j_m2");
    assertEquals(0.2594891399658639 / 2, Double.parseDouble(row[w]), 1e-5);
  }

  @Test
  void missingRequiredOptionIsUsageError() {
    InfoCommandTest.Run r = InfoCommandTest.run("interface", "--interface", "x");
    assertEquals(2, r.exit());
  }
}
