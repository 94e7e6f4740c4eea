package org.interphase.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Positions for a picture in which every bonded unit is whole: the atoms of each connected component
 * of a bond graph are placed next to each other across the periodic boundary, and each unit is then
 * moved by a lattice vector so that its geometric centre lies in the cell. Atoms without bonds are
 * wrapped into the cell. Pure geometry: which atoms are bonded is the caller's (e.g. the bond
 * analysis's) decision.
 *
 * <p>Method, for each component: a breadth-first walk from its lowest-indexed atom, which keeps its
 * stored position; every atom reached over a bond (i, j) is placed at {@code r_i + d}, d the
 * minimum-image displacement {@code r_j − r_i} ({@link Cell#minimumImage}, exact for triclinic
 * cells). The fractional centre {@code f = mean of the fractional coordinates} of the placed atoms is
 * then moved into [0, 1) by the lattice vector {@code −floor(f)}. Unbonded atoms get fractional
 * coordinates {@code f − floor(f)}. A unit bonded to its own periodic image (an infinite chain or
 * network through the cell) cannot be whole: the walk places it along a spanning tree and the bonds
 * that close such a loop are listed in {@link #openBonds()}.
 *
 * @param positionsA the drawn positions, Cartesian Å, flat {@code [x0, y0, z0, x1, …]} in the atoms' order
 * @param unitOf for each atom the index of its unit (0, 1, … in the order of each unit's lowest atom),
 *     −1 for an atom without bonds
 * @param units the number of units (components with at least one bond)
 * @param openBonds bonds {i, j} whose drawn length differs from their minimum-image length by more
 *     than 1e-6 Å: they close a loop through the periodic boundary; empty for ordinary units
 */
public record WholeUnits(double[] positionsA, int[] unitOf, int units, List<int[]> openBonds) {

  public WholeUnits {
    positionsA = positionsA.clone();
    unitOf = unitOf.clone();
    openBonds = List.copyOf(openBonds);
  }

  @Override
  public double[] positionsA() {
    return positionsA.clone();
  }

  @Override
  public int[] unitOf() {
    return unitOf.clone();
  }

  /**
   * Makes the units of a bond graph whole and puts their centres in the cell.
   *
   * @param cell the periodic cell
   * @param positionsA Cartesian Å, flat, length 3·N (not modified)
   * @param bonds pairs of atom indices {i, j}, 0-based, either order; duplicates allowed
   * @throws IllegalArgumentException for an index outside 0…N−1 or a bond of an atom with itself
   */
  public static WholeUnits of(Cell cell, double[] positionsA, List<int[]> bonds) {
    int n = positionsA.length / 3;
    int[][] adjacency = adjacency(n, bonds);
    double[] out = positionsA.clone();
    int[] unitOf = new int[n];
    Arrays.fill(unitOf, -1);
    boolean[] placed = new boolean[n];
    double[] d = new double[3];
    double[] f = new double[3];
    int units = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    List<Integer> members = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (placed[root]) {
        continue;
      }
      placed[root] = true;
      if (adjacency[root].length == 0) {
        wrap(cell, out, root, f);
        continue;
      }
      members.clear();
      queue.add(root);
      while (!queue.isEmpty()) {
        int i = queue.removeFirst();
        members.add(i);
        unitOf[i] = units;
        for (int j : adjacency[i]) {
          if (!placed[j]) {
            placed[j] = true;
            cell.minimumImage(positionsA[3 * j] - positionsA[3 * i], positionsA[3 * j + 1] - positionsA[3 * i + 1],
                positionsA[3 * j + 2] - positionsA[3 * i + 2], d);
            for (int k = 0; k < 3; k++) {
              out[3 * j + k] = out[3 * i + k] + d[k];
            }
            queue.addLast(j);
          }
        }
      }
      centre(cell, out, members, f);
      units++;
    }
    return new WholeUnits(out, unitOf, units, openBonds(cell, positionsA, out, bonds));
  }

  /** Neighbours of each atom, from the bond list. */
  private static int[][] adjacency(int n, List<int[]> bonds) {
    int[] degree = new int[n];
    for (int[] b : bonds) {
      if (b.length != 2 || b[0] < 0 || b[1] < 0 || b[0] >= n || b[1] >= n || b[0] == b[1]) {
        throw new IllegalArgumentException("a bond joins two different atoms of 0–" + (n - 1) + ", got " + Arrays.toString(b));
      }
      degree[b[0]]++;
      degree[b[1]]++;
    }
    int[][] adj = new int[n][];
    for (int i = 0; i < n; i++) {
      adj[i] = new int[degree[i]];
    }
    int[] fill = new int[n];
    for (int[] b : bonds) {
      adj[b[0]][fill[b[0]]++] = b[1];
      adj[b[1]][fill[b[1]]++] = b[0];
    }
    return adj;
  }

  /** Moves atom i into the cell: fractional f − floor(f). */
  private static void wrap(Cell cell, double[] xyz, int i, double[] f) {
    double[] p = {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
    cell.toFractional(p, f);
    double[] shift = {-Math.floor(f[0]), -Math.floor(f[1]), -Math.floor(f[2])};
    translate(cell, xyz, List.of(i), shift);
  }

  /** Moves a whole unit by the lattice vector that brings its fractional geometric centre into [0, 1). */
  private static void centre(Cell cell, double[] xyz, List<Integer> members, double[] f) {
    double[] c = new double[3];
    for (int i : members) {
      for (int k = 0; k < 3; k++) {
        c[k] += xyz[3 * i + k] / members.size();
      }
    }
    cell.toFractional(c, f);
    translate(cell, xyz, members, new double[] {-Math.floor(f[0]), -Math.floor(f[1]), -Math.floor(f[2])});
  }

  /** Adds the lattice vector n_a·a + n_b·b + n_c·c (whole numbers as doubles) to the given atoms. */
  private static void translate(Cell cell, double[] xyz, List<Integer> atoms, double[] n) {
    if (n[0] == 0 && n[1] == 0 && n[2] == 0) {
      return;
    }
    double[] t = cell.toCartesian(n, new double[3]);
    for (int i : atoms) {
      for (int k = 0; k < 3; k++) {
        xyz[3 * i + k] += t[k];
      }
    }
  }

  /** Bonds whose drawn length is not their minimum-image length. */
  private static List<int[]> openBonds(Cell cell, double[] stored, double[] drawn, List<int[]> bonds) {
    List<int[]> open = new ArrayList<>();
    double[] d = new double[3];
    for (int[] b : bonds) {
      int i = b[0];
      int j = b[1];
      double shortest = cell.minimumImage(stored[3 * j] - stored[3 * i], stored[3 * j + 1] - stored[3 * i + 1],
          stored[3 * j + 2] - stored[3 * i + 2], d);
      double dx = drawn[3 * j] - drawn[3 * i];
      double dy = drawn[3 * j + 1] - drawn[3 * i + 1];
      double dz = drawn[3 * j + 2] - drawn[3 * i + 2];
      if (Math.abs(Math.sqrt(dx * dx + dy * dy + dz * dz) - shortest) > 1e-6) {
        open.add(new int[] {i, j});
      }
    }
    return open;
  }
}
