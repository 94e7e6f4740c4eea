package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.interphase.core.FrameSource;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/** Which CP2K input a run reads when several are beside it, and what they declare. */
class Cp2kInputsTest {
  private static final String SB_IS_S = "    &KIND Sb\n      ELEMENT S\n    &END KIND\n";
  private static final String[] LABELS = {"Sb", "Li"};

  private static Path frames(Path d) {
    MadeRun.in(d).frame(0, 0.0, -1, LABELS, new double[2]).frame(1, 0.5, -1, LABELS, new double[2]).write("mix-pos-1.xyz");
    return d.resolve("mix-pos-1.xyz");
  }

  private static TrajectoryHeader header(Path pos) {
    try (FrameSource src = FormatRegistry.open(pos, ReadOptions.DEFAULT)) {
      return src.header();
    }
  }

  @Test
  void twoInputsOfOneProjectThatAgreeAreBothRead() throws Exception {
    Path d = MadeRun.folder("inputs-agree");
    Path md = MadeRun.input(d, "md.inp", "mix", "MD", 12.0, 0.5, 0, SB_IS_S);
    Path restart = MadeRun.input(d, "md_restart.inp", "mix", "MD", 13.0, 0.5, 0, SB_IS_S);
    Files.setLastModifiedTime(md, FileTime.fromMillis(1_000_000L));
    Files.setLastModifiedTime(restart, FileTime.fromMillis(2_000_000L));
    TrajectoryHeader h = header(frames(d));
    // by hand: &KIND Sb ELEMENT S in both inputs → Sb is sulfur; the newer input (md_restart.inp) has ABC 13
    assertArrayEquals(new String[] {"S", "Li"}, h.atoms().elements());
    assertEquals(13.0, h.firstCell().lengthsA()[0], 1e-12);
    assertTrue(h.notes().contains("2 inputs name project mix (md.inp, md_restart.inp): their &KIND declarations agree; cell, time step "
        + "and run type from md_restart.inp (the newest)"), h.notes().toString());
    // an input named for the project wins over the newer one
    MadeRun.input(d, "mix.inp", "other", "MD", 11.0, 0.5, 0, SB_IS_S);
    Files.setLastModifiedTime(d.resolve("mix.inp"), FileTime.fromMillis(500_000L));
    h = header(frames(d));
    assertEquals(11.0, h.firstCell().lengthsA()[0], 1e-12);
  }

  @Test
  void twoInputsDisagreeingOnAKindAreRefused() throws Exception {
    Path d = MadeRun.folder("inputs-disagree");
    Path md = MadeRun.input(d, "md.inp", "mix", "MD", 12.0, 0.5, 0, SB_IS_S);
    MadeRun.input(d, "md_restart.inp", "mix", "MD", 12.0, 0.5, 0, "    &KIND Sb\n      ELEMENT Se\n    &END KIND\n");
    Files.setLastModifiedTime(md, FileTime.fromMillis(1_000_000L));
    Path pos = frames(d);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> header(pos));
    // &KIND Sb is on line 11 of both (GLOBAL 1-4, FORCE_EVAL 5, METHOD 6, SUBSYS 7, CELL 8-10)
    // md_restart.inp is the newer, so it is chosen and md.inp is the one found to disagree
    assertEquals(d.resolve("md.inp") + ":11: kind Sb is S here but Se in md_restart.inp:11, and both inputs name project mix: keep only "
        + "the input of this run beside its output", e.getMessage());
  }

  @Test
  void includedFilesAreReadWithTheVariablesSetBefore() throws Exception {
    Path d = MadeRun.folder("inputs-include");
    MadeRun.input(d, "mix.inp", "mix", "MD", 12.0, 0.5, 0, "    @SET BRIDGE S\n    @INCLUDE 'sub/kinds.inc'\n    @INCLUDE gone.inc\n");
    Files.createDirectories(d.resolve("sub"));
    MadeRun.in(d.resolve("sub")).line("&KIND Sb   ! bridging sulfur\n  ELEMENT ${BRIDGE}\n&END KIND").write("kinds.inc");
    try (FrameSource src = FormatRegistry.open(frames(d), ReadOptions.DEFAULT)) {
      // by hand: @SET BRIDGE S, then kinds.inc line 2 "ELEMENT ${BRIDGE}" → ELEMENT S: Sb is sulfur
      assertArrayEquals(new String[] {"S", "Li"}, src.header().atoms().elements());
      // mix.inp: &GLOBAL(1) PROJECT(2) RUN_TYPE(3) &END(4) &FORCE_EVAL(5) METHOD(6) &SUBSYS(7) &CELL(8-10) @SET(11) @INCLUDE(12, 13)
      assertTrue(Warning.texts(src.warnings()).contains("mix.inp:13: @INCLUDE gone.inc: no such file (" + d.toAbsolutePath().resolve("gone.inc")
          + "): the kinds, cell and other settings it holds are not read"), Warning.texts(src.warnings()).toString());
    }
    // errors inside an included file name that file and its line
    MadeRun.in(d.resolve("sub")).line("&KIND Sb\n  ELEMENT Xq\n&END KIND").write("kinds.inc");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> header(d.resolve("mix-pos-1.xyz")));
    assertTrue(e.getMessage().endsWith("kinds.inc:2: expected an element of the periodic table after ELEMENT, found \"Xq\""),
        e.getMessage());
  }
}
