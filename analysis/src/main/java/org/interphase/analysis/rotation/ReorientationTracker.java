package org.interphase.analysis.rotation;

import java.util.ArrayList;
import java.util.List;

/**
 * The reorientations of one unit, frame by frame, with two thresholds and a dwell. At rest, the angle θ between the orientation
 * and the current reference orientation is watched: when θ exceeds the upper threshold for {@code minFrames} consecutive frames,
 * an event is dated at the first of them. The event stays open until the unit settles: {@code minFrames} consecutive frames
 * within the settle angle of the first of them; the mean orientation of those frames becomes the new reference. The event's
 * angle is the one between the mean orientations of the rest periods before and after it, over their frames within the settle
 * angle of the reference (the settle frames open the period after; a mean is the sign-aligned sum of the quaternions,
 * normalised). A run ending while an event is open closes it with
 * the frames seen.
 *
 * <p>Libration: the spread of the orientations about the mean orientation of their rest period (frames with no event open or
 * pending), so a unit that settles a few tens of degrees from its first orientation without a reorientation does not count that
 * offset. With M = Σ q qᵀ over the n frames of a period and λ its largest eigenvalue (its eigenvector is the mean orientation:
 * Markley, Cheng, Crassidis &amp; Oshman, J. Guid. Control Dyn. 30, 1193 (2007)), Σ sin²(θᵢ/2) = n − λ for the angles θᵢ from
 * that mean, and over all periods
 * <pre>{@code
 * libration = 2 arcsin √( Σ_periods (n − λ) / Σ_periods n )     (= the RMS of θ to within 1 % up to 30°)
 * }</pre>
 */
final class ReorientationTracker {
  /** One reorientation: the frame it started (0-based) and the angle between the mean orientations before and after, radians. */
  record Event(int frame, double angleRad) {}

  private final double[] restSum = new double[4];
  private double[] previousMean;
  private boolean awaiting;

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
  private final double[] moment = new double[16];
  private int momentFrames;
  private double sumSin2;
  private long libFrames;

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
        endRest();
      }
      return;
    }
    above = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        moment[4 * a + b] += q[a] * q[b];
      }
    }
    momentFrames++;
    if (theta <= settleRad) { // the start of a turn (between settle and upper) stays out of the mean
      Quaternions.addAligned(restSum, q, reference);
    }
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
    events.add(new Event(startFrame, Quaternions.angleBetween(previousMean, next)));
    awaiting = true;
    reference = next;
    System.arraycopy(sum, 0, restSum, 0, 4);
    open = false;
    above = 0;
  }

  /** A rest period ends (an event opens): its mean is the orientation after the last event and before the next one. */
  private void endRest() {
    flushLibration();
    double[] mean = Quaternions.normalise(restSum.clone());
    settleLast(mean);
    previousMean = mean;
    java.util.Arrays.fill(restSum, 0);
  }

  /** The last event's angle, from the mean before it to the mean of the rest period after it. */
  private void settleLast(double[] after) {
    if (awaiting) {
      int last = events.size() - 1;
      events.set(last, new Event(events.get(last).frame(), Quaternions.angleBetween(previousMean, after)));
      awaiting = false;
    }
  }

  /** The events, after closing one left open at the end of the run. */
  List<Event> finish() {
    if (open && calm > 0) {
      close();
    } else if (above > 0) {
      above = 0; // a last excursion shorter than the dwell is no event
    }
    if (!open) {
      settleLast(Quaternions.normalise(restSum.clone()));
      flushLibration();
    }
    return List.copyOf(events);
  }

  /** The rest period's spread about its mean orientation goes into the libration. */
  private void flushLibration() {
    if (momentFrames > 0) {
      double[][] m = new double[4][4];
      for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
          m[a][b] = moment[4 * a + b];
        }
      }
      double[] values = new org.apache.commons.math3.linear.EigenDecomposition(
          org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(m)).getRealEigenvalues();
      double largest = java.util.Arrays.stream(values).max().orElse(momentFrames);
      sumSin2 += Math.max(0, momentFrames - largest);
      libFrames += momentFrames;
      java.util.Arrays.fill(moment, 0);
      momentFrames = 0;
    }
  }

  /** Libration: the spread of the orientations about the mean of their rest period (see the class comment), radians (NaN with none). */
  double librationRad() {
    return libFrames == 0 ? Double.NaN : 2 * Math.asin(Math.min(1, Math.sqrt(sumSin2 / libFrames)));
  }
}
