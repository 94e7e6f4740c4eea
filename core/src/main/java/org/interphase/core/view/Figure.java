package org.interphase.core.view;

/**
 * A chart to write as {@code stem.png} and {@code stem.svg}.
 *
 * @param stem file name without extension, relative to the output folder (may hold a sub-folder)
 * @param widthPx design width in CSS pixels (1/96 inch): the PNG is this × dpi/96 pixels wide, the SVG this wide
 * @param heightPx design height in CSS pixels
 */
public record Figure(String stem, Chart chart, int widthPx, int heightPx) {

  /**
   * A figure of the usual design size, 480 × 340 CSS pixels (12.7 × 9 cm): its lettering stays at about 7 pt
   * when shrunk to one journal column (8.5 cm).
   */
  public Figure(String stem, Chart chart) {
    this(stem, chart, 480, 340);
  }
}
