package org.interphase.viz.jmol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

class ViewTest {
  @Test
  void directionsAreReadInTheirUsualForms() {
    assertEquals(View.AUTO, View.parse("auto"));
    assertArrayEquals(new double[] {0, 0, 1}, ((View.Along) View.parse("c")).uvw());
    assertArrayEquals(new double[] {1, -1, 0}, ((View.Along) View.parse("[1-10]")).uvw());
    assertArrayEquals(new double[] {1, 1, 0}, ((View.Along) View.parse("[110]")).uvw());
    assertArrayEquals(new double[] {2, -1, 0.5}, ((View.Along) View.parse("[2, -1, 0.5]")).uvw());
    assertThrows(IllegalArgumentException.class, () -> View.parse("[000]"));
    assertThrows(IllegalArgumentException.class, () -> View.parse("[11]"));
    assertThrows(IllegalArgumentException.class, () -> View.parse("top"));
  }

  @Test
  void aViewAlongADirectionLooksDownItWithCUpright() {
    Cell cell = Cell.ofRows(new double[] {10, 0, 0, 1.5, 9.5, 0, 0.5, 0.8, 11});
    Camera a = Camera.of(View.parse("a"), cell, List.of());
    assertArrayEquals(new double[] {1, 0, 0}, a.toViewer(), 1e-12);
    // c made perpendicular to a: (0, 0.8, 11) normalised
    double n = Math.hypot(0.8, 11);
    assertArrayEquals(new double[] {0, 0.8 / n, 11 / n}, a.up(), 1e-12);
    Camera c = Camera.of(View.parse("c"), cell, List.of());
    assertEquals(0, Camera.dot(c.up(), c.toViewer()), 1e-12);
    assertArrayEquals(Camera.cross(c.right(), c.up()), c.toViewer(), 1e-12);
  }

  @Test
  void autoKeepsASlabNormalUprightAndLooksAcrossAMigrationPath() {
    Cell slab = Cell.orthorhombic(10, 11, 30);
    assertEquals(2, Camera.slabAxis(slab));
    assertEquals(-1, Camera.slabAxis(Cell.orthorhombic(10, 11, 12)));
    Camera cam = Camera.of(View.AUTO, slab, List.of());
    // the normal c is upright in the picture (no sideways component), the view tilted a little down onto it
    assertEquals(0, cam.right()[2], 1e-12);
    assertEquals(Math.cos(Math.toRadians(8)), cam.up()[2], 1e-12);
    List<double[]> path = List.of(new double[] {1, 1, 1}, new double[] {2, 3, 1.5});
    Camera side = Camera.of(View.AUTO, slab, path);
    double[] d = {1, 2, 0.5};
    assertEquals(0, Camera.dot(side.toViewer(), d), 1e-12);
  }
}
