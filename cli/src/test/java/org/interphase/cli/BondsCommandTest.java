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

class BondsCommandTest {
  @Test
  void jsonKeysAndOutputsOnKinisi() throws Exception {
    Path out = SharedData.scratch("bonds-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("bonds", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--timestep-fs", "100",
        "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("frames", "centers", "events", "motifs_first", "motifs_last", "motif_counts")), keys.toString());
    assertEquals(140, j.get("frames").asInt());
    assertEquals(32, j.get("centers").asInt());
    assertEquals(0, j.get("events").size());
    assertEquals(32, j.get("motifs_last").get("PS4").asInt());
    assertEquals(140, j.get("motif_counts").size());
    assertEquals(13.9, j.get("motif_counts").get(139).get("time_ps").asDouble(), 1e-9);
    for (String f : List.of("events.csv", "motifs.csv", "coordination.csv", "bonds.json", "motifs.png", "motifs.svg")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
  }

  @Test
  void singleCutoffShowsTheFlicker() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("bonds", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--timestep-fs", "100",
        "--single-cutoff", "2.3", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode ev = Json.MAPPER.readTree(r.out()).get("events");
    long ps = 0;
    for (JsonNode e : ev) {
      ps += e.get("bond").asText().equals("P-S") ? 1 : 0;
      assertTrue(e.get("distance_a").isNumber());
    }
    // anchors.md §3b: 14 on/off transitions of P–S pairs at 2.3 Å
    assertEquals(14, ps);
  }
}
