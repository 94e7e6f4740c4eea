package org.interphase.parsers.cp2k;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time between stored frames, from every source a run has, cross-checked: the first source
 * offered is used, every other one that gives a different value is a warning naming both values and
 * both sources.
 *
 * <p>Sources are offered most direct first: the trajectory's own times ({@code time =} of the XYZ
 * comments), then the {@code .ener} time column with the step stride of the trajectory, the input's
 * {@code TIMESTEP × EACH/MD}, the log's {@code MD_PAR| Time step} × coordinates print frequency.
 */
final class FrameSpacing {
  /**
   * One source.
   *
   * @param fs time between stored frames in fs
   * @param phrase where it comes from, as the user can check it, e.g. {@code "md.inp TIMESTEP × EACH/MD"}
   * @param toleranceFs how far off the value may be from the printing precision alone
   */
  record Source(double fs, String phrase, double toleranceFs) {}

  private final List<Source> sources = new ArrayList<>();

  /** Offers a source; NaN or non-positive values are ignored. */
  FrameSpacing offer(double fs, String phrase, double toleranceFs) {
    if (Double.isFinite(fs) && fs > 0) {
      sources.add(new Source(fs, phrase, toleranceFs));
    }
    return this;
  }

  /** The source used, null when none was offered. */
  Source chosen() {
    return sources.isEmpty() ? null : sources.get(0);
  }

  /** One warning per source that disagrees with the chosen one beyond both tolerances and 1e-4 relative. */
  List<String> disagreements() {
    List<String> out = new ArrayList<>();
    Source c = chosen();
    if (c == null) {
      return out;
    }
    for (Source s : sources.subList(1, sources.size())) {
      double tol = c.toleranceFs() + s.toleranceFs() + 1e-4 * Math.max(c.fs(), s.fs());
      if (Math.abs(c.fs() - s.fs()) > tol) {
        out.add(String.format(Locale.ROOT, "time between frames: %s fs from %s, but %s fs from %s; %s fs is used", fmt(c.fs()), c.phrase(),
            fmt(s.fs()), s.phrase(), fmt(c.fs())));
      }
    }
    return out;
  }

  /** A number as short as it can be printed without losing what matters (up to 6 significant digits). */
  static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
    return s;
  }
}
