package org.interphase.parsers.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dumps written by LAMMPS 29 Sep 2021 (Debian 12), read against ASE 3.22.1 and MDAnalysis 2.4.2:
 * {@code src/test/resources/lammps/reference.json}, printed by {@code reference.py} beside it (see
 * the README there for how the dumps were made).
 */
class LammpsDumpReferenceTest {
  /** The dumps print 6 significant digits; ASE and Interphase read the same text, so only rounding of a·b sums differs. */
  private static final double POSITION_TOL_A = 1e-6;

  static Path dir() {
    return SharedData.projectRoot().resolve("parsers/src/test/resources/lammps");
  }

  static JsonNode reference() throws IOException {
    return new ObjectMapper().readTree(dir().resolve("reference.json").toFile());
  }

  static ReadOptions liS() {
    return ReadOptions.DEFAULT.withSpecies(List.of("Li", "S"));
  }

  static Stream<String> files() throws IOException {
    List<String> names = new ArrayList<>();
    reference().get("files").fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void framesCellsAndPositionsAsAse(String name) throws IOException {
    JsonNode want = reference().get("files").get(name);
    Path path = dir().resolve(name);
    assertEquals(LammpsDumpReader.FORMAT, FormatRegistry.detect(path, ReadOptions.DEFAULT).name());
    List<Frame> frames;
    TrajectoryHeader h;
    try (FrameSource src = FormatRegistry.open(path, liS())) {
      h = src.header();
      frames = FrameSources.readAll(src);
      assertEquals(List.of(), src.warnings(), name);
    }
    assertEquals("LAMMPS", h.program());
    assertEquals(want.get("frames").asInt(), frames.size());
    assertEquals(want.get("atoms").asInt(), h.atoms().size());
    Map<String, Integer> species = new LinkedHashMap<>();
    want.get("species").fields().forEachRemaining(e -> species.put(e.getKey(), e.getValue().asInt()));
    assertEquals(species, h.atoms().speciesCounts());
    for (int i = 0; i < want.get("elements_first").size(); i++) {
      assertEquals(want.get("elements_first").get(i).asText(), h.atoms().element(i));
    }
    for (int k = 0; k < frames.size(); k++) {
      assertEquals(want.get("steps").get(k).asLong(), frames.get(k).step());
    }
    assertArrayEquals(matrix(want.get("cell_first")), frames.get(0).cell().rows(), 1e-12);
    assertArrayEquals(matrix(want.get("cell_last")), frames.get(frames.size() - 1).cell().rows(), 1e-12);
    for (JsonNode p : want.get("positions")) {
      Frame f = frames.get(p.get("frame").asInt());
      int atom = p.get("index").asInt();
      for (int axis = 0; axis < 3; axis++) {
        assertEquals(p.get("position_a").get(axis).asDouble(), f.position(atom, axis), POSITION_TOL_A,
            name + " frame " + p.get("frame") + " id " + p.get("id") + " axis " + axis);
      }
    }
  }

  @Test
  void velocitiesAndForcesInAngstromPerFsAndEvPerAngstrom() throws IOException {
    JsonNode want = reference().get("files").get("ortho_shuffled.lammpstrj");
    List<Frame> frames = FrameSources.readAll(FormatRegistry.open(dir().resolve("ortho_shuffled.lammpstrj"), liS()));
    for (JsonNode p : want.get("velocities_forces")) {
      Frame f = frames.get(p.get("frame").asInt());
      int a = p.get("index").asInt();
      double[] v = f.velocities();
      double[] force = f.forces();
      for (int axis = 0; axis < 3; axis++) {
        // ASE converts Å/ps to its own time unit and back with ase.units.fs: agreement to rounding
        assertEquals(p.get("velocity_a_fs").get(axis).asDouble(), v[3 * a + axis], 1e-12);
        assertEquals(p.get("force_ev_a").get(axis).asDouble(), force[3 * a + axis], 1e-12);
      }
    }
  }

  @Test
  void triclinicCellHasMdAnalysisLengthsAndAngles() throws IOException {
    JsonNode dims = reference().get("files").get("tri_wrapped_images.lammpstrj").get("mdanalysis_dimensions_first");
    try (FrameSource src = FormatRegistry.open(dir().resolve("tri_wrapped_images.lammpstrj"), liS())) {
      double[] lengths = src.header().firstCell().lengthsA();
      double[] angles = src.header().firstCell().anglesDeg();
      for (int k = 0; k < 3; k++) {
        // MDAnalysis keeps box dimensions in float32
        assertEquals(dims.get(k).asDouble(), lengths[k], 1e-5);
        assertEquals(dims.get(3 + k).asDouble(), angles[k], 1e-4);
      }
    }
  }

  @Test
  void timesFromTheDumpsTimeItemInMetalUnits() throws IOException {
    JsonNode want = reference().get("files").get("ortho_element.lammpstrj").get("times_fs");
    try (FrameSource src = FormatRegistry.open(dir().resolve("ortho_element.lammpstrj"), ReadOptions.DEFAULT)) {
      assertEquals(40.0, src.header().timestepFs(), 1e-9);
      assertTrue(src.header().timestepSource().contains("ITEM: TIME"), src.header().timestepSource());
      List<Frame> frames = FrameSources.readAll(src);
      for (int k = 0; k < frames.size(); k++) {
        assertEquals(want.get(k).asDouble(), frames.get(k).timeFs(), 1e-9);
      }
    }
  }

  static double[] matrix(JsonNode rows) {
    double[] m = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        m[3 * i + j] = rows.get(i).get(j).asDouble();
      }
    }
    return m;
  }
}
