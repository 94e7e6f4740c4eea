package org.interphase.analysis.rotation;

import java.util.ArrayList;
import java.util.List;
import org.interphase.analysis.hops.HopAnalysis;
import org.interphase.analysis.hops.HopEvent;
import org.interphase.analysis.hops.HopResult;
import org.interphase.core.Analysis;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;

/**
 * {@link RotationAnalysis} and {@link HopAnalysis} over the same frames in one pass, and the {@link HopCoupling} of their events:
 * a {@link RotationResult} with {@link RotationResult#hopCoupling()} set. Distances from each unit's centre in the first frame
 * to the hop's sites (which are in the first frame's cell).
 */
public final class RotationHopAnalysis implements Analysis<RotationResult> {
  private final RotationAnalysis rotation;
  private final HopAnalysis hops;
  private final double radiusA;
  private final int windowFrames;

  /**
   * @param radiusA a hop is near a unit when a site it leaves or enters is within this distance of the centre, Å (&gt; 0)
   * @param windowFrames and near in time when within this many frames of the event (≥ 0)
   */
  public RotationHopAnalysis(RotationAnalysis rotation, HopAnalysis hops, double radiusA, int windowFrames) {
    this.rotation = rotation;
    this.hops = hops;
    this.radiusA = radiusA;
    this.windowFrames = windowFrames;
  }

  /**
   * Starts both analyses.
   *
   * @throws IllegalArgumentException when either cannot run on the trajectory (missing elements)
   */
  @Override
  public org.interphase.core.Accumulator<RotationResult> start(TrajectoryHeader header) {
    var r = rotation.start(header);
    var h = hops.start(header);
    return new org.interphase.core.Accumulator<>() {
      private Frame first;

      @Override
      public void accept(Frame f) {
        if (first == null) {
          first = f;
        }
        r.accept(f);
        h.accept(f);
      }

      @Override
      public RotationResult finish() {
        return couple(r.finish(), h.finish(), first, radiusA, windowFrames);
      }
    };
  }

  /**
   * The rotation result with the {@link HopCoupling} of its events to the hops of the same run: distances from each unit's centre
   * in {@code first} to the hop's sites (which are in the first frame's cell).
   *
   * @param first the first frame of the run both results come from
   * @param radiusA a hop is near a unit when a site it leaves or enters is within this distance of the centre, Å (&gt; 0)
   * @param windowFrames and near in time when within this many frames of the event (≥ 0)
   */
  public static RotationResult couple(RotationResult rr, HopResult hr, Frame first, double radiusA, int windowFrames) {
    double[][] centres = new double[rr.units().size()][3];
    for (RotationResult.Unit u : rr.units()) {
      for (int d = 0; d < 3; d++) {
        centres[u.index()][d] = first.position(u.center(), d);
      }
    }
    double[][] sites = hr.positionsA();
    List<HopCoupling.Hop> list = new ArrayList<>();
    for (HopEvent e : hr.hops()) {
      list.add(new HopCoupling.Hop(e.frame(), sites[e.from()], sites[e.to()]));
    }
    return rr.withHopCoupling(HopCoupling.of(hr.parameters().species(), radiusA, windowFrames, rr.events(), centres, list,
        first.cell(), rr.frames()));
  }
}
