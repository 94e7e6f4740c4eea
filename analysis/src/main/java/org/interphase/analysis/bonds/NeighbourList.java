package org.interphase.analysis.bonds;

import java.util.Arrays;
import org.interphase.core.Cell;

/**
 * A Verlet list for one pair of atom sets followed over many frames: the candidate pairs within
 * {@code maxCutoffA + skinA} are found by {@link NeighbourSearch} and reused until an atom has
 * moved more than half the skin (or the cell changes), so each frame costs one minimum-image
 * distance per candidate instead of a cell-list search. Exact: a pair closer than the cutoff is
 * always among the candidates, since neither of its atoms has moved more than skin/2 since the
 * list was built (Allen &amp; Tildesley, Computer Simulation of Liquids, 2nd ed., §5.3.1).
 * Not thread-safe.
 */
final class NeighbourList {
  private static final double SKIN_A = 1.0;
  private final int[] centers;
  private final int[] ligands;
  private final int[] moving;
  private final double listCutoffA;
  private final boolean unordered;
  private int[] pairCenter = new int[64];
  private int[] pairLigand = new int[64];
  private int pairs;
  private double[] reference;
  private Cell referenceCell;
  private final double[] d = new double[3];

  /**
   * @param centers atom indices of the centres
   * @param ligands atom indices of the ligands
   * @param maxCutoffA the largest cutoff {@link #pairs} will be asked for, Å
   * @param unordered whether (c, l) and (l, c) are the same pair (centres and ligands of one element): each is then
   *     visited once, with c &lt; l
   */
  NeighbourList(int[] centers, int[] ligands, double maxCutoffA, boolean unordered) {
    this.centers = centers.clone();
    this.ligands = ligands.clone();
    this.moving = java.util.stream.IntStream.concat(Arrays.stream(centers), Arrays.stream(ligands)).distinct().toArray();
    this.listCutoffA = maxCutoffA + SKIN_A;
    this.unordered = unordered;
  }

  /**
   * Visits every (centre, ligand) pair closer than {@code cutoffA} (at most the maximum given
   * when made), as {@link NeighbourSearch#pairs} does, in another order (unordered pairs once).
   *
   * @param positions Cartesian Å, flat {@code [x0,y0,z0,…]} (not modified)
   */
  void pairs(Cell cell, double[] positions, double cutoffA, NeighbourSearch.PairSink sink) {
    if (cutoffA > listCutoffA - SKIN_A) {
      throw new IllegalArgumentException("cutoff " + cutoffA + " Å exceeds the list's " + (listCutoffA - SKIN_A) + " Å");
    }
    refresh(cell, positions);
    for (int k = 0; k < pairs; k++) {
      int c = pairCenter[k];
      int l = pairLigand[k];
      double r = cell.minimumImage(positions[3 * l] - positions[3 * c], positions[3 * l + 1] - positions[3 * c + 1],
          positions[3 * l + 2] - positions[3 * c + 2], d);
      if (r < cutoffA) {
        sink.accept(c, l, r);
      }
    }
  }

  /**
   * Makes the candidates fit the positions: rebuilds them when an atom has moved more than half the skin since they were
   * found, or the cell changed.
   *
   * @param positions Cartesian Å, flat (not modified)
   * @return whether the candidates were rebuilt (their indices then name other pairs)
   */
  boolean refresh(Cell cell, double[] positions) {
    if (stale(cell, positions)) {
      rebuild(cell, positions);
      return true;
    }
    return false;
  }

  /** Candidate pairs since the last {@link #refresh}. */
  int size() {
    return pairs;
  }

  /** The centre of candidate {@code k}. */
  int center(int k) {
    return pairCenter[k];
  }

  /** The ligand of candidate {@code k}. */
  int ligand(int k) {
    return pairLigand[k];
  }

  private boolean stale(Cell cell, double[] positions) {
    if (reference == null || !cell.equals(referenceCell)) {
      return true;
    }
    double limit = SKIN_A / 2;
    for (int a : moving) {
      double dx = positions[3 * a] - reference[3 * a];
      double dy = positions[3 * a + 1] - reference[3 * a + 1];
      double dz = positions[3 * a + 2] - reference[3 * a + 2];
      // most atoms have barely moved; only a large step (or a wrap into the cell) needs the minimum image
      if (dx * dx + dy * dy + dz * dz > limit * limit && cell.minimumImage(dx, dy, dz, d) > limit) {
        return true;
      }
    }
    return false;
  }

  private void rebuild(Cell cell, double[] positions) {
    pairs = 0;
    NeighbourSearch.pairs(cell, positions, centers, ligands, listCutoffA, (c, l, r) -> {
      if (unordered && l < c) {
        return;
      }
      if (pairs == pairCenter.length) {
        pairCenter = Arrays.copyOf(pairCenter, 2 * pairs);
        pairLigand = Arrays.copyOf(pairLigand, 2 * pairs);
      }
      pairCenter[pairs] = c;
      pairLigand[pairs] = l;
      pairs++;
    });
    reference = positions.clone();
    referenceCell = cell;
  }
}
