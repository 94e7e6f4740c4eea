package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * Time between stored CP2K frames from each source, and the cross-check between them. The run: MD
 * time step 0.5 fs, positions stored every 10 steps (steps 0, 10, 20, 30), so 5 fs between frames.
 */
class Cp2kSpacingTest {
  private static final String[] LABELS = {"Li", "S"};
  private static final long[] STEPS = {0, 10, 20, 30};

  private static Path run(String name, boolean timeColumn, double inputTimestep, int inputEach) {
    Path d = MadeRun.folder(name);
    if (!Double.isNaN(inputTimestep)) {
      MadeRun.input(d, "sp.inp", "sp", "MD", 10.0, inputTimestep, inputEach, "");
    }
    MadeRun pos = MadeRun.in(d);
    for (long s : STEPS) {
      pos.frame(s, timeColumn ? 0.5 * s : Double.NaN, -1, LABELS, new double[] {0.01 * s, 0});
    }
    return pos.write("sp-pos-1.xyz");
  }

  private record Read(double dt, String source, List<Double> times, List<String> warnings) {}

  private static Read read(Path pos, ReadOptions o) {
    try (FrameSource src = FormatRegistry.open(pos, o)) {
      List<Frame> f = FrameSources.readAll(src);
      return new Read(src.header().timestepFs(), src.header().timestepSource(), f.stream().map(Frame::timeFs).toList(),
          Warning.texts(src.warnings()));
    }
  }

  @Test
  void timeColumnAgreesWithTheInput() {
    Read r = read(run("spacing-agree", true, 0.5, 10), ReadOptions.DEFAULT);
    assertEquals(5.0, r.dt(), 1e-12);
    assertEquals("sp-pos-1.xyz time = column", r.source());
    assertEquals(List.of(0.0, 5.0, 10.0, 15.0), r.times());
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void threeDecimalTimesOfAnOddTimeStepAreNoDisagreement() {
    // TIMESTEP 0.4837 fs printed as time = 0.000, 0.484, 0.967: the slope 0.967 / 2 = 0.4835 fs is within the 0.0005 fs the
    // rounding allows over 2 steps, so no warning; the file's own times are used
    Path d = MadeRun.folder("spacing-odd");
    MadeRun.input(d, "sp.inp", "sp", "MD", 10.0, 0.4837, 0, "");
    MadeRun pos = MadeRun.in(d);
    for (int s = 0; s < 3; s++) {
      pos.frame(s, Math.round(0.4837 * s * 1000) / 1000.0, -1, LABELS, new double[2]);
    }
    Read r = read(pos.write("sp-pos-1.xyz"), ReadOptions.DEFAULT);
    assertEquals(0.4835, r.dt(), 1e-12);
    assertEquals(List.of(), r.warnings());
    assertEquals(List.of(0.0, 0.484, 0.967), r.times());
  }

  @Test
  void disagreementNamesBothValues() {
    // the input says every 5 steps (2.5 fs) but the file holds every 10th step (5 fs)
    Read r = read(run("spacing-disagree", true, 0.5, 5), ReadOptions.DEFAULT);
    assertEquals(5.0, r.dt(), 1e-12);
    assertEquals(List.of("time between frames: 5 fs from sp-pos-1.xyz time = column, but 2.5 fs from sp.inp TIMESTEP × EACH/MD "
        + "(0.5 fs × 5); 5 fs is used"), r.warnings());
  }

  @Test
  void withoutTimesTheInputGivesSpacingAndStepsGiveTimes() {
    Read r = read(run("spacing-input", false, 0.5, 10), ReadOptions.DEFAULT);
    assertEquals(5.0, r.dt(), 1e-12);
    assertEquals("sp.inp TIMESTEP × EACH/MD (0.5 fs × 10)", r.source());
    assertEquals(List.of(0.0, 5.0, 10.0, 15.0), r.times());
  }

  @Test
  void logAloneGivesSpacing() {
    Path pos = run("spacing-log", false, Double.NaN, 0);
    MadeRun.in(pos.getParent()).line(" CP2K| version string:                                       CP2K version 2023.1")
        .line(" GLOBAL| Project name                                                          sp")
        .line(" GLOBAL| Run type                                                              MD")
        .line(" CELL| Vector a [angstrom]:      10.000     0.000     0.000   |a| =    10.000000")
        .line(" CELL| Vector b [angstrom]:       0.000    10.000     0.000   |b| =    10.000000")
        .line(" CELL| Vector c [angstrom]:       0.000     0.000    10.000   |c| =    10.000000")
        .line(" MD_PAR| Time step [fs]                                                 0.500000")
        .line(" MD_PAR| Coordinates         10                                     sp-pos-1.xyz").write("sp.out");
    Read r = read(pos, ReadOptions.DEFAULT);
    assertEquals(5.0, r.dt(), 1e-12);
    assertEquals("sp.out MD_PAR| Time step × Coordinates print frequency (0.5 fs × 10)", r.source());
    assertEquals(List.of(0.0, 5.0, 10.0, 15.0), r.times());
  }

  @Test
  void commandLineOverridesAndTimesFollowTheSteps() {
    Read r = read(run("spacing-override", true, 0.5, 10), ReadOptions.DEFAULT.withTimestepFs(2.0));
    assertEquals(2.0, r.dt(), 0);
    assertEquals("command line --timestep-fs", r.source());
    // steps 0, 10, 20, 30 are frames 0..3 of a stride of 10 steps: 2 fs apart
    assertEquals(List.of(0.0, 2.0, 4.0, 6.0), r.times());
  }

  @Test
  void geometryOptimisationHasNoTimeStep() {
    Path d = MadeRun.folder("spacing-geo");
    MadeRun.input(d, "go.inp", "go", "GEO_OPT", 10.0, 0.5, 0, "");
    MadeRun.in(d).frame(1, Double.NaN, -1, LABELS, new double[2]).frame(2, Double.NaN, -1, LABELS, new double[2]).write("go-pos-1.xyz");
    Read r = read(d.resolve("go-pos-1.xyz"), ReadOptions.DEFAULT);
    assertTrue(Double.isNaN(r.dt()));
    assertEquals(null, r.source());
    assertTrue(r.times().stream().allMatch(t -> Double.isNaN(t)));
  }
}
