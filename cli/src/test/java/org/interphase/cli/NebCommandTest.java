package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class NebCommandTest {
  @Test
  void severalPathsJsonAndVtstFiles() throws Exception {
    Path out = SharedData.emptyScratch("neb-two");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB").toString(),
        SharedData.real("modalNEB/NEB/LLTO").toString(), "--name", "graphene,LLTO", "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode paths = Json.MAPPER.readTree(r.out()).get("paths");
    assertEquals(2, paths.size());
    Set<String> keys = new TreeSet<>();
    paths.get(0).fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("name", "images", "reaction_coordinate_a", "energy_ev", "tangent_force_ev_a", "barrier_forward_ev",
        "barrier_backward_ev", "reaction_energy_ev", "saddle_coordinate_a", "migrating_atom")), keys.toString());
    assertEquals(9, paths.get(0).get("images").asInt());
    // neb.dat of VTST: image 2 at 0.732798 Å, 0.068417 eV
    assertEquals(0.732798, paths.get(0).get("reaction_coordinate_a").get(2).asDouble(), 1e-4);
    assertEquals(0.068417, paths.get(0).get("energy_ev").get(2).asDouble(), 1e-5);
    assertTrue(paths.get(1).get("tangent_force_ev_a").get(1).isNull(), "energy-only path has no forces");
    for (String f : List.of("neb.json", "neb.png", "neb.svg", "graphene/neb.dat", "graphene/spline.dat", "graphene/exts.dat", "LLTO/spline.dat",
        "LLTO/exts.dat")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    assertFalse(Files.exists(out.resolve("LLTO/neb.dat")), "LLTO has no forces: no neb.dat");
    List<String> dat = Files.readAllLines(out.resolve("graphene/neb.dat"));
    assertEquals(9, dat.size());
    assertTrue(r.err().contains("energies only"), r.err());
  }

  /**
   * A band without forces (LLTO: OSZICARs, no OUTCARs): VTST's nebspline.pl reads neb.dat's fourth
   * column as the force whose negative is its slope, and the file has no way to mark one as missing,
   * so there is no neb.dat and a warning says why. spline.dat still holds the energy-only spline: it
   * passes through every image's (R, E) of neb.json.
   */
  @Test
  void aBandWithoutForcesHasNoNebDatAndAWarningSayingWhy() throws Exception {
    Path out = SharedData.emptyScratch("neb-llto");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", SharedData.real("modalNEB/NEB/LLTO").toString(), "--name", "LLTO", "--out",
        out.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(Files.exists(out.resolve("LLTO/neb.dat")), "no neb.dat without forces");
    assertTrue(r.err().contains("warning: LLTO: no neb.dat written for this path: the band has no tangential forces"), r.err());
    List<String> rows = r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).toList();
    assertEquals(5, rows.size(), r.out());
    assertFalse(r.out().contains("NaN"), "a missing force prints as n/a, never NaN: " + r.out());
    assertTrue(r.out().contains("(F n/a: tangential forces were not read for every image; the spline is energy-only)"), r.out());
    JsonNode p = Json.MAPPER.readTree(Files.readString(out.resolve("neb.json"))).get("paths").get(0);
    assertFalse(p.get("force_aware_spline").asBoolean());
    for (int i = 0; i < rows.size(); i++) {
      String[] t = rows.get(i).strip().split("\\s+");
      assertEquals(List.of(Integer.toString(i), "n/a"), List.of(t[0], t[3]), rows.get(i));
      assertEquals(p.get("reaction_coordinate_a").get(i).asDouble(), Double.parseDouble(t[1]), 5e-6, "R of image " + i);
      assertEquals(p.get("energy_ev").get(i).asDouble(), Double.parseDouble(t[2]), 5e-6, "E of image " + i);
      assertTrue(p.get("tangent_force_ev_a").get(i).isNull(), "neb.json keeps null for the missing force of image " + i);
    }
    String csv = Files.readString(out.resolve("neb.csv"));
    assertFalse(csv.contains("NaN"), csv);
    assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains(",false,"), "neb.csv: force_aware_spline false: " + csv);
    List<double[]> spline = new ArrayList<>();
    for (String l : Files.readAllLines(out.resolve("LLTO/spline.dat"))) {
      String[] t = l.strip().split("\\s+");
      spline.add(new double[] {Double.parseDouble(t[0]), Double.parseDouble(t[1])});
    }
    for (int i = 0; i < p.get("images").asInt(); i++) {
      double x = p.get("reaction_coordinate_a").get(i).asDouble();
      double[] near = spline.stream().min(java.util.Comparator.comparingDouble(q -> Math.abs(q[0] - x))).orElseThrow();
      assertEquals(x, near[0], 1e-6, "spline.dat has a point at image " + i);
      assertEquals(p.get("energy_ev").get(i).asDouble(), near[1], 1e-6, "spline.dat passes through image " + i);
    }
  }

  @Test
  void cp2kBandWithForcesFromSinglePoints() throws Exception {
    Path d = SharedData.cp2k("neb_li_hop");
    List<String> args = new ArrayList<>(List.of("neb", d.toString(), "--json", "--forces-from"));
    StringBuilder logs = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      logs.append(i > 1 ? "," : "").append(d.resolve("sp_replica_" + i + ".out"));
    }
    args.add(logs.toString());
    InfoCommandTest.Run r = InfoCommandTest.run(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.err());
    JsonNode p = Json.MAPPER.readTree(r.out()).get("paths").get(0);
    // reference.json: ASE NEBTools force fit 0.2056083432572826 / 0.22114015861292624 eV; CI-NEB, highest image 4 (1-based)
    assertEquals(0.2056083432572826, p.get("barrier_forward_ev").asDouble(), 1e-3);
    assertEquals(0.22114015861292624, p.get("barrier_backward_ev").asDouble(), 1e-3);
    assertEquals(3, p.get("climbing_image").asInt());
  }

  private static JsonNode onlyPath(InfoCommandTest.Run r) throws Exception {
    assertEquals(0, r.exit(), r.err());
    JsonNode paths = Json.MAPPER.readTree(r.out()).get("paths");
    assertEquals(1, paths.size());
    return paths.get(0);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void singlePointsBesideTheBandAreUsedAndNamed() throws Exception {
    Path d = SharedData.cp2k("neb_li_hop");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", d.toString(), "--json");
    JsonNode p = onlyPath(r);
    // reference.json: ASE NEBTools force fit through the single points 0.2056083432572826 / 0.22114015861292624 eV; our VTST
    // tangent (central difference) and ASE's differ by 1e-4 eV here. Without the single points the spline would be energy-only.
    assertEquals(0.2056083432572826, p.get("barrier_forward_ev").asDouble(), 2e-4);
    assertEquals(0.22114015861292624, p.get("barrier_backward_ev").asDouble(), 2e-4);
    assertTrue(p.get("force_aware_spline").asBoolean());
    double[] ref = {0.0, 0.013764537315410053, 0.09539339388356893, 0.19720720801842617, 0.14583950381688737, 0.09488101237207047,
        -0.01553181535564363};
    for (int i = 0; i < ref.length; i++) {
      assertEquals(ref[i], p.get("energy_ev").get(i).asDouble(), 1e-7, "single-point energy of image " + i);
      assertEquals("sp_replica_" + (i + 1) + ".out", p.get("single_points").get(i).asText());
    }
    assertEquals("neb_LiCl-pos-Replica_nr_1-1.xyz", p.get("band_source").asText());
    assertTrue(p.get("notes").toString().contains("single points sp_replica_1.out … sp_replica_7.out beside the band"), p.toString());
    assertTrue(r.err().contains("note: neb_li_hop: forces and energies from the single points"), r.err());
  }

  @Test
  void anIncompleteSetOfSinglePointsIsNotUsedAndSaysWhy() throws Exception {
    Path d = SharedData.scratch("neb-sp-missing").resolve("band");
    copyTree(SharedData.cp2k("neb_li_hop"), d);
    Files.delete(d.resolve("sp_replica_7.out"));
    InfoCommandTest.Run r = InfoCommandTest.run("neb", d.toString(), "--json");
    JsonNode p = onlyPath(r);
    assertFalse(p.get("force_aware_spline").asBoolean());
    assertEquals(0, p.get("single_points").size());
    assertTrue(r.err().contains("sp_replica_N: 6 single points numbered [1, 2, 3, 4, 5, 6] for 7 images"), r.err());
    // energy-only: the band's own energies, the highest image 4 (1-based) at 0.19720720195492258 eV (reference.json)
    assertEquals(0.19720720195492258, p.get("energy_ev").get(3).asDouble(), 1e-7);
  }

  @Test
  void aDamagedSinglePointBesideTheBandIsReportedNotFatal() throws Exception {
    Path d = SharedData.scratch("neb-sp-damaged").resolve("band");
    copyTree(SharedData.cp2k("neb_li_hop"), d);
    Path sp = d.resolve("sp_replica_4.out");
    String log = Files.readString(sp);
    Files.delete(sp);
    Files.writeString(sp, log.substring(0, log.indexOf("ATOMIC FORCES in [a.u.]") + 200));
    InfoCommandTest.Run r = InfoCommandTest.run("neb", d.toString(), "--json");
    JsonNode p = onlyPath(r);
    assertFalse(p.get("force_aware_spline").asBoolean());
    assertTrue(r.err().contains("single points beside the band not used: sp_replica_N: ") && r.err().contains("sp_replica_4.out"), r.err());
  }

  @Test
  void seedStudyBandUsesItsSinglePoints() throws Exception {
    Path d = SharedData.projectRoot().resolve("examples/seed-study/neb_li2s_lpsc");
    JsonNode p = onlyPath(InfoCommandTest.run("neb", d.toString(), "--json"));
    // cli/src/test/python/seed_neb_reference.py (ASE 3.22.1 NEBTools, fit=True, on the same single points)
    assertEquals(0.9345190625837532, p.get("barrier_forward_ev").asDouble(), 1e-4);
    assertEquals(0.4379130724356983, p.get("barrier_backward_ev").asDouble(), 1e-4);
    assertEquals(0.49660599014805484, p.get("reaction_energy_ev").asDouble(), 1e-7);
    assertEquals(5, p.get("single_points").size());
  }

  @Test
  void aBandAndItsContinuationGiveTheContinuationAndSayWhich() throws Exception {
    Path d = SharedData.projectRoot().resolve("examples/seed-study/neb_li2s_lps_lpsc");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", d.toString(), "--json");
    JsonNode p = onlyPath(r);
    assertEquals("continued/band_li2s_lps_lpsc_cont-pos-Replica_nr_1-1.xyz.xz", p.get("band_source").asText());
    assertEquals("continued/sp_li2s_lps_lpsc_cont_1.out.xz", p.get("single_points").get(0).asText());
    // seed_neb_reference.py: the continued band 0.37059084254144103 eV, the first one 0.40214729916841363 eV
    assertEquals(0.37059084254144103, p.get("barrier_forward_ev").asDouble(), 1e-4);
    assertEquals(0.10513328340823058, p.get("barrier_backward_ev").asDouble(), 1e-4);
    assertTrue(r.err().contains("note: neb_li2s_lps_lpsc: 2 bands here: continued/band_li2s_lps_lpsc_cont (41 band steps) starts from "
        + "the final replicas of band_li2s_lps_lpsc (22 band steps); the last, continued/band_li2s_lps_lpsc_cont, is read"), r.err());
    assertTrue(p.get("notes").get(0).asText().startsWith("2 bands here"), p.get("notes").toString());
    JsonNode first = onlyPath(InfoCommandTest.run("neb", d.resolve("band_li2s_lps_lpsc-pos-Replica_nr_1-1.xyz.xz").toString(), "--json"));
    assertEquals(0.40214729916841363, first.get("barrier_forward_ev").asDouble(), 1e-4);
    assertEquals("sp_li2s_lps_lpsc_1.out.xz", first.get("single_points").get(0).asText());
  }

  @Test
  void twoUnrelatedBandsAreAnAmbiguityNamingBoth() throws Exception {
    Path d = SharedData.scratch("neb-two-bands");
    copyTree(SharedData.cp2k("neb_li_hop"), d.resolve("licl"));
    copyTree(SharedData.projectRoot().resolve("examples/seed-study/neb_li2s_lpsc"), d.resolve("seed"));
    InfoCommandTest.Run r = InfoCommandTest.run("neb", d.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("2 NEB bands, licl/neb_LiCl and seed/band_li2s_lpsc, which do not continue one another"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void everyOutputPrintsTheSameBarrier() throws Exception {
    Path d = SharedData.projectRoot().resolve("examples/seed-study/neb_li2s_lpsc");
    Path out = SharedData.scratch("neb-one-barrier");
    InfoCommandTest.Run text = InfoCommandTest.run("neb", d.toString(), "--out", out.toString());
    assertEquals(0, text.exit(), text.err());
    // 0.9345190625837532 eV (ASE) is 0.935 to the meV
    assertTrue(text.out().contains("forward barrier  0.935 eV"), text.out());
    assertTrue(Files.readString(out.resolve("neb.svg")).contains("neb_li2s_lpsc (0.935 eV)"));
    List<String> csv = Files.readAllLines(out.resolve("neb.csv"));
    int col = List.of(csv.get(0).split(",")).indexOf("barrier_forward_ev");
    assertEquals(0.9345190625837532, Double.parseDouble(csv.get(1).split(",")[col]), 1e-4);
    InfoCommandTest.Run render = InfoCommandTest.run("render", "--path", d.toString(), "-o", out.resolve("path.png").toString());
    assertEquals(0, render.exit(), render.err());
    assertTrue(render.out().contains("barrier 0.935 eV"), render.out());
  }

  /** A band with forces prints them: each text row's F is neb.dat's fourth column, and no line says forces were not read. */
  @Test
  void aBandWithForcesPrintsThemInTheTable() throws Exception {
    Path out = SharedData.emptyScratch("neb-graphene-text");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB").toString(), "--name", "graphene",
        "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("not read"), r.out());
    List<String> rows = r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).toList();
    List<String> dat = Files.readAllLines(out.resolve("graphene/neb.dat"));
    assertEquals(9, rows.size(), r.out());
    for (int i = 0; i < rows.size(); i++) {
      double f = Double.parseDouble(dat.get(i).strip().split("\\s+")[3]);
      assertEquals(f, Double.parseDouble(rows.get(i).strip().split("\\s+")[3]), 5e-6, "F of image " + i);
    }
  }
}
