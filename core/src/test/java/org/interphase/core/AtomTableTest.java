package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtomTableTest {
  @Test
  void blocksAndSelections() {
    AtomTable t = AtomTable.ofBlocks(List.of("Li", "P", "S"), new int[] {2, 1, 4});
    assertEquals(7, t.size());
    assertEquals(Map.of("Li", 2, "P", 1, "S", 4), t.speciesCounts());
    assertArrayEquals(new int[] {0, 1}, t.indicesOf("li"));
    assertArrayEquals(new int[] {2, 3, 4, 5, 6}, t.indicesNotOf("Li"));
  }

  @Test
  void kindLabelsReduceToElements() {
    assertEquals("Li", AtomTable.elementOf("Li1"));
    assertEquals("S", AtomTable.elementOf("S_2"));
    assertEquals("Fe", AtomTable.elementOf("Fe2"));
    assertEquals("Cl", AtomTable.elementOf("CL"));
    // "Sx" is no element: the first letter is
    assertEquals("S", AtomTable.elementOf("Sx"));
  }
}
