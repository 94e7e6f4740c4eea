package org.interphase.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * The widest slab free of atoms across each lattice direction of a frame: a slab model with vacuum has one several Å thick,
 * a bulk cell none wider than an interlayer spacing. Whole-cell densities (Nernst–Einstein σ, the ideal-gas normalisation of
 * g(r) and of the distinct van Hove part) then include the vacuum, which a reader of the numbers should know.
 *
 * <p>Along lattice vector {@code i}, the atoms' fractional coordinates (wrapped into [0, 1)) are sorted, and the largest gap
 * between neighbours, the wrap-around one included, is converted to Å with the perpendicular width of the cell across that
 * direction (the distance between the planes spanned by the other two vectors).
 *
 * @param gapsA widest atom-free slab across directions a, b and c, Å (length 3)
 * @param widthsA the cell's perpendicular widths across a, b and c, Å (length 3)
 */
public record VacuumGap(double[] gapsA, double[] widthsA) {
  /** A slab at least this thick without atoms is vacuum, Å: wider than any interlayer spacing of a dense solid. */
  public static final double MIN_VACUUM_A = 5.0;

  private static final String[] AXES = {"a", "b", "c"};

  public VacuumGap {
    gapsA = gapsA.clone();
    widthsA = widthsA.clone();
  }

  /**
   * The gaps of a frame.
   *
   * @param frame a frame with at least one atom and a cell
   * @throws IllegalArgumentException for a frame without atoms or cell
   */
  public static VacuumGap of(Frame frame) {
    Cell cell = frame.cell();
    int n = frame.atomCount();
    if (cell == null || n == 0) {
      throw new IllegalArgumentException("vacuum gaps need a cell and at least one atom");
    }
    double[][] frac = new double[3][n];
    double[] cart = new double[3];
    double[] f = new double[3];
    double[] pos = frame.positions();
    for (int a = 0; a < n; a++) {
      System.arraycopy(pos, 3 * a, cart, 0, 3);
      cell.toFractional(cart, f);
      for (int k = 0; k < 3; k++) {
        frac[k][a] = f[k] - Math.floor(f[k]);
      }
    }
    double[] widths = cell.perpendicularWidthsA();
    double[] gaps = new double[3];
    for (int k = 0; k < 3; k++) {
      double[] s = frac[k];
      Arrays.sort(s);
      double widest = s[0] + 1 - s[n - 1];
      for (int a = 1; a < n; a++) {
        widest = Math.max(widest, s[a] - s[a - 1]);
      }
      gaps[k] = widest * widths[k];
    }
    return new VacuumGap(gaps, widths);
  }

  @Override
  public double[] gapsA() {
    return gapsA.clone();
  }

  @Override
  public double[] widthsA() {
    return widthsA.clone();
  }

  /** The direction (0, 1, 2 for a, b, c) of the widest gap of at least {@link #MIN_VACUUM_A}, or -1 when there is none. */
  public int vacuumAxis() {
    int best = -1;
    for (int k = 0; k < 3; k++) {
      if (gapsA[k] >= MIN_VACUUM_A && (best < 0 || gapsA[k] > gapsA[best])) {
        best = k;
      }
    }
    return best;
  }

  /** Whether the cell holds vacuum ({@link #vacuumAxis} ≥ 0). */
  public boolean hasVacuum() {
    return vacuumAxis() >= 0;
  }

  /** The fraction of the cell's volume taken by the widest vacuum slab, 0 without vacuum. */
  public double vacuumFraction() {
    int k = vacuumAxis();
    return k < 0 ? 0 : gapsA[k] / widthsA[k];
  }

  /** "a vacuum slab 12.3 Å thick across c (41 % of the cell's volume)", or "" without vacuum. */
  public String describe() {
    int k = vacuumAxis();
    return k < 0 ? "" : String.format(Locale.ROOT, "a vacuum slab %.1f Å thick across %s (%.0f %% of the cell's volume)", gapsA[k],
        AXES[k], 100 * vacuumFraction());
  }
}
