package org.interphase.analysis.neb;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.interphase.core.Cell;
import org.interphase.core.Accumulator;
import org.interphase.core.Analysis;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;

/**
 * The VTST analysis of a band (nebbarrier.pl / nebspline.pl), with ASE's conventions where VTST
 * has none.
 *
 * <ul>
 *   <li>Energies relative to image 0. Reaction coordinate: cumulative norm of the minimum-image
 *       displacement of all atoms between consecutive images.
 *   <li>Tangential force: the program's value where given (VTST), else the true force projected on
 *       the unit tangent (R_{i+1} − R_{i−1} inside, one-sided at the ends, as ASE does); at the end
 *       images always the true force on the end tangent (VTST's nebforces.pl). Without forces the
 *       slopes come from a natural cubic spline through the energies, and the result says so.
 *   <li>Per interval the cubic Hermite E(f) = a + b f + c f² + d f³ with a = E_i, b = −F_i ΔR, c =
 *       3(E_{i+1} − E_i) + 2F_iΔR + F_{i+1}ΔR, d = −2(E_{i+1} − E_i) − F_iΔR − F_{i+1}ΔR; extrema are
 *       roots of E'(f) kept only for 0 ≤ f ≤ 1.
 *   <li>Forward barrier = max(profile) − E_0, backward = max − E_N, reaction energy E_N − E_0.
 * </ul>
 */
public final class NebAnalysis implements Analysis<NebResult> {
  private final String name;
  private final double[] tangentForcesEvPerA;
  private final int climbingImage;
  private final List<String> notes;

  /**
   * The analysis of one band fed its images in path order.
   *
   * @param name label of the path
   * @param tangentForcesEvPerA the program's tangential force per image, NaN where unknown; null when none
   * @param climbingImage index of the climbing image, or −1
   * @param notes what the reader of the band found worth telling
   */
  public NebAnalysis(String name, double[] tangentForcesEvPerA, int climbingImage, List<String> notes) {
    this.name = name;
    this.tangentForcesEvPerA = tangentForcesEvPerA == null ? null : tangentForcesEvPerA.clone();
    this.climbingImage = climbingImage;
    this.notes = List.copyOf(notes);
  }

  /**
   * Collects the images (a band has a few; the spline needs them all at once, so they are kept) and
   * analyses them at the end.
   */
  @Override
  public Accumulator<NebResult> start(TrajectoryHeader header) {
    List<Frame> images = new ArrayList<>();
    return new Accumulator<>() {
      @Override
      public void accept(Frame f) {
        images.add(f);
      }

      @Override
      public NebResult finish() {
        return analyse(new NebImages(name, header.atoms(), images, tangentForcesEvPerA, climbingImage, notes));
      }
    };
  }

  /**
   * Analyses a band whose images are in memory.
   *
   * @throws IllegalArgumentException when an image has no energy
   */
  public static NebResult analyse(NebImages band) {
    List<Frame> im = band.images();
    int n = im.size();
    List<String> notes = new ArrayList<>(band.notes());
    double[] e = relativeEnergies(band);
    // minimum-image displacements between consecutive images
    double[][] disp = new double[n - 1][];
    double[] r = new double[n];
    for (int i = 1; i < n; i++) {
      disp[i - 1] = displacement(im.get(i - 1), im.get(i));
      r[i] = r[i - 1] + norm(disp[i - 1]);
    }
    double[] tf = new double[n];
    boolean forceAware = tangentForces(band, disp, r, e, tf, notes);
    // the Hermite spline per interval
    List<Double> sx = new ArrayList<>();
    List<Double> sy = new ArrayList<>();
    List<NebResult.Extremum> ext = new ArrayList<>();
    double max = Double.NEGATIVE_INFINITY;
    double saddle = 0;
    for (int i = 0; i < n; i++) {
      if (e[i] > max) {
        max = e[i];
        saddle = r[i];
      }
    }
    for (int i = 0; i < n - 1; i++) {
      double dr = r[i + 1] - r[i];
      double f1 = tf[i] * dr;
      double f2 = tf[i + 1] * dr;
      double a = e[i];
      double b = -f1;
      double c = 3 * (e[i + 1] - e[i]) + 2 * f1 + f2;
      double d = -2 * (e[i + 1] - e[i]) - f1 - f2;
      for (int k = 0; k < 20; k++) {
        double f = k / 20.0;
        sx.add(r[i] + f * dr);
        sy.add(a + b * f + c * f * f + d * f * f * f);
      }
      // both roots of one interval in the order of the path, as VTST's exts.dat lists them
      for (double f : java.util.stream.DoubleStream.of(roots(3 * d, 2 * c, b)).sorted().toArray()) {
        if (f >= 0 && f <= 1) {
          double ev = a + b * f + c * f * f + d * f * f * f;
          ext.add(new NebResult.Extremum(i + f, r[i] + f * dr, ev));
          if (ev > max) {
            max = ev;
            saddle = r[i] + f * dr;
          }
        }
      }
    }
    sx.add(r[n - 1]);
    sy.add(e[n - 1]);
    int mig = migratingAtom(im);
    double[][] path = migratingPath(im, mig);
    int climbing = band.climbingImage();
    return new NebResult(band.name(), n, r, e, forceAware ? tf : nanArray(n), sx.stream().mapToDouble(Double::doubleValue).toArray(),
        sy.stream().mapToDouble(Double::doubleValue).toArray(), ext, max - e[0], max - e[n - 1], e[n - 1], saddle, climbing, mig,
        band.atoms().element(mig), path, forceAware, notes);
  }

  /** The images' energies relative to the first, eV. */
  private static double[] relativeEnergies(NebImages band) {
    List<Frame> im = band.images();
    double e0 = im.get(0).energies().potentialEv();
    double[] e = new double[im.size()];
    for (int i = 0; i < e.length; i++) {
      double v = im.get(i).energies().potentialEv();
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException(band.name() + ": image " + i + " has no energy");
      }
      e[i] = v - e0;
    }
    return e;
  }

  /**
   * Fills {@code tf} with the force along the path at each image (eV/Å): the program's tangential
   * force where given, else the true force projected on the tangent; without forces on every image,
   * minus the slope of a natural cubic spline through the energies (said in {@code notes}).
   *
   * @return whether the slopes come from forces
   */
  private static boolean tangentForces(NebImages band, double[][] disp, double[] r, double[] e, double[] tf, List<String> notes) {
    List<Frame> im = band.images();
    int n = im.size();
    boolean forceAware = true;
    for (int i = 0; i < n; i++) {
      boolean end = i == 0 || i == n - 1;
      double given = band.tangentForcesEvPerA() == null ? Double.NaN : band.tangentForcesEvPerA()[i];
      if (!end && !Double.isNaN(given)) {
        tf[i] = given;
      } else if (im.get(i).hasForces()) {
        double[] tau = i == 0 ? disp[0] : i == n - 1 ? disp[n - 2] : add(disp[i - 1], disp[i]);
        tf[i] = dot(im.get(i).forces(), tau) / norm(tau);
      } else {
        forceAware = false;
      }
    }
    if (!forceAware) {
      long missing = im.stream().filter(fr -> !fr.hasForces()).count();
      notes.add("forces are missing for " + (missing == n ? "every image" : missing + " of " + n + " images") + ": the spline uses energies only "
          + "(slopes from a natural cubic spline), not the VTST force-based one");
      PolynomialSplineFunction s = new SplineInterpolator().interpolate(r, e);
      for (int i = 0; i < n; i++) {
        tf[i] = -s.derivative().value(Math.min(r[n - 1], Math.max(r[0], r[i])));
      }
    }
    return forceAware;
  }

  /** Real roots of p x² + q x + s (linear when p = 0). */
  static double[] roots(double p, double q, double s) {
    if (Math.abs(p) < 1e-14) {
      return Math.abs(q) < 1e-14 ? new double[0] : new double[] {-s / q};
    }
    double disc = q * q - 4 * p * s;
    if (disc < 0) {
      return new double[0];
    }
    double sq = Math.sqrt(disc);
    return new double[] {(-q + sq) / (2 * p), (-q - sq) / (2 * p)};
  }

  /** Minimum-image displacement of every atom from image a to image b, flat, Å. */
  static double[] displacement(Frame a, Frame b) {
    Cell cell = b.cell();
    int n = a.atomCount();
    double[] d = new double[3 * n];
    double[] out = new double[3];
    for (int i = 0; i < n; i++) {
      cell.minimumImage(b.position(i, 0) - a.position(i, 0), b.position(i, 1) - a.position(i, 1), b.position(i, 2) - a.position(i, 2),
          out);
      d[3 * i] = out[0];
      d[3 * i + 1] = out[1];
      d[3 * i + 2] = out[2];
    }
    return d;
  }

  private static int migratingAtom(List<Frame> im) {
    double[] d = displacement(im.get(0), im.get(im.size() - 1));
    int best = 0;
    double bestLen = -1;
    for (int i = 0; i < d.length / 3; i++) {
      double l = d[3 * i] * d[3 * i] + d[3 * i + 1] * d[3 * i + 1] + d[3 * i + 2] * d[3 * i + 2];
      if (l > bestLen) {
        bestLen = l;
        best = i;
      }
    }
    return best;
  }

  private static double[][] migratingPath(List<Frame> im, int atom) {
    double[][] p = new double[im.size()][];
    p[0] = new double[] {im.get(0).position(atom, 0), im.get(0).position(atom, 1), im.get(0).position(atom, 2)};
    for (int i = 1; i < im.size(); i++) {
      double[] step = new double[3];
      Frame a = im.get(i - 1);
      Frame b = im.get(i);
      b.cell().minimumImage(b.position(atom, 0) - a.position(atom, 0), b.position(atom, 1) - a.position(atom, 1),
          b.position(atom, 2) - a.position(atom, 2), step);
      p[i] = new double[] {p[i - 1][0] + step[0], p[i - 1][1] + step[1], p[i - 1][2] + step[2]};
    }
    return p;
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] add(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }
}
