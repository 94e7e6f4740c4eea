package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SideBySideTest {
  @Test
  void resultsComeInThePartsOrderAndEachPartRunsOnce() {
    AtomicInteger calls = new AtomicInteger();
    List<Long> squares = SideBySide.map(257, i -> {
      calls.incrementAndGet();
      return (long) i * i;
    });
    assertEquals(257, squares.size());
    assertEquals(257, calls.get());
    for (int i = 0; i < 257; i++) {
      assertEquals((long) i * i, squares.get(i));
    }
    assertEquals(List.of(), SideBySide.map(0, i -> i));
  }

  @Test
  void theFirstFailureIsThrownAfterTheOtherPartsEnded() {
    List<Runnable> jobs = new ArrayList<>();
    AtomicInteger ran = new AtomicInteger();
    for (int k = 0; k < 8; k++) {
      int j = k;
      jobs.add(() -> {
        if (j == 3) {
          throw new java.io.UncheckedIOException("out/bonds.json: no space left", new java.io.IOException("disk full"));
        }
        ran.incrementAndGet();
      });
    }
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> SideBySide.run(jobs));
    assertEquals("out/bonds.json: no space left", e.getMessage());
    assertTrue(ran.get() <= 7, "parts after the failure may be left out");
  }
}
