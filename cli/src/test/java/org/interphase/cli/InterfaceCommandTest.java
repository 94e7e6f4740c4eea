package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class InterfaceCommandTest {

  /** {@code interface} on three runs of ../shared/data/cp2k/interface_energy (file names there), with further options. */
  private static InfoCommandTest.Run interfaceOf(String ab, String a, String b, String... options) {
    String d = SharedData.cp2k("interface_energy").toString();
    List<String> args = new java.util.ArrayList<>(List.of("interface", "--interface", d + "/" + ab, "--part-a", d + "/" + a, "--part-b",
        d + "/" + b));
    args.addAll(List.of(options));
    return InfoCommandTest.run(args.toArray(new String[0]));
  }
  @Test
  void jsonKeysOneAndSeveralInterfaces() throws Exception {
    String d = SharedData.cp2k("interface_energy").toString();
    InfoCommandTest.Run one = interfaceOf("sp_interface.out", "sp_slabA.out", "sp_slabB.out", "--interfaces", "1", "--json");
    assertEquals(0, one.exit(), one.err());
    JsonNode j = Json.MAPPER.readTree(one.out());
    Set<String> keys = new TreeSet<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(List.of("area_a2", "interfaces", "energy_interface_ev", "energy_a_ev", "energy_b_ev",
        "interface_energy_ev_a2", "interface_energy_j_m2", "interface_energy_stderr_j_m2", "work_of_adhesion_j_m2",
        "work_of_adhesion_stderr_j_m2", "frames_used")), keys.toString());
    // reference.json static: γ = -0.2594891399658639 J/m², W = +0.2594891399658639 J/m²
    assertEquals(-0.2594891399658639, j.get("interface_energy_j_m2").asDouble(), 2e-5);
    assertEquals(0.2594891399658639, j.get("work_of_adhesion_j_m2").asDouble(), 2e-5);

    Path out = SharedData.scratch("interface-two");
    InfoCommandTest.Run two = InfoCommandTest.run("interface", "--interface", d + "/sp_interface.out", "--part-a", d + "/sp_slabA.out",
        "--part-b", d + "/sp_slabB.out", "--interfaces", "1", "--name", "static", "--interface", d + "/aimd_interface-1.ener", "--part-a",
        d + "/aimd_slabA-1.ener", "--part-b", d + "/aimd_slabB-1.ener", "--interfaces", "1", "--name", "aimd", "--equilibration-ps", "0.1",
        "--json", "--out", out.toString());
    assertEquals(0, two.exit(), two.err());
    JsonNode r = Json.MAPPER.readTree(two.out()).get("results");
    assertEquals(2, r.size());
    // reference.json thermal_average.steps_ge_50: -0.38176654027128604 J/m²
    assertEquals(-0.38176654027128604, r.get(1).get("interface_energy_j_m2").asDouble(), 2e-5);
    assertEquals(351, r.get(1).get("frames_used").get("interface").asInt());
    for (String f : List.of("interface.csv", "interface.json", "interface.png", "interface.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }
  }

  /**
   * The same static single points with --interfaces 2: by the hand formula both γ and W are the
   * reference.json values (k = 1: γ = −0.2594891399658639 J/m², W = −γ) divided by 2, in the JSON and
   * in the CSV.
   */
  @Test
  void workOfAdhesionHalvesWithTwoInterfaces() throws Exception {
    String d = SharedData.cp2k("interface_energy").toString();
    Path out = SharedData.scratch("interface-k2");
    InfoCommandTest.Run r = InfoCommandTest.run("interface", "--interface", d + "/sp_interface.out", "--part-a", d + "/sp_slabA.out",
        "--part-b", d + "/sp_slabB.out", "--interfaces", "2", "--json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals(2, j.get("interfaces").intValue());
    assertEquals(-0.2594891399658639 / 2, j.get("interface_energy_j_m2").asDouble(), 1e-5);
    assertEquals(0.2594891399658639 / 2, j.get("work_of_adhesion_j_m2").asDouble(), 1e-5);
    List<String> csv = Files.readAllLines(out.resolve("interface.csv"));
    String[] head = csv.get(0).split(",");
    String[] row = csv.get(1).split(",");
    int w = List.of(head).indexOf("work_of_adhesion_j_m2");
    assertEquals(0.2594891399658639 / 2, Double.parseDouble(row[w]), 1e-5);
  }

  /**
   * A 0 K single point for the interface and slab A with the 300 K MD average of slab B: γ is the hand formula over
   * reference.json's energies, (E_AB − E_A − ⟨E_B⟩) / A with ⟨E_B⟩ the mean over all 301 frames (Ha → eV → J/m²), and one
   * warning names which energy is which and the sign of the bias (B's thermal energy is subtracted: γ too low).
   */
  @Test
  void singlePointsMixedWithAnMdAverageWarnOnce() throws Exception {
    InfoCommandTest.Run r = interfaceOf("sp_interface.out", "sp_slabA.out", "aimd_slabB-pos-1.xyz", "--interfaces", "1", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    double gammaEvA2 = (-84.60264749377967 + 54.92386646554043 + 29.613465328943523) * 27.211386245988 / 92.21831578;
    assertEquals(gammaEvA2 * 16.02176634, j.get("interface_energy_j_m2").asDouble(), 2e-5);
    assertEquals(-0.3088, j.get("interface_energy_j_m2").asDouble(), 1e-4);
    JsonNode w = j.get("warnings");
    assertEquals(1, w.size(), w.toString());
    String text = w.get(0).asText();
    assertTrue(text.contains("E_AB (sp_interface.out) and E_A (sp_slabA.out) are single points or relaxations"), text);
    assertTrue(text.contains("E_B (aimd_slabB-pos-1.xyz) is an MD average"), text);
    // 8 S atoms × (3/2)·k_B·300 K = 0.310 eV; over 92.2183 Å² = 0.054 J/m²
    assertTrue(text.contains("too low (W too high) by the order of 8 atoms") && text.contains("= 0.054 J/m²"), text);
    assertFalse(text.contains("\n"), text);

    // the same energies all of one kind (MD averages of the three runs): no warning, reference.json thermal_average
    InfoCommandTest.Run md = interfaceOf("aimd_interface-pos-1.xyz", "aimd_slabA-pos-1.xyz", "aimd_slabB-pos-1.xyz", "--interfaces", "1",
        "--json");
    JsonNode m = Json.MAPPER.readTree(md.out());
    assertEquals(-0.3662096720316181, m.get("interface_energy_j_m2").asDouble(), 2e-5);
    for (JsonNode x : m.get("warnings")) {
      assertFalse(x.asText().contains("energies of two kinds"), x.asText());
    }
  }

  /**
   * The three CP2K MD runs average different temperatures: reference.json's mean_T_K over all frames are 293.98 K (interface,
   * 44 atoms), 275.88 K (slab A, 36 atoms) and 312.71 K (slab B, 8 atoms), and over steps ≥ 50 (--equilibration-ps 0.1)
   * 305.32, 285.92 and 328.15 K. By equipartition γ carries (3/2)·k_B·(44·T_AB − 36·T_A − 8·T_B) / A: +0.011 J/m² (by hand
   * below). The interface run's potential energy falls by 0.15 eV over its first 0.3 ps (reference.json: its mean moves from
   * −84.57086 Ha to −84.57187 Ha without the first 50 steps), the slabs' do not drift beyond their noise. Read from the
   * trajectories, the .ener files and the MD logs alike.
   */
  @Test
  void mdAveragesAtDifferentTemperaturesAndAnEarlyDriftAreNamed() throws Exception {
    double kB = 8.617333262e-5;
    double biasAll = 1.5 * kB * (44 * 293.98229644602 - 36 * 275.87739801323255 - 8 * 312.7098370794784) / 92.21831578 * 16.02176634;
    assertEquals(0.0113, biasAll, 1e-4);
    // a .ener file is read with the trajectory beside it, which names the run; a log names itself
    for (String[] io : new String[][] {{"-pos-1.xyz", "-pos-1.xyz"}, {"-1.ener", "-pos-1.xyz"}, {".out", ".out"}}) {
      String suffix = io[0];
      String shown = io[1];
      InfoCommandTest.Run r = interfaceOf("aimd_interface" + suffix, "aimd_slabA" + suffix, "aimd_slabB" + suffix, "--interfaces", "1",
          "--json");
      assertEquals(0, r.exit(), r.err());
      List<String> w = new java.util.ArrayList<>();
      Json.MAPPER.readTree(r.out()).get("warnings").forEach(x -> w.add(x.asText()));
      List<String> temperature = w.stream().filter(x -> x.contains("different mean temperatures")).toList();
      assertEquals(1, temperature.size(), w.toString());
      String t = temperature.get(0);
      assertTrue(t.contains("E_AB (aimd_interface" + shown + ") 294.0 K, E_A (aimd_slabA" + shown + ") 275.9 K, E_B (aimd_slabB" + shown
          + ") 312.7 K"), t);
      assertTrue(t.contains("γ comes out too high (W too low) by the order of " + String.format(java.util.Locale.ROOT, "%.2g", biasAll)
          + " J/m²"), t);
      List<String> drift = w.stream().filter(x -> x.contains("drifts at the start")).toList();
      assertEquals(1, drift.size(), w.toString());
      assertTrue(drift.get(0).contains("E_AB (aimd_interface" + shown + ") drifts at the start"), drift.get(0));
      assertTrue(drift.get(0).contains("⟨E⟩ would change by -0.15") && drift.get(0).endsWith("γ here averages from the first frame"),
          drift.get(0));
      assertEquals(2, w.size(), w.toString());
    }
    InfoCommandTest.Run later = interfaceOf("aimd_interface-1.ener", "aimd_slabA-1.ener", "aimd_slabB-1.ener", "--interfaces", "1",
        "--equilibration-ps", "0.1");
    assertEquals(0, later.exit(), later.err());
    assertTrue(later.err().contains("E_AB (aimd_interface-pos-1.xyz) 305.3 K, E_A (aimd_slabA-pos-1.xyz) 285.9 K, E_B "
        + "(aimd_slabB-pos-1.xyz) 328.1 K"), later.err());
    assertTrue(later.out().contains("after 0.100 ps at ⟨T⟩ = 305.3 K"), later.out());
    assertTrue(later.err().contains("(--equilibration-ps drops the frames before a time)"), later.err());
    assertTrue(later.err().contains("E_AB (aimd_interface-pos-1.xyz) still drifts after 0.100 ps: averaged from ")
        && later.err().contains("γ here averages from 0.100 ps"), later.err());
  }

  /**
   * VASP writes the instantaneous temperature with each MD step in the OUTCAR ("(temperature  312.58 K)" on the EKIN_LAT
   * line) and in the OSZICAR ("T=   313."): the energies of the interface analysis carry those values, read here
   * independently with a regular expression over the file.
   */
  @Test
  void vaspMdEnergiesCarryTheirTemperatures() throws Exception {
    Path run = SharedData.real("simsoliqtools/data/Pt111_24H2O_x/run1");
    java.util.regex.Pattern outcar = java.util.regex.Pattern.compile("\\(temperature\\s+([0-9.]+)\\s+K\\)");
    java.util.regex.Pattern oszicar = java.util.regex.Pattern.compile("^\\s*\\d+ T=\\s*([0-9.]+)");
    for (String file : List.of("OUTCAR", "OSZICAR")) {
      java.util.regex.Pattern p = file.equals("OUTCAR") ? outcar : oszicar;
      double[] expected = Files.readAllLines(run.resolve(file)).stream().map(p::matcher).filter(java.util.regex.Matcher::find)
          .mapToDouble(x -> Double.parseDouble(x.group(1))).toArray();
      assertTrue(expected.length > 1, file);
      org.interphase.core.EnergyRun e = Inputs.energyRun(run.resolve(file), org.interphase.parsers.ReadOptions.DEFAULT,
          org.interphase.analysis.energetics.EnergySeries.VaspEnergy.SIGMA0);
      assertTrue(e.dynamics(), file);
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, e.temperaturesK(), 1e-9, file);
    }
  }

  /**
   * The Li2S(110) | S8 cell has 15.7 Å of vacuum across c (README: slab + about 15 Å of vacuum), so it holds one
   * interface: k = 2 is warned about, whether the structure comes from a single point's input (sp_interface.inp's
   * coordinate file), from an MD trajectory or from an MD log (its input's starting structure); k = 1 is not.
   */
  @Test
  void aCellWithVacuumHoldsOneInterface() throws Exception {
    for (String[] run : new String[][] {{"sp_interface.out", "sp_slabA.out", "sp_slabB.out"},
        {"aimd_interface-pos-1.xyz", "aimd_slabA-pos-1.xyz", "aimd_slabB-pos-1.xyz"},
        // the MD logs: their steps have no positions, the input's starting structure shows the gap
        {"aimd_interface.out", "aimd_slabA.out", "aimd_slabB.out"}}) {
      InfoCommandTest.Run two = interfaceOf(run[0], run[1], run[2], "--interfaces", "2", "--json");
      assertEquals(0, two.exit(), two.err());
      // the MD runs also have their temperatures and drift named (mdAveragesAtDifferentTemperaturesAndAnEarlyDriftAreNamed)
      List<String> w = new java.util.ArrayList<>();
      Json.MAPPER.readTree(two.out()).get("warnings").forEach(x -> w.add(x.asText()));
      List<String> vacuum = w.stream().filter(x -> x.contains("interface")).filter(x -> x.contains("vacuum")).toList();
      assertEquals(1, vacuum.size(), w.toString());
      assertTrue(vacuum.get(0).contains("has a vacuum slab 1") && vacuum.get(0).contains("Å thick across c"), w.toString());
      assertTrue(vacuum.get(0).contains("--interfaces 2 halves γ and W; use --interfaces 1"), w.toString());
      assertEquals(run[0].startsWith("sp_") ? 1 : 3, w.size(), w.toString());
      InfoCommandTest.Run one = interfaceOf(run[0], run[1], run[2], "--interfaces", "1", "--json");
      Json.MAPPER.readTree(one.out()).get("warnings").forEach(x -> assertFalse(x.asText().contains("vacuum"), x.asText()));
    }
    InfoCommandTest.Run text = interfaceOf("sp_interface.out", "sp_slabA.out", "sp_slabB.out", "--interfaces", "2");
    assertTrue(text.err().contains("warning: sp_interface.out: the interface cell sp_interface.out has a vacuum slab 15.7 Å thick "
        + "across c"), text.err());
  }

  @Test
  void missingRequiredOptionIsUsageError() {
    InfoCommandTest.Run r = InfoCommandTest.run("interface", "--interface", "x");
    assertEquals(2, r.exit());
  }
}
