package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code campaign} on this machine: each run's JSON is the single command's {@code --json} output, byte for byte; the cache
 * recomputes only what changed and leaves the other files alone; a damaged run fails alone; {@code --collect} lists a run
 * whose task never ran as missing; files are replaced atomically.
 */
class CampaignCommandTest {
  static final Path EXAMPLES = SharedData.projectRoot().resolve("examples");

  /** A manifest over real runs, with the single commands that must print the same documents, written out here by hand. */
  static Map<String, List<String>> manifestRuns(Path manifest) throws IOException {
    Path xdatcar = SharedData.real("kinisi/example_XDATCAR.gz");
    Path sp = EXAMPLES.resolve("cp2k-li2s-s8-interface");
    Files.writeString(manifest, """
        {"md": [{"path": "%s", "name": "li3ps4", "group": "bulk", "temperature_k": 1500, "fit_start_ps": 0.3, "fit_end_ps": 1.5},
                {"path": "%s", "name": "kinisi", "group": "bulk", "timestep_fs": 100, "fit_start_ps": 2, "fit_end_ps": 7}],
         "neb": [{"path": "%s", "group": "hops"}],
         "interfaces": [{"name": "li2s-s8", "interface": "%s", "part_a": "%s", "part_b": "%s", "interfaces": 1}]}
        """.formatted(EXAMPLES.resolve("cp2k-aimd-li3ps4"), xdatcar, EXAMPLES.resolve("cp2k-neb-li-hop"), sp.resolve("sp_interface.out"),
        sp.resolve("sp_slabA.out"), sp.resolve("sp_slabB.out")));
    Map<String, List<String>> single = new HashMap<>();
    single.put("li3ps4", List.of("msd", EXAMPLES.resolve("cp2k-aimd-li3ps4").toString(), "--species", "Li", "--temperature-k", "1500",
        "--fit-start-ps", "0.3", "--fit-end-ps", "1.5"));
    single.put("kinisi", List.of("msd", xdatcar.toString(), "--species", "Li", "--timestep-fs", "100", "--fit-start-ps", "2",
        "--fit-end-ps", "7"));
    single.put("cp2k-neb-li-hop", List.of("neb", EXAMPLES.resolve("cp2k-neb-li-hop").toString()));
    single.put("li2s-s8", List.of("interface", "--interface", sp.resolve("sp_interface.out").toString(), "--part-a",
        sp.resolve("sp_slabA.out").toString(), "--part-b", sp.resolve("sp_slabB.out").toString(), "--interfaces", "1", "--name",
        "li2s-s8"));
    return single;
  }

  /** The single command's {@code --json} output. */
  static String singleJson(List<String> args) {
    List<String> a = new ArrayList<>(args);
    a.add("--json");
    InfoCommandTest.Run r = InfoCommandTest.run(a.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return r.out();
  }

  @Test
  void eachRunsJsonIsTheSingleCommandsAndTheTableHoldsItsNumbers() throws Exception {
    Path dir = SharedData.scratch("campaign-manifest");
    Map<String, List<String>> single = manifestRuns(dir.resolve("study.json"));
    Path out = clean(dir.resolve("out"));
    InfoCommandTest.Run r = InfoCommandTest.run("campaign", dir.resolve("study.json").toString(), "--out", out.toString(), "--jobs", "2",
        "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals(4, doc.get("recomputed").asInt());
    assertEquals(0, doc.get("cached").asInt());
    for (Map.Entry<String, List<String>> e : single.entrySet()) {
      assertEquals(singleJson(e.getValue()), Files.readString(out.resolve("runs/" + e.getKey() + ".json")), e.getKey());
    }
    // progress: one line per finished run, with its time
    assertEquals(4, r.err().lines().filter(l -> l.matches("campaign: \\d/4 \\S+ \\((md|neb|interface)\\): ok in \\d+\\.\\d s")).count(),
        r.err());
    Map<String, JsonNode> rows = new HashMap<>();
    doc.get("rows").forEach(row -> rows.put(row.get("name").asText(), row));
    JsonNode md = Json.MAPPER.readTree(out.resolve("runs/li3ps4.json").toFile());
    assertEquals(md.get("diffusivity_cm2_s").asDouble(), rows.get("li3ps4").get("diffusivity_cm2_s").asDouble(), 0.0);
    assertEquals(md.get("conductivity_stderr_s_cm").asDouble(), rows.get("li3ps4").get("conductivity_stderr_s_cm").asDouble(), 0.0);
    assertEquals(1500.0, rows.get("li3ps4").get("temperature_k").asDouble(), 0.0);
    JsonNode neb = Json.MAPPER.readTree(out.resolve("runs/cp2k-neb-li-hop.json").toFile()).get("paths").get(0);
    assertEquals(neb.get("barrier_forward_ev").asDouble(), rows.get("cp2k-neb-li-hop").get("barrier_forward_ev").asDouble(), 0.0);
    // ../shared/data/cp2k/interface_energy/reference.json (ASE over the same single points): γ = −0.2594891399658639 J/m², W = −γ
    assertEquals(-0.2594891399658639, rows.get("li2s-s8").get("interface_energy_j_m2").asDouble(), 1e-9);
    assertEquals(0.2594891399658639, rows.get("li2s-s8").get("work_of_adhesion_j_m2").asDouble(), 1e-9);
    assertEquals("ok", rows.get("kinisi").get("status").asText());
    // an MD run with S atoms also has the document of `bonds PATH --json` from the same pass, and its events are counted in the row
    String bonds = singleJson(List.of("bonds", EXAMPLES.resolve("cp2k-aimd-li3ps4").toString()));
    assertEquals(bonds, Files.readString(out.resolve("runs/li3ps4.bonds.json")));
    int breaks = 0;
    int forms = 0;
    for (JsonNode ev : Json.MAPPER.readTree(bonds).get("events")) {
      breaks += "break".equals(ev.get("kind").asText()) ? 1 : 0;
      forms += "form".equals(ev.get("kind").asText()) ? 1 : 0;
    }
    assertEquals(breaks, rows.get("li3ps4").get("bond_breaks").asInt());
    assertEquals(forms, rows.get("li3ps4").get("bond_formations").asInt());
    assertEquals("runs/li3ps4.bonds.json", rows.get("li3ps4").get("bonds_json").asText());
    assertTrue(rows.get("cp2k-neb-li-hop").get("bond_breaks").isNull());
    assertFalse(Files.exists(out.resolve("runs/cp2k-neb-li-hop.bonds.json")));
    // the same table as CSV, one row per run, and a page linking every run's JSON
    List<String> csv = Files.readAllLines(out.resolve("campaign.csv"));
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).startsWith("name,kind,group,temperature_k,diffusivity_cm2_s,diffusivity_stderr_cm2_s,conductivity_s_cm,"),
        csv.get(0));
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("li3ps4,md,bulk,1500.0," + md.get("diffusivity_cm2_s").asDouble() + ",")), csv.toString());
    String page = Files.readString(out.resolve("index.html"));
    for (String name : single.keySet()) {
      assertTrue(page.contains("<a href=\"runs/" + name + ".json\">" + name + "</a>"), name);
    }
    assertEquals(doc.get("rows"), Json.MAPPER.readTree(out.resolve("campaign.json").toFile()).get("rows"));
  }

  @Test
  void addingARunRecomputesOnlyItAndLeavesTheOthersUntouched() throws Exception {
    Path study = clean(SharedData.scratch("campaign-cache").resolve("study"));
    copy(EXAMPLES.resolve("cp2k-aimd-li3ps4"), study.resolve("lps-a"));
    copy(EXAMPLES.resolve("cp2k-neb-li-hop"), study.resolve("hop"));
    Path out = clean(SharedData.scratch("campaign-cache").resolve("out"));
    InfoCommandTest.Run first = InfoCommandTest.run("campaign", study.toString(), "--out", out.toString());
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("2 recomputed, 0 cached"), first.out());
    Map<Path, FileTime> times = new HashMap<>();
    for (String f : List.of("runs/lps-a.json", "runs/hop.json", "runs/lps-a.key", "runs/hop.key")) {
      times.put(out.resolve(f), Files.getLastModifiedTime(out.resolve(f)));
    }
    Thread.sleep(20); // a rewrite would show in the modification times
    copy(EXAMPLES.resolve("cp2k-aimd-li3ps4"), study.resolve("lps-b"));
    InfoCommandTest.Run second = InfoCommandTest.run("campaign", study.toString(), "--out", out.toString(), "--json");
    assertEquals(0, second.exit(), second.err());
    JsonNode doc = Json.MAPPER.readTree(second.out());
    assertEquals(1, doc.get("recomputed").asInt());
    assertEquals(2, doc.get("cached").asInt());
    assertTrue(second.err().contains("lps-b (md): ok in"), second.err());
    assertTrue(second.err().contains("lps-a (md): cached in"), second.err());
    times.forEach((f, t) -> assertEquals(t, uncheckedTime(f), f + " rewritten"));
    // the same inputs give the same document
    assertEquals(Files.readString(out.resolve("runs/lps-a.json")), Files.readString(out.resolve("runs/lps-b.json")).replace(
        "lps-b", "lps-a"));
    // a changed input (its modification time) is recomputed; so is a run whose parameters change
    Path pos = study.resolve("lps-a/aLPS-pos-1.xyz.xz");
    Files.setLastModifiedTime(pos, FileTime.fromMillis(Files.getLastModifiedTime(pos).toMillis() + 5000));
    InfoCommandTest.Run third = InfoCommandTest.run("campaign", study.toString(), "--out", out.toString());
    assertTrue(third.out().contains("1 recomputed, 2 cached"), third.out());
    InfoCommandTest.Run fourth = InfoCommandTest.run("campaign", study.toString(), "--out", out.toString(), "--species", "S");
    assertTrue(fourth.out().contains("2 recomputed, 1 cached"), fourth.out());
  }

  @Test
  void aDamagedRunFailsAloneWithItsFileAndLine() throws Exception {
    Path study = clean(SharedData.scratch("campaign-damaged").resolve("study"));
    copy(EXAMPLES.resolve("cp2k-neb-li-hop"), study.resolve("hop"));
    // 40 frames of the CP2K AIMD, one coordinate of frame 20 overflowed as Fortran writes it
    List<String> lines = Files.readAllLines(SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz")).subList(0, 34 * 40);
    int bad = 34 * 20 + 2 + 5; // 1-based line bad + 1
    lines = new ArrayList<>(lines);
    lines.set(bad, lines.get(bad).replaceFirst("(\\s+\\S+\\s+)\\S+", "$1*************"));
    Files.createDirectories(study.resolve("broken"));
    Files.write(study.resolve("broken/aLPS-pos-1.xyz"), lines);
    Files.copy(SharedData.cp2k("aimd_nvt/aLPS-1.cell"), study.resolve("broken/aLPS-1.cell"));
    // a folder whose CP2K input cannot be read is not searched, and says so; the others are
    Files.createDirectories(study.resolve("bad-input"));
    Files.write(study.resolve("bad-input/aLPS-pos-1.xyz"), lines.subList(0, 34));
    Files.writeString(study.resolve("bad-input/aimd.inp"), "&GLOBAL\n PROJECT aLPS\n RUN_TYPE MD\n&END GLOBAL\n&FORCE_EVAL\n &SUBSYS\n"
        + "  &CELL\n   ABC 1 2\n");
    Path out = clean(SharedData.scratch("campaign-damaged").resolve("out"));
    InfoCommandTest.Run r = InfoCommandTest.run("campaign", study.toString(), "--out", out.toString(), "--json");
    assertEquals(1, r.exit(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals(1, doc.get("ok").asInt());
    assertEquals(1, doc.get("failed").asInt());
    JsonNode broken = null;
    for (JsonNode row : doc.get("rows")) {
      if (row.get("name").asText().equals("broken")) {
        broken = row;
      }
    }
    assertEquals("failed", broken.get("status").asText());
    String error = broken.get("error").asText();
    assertTrue(error.contains("aLPS-pos-1.xyz:" + (bad + 1) + ":"), error);
    assertFalse(error.contains("\n"), error);
    assertTrue(broken.get("json").isNull());
    assertTrue(Files.exists(out.resolve("runs/hop.json")));
    assertFalse(Files.exists(out.resolve("runs/broken.json")));
    assertEquals(error, Files.readString(out.resolve("runs/broken.error")).strip());
    assertTrue(r.err().contains("broken (md): FAILED in"), r.err());
    assertTrue(r.err().contains("warning: " + study.resolve("bad-input") + ": not searched: " + study.resolve("bad-input/aimd.inp") + ":8: "),
        r.err());
    assertEquals(2, doc.get("runs").asInt());
    assertTrue(Files.readAllLines(out.resolve("campaign.csv")).stream().anyMatch(l -> l.startsWith("broken,md,") && l.contains(",failed,")));
  }

  /**
   * The interface_energy folder: the pure S8 slab MD run has no Li, so it is skipped with the reason, not failed, and the
   * campaign exits 0; the static triple's γ is reference.json's. The page shows the status column and the reason.
   */
  @Test
  void aRunWithoutTheMobileSpeciesIsSkippedNotFailed() throws Exception {
    Path out = clean(SharedData.scratch("campaign-skipped").resolve("out"));
    InfoCommandTest.Run r = InfoCommandTest.run("campaign", SharedData.cp2k("interface_energy").toString(), "--out", out.toString(),
        "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals(1, doc.get("skipped").asInt());
    assertEquals(0, doc.get("failed").asInt());
    assertEquals(doc.get("runs").asInt() - 1, doc.get("ok").asInt());
    JsonNode slabB = null;
    JsonNode sp = null;
    for (JsonNode row : doc.get("rows")) {
      slabB = row.get("name").asText().equals("aimd_slabB") ? row : slabB;
      sp = row.get("name").asText().equals("sp_interface") ? row : sp;
    }
    assertEquals("skipped", slabB.get("status").asText());
    assertEquals("no Li atoms (it has S): no Li transport to compute", slabB.get("reason").asText());
    assertTrue(slabB.get("error").isNull());
    assertEquals(-0.2594891399658639, sp.get("interface_energy_j_m2").asDouble(), 2e-5);
    // the Li2S slab at ~280 K: its Li hardly leave their sites (MSD well below 4 Å²), so its D and σ are marked doubtful
    JsonNode slabA = null;
    for (JsonNode row : doc.get("rows")) {
      slabA = row.get("name").asText().equals("aimd_slabA") ? row : slabA;
    }
    JsonNode own = Json.MAPPER.readTree(out.resolve("runs/aimd_slabA.json").toFile());
    assertTrue(own.get("msd_a2").get(own.get("msd_a2").size() - 1).asDouble() < 4, own.get("msd_a2").toString());
    assertTrue(slabA.get("diffusivity_doubts").toString().contains("small displacement"), slabA.toString());
    assertEquals(own.get("diffusivity_doubts"), slabA.get("diffusivity_doubts"));
    assertTrue(r.err().contains("aimd_slabB (md): skipped in"), r.err());
    assertEquals("no Li atoms (it has S): no Li transport to compute", Files.readString(out.resolve("runs/aimd_slabB.skipped")).strip());
    assertFalse(Files.exists(out.resolve("runs/aimd_slabB.error")));
    assertTrue(Files.readAllLines(out.resolve("campaign.csv")).stream().anyMatch(l -> l.startsWith("aimd_slabB,md,")
        && l.endsWith(",skipped,,no Li atoms (it has S): no Li transport to compute")));
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("<div class=\"scroll\"><table>"), "the wide table scrolls rather than running off the page");
    assertTrue(html.contains("<td class=\"wrap\">skipped</td>"), html);
    assertTrue(html.contains("aimd_slabB skipped: no Li atoms (it has S): no Li transport to compute"), html);
    assertTrue(html.contains("aimd_slabA: D doubtful (") && html.contains("(doubtful)"), html);
    InfoCommandTest.Run c = InfoCommandTest.run("campaign", "--collect", out.toString());
    assertEquals(0, c.exit(), c.out());
    assertTrue(c.out().contains("1 skipped (nothing to compute)") && c.out().contains("  skipped: aimd_slabB: no Li atoms"), c.out());
  }

  @Test
  void collectListsTheRunWhoseTaskNeverRanAsMissing() throws Exception {
    Path dir = SharedData.scratch("campaign-collect");
    Map<String, List<String>> single = manifestRuns(dir.resolve("study.json"));
    Path out = clean(dir.resolve("out"));
    InfoCommandTest.Run dry = InfoCommandTest.run("campaign", dir.resolve("study.json").toString(), "--out", out.toString(), "--slurm",
        "--dry-run", "--partition", "short", "--time", "00:10:00", "--cpus-per-task", "2");
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(dry.out().contains("sbatch --parsable --dependency=afterany:ARRAY_JOB_ID " + out.resolve("slurm/collect.sh")), dry.out());
    String array = Files.readString(out.resolve("slurm/array.sh"));
    for (String line : List.of("#SBATCH --array=0-3", "#SBATCH --partition=short", "#SBATCH --time=00:10:00", "#SBATCH --cpus-per-task=2",
        " campaign --task \"$SLURM_ARRAY_TASK_ID\" --out " + out)) {
      assertTrue(array.contains(line), line + " in\n" + array);
    }
    String java = SlurmJobs.launcher().get(0);
    assertTrue(Path.of(java).isAbsolute() && Files.isExecutable(Path.of(java)), java);
    assertTrue(array.contains("exec " + java + " "), array);
    assertTrue(Files.readString(out.resolve("slurm/collect.sh")).contains(" campaign --collect " + out));
    // tasks 0, 1 and 3 run; task 2 never does (still queued, or killed at its time limit)
    List<String> names = new ArrayList<>();
    Json.MAPPER.readTree(out.resolve("campaign-runs.json").toFile()).get("runs").forEach(n -> names.add(n.get("name").asText()));
    for (int i : new int[] {0, 1, 3}) {
      InfoCommandTest.Run t = InfoCommandTest.run("campaign", "--task", Integer.toString(i), "--out", out.toString());
      assertEquals(0, t.exit(), t.err());
      assertTrue(t.err().startsWith("campaign: " + (i + 1) + "/4 " + names.get(i) + " "), t.err());
      assertEquals(singleJson(single.get(names.get(i))), Files.readString(out.resolve("runs/" + names.get(i) + ".json")));
    }
    InfoCommandTest.Run c = InfoCommandTest.run("campaign", "--collect", out.toString());
    assertEquals(1, c.exit(), c.err());
    assertTrue(c.out().contains("4 runs: 3 ok, 0 failed, 1 missing"), c.out());
    assertTrue(c.out().contains("missing: " + names.get(2)), c.out());
    JsonNode agg = Json.MAPPER.readTree(out.resolve("campaign.json").toFile());
    assertEquals("missing", agg.get("rows").get(2).get("status").asText());
    assertTrue(agg.get("rows").get(2).get("diffusivity_cm2_s").isNull() && agg.get("rows").get(2).get("barrier_forward_ev").isNull());
    assertEquals(2, InfoCommandTest.run("campaign", "--task", "4", "--out", out.toString()).exit());
  }

  @Test
  void aFileIsReplacedWholeOrNotAtAll() throws Exception {
    Path dir = clean(SharedData.scratch("campaign-atomic"));
    Path f = dir.resolve("run.json");
    CampaignFiles.writeAtomically(f, "{\"old\": 1}\n");
    // a writer that dies half-way (as a task killed at its time limit would) leaves the old file and no temporary file
    assertThrows(UncheckedIOException.class, () -> CampaignFiles.writeAtomically(f, w -> {
      w.write("{\"new\": ");
      w.flush();
      throw new IOException("killed");
    }));
    assertEquals("{\"old\": 1}\n", Files.readString(f));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(f), s.toList());
    }
    CampaignFiles.writeAtomically(f, "{\"new\": 2}\n");
    assertEquals("{\"new\": 2}\n", Files.readString(f));
    assertNull(CampaignFiles.read(dir.resolve("none.json")));
  }

  @Test
  void aManifestTemperatureSeriesAndFolderTriplesAreRuns() throws Exception {
    Path dir = SharedData.scratch("campaign-plan");
    Path m = dir.resolve("series.json");
    Files.writeString(m, """
        {"md": [{"paths": ["%1$s", "%1$s"], "temperatures_k": [600, 800], "name": "lps", "group": "arrhenius"}]}
        """.formatted(EXAMPLES.resolve("cp2k-aimd-li3ps4")));
    List<CampaignRun> runs = new CampaignPlan("Li", 1).add(m).add(EXAMPLES.resolve("cp2k-li2s-s8-interface")).runs();
    List<String> names = runs.stream().map(CampaignRun::name).toList();
    assertEquals(List.of("lps-600K", "lps-800K", "aimd_interface", "aimd_slabA", "aimd_slabB", "aimd_interface-interface", "sp_interface"),
        names);
    assertEquals(800.0, ((CampaignRun.Md) runs.get(1).job()).temperatureK(), 0.0);
    CampaignRun.Triple t = (CampaignRun.Triple) runs.get(5).job();
    assertEquals("aimd_slabA-1.ener", t.partA().getFileName().toString());
    assertEquals("sp_slabB.out", ((CampaignRun.Triple) runs.get(6).job()).partB().getFileName().toString());
    assertEquals("cp2k-li2s-s8-interface", runs.get(2).group());
    for (CampaignRun r : runs) {
      assertEquals(r, CampaignRun.fromJson(r.toJson()));
    }
  }

  private static FileTime uncheckedTime(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty folder. */
  static Path clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  /** Copies a folder's files (one level), keeping their modification times. */
  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  @Test
  void aManifestKeyNoRunReadsIsRefusedAndAMissingTimeNamesTheManifestKey() throws Exception {
    Path dir = clean(SharedData.scratch("campaign-keys"));
    Path manifest = dir.resolve("campaign.json");
    Files.writeString(manifest, """
        {"md": [{"path": "%s", "md_step_fs": 2}]}
        """.formatted(SharedData.real("kinisi/example_XDATCAR.gz")));
    InfoCommandTest.Run bad = InfoCommandTest.run("campaign", manifest.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, bad.exit(), bad.out());
    assertTrue(bad.err().contains("campaign.json: unknown key \"md_step_fs\" in an md entry (known: path, paths, name, group, species, "
        + "timestep_fs,"), bad.err());
    // the same XDATCAR as a folder: it states no time, and the campaign says which manifest key gives it
    InfoCommandTest.Run folder = InfoCommandTest.run("campaign", SharedData.real("kinisi").toString(), "--out",
        dir.resolve("out2").toString(), "--json");
    assertEquals(1, folder.exit(), folder.err());
    String error = Files.readString(dir.resolve("out2/runs/kinisi.error"));
    assertTrue(error.contains("the time between frames is unknown; give \"timestep_fs\" in the run's manifest entry"), error);
    // a report manifest with a mistyped key is refused the same way
    Files.writeString(manifest, """
        {"_comment": "typos below", "md": [{"path": "%s", "comment": "600 K run", "temperature": 600, "fit_star_ps": 1}]}
        """.formatted(SharedData.real("kinisi/example_XDATCAR.gz")));
    InfoCommandTest.Run report = InfoCommandTest.run("report", "--manifest", manifest.toString(), "--out", dir.resolve("rep").toString());
    assertEquals(2, report.exit(), report.out());
    assertTrue(report.err().contains("unknown keys \"temperature\" in an md entry (known: ") && report.err().contains(
        "\"fit_star_ps\" in an md entry"), report.err());
  }
}
