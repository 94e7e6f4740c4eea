package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time between stored frames of VASP trajectories, worked out by hand from the INCAR tags (VASP
 * wiki: the XDATCAR gets a configuration every NBLOCK steps, NBLOCK = max(NBLOCK, ML_OUTBLOCK) in a
 * prediction-only ML run, ML_MODE = run) and cross-checked with the configuration numbers.
 */
class VaspFrameSpacingTest {

  /** Opens an XDATCAR (2 atoms, the given configuration numbers) with an INCAR beside it; reads every frame. */
  private static Result xdatcar(String name, String incar, ReadOptions options, int... numbers) {
    Path dir = VaspTestFiles.folder(name);
    if (incar != null) {
      VaspTestFiles.write(dir, "INCAR", incar.replace("|", "\n"));
    }
    Path p = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li S", "1 1", 2, numbers));
    try (FrameSource src = FormatRegistry.open(p, options)) {
      TrajectoryHeader h = src.header();
      List<Frame> frames = FrameSources.readAll(src);
      return new Result(h, frames, Warning.texts(src.warnings()));
    }
  }

  private record Result(TrajectoryHeader header, List<Frame> frames, List<String> warnings) {}

  /**
   * INCAR variants (| is a line end) and the configuration numbers VASP writes for them: POTIM ×
   * the MD steps between frames, by hand.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ~ ", value = {
      // no comments (B04's INCAR style)
      "plain ~ POTIM = 2.0|NBLOCK = 10|IBRION = 0 ~ 10 20 30 ~ 20 ~ INCAR POTIM × NBLOCK (2 fs × 10)",
      // comments, several tags on one line, lower case
      "comments ~ # MD run|SYSTEM = x ; potim = 1.5 # fs|NBLOCK = 4 ! every 4th ~ 4 8 12 ~ 6 ~ INCAR POTIM × NBLOCK (1.5 fs × 4)",
      // NBLOCK absent = 1
      "no NBLOCK ~ POTIM = 2 ~ 1 2 3 ~ 2 ~ INCAR POTIM × NBLOCK (2 fs × 1, NBLOCK not set)",
      // VASP >= 6.4 prediction-only ML run: NBLOCK = max(NBLOCK, ML_OUTBLOCK) = 10
      "ML run ~ POTIM = 2|ML_LMLFF = .TRUE.|ML_MODE = run|ML_OUTBLOCK = 10   ! VASP 6.4 ~ 10 20 30 ~ 20 ~ "
          + "INCAR POTIM × ML_OUTBLOCK (2 fs × 10)",
      // ML_OUTBLOCK does nothing while training
      "ML train ~ POTIM = 2|ML_LMLFF = T|ML_MODE = train|ML_OUTBLOCK = 10 ~ 1 2 3 ~ 2 ~ INCAR POTIM × NBLOCK (2 fs × 1, NBLOCK not set)",
      // NBLOCK above ML_OUTBLOCK wins
      "ML run NBLOCK larger ~ POTIM = 2|ML_LMLFF = .TRUE.|ML_MODE = 'RUN'|ML_OUTBLOCK = 10|NBLOCK = 20 ~ 20 40 ~ 40 ~ "
          + "INCAR POTIM × NBLOCK (2 fs × 20)",
      // VASP 6.3 asked for prediction only with ML_ISTART = 2
      "ML_ISTART 2 ~ POTIM = 1|ML_LMLFF = .TRUE.|ML_ISTART = 2|ML_OUTBLOCK = 5 ~ 5 10 ~ 5 ~ INCAR POTIM × ML_OUTBLOCK (1 fs × 5)"})
  void incarTags(String name, String incar, String numbers, double dtFs, String source) {
    int[] n = java.util.Arrays.stream(numbers.split(" ")).mapToInt(Integer::parseInt).toArray();
    Result r = xdatcar("spacing-" + name.replace(' ', '-'), incar, ReadOptions.DEFAULT, n);
    assertEquals(dtFs, r.header().timestepFs(), 1e-12);
    assertEquals(source, r.header().timestepSource());
    assertEquals(List.of(), r.warnings());
    // the last frame is (n_last - n_first) MD steps after the first
    assertEquals(dtFs * (n.length - 1), r.frames().get(n.length - 1).timeFs(), 1e-9);
  }

  /** ML_OUTBLOCK without ML_LMLFF is not an ML run; the numbers (10 steps apart) overrule NBLOCK's default, with a warning. */
  @Test
  void numbersFurtherApartThanTheTagsSayWin() {
    Result r = xdatcar("spacing-numbers-win", "POTIM = 2|ML_MODE = run|ML_OUTBLOCK = 10", ReadOptions.DEFAULT, 10, 20, 30);
    assertEquals(20.0, r.header().timestepFs(), 1e-12);
    assertEquals("INCAR POTIM × XDATCAR configuration numbers (2 fs × 10 steps)", r.header().timestepSource());
    assertEquals(List.of("XDATCAR configuration numbers are 10 MD steps apart but INCAR NBLOCK not set gives 1; the configuration "
        + "numbers are used"), r.warnings());
  }

  @Test
  void numbersDisagreeingWithNblockAreUsedAndBothNamed() {
    Result r = xdatcar("spacing-disagree", "POTIM = 2|NBLOCK = 10", ReadOptions.DEFAULT, 5, 10, 15);
    assertEquals(10.0, r.header().timestepFs(), 1e-12);
    assertEquals(List.of("XDATCAR configuration numbers are 5 MD steps apart but INCAR NBLOCK = 10 gives 10; the configuration "
        + "numbers are used"), r.warnings());
  }

  /** Another program renumbered the frames 1, 2, 3: consecutive numbers do not overrule NBLOCK = 10. */
  @Test
  void renumberedFramesKeepNblock() {
    Result r = xdatcar("spacing-renumbered", "POTIM = 2|NBLOCK = 10", ReadOptions.DEFAULT, 1, 2, 3);
    assertEquals(20.0, r.header().timestepFs(), 1e-12);
    assertEquals("INCAR POTIM × NBLOCK (2 fs × 10)", r.header().timestepSource());
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).startsWith("XDATCAR configuration numbers are consecutive but INCAR NBLOCK = 10 gives 10 MD steps"),
        r.warnings().get(0));
    assertEquals(40.0, r.frames().get(2).timeFs(), 1e-12);
  }

  @Test
  void outcarBeatsAnEditedIncarAndBothAreNamed() {
    Path dir = VaspTestFiles.folder("spacing-outcar-incar");
    VaspTestFiles.write(dir, "INCAR", "POTIM = 2\nNBLOCK = 1\n");
    VaspTestFiles.write(dir, "OUTCAR", VaspTestFiles.outcar("5.4.4", List.of(), List.of("PAW_PBE Li_sv 10Sep2004", "PAW_PBE S 06Sep2000"),
        List.of("Li: 1s2s2p", "S: s2p4"), new int[] {1, 1}, 1, 1.0, 0, new double[] {10}, VaspTestFiles.every(1), true));
    Path p = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li S", "1 1", 2, 1, 2));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(1.0, src.header().timestepFs(), 1e-12);
      assertEquals("OUTCAR POTIM × NBLOCK (1 fs × 1)", src.header().timestepSource());
      FrameSources.readAll(src);
      assertEquals(List.of("POTIM is 1 fs in OUTCAR but 2 fs in INCAR; OUTCAR used"), Warning.texts(src.warnings()));
    }
  }

  @Test
  void withoutPotimTheTimeStepIsUnknownButTheStepsAreNoted() {
    Result r = xdatcar("spacing-unknown", null, ReadOptions.DEFAULT, 10, 20);
    assertTrue(Double.isNaN(r.header().timestepFs()));
    assertNull(r.header().timestepSource());
    assertTrue(r.header().notes().contains("frames are 10 MD steps apart but POTIM is unknown (no INCAR, OUTCAR or vasprun.xml beside "
        + "the file states it): pass --md-step-fs with POTIM (the frames are then 10 × POTIM apart), or --timestep-fs with the time "
        + "between stored frames"), r.header().notes().toString());
    assertEquals(10, r.header().stepsPerFrame());
    assertTrue(Double.isNaN(r.frames().get(1).timeFs()));
  }

  /** --timestep-fs is the time between stored frames: 5 fs over 10 steps puts configuration 30 at 10 fs. */
  @Test
  void commandLineTimeStepWinsAndADisagreementIsNamed() {
    Result r = xdatcar("spacing-override", "POTIM = 2|NBLOCK = 10", ReadOptions.DEFAULT.withTimestepFs(5), 10, 20, 30);
    assertEquals(5.0, r.header().timestepFs(), 0);
    assertEquals("command line --timestep-fs", r.header().timestepSource());
    assertEquals(List.of("--timestep-fs 5 fs differs from the 20 fs between frames the files give (INCAR POTIM × NBLOCK (2 fs × 10)); "
        + "--timestep-fs used"), r.warnings());
    assertEquals(10.0, r.frames().get(2).timeFs(), 1e-12);
  }

  @Test
  void relaxationHasNoTimeStep() {
    Result r = xdatcar("spacing-relaxation", "IBRION = 2|POTIM = 0.5|NSW = 50", ReadOptions.DEFAULT, 1, 2, 3);
    assertTrue(Double.isNaN(r.header().timestepFs()));
    assertTrue(r.header().notes().stream().anyMatch(n -> n.contains("IBRION = 2: not a molecular-dynamics run")), r.header().notes().toString());
  }

  private static final List<String> ML_RUN = List.of("<i type=\"int\" name=\"IBRION\">      0</i>",
      "<i name=\"POTIM\">      2.00000000</i>", "<i type=\"logical\" name=\"ML_LMLFF\"> T  </i>",
      "<i type=\"string\" name=\"ML_MODE\">run</i>", "<i type=\"int\" name=\"ML_OUTBLOCK\">     10</i>");

  /** VASP 6.4.3 writes every ML_OUTBLOCK-th step to vasprun.xml; 6.4.0 to 6.4.2 still wrote every step. */
  @ParameterizedTest(name = "VASP {0}")
  @CsvSource(delimiter = ';', value = {"6.4.3; 20; vasprun.xml POTIM × ML_OUTBLOCK (ML_MODE = run, VASP ≥ 6.4.3) (2 fs × 10)",
      "6.4.2; 2; vasprun.xml POTIM (2 fs, every MD step stored)", "5.4.4; 2; vasprun.xml POTIM (2 fs, every MD step stored)"})
  void vasprunMlOutblockByVersion(String version, double dtFs, String source) {
    Path dir = VaspTestFiles.folder("spacing-vasprun-" + version);
    Path p = VaspTestFiles.write(dir, "vasprun.xml", VaspTestFiles.vasprun(version, ML_RUN, List.of(
        new String[] {"Li", "PAW_PBE Li_sv 10Sep2004", "1"}, new String[] {"S", "PAW_PBE S 06Sep2000", "1"}), 3));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(dtFs, src.header().timestepFs(), 1e-12);
      assertEquals(source, src.header().timestepSource());
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(2 * dtFs, f.get(2).timeFs(), 1e-12);
    }
  }

  /**
   * OUTCAR with NBLOCK = 5: energies every step, positions (forces) every 5th (VASP wiki table):
   * frames at steps 5 and 10, 5 × 2 fs apart, and no complaint about the steps without positions.
   */
  @Test
  void outcarPositionsEveryNblockSteps() {
    boolean[] pos = new boolean[10];
    pos[4] = true;
    pos[9] = true;
    double[] edges = new double[10];
    java.util.Arrays.fill(edges, 10);
    Path dir = VaspTestFiles.folder("spacing-outcar-nblock");
    Path p = VaspTestFiles.write(dir, "OUTCAR", VaspTestFiles.outcar("5.4.4", List.of(), List.of("PAW_PBE Li_sv 10Sep2004",
        "PAW_PBE S 06Sep2000"), List.of("Li: 1s2s2p", "S: s2p4"), new int[] {1, 1}, 5, 2.0, 0, edges, pos, true));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(10.0, src.header().timestepFs(), 1e-12);
      assertEquals("OUTCAR POTIM × NBLOCK (2 fs × 5)", src.header().timestepSource());
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(List.of(5L, 10L), f.stream().map(Frame::step).toList());
      assertEquals(10.0, f.get(1).timeFs() - f.get(0).timeFs(), 1e-12);
      assertEquals(List.of(), src.warnings());
    }
  }

  /** VASP 6.4.3 prints a prediction-only ML run's energies every ML_OUTBLOCK steps: each block is 10 steps. */
  @Test
  void outcarMlOutblockFrom643() {
    List<String> echo = List.of("IBRION = 0", "POTIM = 2.0", "ML_LMLFF = .TRUE.", "ML_MODE = run", "ML_OUTBLOCK = 10");
    Path dir = VaspTestFiles.folder("spacing-outcar-ml");
    Path p = VaspTestFiles.write(dir, "OUTCAR", VaspTestFiles.outcar("6.4.3", echo, List.of("PAW_PBE Li_sv 10Sep2004",
        "PAW_PBE S 06Sep2000"), List.of("Li: 1s2s2p", "S: s2p4"), new int[] {1, 1}, 10, 2.0, 0, new double[] {10, 10, 10},
        VaspTestFiles.every(3), true));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(20.0, src.header().timestepFs(), 1e-12);
      assertEquals("OUTCAR POTIM × ML_OUTBLOCK (ML_MODE = run) (2 fs × 10)", src.header().timestepSource());
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(List.of(0.0, 20.0, 40.0), f.stream().map(Frame::timeFs).toList());
      assertEquals(List.of(), src.warnings());
    }
  }

  /** An OUTCAR whose POSITION blocks come every step although NBLOCK says 10: the file's own count, with a warning. */
  @Test
  void outcarStepsDisagreeingWithNblockAreNamed() {
    Path dir = VaspTestFiles.folder("spacing-outcar-disagree");
    Path p = VaspTestFiles.write(dir, "OUTCAR", VaspTestFiles.outcar("6.4.2", List.of(), List.of("PAW_PBE Li_sv 10Sep2004",
        "PAW_PBE S 06Sep2000"), List.of("Li: 1s2s2p", "S: s2p4"), new int[] {1, 1}, 10, 2.0, 0, new double[] {10, 10, 10},
        VaspTestFiles.every(3), true));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(2.0, src.header().timestepFs(), 1e-12);
      FrameSources.readAll(src);
      assertEquals(List.of("OUTCAR stores frames 1 MD step apart but NBLOCK gives 10; the file's own step count is used"),
          Warning.texts(src.warnings()));
    }
  }
}
