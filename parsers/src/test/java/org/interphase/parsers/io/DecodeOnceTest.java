package org.interphase.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * A compressed trajectory is decoded once per read: an XDATCAR in one pass, a CP2K run's positions,
 * {@code .cell} and {@code .ener} once each although the reader makes a step scan before reading
 * (the scan decodes into a temporary copy that the reading pass reads). Format detection reads only
 * the head, which is not counted.
 */
class DecodeOnceTest {

  private static Path folder(String name) throws IOException {
    Path d = SharedData.scratch("decode-once").resolve(name);
    Files.createDirectories(d);
    try (var s = Files.list(d)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    return d;
  }

  private static Path xz(Path p, String text) throws IOException {
    try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(p))) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return p;
  }

  private static String cp2kPositions(int frames) {
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < frames; s++) {
      sb.append(String.format(Locale.ROOT, "       2%n i = %8d, time = %12.3f, E = %20.10f%n", s, 0.5 * s, -10.0 - 0.001 * s));
      sb.append(String.format(Locale.ROOT, " Li %18.10f 1.0 1.0%n S  %18.10f 2.0 2.0%n", 0.01 * s, 3.0 + 0.01 * s));
    }
    return sb.toString();
  }

  private static String cp2kTable(int frames, boolean cell) {
    StringBuilder sb = new StringBuilder(cell ? "#   Step   Time [fs]       Ax [Angstrom] …\n" : "#     Step Nr.          Time[fs]  …\n");
    for (int s = 0; s < frames; s++) {
      sb.append(cell ? String.format(Locale.ROOT, "%8d %12.3f 10 0 0 0 10 0 0 0 10 1000%n", s, 0.5 * s)
          : String.format(Locale.ROOT, "%8d %12.3f %20.10f %12.3f %20.10f %20.10f %10.3f%n", s, 0.5 * s, 0.01, 300.0, -10.0 - 0.001 * s,
              -9.99, 1.0));
    }
    return sb.toString();
  }

  @Test
  void xdatcarIsDecodedOnce() throws IOException {
    Path d = folder("xdatcar");
    StringBuilder sb = new StringBuilder("test\n 1\n 10 0 0\n 0 10 0\n 0 0 10\n Li S\n 1 1\n");
    for (int k = 1; k <= 50; k++) {
      sb.append(String.format(Locale.ROOT, "Direct configuration=%6d%n 0.1 0.2 %.4f%n 0.5 0.5 0.5%n", k, 0.001 * k));
    }
    Path p = xz(d.resolve("XDATCAR.xz"), sb.toString());
    int before = Compression.decodes(p);
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(50, FrameSources.readAll(src).size());
    }
    assertEquals(1, Compression.decodes(p) - before);
  }

  @Test
  void cp2kRunFilesAreDecodedOnceDespiteTheStepScan() throws IOException {
    Path d = folder("cp2k");
    Path pos = xz(d.resolve("t-pos-1.xyz.xz"), cp2kPositions(40));
    Path cell = xz(d.resolve("t-1.cell.xz"), cp2kTable(40, true));
    Path ener = xz(d.resolve("t-1.ener.xz"), cp2kTable(40, false));
    int[] before = {Compression.decodes(pos), Compression.decodes(cell), Compression.decodes(ener)};
    List<Frame> frames;
    try (FrameSource src = FormatRegistry.open(pos, ReadOptions.DEFAULT)) {
      frames = FrameSources.readAll(src);
    }
    assertEquals(40, frames.size());
    // by hand: step 39 at 0.5 fs per step, S at x = 3 + 0.39 Å, temperature 300 K from the .ener
    assertEquals(19.5, frames.get(39).timeFs(), 1e-9);
    assertEquals(3.39, frames.get(39).position(1, 0), 1e-9);
    assertEquals(300.0, frames.get(39).energies().temperatureK(), 1e-9);
    assertEquals(List.of(1, 1, 1), List.of(Compression.decodes(pos) - before[0], Compression.decodes(cell) - before[1],
        Compression.decodes(ener) - before[2]));
  }

  @Test
  void aCutCompressedFileFailsAtTheSameLineInBothPasses() throws IOException {
    Path d = folder("cut");
    Path whole = xz(d.resolve("whole.xz"), cp2kPositions(400));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = d.resolve("t-pos-1.xyz.xz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
    MalformedInputException once;
    try (TwoPass passes = TwoPass.of(cut)) {
      try (LineReader r = passes.first()) {
        r.next();
      } catch (MalformedInputException e) {
        // the first pass (a step scan) stops quietly at the damage; the second pass says where
      }
      once = assertThrows(MalformedInputException.class, () -> {
        try (LineReader r = passes.second()) {
          while (r.next()) {
            // read to the failure
          }
        }
      });
    }
    MalformedInputException direct = assertThrows(MalformedInputException.class, () -> {
      try (LineReader r = LineReader.open(cut)) {
        while (r.next()) {
          // read to the failure
        }
      }
    });
    assertEquals(direct.getMessage(), once.getMessage());
    assertTrue(once.getMessage().contains("xz"), once.getMessage());
  }
}
