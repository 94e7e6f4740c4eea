package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import org.interphase.core.MalformedInputException;

/**
 * The step order of one CP2K file read on its own ({@code info} on a {@code .ener}, {@code .cell},
 * {@code -frc-} or {@code -vel-} file): how many records it holds, how many remain when each step
 * keeps its latest record ({@link StepOrder}), the time between kept records, and the warning to
 * show when steps repeat or go back. Read from a first pass over the step numbers only.
 */
public final class Cp2kSteps {
  /** The layout of the file. */
  public enum Kind {
    /** {@code .ener}: step and time in the first two columns */
    ENER,
    /** {@code .cell}: step and time in the first two columns */
    CELL,
    /** {@code -frc-} XYZ: step and time in the comment lines */
    FORCES,
    /** {@code -vel-} XYZ: step and time in the comment lines */
    VELOCITIES
  }

  private final StepOrder order;
  private final StepScan scan;
  private final String warning;

  private Cp2kSteps(StepScan scan, StepOrder order, String warning) {
    this.scan = scan;
    this.order = order;
    this.warning = warning;
  }

  /**
   * Scans a file.
   *
   * @param strict when true a step that goes back is an error
   * @throws MalformedInputException under {@code strict}, at the line of the first step that goes back
   */
  public static Cp2kSteps of(Path file, Kind kind, boolean strict) {
    StepScan scan = switch (kind) {
      case ENER -> Cp2kEnerReader.scan(file);
      case CELL -> Cp2kCellReader.scan(file);
      case FORCES -> Cp2kXyzReader.scan(file, Cp2kXyzReader.Quantity.FORCES);
      case VELOCITIES -> Cp2kXyzReader.scan(file, Cp2kXyzReader.Quantity.VELOCITIES);
    };
    StepOrder order = scan.order();
    String what = switch (kind) {
      case ENER -> ".ener rows";
      case CELL -> ".cell rows";
      case FORCES -> "force frames";
      case VELOCITIES -> "velocity frames";
    };
    return new Cp2kSteps(scan, order, warning(scan, order, file, what, strict));
  }

  /**
   * The warning for a file whose steps repeat or go back, null when they increase throughout.
   *
   * @param what the records in the plural, e.g. "frames"
   * @throws MalformedInputException under {@code strict} when they do not increase, at the line of the first that goes back
   */
  static String warning(StepScan scan, StepOrder order, Path file, String what, boolean strict) {
    if (order.inOrder()) {
      return null;
    }
    int k = order.firstBackwardRecord();
    if (strict) {
      throw new MalformedInputException(file.toString(), scan.lines()[k], "step numbers that increase (one record per step; --strict "
          + "refuses a restart appended to the same file)", "step " + order.step(k) + " after step " + order.stepBeforeFirstBackward());
    }
    return file.getFileName() + ": " + order.describe(what);
  }

  /** Whether record {@code k} (0-based, file order) is kept. */
  public boolean kept(long k) {
    return order.kept(k);
  }

  /** Records kept, one per step. */
  public int keptCount() {
    return order.keptCount();
  }

  /** The warning about repeated or backward steps, null when the steps increase throughout. */
  public String warning() {
    return warning;
  }

  /** Time between kept records in fs: time per step × the common step stride; NaN when the file has no times. */
  public double timeBetweenRecordsFs() {
    return scan.timePerStepFs(order) * StepOrder.stride(order.keptSteps());
  }
}
