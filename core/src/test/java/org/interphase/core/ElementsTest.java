package org.interphase.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A species typed in any case is echoed as the tables spell it. */
class ElementsTest {
  @Test
  void elementSymbolsInAnyCaseAreSpelledAsSymbols() {
    assertEquals("Li", Elements.spelled("li"));
    assertEquals("Li", Elements.spelled(" LI "));
    assertEquals("Cl", Elements.spelled("cl"));
    assertEquals("S", Elements.spelled("s"));
    assertEquals("P", Elements.spelled("P"));
  }

  @Test
  void kindLabelsAreOnlyStripped() {
    assertEquals("Li1", Elements.spelled(" Li1"));
    assertEquals("S_2", Elements.spelled("S_2"));
    assertEquals("Xx", Elements.spelled("Xx"));
  }
}
