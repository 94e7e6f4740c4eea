package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interphase.parsers.FormatRegistry;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code info} on the files of a run named one by one ({@code info folder/*}): each is read, or listed as what it is; and the time
 * step line says what the files say (an input's MD step, "not MD" for a GEO_OPT, BAND or relaxation), never contradicting the frames.
 */
class InfoCompanionsTest {

  private static List<String> files(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.sorted().forEach(p -> out.add(p.toString()));
    }
    return out;
  }

  /** neb_li_hop/*: the script, the BAND .ener, the restart, README and Hessians are no failure; exit 0. */
  @Test
  void everyFileOfTheNebFolderIsReadOrKnown() throws Exception {
    Path d = SharedData.cp2k("neb_li_hop");
    List<String> args = new ArrayList<>(List.of("info", "--json"));
    args.addAll(files(d));
    InfoCommandTest.Run r = InfoCommandTest.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().lines().noneMatch(l -> l.startsWith("interphase:")), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    Map<String, String> kinds = new HashMap<>();
    root.get("other_files").forEach(o -> kinds.put(Path.of(o.get("path").asText()).getFileName().toString(), o.get("kind").asText()));
    assertEquals(FormatRegistry.SCRIPT, kinds.get("make_reference.py"));
    assertEquals(FormatRegistry.CP2K_BAND_ENERGIES, kinds.get("neb_LiCl-1.ener"));
    assertEquals("notes (Markdown, README)", kinds.get("README.md"));
    assertTrue(kinds.get("opt_final-BFGS.Hessian").startsWith("CP2K optimiser or wavefunction restart"), kinds.toString());
    JsonNode restart = null;
    for (JsonNode f : root.get("files")) {
      if (f.get("path").asText().endsWith("neb_LiCl-1.restart")) {
        restart = f;
      }
    }
    assertTrue(restart != null, "the BAND restart is read as a CP2K input");
    assertEquals("cp2k-input", restart.get("format").asText());
    assertEquals(8.0752, Math.sqrt(dot(restart.get("cell").get(0))), 1e-4, "|a| of the band's cell, Å");
  }

  private static double dot(JsonNode v) {
    return v.get(0).asDouble() * v.get(0).asDouble() + v.get(1).asDouble() * v.get(1).asDouble() + v.get(2).asDouble() * v.get(2).asDouble();
  }

  /** The seed study's make_inputs.py writes CP2K inputs (&CELL A …): alone it is the one-line error naming a script, exit 2. */
  @Test
  void aScriptAloneIsNamedAsAScript() {
    Path py = SharedData.projectRoot().resolve("examples/seed-study/make_inputs.py");
    InfoCommandTest.Run r = InfoCommandTest.run("info", py.toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals("interphase: " + py + ": not a file Interphase reads (script, not data)", r.err().strip());
  }

  /** cp2kdata's v7.1 folder holds only geo_opt, a CP2K 7.1 GEO_OPT log without extension: 288 atoms, 15 frames, not MD. */
  @Test
  void aFolderWithALogWithoutExtensionListsIt() throws Exception {
    Path d = SharedData.real("cp2kdata/unsorted/v7.1");
    InfoCommandTest.Run r = InfoCommandTest.run("info", d.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(d.resolve("geo_opt").toString(), lines.get(0));
    assertEquals("  format      cp2k-log (CP2K 7.1)", lines.get(1));
    assertEquals("  atoms       288  {O=176, Ti=80, H=32}", lines.get(2));
    assertEquals("  frames      15", lines.get(3));
    assertEquals("  time step   none: not MD (run type GEO_OPT)", lines.get(4));
  }

  private static String timeStepLine(Path p) {
    InfoCommandTest.Run r = InfoCommandTest.run("info", p.toString());
    assertEquals(0, r.exit(), r.err());
    return r.out().lines().filter(l -> l.startsWith("  time step")).findFirst().orElseThrow() + " | "
        + r.out().lines().filter(l -> l.startsWith("  frames")).findFirst().orElseThrow();
  }

  /** An input holds no frames: its time step is the MD step × stride of the run it describes (2 fs in cp2kdata's NPT input). */
  @Test
  void inputsSayTheirTimeStepIsTheRunsAndHoldNoFrames() {
    assertEquals("  time step   2.000 fs between the frames of the MD run it describes (input; it holds no frames) | "
        + "  frames      0 (an input file)", timeStepLine(SharedData.real("cp2kdata/test_dpdata/v2022.2/aimd_npt_i/input.inp")));
    assertEquals("  time step   1.500 fs between the frames of the MD run it describes (input; it holds no frames) | "
        + "  frames      0 (an input file)", timeStepLine(SharedData.cp2k("aimd_nvt/aLPS-1.restart")));
    assertEquals("  time step   none: not MD (run type BAND) |   frames      0 (an input file)",
        timeStepLine(SharedData.cp2k("neb_li_hop/band.inp")));
  }

  /** Runs the files say are not MD have no time step, and no advice to pass one. */
  @Test
  void runsThatAreNotMdSaySo() {
    assertEquals("  time step   none: not MD (run type BAND) |   frames      0", timeStepLine(SharedData.cp2k("neb_li_hop/neb_LiCl-r-0.out")));
    assertEquals("  time step   none: not MD (run type BAND) |   frames      45", timeStepLine(SharedData.cp2k("neb_li_hop/band.out")));
    assertEquals("  time step   none: not MD (run type GEO_OPT) |   frames      21",
        timeStepLine(SharedData.cp2k("neb_li_hop/opt_final-pos-1.xyz")));
    assertEquals("  time step   none: not MD (IBRION = 2 in OUTCAR) |   frames      3",
        timeStepLine(SharedData.real("pymatgen/test_files/relaxation/OUTCAR")));
    assertEquals("  time step   none: not MD (relaxation or NEB steps: F= lines without T=) |   frames      60",
        timeStepLine(SharedData.real("pymatgen/test_files/OSZICAR")));
    // forces of a GEO_OPT: neither "unknown, pass --timestep-fs" nor a run type of their own, but their positions'
    assertEquals("  time step   that of the run's positions (the -pos- file beside it, which info reads with the time and run type) |"
        + "   frames      60", timeStepLine(SharedData.cp2k("aimd_nvt/preopt-frc-1.xyz")));
  }

  /** The OUTCAR's own warning begins with its name ("OUTCAR.ch4.ml: 6 frames …"): info names the file once. */
  @Test
  void aWarningNamesItsFileOnce() {
    Path p = SharedData.real("dpdata/poscars/OUTCAR.ch4.ml");
    InfoCommandTest.Run r = InfoCommandTest.run("info", p.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("warning: " + p + ": 6 frames are machine-learned force-field steps: their energies come from the ML model", r.err().strip());
    assertEquals(p + ": 6 frames …", Located.warning(p.toString(), "OUTCAR.ch4.ml: 6 frames …"));
    assertEquals(p + ":12: bad", Located.warning(p.toString(), "OUTCAR.ch4.ml:12: bad"));
    assertEquals(p + ": OUTCAR.ch4.mlx is beside it", Located.warning(p.toString(), "OUTCAR.ch4.mlx is beside it"));
  }
}
