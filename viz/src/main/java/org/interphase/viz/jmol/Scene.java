package org.interphase.viz.jmol;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;

/**
 * What to draw. The frame's positions are drawn as they are: a caller that wants whole units across
 * the periodic boundary passes positions made whole ({@link org.interphase.core.WholeUnits}).
 *
 * @param atoms elements in file order
 * @param frame the structure (positions in Å as drawn, cell)
 * @param width picture width in pixels, 16–8000 (legend included)
 * @param height picture height in pixels, 16–8000
 * @param highlights atom groups drawn larger, in their element colours, with a halo and bonds in the group's colour and a label
 * @param polyhedra elements whose coordination polyhedra to draw, as {@code {center, ligand}}, e.g.
 *     {@code {"P", "S"}} for PS4 tetrahedra (a centre with four bonds to the ligand)
 * @param path points (Å) of a migration path, drawn as a chain of spheres joined by a curve; may be
 *     empty
 * @param pathLabel what the path is, e.g. {@code "Li path"}: its legend entry; the path is drawn in the
 *     colour of this label (a highlight of the same label shares it); {@code null} for no path
 * @param bonds the bonds to draw among some elements, or {@code null} to let Jmol bond by its radii
 * @param view which way to look
 * @param title what the picture shows (printed by the caller, not drawn), or {@code null}
 * @throws IllegalArgumentException for a size outside 16–8000 pixels or a highlight atom outside the frame
 */
public record Scene(AtomTable atoms, Frame frame, int width, int height, List<Highlight> highlights, List<String[]> polyhedra,
    List<double[]> path, String pathLabel, Bonds bonds, View view, String title) {

  /** The legend and the scene file name a highlight without a label so. */
  public static final String UNLABELLED = "highlighted atoms";

  public Scene {
    highlights = List.copyOf(highlights);
    polyhedra = List.copyOf(polyhedra);
    path = List.copyOf(path);
    view = view == null ? View.AUTO : view;
    if (width < 16 || height < 16 || width > 8000 || height > 8000) {
      throw new IllegalArgumentException("picture size must be 16–8000 pixels, got " + width + "×" + height);
    }
    for (Highlight h : highlights) {
      for (int i : h.atoms()) {
        if (i < 0 || i >= atoms.size()) {
          throw new IllegalArgumentException("highlighted atom " + i + " is outside 0–" + (atoms.size() - 1));
        }
      }
    }
  }

  /** A plain picture of a frame: no highlights, Jmol's own bonds, the automatic view. */
  public static Scene of(AtomTable atoms, Frame frame, int width, int height) {
    return new Scene(atoms, frame, width, height, List.of(), List.of(), List.of(), null, null, View.AUTO, null);
  }

  public Scene withHighlights(List<Highlight> h) {
    return new Scene(atoms, frame, width, height, h, polyhedra, path, pathLabel, bonds, view, title);
  }

  public Scene withPolyhedra(List<String[]> p) {
    return new Scene(atoms, frame, width, height, highlights, p, path, pathLabel, bonds, view, title);
  }

  public Scene withPath(List<double[]> p, String label) {
    return new Scene(atoms, frame, width, height, highlights, polyhedra, p, label, bonds, view, title);
  }

  public Scene withBonds(Bonds b) {
    return new Scene(atoms, frame, width, height, highlights, polyhedra, path, pathLabel, b, view, title);
  }

  public Scene withView(View v) {
    return new Scene(atoms, frame, width, height, highlights, polyhedra, path, pathLabel, bonds, v, title);
  }

  public Scene withTitle(String t) {
    return new Scene(atoms, frame, width, height, highlights, polyhedra, path, pathLabel, bonds, view, t);
  }

  /** The elements present, in the order of their first atom. */
  public List<String> elements() {
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < atoms.size(); i++) {
      seen.add(atoms.element(i));
    }
    return List.copyOf(seen);
  }

  /** The translucent colour of the polyhedra: their centre element's colour. */
  public Color polyhedronColour() {
    return polyhedra.isEmpty() ? null : Palette.element(polyhedra.get(0)[0]);
  }

  /**
   * The colour of each highlight label and of the path label, chosen by {@link Palette#assign} away
   * from the element colours present and the polyhedra (drawn translucent, so both the full colour and
   * its half-tint on white).
   *
   * @return label → colour, highlights in order, then the path
   */
  public Map<String, Color> colours() {
    List<String> labels = new ArrayList<>();
    Map<String, Color> preferred = new HashMap<>();
    for (Highlight h : highlights) {
      labels.add(h.legendLabel());
      if (h.color() != null) {
        preferred.putIfAbsent(h.legendLabel(), h.color());
      }
    }
    if (pathLabel != null && !path.isEmpty()) {
      labels.add(pathLabel);
    }
    List<Color> taken = new ArrayList<>();
    for (String e : elements()) {
      taken.add(Palette.element(e));
    }
    Color poly = polyhedronColour();
    if (poly != null) {
      taken.add(poly);
      taken.add(new Color((poly.getRed() + 255) / 2, (poly.getGreen() + 255) / 2, (poly.getBlue() + 255) / 2));
    }
    return Palette.assign(labels, preferred, taken);
  }

  /**
   * A group of atoms to show in a colour, with a halo and a label.
   *
   * @param atoms 0-based indices in file order
   * @param color a preferred colour, used when no element colour of the picture is close to it
   *     ({@link Palette}); {@code null} to take one from the palette
   * @param label the legend and picture label; {@code null} for none ({@value #UNLABELLED} in the legend)
   */
  public record Highlight(int[] atoms, Color color, String label) {
    public Highlight {
      atoms = atoms.clone();
    }

    @Override
    public int[] atoms() {
      return atoms.clone();
    }

    /** The label, or {@value Scene#UNLABELLED}. */
    public String legendLabel() {
      return label == null ? UNLABELLED : label;
    }
  }

  /**
   * Bonds given by the caller instead of Jmol's: every bond Jmol would make that touches an atom of
   * {@code elements} is removed, and the pairs are drawn. Bonds among other elements stay Jmol's.
   *
   * @param elements the elements whose bonds the pairs say all about, e.g. P and S for the bond analysis
   * @param pairs atom pairs {i, j}, 0-based in file order
   */
  public record Bonds(Set<String> elements, List<int[]> pairs) {
    public Bonds {
      elements = Set.copyOf(elements);
      pairs = pairs.stream().map(int[]::clone).toList();
    }
  }
}
