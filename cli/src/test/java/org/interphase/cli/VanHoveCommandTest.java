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

/** {@code interphase vanhove}: exit codes, the JSON keys, the files under --out, and the one-line errors. */
class VanHoveCommandTest {
  private static String kinisi() {
    return SharedData.real("kinisi/example_XDATCAR.gz").toString();
  }

  /** kinisi's Li6PS5Cl, 140 frames 100 fs apart: three lags, the default range (10 Å, below half the 20.31 Å cell). */
  @Test
  void jsonKeysAndFilesOnKinisi() throws Exception {
    Path out = SharedData.scratch("vanhove-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--timestep-fs", "100", "--lags-ps", "1,3,6",
        "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err().strip(), "no warnings");
    JsonNode j = Json.MAPPER.readTree(r.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("species", "atoms", "frames", "timestep_fs", "lags_requested_ps", "lags_ps", "lag_frames",
        "origins", "r_max_a", "bin_a", "r_a", "g_self", "g_distinct", "mean_displacement_a", "displaced_fraction",
        "displaced_threshold_a", "self_beyond_r_max_fraction", "drift_reference", "method", "warnings")), keys.toString());
    assertEquals("Li", j.get("species").asText());
    assertEquals(192, j.get("atoms").asInt());
    assertEquals(140, j.get("frames").asInt());
    assertEquals("[1.0,3.0,6.0]", j.get("lags_ps").toString());
    assertEquals("[10,30,60]", j.get("lag_frames").toString());
    assertEquals("[130,110,80]", j.get("origins").toString());
    assertEquals(10.0, j.get("r_max_a").asDouble(), 0.0);
    assertEquals(0.1, j.get("bin_a").asDouble(), 1e-15);
    assertEquals(100, j.get("r_a").size());
    assertEquals(3, j.get("g_self").size());
    assertEquals(100, j.get("g_self").get(2).size());
    assertEquals(3, j.get("g_distinct").size());
    assertEquals(100, j.get("g_distinct").get(0).size());
    double integral = 0;
    for (JsonNode v : j.get("g_self").get(1)) {
      integral += v.asDouble() * 0.1;
    }
    assertEquals(1.0, integral, 1e-12, "every 3 ps displacement of this run is below 10 Å");
    for (String f : List.of("vanhove.json", "vanhove.csv", "vanhove_lags.csv", "vanhove_self.png", "vanhove_self.svg",
        "vanhove_distinct.png", "vanhove_distinct.svg")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<String> csv = Files.readAllLines(out.resolve("vanhove.csv"));
    assertEquals("lag_ps,r_a,g_self_per_a,g_distinct", csv.get(0));
    assertEquals(1 + 3 * 100, csv.size());
    assertTrue(csv.get(1).startsWith("1.0,0.05,"), csv.get(1));
    assertTrue(csv.get(300).startsWith("6.0,9.95"), csv.get(300));
    List<String> lags = Files.readAllLines(out.resolve("vanhove_lags.csv"));
    assertEquals("lag_ps,lag_frames,origins,mean_displacement_a,displaced_fraction,self_beyond_r_max_fraction", lags.get(0));
    assertEquals(4, lags.size());
  }

  @Test
  void textSummaryNamesTheUnits() {
    InfoCommandTest.Run r = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--timestep-fs", "100", "--lags-ps", "0.52,2",
        "--r-max", "8", "--bin-a", "0.2");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("Li van Hove correlation: 192 Li, 140 frames 100 fs apart; r < 8 Å in 40 bins of 0.2 Å", lines.get(0));
    assertTrue(lines.get(2).matches("  t = 0\\.5 ps +5 frames, 135 origins: mean \\|Δr\\| [0-9.]+ Å, most probable [0-9.]+ Å, "
        + "[0-9.]+ % moved beyond 2 Å"), lines.get(2));
  }

  /** Beyond half the cell (10.16 Å), when asked for, the distinct part counts every image, and a warning says what that part is. */
  @Test
  void rangeBeyondHalfTheCellWarns() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--timestep-fs", "100", "--lags-ps", "1",
        "--r-max", "12", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(120, j.get("r_a").size());
    assertEquals(1, j.get("warnings").size());
    assertTrue(r.err().startsWith("warning: the distinct part of the van Hove correlation runs to 12 Å, beyond half the cell (10.16 Å"),
        r.err());
    assertTrue(r.err().strip().endsWith("(without --r-max the distinct part stops at half the cell)"), r.err());
    assertEquals(12.0, j.get("distinct_r_max_a").asDouble(), 0.0);
  }

  /** --region and --axes: recorded in the JSON, the self part of the Li in a slab along z; an empty slab is one clear line. */
  @Test
  void regionAndAxes() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--lags-ps", "1", "--timestep-fs", "100",
        "--region", "z=5:12", "--axes", "z", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals("z=5.000:12.000", j.get("region").asText());
    assertEquals("z", j.get("self_axes").asText());
    double integral = 0;
    for (JsonNode g : j.get("g_self").get(0)) {
      integral += g.asDouble() * j.get("bin_a").asDouble();
    }
    assertEquals(1.0 - j.get("self_beyond_r_max_fraction").get(0).asDouble(), integral, 1e-9);
    InfoCommandTest.Run empty = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--lags-ps", "1", "--timestep-fs", "100",
        "--region", "z=50:60");
    assertEquals(1, empty.err().strip().lines().count(), empty.err());
    assertTrue(empty.err().contains("no Li atom lies in z=50.000:60.000 Å"), empty.err());
  }

  @Test
  void badLagsAreOneUsageLine() {
    String[][] cases = {{"-1", "a van Hove lag must be a time ≥ 0 ps, got -1 ps"}, {"1,x", "\"x\" is not a number"},
        {"1,20", "the van Hove lag 20 ps is beyond the run: its 140 frames 100 fs apart span 13.9 ps"}};
    for (String[] c : cases) {
      InfoCommandTest.Run r = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--timestep-fs", "100", "--lags-ps=" + c[0]);
      assertEquals(2, r.exit(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("interphase: ") && r.err().contains(c[1]), r.err());
    }
    InfoCommandTest.Run noLags = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li");
    assertEquals(2, noLags.exit());
    assertTrue(noLags.err().contains("--lags-ps"), noLags.err());
    InfoCommandTest.Run noTime = InfoCommandTest.run("vanhove", kinisi(), "--species", "Li", "--lags-ps", "1");
    assertEquals(2, noTime.exit());
    assertEquals(1, noTime.err().strip().lines().count(), noTime.err());
    assertTrue(noTime.err().contains("the time between frames is unknown; pass --timestep-fs"), noTime.err());
  }

  @Test
  void speciesNotInTheRunIsOneClearLine() {
    InfoCommandTest.Run r = InfoCommandTest.run("vanhove", kinisi(), "--species", "Na", "--timestep-fs", "100", "--lags-ps", "1");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("interphase: no Na atoms in ") && r.err().strip().endsWith("(it has Li, Cl, S, P)"), r.err());
  }
}
