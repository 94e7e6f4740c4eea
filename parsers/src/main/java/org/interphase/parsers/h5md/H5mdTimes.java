package org.interphase.parsers.h5md;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;

/**
 * The step and time of each stored sample of an H5MD time-dependent group ({@code position}): either
 * one value per sample ({@code step[F]}, {@code time[F]}) or, for a fixed interval (H5MD 1.1), a
 * scalar increment with an optional {@code offset} attribute: {@code step_i = offset + i·step},
 * {@code time_i = offset + i·time}. Times are converted to fs by their {@code unit} attribute. Only
 * these two columns are held (16 bytes per frame), never the positions.
 */
final class H5mdTimes {
  private final long[] steps;
  private final double[] timesFs;
  private final long stepOffset;
  private final long stepIncrement;
  private final double timeOffsetFs;
  private final double timeIncrementFs;
  /** where the times were read, as the user can check it; null without times */
  private final String source;

  private H5mdTimes(long[] steps, double[] timesFs, long stepOffset, long stepIncrement, double timeOffsetFs,
      double timeIncrementFs, String source) {
    this.steps = steps;
    this.timesFs = timesFs;
    this.stepOffset = stepOffset;
    this.stepIncrement = stepIncrement;
    this.timeOffsetFs = timeOffsetFs;
    this.timeIncrementFs = timeIncrementFs;
    this.source = source;
  }

  /**
   * Reads {@code step} and {@code time} of a time-dependent group with {@code frames} samples.
   *
   * @throws org.interphase.core.MalformedInputException naming the file and dataset when one is
   *     neither a scalar nor of length {@code frames}, or its time unit is unknown
   */
  static H5mdTimes of(String file, Group root, String group, int frames) {
    Dataset step = HdfValues.datasetOrNull(file, root, group + "/step");
    Dataset time = HdfValues.datasetOrNull(file, root, group + "/time");
    long[] steps = null;
    long stepOffset = 0;
    long stepIncrement = 1;
    if (step != null) {
      double[] v = values(file, step, frames);
      if (step.isScalar()) {
        stepIncrement = (long) v[0];
        stepOffset = offset(step);
      } else {
        steps = new long[frames];
        for (int i = 0; i < frames; i++) {
          steps[i] = (long) v[i];
        }
      }
    }
    double[] times = null;
    double timeOffset = 0;
    double timeIncrement = Double.NaN;
    String source = null;
    if (time != null) {
      double toFs = H5mdUnits.toFs(file, time);
      double[] v = values(file, time, frames);
      if (time.isScalar()) {
        timeIncrement = v[0] * toFs;
        double off = HdfValues.attributeNumber(time, "offset");
        timeOffset = Double.isNaN(off) ? 0 : off * toFs;
        source = "H5MD " + time.getPath() + " (fixed interval)";
      } else {
        times = new double[frames];
        for (int i = 0; i < frames; i++) {
          times[i] = v[i] * toFs;
        }
        source = "H5MD " + time.getPath();
      }
    }
    return new H5mdTimes(steps, times, stepOffset, stepIncrement, timeOffset, timeIncrement, source);
  }

  private static long offset(Dataset d) {
    double off = HdfValues.attributeNumber(d, "offset");
    return Double.isNaN(off) ? 0 : (long) off;
  }

  private static double[] values(String file, Dataset d, int frames) {
    int[] dims = d.getDimensions();
    if (!d.isScalar() && !(dims.length == 1 && dims[0] == frames)) {
      throw HdfValues.error(file, d.getPath(), "a scalar (fixed interval) or one value per frame, shape [" + frames + "]",
          "shape " + HdfValues.shape(d));
    }
    return HdfValues.numbers(file, d);
  }

  /** The step of sample {@code i}: the file's, else {@code i}. */
  long step(int i) {
    return steps != null ? steps[i] : stepOffset + i * stepIncrement;
  }

  /** The time of sample {@code i} in fs, NaN when the file has no times. */
  double timeFs(int i) {
    if (timesFs != null) {
      return timesFs[i];
    }
    return Double.isNaN(timeIncrementFs) ? Double.NaN : timeOffsetFs + i * timeIncrementFs;
  }

  /** The time between the first two samples in fs, NaN when unknown or not increasing. */
  double firstSpacingFs(int frames) {
    if (frames < 2 && Double.isNaN(timeIncrementFs)) {
      return Double.NaN;
    }
    double d = frames >= 2 ? timeFs(1) - timeFs(0) : timeIncrementFs;
    return d > 0 ? d : Double.NaN;
  }

  /**
   * The first sample whose time does not follow the first spacing (to 1e-6 relative, times written
   * in single precision being good to about that), -1 when all do.
   */
  int firstUneven(int frames) {
    double dt = firstSpacingFs(frames);
    if (timesFs == null || Double.isNaN(dt)) {
      return -1;
    }
    for (int i = 2; i < frames; i++) {
      double d = timesFs[i] - timesFs[i - 1];
      if (Math.abs(d - dt) > 1e-5 * Math.max(dt, Math.abs(timesFs[i]))) {
        return i;
      }
    }
    return -1;
  }

  /** Where the times come from, null when the file has none. */
  String source() {
    return source;
  }
}
