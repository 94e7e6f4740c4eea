package org.interphase.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interphase.core.Warning;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Figure;
import org.interphase.core.view.Table;
import org.interphase.core.view.Views;
import org.interphase.viz.chart.Charts;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one place where a result's {@link Views} become output: warnings on stderr, the human text or
 * exactly one JSON document on stdout, and under {@code --out} the JSON, CSV tables, PNG/SVG charts
 * and other text files.
 */
final class ResultWriter {
  private ResultWriter() {}

  /**
   * Emits a command's views.
   *
   * @param out the {@code --out} folder or {@code null}
   * @param json whether stdout gets the JSON document instead of the text
   */
  static void emit(CommandSpec spec, Views v, Path out, boolean json) {
    PrintWriter err = spec.commandLine().getErr();
    for (Warning w : v.warnings()) {
      err.println("warning: " + Hints.of(w));
    }
    err.flush();
    if (out != null) {
      write(dir(out), v, dpi(spec));
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      try {
        writeJson(v.json(), o);
      } catch (IOException e) {
        throw new UncheckedIOException("standard output: " + OutputFolder.reason(e), e);
      }
      o.println();
    } else {
      v.text().forEach(o::println);
    }
    o.flush();
  }

  /** The command's {@code --dpi} ({@link FigureOptions}), or the default when it has none. */
  private static int dpi(CommandSpec spec) {
    return spec.mixins().values().stream().map(CommandSpec::userObject).filter(FigureOptions.class::isInstance)
        .map(o -> ((FigureOptions) o).dpi).findFirst().orElse(Charts.DEFAULT_DPI);
  }

  /**
   * Writes every file of the views under {@code dir} (made when missing): name.json, the tables, the
   * figures, the text files — side by side, one file per core at a time.
   *
   * @param dpi resolution of the PNG charts, dots per inch
   * @throws UncheckedIOException naming the file that could not be written
   */
  static void write(Path dir, Views v, int dpi) {
    dir(dir);
    List<Runnable> jobs = new java.util.ArrayList<>();
    Path json = dir.resolve(v.name() + ".json");
    jobs.add(() -> {
      try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
        writeJson(v.json(), w);
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(json + ": " + OutputFolder.reason(e), e);
      }
    });
    for (Table t : v.tables()) {
      jobs.add(() -> writeTable(dir.resolve(t.file()), t));
    }
    for (Figure f : v.figures()) {
      jobs.add(() -> Charts.write(f, dir, dpi));
    }
    for (Views.TextFile f : v.files()) {
      Path p = dir.resolve(f.path());
      dir(p.toAbsolutePath().getParent());
      jobs.add(() -> writeText(p, f.content()));
    }
    org.interphase.core.SideBySide.run(jobs);
  }

  /** A table as CSV (RFC 4180), header first: a cell is quoted when it holds a comma, quote or line break, or its column says so. */
  static void writeTable(Path file, Table t) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<Column> columns = t.columns();
      for (int c = 0; c < columns.size(); c++) {
        w.write(c == 0 ? "" : ",");
        w.write(csvCell(columns.get(c).name(), false));
      }
      w.write('\n');
      int rows = t.rows();
      StringBuilder line = new StringBuilder(256);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        for (int c = 0; c < columns.size(); c++) {
          Column col = columns.get(c);
          if (c > 0) {
            line.append(',');
          }
          if (col instanceof Column.Texts x) {
            line.append(csvCell(x.cell(i), x.quoted()));
          } else {
            col.appendCell(i, line); // numbers never need quotes
          }
        }
        w.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  private static String csvCell(String v, boolean always) {
    boolean needs = always || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return needs ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** Writes a text file in UTF-8. */
  static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  /** The folder, made with its parents when missing. */
  static Path dir(Path out) {
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": " + OutputFolder.reason(e), e);
    }
  }

  /** Writes a document as indented JSON, streaming (a long {@link Document.Rows} is never held whole); non-finite numbers as null. */
  static void writeJson(Document d, Writer out) throws IOException {
    JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    write(g, d);
    g.flush();
  }

  /**
   * A table's row as one JSON object on one line, keyed by the headers ({@code quotedKeys}, already
   * written as {@code "key":}): whole numbers as they are, real numbers at full precision (as
   * Jackson writes them) or {@code null} when not finite, text quoted ({@code null} for none).
   */
  private static void rowObject(Table t, int row, String[] quotedKeys, StringBuilder out) {
    out.append('{');
    List<Column> columns = t.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        out.append(',');
      }
      out.append(quotedKeys[c]);
      Column col = columns.get(c);
      if (col instanceof Column.Integers n) {
        if (row < n.size()) {
          out.append(n.values()[row]);
        } else {
          out.append("null");
        }
      } else if (col instanceof Column.Numbers x) {
        double v = row < x.size() ? x.values()[row] : Double.NaN;
        if (Double.isFinite(v)) {
          out.append(v);
        } else {
          out.append("null");
        }
      } else {
        Column.Texts x = (Column.Texts) col;
        String v = row < x.size() ? x.values().get(row) : null;
        if (v == null) {
          out.append("null");
        } else {
          quoteJson(v, out);
        }
      }
    }
    out.append('}');
  }

  /** A JSON string literal (RFC 8259 escapes). */
  private static void quoteJson(String t, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double x) {
      if (Double.isFinite(x)) {
        g.writeNumber(x);
      } else {
        g.writeNull();
      }
    } else if (v instanceof Document d) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : d.fields().entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof double[] xs) {
      g.writeStartArray();
      for (double x : xs) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof int[] is) {
      g.writeStartArray();
      for (int i : is) {
        g.writeNumber(i);
      }
      g.writeEndArray();
    } else if (v instanceof Document.Items items) {
      g.writeStartArray();
      for (Object x : items.values()) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Table t) {
      // one row per line: a long table stays readable and small
      g.writeStartArray();
      String[] keys = new String[t.columns().size()];
      for (int c = 0; c < keys.length; c++) {
        StringBuilder k = new StringBuilder();
        quoteJson(t.columns().get(c).name(), k);
        keys[c] = k.append(':').toString();
      }
      StringBuilder line = new StringBuilder(256);
      int rows = t.rows();
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        rowObject(t, i, keys, line.append("\n    "));
        g.writeRawValue(line.toString());
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }
}
