package org.interphase.core.view;

/** A chart an analysis asks for: an {@link ChartSpec XY chart} or a {@link BarChart}; {@code viz} draws it. */
public sealed interface Chart permits ChartSpec, BarChart {
  /** The chart's title. */
  String title();
}
