package org.interphase.analysis.rotation;

import java.util.List;
import org.interphase.core.Cell;

/**
 * Whether reorientations of units come with hops of a mobile species nearby (the paddle-wheel test: Jun et al., PNAS 2024).
 * A reorientation is <b>coupled</b> when at least one hop leaves or enters a site within {@code radiusA} of the unit's centre
 * (first-frame positions, minimum image) at a frame within {@code windowFrames} of the event's frame. Beside the count, the
 * number expected by chance if the hops near each unit were spread uniformly over the run:
 * <pre>{@code
 * chance = Σ_events [1 − (1 − (2W + 1) / F)^{n_u}]      (n_u: hops near the event's unit, W: window, F: frames)
 * }</pre>
 *
 * @param species the hopping element
 * @param radiusA the distance, Å
 * @param windowFrames the time window, ± frames
 * @param events reorientation events
 * @param coupledEvents events with a hop nearby in the window
 * @param chanceCoupled expected coupled events by chance
 * @param hops hops of the run
 * @param hopsNearUnits hops near any unit at any time
 */
public record HopCoupling(String species, double radiusA, int windowFrames, int events, int coupledEvents, double chanceCoupled,
    int hops, int hopsNearUnits) {

  /** Default distance of a hop's site from the unit's centre, Å: the first P–Li shell of Li thiophosphates (≈ 3.0–3.5 Å). */
  public static final double DEFAULT_RADIUS_A = 3.5;
  /** Default time window, ± frames. */
  public static final int DEFAULT_WINDOW_FRAMES = 5;

  /** One hop: its frame and the positions of the sites it leaves and enters, Å. */
  public record Hop(int frame, double[] fromA, double[] toA) {}

  /**
   * Counts the coupled events.
   *
   * @param events reorientations (frame, unit)
   * @param centresA per unit, the centre's position in the first frame, Å
   * @param hops the hops
   * @param cell the first frame's cell, for minimum-image distances
   * @param frames frames of the run
   * @throws IllegalArgumentException when the radius is not positive or the window negative
   */
  public static HopCoupling of(String species, double radiusA, int windowFrames, List<RotationResult.Event> events, double[][] centresA,
      List<Hop> hops, Cell cell, int frames) {
    if (!(radiusA > 0) || windowFrames < 0) {
      throw new IllegalArgumentException("hop coupling needs a distance > 0 Å and a window ≥ 0 frames, got " + radiusA + " Å, "
          + windowFrames);
    }
    boolean[][] near = new boolean[centresA.length][hops.size()];
    int[] nearCount = new int[centresA.length];
    boolean[] nearAny = new boolean[hops.size()];
    double[] v = new double[3];
    for (int u = 0; u < centresA.length; u++) {
      for (int h = 0; h < hops.size(); h++) {
        Hop hop = hops.get(h);
        near[u][h] = distance(cell, centresA[u], hop.fromA(), v) <= radiusA || distance(cell, centresA[u], hop.toA(), v) <= radiusA;
        nearCount[u] += near[u][h] ? 1 : 0;
        nearAny[h] |= near[u][h];
      }
    }
    int coupled = 0;
    double chance = 0;
    double p = Math.min(1, (2.0 * windowFrames + 1) / Math.max(1, frames));
    for (RotationResult.Event e : events) {
      boolean found = false;
      for (int h = 0; h < hops.size() && !found; h++) {
        found = near[e.unit()][h] && Math.abs(hops.get(h).frame() - e.frame()) <= windowFrames;
      }
      coupled += found ? 1 : 0;
      chance += 1 - Math.pow(1 - p, nearCount[e.unit()]);
    }
    int any = 0;
    for (boolean b : nearAny) {
      any += b ? 1 : 0;
    }
    return new HopCoupling(species, radiusA, windowFrames, events.size(), coupled, chance, hops.size(), any);
  }

  private static double distance(Cell cell, double[] a, double[] b, double[] v) {
    return cell.minimumImage(b[0] - a[0], b[1] - a[1], b[2] - a[2], v);
  }
}
