package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The damaged-input policy on small inline files: a file cut off inside its last frame gives its
 * complete frames and a warning (strict: an error); anything malformed before the end is an error
 * naming file and line.
 */
class VaspMalformedInputTest {
  private static final String HEADER = """
      LiPS test
         1.0
           5.0  0.0  0.0
           0.0  6.0  0.0
           0.0  0.0  7.0
         Li P S
         1 1 1
      """;

  private static String frame(int k, String... rows) {
    return "Direct configuration=" + String.format("%6d", k) + "\n" + String.join("\n", rows) + "\n";
  }

  private static final String[] GOOD = {"  0.10000000  0.20000000  0.30000000", "  0.50000000  0.50000000  0.50000000",
      "  0.90000000  0.80000000  0.70000000"};

  static Path write(String name, String text) {
    try {
      Path p = SharedData.scratch("vasp-malformed").resolve(name);
      Files.writeString(p, text, StandardCharsets.ISO_8859_1);
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Frame> readAll(Path p, ReadOptions o) {
    return FrameSources.readAll(FormatRegistry.open(p, o));
  }

  @Test
  void truncatedLastFrameKeepsCompleteFramesAndWarns() {
    Path p = write("XDATCAR_truncated", HEADER + frame(1, GOOD) + frame(2, GOOD) + frame(3, GOOD[0], GOOD[1]));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(2, frames.size());
      assertEquals(1, src.warnings().size());
      assertTrue(src.warnings().get(0).text().contains(":19: expected coordinates of atom 3 of 3 in frame 3, found end of file"),
          src.warnings().get(0).text());
      assertTrue(src.warnings().get(0).text().contains("2 complete frames kept"));
    }
    TruncatedInputException e = assertThrows(TruncatedInputException.class, () -> readAll(p, ReadOptions.DEFAULT.withStrict(true)));
    assertTrue(e.getMessage().startsWith(p + ":19:"), e.getMessage());
  }

  @Test
  void overflowFieldIsAnErrorWithLine() {
    Path p = write("XDATCAR_overflow", HEADER + frame(1, GOOD) + frame(2, GOOD[0], "  0.5 ******** 0.5", GOOD[2]) + frame(3, GOOD));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p, ReadOptions.DEFAULT));
    assertEquals(p + ":14: expected 3 coordinates for atom 2 in frame 2, found \"********\"", e.getMessage());
  }

  @Test
  void nanIsAnError() {
    Path p = write("XDATCAR_nan", HEADER + frame(1, GOOD[0], "  NaN 0.5 0.5", GOOD[2]));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith(p + ":10: expected 3 coordinates for atom 2"), e.getMessage());
  }

  @Test
  void wrongAtomCountIsAnErrorNotATruncation() {
    Path p = write("XDATCAR_count", HEADER + frame(1, GOOD[0], GOOD[1]) + frame(2, GOOD));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().contains(":11: expected coordinates of atom 3 of 3 in frame 1 (wrong atom count?)"), e.getMessage());
  }

  @Test
  void garbageLineIsAnError() {
    Path p = write("XDATCAR_garbage", HEADER + frame(1, GOOD) + "this is not a frame\n" + frame(2, GOOD));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith(p + ":12:"), e.getMessage());
  }

  @Test
  void gluedNegativeCoordinatesAreSplit() {
    Path p = write("XDATCAR_glued", HEADER + frame(1, "  0.12345678-0.23456789-0.34567890", GOOD[1], GOOD[2]));
    Frame f = readAll(p, ReadOptions.DEFAULT).get(0);
    assertEquals(0.12345678 * 5, f.position(0, 0), 1e-12);
    assertEquals(-0.23456789 * 6, f.position(0, 1), 1e-12);
    assertEquals(-0.34567890 * 7, f.position(0, 2), 1e-12);
  }

  @Test
  void emptyAndBinaryFilesAreErrors() {
    Path empty = write("XDATCAR_empty", "");
    MalformedInputException e1 = assertThrows(MalformedInputException.class, () -> readAll(empty, ReadOptions.DEFAULT));
    assertTrue(e1.getMessage().contains("found end of file"), e1.getMessage());
    Path bin = SharedData.scratch("vasp-malformed").resolve("XDATCAR_binary");
    byte[] junk = new byte[5000];
    new java.util.Random(1).nextBytes(junk);
    try {
      Files.write(bin, junk);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    MalformedInputException e2 = assertThrows(MalformedInputException.class, () -> readAll(bin, ReadOptions.DEFAULT));
    assertEquals(bin + ": expected a text file, found \"binary data\"", e2.getMessage());
  }

  @Test
  void compressedCopiesGiveEqualFrames() throws IOException {
    String text = HEADER + frame(1, GOOD) + frame(2, GOOD);
    Path plain = write("XDATCAR_plain", text);
    List<Frame> want = readAll(plain, ReadOptions.DEFAULT);
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    Path dir = SharedData.scratch("vasp-compressed");
    Path gz = dir.resolve("XDATCAR.gz");
    Path bz = dir.resolve("XDATCAR.bz2");
    Path xz = dir.resolve("XDATCAR.xz");
    try (OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(bytes);
    }
    try (OutputStream o = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(Files.newOutputStream(bz))) {
      o.write(bytes);
    }
    try (OutputStream o = new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(Files.newOutputStream(xz))) {
      o.write(bytes);
    }
    for (Path p : List.of(gz, bz, xz)) {
      List<Frame> got = readAll(p, ReadOptions.DEFAULT);
      assertEquals(want.size(), got.size(), p.toString());
      for (int i = 0; i < want.size(); i++) {
        assertTrue(java.util.Arrays.equals(want.get(i).positions(), got.get(i).positions()), p + " frame " + i);
      }
    }
  }

  @Test
  void vasp4PoscarNeedsSpeciesFromBesideOrOption() throws IOException {
    String poscar = """
        vasp4 cell
          -120.0
           5.0  0.0  0.0
           0.0  6.0  0.0
           0.0  0.0  7.0
           2 1
        Selective dynamics
        Cartesian
          0.0 0.0 0.0 T T F
          1.0 1.0 1.0 F F F
          2.0 2.0 2.0 T T T
        """;
    Path dir = SharedData.scratch("vasp4-poscar");
    Path p = dir.resolve("POSCAR");
    Files.writeString(p, poscar);
    Files.deleteIfExists(dir.resolve("POTCAR"));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> PoscarReader.read(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith(p + ":6: expected a line of element symbols (this is a VASP 4 file"), e.getMessage());
    PoscarReader.Structure s = PoscarReader.read(p, ReadOptions.DEFAULT.withSpecies(List.of("Li", "S")));
    assertEquals(List.of("Li", "Li", "S"), List.of(s.header().atoms().elements()));
    // negative scale = target volume 120 Å³ for a 210 Å³ cell: factor (120/210)^(1/3), also on Cartesian input
    double f = Math.cbrt(120.0 / 210.0);
    assertEquals(120.0, s.frame().cell().volumeA3(), 1e-9);
    assertEquals(2.0 * f, s.frame().position(2, 2), 1e-12);
    assertEquals(false, s.selectiveDynamics()[2]);
    assertEquals(true, s.selectiveDynamics()[0]);
    Files.writeString(dir.resolve("POTCAR"), "  PAW_PBE Li_sv 10Sep2004\n   VRHFIN =Li: 1s2s2p\n  PAW_PBE S 06Sep2000\n   VRHFIN =S: s2p4\n");
    PoscarReader.Structure viaPotcar = PoscarReader.read(p, ReadOptions.DEFAULT);
    assertEquals(List.of("Li", "Li", "S"), List.of(viaPotcar.header().atoms().elements()));
    assertTrue(viaPotcar.header().notes().get(0).contains("POTCAR beside it"));
  }

  @Test
  void vasp4XdatcarReadsWithSpeciesCounts() {
    Path p = SharedData.real("mdanse/MDANSE/Data/Trajectories/VASP/XDATCAR_Hexane");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().contains("--elements"), e.getMessage());
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT.withSpecies(List.of("C:1296", "H:3024")))) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(4320, src.header().atoms().size());
      // 18 blank-separated frames (awk: blank lines after the 5-line header), first row -0.091596 1.023490 0.357750
      assertEquals(18, frames.size());
      double a = 3.606e-9 * 1e10;
      assertEquals(-0.091596 * a, frames.get(0).position(0, 0), 1e-9);
      assertEquals(0.357750 * a, frames.get(0).position(0, 2), 1e-9);
      assertTrue(src.warnings().get(0).text().contains("cell assumed orthorhombic"), Warning.texts(src.warnings()).toString());
    }
  }

  @Test
  void variableCellIsReported() {
    try (FrameSource src = FormatRegistry.open(SharedData.real("pymatgen/test_files/XDATCAR_6"), ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertTrue(src.header().variableCell());
      // frame 2 cell from its own header: a = (-0.000000, 2.724582, 2.724582)
      assertEquals(2.724582, frames.get(1).cell().get(0, 1), 1e-12);
      assertEquals(2, frames.get(1).step());
    }
  }

  @Test
  void vasprunWithEntitiesIsRefused() {
    String laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <modeling><generator>&lol2;</generator></modeling>
        """;
    Path p = write("vasprun.xml", laughs);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> readAll(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().contains("without a DTD"), e.getMessage());
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <modeling><generator><i name="version">&secret;</i></generator></modeling>
        """;
    Path q = write("vasprun_xxe.xml", xxe);
    MalformedInputException e2 = assertThrows(MalformedInputException.class, () -> readAll(q, ReadOptions.DEFAULT));
    assertTrue(e2.getMessage().startsWith(q + ":2: "), e2.getMessage());
  }

  @Test
  void truncatedVasprunKeepsCompleteSteps() throws IOException {
    Path real = SharedData.real("dpdata/poscars/vasprun.h2o.md.10.xml");
    String text = Files.readString(real, StandardCharsets.ISO_8859_1);
    // cut inside the 4th <calculation>
    int cut = 0;
    for (int k = 0; k < 4; k++) {
      cut = text.indexOf("<calculation>", cut + 1);
    }
    Path p = write("vasprun_cut.xml", text.substring(0, cut + 500));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(3, FrameSources.readAll(src).size());
      assertTrue(src.warnings().get(0).text().contains("3 complete frames kept"), Warning.texts(src.warnings()).toString());
    }
    assertThrows(TruncatedInputException.class, () -> readAll(p, ReadOptions.DEFAULT.withStrict(true)));
  }

  @Test
  void truncatedOutcarKeepsCompleteSteps() throws IOException {
    Path real = SharedData.real("dpdata/poscars/OUTCAR.h2o.md.10");
    List<String> lines = Files.readAllLines(real, StandardCharsets.ISO_8859_1);
    int blocks = 0;
    int cut = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("TOTAL-FORCE") && ++blocks == 5) {
        cut = i + 4; // inside the 5th POSITION block
        break;
      }
    }
    Path p = write("OUTCAR_cut", String.join("\n", lines.subList(0, cut)) + "\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(4, frames.size());
      assertTrue(src.warnings().get(0).text().contains("4 complete frames kept"), Warning.texts(src.warnings()).toString());
      // energy of step 4 as printed in the file: ASE gives -28.39... for the run; check it is a real number
      assertTrue(Double.isFinite(frames.get(3).energies().freeEnergyEv()));
    }
  }

  @Test
  void contcarWithNanVelocityBlockHasNoVelocities() {
    PoscarReader.Structure s = PoscarReader.read(SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB/03/CONTCAR"), ReadOptions.DEFAULT);
    assertNull(s.frame().velocities());
    assertTrue(s.header().notes().get(0).contains("all NaN"));
  }

  @Test
  void contcarVelocitiesAreRead() {
    PoscarReader.Structure s = PoscarReader.read(SharedData.real("pymatgen/test_files/CONTCAR.MD"), ReadOptions.DEFAULT);
    // line 60 of the file, first velocity row (Å/fs, Cartesian)
    double[] v = s.frame().velocities();
    assertEquals(50 * 3, v.length);
    assertTrue(Double.isFinite(v[0]));
  }

  /**
   * VASP's I6 configuration number overflows to ****** after 999999 steps: those frames continue the
   * numbering (one step apart here, as the numbers before them); VASP 4 writes "Konfig=".
   */
  @Test
  void overflowingConfigurationNumberAndKonfig() {
    Path p = write("XDATCAR_stars", HEADER + frame(999998, GOOD) + frame(999999, GOOD) + "Direct configuration=******\n"
        + String.join("\n", GOOD) + "\n" + "Direct configuration=******\n" + String.join("\n", GOOD) + "\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(4, f.size());
      assertEquals(999998, f.get(0).step());
      assertEquals(999999, f.get(1).step());
      assertEquals(1000000, f.get(2).step());
      assertEquals(1000001, f.get(3).step());
      assertEquals(List.of(), src.warnings());
    }
    Path k = write("XDATCAR_konfig", HEADER + "Konfig=1\n" + String.join("\n", GOOD) + "\nKonfig=2\n" + String.join("\n", GOOD) + "\n");
    List<Frame> f = readAll(k, ReadOptions.DEFAULT);
    assertEquals(2, f.size());
    assertEquals(2, f.get(1).step());
  }
}
