package org.interphase.core.view;

import java.util.List;

/**
 * One bar per name with its standard error, zero on the axis so bars compare honestly.
 *
 * @param yLabel axis label with its unit, e.g. {@code "γ (J/m²)"}
 * @param names one per bar, in order
 * @param values bar heights, in the unit of {@code yLabel}; length = names
 * @param errors one standard error per bar (NaN for none); length = names
 */
public record BarChart(String title, String yLabel, List<String> names, double[] values, double[] errors) implements Chart {
  public BarChart {
    names = List.copyOf(names);
    values = values.clone();
    errors = errors.clone();
    if (values.length != names.size() || errors.length != names.size()) {
      throw new IllegalArgumentException("bar chart " + title + ": names, values and errors differ in length");
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public double[] errors() {
    return errors.clone();
  }
}
