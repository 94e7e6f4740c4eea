package org.interphase.core.view;

import java.util.List;
import org.interphase.core.Warning;

/**
 * Everything a result shows, independent of where it goes: the JSON document, the tables (CSV), the
 * figures (PNG and SVG), other text files (e.g. VTST's {@code neb.dat}), the lines a person reads
 * on the terminal, and the warnings. One writer in {@code cli} emits them; a report embeds them.
 *
 * @param name file stem of the JSON document, e.g. {@code msd} for {@code msd.json}
 * @param json the document {@code --json} prints and {@code name.json} holds
 * @param tables written as CSV files under the output folder
 * @param figures written as PNG and SVG under the output folder
 * @param files other text files: path relative to the output folder → content
 * @param text the human summary, one line per element
 * @param warnings what the user should know, in order
 */
public record Views(String name, Document json, List<Table> tables, List<Figure> figures, List<TextFile> files, List<String> text,
    List<Warning> warnings) {
  public Views {
    tables = List.copyOf(tables);
    figures = List.copyOf(figures);
    files = List.copyOf(files);
    text = List.copyOf(text);
    warnings = List.copyOf(warnings);
  }

  /**
   * A text file.
   *
   * @param path relative to the output folder, may hold a sub-folder
   */
  public record TextFile(String path, String content) {}
}
