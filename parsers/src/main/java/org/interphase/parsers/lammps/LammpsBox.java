package org.interphase.parsers.lammps;

import org.interphase.core.Cell;

/**
 * A LAMMPS simulation box: the cell (rows a, b, c in Å) and the origin (xlo, ylo, zlo) in Å.
 *
 * <p>An orthogonal dump ({@code ITEM: BOX BOUNDS pp pp pp}) gives {@code lo hi} per axis. A triclinic
 * one ({@code ITEM: BOX BOUNDS xy xz yz pp pp pp}) gives the bounding box of the tilted cell and the
 * tilts, {@code xlo_bound xhi_bound xy / ylo_bound yhi_bound xz / zlo_bound zhi_bound yz}; the cell
 * follows from the LAMMPS documentation, "Howto triclinic" (output of the box in dump files):
 *
 * <pre>{@code
 * xlo = xlo_bound − min(0, xy, xz, xy + xz)    xhi = xhi_bound − max(0, xy, xz, xy + xz)
 * ylo = ylo_bound − min(0, yz)                 yhi = yhi_bound − max(0, yz)
 * zlo = zlo_bound                              zhi = zhi_bound
 * a = (xhi − xlo, 0, 0)   b = (xy, yhi − ylo, 0)   c = (xz, yz, zhi − zlo)
 * }</pre>
 *
 * @param cell the periodic cell, rows a, b, c in Å
 * @param originA the box's lower corner (xlo, ylo, zlo) in Å, length 3; Cartesian = origin + fractional · cell
 */
public record LammpsBox(Cell cell, double[] originA) {

  public LammpsBox {
    originA = originA.clone();
  }

  @Override
  public double[] originA() {
    return originA.clone();
  }

  /** Whether the origin is (0, 0, 0). */
  public boolean atZero() {
    return originA[0] == 0 && originA[1] == 0 && originA[2] == 0;
  }

  /**
   * The box of a {@code BOX BOUNDS} item.
   *
   * @param bounds the three lines' first two numbers {@code [xlo_bound, xhi_bound, ylo_bound, yhi_bound, zlo_bound, zhi_bound]}
   *     (for an orthogonal box, {@code lo hi} per axis), Å
   * @param tilts {@code [xy, xz, yz]} in Å (the third number of each line, in that order), or {@code
   *     null} for an orthogonal box
   * @throws IllegalArgumentException when an edge length is not positive
   */
  public static LammpsBox of(double[] bounds, double[] tilts) {
    double xy = tilts == null ? 0 : tilts[0];
    double xz = tilts == null ? 0 : tilts[1];
    double yz = tilts == null ? 0 : tilts[2];
    double xlo = bounds[0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
    double xhi = bounds[1] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
    double ylo = bounds[2] - Math.min(0, yz);
    double yhi = bounds[3] - Math.max(0, yz);
    double zlo = bounds[4];
    double zhi = bounds[5];
    if (!(xhi > xlo && yhi > ylo && zhi > zlo)) {
      throw new IllegalArgumentException("box edges must be positive, got x " + xlo + ".." + xhi + ", y " + ylo + ".." + yhi
          + ", z " + zlo + ".." + zhi + " Å");
    }
    Cell cell = Cell.ofRows(new double[] {xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, zhi - zlo});
    return new LammpsBox(cell, new double[] {xlo, ylo, zlo});
  }
}
