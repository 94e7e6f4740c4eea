package org.interphase.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.testkit.SharedData;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.jmol.View;
import org.junit.jupiter.api.Test;

class Viewer3dTest {
  private static final AtomTable ATOMS = AtomTable.of("P", "S", "Li");

  private static Scene scene(double dx, String label) {
    Frame f = new Frame(0, 0, Cell.orthorhombic(10, 10, 10), new double[] {5 + dx, 5, 5, 7.0512345, 5, 5, 1, 1, 1}, null, null, null);
    return new Scene(ATOMS, f, 900, 700, List.of(new Scene.Highlight(new int[] {0, 1}, new Color(215, 0, 40), label)), List.of(), List.of(),
        null, new Scene.Bonds(Set.of("P", "S"), List.of(new int[] {0, 1})), View.AUTO, null);
  }

  @Test
  void numbersAreRoundedAndCompact() {
    assertEquals("7.051", Viewer3d.number(7.0512345, 3));
    assertEquals("-0.012", Viewer3d.number(-0.0123, 3));
    assertEquals("3", Viewer3d.number(2.99996, 3));
    assertEquals("0", Viewer3d.number(-0.0004, 3));
    assertEquals("1.5", Viewer3d.number(1.5, 3));
    assertEquals("null", Viewer3d.number(Double.NaN, 3));
    assertEquals("\"a\\\"b\\\\c\\n\"", Viewer3d.string("a\"b\\c\n"));
  }

  /** The frames, their highlights, bonds and units, sequences and links, in the documented layout; no "</" to end the script early. */
  @Test
  void jsonHoldsFramesSequencesAndLinks() {
    Viewer3d v = new Viewer3d("md-1", ATOMS);
    int a = v.frame(scene(0, "P 0 – S 1 </script> break"), "frame 0", 0, 0.0, List.of(new Viewer3d.Unit("PS1", new int[] {0, 1})));
    int b = v.frame(scene(0.25, "P 0 – S 1 </script> break"), "frame 2", 2, 0.004, List.of());
    v.sequence("event-0", "event 1", List.of(a, b), 1);
    v.timeline(new Viewer3d.Timeline(3, 0.004, List.of(new Viewer3d.Lane("PS1", new int[] {0, 2}, new int[] {1, 0})),
        List.of(new Viewer3d.Mark(2, 0.004, "break", "event-0", "P 0 – S 1 break")), "event-0"));
    String json = v.json();
    assertFalse(json.contains("</"), json);
    assertTrue(json.startsWith("{\"id\":\"md-1\",\"elements\":[\"P\",\"S\",\"Li\"],\"colors\":{\"P\":\"#ff8000\",\"S\":\"#ffff30\",\"Li\":"), json);
    assertTrue(json.contains("\"xyz\":[5,5,5,7.051,5,5,1,1,1],\"bonds\":[0,1],\"hl\":[{\"label\":\"P 0 – S 1 <\\/script> break\""), json);
    assertTrue(json.contains("\"xyz\":[5.25,5,5,"), json);
    assertTrue(json.contains("\"cell\":[10,0,0,0,10,0,0,0,10]"), json);
    assertTrue(json.contains("\"units\":[[0,0,1]]"), json);
    assertTrue(json.contains("\"motifs\":[\"PS1\"]"), json);
    assertTrue(json.contains("\"sequences\":{\"event-0\":{\"label\":\"event 1\",\"frames\":[0,1],\"at\":1}},\"start\":\"event-0\""), json);
    assertTrue(json.contains("\"lanes\":[{\"label\":\"PS1\",\"frames\":[0,2],\"counts\":[1,0]}]"), json);
    assertTrue(json.contains("\"marks\":[{\"frame\":2,\"t\":0.004,\"kind\":\"break\",\"sequence\":\"event-0\""), json);
    assertEquals(2, v.frames());
  }

  @Test
  void refusesWhatCannotBeShown() {
    Viewer3d v = new Viewer3d("x", ATOMS);
    assertThrows(IllegalStateException.class, v::json);
    assertThrows(IllegalArgumentException.class, () -> new Viewer3d("a b", ATOMS));
    assertThrows(IllegalArgumentException.class, () -> v.sequence("s", "s", List.of(0), 0));
    assertThrows(IllegalArgumentException.class, () -> new Viewer3d("y", AtomTable.of("P")).frame(scene(0, "x"), "f", 0, 0, List.of()));
  }

  /** A page with a view carries 3Dmol.js, its licence and the view script inline, and references nothing outside itself. */
  @Test
  void pageCarriesTheLibraryAndItsLicence() throws Exception {
    Viewer3d v = new Viewer3d("neb-1", ATOMS);
    v.sequence("images", "images", List.of(v.frame(scene(0, "Li path"), "image 0", 0, Double.NaN, List.of())), 0);
    v.profile(new Viewer3d.Profile(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {0}, "images"));
    Path page = SharedData.scratch("viewer3d").resolve("index.html");
    new HtmlReport("t").section("s").viewer(v, "a view").endSection().write(page);
    String html = Files.readString(page);
    assertTrue(html.contains("3Dmol.js " + HtmlReport.THREE_DMOL_VERSION + ", inlined unchanged. Its licence:"));
    assertTrue(html.contains("Redistribution and use in source and binary forms"), "the BSD licence text");
    assertTrue(html.contains("window.interphase3d"), "the view script");
    assertTrue(html.contains("<script type=\"application/json\" id=\"v3d-data-neb-1\">{\"id\":\"neb-1\""));
    assertFalse(html.contains("<script src="), "nothing loaded from elsewhere");
    assertFalse(html.contains("<link "), "no stylesheet from elsewhere");
    // a page without views carries none of it
    Path plain = page.resolveSibling("plain.html");
    new HtmlReport("t").section("s").text("x").endSection().write(plain);
    assertFalse(Files.readString(plain).contains("3Dmol"));
  }
}
