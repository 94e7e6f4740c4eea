package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** {@code info --json} on the CP2K runs of {@code shared/data/cp2k} and on every CP2K file of {@code shared/data/real}. */
class InfoCp2kTest {

  private static JsonNode info(Path p) throws IOException {
    InfoCommandTest.Run r = InfoCommandTest.run("info", "--json", p.toString());
    assertEquals(0, r.exit(), p + ": " + r.err());
    return Json.MAPPER.readTree(r.out()).get("files");
  }

  private static JsonNode byPath(JsonNode files, String endsWith) {
    for (JsonNode f : files) {
      if (f.get("path").asText().endsWith(endsWith)) {
        return f;
      }
    }
    throw new AssertionError("no entry for " + endsWith + " in " + files);
  }

  @Test
  void aimdRunDirectory() throws IOException {
    JsonNode f = byPath(info(SharedData.cp2k("aimd_nvt")), "aLPS-pos-1.xyz");
    // reference.json: 2001 frames, dt 1.5 fs, 32 atoms (12 Li), cell 8.615439 Å
    assertEquals("cp2k-md", f.get("format").asText());
    assertEquals("CP2K 2023.1", f.get("program").asText());
    assertEquals(32, f.get("atoms").asInt());
    assertEquals(12, f.get("species").get("Li").asInt());
    assertEquals(2001, f.get("frames").asInt());
    assertEquals(1.5, f.get("timestep_fs").asDouble(), 0);
    assertEquals(8.615439, f.get("cell").get(2).get(2).asDouble(), 1e-9);
    assertEquals(false, f.get("variable_cell").asBoolean());
    assertTrue(f.get("has_energies").asBoolean());
    assertTrue(f.get("has_forces").asBoolean());
    JsonNode pre = byPath(info(SharedData.cp2k("aimd_nvt")), "preopt-pos-1.xyz");
    assertEquals(60, pre.get("frames").asInt());
    assertTrue(pre.get("timestep_fs").isNull(), "a geometry optimisation has no time step");
  }

  @Test
  void bandRunDirectory() throws IOException {
    JsonNode f = byPath(info(SharedData.cp2k("neb_li_hop")), "Replica_nr_1-1.xyz");
    assertEquals("cp2k-band", f.get("format").asText());
    assertEquals(7, f.get("frames").asInt());
    assertEquals(23, f.get("atoms").asInt());
    // band.inp: A = (0, 5.71, 5.71)
    assertEquals(5.71, f.get("cell").get(0).get(1).asDouble(), 1e-12);
    assertTrue(f.get("has_energies").asBoolean());
  }

  /**
   * A CP2K 2023 BAND replica's force file holds frame headers with energies and no per-atom lines: info says energies
   * only and no forces, that its frames are a band's iterations (not MD, no time step) and raises no warning for it; the
   * MD forces file beside a trajectory still says forces only.
   */
  @Test
  void bandForceFileSaysWhatItHolds() throws IOException {
    Path file = SharedData.cp2k("neb_li_hop").resolve("neb_LiCl-force-Replica_nr_1-1.xyz");
    InfoCommandTest.Run r = InfoCommandTest.run("info", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  energies    yes (eV)   forces no\n"), r.out());
    assertTrue(r.out().contains("  note        energies only (frame headers without per-atom lines)"), r.out());
    assertTrue(r.out().contains("  time step   none: not MD (CP2K BAND: a replica's iterations)"), r.out());
    assertTrue(!r.out().contains("forces only") && !r.err().contains("warning"), r.out() + r.err());
    JsonNode md = byPath(info(SharedData.cp2k("aimd_nvt").resolve("aLPS-frc-1.xyz")), "aLPS-frc-1.xyz");
    assertTrue(md.get("has_forces").asBoolean(), md.toString());
    InfoCommandTest.Run mdText = InfoCommandTest.run("info", SharedData.cp2k("aimd_nvt").resolve("aLPS-frc-1.xyz").toString());
    assertTrue(mdText.out().contains("  note        forces only (eV/Å)"), mdText.out());
  }

  /**
   * A plain XYZ start structure has no cell of its own; the CP2K input beside it that names it in COORD_FILE_NAME gives it:
   * a-Li3PS4_start.xyz (whose comment says "cubic cell L=8.615439 A") from aimd.inp, and a structure of our own from an input
   * of ours with ABC and ALPHA_BETA_GAMMA. Without such an input the cell stays unknown, as before.
   */
  @Test
  void startStructureTakesTheCellOfTheInputNamingIt() throws IOException {
    JsonNode f = byPath(info(SharedData.cp2k("aimd_nvt").resolve("a-Li3PS4_start.xyz")), "a-Li3PS4_start.xyz");
    for (int i = 0; i < 3; i++) {
      assertEquals(8.615439, f.get("cell").get(i).get(i).asDouble(), 1e-9, f.toString());
    }
    assertTrue(f.get("warnings").isEmpty(), f.toString());
    Path d = SharedData.emptyScratch("start-structure");
    java.nio.file.Files.writeString(d.resolve("li2s.xyz"), "2\nLi2S start\nLi 0 0 0\nS 1.5 1.5 1.5\n");
    InfoCommandTest.Run none = InfoCommandTest.run("info", d.resolve("li2s.xyz").toString());
    assertTrue(none.out().contains("  cell        unknown"), none.out());
    java.nio.file.Files.writeString(d.resolve("other.inp"), "&FORCE_EVAL\n &SUBSYS\n  &CELL\n   ABC 9 9 9\n  &END CELL\n"
        + "  &TOPOLOGY\n   COORD_FILE_NAME another.xyz\n   COORD_FILE_FORMAT XYZ\n  &END TOPOLOGY\n &END SUBSYS\n&END FORCE_EVAL\n");
    java.nio.file.Files.writeString(d.resolve("md.inp"), "&GLOBAL\n PROJECT md\n RUN_TYPE MD\n&END GLOBAL\n&FORCE_EVAL\n &SUBSYS\n"
        + "  &CELL\n   ABC 6.0 7.0 8.0\n   ALPHA_BETA_GAMMA 90 90 120\n  &END CELL\n  &TOPOLOGY\n   COORD_FILE_NAME ./li2s.xyz\n"
        + "   COORD_FILE_FORMAT XYZ\n  &END TOPOLOGY\n &END SUBSYS\n&END FORCE_EVAL\n");
    InfoCommandTest.Run r = InfoCommandTest.run("info", d.resolve("li2s.xyz").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  cell        a=6.0000 b=7.0000 c=8.0000 Å  α=90.00 β=90.00 γ=120.00°"), r.out());
    assertTrue(r.out().contains("cell from &CELL of md.inp, whose COORD_FILE_NAME names this file"), r.out());
  }

  @Test
  void interfaceDirectory() throws IOException {
    JsonNode files = info(SharedData.cp2k("interface_energy"));
    JsonNode f = byPath(files, "aimd_interface-pos-1.xyz");
    assertEquals(44, f.get("atoms").asInt());
    assertEquals(401, f.get("frames").asInt());
    assertEquals(2.0, f.get("timestep_fs").asDouble(), 0);
    assertEquals(22.92738, f.get("cell").get(2).get(2).asDouble(), 1e-9);
  }

  @Test
  void everyCp2kFileOfTheRealCorpusReads() throws IOException {
    List<Path> roots = List.of(SharedData.real("cp2kdata"), SharedData.real("nomad-parser-cp2k"), SharedData.real("nomad-electronic-parsers/cp2k"),
        SharedData.real("dpdata/cp2k"), SharedData.real("mdanse/MDANSE/Data/Trajectories/CP2K"));
    int n = 0;
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(root)) {
        files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".stress")
            && !p.getFileName().toString().endsWith(".restart")).toList();
      }
      for (Path p : files) {
        if (p.getFileName().toString().equals("coord.xyz")) {
          continue; // an @INCLUDE fragment of an input, not a file of its own
        }
        JsonNode f = info(p).get(0);
        String format = f.get("format").asText();
        assertTrue(format.startsWith("cp2k-") || format.equals("extxyz"), p + " read as " + format);
        n++;
      }
    }
    assertTrue(n >= 60, "files read: " + n);
  }

  @Test
  void warningOfACutFrameNamesTheFileOnce() throws IOException {
    Path d = SharedData.scratch("info-cp2k-cut");
    Files.writeString(d.resolve("lk.inp"), "&GLOBAL\n  PROJECT lk\n&END GLOBAL\n&FORCE_EVAL\n  &SUBSYS\n    &CELL\n      ABC 9 9 9\n"
        + "    &END CELL\n  &END SUBSYS\n&END FORCE_EVAL\n");
    StringBuilder xyz = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      xyz.append("2\n i = ").append(i).append(", time = ").append(i * 0.5).append(", E = -1.0\n O 0 0 0\n");
      if (i < 2) {
        xyz.append(" H 1 0 0\n");
      }
    }
    Path pos = d.resolve("lk-pos-1.xyz");
    Files.writeString(pos, xyz.toString());
    InfoCommandTest.Run r = InfoCommandTest.run("info", pos.toString());
    assertEquals(0, r.exit(), r.err());
    String line = r.err().lines().filter(l -> l.contains(":12")).findFirst().orElseThrow(() -> new AssertionError(r.err()));
    // frames of 4 lines: the third (lines 9-11) stops after its first atom, atom 2 is missing at line 12: the file is named once
    assertTrue(line.startsWith("warning: " + pos + ":12"), line);
    assertEquals(line.indexOf(pos.toString()), line.lastIndexOf(pos.toString()), line);
  }
}
