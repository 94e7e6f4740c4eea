package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * neb.dat holds forces or is not written, on real bands of both programs; a climbing-image band gives
 * its climbing image's energy beside the spline maximum.
 */
class NebVtstFilesTest {
  private static void copyTree(Path from, Path to, String skipPrefix) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        if (skipPrefix != null && p.getFileName().toString().startsWith(skipPrefix)) {
          continue;
        }
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Rows of a neb.dat: the five columns i R E F i as numbers. */
  private static List<double[]> rows(Path nebDat) throws IOException {
    return Files.readAllLines(nebDat).stream().map(l -> java.util.Arrays.stream(l.strip().split("\\s+")).mapToDouble(Double::parseDouble)
        .toArray()).toList();
  }

  private static JsonNode onlyPath(Path out) throws IOException {
    JsonNode paths = Json.MAPPER.readTree(Files.readString(out.resolve("neb.json"))).get("paths");
    assertEquals(1, paths.size());
    return paths.get(0);
  }

  /**
   * Li in bilayer graphene, VASP + VTST with OUTCARs: neb.dat is written, its F column is the JSON's
   * tangential force, and for the inner images it is VTST's own (the folder's neb.dat, written by
   * nebbarrier.pl from "NEB: projections on to tangent"). No warning about neb.dat.
   */
  @Test
  void aVaspBandWithForcesWritesItsForcesInNebDat() throws Exception {
    Path dir = SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB");
    Path out = SharedData.scratch("neb-dat-graphene");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", dir.toString(), "--name", "graphene", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("no neb.dat"), r.err());
    JsonNode p = onlyPath(out);
    assertTrue(p.get("force_aware_spline").asBoolean());
    List<double[]> ours = rows(out.resolve("graphene/neb.dat"));
    List<double[]> vtst = rows(dir.resolve("neb.dat"));
    assertEquals(9, ours.size());
    for (int i = 0; i < ours.size(); i++) {
      double[] row = ours.get(i);
      assertEquals(5, row.length, "five columns");
      assertEquals(i, row[0]);
      assertEquals(i, row[4]);
      assertEquals(p.get("tangent_force_ev_a").get(i).asDouble(), row[3], 1e-6, "F of image " + i + " is the tangential force");
      assertEquals(vtst.get(i)[1], row[1], 1e-4, "R of image " + i);
      assertEquals(vtst.get(i)[2], row[2], 1e-5, "E of image " + i);
      if (i > 0 && i < ours.size() - 1) {
        assertEquals(vtst.get(i)[3], row[3], 1e-5, "F of inner image " + i + " as VTST's nebbarrier.pl wrote it");
      }
    }
    // LCLIMB = .FALSE. in the INCAR: no climbing image, and no climbing-image energy
    assertTrue(p.get("climbing_image").isNull());
    assertTrue(p.get("climbing_image_energy_ev").isNull());
    assertFalse(r.out().contains("climbing image"), r.out());
  }

  /**
   * The CP2K Li hop: with the single points beside it the band has forces and neb.dat holds them; the
   * same band without its single points (CP2K 2023 writes BAND force files without forces) has none,
   * so there is no neb.dat and a warning says so.
   */
  @Test
  void aCp2kBandHasNebDatOnlyWithItsSinglePointForces() throws Exception {
    Path withForces = SharedData.emptyScratch("neb-dat-cp2k-forces");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", SharedData.cp2k("neb_li_hop").toString(), "--out", withForces.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("no neb.dat"), r.err());
    JsonNode p = onlyPath(withForces);
    List<double[]> dat = rows(withForces.resolve("neb_li_hop/neb.dat"));
    assertEquals(7, dat.size());
    for (int i = 0; i < dat.size(); i++) {
      assertEquals(p.get("tangent_force_ev_a").get(i).asDouble(), dat.get(i)[3], 1e-6, "F of image " + i);
    }

    Path band = SharedData.emptyScratch("neb-dat-cp2k-no-sp").resolve("neb_li_hop");
    copyTree(SharedData.cp2k("neb_li_hop"), band, "sp_");
    Path out = SharedData.emptyScratch("neb-dat-cp2k-no-forces");
    Files.deleteIfExists(out.resolve("neb_li_hop/neb.dat"));
    InfoCommandTest.Run e = InfoCommandTest.run("neb", band.toString(), "--out", out.toString());
    assertEquals(0, e.exit(), e.err());
    assertFalse(onlyPath(out).get("force_aware_spline").asBoolean());
    assertFalse(Files.exists(out.resolve("neb_li_hop/neb.dat")), "no forces: no neb.dat");
    assertTrue(Files.exists(out.resolve("neb_li_hop/spline.dat")));
    assertTrue(e.err().contains("warning: neb_li_hop: no neb.dat written for this path"), e.err());
  }

  /**
   * CI-NEB (band.inp: BAND_TYPE CI-NEB). reference.json: highest replica 4 (1-based, image 3 here) at
   * E − E_initial = 0.19720720801842617 eV from the single points ("forward_eV_images") and
   * 0.19720720195492258 eV from the band's own energies; the spline maximum stays the barrier
   * (ASE NEBTools 0.2056083432572826 eV).
   */
  @Test
  void aClimbingImageBandGivesTheClimbingImagesEnergy() throws Exception {
    Path out = SharedData.scratch("neb-ci-cp2k");
    InfoCommandTest.Run r = InfoCommandTest.run("neb", SharedData.cp2k("neb_li_hop").toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("forward barrier  0.206 eV (spline maximum; climbing image 3: 0.197 eV)"), r.out());
    JsonNode p = onlyPath(out);
    assertEquals(0.2056083432572826, p.get("barrier_forward_ev").asDouble(), 2e-4);
    assertEquals(3, p.get("climbing_image").asInt());
    assertEquals(0.19720720801842617, p.get("climbing_image_energy_ev").asDouble(), 1e-7);
    List<String> csv = Files.readAllLines(out.resolve("neb.csv"));
    int col = List.of(csv.get(0).split(",")).indexOf("climbing_image_energy_ev");
    assertEquals(0.19720720801842617, Double.parseDouble(csv.get(1).split(",")[col]), 1e-7);

    Path band = SharedData.scratch("neb-ci-cp2k-no-sp").resolve("neb_li_hop");
    copyTree(SharedData.cp2k("neb_li_hop"), band, "sp_");
    InfoCommandTest.Run e = InfoCommandTest.run("neb", band.toString(), "--json");
    assertEquals(0, e.exit(), e.err());
    JsonNode q = Json.MAPPER.readTree(e.out()).get("paths").get(0);
    assertEquals(0.19720720195492258, q.get("climbing_image_energy_ev").asDouble(), 1e-7);
  }

  /**
   * VASP: the graphene band with LCLIMB = .TRUE. written into a copy of its INCAR is a climbing-image
   * band; its climbing image is the highest inner image, 2, at 0.068417 eV in VTST's neb.dat of the
   * folder (hand value).
   */
  @Test
  void aVaspLclimbBandGivesTheClimbingImagesEnergy() throws Exception {
    Path dir = SharedData.scratch("neb-ci-vasp").resolve("NEB");
    copyTree(SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB"), dir, null);
    Path incar = dir.resolve("INCAR");
    String in = Files.readString(incar);
    assertTrue(in.contains("LCLIMB = .FALSE."), in);
    Files.writeString(incar, in.replace("LCLIMB = .FALSE.", "LCLIMB = .TRUE."));
    InfoCommandTest.Run r = InfoCommandTest.run("neb", dir.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode p = Json.MAPPER.readTree(r.out()).get("paths").get(0);
    assertEquals(2, p.get("climbing_image").asInt());
    assertEquals(0.068417, p.get("climbing_image_energy_ev").asDouble(), 1e-5);
    assertTrue(p.get("barrier_forward_ev").asDouble() >= p.get("climbing_image_energy_ev").asDouble());
    InfoCommandTest.Run text = InfoCommandTest.run("neb", dir.toString());
    assertTrue(text.out().contains("(spline maximum; climbing image 2: 0.068 eV)"), text.out());
  }
}
