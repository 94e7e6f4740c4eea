package org.interphase.core.view;

/**
 * A chart to write as {@code stem.png} and {@code stem.svg}.
 *
 * @param stem file name without extension, relative to the output folder (may hold a sub-folder)
 * @param widthPx picture width, pixels
 * @param heightPx picture height, pixels
 */
public record Figure(String stem, Chart chart, int widthPx, int heightPx) {

  /** A figure of the usual size, 900 × 600 pixels. */
  public Figure(String stem, Chart chart) {
    this(stem, chart, 900, 600);
  }
}
