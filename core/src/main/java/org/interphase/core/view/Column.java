package org.interphase.core.view;

import java.util.List;

/**
 * One column of a {@link Table}: a header that carries the unit ({@code lag_ps}, {@code msd_a2})
 * and its cells. Cells are written at full precision unless a column says otherwise; a number
 * that is not finite is an empty cell.
 */
public sealed interface Column permits Column.Numbers, Column.Integers, Column.Texts {

  /** The header, unit included. */
  String name();

  /** Number of cells. */
  int size();

  /** Cell {@code row} as CSV text (not yet quoted); empty past the end. */
  String cell(int row);

  /** Appends cell {@code row} as {@link #cell} gives it, without making a string where it can. */
  default void appendCell(int row, StringBuilder out) {
    out.append(cell(row));
  }

  /**
   * Real numbers.
   *
   * @param format a {@link String#format} pattern such as {@code "%.5f"}, or {@code null} for full
   *     precision ({@link Double#toString})
   */
  record Numbers(String name, double[] values, String format) implements Column {
    public Numbers {
      values = values.clone();
    }

    /** Full precision. */
    public Numbers(String name, double[] values) {
      this(name, values, null);
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public String cell(int row) {
      if (row >= values.length || !Double.isFinite(values[row])) {
        return "";
      }
      return format == null ? Double.toString(values[row]) : String.format(java.util.Locale.ROOT, format, values[row]);
    }

    @Override
    public void appendCell(int row, StringBuilder out) {
      if (row < values.length && Double.isFinite(values[row]) && format == null) {
        out.append(values[row]);
      } else {
        out.append(cell(row));
      }
    }
  }

  /** Whole numbers (counts, frame and atom indices). */
  record Integers(String name, int[] values) implements Column {
    public Integers {
      values = values.clone();
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public String cell(int row) {
      return row < values.length ? Integer.toString(values[row]) : "";
    }

    @Override
    public void appendCell(int row, StringBuilder out) {
      if (row < values.length) {
        out.append(values[row]);
      }
    }
  }

  /**
   * Text (names, labels); {@code null} cells are empty.
   *
   * @param quoted whether every cell is written in quotes (else only those that need them)
   */
  record Texts(String name, List<String> values, boolean quoted) implements Column {
    public Texts {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** Quoted only where needed. */
    public Texts(String name, List<String> values) {
      this(name, values, false);
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public String cell(int row) {
      String v = row < values.size() ? values.get(row) : null;
      return v == null ? "" : v;
    }
  }
}
