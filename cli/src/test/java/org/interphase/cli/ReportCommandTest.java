package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** What the report says when a section cannot be computed, and the parameters it lists. */
class ReportCommandTest {

  /**
   * An antifluorite cell (a = 5.71 Å, S on the fcc sites, the cation on the tetrahedral ones) as a
   * VASP 5 XDATCAR of 12 frames written every 5 MD steps, with small seeded displacements; no INCAR,
   * so the time between frames is unknown.
   */
  private static Path xdatcar(String name, String cation, String anion) throws IOException {
    Path dir = SharedData.scratch("report-" + name).resolve("run");
    Files.createDirectories(dir);
    StringBuilder b = new StringBuilder("antifluorite\n   1.0\n  5.710000 0 0\n  0 5.710000 0\n  0 0 5.710000\n   " + cation + " " + anion
        + "\n    8 4\n");
    double[][] anions = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
    Random rnd = new Random(7);
    for (int k = 0; k < 12; k++) {
      b.append("Direct configuration=     ").append(1 + 5 * k).append('\n');
      for (double x : new double[] {.25, .75}) {
        for (double y : new double[] {.25, .75}) {
          for (double z : new double[] {.25, .75}) {
            b.append(String.format(Locale.ROOT, "  %.8f  %.8f  %.8f%n", x + 0.01 * rnd.nextGaussian(), y + 0.01 * rnd.nextGaussian(),
                z + 0.01 * rnd.nextGaussian()));
          }
        }
      }
      for (double[] s : anions) {
        b.append(String.format(Locale.ROOT, "  %.8f  %.8f  %.8f%n", (s[0] + 0.01 * rnd.nextGaussian() + 1) % 1,
            (s[1] + 0.01 * rnd.nextGaussian() + 1) % 1, (s[2] + 0.01 * rnd.nextGaussian() + 1) % 1));
      }
    }
    Files.writeString(dir.resolve("XDATCAR"), b.toString());
    return dir;
  }

  private static String page(Path out) throws IOException {
    return Files.readString(out.resolve("index.html"));
  }

  /** The sentences set apart as "not computed", unescaped. */
  private static List<String> missing(String html) {
    List<String> m = new ArrayList<>();
    Matcher x = Pattern.compile("<p class=\"missing\">(.*?)</p>").matcher(html);
    while (x.find()) {
      m.add(x.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }
    return m;
  }

  /** The Parameters and versions section: per sub-heading, parameter → value. */
  private static Map<String, Map<String, String>> parameters(String html) {
    String s = html.substring(html.indexOf("<h2>Parameters and versions</h2>"));
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    Matcher h = Pattern.compile("<h3>(.*?)</h3>\\s*<table>(.*?)</table>", Pattern.DOTALL).matcher(s);
    while (h.find()) {
      Map<String, String> rows = new LinkedHashMap<>();
      Matcher r = Pattern.compile("<tr><td>(.*?)</td><td>(.*?)</td></tr>").matcher(h.group(2));
      while (r.find()) {
        rows.put(r.group(1), r.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
      }
      out.put(h.group(1).replace("&amp;", "&"), rows);
    }
    return out;
  }

  @Test
  void msdWithoutTheTimeBetweenFramesSaysWhyAndWhatToDo() throws Exception {
    Path run = xdatcar("no-dt", "Li", "S");
    Path out = SharedData.scratch("report-no-dt-out");
    InfoCommandTest.Run r = InfoCommandTest.run("report", run.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    String html = page(out);
    assertEquals(List.of("MSD not computed: the time between frames is unknown (pass --timestep-fs or keep the INCAR beside the "
        + "XDATCAR)."), missing(html));
    assertFalse(Files.exists(out.resolve("md-1/msd.json")));
    assertEquals("unknown", parameters(html).get("MD run: run").get("time between frames"));
    // given the time step, the MSD is there, and the page says where the time step came from
    Path out2 = SharedData.scratch("report-dt-out");
    InfoCommandTest.Run r2 = InfoCommandTest.run("report", run.toString(), "--timestep-fs", "5", "--out", out2.toString());
    assertEquals(0, r2.exit(), r2.err());
    String html2 = page(out2);
    assertTrue(Files.exists(out2.resolve("md-1/msd.json")));
    Map<String, String> p = parameters(html2).get("MD run: run");
    assertEquals("5 fs (command line --timestep-fs)", p.get("time between frames"));
    // 12 frames 5 fs apart: the run is 55 fs, the default window 10–50 % of it (earlier starts hold under 10 lags), 5.5–27.5 fs,
    // holds the lags 10, 15, 20, 25 fs
    assertEquals("0.01–0.025 ps, both ends included (default where not given: from the earliest of 2, 5 and 10 % of the run where the MSD is "
        + "straight, to 50 %)", p.get("fit window"));
    assertEquals("unknown (σ not computed)", p.get("temperature for σ"));
    assertTrue(html2.contains("<td>not computed: the temperature is unknown (pass --temperature-k, give &quot;temperature_k&quot; for "
        + "this run in a manifest"), "σ row says why");
    // --temperature-k, --region: σ at that temperature, transport and hops per layer
    Path out3 = SharedData.scratch("report-t-out");
    InfoCommandTest.Run r3 = InfoCommandTest.run("report", run.toString(), "--timestep-fs", "5", "--temperature-k", "600", "--region",
        "z=0:3", "--region", "z=3:30", "--out", out3.toString());
    assertEquals(0, r3.exit(), r3.err());
    assertEquals("600 K (given), charge +1 e", parameters(page(out3)).get("MD run: run").get("temperature for σ"));
    com.fasterxml.jackson.databind.JsonNode msd = Json.MAPPER.readTree(out3.resolve("md-1/msd.json").toFile());
    assertEquals(600.0, msd.get("temperature_k").asDouble(), 0.0);
    assertEquals(2, msd.get("regions").size());
  }

  @Test
  void aRunWithoutSulfurOrWithoutTheMobileSpeciesSaysSo() throws Exception {
    Path noS = xdatcar("no-s", "Li", "Cl");
    Path out = SharedData.scratch("report-no-s-out");
    InfoCommandTest.Run r = InfoCommandTest.run("report", noS.toString(), "--timestep-fs", "5", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("Bond events and motifs not computed: the run has no S atoms (the analysis follows P–S, S–S and P–P bonds).",
        "g(r) not computed: the run has neither Li and S nor P and S (it holds [Li, Cl])."), missing(page(out)));
    Path noLi = xdatcar("no-li", "Na", "S");
    Path out2 = SharedData.scratch("report-no-li-out");
    InfoCommandTest.Run r2 = InfoCommandTest.run("report", noLi.toString(), "--timestep-fs", "5", "--out", out2.toString());
    assertEquals(0, r2.exit(), r2.err());
    assertEquals(List.of("g(r) not computed: the run has neither Li and S nor P and S (it holds [Na, S]).",
        "MSD not computed: the run has no Li atoms (it holds [Na, S]); name the mobile element with --species, or as "
        + "\"species\" of this run in a manifest (see examples/demo.json)."), missing(page(out2)));
  }

  /**
   * The g(r) of the default pairs present (Li–S here; no P) for the whole cell and per layer of the manifest, from the same read of
   * the run: a chart, a row per g(r) in the first-shell table, the files of {@code rdf --out} per g(r), and the range in the
   * parameters. In an antifluorite cell every Li has 4 S at √3/4 a = 2.47 Å; half the 5.71 Å cell, the report's range, ends
   * before the next S, so there is a first peak and no first minimum, which a warning says.
   */
  @Test
  void rdfOfTheDefaultPairsForTheCellAndEachLayer() throws Exception {
    Path run = xdatcar("rdf", "Li", "S");
    Path m = SharedData.scratch("report-rdf").resolve("plan.json");
    Files.writeString(m, """
        {"title": "t", "md": [{"path": "%s", "species": "Li", "regions": ["z=0:2.855"]}]}
        """.formatted(run));
    Path out = SharedData.scratch("report-rdf-out");
    InfoCommandTest.Run r = InfoCommandTest.run("report", "--manifest", m.toString(), "--timestep-fs", "5", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    String html = page(out);
    for (String f : List.of("md-1/rdf-Li-S/rdf.json", "md-1/rdf-Li-S/rdf.csv", "md-1/rdf-Li-S/rdf.png", "md-1/rdf-Li-S-layer-1/rdf.json",
        "md-1/rdf-Li-S-layers.png")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    assertFalse(Files.exists(out.resolve("md-1/rdf-P-S")), "no P in the run");
    assertTrue(html.contains("<td>Li–S</td><td>whole cell</td><td>2.475</td>"), "first-shell row of the whole cell");
    assertTrue(html.contains("<td>Li–S</td><td>Li in z=0.000:2.855 Å</td><td>2.4"), "first-shell row of the layer (a peak at 2.4x Å)");
    assertTrue(html.contains("<td>none</td><td>none</td></tr>"), "no minimum below half the cell");
    assertTrue(r.err().contains("Li–S g(r) has no minimum after its first peak (2.475 Å) below 2.85 Å"), r.err());
    JsonNode layer = Json.MAPPER.readTree(out.resolve("md-1/rdf-Li-S-layer-1/rdf.json").toFile());
    assertEquals(4.0, layer.get("centres_per_frame").asDouble(), 0.0, "the Li planes at z = a/4 (and 3a/4 outside the layer)");
    assertEquals("Li–S, P–S where the run has both elements; r up to 2.85 Å (half the first cell's smallest width, at most 8 Å) in bins of "
        + "0.05 Å; every frame normalised with its own volume; first shell up to the first minimum of g",
        parameters(html).get("MD run: run").get("g(r)"));
  }

  /**
   * The van Hove correlation of Li at 10, 25 and 50 % of the run, from the same read: 12 frames 5 fs apart make a 55 fs run, so
   * 5.5, 14 and 28 fs (two digits), 1, 3 and 6 frames; the self part's chart, the distinct part's, a row per lag, the files of
   * {@code vanhove --out} under {@code vanhove/}, and the lags and range among the parameters (the distinct part up to half the
   * 5.71 Å cell).
   */
  @Test
  void vanHoveOfTheMobileSpeciesAtThreeLags() throws Exception {
    Path run = xdatcar("vanhove", "Li", "S");
    Path out = SharedData.scratch("report-vanhove-out");
    InfoCommandTest.Run r = InfoCommandTest.run("report", run.toString(), "--timestep-fs", "5", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    String html = page(out);
    for (String f : List.of("md-1/vanhove/vanhove.json", "md-1/vanhove/vanhove.csv", "md-1/vanhove/vanhove_lags.csv",
        "md-1/vanhove/vanhove_self.png", "md-1/vanhove/vanhove_distinct.png")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    JsonNode j = Json.MAPPER.readTree(out.resolve("md-1/vanhove/vanhove.json").toFile());
    assertEquals("[1,3,6]", j.get("lag_frames").toString());
    assertEquals("[0.0055,0.014,0.028]", j.get("lags_requested_ps").toString());
    assertTrue(html.contains("<th>t (ps)</th><th>origins</th><th>mean |Δr| (Å)</th><th>moved beyond 2 Å (%)</th>"), "lag table");
    assertTrue(html.contains("<td>0.005</td><td>11</td>") && html.contains("<td>0.015</td><td>9</td>")
        && html.contains("<td>0.03</td><td>6</td>"), "a row per lag");
    assertTrue(html.contains("<figcaption>Self part of the Li van Hove correlation"), "self chart");
    // a run of Li and S has no P–S bond events: the 3D view's caption does not speak of the frames around events
    assertTrue(html.contains("motif counts per frame; the run has no bond events).") && !html.contains("of 0 events"), "3D caption");
    Map<String, String> p = parameters(html).get("MD run: run");
    assertEquals("0.005, 0.015, 0.03 ps (10, 25, 50 % of the run rounded to two digits, then to whole frames), Li, every time origin",
        p.get("van Hove lags"));
    assertEquals("r up to 10 Å in bins of 0.1 Å, the distinct part up to 2.8 Å (at most half the first cell's smallest width); moved: "
        + "|Δr| above 2 Å", p.get("van Hove range"));
  }

  @Test
  void parametersListCutoffsDwellWindowDriftReferenceAndK() throws Exception {
    Path run = xdatcar("params", "Li", "S");
    Path ie = SharedData.cp2k("interface_energy");
    Path neb = SharedData.cp2k("neb_li_hop");
    Path broken = SharedData.scratch("report-params").resolve("no-such-band");
    String manifest = """
        {"title": "t",
         "md": [{"path": "%s", "species": "Li", "fit_start_ps": 0.01, "fit_end_ps": 0.04, "temperature_k": 600}],
         "interfaces": [{"name": "Li2S|S8 k=2", "interface": "%s", "part_a": "%s", "part_b": "%s", "interfaces": 2}],
         "neb": [{"name": "LiCl hop", "path": "%s"}, {"name": "broken", "path": "%s"}]}
        """.formatted(run, ie.resolve("sp_interface.out"), ie.resolve("sp_slabA.out"), ie.resolve("sp_slabB.out"), neb, broken);
    Path m = SharedData.scratch("report-params").resolve("plan.json");
    Files.writeString(m, manifest);
    Path out = SharedData.scratch("report-params-out");
    InfoCommandTest.Run r = InfoCommandTest.run("report", "--manifest", m.toString(), "--timestep-fs", "5", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    String html = page(out);
    Map<String, Map<String, String>> p = parameters(html);
    Map<String, String> md = p.get("MD run: run");
    // the BondRule defaults of the user guide: S–S 2.4/2.7 Å, P–S 2.45/2.9 Å, P–P 2.4/2.7 Å, a dwell of 3 frames (15 fs at 5 fs)
    assertEquals("S–S forms below 2.4 Å, breaks above 2.7 Å; P–S forms below 2.45 Å, breaks above 2.9 Å; P–P forms below 2.4 Å, breaks "
        + "above 2.7 Å (events of S-S)", md.get("bond cutoffs"));
    assertEquals("3 frames (15 fs): a bond change counts when it lasts that long", md.get("dwell"));
    assertEquals("0.01–0.04 ps, both ends included (given)", md.get("fit window"));
    assertEquals("all atoms not Li {S=4}", md.get("drift reference"));
    assertEquals("600 K (given), charge +1 e", md.get("temperature for σ"));
    Map<String, String> itf = p.get("Interface energies: Li2S|S8 k=2");
    assertEquals("2", itf.get("interfaces per cell (k)"));
    assertEquals("0 ps (MD frames before it are dropped)", itf.get("equilibration cut"));
    // reference.json of interface_energy: A = 92.218316 Å²
    assertTrue(itf.get("area A").startsWith("92.2183 Å²"), itf.get("area A"));
    Map<String, String> band = p.get("Migration barriers: LiCl hop");
    assertEquals("neb_LiCl-pos-Replica_nr_1-1.xyz, 7 images, climbing image 3", band.get("band"));
    assertTrue(band.get("forces and energies").startsWith("7 single points: sp_replica_1.out, sp_replica_2.out"), band.toString());
    // a path that cannot be read: the rest of the page is there, with a sentence saying why
    assertTrue(missing(html).stream().anyMatch(s -> s.startsWith("broken not computed: " + broken + ": no such file or directory")),
        missing(html).toString());
    assertTrue(r.err().contains("warning: broken: not computed"), r.err());
    // k = 2 halves γ and W (reference.json: γ = −0.2594891399658639 J/m² for one interface)
    // γ = −0.01619603821820959 eV/Å² / 2 (printed as a single point, 4 significant digits), −0.2594891399658639 J/m² / 2, W = −γ
    assertTrue(html.contains("<td>Li2S|S8 k=2</td><td>-8.0980 × 10⁻³</td><td>-0.1297</td><td>0.1297</td>"), "γ and W per interface, k = 2");
  }
}
