package org.interphase.parsers.cp2k;

import java.util.Arrays;
import org.interphase.parsers.io.TwoPass;

/**
 * The step number and time of every record of a CP2K file, from a first pass that reads only what
 * it needs (the comment lines of an XYZ file, the first two columns of {@code .ener} and {@code
 * .cell}). The pass stops quietly at anything it cannot read: the reading pass reports it with its
 * line.
 *
 * @param steps step number per record, file order
 * @param timesFs time per record in fs, NaN where the record has none
 * @param lines line of each record (the count line of an XYZ frame, the row of a table)
 */
record StepScan(long[] steps, double[] timesFs, long[] lines) {

  /**
   * First pass over a CP2K table ({@code .ener}, {@code .cell}): step and time of every row, from its
   * first two columns; comment and blank lines skipped. Stops quietly at a row it cannot read: the
   * reading pass reports it with its line.
   */
  static StepScan ofTable(java.nio.file.Path path) {
    try (TwoPass once = TwoPass.of(path)) {
      return ofTable(once);
    }
  }

  /** {@link #ofTable(java.nio.file.Path)} as the first of two passes. */
  static StepScan ofTable(TwoPass passes) {
    Builder b = new Builder();
    try (org.interphase.parsers.io.LineReader r = passes.first()) {
      while (r.next()) {
        if (r.isBlank() || r.startsWithTrimmed("#")) {
          continue;
        }
        b.add(r.nextLong("the step number"), r.nextDouble("the time in fs"), r.lineNumber());
      }
    } catch (RuntimeException e) {
      // the reading pass says where and what
    }
    return b.build();
  }

  /** The records kept by the restart rule of {@link StepOrder}. */
  StepOrder order() {
    return StepOrder.of(steps);
  }

  /**
   * The time per MD step in fs from the records kept by {@code order}: (last time − first time) /
   * (last step − first step) over the kept records that carry a time, which keeps the error of
   * CP2K's 3-decimal XYZ times to 0.001 fs / (number of steps). NaN when fewer than two kept records
   * with different steps carry a time.
   */
  double timePerStepFs(StepOrder order) {
    int first = -1;
    int last = -1;
    for (int k = 0; k < steps.length; k++) {
      if (order.kept(k) && !Double.isNaN(timesFs[k])) {
        if (first < 0) {
          first = k;
        }
        last = k;
      }
    }
    if (first < 0 || steps[last] == steps[first]) {
      return Double.NaN;
    }
    return (timesFs[last] - timesFs[first]) / (steps[last] - steps[first]);
  }

  /**
   * The first kept record whose time is off the line time = t0 + (step − s0) × {@code perStepFs} by
   * more than {@code toleranceFs}; -1 when all agree (or no time step is known).
   */
  int firstTimeOffTheSteps(StepOrder order, double perStepFs, double toleranceFs) {
    if (Double.isNaN(perStepFs)) {
      return -1;
    }
    int first = -1;
    for (int k = 0; k < steps.length; k++) {
      if (!order.kept(k) || Double.isNaN(timesFs[k])) {
        continue;
      }
      if (first < 0) {
        first = k;
      } else if (Math.abs(timesFs[k] - timesFs[first] - (steps[k] - steps[first]) * perStepFs) > toleranceFs) {
        return k;
      }
    }
    return -1;
  }

  /** Whether some record carries a time and not all times are equal (REFTRAJ writes one time throughout). */
  boolean hasTimes() {
    double first = Double.NaN;
    for (double t : timesFs) {
      if (Double.isNaN(t)) {
        continue;
      }
      if (Double.isNaN(first)) {
        first = t;
      } else if (t != first) {
        return true;
      }
    }
    return false;
  }

  /** Collects records one by one. */
  static final class Builder {
    private long[] steps = new long[256];
    private double[] times = new double[256];
    private long[] lines = new long[256];
    private int n;

    void add(long step, double timeFs, long line) {
      if (n == steps.length) {
        steps = Arrays.copyOf(steps, 2 * n);
        times = Arrays.copyOf(times, 2 * n);
        lines = Arrays.copyOf(lines, 2 * n);
      }
      steps[n] = step;
      times[n] = timeFs;
      lines[n] = line;
      n++;
    }

    int size() {
      return n;
    }

    StepScan build() {
      return new StepScan(Arrays.copyOf(steps, n), Arrays.copyOf(times, n), Arrays.copyOf(lines, n));
    }
  }
}
