package org.interphase.analysis.rotation;

import java.util.Locale;
import org.interphase.analysis.msd.Region;

/**
 * What {@link RotationAnalysis} computes. Validated on construction.
 *
 * @param center the centre element of the units, e.g. {@code P}
 * @param ligand the ligand element, e.g. {@code S}; a unit is a centre with exactly four ligands bonded in the first frame
 * @param upperDeg a unit reorients when its angle from its current reference orientation exceeds this, degrees (0 &lt; upper &lt; 180)
 * @param settleDeg the new orientation is taken once the unit stays within this angle of one orientation, degrees
 *     (0 &lt; settle &lt; upper)
 * @param minFrames frames the angle must stay above the upper threshold for an event, and frames the unit must stay within the
 *     settle angle for the new reference (≥ 1)
 * @param region only the units whose centre lies in this slab in the first frame (its position wrapped into the cell), e.g. the
 *     interphase; {@code null} for every unit
 */
public record RotationParameters(String center, String ligand, double upperDeg, double settleDeg, int minFrames, Region region) {
  /** Default upper threshold, degrees: well above libration (≈ 10–20° in Li argyrodites), below the 109.5°/120° turns. */
  public static final double DEFAULT_UPPER_DEG = 60;
  /** Default settle angle, degrees. */
  public static final double DEFAULT_SETTLE_DEG = 10;
  /** Default dwell, frames. */
  public static final int DEFAULT_MIN_FRAMES = 5;

  public RotationParameters {
    if (center == null || center.isBlank() || ligand == null || ligand.isBlank()) {
      throw new IllegalArgumentException("a centre and a ligand element are required, e.g. P and S");
    }
    center = org.interphase.core.Elements.spelled(center);
    ligand = org.interphase.core.Elements.spelled(ligand);
    if (!(upperDeg > 0 && upperDeg < 180) || !(settleDeg > 0 && settleDeg < upperDeg)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rotation thresholds need 0 < settle < upper < 180 degrees, got settle %s, upper %s", settleDeg, upperDeg));
    }
    if (minFrames < 1) {
      throw new IllegalArgumentException("the dwell must be at least 1 frame, got " + minFrames);
    }
  }

  /** Default thresholds and dwell. */
  public static RotationParameters of(String center, String ligand) {
    return new RotationParameters(center, ligand, DEFAULT_UPPER_DEG, DEFAULT_SETTLE_DEG, DEFAULT_MIN_FRAMES, null);
  }

  /** These parameters for the units whose centre lies in a slab in the first frame ({@code null}: every unit). */
  public RotationParameters withRegion(Region r) {
    return new RotationParameters(center, ligand, upperDeg, settleDeg, minFrames, r);
  }

  /** These parameters with other thresholds (degrees) and dwell (frames). */
  public RotationParameters withThresholds(double upper, double settle, int frames) {
    return new RotationParameters(center, ligand, upper, settle, frames, region);
  }
}
