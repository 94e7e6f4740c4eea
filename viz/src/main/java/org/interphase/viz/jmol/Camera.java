package org.interphase.viz.jmol;

import java.util.List;
import org.interphase.core.Cell;

/**
 * The orientation of a picture: three orthonormal Cartesian directions with {@code right × up =
 * toViewer}. A point r appears at (right·r, up·r) on the picture (orthographic projection, Å),
 * nearer the viewer the larger toViewer·r.
 *
 * @param toViewer unit vector from the structure toward the viewer (the picture looks down −toViewer)
 * @param up unit vector that points up in the picture
 * @param right unit vector that points to the right in the picture
 */
public record Camera(double[] toViewer, double[] up, double[] right) {

  /** Turn (about the upright axis) and tilt (looking down) of the default oblique views, degrees. */
  private static final double SLAB_TURN_DEG = 18;
  private static final double SLAB_TILT_DEG = 8;
  private static final double BULK_TURN_DEG = 22;
  private static final double BULK_TILT_DEG = 14;
  /** A cell is a slab model when one perpendicular width is at least this many times each other one. */
  static final double SLAB_ASPECT = 1.4;

  public Camera {
    toViewer = toViewer.clone();
    up = up.clone();
    right = right.clone();
  }

  @Override
  public double[] toViewer() {
    return toViewer.clone();
  }

  @Override
  public double[] up() {
    return up.clone();
  }

  @Override
  public double[] right() {
    return right.clone();
  }

  /** Horizontal picture coordinate of a point (Å). */
  public double x(double[] p) {
    return dot(right, p);
  }

  /** Vertical picture coordinate of a point (Å, up positive). */
  public double y(double[] p) {
    return dot(up, p);
  }

  /**
   * The camera for a scene.
   *
   * <ul>
   *   <li>{@link View.Along}: looks down u·a + v·b + w·c; upright is c (or b, or a: the first that
   *       is not within 25° of the view), made perpendicular to the view;
   *   <li>{@link View.Auto}: upright is the interface normal of a slab model (the normal of the two
   *       short lattice vectors when one perpendicular width is at least 1.4 times each other one)
   *       or else the normal of a and b; the view is turned 18° about it and tilted 8° down (slab), or
   *       22° and 14° (bulk), so that depth shows; with a migration path (at least two points) the
   *       view is then made perpendicular to the path's overall direction (first to last point), so
   *       the hop is seen side-on.
   * </ul>
   *
   * @param cell the lattice; {@code null} for a structure without a cell (then x, y, z serve as a, b, c)
   * @param path points of a migration path (Å), may be empty
   */
  public static Camera of(View view, Cell cell, List<double[]> path) {
    double[][] lattice = cell == null ? new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} : cell.toMatrix();
    if (view instanceof View.Along along) {
      double[] uvw = along.uvw();
      double[] t = unit(combine(lattice, uvw));
      for (int k : new int[] {2, 1, 0}) {
        double[] ref = unit(lattice[k]);
        if (Math.abs(dot(ref, t)) < Math.cos(Math.toRadians(25))) {
          return fromViewAndUp(t, ref);
        }
      }
      return fromViewAndUp(t, unit(lattice[0]));
    }
    int normalAxis = slabAxis(cell);
    boolean slab = normalAxis >= 0;
    int axis = slab ? normalAxis : 2;
    double[] u = unit(cross(lattice[(axis + 1) % 3], lattice[(axis + 2) % 3]));
    if (dot(u, lattice[axis]) < 0) {
      u = scale(u, -1);
    }
    double[] h = unit(reject(lattice[axis == 0 ? 1 : 0], u));
    double[] f = cross(u, h);
    double turn = Math.toRadians(slab ? SLAB_TURN_DEG : BULK_TURN_DEG);
    double tilt = Math.toRadians(slab ? SLAB_TILT_DEG : BULK_TILT_DEG);
    double[] look = new double[3];
    for (int k = 0; k < 3; k++) {
      look[k] = Math.cos(tilt) * (Math.cos(turn) * f[k] + Math.sin(turn) * h[k]) - Math.sin(tilt) * u[k];
    }
    double[] t = scale(look, -1);
    if (path.size() >= 2) {
      double[] d = sub(path.get(path.size() - 1), path.get(0));
      if (norm(d) > 1e-6) {
        double[] p = unit(d);
        double[] side = reject(t, p);
        t = norm(side) > 1e-6 ? unit(side) : unit(cross(u, p));
      }
    }
    return fromViewAndUp(t, u);
  }

  /**
   * The index (0 = a, 1 = b, 2 = c) of the long axis of a slab model: its perpendicular width is at
   * least {@value #SLAB_ASPECT} times each other one; −1 for a bulk-like cell or no cell.
   */
  public static int slabAxis(Cell cell) {
    if (cell == null) {
      return -1;
    }
    double[] w = cell.perpendicularWidthsA();
    for (int k = 0; k < 3; k++) {
      if (w[k] >= SLAB_ASPECT * w[(k + 1) % 3] && w[k] >= SLAB_ASPECT * w[(k + 2) % 3]) {
        return k;
      }
    }
    return -1;
  }

  /** A camera looking down −t with {@code upHint} made perpendicular to t as its up (another axis when they are parallel). */
  static Camera fromViewAndUp(double[] t, double[] upHint) {
    double[] up = reject(upHint, t);
    if (norm(up) < 1e-6) {
      up = reject(Math.abs(t[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0}, t);
    }
    up = unit(up);
    return new Camera(t, up, cross(up, t));
  }

  /**
   * The rotation of this camera as an axis and angle (degrees), for Jmol's {@code moveto}: the
   * rotation that takes {@code right, up, toViewer} to x, y, z. From its unit quaternion (Shepperd's
   * method, stable for every angle).
   *
   * @return {ax, ay, az, degrees}
   */
  double[] axisAngle() {
    double[][] r = {right, up, toViewer};
    double trace = r[0][0] + r[1][1] + r[2][2];
    double w;
    double x;
    double y;
    double z;
    if (trace > 0) {
      double s = 2 * Math.sqrt(1 + trace);
      w = s / 4;
      x = (r[2][1] - r[1][2]) / s;
      y = (r[0][2] - r[2][0]) / s;
      z = (r[1][0] - r[0][1]) / s;
    } else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
      double s = 2 * Math.sqrt(1 + r[0][0] - r[1][1] - r[2][2]);
      w = (r[2][1] - r[1][2]) / s;
      x = s / 4;
      y = (r[0][1] + r[1][0]) / s;
      z = (r[0][2] + r[2][0]) / s;
    } else if (r[1][1] > r[2][2]) {
      double s = 2 * Math.sqrt(1 + r[1][1] - r[0][0] - r[2][2]);
      w = (r[0][2] - r[2][0]) / s;
      x = (r[0][1] + r[1][0]) / s;
      y = s / 4;
      z = (r[1][2] + r[2][1]) / s;
    } else {
      double s = 2 * Math.sqrt(1 + r[2][2] - r[0][0] - r[1][1]);
      w = (r[1][0] - r[0][1]) / s;
      x = (r[0][2] + r[2][0]) / s;
      y = (r[1][2] + r[2][1]) / s;
      z = s / 4;
    }
    double n = Math.sqrt(x * x + y * y + z * z);
    if (n < 1e-12) {
      return new double[] {0, 0, 1, 0};
    }
    return new double[] {x / n, y / n, z / n, Math.toDegrees(2 * Math.atan2(n, w))};
  }

  static double[] combine(double[][] lattice, double[] uvw) {
    double[] out = new double[3];
    for (int v = 0; v < 3; v++) {
      for (int k = 0; k < 3; k++) {
        out[k] += uvw[v] * lattice[v][k];
      }
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  static double[] unit(double[] a) {
    return scale(a, 1 / norm(a));
  }

  static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  /** The part of a perpendicular to the unit vector n. */
  static double[] reject(double[] a, double[] n) {
    double d = dot(a, n);
    return new double[] {a[0] - d * n[0], a[1] - d * n[1], a[2] - d * n[2]};
  }
}
