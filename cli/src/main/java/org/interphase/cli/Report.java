package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.interphase.parsers.ReadOptions;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.report.HtmlReport;
import picocli.CommandLine.Command;

/** The HTML report of a plan: its sections, each from one pass over its runs, and the parameters they used. */
final class Report {
  private Report() {}

  /**
   * Runs the plan, writes the page and its data under {@code out}; returns the page.
   *
   * @param dpi resolution of the PNG charts, dots per inch
   */
  static Path build(ReportPlan plan, Path out, ReadOptions options, PrintWriter err, int dpi) {
    Path dir = ResultWriter.dir(out);
    HtmlReport html = new HtmlReport(plan.title());
    ReportParameters used = new ReportParameters();
    try (JmolRenderer jmol = new JmolRenderer()) {
      int k = 0;
      for (ReportPlan.Md m : plan.md()) {
        MdSection.write(m, ResultWriter.dir(dir.resolve("md-" + (++k))), "md-" + k, options, html, jmol, err, used, dpi);
      }
      if (!plan.interfaces().isEmpty()) {
        InterfaceSection.write(plan.interfaces(), ResultWriter.dir(dir.resolve("interfaces")), options, html, err, used, dpi);
      }
      if (!plan.neb().isEmpty()) {
        NebSection.write(plan.neb(), ResultWriter.dir(dir.resolve("neb")), options, html, jmol, err, used, dpi);
      }
    }
    String version = Interphase.class.getAnnotation(Command.class).version()[0];
    html.section("Parameters and versions").text(version + " on Java " + Runtime.version() + ". Every number above was computed with "
        + "the parameters below, the same as the commands of the same name use with these options; the JSON and CSV beside each figure "
        + "hold the full-precision results and the method text.");
    used.rows().forEach((section, rows) -> html.subheading(section).table(List.of("parameter", "value"), rows));
    html.endSection();
    Path page = dir.resolve("index.html");
    html.write(page);
    return page;
  }
}
