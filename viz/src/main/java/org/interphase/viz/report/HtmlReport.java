package org.interphase.viz.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds one self-contained HTML page: figures are embedded as PNG data, so the page opens anywhere
 * on its own; the data files are linked beside it. A small script records, after loading, how many
 * images decoded ({@code data-images-ok} on the body) and any script error ({@code data-errors}),
 * so a headless browser can check the page.
 */
public final class HtmlReport {
  private final String title;
  private final StringBuilder body = new StringBuilder();
  private final List<String> toc = new ArrayList<>();

  public HtmlReport(String title) {
    this.title = title;
  }

  /** Starts a section with a heading. */
  public HtmlReport section(String heading) {
    String id = "s" + (toc.size() + 1);
    toc.add("<li><a href=\"#" + id + "\">" + esc(heading) + "</a></li>");
    body.append("<section id=\"").append(id).append("\"><h2>").append(esc(heading)).append("</h2>\n");
    return this;
  }

  public HtmlReport endSection() {
    body.append("</section>\n");
    return this;
  }

  /** A heading inside a section. */
  public HtmlReport subheading(String heading) {
    body.append("<h3>").append(esc(heading)).append("</h3>\n");
    return this;
  }

  /** A paragraph of plain text. */
  public HtmlReport text(String text) {
    body.append("<p>").append(esc(text)).append("</p>\n");
    return this;
  }

  /** Why something could not be computed and what to do, set apart from the results. */
  public HtmlReport missing(String text) {
    body.append("<p class=\"missing\">").append(esc(text)).append("</p>\n");
    return this;
  }

  /** Notes on what was read and chosen (not warnings). */
  public HtmlReport notes(List<String> notes) {
    if (!notes.isEmpty()) {
      body.append("<ul class=\"note\">");
      notes.forEach(w -> body.append("<li>").append(esc(w)).append("</li>"));
      body.append("</ul>\n");
    }
    return this;
  }

  /** Warnings, highlighted. */
  public HtmlReport warnings(List<String> warnings) {
    if (!warnings.isEmpty()) {
      body.append("<ul class=\"warn\">");
      warnings.forEach(w -> body.append("<li>").append(esc(w)).append("</li>"));
      body.append("</ul>\n");
    }
    return this;
  }

  /** A table with a header row. */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    body.append("<table><thead><tr>");
    header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
    body.append("</tr></thead><tbody>\n");
    for (List<String> r : rows) {
      body.append("<tr>");
      r.forEach(c -> body.append("<td>").append(esc(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</tbody></table>\n");
    return this;
  }

  /** A figure from a PNG file, embedded, with a caption. */
  public HtmlReport figure(Path png, String caption) {
    try {
      String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
      body.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,").append(data)
          .append("\"><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(png + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** Links to data files beside the page (paths relative to it). */
  public HtmlReport links(List<String> files) {
    if (files.isEmpty()) {
      return this;
    }
    body.append("<p class=\"files\">Data: ");
    for (int i = 0; i < files.size(); i++) {
      body.append(i == 0 ? "" : " · ").append("<a href=\"").append(esc(files.get(i))).append("\">").append(esc(files.get(i)))
          .append("</a>");
    }
    body.append("</p>\n");
    return this;
  }

  /** Writes the page. */
  public void write(Path file) {
    String html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
        h1{font-size:1.6em} h3{font-size:1em;margin:1.2em 0 .2em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
        table{border-collapse:collapse;margin:1em 0;font-size:.92em} td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
        th{background:#f3f3f3} figure{margin:1em 0} img{max-width:100%%;border:1px solid #eee}
        figcaption{font-size:.9em;color:#555} .warn{background:#fff6e0;border-left:4px solid #e8a000;padding:.5em 2em}
        .files{font-size:.9em} .note{font-size:.9em;color:#444;border-left:4px solid #9bb;padding:.3em 2em}
        .missing{background:#f4f4f4;border-left:4px solid #888;padding:.5em 1em;font-style:italic}
        </style></head>
        <body data-images-ok="" data-errors="">
        <h1>%s</h1>
        <ul>%s</ul>
        %s
        <script>
        window.addEventListener('error', function (e) { document.body.dataset.errors += (e.message || 'error') + ';'; });
        window.addEventListener('load', function () {
          var imgs = document.images, ok = 0;
          for (var i = 0; i < imgs.length; i++) { if (imgs[i].complete && imgs[i].naturalWidth > 0) { ok++; } }
          document.body.dataset.imagesOk = ok + '/' + imgs.length;
        });
        </script>
        </body></html>
        """.formatted(esc(title), esc(title), String.join("", toc), body);
    try {
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
