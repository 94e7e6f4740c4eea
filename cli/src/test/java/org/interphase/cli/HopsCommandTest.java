package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** {@code interphase hops}: exit codes, the JSON keys, the files under --out, reference sites, and the one-line errors. */
class HopsCommandTest {
  private static String kinisi() {
    return SharedData.real("kinisi/example_XDATCAR.gz").toString();
  }

  /** kinisi's Li6PS5Cl (192 Li, 140 frames of 100 fs): sites from the density, hops consistent with the MSD. */
  @Test
  void jsonKeysAndFilesOnKinisi() throws Exception {
    Path out = SharedData.scratch("hops-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("hops", kinisi(), "--species", "Li", "--timestep-fs", "100", "--json", "--out",
        out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err().strip(), "no warnings");
    JsonNode j = Json.MAPPER.readTree(r.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("species", "atoms", "frames", "timestep_fs", "sites", "hops", "rates_per_ps", "transition_matrix",
        "residence_ps", "d_jump_cm2_s", "d_tracer_cm2_s", "correlation_factor", "enter_a", "leave_a", "min_frames", "warnings")),
        keys.toString());
    assertEquals(192, j.get("atoms").asInt());
    assertEquals(140, j.get("frames").asInt());
    int sites = j.get("sites").size();
    double dJump = j.get("d_jump_cm2_s").asDouble();
    double dTracer = j.get("d_tracer_cm2_s").asDouble();
    System.out.printf(Locale.ROOT, "hops on kinisi: %d sites for 192 Li, %d hops, D_jump %.3e, D_tracer %.3e cm²/s, f = %.2f%n", sites,
        j.get("hops").size(), dJump, dTracer, j.get("correlation_factor").asDouble());
    assertTrue(sites >= 192 && sites <= 4 * 192, "sites: " + sites);
    assertTrue(dJump / dTracer > 1.0 / 3 && dJump / dTracer < 3, "D_jump " + dJump + ", D_tracer " + dTracer);
    JsonNode site = j.get("sites").get(0);
    assertEquals(List.of("index", "position_a", "type", "occupancy"), names(site));
    assertEquals(3, site.get("position_a").size());
    // the Li sites of the argyrodite are coordinated by S and Cl only; the 48h site is S3Cl (three S, one Cl at 4a/4d), the most
    // frequent type in this file with its S/Cl site disorder
    java.util.Map<String, Integer> types = new java.util.TreeMap<>();
    j.get("sites").forEach(s -> types.merge(s.get("type").asText(), 1, Integer::sum));
    assertTrue(types.keySet().stream().allMatch(t -> t.matches("((S|Cl)[0-9]*)+")), types.toString());
    assertEquals("S3Cl", types.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey(), types.toString());
    assertEquals(List.of("frame", "time_ps", "atom", "from", "to", "distance_a"), names(j.get("hops").get(0)));
    assertTrue(j.get("rates_per_ps").get("S3Cl").asDouble() > 0);
    int transitions = 0;
    for (JsonNode row : j.get("transition_matrix").get("counts")) {
      for (JsonNode c : row) {
        transitions += c.asInt();
      }
    }
    assertEquals(j.get("hops").size(), transitions);
    for (String f : List.of("hops.json", "hops.csv", "sites.csv", "hops.png", "hops.svg")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<String> csv = Files.readAllLines(out.resolve("hops.csv"));
    assertEquals("frame,time_ps,atom,from_site,to_site,from_type,to_type,distance_a", csv.get(0));
    assertEquals(j.get("hops").size() + 1, csv.size());
    assertEquals("site,x_a,y_a,z_a,type,occupancy", Files.readAllLines(out.resolve("sites.csv")).get(0));
    writePoscar(j, out.resolve("POSCAR"));
    InfoCommandTest.Run ref = InfoCommandTest.run("hops", kinisi(), "--species", "Li", "--timestep-fs", "100", "--json", "--sites",
        out.resolve("POSCAR").toString());
    assertEquals(0, ref.exit(), ref.err());
    JsonNode k = Json.MAPPER.readTree(ref.out());
    assertEquals(sites, k.get("sites").size(), "the same sites read back from a POSCAR");
    assertEquals("Li", k.get("sites").get(0).get("type").asText(), "reference sites are typed by element");
    assertEquals(j.get("hops").size(), k.get("hops").size(), 2.0, "the same hops up to rounding of the positions");
  }

  private static List<String> names(JsonNode o) {
    List<String> n = new ArrayList<>();
    o.fieldNames().forEachRemaining(n::add);
    return n;
  }

  /** The sites of a result as a VASP 5 POSCAR of Li atoms in kinisi's cell (cubic 20.312 Å with tiny off-diagonals). */
  private static void writePoscar(JsonNode j, Path file) throws Exception {
    JsonNode info = Json.MAPPER.readTree(InfoCommandTest.run("info", kinisi(), "--json").out()).get("files").get(0).get("cell");
    StringBuilder s = new StringBuilder("sites\n1.0\n");
    for (JsonNode row : info) {
      s.append(String.format(Locale.ROOT, "%.10f %.10f %.10f%n", row.get(0).asDouble(), row.get(1).asDouble(), row.get(2).asDouble()));
    }
    s.append("Li\n").append(j.get("sites").size()).append("\nCartesian\n");
    for (JsonNode site : j.get("sites")) {
      JsonNode p = site.get("position_a");
      s.append(String.format(Locale.ROOT, "%.10f %.10f %.10f%n", p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble()));
    }
    Files.writeString(file, s.toString());
  }

  /** Two layers of kinisi's cell: every hop leaves a site of one layer or of neither; the crossings add up to the hops. */
  @Test
  void hopStatisticsPerLayer() throws Exception {
    InfoCommandTest.Run r = InfoCommandTest.run("hops", kinisi(), "--species", "Li", "--timestep-fs", "100", "--json", "--region",
        "z=0:10", "--region", "z=10:100");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(2, j.get("layers").size());
    int out = 0;
    int sites = 0;
    for (JsonNode l : j.get("layers")) {
      out += l.get("hops_out").asInt();
      sites += l.get("sites").asInt();
      assertTrue(l.get("d_jump_cm2_s").asDouble() > 0, l.toString());
    }
    assertEquals(j.get("sites").size(), sites, "the two layers cover the cell");
    assertEquals(j.get("hops").size(), out);
    int crossings = 0;
    for (JsonNode row : j.get("layer_crossings").get("counts")) {
      for (JsonNode c : row) {
        crossings += c.asInt();
      }
    }
    assertEquals(j.get("hops").size(), crossings);
    assertEquals(List.of("z=0.000:10.000", "z=10.000:100.000", "outside"), names2(j.get("layer_crossings").get("layers")));
  }

  private static List<String> names2(JsonNode array) {
    List<String> o = new ArrayList<>();
    array.forEach(n -> o.add(n.asText()));
    return o;
  }

  @Test
  void textSummaryNamesTheUnits() {
    InfoCommandTest.Run r = InfoCommandTest.run("hops", kinisi(), "--species", "Li", "--timestep-fs", "100", "--no-tracer");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("Li hops: 192 Li, 140 frames of 100 fs \\(13\\.900 ps\\); \\d+ sites from the density"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("  D_jump +[0-9.]+e-0\\d cm²/s \\(Σ l² / 6 N t\\)")), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("  S3Cl +rate out [0-9.]+ /ps, mean residence [0-9.]+ ps \\(\\d+ completed stays\\)")),
        r.out());
  }

  @Test
  void missingSpeciesIsOneClearLine() {
    InfoCommandTest.Run r = InfoCommandTest.run("hops", kinisi(), "--species", "Na", "--timestep-fs", "100");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("interphase: no Na atoms in ") && r.err().strip().endsWith("(it has Li, Cl, S, P)"), r.err());
    InfoCommandTest.Run none = InfoCommandTest.run("hops", kinisi(), "--timestep-fs", "100");
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("--species"), none.err());
    InfoCommandTest.Run time = InfoCommandTest.run("hops", kinisi(), "--species", "Li");
    assertEquals(2, time.exit());
    assertTrue(time.err().contains("the time between frames is unknown; pass --timestep-fs"), time.err());
    InfoCommandTest.Run radii = InfoCommandTest.run("hops", kinisi(), "--species", "Li", "--timestep-fs", "100", "--r-in", "1.5");
    assertEquals(2, radii.exit());
    assertEquals(1, radii.err().strip().lines().count(), radii.err());
    assertTrue(radii.err().contains("site radii need 0 < enter ≤ leave"), radii.err());
  }

  /**
   * A layer that holds no site (z = 200–300 Å lies outside kinisi's cell) has no rate and no D_jump: the text prints n/a
   * there, never NaN, and the JSON keeps null; the layer with sites prints its numbers as the JSON holds them.
   */
  @Test
  void aLayerWithoutSitesPrintsNotAvailable() throws Exception {
    String[] args = {"hops", kinisi(), "--species", "Li", "--timestep-fs", "100", "--region", "z=0:10", "--region", "z=200:300"};
    InfoCommandTest.Run text = InfoCommandTest.run(args);
    assertEquals(0, text.exit(), text.err());
    assertFalse(text.out().contains("NaN"), text.out());
    List<String> layers = text.out().lines().filter(l -> l.startsWith("  layer ")).toList();
    assertEquals(2, layers.size(), text.out());
    assertEquals("  layer z 200–300 Å 0 sites, 0.00 Li, 0 hops out (0 within), rate n/a /ps, D_jump n/a cm²/s", layers.get(1));
    List<String> withJson = new ArrayList<>(List.of(args));
    withJson.add("--json");
    InfoCommandTest.Run json = InfoCommandTest.run(withJson.toArray(String[]::new));
    assertEquals(0, json.exit(), json.err());
    JsonNode j = Json.MAPPER.readTree(json.out()).get("layers");
    assertTrue(j.get(1).get("rate_per_atom_per_ps").isNull(), j.toString());
    assertTrue(j.get(1).get("d_jump_cm2_s").isNull(), j.toString());
    double rate = j.get(0).get("rate_per_atom_per_ps").asDouble();
    assertTrue(rate > 0, j.toString());
    assertTrue(layers.get(0).contains(String.format(Locale.ROOT, "rate %.4g /ps, D_jump %.3e cm²/s", rate,
        j.get(0).get("d_jump_cm2_s").asDouble())), layers.get(0));
  }
}
