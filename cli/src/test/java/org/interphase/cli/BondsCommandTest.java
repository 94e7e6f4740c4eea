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
    assertTrue(keys.containsAll(List.of("frames", "centers", "events", "motifs_first", "motifs_last", "motif_first_seen", "motif_counts")),
        keys.toString());
    assertEquals(140, j.get("frames").asInt());
    assertEquals(32, j.get("centers").asInt());
    assertEquals(0, j.get("events").size());
    // anchors.md §3b: 32 intact PS4 in every frame; Li192 P32 S160 Cl32 leaves 160 − 128 = 32 free S²⁻
    assertEquals(32, j.get("motifs_first").get("PS4").intValue());
    assertTrue(j.get("motifs_last").get("PS4").isInt());
    assertEquals(32, j.get("motifs_last").get("PS4").intValue());
    assertEquals(32, j.get("motifs_last").get("S (isolated)").intValue());
    assertEquals(0, j.get("motif_first_seen").get("PS4").get("frame").intValue());
    assertEquals(140, j.get("motif_counts").size());
    assertEquals(13.9, j.get("motif_counts").get(139).get("time_ps").asDouble(), 1e-9);
    for (String f : List.of("events.csv", "motifs.csv", "coordination.csv", "bonds.json", "motifs.png", "motifs.svg")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<String> motifs = Files.readAllLines(out.resolve("motifs.csv"));
    assertEquals("frame,time_ps,PS4,free S", motifs.get(0));
    assertEquals("139,13.9,32,32", motifs.get(140), "counts are integers");
    assertEquals("139,13.9,4.0,0,0,0,0,32,0,0", Files.readAllLines(out.resolve("coordination.csv")).get(140));
  }

  private static Path glass() {
    return SharedData.projectRoot().resolve("analysis/src/test/resources/bonds/glass_p2s7_split.extxyz.gz");
  }

  /**
   * The glass-style trajectory of BondAnalysisGlassTest; expected values from its NumPy script
   * (analysis/src/test/resources/bonds/glass_p2s7_split.py, dual cutoff): 2 P–S events (the P2S7
   * bridge breaks at frame 151 and forms again), 23 S–S events; at frame 0 PS4 1, P2S7 2, S8 ring 1,
   * S2 bridge 1, free S 1; at the last frame the ring is an S8 chain; the first PS3 at frame 151
   * (0.302 ps at 2 fs per frame).
   */
  @Test
  void eventsOfTheRequestedPairAndMotifKeysAsDocumented() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("bonds", glass().toString(), "--center", "P", "--ligand", "S", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(2, j.get("events").size());
    for (JsonNode e : j.get("events")) {
      assertEquals("P-S", e.get("pair").asText());
      assertEquals(3, e.get("position_a").size());
    }
    assertEquals("break", j.get("events").get(0).get("kind").asText());
    assertEquals(151, j.get("events").get(0).get("frame").intValue());
    JsonNode first = j.get("motifs_first");
    assertEquals(Set.of("PS4", "P2S7", "S8 ring", "S2 bridge", "S (isolated)"), names(first));
    assertEquals(1, first.get("PS4").intValue());
    assertEquals(2, first.get("P2S7").intValue());
    assertEquals(1, first.get("S2 bridge").intValue());
    JsonNode last = j.get("motifs_last");
    assertEquals(Set.of("PS4", "P2S7", "S8 chain", "S2 bridge", "S (isolated)"), names(last));
    assertEquals(151, j.get("motif_first_seen").get("PS3").get("frame").intValue());
    assertEquals(0.302, j.get("motif_first_seen").get("PS3").get("time_ps").doubleValue(), 1e-12);
    assertEquals(List.of("PS4", "PS3", "P2S7"), strings(j.get("motif_classes").get("thiophosphate")));
    assertEquals(List.of("S8 ring", "S8 chain", "S2 bridge", "S (isolated)"), strings(j.get("motif_classes").get("sulfur")));
    JsonNode f151 = j.get("motif_counts").get(151);
    assertEquals(151, f151.get("frame").intValue());
    assertTrue(f151.get("PS3").isInt());
    assertEquals(1, f151.get("PS3").intValue());

    InfoCommandTest.Run all = InfoCommandTest.run("bonds", glass().toString(), "--pairs", "all", "--json");
    assertEquals(0, all.exit(), all.err());
    JsonNode ev = Json.MAPPER.readTree(all.out()).get("events");
    long ss = 0;
    for (JsonNode e : ev) {
      ss += e.get("pair").asText().equals("S-S") ? 1 : 0;
    }
    assertEquals(25, ev.size());
    assertEquals(23, ss);
    InfoCommandTest.Run some = InfoCommandTest.run("bonds", glass().toString(), "--pairs", "S-S", "--json");
    assertEquals(25, Json.MAPPER.readTree(some.out()).get("events").size(), "the requested pair plus S-S");
  }

  @Test
  void unknownPairIsAUsageError() {
    InfoCommandTest.Run r = InfoCommandTest.run("bonds", glass().toString(), "--pairs", "Li-S");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Li-S is not followed") && r.err().strip().lines().count() == 1, r.err());
  }

  private static Set<String> names(JsonNode o) {
    Set<String> s = new TreeSet<>();
    o.fieldNames().forEachRemaining(s::add);
    return s;
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new java.util.ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }

  @Test
  void singleCutoffShowsTheFlicker() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("bonds", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--timestep-fs", "100",
        "--single-cutoff", "2.3", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode ev = Json.MAPPER.readTree(r.out()).get("events");
    long ps = 0;
    for (JsonNode e : ev) {
      ps += e.get("pair").asText().equals("P-S") ? 1 : 0;
      assertTrue(e.get("distance_a").isNumber());
    }
    // anchors.md §3b: 14 on/off transitions of P–S pairs at 2.3 Å
    assertEquals(14, ps);
  }
}
