package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.interphase.core.EnergyStep;
import org.interphase.parsers.cp2k.Cp2kEnerReader;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The seed study in {@code examples/seed-study} is reproducible from its scripts.
 *
 * <p>{@code build_models.py} (Debian python3 with python3-ase) must rebuild every committed model
 * and reference slab: skipped when that interpreter or ASE is missing, a failure under
 * {@code -Dinterphase.requirePython=true} (CI); so must {@code make_neb.py endpoints} pick the committed
 * Li hops, fixed atoms and end-point inputs of both NEB runs. {@code regenerate.sh} with CP2K is opt-in
 * ({@code -Dinterphase.regenerate=true}, several minutes of CPU): it reruns the complete pipeline
 * (build, pre-optimisation, AIMD) for the four smallest systems, 20 MD steps each, and the
 * pre-optimised start structures and the energies of every step must be those of the committed runs.
 * Single-threaded CP2K is deterministic, so a committed trajectory is reproduced step by step.
 */
class SeedStudyTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final List<String> ALL = List.of("s8_lps_lpsc", "li2s_lps_lpsc", "s8_lpsc", "li2s_lpsc", "li2s", "s8", "lpsc", "lps_lpsc");
  private static final List<String> SMALL = List.of("s8", "li2s", "lpsc", "s8_lpsc");

  private static Path seedStudy() {
    return SharedData.projectRoot().resolve("examples").resolve("seed-study");
  }

  private static boolean pythonWithAse() throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import ase, numpy").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** Skips the test when Debian's python3 with ASE is missing; fails instead under -Dinterphase.requirePython=true. */
  private static void requirePythonWithAse(String check) throws IOException, InterruptedException {
    if (!pythonWithAse()) {
      String msg = "Debian python3 with python3-ase (/usr/bin/python3) is not installed: " + check + " is skipped";
      if (Boolean.getBoolean("interphase.requirePython")) {
        fail(msg);
      }
      Assumptions.abort(msg);
    }
  }

  private static Path copyScripts(String scratch) throws IOException {
    Path dir = SharedData.scratch(scratch);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.toList()) {
        if (Files.isRegularFile(p)) {
          Files.delete(p);
        }
      }
    }
    for (String f : List.of("build_models.py", "make_inputs.py", "make_neb.py", "continue_md.py", "merge_md.py", "run_one.sh", "run_neb.sh",
        "regenerate.sh")) {
      Files.copy(seedStudy().resolve(f), dir.resolve(f));
    }
    return dir;
  }

  private static String run(Path dir, long timeoutMinutes, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish in " + timeoutMinutes + " min");
    }
    String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + text);
    return text;
  }

  /** Compares two XYZ files token by token: same element symbols, coordinates within {@code tolAngstrom}. */
  static void assertSameXyz(Path expected, Path actual, double tolAngstrom) throws IOException {
    List<String> e = Files.readAllLines(expected);
    List<String> a = Files.readAllLines(actual);
    assertEquals(e.get(0).trim(), a.get(0).trim(), actual + ": atom count");
    int n = Integer.parseInt(e.get(0).trim());
    for (int i = 2; i < 2 + n; i++) {
      String[] te = e.get(i).trim().split("\\s+");
      String[] ta = a.get(i).trim().split("\\s+");
      assertEquals(te[0], ta[0], actual + " line " + (i + 1) + ": element");
      for (int k = 1; k <= 3; k++) {
        assertEquals(Double.parseDouble(te[k]), Double.parseDouble(ta[k]), tolAngstrom, actual + " line " + (i + 1) + " coordinate " + k);
      }
    }
  }

  @Test
  void buildModelsRebuildsTheCommittedModels() throws Exception {
    requirePythonWithAse("the seed-study build check");
    Path dir = copyScripts("seed-build");
    String out = run(dir, 5, Map.of(), PYTHON.toString(), "build_models.py");
    for (String name : ALL) {
      assertTrue(out.contains(name), out);
      assertSameXyz(seedStudy().resolve(name + ".xyz"), dir.resolve(name + ".xyz"), 1e-6);
      String[] want = Files.readString(seedStudy().resolve(name + ".cell.txt")).trim().split("\\s+");
      String[] got = Files.readString(dir.resolve(name + ".cell.txt")).trim().split("\\s+");
      for (int k = 0; k < 3; k++) {
        assertEquals(Double.parseDouble(want[k]), Double.parseDouble(got[k]), 1e-6, name + ".cell.txt");
      }
    }
    // the committed CP2K inputs are the ones make_inputs.py writes (the step count is its argument)
    run(dir, 5, Map.of(), PYTHON.toString(), "make_inputs.py", "2000", "600");
    for (String name : ALL) {
      assertEquals(Files.readString(seedStudy().resolve("preopt_" + name + ".inp")), Files.readString(dir.resolve("preopt_" + name + ".inp")),
          "preopt_" + name + ".inp");
      String committed = Files.readString(seedStudy().resolve("aimd_" + name + ".inp"));
      String steps = committed.replaceAll("(?s).*STEPS (\\d+).*", "$1");
      assertEquals(committed, Files.readString(dir.resolve("aimd_" + name + ".inp")).replace("STEPS 2000", "STEPS " + steps),
          "aimd_" + name + ".inp");
    }
  }

  /** The value of one key of a flat JSON object as written by Python's json.dump (number or list of numbers). */
  private static String jsonValue(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*(\\[[^\\]]*\\]|[-0-9.eE+]+)").matcher(json);
    assertTrue(m.find(), key + " missing in " + json);
    return m.group(1).replaceAll("\\s+", "");
  }

  @Test
  void makeNebPicksTheCommittedHops() throws Exception {
    requirePythonWithAse("the seed-study NEB set-up check");
    Path dir = copyScripts("seed-neb");
    for (String name : List.of("li2s_lpsc", "li2s_lps_lpsc")) {
      for (String f : List.of(name + "_start.xyz", name + ".cell.txt", "preopt_" + name + ".inp")) {
        Files.copy(seedStudy().resolve(f), dir.resolve(f));
      }
      run(dir, 5, Map.of(), PYTHON.toString(), "make_neb.py", "endpoints", name);
      Path neb = seedStudy().resolve("neb_" + name);
      for (String end : List.of("a", "b")) {
        String f = "nebopt_" + name + "_" + end + ".inp";
        assertEquals(Files.readString(neb.resolve(f)), Files.readString(dir.resolve(f)), f);
      }
      String want = Files.readString(neb.resolve("hop.json"));
      String got = Files.readString(dir.resolve("neb_" + name + "_hop.json"));
      for (String key : List.of("li_atom_1based", "from_A", "to_A", "interface_plane_z_A", "fixed_atoms_1based")) {
        assertEquals(jsonValue(want, key), jsonValue(got, key), name + " hop.json " + key);
      }
    }
  }

  @Test
  void regenerateReproducesTheCommittedRuns() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("interphase.regenerate"),
        "regenerate.sh with CP2K takes several minutes: run with -Dinterphase.regenerate=true");
    if (!pythonWithAse() || !Files.isExecutable(Path.of("/usr/bin/cp2k.psmp"))) {
      fail("-Dinterphase.regenerate=true needs Debian's cp2k and python3-ase");
    }
    Path dir = copyScripts("seed-regenerate");
    run(dir, 120, Map.of("ONLY", String.join(" ", SMALL), "NEB", "0"), "bash", "regenerate.sh", "20", "600");
    List<String> report = new ArrayList<>();
    for (String name : SMALL) {
      assertSameXyz(seedStudy().resolve(name + "_start.xyz"), dir.resolve(name + "_start.xyz"), 1e-6);
      List<EnergyStep> want = Cp2kEnerReader.read(seedStudy().resolve("aimd_" + name + "-1.ener.xz"), true).steps();
      List<EnergyStep> got = Cp2kEnerReader.read(dir.resolve("aimd_" + name + "-1.ener"), true).steps();
      assertEquals(21, got.size(), name + ": steps 0..20");
      double worst = 0;
      for (int i = 0; i < got.size(); i++) {
        assertEquals(want.get(i).step(), got.get(i).step());
        double d = Math.abs(want.get(i).energies().potentialEv() - got.get(i).energies().potentialEv());
        worst = Math.max(worst, d);
        assertEquals(want.get(i).energies().potentialEv(), got.get(i).energies().potentialEv(), 1e-6, name + " step " + got.get(i).step());
        assertEquals(want.get(i).energies().temperatureK(), got.get(i).energies().temperatureK(), 1e-3, name + " step " + got.get(i).step());
      }
      report.add(name + ": max |dE_pot| = " + worst + " eV over 21 steps");
    }
    System.out.println("regenerate.sh reproduced the committed runs: " + report);
  }
}
