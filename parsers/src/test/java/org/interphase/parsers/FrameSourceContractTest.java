package org.interphase.parsers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Warning;
import org.interphase.parsers.io.Compression;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every trajectory reader keeps, checked on real files of each format: a copy cut off
 * inside its last frame gives every complete frame and a warning (strict: an error), closing twice
 * is harmless, and gzip, bzip2 and xz copies give the same frames.
 */
class FrameSourceContractTest {

  /** A real file and the files of its run that must sit beside it. */
  record Case(String file, List<String> siblings) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("real/aimd-pt-water/XDATCAR", List.of()),
        new Case("real/pymatgen/test_files/XDATCAR_6", List.of()),
        new Case("real/mdanse/MDANSE/Tests/UnitTests/Data/XDATCAR_version5", List.of()),
        new Case("real/dpdata/poscars/OUTCAR.h2o.md.10", List.of()),
        new Case("real/dpdata/poscars/vasprun.h2o.md.10.xml", List.of()),
        new Case("cp2k/aimd_nvt/aLPS-pos-1.xyz", List.of("aLPS-1.cell", "aLPS-1.ener", "aimd.inp", "a-Li3PS4_start.xyz")),
        new Case("real/nomad-parser-cp2k/cp2k_2.6.2/md/npt/H2O-md-pos-1.xyz", List.of("H2O-md-1.cell", "H2O-md-1.ener")));
  }

  private static Path copy(Case c, String dirName, String nameSuffix) throws IOException {
    Path src = SharedData.path("data/" + c.file());
    Path dir = SharedData.scratch("contract/" + dirName);
    for (String s : c.siblings()) {
      Files.copy(src.resolveSibling(s), dir.resolve(s), StandardCopyOption.REPLACE_EXISTING);
    }
    Path p = dir.resolve(src.getFileName() + nameSuffix);
    Files.copy(src, p, StandardCopyOption.REPLACE_EXISTING);
    return p;
  }

  private static List<Frame> read(Path p, ReadOptions o) {
    return FrameSources.readAll(FormatRegistry.open(p, o));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void truncatedTailGivesCompleteFramesAndWarns(Case c) throws IOException {
    List<Frame> full = read(SharedData.path("data/" + c.file()), ReadOptions.DEFAULT);
    Path cut = copy(c, "cut-" + Path.of(c.file()).getFileName(), "");
    byte[] bytes = Files.readAllBytes(cut);
    // cut inside the last frame's numbers, not on a line end: for OUTCAR and vasprun.xml the last
    // frame starts at the last POSITION block or <calculation>, elsewhere the file ends with it
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int lastFrame = Math.max(text.lastIndexOf("TOTAL-FORCE"), text.lastIndexOf("<calculation>"));
    int at = lastFrame > 0 ? lastFrame + 400 : bytes.length - Math.min(300, bytes.length / (2 * full.size()) + 1);
    while (at > 0 && (bytes[at - 1] == '\n' || bytes[at] == '\n' || bytes[at - 1] == ' ')) {
      at--;
    }
    Files.write(cut, java.util.Arrays.copyOf(bytes, at));
    try (FrameSource src = FormatRegistry.open(cut, ReadOptions.DEFAULT)) {
      List<Frame> got = FrameSources.readAll(src);
      assertEquals(full.size() - 1, got.size(), "every complete frame, not the cut one");
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("complete frame")), Warning.texts(src.warnings()).toString());
      Frame last = got.get(got.size() - 1);
      assertArrayEquals(full.get(got.size() - 1).positions(), last.positions(), 0.0);
      assertDoesNotThrow(src::close);
    }
    assertThrows(TruncatedInputException.class, () -> read(cut, ReadOptions.DEFAULT.withStrict(true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compressedCopiesGiveTheSameFrames(Case c) throws IOException {
    List<Frame> want = read(SharedData.path("data/" + c.file()), ReadOptions.DEFAULT);
    for (String ext : List.of(".gz", ".bz2", ".xz")) {
      Path plain = copy(c, "z" + ext.substring(1) + "-" + Path.of(c.file()).getFileName(), "");
      Path z = plain.resolveSibling(plain.getFileName() + ext);
      try (InputStream in = Files.newInputStream(plain); OutputStream out = compressor(ext, Files.newOutputStream(z))) {
        in.transferTo(out);
      }
      Files.delete(plain);
      assertEquals(plain.getFileName().toString(), Compression.baseName(z));
      List<Frame> got = read(z, ReadOptions.DEFAULT);
      assertEquals(want.size(), got.size(), ext);
      for (int i = 0; i < want.size(); i += Math.max(1, want.size() / 7)) {
        assertArrayEquals(want.get(i).positions(), got.get(i).positions(), 0.0, ext + " frame " + i);
        assertEquals(want.get(i).energies(), got.get(i).energies(), ext + " frame " + i);
      }
    }
  }

  private static OutputStream compressor(String ext, OutputStream raw) throws IOException {
    return switch (ext) {
      case ".gz" -> new java.util.zip.GZIPOutputStream(raw);
      case ".bz2" -> new BZip2CompressorOutputStream(raw);
      default -> new XZCompressorOutputStream(raw);
    };
  }
}
