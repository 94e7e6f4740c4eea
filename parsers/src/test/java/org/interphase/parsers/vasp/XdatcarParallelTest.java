package org.interphase.parsers.vasp;

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
import org.interphase.core.Frame;
import org.interphase.core.Warning;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large uncompressed XDATCAR is parsed on all cores; the frames, their steps and times, the
 * warnings and the errors must be exactly those of the one-thread reader, also where the plain
 * layout breaks somewhere in the middle (the parallel reading hands over to the sequential one).
 */
class XdatcarParallelTest {
  private static final int ATOMS = 20;
  private static final int FRAMES = 2_000; // ~1.5 MB, read in parallel in chunks of 64 KB (properties below)

  @TempDir
  Path dir;

  /** A VASP 5 XDATCAR of Li–S in a fixed triclinic cell: configuration k at frame k. */
  private static List<String> plain() {
    List<String> l = new ArrayList<>(List.of("LiS", "           1", "    10.000000    0.000000    0.000000",
        "     1.500000   11.000000    0.000000", "     0.500000    0.700000   12.000000", "   Li    S", "    12     8"));
    long seed = 42;
    for (int k = 1; k <= FRAMES; k++) {
      l.add(String.format(Locale.ROOT, "Direct configuration=%6d", k));
      for (int i = 0; i < ATOMS; i++) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < 3; d++) {
          seed = seed * 6364136223846793005L + 1442695040888963407L;
          b.append(String.format(Locale.ROOT, "  %10.8f", (seed >>> 11) / (double) (1L << 53)));
        }
        l.add(b.toString());
      }
    }
    return l;
  }

  /** The line index of configuration k's line in {@link #plain()}. */
  private static int configLine(int k) {
    return 7 + (k - 1) * (ATOMS + 1);
  }

  private record Read(List<Frame> frames, List<String> warnings, String error, long parallelFrames) {}

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

  private static Read read(Path p, boolean serial) {
    System.setProperty("interphase.serialParse", Boolean.toString(serial));
    List<Frame> frames = new ArrayList<>();
    XdatcarReader src = null;
    try {
      src = XdatcarReader.open(p, ReadOptions.DEFAULT);
      while (src.hasNext()) {
        frames.add(src.next());
      }
      return new Read(frames, Warning.texts(src.warnings()), null, src.parallelFrames());
    } catch (RuntimeException e) {
      return new Read(frames, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), src == null ? 0 : src.parallelFrames());
    } finally {
      if (src != null) {
        src.close();
      }
      System.clearProperty("interphase.serialParse");
    }
  }

  private Path write(UnaryOperator<List<String>> damage) throws IOException {
    Path p = dir.resolve("XDATCAR");
    Files.write(p, damage.apply(plain()));
    assertTrue(Files.size(p) > 1L << 20, "the file is large enough to be read in parallel");
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "written twice", "joined runs", "blank line", "bad number", "wrong atom count", "cut off",
      "no final newline", "label after coordinates", "numbers out of order"})
  void parallelReadingGivesWhatTheSequentialReaderGives(String kind) throws IOException {
    Path p = write(l -> {
      switch (kind) {
        case "written twice" -> l.addAll(configLine(901), List.copyOf(l.subList(configLine(900), configLine(901))));
        case "joined runs" -> l.addAll(configLine(601), List.copyOf(l.subList(0, configLine(3))));
        case "blank line" -> l.add(configLine(700), "");
        case "bad number" -> l.set(configLine(800) + 3, "  0.12345678  ************  0.5");
        case "wrong atom count" -> l.remove(configLine(500) + 4);
        case "cut off" -> l.set(l.size() - 1, l.get(l.size() - 1).substring(0, 15));
        case "label after coordinates" -> l.set(configLine(1200) + 1, l.get(configLine(1200) + 1) + "  Li");
        case "numbers out of order" -> l.set(configLine(1000), "Direct configuration=   990");
        default -> { }
      }
      return l;
    });
    if (kind.equals("no final newline")) {
      byte[] b = Files.readAllBytes(p);
      Files.write(p, java.util.Arrays.copyOf(b, b.length - 1));
    }
    Read serial = read(p, true);
    Read parallel = read(p, false);
    assertEquals(serial.error(), parallel.error(), kind + ": the same error");
    assertEquals(serial.warnings(), parallel.warnings(), kind + ": the same warnings");
    assertEquals(serial.frames().size(), parallel.frames().size(), kind + ": the same frames");
    for (int i = 0; i < serial.frames().size(); i++) {
      Frame a = serial.frames().get(i);
      Frame b = parallel.frames().get(i);
      assertEquals(a.step(), b.step(), kind + ": step of frame " + i);
      assertEquals(a.timeFs(), b.timeFs(), 0.0, kind + ": time of frame " + i);
      assertEquals(a.cell(), b.cell(), kind + ": cell of frame " + i);
      assertArrayEquals(a.positions(), b.positions(), kind + ": positions of frame " + i);
    }
    if (kind.equals("plain")) {
      assertEquals(FRAMES, parallel.frames().size());
    }
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertTrue(parallel.parallelFrames() > 100, kind + ": frames before the damage were read in parallel (" + parallel.parallelFrames()
          + ")");
      assertEquals(0, serial.parallelFrames());
    }
  }
}
