package org.interphase.analysis.hops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stored positions move to a temporary file beyond the memory limit (as the MSD's do): the hops found from the file are
 * the hops found in memory, and the file is gone afterwards. Sites from the density, so the finder reads the stored frames too.
 */
class HopSpillTest {
  private static HopResult run() {
    HopParameters hp = HopParameters.of("Li").withHysteresis(1.0, 1.6, 2).withTracer(false);
    HopAnalysis.Accumulator acc = new HopAnalysis(hp).start(HopRandomWalkTest.header(40, 10));
    HopRandomWalkTest.walk(acc, 40, 3000, 10, 0.01, 0.3, 7);
    return acc.finish();
  }

  private static List<Path> hopFiles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("interphase-hops")).toList();
    }
  }

  @Test
  void spilledPositionsGiveTheSameHops() throws IOException {
    HopResult memory = run();
    List<Path> before = hopFiles();
    System.setProperty("interphase.msdSpillBytes", "65536");
    HopResult spilled;
    try {
      spilled = run();
    } finally {
      System.clearProperty("interphase.msdSpillBytes");
    }
    assertTrue(memory.hops().size() > 100, "hops: " + memory.hops().size());
    assertEquals(memory.hops(), spilled.hops());
    assertEquals(memory.sites().size(), spilled.sites().size());
    List<Path> left = new java.util.ArrayList<>(hopFiles());
    left.removeAll(before);
    assertTrue(left.isEmpty(), "the temporary file is deleted: " + left);
  }
}
