package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import org.interphase.core.Cell;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.io.TwoPass;

/**
 * Streams a CP2K {@code .cell} file: step, time (fs), Ax Ay Az Bx By Bz Cx Cy Cz (Å, the cell
 * vectors as rows) and the volume (Å³). The volume column is checked against the vectors.
 */
public final class Cp2kCellReader implements AutoCloseable {
  /** One row. */
  public record Row(long step, double timeFs, Cell cell, long line) {}

  private final LineReader r;

  private Cp2kCellReader(LineReader r) {
    this.r = r;
  }

  /** The second pass of {@code passes}, after {@link StepScan#ofTable(TwoPass)}. */
  static Cp2kCellReader open(TwoPass passes) {
    return new Cp2kCellReader(passes.second());
  }

  public static Cp2kCellReader open(Path path) {
    return new Cp2kCellReader(LineReader.open(path));
  }

  public String source() {
    return r.source();
  }

  private long rows;

  /** Rows returned by {@link #next()} so far. */
  public long rowsRead() {
    return rows;
  }

  /** First pass: step and time of every row (first two columns only); stops quietly at a row it cannot read. */
  static StepScan scan(Path path) {
    return StepScan.ofTable(path);
  }

  /** The next row, or {@code null} at the end. */
  public Row next() {
    while (r.next()) {
      if (r.isBlank() || r.startsWithTrimmed("#")) {
        continue;
      }
      if (r.countTokens() < 12) {
        if (!r.next()) {
          throw new TruncatedInputException(r.source(), r.lineNumber(), "12 columns in the last .cell row");
        }
        throw new MalformedInputException(r.source(), r.lineNumber() - 1, "12 columns (step, time, 9 cell components, volume)",
            "fewer columns");
      }
      long step = r.nextLong("the step number");
      double t = r.nextDouble("the time in fs");
      double[] m = new double[9];
      for (int i = 0; i < 9; i++) {
        m[i] = r.nextDouble("9 cell components in Å");
      }
      double vol = r.nextDouble("the volume in Å³");
      Cell c;
      try {
        c = Cell.ofRows(m);
      } catch (IllegalArgumentException e) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), e.getMessage());
      }
      if (Math.abs(c.volumeA3() - vol) > 1e-6 * vol + 1e-3) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), "volume column " + vol + " Å³ does not match the vectors ("
            + c.volumeA3() + " Å³)");
      }
      rows++;
      return new Row(step, t, c, r.lineNumber());
    }
    return null;
  }

  @Override
  public void close() {
    r.close();
  }
}
