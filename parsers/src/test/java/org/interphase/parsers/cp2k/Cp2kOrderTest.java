package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Units;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * Order of CP2K frames: restarts appended to the same files, duplicated and swapped frames, gaps.
 * Expected frames are worked out by hand from CP2K's restart behaviour: a run restarted from step s
 * writes steps s, s+1, … again after the frames already in the file, and the later ones are the run
 * that continued.
 */
class Cp2kOrderTest {
  private static final String[] LABELS = {"Li", "S"};

  @Test
  void restartRuleKeepsTheLatestOccurrenceOfEachStep() {
    StepOrder o = StepOrder.of(new long[] {0, 1, 2, 3, 4, 5, 3, 4, 5, 6, 7});
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7}, o.keptSteps());
    assertEquals(3, o.replaced());
    assertEquals(0, o.dropped());
    assertEquals(1, o.backwardJumps());
    assertEquals(6, o.firstBackwardRecord());
    for (int k : new int[] {3, 4, 5}) {
      assertEquals(false, o.kept(k), "first-segment record " + k);
    }
    assertTrue(o.kept(6) && o.kept(10));
  }

  @Test
  void abandonedSegmentDuplicateAndSwap() {
    // restart from 4 that stopped at 5: step 6 of the first segment belongs to a trajectory that was not continued
    StepOrder abandoned = StepOrder.of(new long[] {0, 1, 2, 3, 4, 5, 6, 4, 5});
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, abandoned.keptSteps());
    assertEquals(2, abandoned.replaced());
    assertEquals(1, abandoned.dropped());
    StepOrder dup = StepOrder.of(new long[] {0, 1, 2, 2, 3});
    assertArrayEquals(new long[] {0, 1, 2, 3}, dup.keptSteps());
    assertEquals(1, dup.replaced());
    assertEquals(false, dup.kept(2));
    StepOrder swap = StepOrder.of(new long[] {0, 1, 3, 2, 4});
    assertArrayEquals(new long[] {0, 1, 2, 4}, swap.keptSteps());
    assertEquals(List.of(new StepOrder.Gap(2, 4, 1)), swap.gaps());
    assertNull(StepOrder.of(new long[] {0, 10, 20}).describe("frames"));
    assertEquals(10, StepOrder.stride(new long[] {0, 10, 20, 40}));
  }

  /**
   * A run of 2 atoms written for steps 0..6, then restarted from step 4 and continued to step 9, into
   * the same -pos-, -frc-, -vel-, .ener and .cell files. The first segment's steps 4..6 carry values
   * that must not survive (x = 99, T = 300 K, cell 10 Å, force 1 Ha/bohr); the restart's carry x =
   * 0.5·step, T = 310 K, cell 10.5 Å, force 2 Ha/bohr.
   */
  private static Path restartedRun(String name) {
    Path d = MadeRun.folder(name);
    MadeRun.input(d, "rs.inp", "rs", "MD", 10.0, 1.0, 0, "");
    MadeRun pos = MadeRun.in(d);
    MadeRun frc = MadeRun.in(d);
    MadeRun vel = MadeRun.in(d);
    MadeRun ener = MadeRun.in(d);
    MadeRun cell = MadeRun.in(d);
    for (int seg = 0; seg < 2; seg++) {
      int from = seg == 0 ? 0 : 4;
      int to = seg == 0 ? 6 : 9;
      for (int s = from; s <= to; s++) {
        boolean stale = seg == 0 && s >= 4;
        double x = stale ? 99 : 0.5 * s;
        pos.frame(s, s, -10 - 0.001 * s, LABELS, new double[] {x, 0});
        frc.frame(s, s, -10 - 0.001 * s, LABELS, new double[] {seg + 1, 0});
        vel.frame(s, s, -10 - 0.001 * s, LABELS, new double[] {seg + 1, 0});
        ener.ener(s, s, seg == 0 ? 300 : 310, -10 - 0.001 * s);
        cell.cell(s, s, seg == 0 ? 10.0 : 10.5);
      }
    }
    pos.write("rs-pos-1.xyz");
    frc.write("rs-frc-1.xyz");
    vel.write("rs-vel-1.xyz");
    ener.write("rs-1.ener");
    cell.write("rs-1.cell");
    return d.resolve("rs-pos-1.xyz");
  }

  @Test
  void restartAppendedToEveryFileKeepsTheRestartedRun() {
    Path pos = restartedRun("order-restart");
    List<Frame> frames;
    List<String> warnings;
    try (FrameSource src = FormatRegistry.open(pos, ReadOptions.DEFAULT)) {
      frames = FrameSources.readAll(src);
      warnings = Warning.texts(src.warnings());
      assertEquals(1.0, src.header().timestepFs(), 0);
    }
    assertEquals(10, frames.size());
    for (int s = 0; s < 10; s++) {
      Frame f = frames.get(s);
      assertEquals(s, f.step());
      assertEquals(s, f.timeFs(), 0);
      assertEquals(0.5 * s, f.position(0, 0), 1e-10, "x of Li at step " + s);
      double segment = s < 4 ? 1 : 2;
      assertEquals(segment * Units.HARTREE_PER_BOHR_TO_EV_PER_ANGSTROM, f.forces()[0], 1e-9, "force at step " + s);
      assertEquals(segment * Units.BOHR_PER_AU_TIME_TO_ANGSTROM_PER_FS, f.velocities()[0], 1e-12, "velocity at step " + s);
      assertEquals(s < 4 ? 300 : 310, f.energies().temperatureK(), 0, "temperature at step " + s);
      assertEquals(s < 4 ? 10.0 : 10.5, f.cell().get(0, 0), 1e-12, "cell at step " + s);
    }
    // one warning per file, each counting the 3 records of steps 4..6 that were written again
    for (String file : List.of("rs-pos-1.xyz: ", "rs-frc-1.xyz: ", "rs-vel-1.xyz: ", "rs-1.ener: ", "rs-1.cell: ")) {
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith(file) && w.contains("first: step 4 after step 6") && w.contains("3 ")
          && w.contains("were replaced") && w.contains("(10 of 13)")), file + " in " + warnings);
    }
  }

  @Test
  void strictRefusesAStepThatGoesBackWithItsLine() {
    Path pos = restartedRun("order-restart-strict");
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> FrameSources.readAll(FormatRegistry.open(pos, ReadOptions.DEFAULT.withStrict(true))));
    // 7 frames of 4 lines (count, comment, 2 atoms) before the restart: its first count line is line 29
    assertEquals(pos + ":29: expected step numbers that increase (one record per step; --strict refuses a restart appended to the "
        + "same file), found \"step 4 after step 6\"", e.getMessage());
  }

  @Test
  void frameDuplicatedInThePositionsOnlyIsReplacedWithAWarning() {
    Path d = MadeRun.folder("order-dup");
    MadeRun.input(d, "dp.inp", "dp", "MD", 10.0, 1.0, 0, "");
    MadeRun pos = MadeRun.in(d);
    for (long s : new long[] {0, 1, 2, 2, 3}) {
      pos.frame(s, s, -1, LABELS, new double[] {s, 0});
    }
    pos.write("dp-pos-1.xyz");
    try (FrameSource src = FormatRegistry.open(d.resolve("dp-pos-1.xyz"), ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(4, frames.size());
      assertEquals(List.of(0L, 1L, 2L, 3L), frames.stream().map(Frame::step).toList());
      assertTrue(src.warnings().get(0).text().contains("1 frame was replaced by a later one of the same step"),
          Warning.texts(src.warnings()).toString());
    }
  }

  @Test
  void swappedFramesAreNeverSilent() {
    Path d = MadeRun.folder("order-swap");
    MadeRun.input(d, "sw.inp", "sw", "MD", 10.0, 1.0, 0, "");
    MadeRun pos = MadeRun.in(d);
    for (long s : new long[] {0, 1, 3, 2, 4}) {
      pos.frame(s, s, -1, LABELS, new double[] {s, 0});
    }
    pos.write("sw-pos-1.xyz");
    try (FrameSource src = FormatRegistry.open(d.resolve("sw-pos-1.xyz"), ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(List.of(0L, 1L, 2L, 4L), frames.stream().map(Frame::step).toList());
      assertEquals(4.0, frames.get(3).timeFs(), 0);
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("first: step 2 after step 3")),
          Warning.texts(src.warnings()).toString());
      assertTrue(Warning.texts(src.warnings()).stream()
          .anyMatch(w -> w.contains("1 gap in the step numbers (first: no frame between step 2 and step 4")),
          src.warnings().toString());
    }
  }

  @Test
  void withoutTimesTheStepsGiveTheTimeAndAGapIsAWarning() {
    // no "time =" in the comments: time per step 0.5 fs from the .ener Time column; steps 3 and 4 missing in the positions
    Path d = MadeRun.folder("order-gap");
    MadeRun.input(d, "gp.inp", "gp", "MD", 10.0, 0.5, 0, "");
    MadeRun pos = MadeRun.in(d);
    MadeRun ener = MadeRun.in(d);
    for (long s = 0; s <= 6; s++) {
      if (s != 3 && s != 4) {
        pos.frame(s, Double.NaN, -1, LABELS, new double[] {s, 0});
      }
      ener.ener(s, 0.5 * s, 300, -1);
    }
    pos.write("gp-pos-1.xyz");
    ener.write("gp-1.ener");
    try (FrameSource src = FormatRegistry.open(d.resolve("gp-pos-1.xyz"), ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(List.of(0.0, 0.5, 1.0, 2.5, 3.0), frames.stream().map(Frame::timeFs).toList());
      assertEquals(0.5, src.header().timestepFs(), 0);
      assertEquals("gp-1.ener Time[fs] column × 1 step between frames", src.header().timestepSource());
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("no frame between step 2 and step 5")
          && w.contains("about 2 frames missing")),
          src.warnings().toString());
    }
  }

  @Test
  void sideFileThatEndsEarlyOrListsOtherAtomsIsNeverSilent() {
    Path d = MadeRun.folder("order-side");
    MadeRun.input(d, "sd.inp", "sd", "MD", 10.0, 1.0, 0, "");
    MadeRun pos = MadeRun.in(d);
    MadeRun frc = MadeRun.in(d);
    for (long s = 0; s <= 5; s++) {
      pos.frame(s, s, -1, LABELS, new double[] {s, 0});
      if (s <= 2) {
        frc.frame(s, s, -1, LABELS, new double[] {1, 0});
      }
    }
    pos.write("sd-pos-1.xyz");
    frc.write("sd-frc-1.xyz");
    try (FrameSource src = FormatRegistry.open(d.resolve("sd-pos-1.xyz"), ReadOptions.DEFAULT)) {
      List<Frame> frames = FrameSources.readAll(src);
      assertEquals(6, frames.size());
      assertTrue(frames.get(2).hasForces());
      assertEquals(false, frames.get(3).hasForces());
      assertTrue(Warning.texts(src.warnings()).contains("sd-frc-1.xyz ends at step 2 but the positions go on to step 5: 3 frames have no forces"),
          Warning.texts(src.warnings()).toString());
    }
    MadeRun.in(d).frame(0, 0, -1, new String[] {"Li"}, new double[] {1}).write("sd-frc-1.xyz");
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> FormatRegistry.open(d.resolve("sd-pos-1.xyz"), ReadOptions.DEFAULT));
    assertEquals(d.resolve("sd-frc-1.xyz") + ":1: expected 2 atoms per frame as in sd-pos-1.xyz, found \"1 atoms\"", e.getMessage());
  }
}
