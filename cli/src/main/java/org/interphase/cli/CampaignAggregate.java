package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.view.Column;
import org.interphase.core.view.Document;
import org.interphase.core.view.Table;
import org.interphase.viz.report.HtmlReport;

/**
 * The table of a campaign, one row per run, from the files in its folder alone (so a local campaign and {@code --collect}
 * after a Slurm array give the same): {@code campaign.json}, {@code campaign.csv} and {@code index.html}, each written
 * atomically. A run is {@code ok} with its {@code runs/<name>.json}, {@code failed} with its {@code runs/<name>.error},
 * {@code skipped} with its {@code runs/<name>.skipped} (an MD run without the mobile species: nothing to compute, not an
 * error), and {@code missing} with none of them (its task has not run, is running, or was killed).
 */
final class CampaignAggregate {
  /** The numbers of a row: column name, then where the run's document has it (a path of keys; {@code paths.0} is an index). */
  private static final String[][] NUMBERS = {
      {"temperature_k", "temperature_k"},
      {"diffusivity_cm2_s", "diffusivity_cm2_s"},
      {"diffusivity_stderr_cm2_s", "diffusivity_stderr_cm2_s"},
      {"conductivity_s_cm", "conductivity_s_cm"},
      {"conductivity_stderr_s_cm", "conductivity_stderr_s_cm"},
      {"interface_energy_j_m2", "interface_energy_j_m2"},
      {"interface_energy_stderr_j_m2", "interface_energy_stderr_j_m2"},
      {"work_of_adhesion_j_m2", "work_of_adhesion_j_m2"},
      {"work_of_adhesion_stderr_j_m2", "work_of_adhesion_stderr_j_m2"},
      {"barrier_forward_ev", "paths.0.barrier_forward_ev"},
      {"barrier_backward_ev", "paths.0.barrier_backward_ev"},
      {"reaction_energy_ev", "paths.0.reaction_energy_ev"}};

  /**
   * One run's row.
   *
   * @param status {@code ok}, {@code failed}, {@code skipped} or {@code missing}
   * @param error the one-line error of a failed run, else {@code null}
   * @param reason why a skipped run had nothing to compute, else {@code null}
   * @param numbers in the order of {@link #NUMBERS}, NaN where the document has none
   * @param frames frames of an MD run, images of a band, frames of the interface cell used; -1 when unknown
   * @param warnings how many warnings the document carries
   * @param bondBreaks bond breaks in the run's {@code bonds} document ({@code runs/<name>.bonds.json}, MD runs with S atoms);
   *     -1 without one
   * @param bondFormations bond formations in that document; -1 without one
   * @param diffusivityDoubts what makes the run's D doubtful ({@code diffusivity_doubts} of its MSD document), empty when D stands or
   *     there is none
   */
  record Row(CampaignRun run, String status, String error, String reason, double[] numbers, int frames, int warnings, int bondBreaks,
      int bondFormations, List<String> diffusivityDoubts) {}

  private CampaignAggregate() {}

  /** The rows of the runs, read from {@code out}. */
  static List<Row> rows(Path out, List<CampaignRun> runs) {
    List<Row> rows = new ArrayList<>();
    for (CampaignRun r : runs) {
      String json = CampaignFiles.read(CampaignFiles.json(out, r.name()));
      String error = CampaignFiles.read(CampaignFiles.error(out, r.name()));
      double[] numbers = new double[NUMBERS.length];
      java.util.Arrays.fill(numbers, Double.NaN);
      if (json == null) {
        String skipped = error == null ? CampaignFiles.read(CampaignFiles.skipped(out, r.name())) : null;
        String status = error != null ? "failed" : skipped != null ? "skipped" : "missing";
        rows.add(new Row(r, status, error != null ? error.strip() : null, skipped != null ? skipped.strip() : null, numbers, -1, 0, -1,
            -1, List.of()));
        continue;
      }
      JsonNode d = parse(CampaignFiles.json(out, r.name()), json);
      for (int i = 0; i < NUMBERS.length; i++) {
        JsonNode v = at(d, NUMBERS[i][1]);
        numbers[i] = v != null && v.isNumber() ? v.asDouble() : Double.NaN;
      }
      JsonNode frames = switch (r.job().kind()) {
        case "neb" -> at(d, "paths.0.images");
        case "interface" -> at(d, "frames_used.interface");
        default -> d.get("frames");
      };
      String bondsJson = CampaignFiles.read(CampaignFiles.bondsJson(out, r.name()));
      int[] events = {-1, -1};
      if (bondsJson != null) {
        events = new int[2];
        for (JsonNode e : parse(CampaignFiles.bondsJson(out, r.name()), bondsJson).path("events")) {
          events["break".equals(e.path("kind").asText()) ? 0 : 1]++;
        }
      }
      List<String> doubts = new ArrayList<>();
      d.path("diffusivity_doubts").forEach(x -> doubts.add(x.asText()));
      rows.add(new Row(r, "ok", null, null, numbers, frames != null && frames.isInt() ? frames.asInt() : -1, d.path("warnings").size(),
          events[0], events[1], List.copyOf(doubts)));
    }
    return rows;
  }

  private static JsonNode parse(Path file, String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode at(JsonNode d, String path) {
    JsonNode n = d;
    for (String k : path.split("\\.")) {
      n = k.matches("\\d+") ? n.path(Integer.parseInt(k)) : n.path(k);
    }
    return n.isMissingNode() || n.isNull() ? null : n;
  }

  /** How many rows have the status. */
  static long count(List<Row> rows, String status) {
    return rows.stream().filter(r -> r.status().equals(status)).count();
  }

  /** The aggregate document: counts, then one object per run. */
  static Document document(List<Row> rows) {
    Document d = new Document();
    d.put("runs", rows.size()).put("ok", (int) count(rows, "ok")).put("failed", (int) count(rows, "failed"))
        .put("skipped", (int) count(rows, "skipped")).put("missing", (int) count(rows, "missing"));
    Document.Items items = d.array("rows");
    for (Row r : rows) {
      Document o = new Document();
      o.put("name", r.run().name()).put("kind", r.run().job().kind()).put("group", r.run().group()).put("status", r.status())
          .put("error", r.error()).put("reason", r.reason());
      for (int i = 0; i < NUMBERS.length; i++) {
        o.put(NUMBERS[i][0], r.numbers()[i]);
      }
      o.put("diffusivity_doubts", new ArrayList<>(r.diffusivityDoubts()));
      o.put("frames", r.frames() < 0 ? null : r.frames()).put("warnings", r.warnings())
          .put("bond_breaks", r.bondBreaks() < 0 ? null : r.bondBreaks())
          .put("bond_formations", r.bondFormations() < 0 ? null : r.bondFormations())
          .put("bonds_json", r.bondBreaks() < 0 ? null : "runs/" + r.run().name() + ".bonds.json")
          .put("json", r.status().equals("ok") ? "runs/" + r.run().name() + ".json" : null)
          .put("command", "interphase " + String.join(" ", r.run().job().command()) + " --json");
      items.add(o);
    }
    return d;
  }

  /** The rows as a table: {@code campaign.csv}. */
  static Table table(List<Row> rows) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column.Texts("name", rows.stream().map(r -> r.run().name()).toList()));
    cols.add(new Column.Texts("kind", rows.stream().map(r -> r.run().job().kind()).toList()));
    cols.add(new Column.Texts("group", rows.stream().map(r -> r.run().group()).toList()));
    for (int i = 0; i < NUMBERS.length; i++) {
      int k = i;
      cols.add(new Column.Numbers(NUMBERS[i][0], rows.stream().mapToDouble(r -> r.numbers()[k]).toArray(), null));
    }
    cols.add(new Column.Texts("frames", rows.stream().map(r -> r.frames() < 0 ? "" : Integer.toString(r.frames())).toList()));
    cols.add(new Column.Texts("bond_breaks", rows.stream().map(r -> r.bondBreaks() < 0 ? "" : Integer.toString(r.bondBreaks())).toList()));
    cols.add(new Column.Texts("bond_formations", rows.stream().map(r -> r.bondFormations() < 0 ? "" : Integer.toString(r.bondFormations()))
        .toList()));
    cols.add(new Column.Texts("diffusivity_doubts", rows.stream().map(r -> String.join("; ", r.diffusivityDoubts())).toList()));
    cols.add(new Column.Integers("warnings", rows.stream().mapToInt(Row::warnings).toArray()));
    cols.add(new Column.Texts("status", rows.stream().map(Row::status).toList()));
    cols.add(new Column.Texts("error", rows.stream().map(r -> r.error() == null ? "" : r.error()).toList()));
    cols.add(new Column.Texts("reason", rows.stream().map(r -> r.reason() == null ? "" : r.reason()).toList()));
    return new Table("campaign.csv", cols);
  }

  /** Writes campaign.json, campaign.csv and index.html under {@code out}; returns the rows. */
  static List<Row> write(Path out, List<CampaignRun> runs) {
    List<Row> rows = rows(out, runs);
    Document doc = document(rows);
    CampaignFiles.writeAtomically(out.resolve("campaign.json"), w -> {
      ResultWriter.writeJson(doc, w);
      w.write('\n');
    });
    Table t = table(rows);
    CampaignFiles.replace(out.resolve("campaign.csv"), tmp -> ResultWriter.writeTable(tmp, t));
    HtmlReport html = page(rows);
    CampaignFiles.replace(out.resolve("index.html"), html::write);
    return rows;
  }

  private static HtmlReport page(List<Row> rows) {
    HtmlReport html = new HtmlReport("Interphase campaign: " + rows.size() + " runs");
    html.section("Runs").text(summary(rows) + ". Each name links to the run's JSON, the document its command prints with "
        + "--json; campaign.json and campaign.csv hold this table at full precision.");
    List<List<String>> cells = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (Row r : rows) {
      double[] x = r.numbers();
      // one decimal for every run: given temperatures (600) and measured means (1448.6) side by side
      String temperature = Double.isNaN(x[0]) ? "" : String.format(Locale.ROOT, "%.1f", x[0]);
      // a doubtful D (and the σ from it) is marked where it is shown; the reasons go under the table
      String doubtful = r.diffusivityDoubts().isEmpty() || Double.isNaN(x[1]) ? "" : " (doubtful)";
      cells.add(List.of(r.run().name(), r.run().job().kind(), r.run().group(), temperature, pm(x[1], x[2]) + doubtful,
          pm(x[3], x[4]) + (Double.isNaN(x[3]) ? "" : doubtful), pm(x[5], x[6]),
          pm(x[7], x[8]), num(x[9]) + (Double.isNaN(x[10]) ? "" : " / " + num(x[10])),
          r.bondBreaks() < 0 ? "" : r.bondBreaks() + " / " + r.bondFormations(), r.frames() < 0 ? "" : Integer.toString(r.frames()),
          r.status().equals("ok") ? Integer.toString(r.warnings()) : "",
          r.status()));
      links.add(r.status().equals("ok") ? "runs/" + r.run().name() + ".json" : null);
    }
    List<String> header = List.of("run", "kind", "group", "T (K)", "D (cm²/s)", "σ (S/cm)", "γ (J/m²)", "W_adh (J/m²)",
        "barrier fwd / bwd (eV)", "bond breaks / formations", "frames", "warnings (in the run's JSON)", "status");
    // errors name whole file paths: they are listed under the table, which scrolls rather than running off the page
    html.wideTable(header, cells, links, header.size() - 1);
    List<String> why = new ArrayList<>();
    for (Row r : rows) {
      if (r.error() != null || r.reason() != null) {
        why.add(r.run().name() + " " + r.status() + ": " + (r.error() != null ? r.error() : r.reason()));
      }
      if (!r.diffusivityDoubts().isEmpty() && !Double.isNaN(r.numbers()[1])) {
        why.add(r.run().name() + ": D doubtful (" + String.join(", ", r.diffusivityDoubts()) + "; see the run's JSON)");
      }
    }
    html.notes(why);
    html.links(List.of("campaign.json", "campaign.csv")).endSection();
    return html;
  }

  /** "12 runs: 10 ok, 1 failed, 0 missing", with ", 1 skipped" after the failures when a run was skipped. */
  static String summary(List<Row> rows) {
    long skipped = count(rows, "skipped");
    return String.format(Locale.ROOT, "%d run%s: %d ok, %d failed, %s%d missing", rows.size(), rows.size() == 1 ? "" : "s",
        count(rows, "ok"), count(rows, "failed"), skipped == 0 ? "" : skipped + " skipped (nothing to compute), ", count(rows, "missing"));
  }

  /** As the report shows numbers: 1.45 × 10⁻⁵, 0.2057; empty for none. */
  private static String num(double v) {
    return pm(v, Double.NaN);
  }

  /** A value rounded to its error, as the report shows it: (1.64 ± 0.50) × 10⁻⁴; empty for none. */
  private static String pm(double v, double err) {
    return Double.isNaN(v) ? "" : new org.interphase.core.Measurement(v, err, "").displayNumber();
  }
}
