package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large uncompressed CP2K {@code -pos-} file is parsed on all cores; every frame (step, time,
 * energy, labels, positions, line) and every error must be exactly the one-thread reader's, also
 * where the plain layout breaks in the middle.
 */
class Cp2kXyzParallelTest {
  private static final int ATOMS = 24;
  private static final int FRAMES = 1_500;

  @TempDir
  Path dir;

  @BeforeAll
  static void smallChunks() {
    System.setProperty("interphase.parallelMinBytes", Integer.toString(1 << 20));
    System.setProperty("interphase.parseChunkBytes", Integer.toString(1 << 16));
  }

  @AfterAll
  static void defaults() {
    System.clearProperty("interphase.parallelMinBytes");
    System.clearProperty("interphase.parseChunkBytes");
  }

  private static List<String> plain() {
    List<String> l = new ArrayList<>();
    long seed = 7;
    for (int k = 0; k < FRAMES; k++) {
      l.add(String.format(Locale.ROOT, "%8d", ATOMS));
      l.add(String.format(Locale.ROOT, " i = %8d, time = %12.3f, E = %22.10f", 2 * k, 1.0 * k, -123.456 + 1e-4 * k));
      for (int i = 0; i < ATOMS; i++) {
        StringBuilder b = new StringBuilder(i % 3 == 0 ? " Li1" : i % 3 == 1 ? " S  " : " P  ");
        for (int d = 0; d < 3; d++) {
          seed = seed * 6364136223846793005L + 1442695040888963407L;
          b.append(String.format(Locale.ROOT, " %19.10f", 20 * ((seed >>> 11) / (double) (1L << 53)) - 2));
        }
        l.add(b.toString());
      }
    }
    return l;
  }

  private static int countLine(int k) {
    return k * (ATOMS + 2);
  }

  private record Read(List<XyzBlock> blocks, String error, long parallelFrames) {}

  private static Read read(Path p, boolean serial) {
    System.setProperty("interphase.serialParse", Boolean.toString(serial));
    List<XyzBlock> out = new ArrayList<>();
    Cp2kXyzReader r = Cp2kXyzReader.open(p);
    try {
      for (XyzBlock b = r.next(); b != null; b = r.next()) {
        out.add(b);
      }
      return new Read(out, null, r.parallelFrames());
    } catch (RuntimeException e) {
      return new Read(out, e.getClass().getSimpleName() + ": " + e.getMessage(), r.parallelFrames());
    } finally {
      r.close();
      System.clearProperty("interphase.serialParse");
    }
  }

  private static StepScan scan(Path p, boolean serial) {
    System.setProperty("interphase.serialParse", Boolean.toString(serial));
    try {
      return Cp2kXyzReader.scan(p, Cp2kXyzReader.Quantity.POSITIONS);
    } finally {
      System.clearProperty("interphase.serialParse");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "atom count changes", "other label", "bad number", "comment without step", "cut off",
      "blank line between frames", "extra column"})
  void parallelReadingGivesWhatTheSequentialReaderGives(String kind) throws IOException {
    List<String> l = plain();
    UnaryOperator<List<String>> damage = x -> {
      switch (kind) {
        case "atom count changes" -> x.set(countLine(900), "      23");
        case "other label" -> x.set(countLine(700) + 5, " Na   1.0 2.0 3.0");
        case "bad number" -> x.set(countLine(800) + 4, " S    1.0 ****** 3.0");
        case "comment without step" -> x.set(countLine(600) + 1, " some comment");
        case "cut off" -> x.set(x.size() - 1, x.get(x.size() - 1).substring(0, 20));
        case "blank line between frames" -> x.add(countLine(1000), "");
        case "extra column" -> x.set(countLine(1100) + 3, x.get(countLine(1100) + 3) + "   0.5");
        default -> { }
      }
      return x;
    };
    Path p = dir.resolve("run-pos-1.xyz");
    Files.write(p, damage.apply(l));
    assertTrue(Files.size(p) > 1L << 20, "large enough to be read in parallel");
    Read serial = read(p, true);
    Read parallel = read(p, false);
    StepScan serialScan = scan(p, true);
    StepScan parallelScan = scan(p, false);
    assertArrayEquals(serialScan.steps(), parallelScan.steps(), kind + ": the first pass finds the same steps");
    assertArrayEquals(serialScan.timesFs(), parallelScan.timesFs(), kind + ": and times");
    assertArrayEquals(serialScan.lines(), parallelScan.lines(), kind + ": and lines");
    assertEquals(serial.error(), parallel.error(), kind + ": the same error");
    assertEquals(serial.blocks().size(), parallel.blocks().size(), kind + ": the same frames");
    for (int i = 0; i < serial.blocks().size(); i++) {
      XyzBlock a = serial.blocks().get(i);
      XyzBlock b = parallel.blocks().get(i);
      assertEquals(a.step(), b.step(), kind + ": step of frame " + i);
      assertEquals(a.timeFs(), b.timeFs(), 0.0, kind + ": time of frame " + i);
      assertEquals(a.energyEv(), b.energyEv(), 0.0, kind + ": energy of frame " + i);
      assertEquals(a.line(), b.line(), kind + ": line of frame " + i);
      assertArrayEquals(a.labels(), b.labels(), kind + ": labels of frame " + i);
      assertArrayEquals(a.values(), b.values(), kind + ": positions of frame " + i);
    }
    if (kind.equals("plain")) {
      assertEquals(FRAMES, parallel.blocks().size());
    }
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertTrue(parallel.parallelFrames() > 100, kind + ": read in parallel before the damage (" + parallel.parallelFrames() + ")");
      assertEquals(0, serial.parallelFrames());
    }
  }
}
