package org.interphase.parsers.h5md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * H5MD files written by MDAnalysis 2.4.2's H5MDWriter and by h5py 3.7 in the H5MD 1.1 layout
 * ({@code src/test/resources/h5md/make_h5md.py}, README there) against what MDAnalysis' H5MDReader
 * and h5py read back ({@code reference.json}). Tolerances: positions stored as float32 by MDAnalysis
 * are compared to 1e-5 Å (the reference went through the same float32, converted in double; nm → Å
 * in float32 inside MDAnalysis rounds at ~1e-6 relative); times to 1e-4 fs for the same reason.
 */
class H5mdReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path resource(String name) {
    try {
      return Path.of(H5mdReaderTest.class.getResource("/h5md/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode reference() throws IOException {
    return JSON.readTree(resource("reference.json").toFile());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void framesCellsTimesAndSpeciesAgreeWithTheReference(int which) throws IOException {
    JsonNode ref = reference();
    JsonNode file = ref.get("files").get(which);
    Path p = resource(file.get("file").asText());
    assertEquals(H5mdReader.FORMAT, FormatRegistry.detect(p, ReadOptions.DEFAULT).name());
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      TrajectoryHeader h = src.header();
      assertEquals(file.get("atoms").asInt(), h.atoms().size());
      for (int i = 0; i < h.atoms().size(); i++) {
        assertEquals(ref.get("symbols").get(i).asText(), h.atoms().element(i));
      }
      // the ASE run behind every file stores a frame every 10 fs
      assertEquals(10.0, h.timestepFs(), 1e-4);
      assertTrue(h.dynamics());
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(file.get("frames").asInt(), frames.size());
      assertTrue(src.warnings().isEmpty(), src.warnings().toString());
      for (JsonNode s : file.get("samples")) {
        Frame f = frames.get(s.get("frame").asInt());
        assertEquals(s.get("time_fs").asDouble(), f.timeFs(), 1e-4);
        assertEquals(s.get("step").asLong(), f.step());
        for (int r = 0; r < 3; r++) {
          for (int k = 0; k < 3; k++) {
            assertEquals(s.get("cell").get(r).get(k).asDouble(), f.cell().rows()[3 * r + k], 1e-5);
          }
        }
        s.get("positions").fields().forEachRemaining(e -> {
          int atom = Integer.parseInt(e.getKey());
          for (int k = 0; k < 3; k++) {
            assertEquals(e.getValue().get(k).asDouble(), f.position(atom, k), 1e-5, "atom " + atom);
          }
        });
      }
    }
  }

  @Test
  void headerSaysWhereTimesComeFromAndWhoWroteTheFile() {
    try (FrameSource src = FormatRegistry.open(resource("lips-mda-nm-fs.h5"), ReadOptions.DEFAULT)) {
      assertEquals("H5MD /particles/trajectory/position/time", src.header().timestepSource());
      assertEquals("H5MD (MDAnalysis 2.4.2)", src.header().program());
      assertTrue(src.header().variableCell());
    }
    try (FrameSource src = FormatRegistry.open(resource("lips-fixed-box.h5md"), ReadOptions.DEFAULT)) {
      assertTrue(src.header().timestepSource().contains("fixed interval"), src.header().timestepSource());
      assertFalse(src.header().variableCell());
    }
  }

  private static Path copy(String name) throws IOException {
    Path d = SharedData.scratch("h5md");
    Path p = d.resolve(name);
    Files.copy(resource("lips-mda-angstrom-ps.h5md"), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return p;
  }

  @Test
  void notAnH5mdFileOrANonHdfFileIsOneLine() throws IOException {
    Path text = SharedData.scratch("h5md").resolve("text.h5md");
    Files.writeString(text, "not hdf5\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> H5mdReader.open(text, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith(text + ": expected an HDF5 file"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    // the sniffer rejects a .h5 whose first bytes are not HDF5 with h5md
    assertFalse(H5mdReader.looksLikeH5md("not hdf5"));
    assertTrue(H5mdReader.looksLikeH5md(H5mdReader.HDF5_SIGNATURE + "....h5md...."));
    Path renamed = copy("copy.h5md");
    try (FrameSource src = H5mdReader.open(renamed, ReadOptions.DEFAULT)) {
      assertEquals(20, FrameSources.readAll(src).size());
    }
  }

  @Test
  void wrongShapeNamesTheFileAndTheDataset() {
    Path p = resource("damaged-position-shape.h5md");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FormatRegistry.open(p, ReadOptions.DEFAULT));
    assertEquals(p + ": /particles/lips/position/value: expected positions of shape [frames][atoms][3], found \"shape [20, 48]\"",
        e.getMessage());
  }

  @Test
  void aNanPositionIsRefusedNotRead() {
    Path p = resource("damaged-nan-position.h5md");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> {
      try (org.interphase.core.FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
        while (src.hasNext()) {
          src.next();
        }
      }
    });
    assertTrue(e.getMessage().contains("finite positions in /particles/lips/position/value (frame 7, atom 17)"), e.getMessage());
  }

  @Test
  void aCutFileIsMalformedInputNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    byte[] whole = java.nio.file.Files.readAllBytes(resource("lips-mda-angstrom-ps.h5md"));
    for (int cut : new int[] {1000, 5000, 20000, 60000}) {
      Path p = dir.resolve("cut-" + cut + ".h5md");
      java.nio.file.Files.write(p, java.util.Arrays.copyOf(whole, cut));
      MalformedInputException e = assertThrows(MalformedInputException.class, () -> {
        try (org.interphase.core.FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
          while (src.hasNext()) {
            src.next();
          }
        }
      }, "cut at " + cut);
      assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    }
  }
}
