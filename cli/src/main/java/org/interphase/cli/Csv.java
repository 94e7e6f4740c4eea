package org.interphase.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes columns of numbers as CSV; header names carry units, e.g. {@code lag_ps}. */
final class Csv {
  private Csv() {}

  static void write(Path file, List<String> header, double[]... columns) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).get())) {
      int rows = columns[0].length;
      for (int i = 0; i < rows; i++) {
        Object[] row = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
          double v = i < columns[c].length ? columns[c][i] : Double.NaN;
          row[c] = Double.isFinite(v) ? Double.toString(v) : "";
        }
        p.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  /** A text field, quoted when it holds a comma, quote or line break (RFC 4180). */
  static String quote(String s) {
    return s.isEmpty() || s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r') ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  /** A number at full precision, empty when it is not finite. */
  static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  static Path dir(Path out) {
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": " + OutputFolder.reason(e), e);
    }
  }
}
