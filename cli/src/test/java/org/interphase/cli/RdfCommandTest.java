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

/** {@code interphase rdf}: exit codes, the JSON keys, the files under --out, and the one-line errors. */
class RdfCommandTest {
  private static String kinisi() {
    return SharedData.real("kinisi/example_XDATCAR.gz").toString();
  }

  /** kinisi's Li6PS5Cl: every P is a PS4 in every frame (anchors.md §3b), so four S per P in the first shell. */
  @Test
  void jsonKeysAndFilesOnKinisi() throws Exception {
    Path out = SharedData.scratch("rdf-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("rdf", kinisi(), "--pair", "P-S", "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err().strip(), "no warnings below half the cell");
    JsonNode j = Json.MAPPER.readTree(r.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("pair", "r_a", "g_r", "coordination", "frames", "first_peak_a", "first_peak_g", "first_minimum_a",
        "coordination_first_shell", "bin_a", "r_max_a", "warnings")), keys.toString());
    assertEquals("P-S", j.get("pair").asText());
    assertEquals(140, j.get("frames").asInt());
    assertEquals(160, j.get("r_a").size());
    assertEquals(160, j.get("g_r").size());
    assertEquals(160, j.get("coordination").size());
    assertEquals(0.05, j.get("bin_a").asDouble(), 1e-15);
    assertEquals(8.0, j.get("r_max_a").asDouble(), 0.0);
    assertEquals(2.075, j.get("first_peak_a").asDouble(), 1e-9);
    assertEquals(4.0, j.get("coordination_first_shell").asDouble(), 1e-12);
    for (String f : List.of("rdf.json", "rdf.csv", "rdf.png", "rdf.svg", "rdf_coordination.png", "rdf_coordination.svg")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<String> csv = Files.readAllLines(out.resolve("rdf.csv"));
    assertEquals("r_a,g_r,coordination", csv.get(0));
    assertEquals(161, csv.size());
    assertTrue(csv.get(1).startsWith("0.025,0.0,0.0"), csv.get(1));
  }

  @Test
  void textSummaryNamesTheUnits() {
    InfoCommandTest.Run r = InfoCommandTest.run("rdf", kinisi(), "--pair", "Li-S", "--r-max", "6", "--bin-a", "0.1");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("Li–S g(r): 192 Li around 160 S, 140 frames; r < 6 Å in 60 bins of 0.1 Å", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("  first peak +2\\.450 Å, g = [0-9.]+")), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("  first shell +3\\.[0-9]+ S per Li within [0-9.]+ Å")), r.out());
  }

  /** Beyond half the cell (10.16 Å) every image is counted and a warning says what that part of g(r) is. */
  @Test
  void rangeBeyondHalfTheCellWarns() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("rdf", kinisi(), "--pair", "Li-Li", "--r-max", "12", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(240, j.get("g_r").size());
    assertEquals(1, j.get("warnings").size());
    assertTrue(r.err().startsWith("warning: Li–Li g(r) runs to 12 Å, beyond half the cell (10.16 Å"), r.err());
    assertTrue(r.err().strip().endsWith("(a --r-max up to half the cell avoids it)"), r.err());
  }

  /**
   * Without --r-max the range is the report's: half the smallest perpendicular width of the first cell (8.62 Å cube of the CP2K
   * a-Li3PS4 NVT run, half 4.31 Å) in whole bins of 0.05 Å, 4.3 Å; so a default run never warns of its own range.
   */
  @Test
  void defaultRangeIsHalfTheCellAsInTheReport() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("rdf", SharedData.cp2k("aimd_nvt").toString(), "--pair", "P-S", "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(!r.err().contains("beyond half the cell"), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(4.3, j.get("r_max_a").asDouble(), 1e-12);
    assertEquals(86, j.get("g_r").size());
    assertEquals(0.05, j.get("bin_a").asDouble(), 1e-12);
    assertEquals(0, j.get("warnings").size(), j.get("warnings").toString());
    InfoCommandTest.Run asked = InfoCommandTest.run("rdf", SharedData.cp2k("aimd_nvt").toString(), "--pair", "P-S", "--r-max", "8");
    assertEquals(0, asked.exit(), asked.err());
    assertTrue(asked.err().startsWith("warning: P–S g(r) runs to 8 Å, beyond half the cell (4.31 Å"), asked.err());
  }

  @Test
  void badPairIsOneUsageLineNamingTheForm() {
    for (String bad : new String[] {"LiS", "Li-S-P", "Li-"}) {
      InfoCommandTest.Run r = InfoCommandTest.run("rdf", kinisi(), "--pair", bad);
      assertEquals(2, r.exit(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("interphase: a pair is two elements joined by a hyphen, e.g. Li-S, P-S or Li-Li; got \"" + bad + "\""),
          r.err());
    }
    InfoCommandTest.Run noPair = InfoCommandTest.run("rdf", kinisi());
    assertEquals(2, noPair.exit());
    assertTrue(noPair.err().contains("--pair"), noPair.err());
    InfoCommandTest.Run badRange = InfoCommandTest.run("rdf", kinisi(), "--pair", "Li-S", "--bin-a", "0");
    assertEquals(2, badRange.exit());
    assertEquals(1, badRange.err().strip().lines().count(), badRange.err());
    assertTrue(badRange.err().contains("bin width of g(r) must be > 0"), badRange.err());
  }

  @Test
  void elementNotInTheRunIsOneClearLine() {
    InfoCommandTest.Run r = InfoCommandTest.run("rdf", kinisi(), "--pair", "Li-Na");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("interphase: no Na atoms in ") && r.err().strip().endsWith("(it has Li, Cl, S, P)"), r.err());
  }
}
