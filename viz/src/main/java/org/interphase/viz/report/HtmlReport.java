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
 *
 * <p>Interactive 3D views ({@link #viewer}) are drawn by 3Dmol.js {@value #THREE_DMOL_VERSION}
 * (BSD-3-Clause), which the page carries inline with its licence text, together with the report's
 * own script ({@code viewer.js}): the page makes no request to any server and works from {@code
 * file://}. A view is set up when it is scrolled near (so the page opens fast); {@code
 * window.interphase3d.initAll()} sets up every view at once.
 */
public final class HtmlReport {
  /** The version of 3Dmol.js shipped in {@code 3dmol/} beside this class. */
  public static final String THREE_DMOL_VERSION = "2.5.5";

  private final String title;
  private final StringBuilder body = new StringBuilder();
  private final List<String> toc = new ArrayList<>();
  private int viewers;

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
    return table(header, rows, null);
  }

  /**
   * A table with a header row, the first cell of each row a link.
   *
   * @param links per row, the address its first cell links to (relative to the page), {@code null} for no link; or
   *     {@code null} for no links at all
   */
  public HtmlReport table(List<String> header, List<List<String>> rows, List<String> links) {
    return table(header, rows, links, -1);
  }

  /**
   * A wide table that keeps within the page: in smaller type, in a box that scrolls sideways when the columns cannot be
   * narrowed enough, with one column of long text (messages with file paths) that wraps anywhere rather than widening the table.
   *
   * @param links as for {@link #table(List, List, List)}
   * @param wrapColumn the column (from 0) whose text wraps anywhere, -1 for none
   */
  public HtmlReport wideTable(List<String> header, List<List<String>> rows, List<String> links, int wrapColumn) {
    body.append("<div class=\"scroll\">");
    table(header, rows, links, wrapColumn);
    body.append("</div>\n");
    return this;
  }

  private HtmlReport table(List<String> header, List<List<String>> rows, List<String> links, int wrapColumn) {
    body.append("<table><thead><tr>");
    header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
    body.append("</tr></thead><tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      body.append("<tr>");
      List<String> r = rows.get(i);
      for (int c = 0; c < r.size(); c++) {
        String link = c == 0 && links != null ? links.get(i) : null;
        body.append(c == wrapColumn ? "<td class=\"wrap\">" : "<td>");
        if (link != null) {
          body.append("<a href=\"").append(esc(link)).append("\">").append(esc(r.get(c))).append("</a>");
        } else {
          body.append(esc(r.get(c)));
        }
        body.append("</td>");
      }
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

  /**
   * Figures side by side (each PNG embedded with its own caption), e.g. the frame where a motif first
   * appears beside the last frame; they stack on a narrow screen.
   *
   * @param pngs the pictures, in order from left to right
   * @param captions one per picture
   */
  public HtmlReport figures(java.util.List<Path> pngs, java.util.List<String> captions) {
    body.append("<div class=\"pair\">");
    for (int i = 0; i < pngs.size(); i++) {
      figure(pngs.get(i), captions.get(i));
    }
    body.append("</div>\n");
    return this;
  }

  /**
   * An interactive 3D view: the view's data as JSON in the page, drawn by 3Dmol.js when scrolled near.
   * Its element carries what it shows for scripts and tests: {@code data-seq} (the sequence shown),
   * {@code data-shown} (the frame's index in its run or the image), {@code data-highlight} (the
   * highlighted atoms) and {@code data-ready} once drawn.
   */
  public HtmlReport viewer(Viewer3d v, String caption) {
    String id = v.id();
    String json = v.json();
    viewers++;
    body.append("<div class=\"v3d\" id=\"v3d-").append(id).append("\" data-viewer=\"").append(id).append("\">")
        .append("<div class=\"v3d-main\"><div class=\"v3d-canvas\"></div><div class=\"v3d-side\"></div></div>")
        .append("<div class=\"v3d-bar\"></div><div class=\"v3d-info\"></div><div class=\"v3d-link\"></div>")
        .append("<p class=\"v3d-caption\">").append(esc(caption)).append("</p></div>\n")
        .append("<script type=\"application/json\" id=\"v3d-data-").append(id).append("\">").append(json).append("</script>\n");
    return this;
  }

  /**
   * A table whose rows show frames in a 3D view when clicked: row k shows sequence {@code keys.get(k)}
   * of view {@code viewerId}; a row whose key is {@code null} is plain.
   */
  public HtmlReport pickTable(String viewerId, List<String> header, List<List<String>> rows, List<String> keys) {
    body.append("<table class=\"picks\"><thead><tr>");
    header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
    body.append("</tr></thead><tbody>\n");
    for (int k = 0; k < rows.size(); k++) {
      String key = keys.get(k);
      body.append(key == null ? "<tr class=\"nopick\">" : "<tr class=\"pick\" data-viewer=\"" + esc(viewerId) + "\" data-seq=\""
          + esc(key) + "\" title=\"show in the 3D view\">");
      rows.get(k).forEach(c -> body.append("<td>").append(esc(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</tbody></table>\n");
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
    String head = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
        h1{font-size:1.6em} h3{font-size:1em;margin:1.2em 0 .2em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
        table{border-collapse:collapse;margin:1em 0;font-size:.92em} td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
        th{background:#f3f3f3} .scroll{overflow-x:auto;max-width:100%%} .scroll table{font-size:.84em} .scroll td,.scroll th{padding:.3em .45em}
        td.wrap{overflow-wrap:anywhere;min-width:6em}
        figure{margin:1em 0} img{max-width:100%%;border:1px solid #eee}
        .pair{display:flex;flex-wrap:wrap;gap:1em} .pair figure{flex:1 1 420px;margin:1em 0}
        figcaption{font-size:.9em;color:#555} .warn{background:#fff6e0;border-left:4px solid #e8a000;padding:.5em 2em}
        .files{font-size:.9em} .note{overflow-wrap:anywhere;font-size:.9em;color:#444;border-left:4px solid #9bb;padding:.3em 2em}
        .missing{background:#f4f4f4;border-left:4px solid #888;padding:.5em 1em;font-style:italic}
        %s
        </style></head>
        <body data-images-ok="" data-errors="">
        <h1>%s</h1>
        <ul>%s</ul>
        """.formatted(esc(title), viewers > 0 ? VIEWER_CSS : "", esc(title), String.join("", toc));
    String tail = """
        <script>
        window.addEventListener('error', function (e) { document.body.dataset.errors += (e.message || 'error') + ';'; });
        window.addEventListener('load', function () {
          var imgs = document.images, ok = 0;
          for (var i = 0; i < imgs.length; i++) { if (imgs[i].complete && imgs[i].naturalWidth > 0) { ok++; } }
          document.body.dataset.imagesOk = ok + '/' + imgs.length;
        });
        </script>
        """;
    StringBuilder html = new StringBuilder(head).append(body);
    if (viewers > 0) {
      html.append("<p class=\"files\">3D views: 3Dmol.js ").append(THREE_DMOL_VERSION).append(" (BSD-3-Clause licence; its text is "
          + "in this page's source, before the library), carried inline: the page needs no network.</p>\n");
    }
    html.append(tail);
    if (viewers > 0) {
      html.append("<script>\n/*! 3Dmol.js ").append(THREE_DMOL_VERSION).append(", inlined unchanged. Its licence:\n\n")
          .append(resource("3dmol/LICENSE").replace("*/", "* /")).append("\n*/\n").append(resource("3dmol/3Dmol-min.js"))
          .append("\n</script>\n<script>\n").append(resource("viewer.js")).append("\n</script>\n");
    }
    html.append("</body></html>\n");
    try {
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The look of the 3D views, their controls and the tables and charts linked to them. */
  private static final String VIEWER_CSS = """
      .v3d{margin:.5em 0 1.5em;border:1px solid #ddd;padding:.5em} .v3d-main{display:flex;gap:.5em;align-items:stretch}
      .v3d-canvas{position:relative;flex:1 1 auto;height:440px;min-width:300px;background:#fff}
      .v3d-side{flex:0 0 auto} .v3d-side:empty{display:none} .v3d-side svg{display:block}
      .v3d-bar{display:flex;gap:.5em;align-items:center;font-size:.9em;margin-top:.3em;flex-wrap:wrap}
      .v3d-bar input[type=range]{flex:1 1 200px} .v3d-bar button,.v3d-bar select{font:inherit}
      .v3d-info{font-size:.9em;color:#333;min-height:1.3em} .v3d-legend span{margin-right:1em;white-space:nowrap}
      .v3d-legend i{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:-.05em}
      .v3d-caption{font-size:.9em;color:#555;margin:.3em 0 0} .v3d-link svg{display:block;width:100%;cursor:pointer}
      tr.pick{cursor:pointer} tr.pick:hover{background:#eef4ff} tr.pick.on{background:#dde8ff}
      .v3d-pt{cursor:pointer} .v3d-ev{cursor:pointer}
      """;

  /** A text resource beside this class. */
  private static String resource(String name) {
    try (java.io.InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the report's resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
