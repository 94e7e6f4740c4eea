package org.interphase.analysis.rotation;

import java.util.ArrayList;
import java.util.List;

/**
 * The reorientations of one unit, frame by frame, with two thresholds and a dwell. At rest, the angle θ between the orientation
 * and the current reference orientation is watched: when θ exceeds the upper threshold for {@code minFrames} consecutive frames,
 * an event is dated at the first of them. The event stays open until the unit settles: {@code minFrames} consecutive frames
 * within the settle angle of the first of them; the mean orientation of those frames becomes the new reference, and the event's
 * angle is the one between the old and the new reference. A run ending while an event is open closes it with the frames seen.
 * Libration: the RMS of θ over the frames at rest (no event open or pending).
 */
final class ReorientationTracker {
  /** One reorientation: the frame it started (0-based) and the angle between the old and new reference, radians. */
  record Event(int frame, double angleRad) {}

  private final double upperRad;
  private final double settleRad;
  private final int minFrames;
  private double[] reference;
  private final List<Event> events = new ArrayList<>();
  private int above;
  private int startFrame = -1;
  private boolean open;
  private double[] candidate;
  private final double[] sum = new double[4];
  private int calm;
  private double sumSq;
  private int restFrames;

  ReorientationTracker(RotationParameters p) {
    upperRad = Math.toRadians(p.upperDeg());
    settleRad = Math.toRadians(p.settleDeg());
    minFrames = p.minFrames();
  }

  /** The orientation (unit quaternion relative to the first frame) of the next frame, numbered from 0. */
  void accept(int frame, double[] q) {
    if (reference == null) {
      reference = q.clone();
    }
    if (open) {
      settle(q);
      return;
    }
    double theta = Quaternions.angleBetween(reference, q);
    if (theta > upperRad) {
      if (above++ == 0) {
        startFrame = frame;
      }
      if (above >= minFrames) {
        open = true;
        candidate = null;
      }
      return;
    }
    above = 0;
    sumSq += theta * theta;
    restFrames++;
  }

  private void settle(double[] q) {
    if (candidate == null || Quaternions.angleBetween(candidate, q) > settleRad) {
      candidate = q.clone();
      java.util.Arrays.fill(sum, 0);
      calm = 0;
    }
    Quaternions.addAligned(sum, q, candidate);
    if (++calm >= minFrames) {
      close();
    }
  }

  private void close() {
    double[] next = Quaternions.normalise(sum.clone());
    events.add(new Event(startFrame, Quaternions.angleBetween(reference, next)));
    reference = next;
    open = false;
    above = 0;
  }

  /** The events, after closing one left open at the end of the run. */
  List<Event> finish() {
    if (open && calm > 0) {
      close();
    } else if (above > 0) {
      above = 0; // a last excursion shorter than the dwell is no event
    }
    return List.copyOf(events);
  }

  /** RMS of the angle from the reference over the frames at rest, radians (NaN with none). */
  double librationRad() {
    return restFrames == 0 ? Double.NaN : Math.sqrt(sumSq / restFrames);
  }
}
