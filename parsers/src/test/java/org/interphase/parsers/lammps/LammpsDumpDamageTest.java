package org.interphase.parsers.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** Damaged and edited copies of the LAMMPS dumps, the time options and the unwrapping rules. */
class LammpsDumpDamageTest {
  private static final Path DIR = LammpsDumpReferenceTest.dir();

  private static String text(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.ISO_8859_1);
  }

  private static Path write(String name, String content) throws IOException {
    Path p = SharedData.scratch("lammps").resolve(name);
    Files.writeString(p, content, StandardCharsets.ISO_8859_1);
    return p;
  }

  private static List<Frame> read(Path p, ReadOptions o) {
    return FrameSources.readAll(FormatRegistry.open(p, o));
  }

  @Test
  void fileCutInsideItsLastFrameKeepsTheCompleteOnesOrIsRefusedWhenStrict() throws IOException {
    String full = text("ortho_wrapped.lammpstrj");
    Path cut = write("cut.lammpstrj", full.substring(0, full.length() - 300));
    try (FrameSource src = FormatRegistry.open(cut, LammpsDumpReferenceTest.liS())) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(11, frames.size());
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("11 complete frames kept")),
          Warning.texts(src.warnings()).toString());
    }
    assertThrows(TruncatedInputException.class, () -> read(cut, LammpsDumpReferenceTest.liS().withStrict(true)));
    // cut exactly after the last atom line's number but before its line end: still a cut frame
    String noEol = full.substring(0, full.length() - 1);
    Path last = write("noeol.lammpstrj", noEol.substring(0, noEol.length() - 2));
    assertEquals(11, read(last, LammpsDumpReferenceTest.liS()).size());
  }

  @Test
  void changingAtomCountIsAnErrorAtItsLine() throws IOException {
    String full = text("ortho_wrapped.lammpstrj");
    int second = full.indexOf("ITEM: TIMESTEP", 10);
    String edited = full.substring(0, second) + full.substring(second).replaceFirst("ITEM: NUMBER OF ATOMS\n108", "ITEM: NUMBER OF ATOMS\n107");
    Path p = write("count.lammpstrj", edited);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(p, LammpsDumpReferenceTest.liS()));
    assertTrue(e.getMessage().contains("count.lammpstrj:121:") && e.getMessage().contains("frame 2 has 107 atoms, frame 1 has 108"),
        e.getMessage());
  }

  @Test
  void typesWithoutElementsAskForTheOption() throws IOException {
    // a missing option, not a damaged file: bad usage, still said at the file's line
    org.interphase.core.MissingParameterException e = assertThrows(org.interphase.core.MissingParameterException.class,
        () -> read(DIR.resolve("ortho_wrapped.lammpstrj"), ReadOptions.DEFAULT));
    assertTrue(e.getMessage().contains("ortho_wrapped.lammpstrj:10: the dump has atom types but no element column: pass --elements"),
        e.getMessage());
    assertEquals("elements", e.parameter());
    MalformedInputException few = assertThrows(MalformedInputException.class,
        () -> read(DIR.resolve("ortho_wrapped.lammpstrj"), ReadOptions.DEFAULT.withSpecies(List.of("Li"))));
    assertTrue(few.getMessage().contains("atom type 2 but --elements gives 1 element"), few.getMessage());
  }

  @Test
  void unitsOtherThanMetalAndRealAreRefusedInOneLine() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LammpsUnits.parse("lj"));
    assertEquals("LAMMPS units \"lj\" are not supported (supported: metal = Å and ps, real = Å and fs)", e.getMessage());
    Path p = write("lj.lammpstrj", text("ortho_element.lammpstrj").replaceFirst("metal", "lj"));
    UnsupportedFormatException u = assertThrows(UnsupportedFormatException.class, () -> read(p, ReadOptions.DEFAULT));
    assertTrue(u.getMessage().startsWith(p + ":2: LAMMPS units \"lj\""), u.getMessage());
  }

  @Test
  void realUnitsConvertVelocitiesAndForcesAndAConflictIsReported() throws IOException {
    Path p = DIR.resolve("ortho_shuffled.lammpstrj");
    Frame metal = read(p, LammpsDumpReferenceTest.liS()).get(3);
    Frame real = read(p, LammpsDumpReferenceTest.liS().withLammpsUnits(LammpsUnits.REAL)).get(3);
    assertEquals(metal.velocities()[7] * 1000, real.velocities()[7], 1e-12);
    assertEquals(metal.forces()[7] * 0.0433641042, real.forces()[7], 1e-10);
    assertArrayEquals(metal.positions(), real.positions(), 0.0);
    try (FrameSource src = FormatRegistry.open(DIR.resolve("ortho_element.lammpstrj"), ReadOptions.DEFAULT.withLammpsUnits(LammpsUnits.REAL))) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(40.0, frames.get(1).timeFs(), 1e-9, "the dump's ITEM: UNITS metal wins");
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("the dump says units metal")),
          Warning.texts(src.warnings()).toString());
    }
  }

  @Test
  void timesFromStepNumbersNeedTheMdStepAndTheFrameSpacingOverridesThem() {
    Path p = DIR.resolve("ortho_wrapped.lammpstrj");
    try (FrameSource src = FormatRegistry.open(p, LammpsDumpReferenceTest.liS())) {
      assertTrue(Double.isNaN(src.header().timestepFs()));
      assertTrue(Double.isNaN(src.next().timeFs()));
    }
    try (FrameSource src = FormatRegistry.open(p, LammpsDumpReferenceTest.liS().withMdStepFs(2.0))) {
      assertEquals(40.0, src.header().timestepFs(), 1e-12);
      assertEquals("LAMMPS TIMESTEP × MD step (20 steps × 2 fs)", src.header().timestepSource());
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(220 * 2.0, frames.get(11).timeFs(), 1e-12);
    }
    try (FrameSource src = FormatRegistry.open(p, LammpsDumpReferenceTest.liS().withMdStepFs(2.0).withTimestepFs(50.0))) {
      assertEquals(50.0, src.header().timestepFs(), 1e-12);
      assertEquals(550.0, FrameSources.readAll(src).get(11).timeFs(), 1e-12);
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("--timestep-fs 50 fs differs")),
          Warning.texts(src.warnings()).toString());
    }
  }

  @Test
  void imageFlagsUnwrapAsLammpsDoesItself() {
    // LAMMPS's own xu / xsu columns against x + image flags and xs + image flags of the same runs;
    // 6 printed digits on coordinates up to 20 Å bound the difference by 1e-4 Å
    assertSame("ortho_unwrapped.lammpstrj", "ortho_scaled_images.lammpstrj", 2e-4);
    assertSame("ortho_unwrapped.lammpstrj", "ortho_shuffled.lammpstrj", 2e-4);
    assertSame("tri_scaled_unwrapped.lammpstrj", "tri_wrapped_images.lammpstrj", 2e-4);
  }

  private static void assertSame(String a, String b, double tolA) {
    List<Frame> fa = read(DIR.resolve(a), LammpsDumpReferenceTest.liS());
    List<Frame> fb = read(DIR.resolve(b), LammpsDumpReferenceTest.liS());
    assertEquals(fa.size(), fb.size());
    for (int k = 0; k < fa.size(); k++) {
      assertArrayEquals(fa.get(k).positions(), fb.get(k).positions(), tolA, a + " vs " + b + " frame " + k);
    }
  }

  @Test
  void atomsMissingFromTheFirstFrameOrWithoutPositionsAreErrors() throws IOException {
    String full = text("ortho_wrapped.lammpstrj");
    int atoms = full.indexOf("ITEM: ATOMS", full.indexOf("ITEM: TIMESTEP", 10));
    int line = full.indexOf('\n', atoms) + 1;
    String edited = full.substring(0, line) + "999" + full.substring(full.indexOf(' ', line));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(write("id.lammpstrj", edited),
        LammpsDumpReferenceTest.liS()));
    assertTrue(e.getMessage().contains("atom id 999 in frame 2 is not one of frame 1"), e.getMessage());
    Path noPos = write("nopos.lammpstrj", full.replace("ITEM: ATOMS id type x y z", "ITEM: ATOMS id type x y q"));
    MalformedInputException m = assertThrows(MalformedInputException.class, () -> read(noPos, LammpsDumpReferenceTest.liS()));
    assertTrue(m.getMessage().contains("nopos.lammpstrj:9:") && m.getMessage().contains("position columns"), m.getMessage());
  }

  @Test
  void appendedRestartIsWarnedOrRefusedWhenStrict() throws IOException {
    String full = text("ortho_wrapped.lammpstrj");
    int fifth = nth(full, "ITEM: TIMESTEP", 4);
    Path p = write("restart.lammpstrj", full + full.substring(fifth));
    try (FrameSource src = FormatRegistry.open(p, LammpsDumpReferenceTest.liS())) {
      assertEquals(12 + 8, FrameSources.readAll(src).size());
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("step 80 follows step 220")),
          Warning.texts(src.warnings()).toString());
    }
    assertThrows(MalformedInputException.class, () -> read(p, LammpsDumpReferenceTest.liS().withStrict(true)));
  }

  private static int nth(String s, String what, int n) {
    int at = -1;
    for (int i = 0; i <= n; i++) {
      at = s.indexOf(what, at + 1);
    }
    return at;
  }
}
