package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo report of the bundled examples, run once. It opens in a real browser (headless
 * Chromium over the DevTools protocol): no request leaves the machine, no error, every image
 * decodes, every 3D view draws, clicks on an NEB point, a bond event and an atom change what the
 * view shows, and screenshots are saved under target/; the browser part is skipped only when no
 * Chromium is installed ({@code -Dinterphase.requireBrowser=true} (CI) makes that a failure).
 * Every barrier, D, σ, γ and W the page shows (tables, captions, chart
 * legends) is the value of the JSON and of the CSV beside it, rounded to the digits printed.
 */
class DemoReportTest {

  private static final List<String> SEED_TITLES = List.of("S8 | Li6PS5Cl at 600 K (seed model)", "S8 | Li3PS4 | Li6PS5Cl at 600 K (seed model)",
      "Li2S | Li6PS5Cl at 600 K (seed model)", "Li2S | Li3PS4 | Li6PS5Cl at 600 K (seed model)");

  private static Path out;
  private static InfoCommandTest.Run run;

  @BeforeAll
  static void runDemo() {
    out = SharedData.scratch("demo");
    run = InfoCommandTest.run("demo", "--examples", SharedData.projectRoot().resolve("examples").toString(), "--out", out.toString());
  }

  private static Path chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  @Test
  void demoReportHoldsEverySection() throws Exception {
    assertEquals(0, run.exit(), run.err());
    Path page = out.resolve("index.html");
    assertTrue(run.out().contains(page.toAbsolutePath().normalize().toString()), run.out());
    String html = Files.readString(page);
    for (String s : List.of("Interface energies", "Migration barriers", "MD run: cp2k-aimd-li3ps4", "correlation-aware")) {
      assertTrue(html.contains(s), s);
    }
    // the seed study: four models after AIMD, their interface energies, the Li hop with and without the interphase
    for (String s : SEED_TITLES) {
      assertTrue(html.contains("MD run: " + s), s);
    }
    String interfaces = Files.readString(out.resolve("interfaces/interface.json"));
    String neb = Files.readString(out.resolve("neb/neb.json"));
    for (String s : List.of("S8 | Li6PS5Cl, AIMD 600 K", "S8 | Li3PS4 (on Li6PS5Cl), AIMD 600 K", "Li2S | Li6PS5Cl, AIMD 600 K",
        "Li2S | Li3PS4 (on Li6PS5Cl), AIMD 600 K")) {
      assertTrue(interfaces.contains(s), s);
    }
    for (String s : List.of("Li hop Li2S → Li6PS5Cl (no interphase)", "Li hop Li2S → Li3PS4 interphase")) {
      assertTrue(neb.contains(s), s);
      assertTrue(html.contains(s), s);
    }
    for (String f : List.of("md-1/msd.json", "md-1/bonds.json", "md-1/transport.csv", "interfaces/interface.json", "interfaces/interface.csv",
        "neb/neb.json", "neb/neb.csv")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
  }

  /** Pixels of each 3D view's canvas that are not the white background, as a fraction, by view id; and a digest of each canvas. */
  private static final String INK = """
      (() => Array.from(document.querySelectorAll('.v3d')).map(v => {
        const c = v.querySelector('.v3d-canvas canvas');
        if (!c || !c.width) { return {id: v.dataset.viewer, ink: -1, digest: ''}; }
        const t = document.createElement('canvas'); t.width = c.width; t.height = c.height;
        const g = t.getContext('2d'); g.drawImage(c, 0, 0);
        const px = g.getImageData(0, 0, t.width, t.height).data; let ink = 0, h = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) { ink++; }
          h = (h * 31 + px[i] + 7 * px[i + 1] + 13 * px[i + 2]) % 1000000007;
        }
        return {id: v.dataset.viewer, ink: ink / (px.length / 4), digest: String(h)};
      }))()""";

  /** What a view shows (its data- attributes), by id. */
  private static JsonNode shown(DevTools page, String id) {
    return page.evaluate("(() => { const v = document.getElementById('v3d-" + id + "'); return {seq: v.dataset.seq, shown: v.dataset.shown, "
        + "highlight: v.dataset.highlight, picked: v.dataset.picked || '', info: v.querySelector('.v3d-info').textContent}; })()");
  }

  private static String digest(DevTools page, String id) {
    for (JsonNode v : page.evaluate(INK)) {
      if (v.get("id").asText().equals(id)) {
        return v.get("digest").asText();
      }
    }
    throw new AssertionError("no view " + id);
  }

  /** Scrolls an element into the middle of the viewport and clicks its centre with the mouse. */
  private static void clickOn(DevTools page, String selector) {
    JsonNode r = page.evaluate("(() => { const e = document.querySelector(" + Json.MAPPER.valueToTree(selector) + "); if (!e) { return null; } "
        + "e.scrollIntoView({block: 'center'}); const b = e.getBoundingClientRect(); "
        + "return {x: b.left + b.width / 2, y: b.top + b.height / 2}; })()");
    assertFalse(r.isNull(), "nothing to click at " + selector);
    page.click(r.get("x").asDouble(), r.get("y").asDouble());
  }

  private static void screenshot(DevTools page, Path png) throws IOException {
    JsonNode shot = page.send("Page.captureScreenshot", "format", "png");
    Files.write(png, java.util.Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /**
   * The demo page in headless Chromium, driven over the DevTools protocol: it asks for nothing beyond
   * the page (every http, https, ws or ftp request is failed and counted), logs no error, every image
   * decodes, every 3D view draws something on its canvas, a click on a point of an NEB profile shows
   * that image, a click on a bond event (table row) shows the frames around it with its atoms
   * highlighted, a click on an atom tells which it is. Screenshots go to {@code target/}.
   */
  @Test
  void demoPageInHeadlessChromium() throws Exception {
    assertEquals(0, run.exit(), run.err());
    Path page = out.resolve("index.html");
    assertTrue(Files.size(page) < 20_000_000, "the page is under 20 MB: " + Files.size(page));
    Path browser = chromium();
    if (browser == null) {
      if (Boolean.getBoolean("interphase.requireBrowser")) {
        fail("no Chromium installed, but -Dinterphase.requireBrowser=true");
      }
      Assumptions.abort("no Chromium installed (/usr/bin/chromium): the browser check is skipped");
    }
    Path profile = Files.createTempDirectory(SharedData.scratch("chromium"), "profile");
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> blocked = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    // WebGL without a GPU: SwiftShader, which Chromium keeps for software rendering
    try (DevTools b = DevTools.launch(browser, profile, List.of("--enable-unsafe-swiftshader", "--window-size=1280,1000",
        "--hide-scrollbars"))) {
      b.on("Network.requestWillBeSent", e -> requests.add(e.path("request").path("url").asText()));
      b.on("Fetch.requestPaused", e -> {
        blocked.add(e.path("request").path("url").asText());
        b.post("Fetch.failRequest", "requestId", e.get("requestId").asText(), "errorReason", "BlockedByClient");
      });
      b.on("Runtime.consoleAPICalled", e -> {
        if (List.of("error", "assert").contains(e.path("type").asText())) {
          errors.add("console: " + e.path("args"));
        }
      });
      b.on("Runtime.exceptionThrown", e -> errors.add("exception: " + e.path("exceptionDetails")));
      b.on("Log.entryAdded", e -> {
        if (e.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + e.path("entry").path("text").asText() + " " + e.path("entry").path("url").asText());
        }
      });
      java.util.concurrent.CompletableFuture<Boolean> loaded = new java.util.concurrent.CompletableFuture<>();
      b.on("Page.loadEventFired", e -> loaded.complete(true));
      for (String domain : List.of("Network.enable", "Runtime.enable", "Log.enable", "Page.enable")) {
        b.send(domain);
      }
      List<Map<String, String>> patterns = new ArrayList<>();
      for (String scheme : List.of("http*", "ws*", "ftp*")) {
        patterns.add(Map.of("urlPattern", scheme + ":*"));
      }
      b.send("Fetch.enable", "patterns", patterns);
      b.send("Page.navigate", "url", page.toUri().toString());
      loaded.get(60, TimeUnit.SECONDS);
      checkViews(b);
      for (String u : requests) {
        assertTrue(u.startsWith("file:") || u.startsWith("data:") || u.startsWith("blob:") || u.startsWith("about:"), "a request left: " + u);
      }
      assertEquals(List.of(), blocked, "requests to servers");
      assertEquals(List.of(), errors, "errors in the browser");
    }
  }

  /** The checks on the loaded page: images, 3D views drawn, NEB point and event clicks, an atom click, screenshots. */
  private static void checkViews(DevTools b) throws Exception {
    JsonNode images = b.evaluate("document.body.dataset.imagesOk");
    Matcher ok = Pattern.compile("(\\d+)/(\\d+)").matcher(images.asText());
    assertTrue(ok.matches(), "the page's load script ran: " + images);
    assertEquals(ok.group(2), ok.group(1), "every image decodes");
    assertTrue(Integer.parseInt(ok.group(2)) >= 20, "images: " + ok.group(2));
    int views = b.evaluate("document.querySelectorAll('.v3d').length").asInt();
    assertEquals(6 + 3, views, "a 3D view per MD run and per NEB path");
    // views are set up when scrolled near (the page opens fast); this sets up all at once
    assertTrue(b.evaluate("document.querySelectorAll('.v3d[data-ready]').length").asInt() < views, "views far down wait");
    assertEquals(views, b.evaluate("window.interphase3d.initAll()").asInt(), "every view has WebGL");
    assertEquals(views, b.evaluate("document.querySelectorAll('.v3d[data-ready]').length").asInt());
    for (JsonNode v : b.evaluate(INK)) {
      assertTrue(v.get("ink").asDouble() > 0.02, v.get("id").asText() + " draws on its canvas: " + v);
    }
    // the NEB profile: a click on image 3 of the first path shows image 3
    assertEquals("0", shown(b, "neb-1").get("shown").asText());
    String before = digest(b, "neb-1");
    clickOn(b, "#v3d-neb-1 .v3d-pt[data-image='3']");
    JsonNode neb = shown(b, "neb-1");
    assertEquals("images", neb.get("seq").asText());
    assertEquals("3", neb.get("shown").asText(), "the clicked image is shown");
    assertFalse(before.equals(digest(b, "neb-1")), "the view changed");
    screenshot(b, Path.of("target", "demo-report-neb.png"));
    // a bond event: the first clickable row of the events table shows the frames around it, its two atoms highlighted
    JsonNode row = b.evaluate("(() => { const r = document.querySelector('tr.pick'); return {view: r.dataset.viewer, seq: r.dataset.seq, "
        + "frame: r.children[1].textContent, atoms: r.children[5].textContent}; })()");
    String id = row.get("view").asText();
    before = digest(b, id);
    assertEquals("main", shown(b, id).get("seq").asText());
    clickOn(b, "tr.pick");
    JsonNode ev = shown(b, id);
    assertEquals(row.get("seq").asText(), ev.get("seq").asText());
    assertEquals(row.get("frame").asText(), ev.get("shown").asText(), "the event's frame is shown first");
    Matcher atoms = Pattern.compile("[A-Z][a-z]? (\\d+) – [A-Z][a-z]? (\\d+)").matcher(row.get("atoms").asText());
    assertTrue(atoms.matches(), row.toString());
    assertEquals(atoms.group(1) + "," + atoms.group(2), ev.get("highlight").asText(), "the event's atoms are highlighted");
    assertFalse(before.equals(digest(b, id)), "the view changed");
    // a click on the event's centre atom, where 3Dmol draws it, names an atom
    JsonNode at = b.evaluate("(() => { const v = window.interphase3d.views['" + id + "']; v.root.scrollIntoView({block: 'center'}); "
        + "const s = v.data.sequences[v.seq]; const f = v.data.frames[s.frames[v.pos]]; const i = " + atoms.group(1) + "; "
        + "const p = v.viewer.modelToScreen({x: f.xyz[3 * i], y: f.xyz[3 * i + 1], z: f.xyz[3 * i + 2]}); "
        + "return {x: p.x - window.pageXOffset, y: p.y - window.pageYOffset}; })()");
    b.click(at.get("x").asDouble(), at.get("y").asDouble());
    JsonNode picked = shown(b, id);
    assertFalse(picked.get("picked").asText().isEmpty(), "an atom was picked: " + picked);
    assertTrue(picked.get("info").asText().startsWith("atom " + picked.get("picked").asText() + ": "), picked.toString());
    screenshot(b, Path.of("target", "demo-report-event.png"));
    // the motif timeline: an event's triangle shows its frames, a click elsewhere the nearest sampled frame
    clickOn(b, "#v3d-md-4 .v3d-ev[data-seq='event-1']");
    assertEquals("event-1", shown(b, "md-4").get("seq").asText());
    JsonNode lane = b.evaluate("(() => { const r = document.querySelector('#v3d-md-4 .v3d-link svg rect').getBoundingClientRect(); "
        + "return {x: r.left + 0.25 * r.width, y: r.top + r.height / 2}; })()");
    b.click(lane.get("x").asDouble(), lane.get("y").asDouble());
    JsonNode sampled = shown(b, "md-4");
    assertEquals("timeline", sampled.get("seq").asText());
    assertTrue(Math.abs(sampled.get("shown").asInt() - 250) <= 40, "the sampled frame nearest frame ~250: " + sampled);
    assertTrue(Files.size(Path.of("target", "demo-report-event.png")) > 30_000, "screenshot saved");
  }

  // ---------------------------------------------------------------- what the 3D views hold

  /** The data of every 3D view of the page, by id. */
  private static Map<String, JsonNode> views(String html) throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"v3d-data-([A-Za-z0-9-]+)\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    while (m.find()) {
      out.put(m.group(1), Json.MAPPER.readTree(m.group(2)));
    }
    return out;
  }

  private static double distance(JsonNode xyz, int i, int j) {
    double s = 0;
    for (int k = 0; k < 3; k++) {
      double d = xyz.get(3 * j + k).asDouble() - xyz.get(3 * i + k).asDouble();
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /**
   * The views' data as a chemist would check it: positions to 0.001 Å; every bond drawn is a bond
   * (no stick across the cell), every PS4 whole (its four S within 2.7 Å of the P where drawn); the
   * frames of an event are those around it with its two atoms highlighted; an NEB view has one frame
   * per image with the migrating atom highlighted on its path. The page stays under 20 MB.
   */
  @Test
  void viewerDataHoldsWholeUnitsAndTheFramesAroundEvents() throws Exception {
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(Files.size(out.resolve("index.html")) < 20_000_000);
    assertTrue(html.contains("3Dmol.js 2.5.5, inlined unchanged. Its licence:") && html.contains("BSD-3-Clause"), "the licence is in the page");
    Map<String, JsonNode> views = views(html);
    assertEquals(List.of("md-1", "md-2", "md-3", "md-4", "md-5", "md-6", "neb-1", "neb-2", "neb-3"), List.copyOf(views.keySet()));
    assertFalse(Pattern.compile("\"xyz\":\\[[^\\]]*\\d\\.\\d{4}").matcher(html).find(), "positions to 0.001 Å");
    int ps4 = 0;
    for (JsonNode v : views.values()) {
      List<String> motifs = new ArrayList<>();
      v.get("motifs").forEach(x -> motifs.add(x.asText()));
      for (JsonNode f : v.get("frames")) {
        JsonNode xyz = f.get("xyz");
        assertEquals(3 * v.get("elements").size(), xyz.size());
        for (int b = 0; b < f.get("bonds").size(); b += 2) {
          double d = distance(xyz, f.get("bonds").get(b).asInt(), f.get("bonds").get(b + 1).asInt());
          assertTrue(d < 2.9, v.get("id").asText() + " " + f.get("label").asText() + ": a bond of " + d + " Å");
        }
        for (JsonNode u : f.get("units")) {
          if (motifs.get(u.get(0).asInt()).equals("PS4")) {
            ps4++;
            List<Integer> atoms = new ArrayList<>();
            u.forEach(x -> atoms.add(x.asInt()));
            atoms.remove(0);
            int p = atoms.stream().filter(a -> v.get("elements").get(a).asText().equals("P")).findFirst().orElseThrow();
            assertEquals(5, atoms.size());
            for (int a : atoms) {
              assertTrue(distance(xyz, p, a) < 2.7, v.get("id").asText() + " " + f.get("label").asText() + ": PS4 split");
            }
          }
        }
      }
    }
    assertTrue(ps4 > 1000, "PS4 units checked: " + ps4);
    // events: md-4 has six, each with its frames; the view's sequence is the frames around it, its atoms highlighted
    JsonNode events = Json.MAPPER.readTree(out.resolve("md-4/bonds.json").toFile()).get("events");
    JsonNode md4 = views.get("md-4");
    assertEquals(6, events.size());
    for (int k = 0; k < events.size(); k++) {
      JsonNode e = events.get(k);
      JsonNode seq = md4.get("sequences").get("event-" + k);
      List<Integer> shown = new ArrayList<>();
      for (JsonNode n : seq.get("frames")) {
        JsonNode f = md4.get("frames").get(n.asInt());
        shown.add(f.get("index").asInt());
        assertEquals(List.of(e.get("center").asInt(), e.get("ligand").asInt()), List.of(f.get("hl").get(0).get("atoms").get(0).asInt(),
            f.get("hl").get(0).get("atoms").get(1).asInt()));
      }
      List<Integer> expected = new ArrayList<>();
      for (int j = -5; j <= 5; j++) {
        expected.add(e.get("frame").asInt() + 2 * j);
      }
      assertEquals(expected, shown, "event " + k);
      assertEquals(e.get("frame").asInt(), shown.get(seq.get("at").asInt()));
    }
    // NEB: one frame per image, the migrating atom highlighted where the path says
    JsonNode paths = Json.MAPPER.readTree(out.resolve("neb/neb.json").toFile()).get("paths");
    for (int k = 0; k < paths.size(); k++) {
      JsonNode v = views.get("neb-" + (k + 1));
      int m = paths.get(k).get("migrating_atom").asInt();
      assertEquals(paths.get(k).get("images").asInt(), v.get("sequences").get("images").get("frames").size());
      for (JsonNode f : v.get("frames")) {
        assertEquals(m, f.get("hl").get(0).get("atoms").get(0).asInt());
        JsonNode at = f.get("path").get(f.get("index").asInt());
        for (int c = 0; c < 3; c++) {
          assertEquals(at.get(c).asDouble(), f.get("xyz").get(3 * m + c).asDouble(), 0.01, "image " + f.get("index") + " on its path");
        }
      }
    }
  }

  // ---------------------------------------------------------------- one value everywhere

  /** A number as printed: mantissa, its error (null when none), the power of ten after the parenthesis, digits after the point. */
  record Shown(String text, BigDecimal value, BigDecimal error, int exponent) {

    private static final Pattern SCI = Pattern.compile("\\(([-+]?\\d+(?:\\.\\d+)?) ± (\\d+(?:\\.\\d+)?)\\)e([-+]\\d+)");
    private static final Pattern PLAIN = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?) ± (\\d+(?:\\.\\d+)?)");
    private static final Pattern SINGLE = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)(?:e([-+]\\d+))?");

    /** The first number of a cell, caption or legend entry, with its error when one is given. */
    static Shown parse(String shown) {
      String s = ascii(shown);
      Matcher m = SCI.matcher(s);
      if (m.find()) {
        return new Shown(s, new BigDecimal(m.group(1)), new BigDecimal(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = PLAIN.matcher(s);
      if (m.find()) {
        return new Shown(s, new BigDecimal(m.group(1)), new BigDecimal(m.group(2)), 0);
      }
      m = SINGLE.matcher(s);
      assertTrue(m.find(), "a number in '" + s + "'");
      return new Shown(s, new BigDecimal(m.group(1)), null, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** The typographic form {@code (3.1 ± 1.3) × 10⁻⁵} written as {@code (3.1 ± 1.3)e-05}, a minus sign as a hyphen. */
    static String ascii(String s) {
      Matcher m = Pattern.compile(" × 10([⁻⁺]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)").matcher(s.replace('−', '-'));
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        StringBuilder digits = new StringBuilder();
        for (char c : m.group(2).toCharArray()) {
          digits.append("⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c));
        }
        m.appendReplacement(b, "e" + ("⁻".equals(m.group(1)) ? "-" : "+") + (digits.length() < 2 ? "0" : "") + digits);
      }
      return m.appendTail(b).toString();
    }

    /** Whether {@code exact} rounds to the printed {@code printed}: within half a unit of its last digit. */
    private static boolean rounds(double exact, BigDecimal printed, int exponent) {
      double half = 0.5 * Math.pow(10, -printed.scale());
      double scaled = exact / Math.pow(10, exponent);
      return Math.abs(scaled - printed.doubleValue()) <= half * (1 + 1e-9) + 1e-12 * Math.abs(scaled);
    }

    void agreesWith(String what, double value, double stdErr) {
      assertTrue(rounds(value, this.value, exponent), what + ": shown '" + text + "', the file holds " + value);
      if (error != null) {
        assertTrue(rounds(stdErr, error, exponent), what + ": error shown '" + text + "', the file holds " + stdErr);
      }
    }
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  /** The body of the section whose heading is {@code heading}. */
  private static String section(String html, String heading) {
    int h = html.indexOf("<h2>" + heading.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</h2>");
    assertTrue(h >= 0, "section " + heading);
    return html.substring(h, html.indexOf("</section>", h));
  }

  /** The rows of every table in {@code html}, cells unescaped, keyed by their first cell. */
  private static Map<String, List<String>> rows(String html) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher tr = Pattern.compile("<tr>(.*?)</tr>").matcher(html);
    while (tr.find()) {
      List<String> cells = new ArrayList<>();
      Matcher td = Pattern.compile("<td>(.*?)</td>").matcher(tr.group(1));
      while (td.find()) {
        cells.add(unescape(td.group(1)));
      }
      if (!cells.isEmpty()) {
        rows.put(cells.get(0), cells);
      }
    }
    return rows;
  }

  private static List<String> captions(String html) {
    List<String> c = new ArrayList<>();
    Matcher m = Pattern.compile("<figcaption>(.*?)</figcaption>").matcher(html);
    while (m.find()) {
      c.add(unescape(m.group(1)));
    }
    return c;
  }

  /** The text elements of an SVG chart (legend entries among them). */
  static List<String> svgTexts(Path svg) throws IOException {
    List<String> t = new ArrayList<>();
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(Files.readString(svg));
    while (m.find()) {
      t.add(unescape(m.group(1)));
    }
    return t;
  }

  private static Map<String, CSVRecord> csv(Path file, String key) throws IOException {
    Map<String, CSVRecord> byKey = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(file)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        byKey.put(rec.get(key), rec);
      }
    }
    return byKey;
  }

  private static double num(CSVRecord r, String column) {
    String v = r.get(column);
    return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
  }

  @Test
  void everyBarrierShownIsTheJsonAndCsvValue() throws Exception {
    assertEquals(0, run.exit(), run.err());
    String neb = section(Files.readString(out.resolve("index.html")), "Migration barriers");
    Map<String, List<String>> table = rows(neb);
    List<String> captions = captions(neb);
    List<String> legend = svgTexts(out.resolve("neb/neb.svg"));
    Map<String, CSVRecord> csv = csv(out.resolve("neb/neb.csv"), "name");
    JsonNode paths = Json.MAPPER.readTree(out.resolve("neb/neb.json").toFile()).get("paths");
    assertEquals(3, paths.size());
    for (JsonNode p : paths) {
      String name = p.get("name").asText();
      List<String> row = table.get(name);
      CSVRecord c = csv.get(name);
      String forward = row.get(2);
      // the same digits in the table, the picture's caption and the chart's legend
      assertTrue(captions.stream().anyMatch(x -> x.startsWith(name + ": ") && x.contains("barrier " + forward + " eV")), name + " " + captions);
      assertTrue(legend.contains(name + " (" + forward + " eV)"), name + " " + legend);
      for (String[] q : new String[][] {{"forward", "barrier_forward_ev", forward}, {"backward", "barrier_backward_ev", row.get(3)},
          {"reaction energy", "reaction_energy_ev", row.get(4)}}) {
        assertEquals(3, Shown.parse(q[2]).value().scale(), name + " " + q[0] + " to the meV: " + q[2]);
        Shown.parse(q[2]).agreesWith(name + " " + q[0] + " (JSON)", p.get(q[1]).asDouble(), Double.NaN);
        Shown.parse(q[2]).agreesWith(name + " " + q[0] + " (CSV)", num(c, q[1]), Double.NaN);
      }
    }
    // and the values themselves: seed bands from cli/src/test/python/seed_neb_reference.py, the LiCl hop from
    // ../shared/data/cp2k/neb_li_hop/reference.json, each ASE NEBTools' force fit through the same single points
    Map<String, Double> ase = Map.of("Li hop Li2S → Li6PS5Cl (no interphase)", 0.9345190625837532, "Li hop Li2S → Li3PS4 interphase",
        0.37059084254144103, "Li vacancy hop next to Cl in Li2S", 0.2056083432572826);
    for (JsonNode p : paths) {
      assertEquals(ase.get(p.get("name").asText()), p.get("barrier_forward_ev").asDouble(), 2e-4, p.get("name").asText());
    }
    assertEquals("0.935", table.get("Li hop Li2S → Li6PS5Cl (no interphase)").get(2));
    assertEquals("0.371", table.get("Li hop Li2S → Li3PS4 interphase").get(2));
    assertEquals("0.206", table.get("Li vacancy hop next to Cl in Li2S").get(2));
    // the Li3PS4 path is a band and its continuation: the continuation is read, and the page says so
    assertTrue(neb.contains("2 bands here: continued/band_li2s_lps_lpsc_cont (41 band steps) starts from the final replicas of "
        + "band_li2s_lps_lpsc (22 band steps)"), "continuation note");
    assertTrue(neb.contains("forces and energies from the single points sp_replica_1.out … sp_replica_7.out beside the band"));
  }

  @Test
  void everyDiffusivityAndConductivityShownIsTheJsonAndCsvValue() throws Exception {
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(out.resolve("index.html"));
    Matcher h = Pattern.compile("<h2>MD run: (.*?)</h2>").matcher(html);
    int k = 0;
    int checked = 0;
    int mixedLayers = 0;
    while (h.find()) {
      String title = unescape(h.group(1));
      Path dir = out.resolve("md-" + (++k));
      Map<String, List<String>> table = rows(section(html, "MD run: " + title));
      boolean glsQuoted = table.containsKey("D (GLS, modelled covariance)");
      if (!glsQuoted && !table.containsKey("D (least squares, correlation-aware error)")) {
        continue;
      }
      JsonNode j = Json.MAPPER.readTree(dir.resolve("msd.json").toFile());
      assertEquals(glsQuoted ? "gls" : "ols", j.get("estimator").asText(), title);
      Map<String, CSVRecord> csv = csv(dir.resolve("transport.csv"), "region");
      CSVRecord all = csv.get("all");
      String dCell = table.get(glsQuoted ? "D (GLS, modelled covariance)" : "D (least squares, correlation-aware error)").get(1);
      // a doubtful D says so in its cell, as msd.json's diffusivity_doubts
      boolean doubtful = j.get("diffusivity_doubts").size() > 0;
      assertEquals(doubtful, dCell.contains(" — doubtful ("), title + ": " + dCell + " / " + j.get("diffusivity_doubts"));
      String d = dCell.split(" — doubtful")[0];
      Shown.parse(d).agreesWith(title + " D (JSON)", j.get("diffusivity_cm2_s").asDouble(), j.get("diffusivity_stderr_cm2_s").asDouble());
      Shown.parse(d).agreesWith(title + " D (CSV)", num(all, "diffusivity_cm2_s"), num(all, "diffusivity_stderr_cm2_s"));
      // the other estimator beside it, for comparison
      String other = glsQuoted ? "ols" : "gls";
      String shown = table.get(glsQuoted ? "D (least squares, correlation-aware error, for comparison)"
          : "D (GLS, for comparison; not quoted, see the warnings)").get(1);
      Shown.parse(shown).agreesWith(title + " D " + other + " (JSON)", j.get("diffusivity_" + other + "_cm2_s").asDouble(),
          j.get("diffusivity_" + other + "_stderr_cm2_s").asDouble());
      Shown.parse(shown).agreesWith(title + " D " + other + " (CSV)", num(all, "diffusivity_" + other + "_cm2_s"),
          num(all, "diffusivity_" + other + "_stderr_cm2_s"));
      String sigmaCell = table.get("σ (Nernst–Einstein)").get(1);
      assertEquals(doubtful, sigmaCell.endsWith(" — doubtful, as D"), title + ": " + sigmaCell);
      String sigma = sigmaCell.split(" — doubtful")[0];
      Shown.parse(sigma).agreesWith(title + " σ (JSON)", j.get("conductivity_s_cm").asDouble(), j.get("conductivity_stderr_s_cm").asDouble());
      Shown.parse(sigma).agreesWith(title + " σ (CSV)", num(all, "conductivity_s_cm"), num(all, "conductivity_stderr_s_cm"));
      // the MSD chart's legend prints the same D
      // (followed by "(doubtful)" where the fit window's checks raised any), named by its method
      String method = glsQuoted ? "GLS fit: D = " : "least-squares fit: D = ";
      assertTrue(svgTexts(dir.resolve("msd.svg")).stream().anyMatch(t -> t.equals(method + d) || t.equals(method + d + " (doubtful)")),
          title + ": legend D = " + d);
      // per layer: the table, msd.json's regions and transport.csv
      int layer = 0;
      for (Map.Entry<String, List<String>> e : table.entrySet()) {
        if (!e.getKey().startsWith("z=")) {
          continue;
        }
        JsonNode rj = j.get("regions").get(layer++);
        assertEquals(e.getKey(), rj.get("region").asText());
        CSVRecord rc = csv.get(e.getKey());
        Shown.parse(e.getValue().get(2)).agreesWith(title + " " + e.getKey() + " D (JSON)", rj.get("diffusivity_cm2_s").asDouble(),
            rj.get("diffusivity_stderr_cm2_s").asDouble());
        Shown.parse(e.getValue().get(2)).agreesWith(title + " " + e.getKey() + " D (CSV)", num(rc, "diffusivity_cm2_s"),
            num(rc, "diffusivity_stderr_cm2_s"));
        Shown.parse(e.getValue().get(3)).agreesWith(title + " " + e.getKey() + " σ (JSON)", rj.get("conductivity_s_cm").asDouble(),
            rj.get("conductivity_stderr_s_cm").asDouble());
        Shown.parse(e.getValue().get(3)).agreesWith(title + " " + e.getKey() + " σ (CSV)", num(rc, "conductivity_s_cm"),
            num(rc, "conductivity_stderr_s_cm"));
        // where the whole run and the layers quote different estimators, each layer's least-squares D is shown beside
        boolean mixed = !j.get("regions").get(layer - 1).get("estimator").asText().equals(j.get("estimator").asText());
        if (mixed || e.getValue().size() == 7) {
          assertEquals(7, e.getValue().size(), title + " " + e.getKey() + ": a least-squares column");
          Shown.parse(e.getValue().get(5)).agreesWith(title + " " + e.getKey() + " D least squares (JSON)",
              rj.get("diffusivity_ols_cm2_s").asDouble(), rj.get("diffusivity_ols_stderr_cm2_s").asDouble());
          mixedLayers++;
        }
        checked++;
      }
      assertEquals(layer, j.get("regions").size(), title + ": every layer of msd.json is shown");
      checked++;
    }
    assertEquals(6 + 10, checked, "six runs with D and σ, ten layers");
    // the Li2S | Li6PS5Cl model: the whole run quotes least squares (its GLS fit fails its checks), its three layers GLS
    assertTrue(mixedLayers >= 3, "layers shown with their least-squares D: " + mixedLayers);
  }

  /**
   * Each seed model shows its Li hops per layer (one row per region of demo.json, the counts of hop_layers.csv), the hops between
   * layers, and the PS4 rotation with the paddle-wheel test.
   */
  @Test
  void seedModelsShowHopsPerLayerAndTheRotationHopCoupling() throws Exception {
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(out.resolve("index.html"));
    JsonNode demo = Json.MAPPER.readTree(SharedData.projectRoot().resolve("examples/demo.json").toFile());
    for (int k = 0; k < SEED_TITLES.size(); k++) {
      String sec = section(html, "MD run: " + SEED_TITLES.get(k));
      assertTrue(sec.contains("Li hops per layer") && sec.contains("Hops between layers"), SEED_TITLES.get(k));
      assertTrue(sec.contains("PS4 rotation and Li hops") && sec.contains("Paddle-wheel test"), SEED_TITLES.get(k));
      Map<String, CSVRecord> layers = csv(out.resolve("md-" + (k + 1)).resolve("hop_layers.csv"), "layer_a");
      assertEquals(demo.get("md").get(k).get("regions").size(), layers.size(), SEED_TITLES.get(k));
      Map<String, List<String>> rows = rows(sec.substring(sec.indexOf("Li hops per layer"), sec.indexOf("Hops between layers")));
      for (CSVRecord l : layers.values()) {
        org.interphase.analysis.msd.Region g = org.interphase.analysis.msd.Region.parse(l.get("layer_a"));
        List<String> shown = rows.get(g.label());
        assertEquals(l.get("sites"), shown.get(1), g.label());
        assertEquals(l.get("hops_out") + " (" + l.get("hops_within") + ")", shown.get(3), g.label());
      }
      assertTrue(Files.exists(out.resolve("md-" + (k + 1)).resolve("rotation.json")), SEED_TITLES.get(k));
    }
  }

  @Test
  void everyInterfaceEnergyAndWorkOfAdhesionShownIsTheJsonAndCsvValue() throws Exception {
    assertEquals(0, run.exit(), run.err());
    Map<String, List<String>> table = rows(section(Files.readString(out.resolve("index.html")), "Interface energies"));
    Map<String, CSVRecord> csv = csv(out.resolve("interfaces/interface.csv"), "name");
    JsonNode results = Json.MAPPER.readTree(out.resolve("interfaces/interface.json").toFile()).get("results");
    assertEquals(6, results.size());
    for (JsonNode r : results) {
      String name = r.get("name").asText();
      List<String> row = table.get(name);
      CSVRecord c = csv.get(name);
      for (String[] q : new String[][] {{"1", "interface_energy_ev_a2", "interface_energy_stderr_ev_a2"},
          {"2", "interface_energy_j_m2", "interface_energy_stderr_j_m2"}, {"3", "work_of_adhesion_j_m2", "work_of_adhesion_stderr_j_m2"}}) {
        String cell = row.get(Integer.parseInt(q[0]));
        assertFalse(cell.equals("—"), name + " " + q[1]);
        Shown s = Shown.parse(cell);
        s.agreesWith(name + " " + q[1] + " (JSON)", r.get(q[1]).asDouble(), r.path(q[2]).asDouble(Double.NaN));
        s.agreesWith(name + " " + q[1] + " (CSV)", num(c, q[1]), num(c, q[2]));
      }
    }
    // ../shared/data/cp2k/interface_energy/reference.json (the same single points): γ = −0.2594891399658639 J/m², W = −γ
    List<String> sp = table.get("Li2S(110) | S8, relaxed single points");
    assertEquals("-0.2595", sp.get(2));
    assertEquals("0.2595", sp.get(3));
    // the JSON beside the figure carries the section's warnings, as the page shows them (the 300 K AIMD runs of the Li2S | S8
    // case average 305.3, 285.9 and 328.1 K after 0.1 ps: reference.json's mean_T_K of steps ≥ 50)
    List<String> warnings = new ArrayList<>();
    Json.MAPPER.readTree(out.resolve("interfaces/interface.json").toFile()).get("warnings").forEach(w -> warnings.add(w.asText()));
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Li2S(110) | S8, AIMD at 300 K: the MD averages are at different mean "
        + "temperatures") && w.contains("305.3 K") && w.contains("285.9 K") && w.contains("328.1 K")), warnings.toString());
    String page = unescape(section(Files.readString(out.resolve("index.html")), "Interface energies"));
    for (String w : warnings) {
      assertTrue(page.contains(w), "on the page: " + w);
    }
  }
}
