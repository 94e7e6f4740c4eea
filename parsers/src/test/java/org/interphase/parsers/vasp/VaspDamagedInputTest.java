package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * The VASP cases of the damaged-input collection ({@code shared/data/damaged}), rebuilt here on small
 * files under {@code target/}: each is a one-line file:line error or a documented recovery with a
 * warning, never a silently different number.
 */
class VaspDamagedInputTest {

  private static List<Frame> read(Path p, ReadOptions o) {
    return FrameSources.readAll(FormatRegistry.open(p, o));
  }

  @Test
  void countsAddingUpToNoAtomIsAnErrorAtTheCountsLine() {
    Path p = VaspTestFiles.write(VaspTestFiles.folder("damaged-zero"), "XDATCAR",
        VaspTestFiles.xdatcarHeader("Li S", "0 0", 10) + "Direct configuration=     1\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(p, ReadOptions.DEFAULT));
    assertEquals(p + ":7: expected atom counts adding up to at least one atom, found \"0 0\"", e.getMessage());
  }

  /** 2147483647 + 1 overflows a 32-bit sum; 100 million atoms would need gigabytes for lines that are not there. */
  @Test
  void implausibleCountsAreRefusedBeforeAllocating() {
    for (String counts : new String[] {"1 2147483647", "192 100000000"}) {
      Path p = VaspTestFiles.write(VaspTestFiles.folder("damaged-huge"), "XDATCAR",
          VaspTestFiles.xdatcarHeader("Li S", counts, 10) + VaspTestFiles.xdatcarFrame(1, 2, 0.1));
      MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(p, ReadOptions.DEFAULT));
      assertEquals(p + ":7: expected atom counts adding up to at most 10000000 atoms (VASP runs are far smaller), found \"" + counts
          + "\"", e.getMessage());
    }
  }

  /** A coordinate line replaced by a megabyte of numbers: an error at that line with a short message. */
  @Test
  void coordinateLineWithMoreNumbersIsAnError() {
    String frame2 = "Direct configuration=     2\n  0.1 0.5 0.5\n" + "  0.123456".repeat(100_000) + "\n";
    Path p = VaspTestFiles.write(VaspTestFiles.folder("damaged-long-line"), "XDATCAR",
        VaspTestFiles.xdatcarHeader("Li S", "1 1", 10) + VaspTestFiles.xdatcarFrame(1, 2, 0.1) + frame2);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith(p + ":13: expected 3 coordinates for atom 2 in frame 2, found \"0.123456  0.123456"),
        e.getMessage());
    assertTrue(e.getMessage().length() < p.toString().length() + 200, "message length " + e.getMessage().length());
  }

  /** Some writers put the species label after each coordinate triple: legitimate, same numbers. */
  @Test
  void speciesLabelAfterCoordinatesIsRead() {
    String plain = VaspTestFiles.xdatcar("Li S", "1 1", 2, 1, 2);
    String labelled = plain.replaceAll("(?m)^(  0\\.\\d+  0\\.50+  0\\.50+)$", "$1 Li");
    assertTrue(labelled.contains(" Li\n"));
    List<Frame> a = read(VaspTestFiles.write(VaspTestFiles.folder("damaged-labels-a"), "XDATCAR", plain), ReadOptions.DEFAULT);
    List<Frame> b = read(VaspTestFiles.write(VaspTestFiles.folder("damaged-labels-b"), "XDATCAR", labelled), ReadOptions.DEFAULT);
    assertEquals(a.size(), b.size());
    assertEquals(a.get(1).position(1, 0), b.get(1).position(1, 0), 0);
  }

  /** NUL bytes over a configuration line (crash artefact): the line is named as found, no message nested in another. */
  @Test
  void nulBlockOverAConfigurationLine() {
    String text = VaspTestFiles.xdatcar("Li S", "1 1", 2, 1, 2, 3);
    text = text.replace("Direct configuration=     2", "\0".repeat(27));
    Path p = VaspTestFiles.write(VaspTestFiles.folder("damaged-nul"), "XDATCAR", text);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith(p + ":11: expected \"Direct configuration=\" or a repeated header (variable cell), found"),
        e.getMessage());
    assertEquals(1, e.getMessage().split(": expected ").length - 1, e.getMessage());
  }

  /** vasprun.xml nested far deeper than VASP writes: refused at depth 65, not walked through. */
  @Test
  void deeplyNestedVasprunIsRefusedAtOnce() {
    String doc = VaspTestFiles.vasprun("5.4.4", List.of(), List.<String[]>of(new String[] {"Li", "PAW_PBE Li_sv 10Sep2004", "1"}), 1);
    doc = doc.replace(" <calculation>\n", " <calculation>\n" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "\n");
    Path p = VaspTestFiles.write(VaspTestFiles.folder("damaged-nesting"), "vasprun.xml", doc);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(p, ReadOptions.DEFAULT));
    assertTrue(e.getMessage().contains("expected XML nested at most 64 elements deep (vasprun.xml needs about ten), found \"<a> at depth 65\""),
        e.getMessage());
  }

  /** An OUTCAR without VASP's closing summary: the run stopped; complete steps and a warning, an error under --strict. */
  @Test
  void outcarOfAStoppedRun() {
    Path p = VaspTestFiles.write(VaspTestFiles.folder("damaged-outcar-stopped"), "OUTCAR", VaspTestFiles.outcar("5.4.4", List.of(),
        List.of("PAW_PBE Li_sv 10Sep2004"), List.of("Li: 1s2s2p"), new int[] {2}, 1, 1.0, 0, new double[] {10, 10}, VaspTestFiles.every(2),
        false));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(2, FrameSources.readAll(src).size());
      assertEquals(1, src.warnings().size(), src.warnings().toString());
      assertTrue(src.warnings().get(0).text().contains("closing summary") && src.warnings().get(0).text().contains("2 complete frames kept"),
          src.warnings().get(0).text());
    }
    assertThrows(TruncatedInputException.class, () -> read(p, ReadOptions.DEFAULT.withStrict(true)));
  }

  /** A NEB of images 00 … 04, each with an OUTCAR (one step) and a CONTCAR of two Li atoms; INCAR IMAGES = 3 when asked. */
  private static Path neb(String name, boolean images) {
    Path dir = VaspTestFiles.folder(name);
    if (images) {
      VaspTestFiles.write(dir, "INCAR", "IMAGES = 3\nIBRION = 3\nPOTIM = 0\n");
    }
    for (int i = 0; i <= 4; i++) {
      Path d = dir.resolve(String.format("%02d", i));
      VaspTestFiles.write(d, "OUTCAR", VaspTestFiles.outcar("5.4.4", List.of(), List.of("PAW_PBE Li_sv 10Sep2004"), List.of("Li: 1s2s2p"),
          new int[] {2}, 1, 0.0, 3, new double[] {10}, VaspTestFiles.every(1), true));
      VaspTestFiles.write(d, "CONTCAR", "image\n1.0\n10 0 0\n0 10 0\n0 0 10\nLi\n2\nDirect\n0.1 0.1 0.1\n0.2 0.2 " + (0.2 + 0.01 * i) + "\n");
    }
    return dir;
  }

  @Test
  void nebWithAMissingImageFolderNamesIt() {
    for (boolean images : new boolean[] {true, false}) {
      Path dir = neb("damaged-neb-missing-" + images, images);
      VaspTestFiles.delete(dir.resolve("02"));
      MissingInputException e = assertThrows(MissingInputException.class, () -> VaspNeb.read(dir, ReadOptions.DEFAULT));
      assertTrue(e.getMessage().startsWith(dir.resolve("02") + ": image folder missing ("), e.getMessage());
    }
  }

  @Test
  void nebFolderBeyondImagesIsIgnoredWithAWarning() {
    Path dir = neb("damaged-neb-extra", true);
    VaspTestFiles.write(dir.resolve("06"), "CONTCAR", "stray\n");
    VaspNeb neb = VaspNeb.read(dir, ReadOptions.DEFAULT);
    assertEquals(5, neb.images().size());
    assertEquals(List.of("06/ ignored: the INCAR's IMAGES = 3 makes 00 … 04 the images"), neb.warnings());
  }

  @Test
  void nebImageWhoseContcarHasOtherAtomsThanItsOutcar() {
    Path dir = neb("damaged-neb-atoms", true);
    VaspTestFiles.write(dir.resolve("03"), "CONTCAR", "image\n1.0\n10 0 0\n0 10 0\n0 0 10\nLi\n1\nDirect\n0.1 0.1 0.1\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> VaspNeb.read(dir, ReadOptions.DEFAULT));
    assertEquals(dir.resolve("03").resolve("CONTCAR") + ":7: expected the atoms of OUTCAR beside it ({Li=2}), found {Li=1}", e.getMessage());
  }
}
