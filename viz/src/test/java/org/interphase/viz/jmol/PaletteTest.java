package org.interphase.viz.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.junit.jupiter.api.Test;

class PaletteTest {
  /** What one picture may highlight at most: thiophosphate and sulfur motifs, a migration path. */
  private static final List<String> LABELS = List.of("PS3", "S8 chain", "S2 chain", "other P3S10", "P2S7", "S8 ring", "Li path");

  @Test
  void jmolElementColoursAreTheCpkOnes() {
    assertEquals(new Color(204, 128, 255), Palette.element("Li"));
    assertEquals(new Color(255, 128, 0), Palette.element("P"));
    assertEquals(new Color(255, 255, 48), Palette.element("S"));
    assertEquals(new Color(31, 240, 31), Palette.element("Cl"));
  }

  @Test
  void deltaEMatchesPublishedLabValues() {
    // sRGB white and black: L* 100 and 0, so ΔE*ab = 100; pure red is L* 53.24, a* 80.09, b* 67.20 (D65)
    assertEquals(100, Palette.deltaE(Color.WHITE, Color.BLACK), 0.05);
    double[] red = Palette.lab(Color.RED);
    assertEquals(53.24, red[0], 0.05);
    assertEquals(80.09, red[1], 0.1);
    assertEquals(67.20, red[2], 0.1);
  }

  /**
   * In every system of the project (seven labels in one picture), and with four labels among C, H, O,
   * N, F beside them, each highlight colour stays a clear margin from every element colour present and
   * from the other highlights, even when the caller prefers the colours the old pictures used (green
   * for S chains like Cl, magenta for "other" like Li).
   */
  @Test
  void highlightColoursDifferFromEveryElementColourPresentByAClearMargin() {
    Map<String, Color> oldChoices = Map.of("S8 chain", new Color(0, 160, 60), "S2 chain", new Color(0, 160, 60), "other P3S10",
        new Color(200, 0, 200), "PS3", new Color(230, 0, 0));
    List<List<String>> systems = List.of(List.of("Li", "P", "S", "Cl"), List.of("Li", "S"), List.of("S"), List.of("Li", "P", "S"),
        List.of("Li", "Cl"), List.of("Li", "P", "S", "Cl", "O"), List.of("C", "H", "O", "N", "Li", "P", "S", "F"));
    for (List<String> elements : systems) {
      List<Color> taken = new ArrayList<>();
      elements.forEach(e -> taken.add(Palette.element(e)));
      List<String> labels = elements.size() > 5 ? LABELS.subList(0, 4) : LABELS;
      Map<String, Color> got = Palette.assign(labels, oldChoices, taken);
      assertEquals(labels.size(), got.size());
      for (Map.Entry<String, Color> e : got.entrySet()) {
        for (String el : elements) {
          double d = Palette.deltaE(e.getValue(), Palette.element(el));
          assertTrue(d >= Palette.MIN_ELEMENT_DELTA_E, elements + ": " + e.getKey() + " is ΔE " + d + " from " + el);
          assertTrue(Palette.distinctFromElement(e.getValue(), Palette.element(el)), elements + ": " + e.getKey() + " has the hue of " + el);
        }
        for (Map.Entry<String, Color> o : got.entrySet()) {
          if (!o.getKey().equals(e.getKey())) {
            assertTrue(Palette.deltaE(e.getValue(), o.getValue()) >= Palette.MIN_HIGHLIGHT_DELTA_E, e.getKey() + " vs " + o.getKey());
          }
        }
      }
      if (elements.contains("Cl")) {
        assertNotEquals(new Color(0, 160, 60), got.get("S8 chain"), "no green chain beside green Cl");
      }
      if (elements.contains("Li")) {
        assertNotEquals(new Color(200, 0, 200), got.get("other P3S10"), "no magenta beside lilac Li");
      }
    }
  }

  @Test
  void theColoursReadersConfusedAreRefused() {
    // the old pictures: S chains green beside green Cl, "other" magenta beside lilac Li
    assertTrue(!Palette.distinctFromElement(new Color(0, 160, 60), Palette.element("Cl")));
    assertTrue(!Palette.distinctFromElement(new Color(200, 0, 200), Palette.element("Li")));
    assertTrue(Palette.distinctFromElement(new Color(0, 50, 170), Palette.element("Li")));
    assertTrue(Palette.distinctFromElement(new Color(215, 0, 40), Palette.element("P")));
  }

  @Test
  void aSceneKeepsItsHighlightsAwayFromItsElementsAndTetrahedra() {
    AtomTable atoms = AtomTable.of("Li", "P", "S", "S", "S", "S", "Cl");
    Scene s = Scene.of(atoms, JmolRendererTest.structure(), 200, 200).withPolyhedra(List.<String[]>of(new String[] {"P", "S"}))
        .withHighlights(List.of(new Scene.Highlight(new int[] {1, 2, 3, 4}, new Color(255, 140, 0), "PS3"),
            new Scene.Highlight(new int[] {5}, null, "S chain")));
    for (Color c : s.colours().values()) {
      for (String e : List.of("Li", "P", "S", "Cl")) {
        assertTrue(Palette.distinctFromElement(c, Palette.element(e)), c + " vs " + e);
      }
      assertTrue(Palette.distinctFromElement(c, s.polyhedronColour()), c + " vs the tetrahedra");
    }
  }
}
