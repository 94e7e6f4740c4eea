package org.interphase.viz.jmol;

import java.awt.Color;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;

/**
 * What to draw.
 *
 * @param atoms elements in file order
 * @param frame the structure (positions in Å, cell)
 * @param highlights atom groups drawn in a colour with a halo and a label
 * @param polyhedra elements whose coordination polyhedra to draw, as {@code {center, ligand}}, e.g.
 *     {@code {"P", "S"}} for PS4 tetrahedra
 * @param path points (Å) of a migration path, drawn as a chain of spheres joined by a curve; may be
 *     empty
 * @param slabView turn the picture so the interface normal (c, along z) is vertical
 */
public record Scene(AtomTable atoms, Frame frame, int width, int height, List<Highlight> highlights, List<String[]> polyhedra,
    List<double[]> path, boolean slabView, String title) {

  public Scene {
    highlights = List.copyOf(highlights);
    polyhedra = List.copyOf(polyhedra);
    path = List.copyOf(path);
    if (width < 16 || height < 16 || width > 8000 || height > 8000) {
      throw new IllegalArgumentException("picture size must be 16–8000 pixels, got " + width + "×" + height);
    }
  }

  /** A plain picture of a frame. */
  public static Scene of(AtomTable atoms, Frame frame, int width, int height) {
    return new Scene(atoms, frame, width, height, List.of(), List.of(), List.of(), true, null);
  }

  public Scene withHighlights(List<Highlight> h) {
    return new Scene(atoms, frame, width, height, h, polyhedra, path, slabView, title);
  }

  public Scene withPolyhedra(List<String[]> p) {
    return new Scene(atoms, frame, width, height, highlights, p, path, slabView, title);
  }

  public Scene withPath(List<double[]> p) {
    return new Scene(atoms, frame, width, height, highlights, polyhedra, p, slabView, title);
  }

  /** A group of atoms (0-based indices) to show in a colour, with a halo and an optional label. */
  public record Highlight(int[] atoms, Color color, String label) {}
}
