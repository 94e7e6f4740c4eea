package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Cell;

/**
 * Which site each atom is in, frame by frame, with the two thresholds and the dwell of bond events (a Schmitt trigger
 * followed by a dwell filter, as {@code bonds.PairTracker}):
 *
 * <ul>
 *   <li>raw site: an atom in site s stays in s while it is within r_out of s; beyond r_out it is between sites until it comes
 *       within r_in of a site (the nearest such). Rattling that stays within r_out never leaves the site, even when the atom
 *       is nearer to another one;</li>
 *   <li>committed site: a new raw site (not the committed one, not "between sites") becomes the committed site once the atom
 *       has been in it for {@code minFrames} consecutive frames; the hop is dated at the first of them. A return to the old
 *       site within the dwell is no hop.</li>
 * </ul>
 *
 * <p>In the first frame an atom is in the nearest site within (r_in + r_out) / 2 at once, as a bond's first state.
 * Time in a site runs from the frame it was entered (the hop's date) to the next hop out, or to the last frame.
 */
final class SiteAssigner {
  private final Site[] sites;
  private final HopParameters p;
  private final int[] atomIndex;
  private final int[] committed;
  private final int[] raw;
  private final int[] runSite;
  private final int[] runStart;
  private final int[] runLength;
  private final int[] since;
  private final boolean[] entered;
  private final double[] siteFrames;
  private final List<HopEvent> hops = new ArrayList<>();
  private final List<double[]> residences = new ArrayList<>();
  private final double[] tmp = new double[3];
  private final double[] delta = new double[3];
  private final double dtPs;
  private Cell gridCell;
  private SiteGrid grid;
  private int frames;
  private final boolean[] everAssigned;
  private final double[][] siteFrac;

  /**
   * @param atomIndex the mobile atoms' indices in the trajectory (reported in the hops)
   * @param dtPs time between frames, ps
   */
  SiteAssigner(List<Site> sites, HopParameters p, int[] atomIndex, double dtPs) {
    this.sites = sites.toArray(new Site[0]);
    this.p = p;
    this.atomIndex = atomIndex.clone();
    int n = atomIndex.length;
    committed = filled(n);
    raw = filled(n);
    runSite = filled(n);
    runStart = new int[n];
    runLength = new int[n];
    since = new int[n];
    entered = new boolean[n];
    everAssigned = new boolean[n];
    siteFrames = new double[this.sites.length];
    siteFrac = new double[this.sites.length][];
    for (int s = 0; s < siteFrac.length; s++) {
      siteFrac[s] = this.sites[s].fractional();
    }
    this.dtPs = dtPs;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  /**
   * Takes the next frame.
   *
   * @param cell its cell
   * @param fractional wrapped fractional positions of the mobile atoms, {@code [f0a, f0b, f0c, …]}
   */
  void next(Cell cell, float[] fractional) {
    if (gridCell == null || !(gridCell == cell || gridCell.equals(cell))) {
      grid = new SiteGrid(sites, cell, Math.max(p.leaveA(), 0.5 * (p.enterA() + p.leaveA())));
      gridCell = cell;
    }
    int f = frames++;
    double first = 0.5 * (p.enterA() + p.leaveA());
    for (int i = 0; i < committed.length; i++) {
      double fa = fractional[3 * i];
      double fb = fractional[3 * i + 1];
      double fc = fractional[3 * i + 2];
      if (f == 0) {
        int s = grid.nearest(fa, fb, fc, first);
        committed[i] = s;
        raw[i] = s;
        if (s >= 0) {
          everAssigned[i] = true;
        }
        continue;
      }
      if (raw[i] >= 0 && distance(cell, raw[i], fa, fb, fc) > p.leaveA()) {
        raw[i] = -1;
      }
      if (raw[i] < 0) {
        raw[i] = grid.nearest(fa, fb, fc, p.enterA());
      }
      step(i, f, cell);
    }
  }

  private void step(int i, int f, Cell cell) {
    int r = raw[i];
    if (r < 0 || r == committed[i]) {
      runSite[i] = -1;
      runLength[i] = 0;
      return;
    }
    if (runSite[i] != r) {
      runSite[i] = r;
      runStart[i] = f;
      runLength[i] = 0;
    }
    if (++runLength[i] < p.minFrames()) {
      return;
    }
    int from = committed[i];
    int start = runStart[i];
    if (from >= 0) {
      hops.add(new HopEvent(start, start * dtPs, atomIndex[i], from, r, siteDistance(cell, from, r)));
      siteFrames[from] += start - since[i];
      if (entered[i]) {
        residences.add(new double[] {from, (start - since[i]) * dtPs});
      }
      entered[i] = true;
    }
    everAssigned[i] = true;
    committed[i] = r;
    since[i] = start;
    runSite[i] = -1;
    runLength[i] = 0;
  }

  /** Closes the open stays at the last frame. */
  void finish() {
    for (int i = 0; i < committed.length; i++) {
      if (committed[i] >= 0) {
        siteFrames[committed[i]] += (frames - 1) - since[i];
      }
    }
  }

  private double distance(Cell cell, int s, double fa, double fb, double fc) {
    double[] sf = siteFrac[s];
    delta[0] = fa - sf[0];
    delta[1] = fb - sf[1];
    delta[2] = fc - sf[2];
    cell.toCartesian(delta, tmp);
    return cell.minimumImage(tmp[0], tmp[1], tmp[2], tmp);
  }

  private double siteDistance(Cell cell, int a, int b) {
    double[] fa = siteFrac[a];
    return distance(cell, b, fa[0], fa[1], fa[2]);
  }

  List<HopEvent> hops() {
    return hops;
  }

  /** Completed stays: {site, duration ps}, from a hop in to the hop out. */
  List<double[]> residences() {
    return residences;
  }

  /** Per site the atom-frames (intervals between frames) spent in it. */
  double[] siteFrames() {
    return siteFrames.clone();
  }

  /** Mobile atoms never in any site. */
  int neverAssigned() {
    int k = 0;
    for (boolean b : everAssigned) {
      k += b ? 0 : 1;
    }
    return k;
  }

  int frames() {
    return frames;
  }
}
