package org.interphase.core.view;

import java.util.List;

/**
 * Named columns of equal length, written as a CSV file; header names carry units.
 *
 * @param file file name relative to the output folder, e.g. {@code msd.csv}
 * @param columns in order; shorter columns are padded with empty cells
 */
public record Table(String file, List<Column> columns) {
  public Table {
    columns = List.copyOf(columns);
  }

  /** Rows: the length of the longest column. */
  public int rows() {
    return columns.stream().mapToInt(Column::size).max().orElse(0);
  }

  /** The headers, in order. */
  public List<String> header() {
    return columns.stream().map(Column::name).toList();
  }
}
