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
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * XDATCAR frame order: VASP numbers configurations by MD step and never appends, so the numbers say
 * which frame is which. Files here have a 7-line header and 2 atoms (3 lines per frame), so the
 * configuration line of frame k (0-based, one header) is line 8 + 3k.
 */
class VaspFrameOrderTest {
  private static final ReadOptions STRICT = ReadOptions.DEFAULT.withStrict(true);

  private static Path xdatcar(String name, String text, String incar) {
    Path dir = VaspTestFiles.folder(name);
    if (incar != null) {
      VaspTestFiles.write(dir, "INCAR", incar);
    }
    return VaspTestFiles.write(dir, "XDATCAR", text);
  }

  private static double[] times(List<Frame> frames) {
    return frames.stream().mapToDouble(Frame::timeFs).toArray();
  }

  /** cat run1/XDATCAR run2/XDATCAR: the second header and numbers from 1 again start a second segment. */
  @Test
  void joinedRunsAreConsecutiveSegmentsWithAWarningAndRefusedWhenStrict() {
    String one = VaspTestFiles.xdatcar("Li S", "1 1", 2, 1, 2, 3);
    Path p = xdatcar("order-joined", one + one, "POTIM = 2\nIBRION = 0\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(6, f.size());
      // POTIM 2 fs, one step per frame: the second run continues one interval after the first's last frame
      assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), java.util.Arrays.stream(times(f)).boxed().toList());
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), f.stream().map(Frame::step).toList());
      // header 7 + 3 frames × 3 lines + second header 7 = 23 lines before the restarted configuration line
      assertEquals(1, src.warnings().size(), src.warnings().toString());
      assertTrue(src.warnings().get(0).text().startsWith("XDATCAR:24: configuration numbers restart at 1 after 3"), src.warnings().get(0).text());
    }
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FrameSources.readAll(FormatRegistry.open(p, STRICT)));
    assertTrue(e.getMessage().startsWith(p + ":24: expected one run with increasing configuration numbers, found configuration "
        + "numbers restart at 1 after 3"), e.getMessage());
  }

  @Test
  void numbersRestartingWithoutASecondHeaderAreASegmentToo() {
    Path p = xdatcar("order-restart-no-header", VaspTestFiles.xdatcar("Li S", "1 1", 2, 1, 2, 3, 1, 2), null);
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(5, FrameSources.readAll(src).size());
      assertTrue(src.warnings().get(0).text().startsWith("XDATCAR:17: configuration numbers restart at 1 after 3"),
          Warning.texts(src.warnings()).toString());
    }
  }

  /** Configuration 2 written twice: one frame per configuration, the later copy (base 0.12) kept. */
  @Test
  void frameWrittenTwiceKeepsTheLaterCopyWithAWarning() {
    Path p = xdatcar("order-duplicate", VaspTestFiles.xdatcar("Li S", "1 1", 2, 1, 2, 2, 3), "POTIM = 1\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(3, f.size());
      // frame k of the file has x = (0.1 + 0.01 k) · 10 Å: the kept copy is file frame 2, 1.2 Å
      assertEquals(1.2, f.get(1).position(0, 0), 1e-12);
      assertEquals(List.of(0.0, 1.0, 2.0), java.util.Arrays.stream(times(f)).boxed().toList());
      assertEquals(List.of("XDATCAR: 1 configuration was written twice (first at line 14): the later copy of each kept"),
          Warning.texts(src.warnings()));
    }
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FrameSources.readAll(FormatRegistry.open(p, STRICT)));
    assertTrue(e.getMessage().startsWith(p + ":14: expected each configuration once, found configuration 2 written again"),
        e.getMessage());
  }

  /** The first frame written twice does not hide the spacing: configurations 10, 10, 20, 30 are 10 steps apart. */
  @Test
  void firstFrameWrittenTwice() {
    Path p = xdatcar("order-duplicate-first", VaspTestFiles.xdatcar("Li S", "1 1", 2, 10, 10, 20, 30), "POTIM = 2\nNBLOCK = 10\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(20.0, src.header().timestepFs(), 0);
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(List.of(0.0, 20.0, 40.0), java.util.Arrays.stream(times(f)).boxed().toList());
      assertEquals(1, src.warnings().size(), src.warnings().toString());
    }
  }

  /** Configurations 70, 72, 71, 73 (two frames swapped) are not read as if in order. */
  @Test
  void swappedFramesAreAnError() {
    Path p = xdatcar("order-swapped", VaspTestFiles.xdatcar("Li S", "1 1", 2, 70, 71, 72, 74, 73, 75), null);
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> FrameSources.readAll(FormatRegistry.open(p, ReadOptions.DEFAULT)));
    assertEquals(p + ":20: expected configuration numbers in increasing order, found 73 after 74 (frames out of order)", e.getMessage());
  }

  /** NBLOCK = 10, POTIM = 1 fs: configurations 10, 20, 30, 50, 60; 40 is missing. */
  @Test
  void gapIsAWarningAndTimesFollowTheNumbers() {
    Path p = xdatcar("order-gap", VaspTestFiles.xdatcar("Li S", "1 1", 2, 10, 20, 30, 50, 60), "POTIM = 1\nNBLOCK = 10\n");
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(10.0, src.header().timestepFs(), 0);
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(List.of(0.0, 10.0, 20.0, 40.0, 50.0), java.util.Arrays.stream(times(f)).boxed().toList());
      assertEquals(List.of(10L, 20L, 30L, 50L, 60L), f.stream().map(Frame::step).toList());
      assertEquals(1, src.warnings().size(), src.warnings().toString());
      assertTrue(src.warnings().get(0).text().startsWith("XDATCAR:17: configuration number jumps from 30 to 50 where frames are 10 apart: "
          + "frames are missing"), src.warnings().get(0).text());
    }
    // a gap is not a join: --strict reads it too
    assertEquals(5, FrameSources.readAll(FormatRegistry.open(p, STRICT)).size());
  }

  /** Times come from the numbers, not the frame index: NBLOCK 50 and POTIM 2 put configuration 150 at 200 fs after 50. */
  @Test
  void timesFromConfigurationNumbers() {
    Path p = xdatcar("order-times", VaspTestFiles.xdatcar("Li S", "1 1", 2, 50, 100, 150), "POTIM = 2\nNBLOCK = 50\n");
    List<Frame> f = FrameSources.readAll(FormatRegistry.open(p, ReadOptions.DEFAULT));
    assertEquals(List.of(0.0, 100.0, 200.0), java.util.Arrays.stream(times(f)).boxed().toList());
  }

  /**
   * A repeated header that reorders the species is an error listing both headers' species plainly:
   * header 1 is lines 1–7, frame 1 lines 8–15 (7 atoms), header 2 lines 16–22 with its counts on 22.
   */
  @Test
  void repeatedHeaderWithOtherSpeciesListsThemPlainly() {
    Path dir = VaspTestFiles.folder("xdatcar-reordered-header");
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcarHeader("Li P S", "2 1 4", 10.0) + VaspTestFiles.xdatcarFrame(1, 7, 0.1)
        + VaspTestFiles.xdatcarHeader("Li S P", "2 4 1", 10.0) + VaspTestFiles.xdatcarFrame(2, 7, 0.11));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> {
      try (FrameSource src = FormatRegistry.open(x, ReadOptions.DEFAULT)) {
        FrameSources.readAll(src);
      }
    });
    assertEquals(x + ":22: repeated header changes the atoms from Li2 P1 S4 to Li2 S4 P1", e.getMessage());
  }
}
