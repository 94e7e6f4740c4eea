package org.interphase.parsers.xyz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Extended XYZ files written by ASE 3.22.1 ({@code src/test/resources/extxyz/make_extxyz.py}) against
 * what ASE reads back ({@code reference.json}), plus inline frames for OVITO-style column orders,
 * quoting and bad input. Positions are compared to 1e-9 Å: both sides parse the same 8-decimal text.
 */
class ExtendedXyzAseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path resource(String name) {
    try {
      return Path.of(ExtendedXyzAseTest.class.getResource("/extxyz/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode reference(int file) throws IOException {
    return JSON.readTree(resource("reference.json").toFile()).get("files").get(file);
  }

  private static List<Frame> read(Path p) {
    return FrameSources.readAll(FormatRegistry.open(p, ReadOptions.DEFAULT));
  }

  private static void assertSample(JsonNode s, Frame f) {
    for (int row = 0; row < 3; row++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(s.get("cell").get(row).get(k).asDouble(), f.cell().rows()[3 * row + k], 1e-12);
      }
    }
    s.get("positions").fields().forEachRemaining(e -> {
      int atom = Integer.parseInt(e.getKey());
      for (int k = 0; k < 3; k++) {
        assertEquals(e.getValue().get(k).asDouble(), f.position(atom, k), 1e-9, "atom " + atom);
      }
    });
  }

  @Test
  void aseMdWithTimesGivesFramesTimesAndTimeStep() throws IOException {
    JsonNode ref = reference(0);
    Path p = resource("lips-md-time.extxyz");
    assertEquals(ExtendedXyz.FORMAT, FormatRegistry.detect(p, ReadOptions.DEFAULT).name());
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      TrajectoryHeader h = src.header();
      // VelocityVerlet at 2 fs, a frame every 5 steps: ASE's own times say 10 fs (to the last bit of 1/units.fs)
      assertEquals(10.0, h.timestepFs(), 1e-9);
      assertTrue(h.timestepSource().contains("time="), h.timestepSource());
      assertTrue(h.dynamics());
      assertEquals(48, h.atoms().size());
      for (int i = 0; i < 48; i++) {
        assertEquals(ref.get("symbols").get(i).asText(), h.atoms().element(i));
      }
      assertTrue(h.notes().stream().anyMatch(n -> n.contains("ASE time units")), h.notes().toString());
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(ref.get("frames").asInt(), frames.size());
      assertTrue(src.warnings().isEmpty(), src.warnings().toString());
      for (JsonNode s : ref.get("samples")) {
        Frame f = frames.get(s.get("frame").asInt());
        assertSample(s, f);
        assertEquals(s.get("time_fs").asDouble(), f.timeFs(), 1e-9);
        // ASE: get_potential_energy() is energy=, force_consistent=True is free_energy=
        assertEquals(s.get("free_energy_ev").asDouble(), f.energies().potentialEv(), 1e-12);
        assertEquals(s.get("energy_ev").asDouble(), f.energies().energySigma0Ev(), 1e-12);
        double[] fr = f.forces();
        for (int k = 0; k < 3; k++) {
          assertEquals(s.get("forces_atom_17").get(k).asDouble(), fr[3 * 17 + k], 1e-9);
        }
        assertNull(f.velocities(), "momenta are skipped, not taken for velocities");
      }
    }
  }

  @Test
  void aseFileWithoutTimesHasNoTimeStepAndNotesPartialPeriodicity() throws IOException {
    JsonNode ref = reference(1);
    Path p = resource("lips-md-notime.extxyz");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertTrue(Double.isNaN(src.header().timestepFs()));
      assertTrue(src.header().notes().stream().anyMatch(n -> n.contains("pbc=\"T T F\"")), src.header().notes().toString());
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(ref.get("frames").asInt(), frames.size());
      for (JsonNode s : ref.get("samples")) {
        Frame f = frames.get(s.get("frame").asInt());
        assertSample(s, f);
        assertTrue(Double.isNaN(f.timeFs()));
        assertEquals(s.get("energy_ev").asDouble(), f.energies().potentialEv(), 1e-12);
      }
    }
    try (FrameSource src = FormatRegistry.open(p, new ReadOptions(false, List.of(), 5.0, null))) {
      assertEquals(5.0, src.header().timestepFs(), 0);
    }
  }

  private static Path write(String name, String text) throws IOException {
    Path p = SharedData.scratch("extxyz").resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void columnsInAnyOrderQuotedValuesAndTimeInFs() throws IOException {
    String frame = """
        2
        Lattice="8 0 0 0 8 0 0 0 8" Origin="0 0 0" Properties=id:I:1:pos:R:3:velo:R:3:Species:S:1:mass:R:1 Time=%s \
        Timestep=%d comment="two atoms, one line" pbc="T T T"
        1 1.0 2.0 3.0 0.01 0.02 0.03 Li 6.94
        2 4.0 5.0 6.0 0 0 0 S 32.06
        """;
    Path p = write("ovito-order.xyz", String.format(frame, "0", 0) + String.format(frame, "2.5", 5) + String.format(frame, "5.0", 10));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(2.5, src.header().timestepFs(), 0);
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(3, frames.size());
      Frame f = frames.get(1);
      assertEquals(5, f.step());
      assertEquals(2.5, f.timeFs(), 0);
      assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, f.positions(), 0);
      assertArrayEquals(new double[] {0.01, 0.02, 0.03, 0, 0, 0}, f.velocities(), 0);
      assertEquals("S", src.header().atoms().element(1));
    }
  }

  @Test
  void unevenTimesAreKeptWithOneWarning() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (double t : new double[] {0, 10, 20, 40, 50}) {
      sb.append("1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 Time=").append(t).append("\nLi 0 0 0\n");
    }
    try (FrameSource src = FormatRegistry.open(write("uneven.extxyz", sb.toString()), ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(40.0, frames.get(3).timeFs(), 0);
      assertEquals(1, src.warnings().size(), src.warnings().toString());
      assertTrue(src.warnings().get(0).text().contains("not evenly spaced"), src.warnings().get(0).text());
    }
  }

  @Test
  void noLatticeMeansNoCell() throws IOException {
    Path p = write("molecule.extxyz", "2\nProperties=species:S:1:pos:R:3 pbc=\"F F F\"\nLi 0 0 0\nS 0 0 2.1\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertNull(src.header().firstCell());
      assertTrue(src.header().notes().get(0).contains("non-periodic"), src.header().notes().toString());
      assertNull(src.next().cell());
    }
  }

  @Test
  void badInputNamesFileAndLine() throws IOException {
    Path short1 = write("short.extxyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3:forces:R:3\n"
        + "Li 0 0 0 1 1 1\nS 1 1 1 1 1\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(short1));
    assertTrue(e.getMessage().startsWith(short1 + ":4: expected forces of atom 2"), e.getMessage());
    Path noPos = write("nopos.extxyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:xyz:R:3\nLi 0 0 0\n");
    e = assertThrows(MalformedInputException.class, () -> read(noPos));
    assertTrue(e.getMessage().startsWith(noPos + ":2: expected Properties= with one species:S:1 and one pos:R:3"), e.getMessage());
    Path lattice = write("lattice.extxyz", "1\nLattice=\"5 0 0 0 5 0 0 0\"\nLi 0 0 0\n");
    e = assertThrows(MalformedInputException.class, () -> read(lattice));
    assertTrue(e.getMessage().startsWith(lattice + ":2: expected Lattice=\"9 numbers\""), e.getMessage());
  }
}
