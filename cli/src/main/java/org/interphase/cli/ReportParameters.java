package org.interphase.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parameters every analysis of a report used, listed at the end of the page: per section, parameter and value. */
final class ReportParameters {
  private final Map<String, List<List<String>>> rows = new LinkedHashMap<>();

  void add(String section, String parameter, String value) {
    rows.computeIfAbsent(section, k -> new ArrayList<>()).add(List.of(parameter, value));
  }

  /** Per section, its rows (parameter, value), in the order added. */
  Map<String, List<List<String>>> rows() {
    return rows;
  }

  /** Four significant digits without trailing zeros: 0.3, 1.5, 2.45, 590.2. */
  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "unknown";
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
  }
}
