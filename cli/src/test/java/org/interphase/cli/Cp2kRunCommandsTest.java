package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * CP2K runs end to end through the commands: kind labels as species, order and spacing in {@code
 * info --json}, the main log as an energy source for {@code interface} and as a summary for {@code
 * info}. Right values are worked out by hand in each test (or taken from the shared reference.json).
 */
class Cp2kRunCommandsTest {

  /**
   * 21 frames, 1 fs apart, of 2 Sb (a kind declared {@code ELEMENT S}) moving +0.1 Å/fs along x, 2
   * plain S and 2 Li at rest, in a 20 Å cube.
   */
  private static Path kindRun(String name) throws IOException {
    Path d = SharedData.scratch(name);
    Files.writeString(d.resolve("k.inp"), """
        &GLOBAL
          PROJECT k
          RUN_TYPE MD
        &END GLOBAL
        &FORCE_EVAL
          &SUBSYS
            &CELL
              ABC 20.0 20.0 20.0
            &END CELL
            &KIND Sb
              ELEMENT S
            &END KIND
          &END SUBSYS
        &END FORCE_EVAL
        &MOTION
          &MD
            TIMESTEP 1.0
          &END MD
        &END MOTION
        """);
    String[] labels = {"Sb", "Sb", "S", "S", "Li", "Li"};
    StringBuilder t = new StringBuilder();
    for (int s = 0; s <= 20; s++) {
      t.append("       6\n").append(String.format(Locale.ROOT, " i = %8d, time = %12.3f, E = %20.10f%n", s, (double) s, -1.0));
      for (int i = 0; i < 6; i++) {
        double x = 2.0 + 2 * i + (i < 2 ? 0.1 * s : 0);
        t.append(String.format(Locale.ROOT, " %-3s %16.10f %16.10f %16.10f%n", labels[i], x, 5.0 + i, 5.0));
      }
    }
    Files.writeString(d.resolve("k-pos-1.xyz"), t.toString());
    return d;
  }

  @Test
  void kindLabelIsASpeciesEndToEnd() throws IOException {
    Path d = kindRun("cp2k-kind-run");
    InfoCommandTest.Run info = InfoCommandTest.run("info", "--json", d.toString());
    assertEquals(0, info.exit(), info.err());
    JsonNode f = Json.MAPPER.readTree(info.out()).get("files").get(0);
    assertEquals(4, f.get("species").get("S").asInt());
    assertEquals(2, f.get("species").get("Li").asInt());
    assertEquals(2, f.get("kinds").get("Sb").asInt());
    assertEquals(1.0, f.get("timestep_fs").asDouble(), 1e-12);
    assertEquals("k-pos-1.xyz time = column", f.get("timestep_source").asText());

    InfoCommandTest.Run msd = InfoCommandTest.run("msd", d.toString(), "--species", "Sb", "--drift-reference", "none",
        "--temperature-k", "300", "--json");
    assertEquals(0, msd.exit(), msd.err());
    JsonNode m = Json.MAPPER.readTree(msd.out());
    assertEquals(2, m.get("atoms").asInt());
    // each Sb moves 0.1 Å per 1 fs frame: MSD(k frames) = (0.1 k)² Å²
    for (int k = 0; k <= 20; k++) {
      assertEquals(0.01 * k * k, m.get("msd_a2").get(k).asDouble(), 1e-9, "lag " + k);
    }
    // S selects all four sulfur atoms, two moving and two at rest: (2 · 0.01 k² + 0) / 4
    InfoCommandTest.Run all = InfoCommandTest.run("msd", d.toString(), "--species", "S", "--drift-reference", "none",
        "--temperature-k", "300", "--json");
    assertEquals(0, all.exit(), all.err());
    JsonNode s = Json.MAPPER.readTree(all.out());
    assertEquals(4, s.get("atoms").asInt());
    assertEquals(0.005 * 100, s.get("msd_a2").get(10).asDouble(), 1e-9);
  }

  @Test
  void sideFilesAloneResolveKindsAndKeepOneRecordPerStep() throws IOException {
    Path d = kindRun("cp2k-kind-side-files");
    // forces of steps 0..5, then a restart from step 3 appended: 9 frames in the file, 6 steps
    StringBuilder frc = new StringBuilder();
    StringBuilder ener = new StringBuilder("#     Step Nr.          Time[fs]        Kin.[a.u.]          Temp[K]            Pot.[a.u.]"
        + "        Cons Qty[a.u.]        UsedTime[s]\n");
    for (int s : new int[] {0, 1, 2, 3, 4, 5, 3, 4, 5}) {
      frc.append("       6\n").append(String.format(Locale.ROOT, " i = %8d, time = %12.3f, E = %20.10f%n", s, (double) s, -1.0));
      for (String l : new String[] {"Sb", "Sb", "S", "S", "Li", "Li"}) {
        frc.append(" ").append(l).append("   0.001 0.0 0.0\n");
      }
      ener.append(String.format(Locale.ROOT, "%10d %19.6f %19.9f %19.9f %19.9f %19.9f %19.9f%n", s, (double) s, 0.001, 300.0, -1.0, -0.999, 1.0));
    }
    Files.writeString(d.resolve("k-frc-1.xyz"), frc.toString());
    Files.writeString(d.resolve("k-1.ener"), ener.toString());
    InfoCommandTest.Run r = InfoCommandTest.run("info", "--json", d.resolve("k-frc-1.xyz").toString(), d.resolve("k-1.ener").toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode files = Json.MAPPER.readTree(r.out()).get("files");
    JsonNode f = files.get(0);
    assertEquals(6, f.get("frames").asInt());
    assertEquals(4, f.get("species").get("S").asInt());
    assertEquals(2, f.get("kinds").get("Sb").asInt());
    assertEquals(1.0, f.get("timestep_fs").asDouble(), 1e-12);
    assertTrue(f.get("warnings").get(0).asText().contains("3 force frames were replaced"), f.toString());
    JsonNode e = files.get(1);
    assertEquals(6, e.get("frames").asInt());
    assertTrue(e.get("warnings").get(0).asText().contains("3 .ener rows were replaced"), e.toString());
    InfoCommandTest.Run strict = InfoCommandTest.run("info", "--strict", d.resolve("k-1.ener").toString());
    assertEquals(3, strict.exit());
    // header line 1, rows of steps 0..5 on lines 2..7: the step 3 written again is line 8
    assertEquals("interphase: " + d.resolve("k-1.ener") + ":8: expected step numbers that increase (one record per step; --strict refuses a "
        + "restart appended to the same file), found \"step 3 after step 5\"\n", strict.err());
  }

  @Test
  void mdLogsGiveTheSameInterfaceEnergyAsTheEnerFiles() throws IOException {
    String d = SharedData.cp2k("interface_energy").toString();
    InfoCommandTest.Run r = InfoCommandTest.run("interface", "--interface", d + "/aimd_interface.out", "--part-a", d + "/aimd_slabA.out",
        "--part-b", d + "/aimd_slabB.out", "--interfaces", "1", "--equilibration-ps", "0.1", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    // reference.json thermal_average.steps_ge_50: -0.38176654027128604 J/m² over steps 50..400 of the interface run
    assertEquals(-0.38176654027128604, j.get("interface_energy_j_m2").asDouble(), 2e-5);
    assertEquals(351, j.get("frames_used").get("interface").asInt());
  }

  @Test
  void infoOnLogsShowsSpeciesAndCell() throws IOException {
    InfoCommandTest.Run r = InfoCommandTest.run("info", "--json", SharedData.cp2k("interface_energy/sp_slabA.out").toString(),
        SharedData.real("cp2kdata/test_energy_force/v6.1/normal/output").toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode files = Json.MAPPER.readTree(r.out()).get("files");
    JsonNode sp = files.get(0);
    // PRINT_LEVEL LOW log: atoms from its force table (24 Li, 12 S), cell from sp_slabA.inp (C = 22.927380 Å)
    assertEquals(24, sp.get("species").get("Li").asInt());
    assertEquals(12, sp.get("species").get("S").asInt());
    assertEquals(22.92738, sp.get("cell").get(2).get(2).asDouble(), 1e-9);
    JsonNode v61 = files.get(1);
    // CP2K 6.1 kind table: Fe1 6, Fe2 6, O 18 atoms; the coordinate table says Fe for kinds 1 and 2
    assertEquals(12, v61.get("species").get("Fe").asInt());
    assertEquals(18, v61.get("species").get("O").asInt());
    assertEquals(6, v61.get("kinds").get("Fe1").asInt());
    // CELL| Vector a [angstrom]: 5.038 0.000 0.000 |a| = 5.038000
    assertEquals(5.038, v61.get("cell").get(0).get(0).asDouble(), 1e-9);
  }
}
