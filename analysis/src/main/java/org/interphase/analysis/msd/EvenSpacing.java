package org.interphase.analysis.msd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.interphase.core.Frame;

/**
 * The run up to its first gap in time, for analyses that count lags in frames (the MSD, the van Hove
 * correlation): those need the frames evenly spaced. The spacing of the first two frames with times
 * is the norm; the first frame more than 25 % off it ends the evenly spaced run (a missing stretch of
 * the run, a change of stride), and every frame from it on is refused. Frames without times are
 * taken as evenly spaced. Not thread-safe; one per accumulator.
 */
public final class EvenSpacing {
  private long framesSeen;
  private double previousTimeFs = Double.NaN;
  private long previousStep;
  private double spacingFs = Double.NaN;
  private String gap;
  private long framesAfterGap;

  /**
   * Whether this frame belongs to the evenly spaced run; feed every frame in order.
   *
   * @return false from the first frame after a gap on
   */
  public boolean accept(Frame f) {
    if (gap != null) {
      framesAfterGap++;
      return false;
    }
    double t = f.timeFs();
    if (Double.isFinite(t) && Double.isFinite(previousTimeFs)) {
      double d = t - previousTimeFs;
      if (Double.isNaN(spacingFs)) {
        spacingFs = d;
      } else if (!(Math.abs(d - spacingFs) <= 0.25 * Math.abs(spacingFs))) {
        gap = String.format(Locale.ROOT, "the frames are not evenly spaced in time: frame %d (step %d, %s fs) comes %s fs "
            + "after step %d, the frames before it %s fs apart (a gap or a change of stride in the run)", framesSeen, f.step(), num(t),
            num(d), previousStep, num(spacingFs));
        framesAfterGap++;
        return false;
      }
    }
    previousTimeFs = t;
    previousStep = f.step();
    framesSeen++;
    return true;
  }

  /** What the first gap was (which frame, how far apart), or {@code null} when the frames were evenly spaced. */
  public String gap() {
    return gap;
  }

  /** Frames refused after the gap, the gap's own frame included. */
  public long framesAfterGap() {
    return framesAfterGap;
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
