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

class NebCommandTest {
  @Test
  void severalPathsJsonAndVtstFiles() throws Exception {
    Path out = SharedData.scratch("neb-two");
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
    for (String f : List.of("neb.json", "neb.png", "neb.svg", "graphene/neb.dat", "graphene/spline.dat", "graphene/exts.dat", "LLTO/neb.dat")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<String> dat = Files.readAllLines(out.resolve("graphene/neb.dat"));
    assertEquals(9, dat.size());
    assertTrue(r.err().contains("energies only"), r.err());
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
}
