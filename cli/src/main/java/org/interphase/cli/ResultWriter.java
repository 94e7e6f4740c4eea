package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.interphase.core.Warning;
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
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
      write(Csv.dir(out), v);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(toJson(v.json())));
    } else {
      v.text().forEach(o::println);
    }
    o.flush();
  }

  /** Writes every file of the views under {@code dir} (made when missing): name.json, the tables, the figures, the text files. */
  static void write(Path dir, Views v) {
    Csv.dir(dir);
    writeText(dir.resolve(v.name() + ".json"), Json.write(toJson(v.json())));
    for (Table t : v.tables()) {
      writeTable(dir.resolve(t.file()), t);
    }
    for (Figure f : v.figures()) {
      Charts.write(f, dir);
    }
    for (Views.TextFile f : v.files()) {
      Path p = dir.resolve(f.path());
      Csv.dir(p.toAbsolutePath().getParent());
      writeText(p, f.content());
    }
  }

  /** A table as CSV (RFC 4180), header first. */
  static void writeTable(Path file, Table t) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(t.header().toArray(new String[0]))
            .setRecordSeparator('\n').get())) {
      int rows = t.rows();
      Object[] row = new Object[t.columns().size()];
      for (int i = 0; i < rows; i++) {
        for (int c = 0; c < row.length; c++) {
          row[c] = t.columns().get(c).cell(i);
        }
        p.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + OutputFolder.reason(e), e);
    }
  }

  static void writeText(Path file, String text) {
    Csv.writeText(file, text);
  }

  /** A document as a JSON tree; numbers that are not finite become null. */
  static ObjectNode toJson(Document d) {
    ObjectNode o = NODES.objectNode();
    d.fields().forEach((k, v) -> o.set(k, node(v)));
    return o;
  }

  private static JsonNode node(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Double x) {
      return Double.isFinite(x) ? NODES.numberNode(x) : NODES.nullNode();
    }
    if (v instanceof Document d) {
      return toJson(d);
    }
    ArrayNode a = NODES.arrayNode();
    if (v instanceof double[] xs) {
      for (double x : xs) {
        a.add(node(x));
      }
    } else if (v instanceof int[] is) {
      for (int i : is) {
        a.add(i);
      }
    } else if (v instanceof Document.Items items) {
      items.values().forEach(x -> a.add(node(x)));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
    return a;
  }
}
