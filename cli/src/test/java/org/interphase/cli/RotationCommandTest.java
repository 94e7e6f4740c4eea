package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** {@code interphase rotation}: exit codes, the JSON keys, the files under --out, and the one-line errors. */
class RotationCommandTest {
  private static String kinisi() {
    return SharedData.real("kinisi/example_XDATCAR.gz").toString();
  }

  /** kinisi's Li6PS5Cl (32 PS4, 140 frames of 100 fs): every P is a tetrahedral unit; libration of some degrees. */
  @Test
  void jsonKeysAndFilesOnKinisi() throws Exception {
    Path out = SharedData.scratch("rotation-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("rotation", kinisi(), "--center", "P", "--ligand", "S", "--timestep-fs", "100",
        "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err().strip(), "no warnings");
    JsonNode j = Json.MAPPER.readTree(r.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("center", "ligand", "frames", "timestep_fs", "units", "events", "angle_series", "libration_deg",
        "hop_coupling", "upper_deg", "settle_deg", "min_frames", "warnings")), keys.toString());
    assertEquals(140, j.get("frames").asInt());
    assertEquals(32, j.get("units").size());
    JsonNode unit = j.get("units").get(0);
    assertEquals(List.of("index", "center", "ligands"), names(unit));
    assertEquals(4, unit.get("ligands").size());
    assertEquals(32, j.get("angle_series").size());
    assertEquals(140, j.get("angle_series").get(0).size());
    assertEquals(0, j.get("angle_series").get(0).get(0).asDouble(), 1e-6);
    assertEquals(32, j.get("libration_deg").size());
    for (JsonNode l : j.get("libration_deg")) {
      assertTrue(l.asDouble() > 1 && l.asDouble() < 40, "libration " + l);
    }
    assertEquals(false, j.get("hop_coupling").get("computed").asBoolean());
    for (String f : List.of("rotation.json", "rotation.csv", "rotation_events.csv", "rotation.png", "rotation.svg")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<String> csv = Files.readAllLines(out.resolve("rotation.csv"));
    assertTrue(csv.get(0).startsWith("frame,time_ps,unit0_deg,unit1_deg,"), csv.get(0));
    assertEquals(141, csv.size());
    List<String> ev = Files.readAllLines(out.resolve("rotation_events.csv"));
    assertEquals("frame,time_ps,unit,center_atom,angle_deg", ev.get(0));
    assertEquals(j.get("events").size() + 1, ev.size());
  }

  private static List<String> names(JsonNode o) {
    List<String> n = new ArrayList<>();
    o.fieldNames().forEachRemaining(n::add);
    return n;
  }

  @Test
  void textSummaryNamesTheUnits() {
    InfoCommandTest.Run r = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("PS4 rotation: 32 units, 140 frames of 100 fs (13.900 ps)", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("  libration +[0-9.]+° RMS \\(mean over units\\)")), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("  reorientations +\\d+")), r.out());
  }

  /** --region splits the 32 PS4 of kinisi's cell by where their P sits in the first frame: the two halves hold every unit once. */
  @Test
  void regionSelectsTheUnitsByTheirCentre() throws Exception {
    java.util.Set<Integer> centres = new java.util.TreeSet<>();
    int units = 0;
    for (String region : List.of("z=0:10.155", "z=10.155:30")) {
      InfoCommandTest.Run r = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100", "--region", region, "--json");
      assertEquals(0, r.exit(), r.err());
      JsonNode j = Json.MAPPER.readTree(r.out());
      assertTrue(j.get("units").size() > 4 && j.get("units").size() < 28, region + ": " + j.get("units").size());
      units += j.get("units").size();
      j.get("units").forEach(u -> centres.add(u.get("center").asInt()));
    }
    assertEquals(32, units);
    assertEquals(32, centres.size());
  }

  /** With --hops Li: the hop analysis of the same pass, and coupling counted against the chance expectation. */
  @Test
  void hopCouplingOnKinisi() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100", "--hops", "Li", "--upper-deg", "25",
        "--min-frames", "2", "--hop-window-frames", "3", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode c = Json.MAPPER.readTree(r.out()).get("hop_coupling");
    assertTrue(c.get("computed").asBoolean());
    assertEquals("Li", c.get("species").asText());
    assertEquals(3.5, c.get("radius_a").asDouble());
    assertEquals(3, c.get("window_frames").asInt());
    assertTrue(c.get("hops").asInt() > 100, c.toString());
    assertTrue(c.get("events").asInt() > 0, c.toString());
    assertTrue(c.get("coupled_events").asInt() <= c.get("events").asInt(), c.toString());
    assertTrue(c.get("chance_coupled_events").asDouble() <= c.get("events").asInt(), c.toString());
  }

  @Test
  void missingElementIsOneClearLine() {
    InfoCommandTest.Run r = InfoCommandTest.run("rotation", kinisi(), "--center", "Ge", "--timestep-fs", "100");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("interphase: no Ge atoms in ") && r.err().strip().endsWith("(it has Li, Cl, S, P)"), r.err());
    InfoCommandTest.Run li = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100", "--hops", "Na");
    assertEquals(2, li.exit());
    assertEquals(1, li.err().strip().lines().count(), li.err());
    assertTrue(li.err().startsWith("interphase: no Na atoms in "), li.err());
    InfoCommandTest.Run pair = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100", "--center", "Li");
    assertEquals(2, pair.exit());
    assertEquals(1, pair.err().strip().lines().count(), pair.err());
    assertTrue(pair.err().contains("no bond cutoffs known for Li–S"), pair.err());
    InfoCommandTest.Run none = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100", "--center", "S", "--ligand", "P");
    assertEquals(0, none.exit(), none.err());
    assertTrue(none.err().contains("no S has exactly four P bonded in the first frame"), none.err());
    assertTrue(none.out().contains("no tetrahedral units"), none.out());
    InfoCommandTest.Run time = InfoCommandTest.run("rotation", kinisi());
    assertEquals(2, time.exit());
    assertTrue(time.err().contains("the time between frames is unknown; pass --timestep-fs"), time.err());
    InfoCommandTest.Run thresholds = InfoCommandTest.run("rotation", kinisi(), "--timestep-fs", "100", "--settle-deg", "70");
    assertEquals(2, thresholds.exit());
    assertEquals(1, thresholds.err().strip().lines().count(), thresholds.err());
    assertTrue(thresholds.err().contains("rotation thresholds need 0 < settle < upper < 180"), thresholds.err());
  }
}
