package org.interphase.viz.jmol;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmol.c.PAL;
import org.jmol.util.Elements;

/**
 * Colours of a structure picture: the element colours Jmol draws (its CPK scheme) and highlight
 * colours chosen so that no element in the picture, no polyhedron and no other highlight has a
 * similar one.
 *
 * <p>Similarity is judged in CIELAB (sRGB, D65 white; CIE 15:2004): the colour difference ΔE*ab (the
 * Euclidean distance; ≈ 2.3 is just noticeable), the lightness L* and the hue angle h = atan2(b*, a*).
 * A highlight is {@linkplain #distinctFromElement distinct from an element colour} when ΔE*ab ≥
 * {@value #MIN_ELEMENT_DELTA_E} and, for two chromatic colours (chroma ≥ {@value #MIN_CHROMA}), their
 * hues differ by at least {@value #MIN_HUE_DEG}° or their lightness by at least {@value
 * #MIN_SAME_HUE_LIGHTNESS}: a darker green still reads as "Cl", a magenta as "Li", while navy blue
 * beside pale lilac Li does not. Two highlights differ by ΔE*ab ≥ {@value #MIN_HIGHLIGHT_DELTA_E}.
 */
public final class Palette {
  /** Least ΔE*ab between a highlight colour and any element colour in the picture. */
  public static final double MIN_ELEMENT_DELTA_E = 40;
  /** Least ΔE*ab between two highlight colours of one picture. */
  public static final double MIN_HIGHLIGHT_DELTA_E = 30;
  /** Least hue difference (degrees) between a highlight and an element colour of similar lightness. */
  public static final double MIN_HUE_DEG = 25;
  /** Least lightness difference ΔL* that separates colours of similar hue. */
  public static final double MIN_SAME_HUE_LIGHTNESS = 35;
  /** Chroma below which a colour counts as grey (its hue does not matter). */
  public static final double MIN_CHROMA = 15;

  /** Highlight candidates in order of preference: strong, dark enough to read on white. */
  private static final List<Color> CANDIDATES = List.of(
      new Color(0, 50, 170),     // navy blue
      new Color(215, 0, 40),     // crimson
      new Color(0, 140, 150),    // teal
      new Color(140, 70, 20),    // brown
      new Color(255, 0, 160),    // pink
      new Color(20, 20, 20),     // black
      new Color(0, 170, 255),    // sky blue
      new Color(110, 0, 70),     // plum
      new Color(120, 120, 120),  // grey
      new Color(90, 60, 0),      // olive brown
      new Color(255, 110, 180),  // light pink
      new Color(60, 0, 120),     // indigo
      new Color(0, 90, 90),      // dark teal
      new Color(170, 90, 255));  // violet

  private Palette() {}

  /** The candidate highlight colours, in order of preference. */
  public static List<Color> candidates() {
    return CANDIDATES;
  }

  /**
   * The colour Jmol gives an element (its default "Jmol" CPK scheme).
   *
   * @param element a symbol such as {@code Li}; an unknown one gets Jmol's colour for element 0
   */
  public static Color element(String element) {
    int z = Elements.elementNumberFromSymbol(element, true);
    int[] argb = PAL.argbsCpk;
    return new Color(argb[z >= 0 && z < argb.length ? z : 0] & 0xFFFFFF);
  }

  /**
   * Chooses one colour per label: the label's preferred colour when it is far enough from everything
   * {@code taken} and from the colours chosen before it, else the first candidate that is; if none is,
   * the candidate farthest from them.
   *
   * @param labels in order; repeated labels get one colour
   * @param preferred a preferred colour per label (absent or {@code null}: none)
   * @param taken colours already in the picture: elements, polyhedra
   * @return label → colour, in the order of {@code labels}
   */
  public static Map<String, Color> assign(List<String> labels, Map<String, Color> preferred, Collection<Color> taken) {
    Map<String, Color> out = new LinkedHashMap<>();
    for (String label : labels) {
      if (out.containsKey(label)) {
        continue;
      }
      List<Color> options = new ArrayList<>();
      Color p = preferred.get(label);
      if (p != null) {
        options.add(p);
      }
      options.addAll(CANDIDATES);
      Color best = null;
      double bestMargin = Double.NEGATIVE_INFINITY;
      for (Color c : options) {
        double margin = Math.min(nearest(c, taken) - MIN_ELEMENT_DELTA_E, nearest(c, out.values()) - MIN_HIGHLIGHT_DELTA_E);
        if (margin >= 0 && taken.stream().allMatch(t -> distinctFromElement(c, t))) {
          best = c;
          break;
        }
        if (margin > bestMargin) {
          bestMargin = margin;
          best = c;
        }
      }
      out.put(label, best);
    }
    return out;
  }

  /**
   * Whether a highlight colour is distinct from an element colour: far enough in ΔE*ab, and not of the
   * same hue at a similar lightness (see the type's description).
   */
  public static boolean distinctFromElement(Color highlight, Color element) {
    if (deltaE(highlight, element) < MIN_ELEMENT_DELTA_E) {
      return false;
    }
    double[] p = lab(highlight);
    double[] q = lab(element);
    if (Math.hypot(p[1], p[2]) < MIN_CHROMA || Math.hypot(q[1], q[2]) < MIN_CHROMA) {
      return true;
    }
    double dh = Math.abs(Math.toDegrees(Math.atan2(p[2], p[1]) - Math.atan2(q[2], q[1])));
    dh = Math.min(dh, 360 - dh);
    return dh >= MIN_HUE_DEG || Math.abs(p[0] - q[0]) >= MIN_SAME_HUE_LIGHTNESS;
  }

  /** The smallest ΔE*ab from c to any of the colours; +∞ for none. */
  public static double nearest(Color c, Collection<Color> colours) {
    double d = Double.POSITIVE_INFINITY;
    for (Color o : colours) {
      d = Math.min(d, deltaE(c, o));
    }
    return d;
  }

  /** The CIE 1976 colour difference ΔE*ab between two sRGB colours. */
  public static double deltaE(Color a, Color b) {
    double[] p = lab(a);
    double[] q = lab(b);
    return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
  }

  /** CIELAB (L*, a*, b*) of an sRGB colour, D65 white (IEC 61966-2-1 linearisation, CIE 15:2004). */
  static double[] lab(Color c) {
    double r = linear(c.getRed());
    double g = linear(c.getGreen());
    double b = linear(c.getBlue());
    double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double linear(int v) {
    double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    double d = 6.0 / 29;
    return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
  }
}
