package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class InfoCommandTest {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Interphase.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jsonHasExactlyTheDesignKeys() throws Exception {
    Path p = SharedData.real("dpdata/poscars/vasprun.h2o.md.10.xml");
    Run r = run("info", "--json", p.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    JsonNode f = root.get("files").get(0);
    Set<String> keys = new TreeSet<>();
    f.fieldNames().forEachRemaining(keys::add);
    assertEquals(new TreeSet<>(List.of("path", "format", "program", "atoms", "species", "frames", "timestep_fs", "timestep_source",
        "variable_cell", "cell", "has_energies", "has_forces", "warnings")), keys);
    // POTIM = 1.0 in the file's parameters, every MD step stored in a vasprun.xml
    assertEquals("vasprun.h2o.md.10.xml POTIM (1 fs, every MD step stored)", f.get("timestep_source").asText());
    assertEquals("vasp-vasprun", f.get("format").asText());
    assertEquals("VASP 5.4.4", f.get("program").asText());
    assertEquals(6, f.get("atoms").asInt());
    assertEquals(2, f.get("species").get("O").asInt());
    assertEquals(4, f.get("species").get("H").asInt());
    assertEquals(10, f.get("frames").asInt());
    assertEquals(1.0, f.get("timestep_fs").asDouble(), 0);
    // first-frame cell, third row, from the file: 0.14110830 -0.05955690 10.00000000
    assertEquals(0.1411083, f.get("cell").get(2).get(0).asDouble(), 1e-12);
    assertTrue(f.get("has_energies").asBoolean());
    assertTrue(f.get("has_forces").asBoolean());
    assertEquals(0, f.get("warnings").size());
  }

  @Test
  void humanSummaryPrintsUnits() {
    Run r = run("info", SharedData.real("kinisi/example_XDATCAR.gz").toString(), "--timestep-fs", "100");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("atoms       416  {Li=192, Cl=32, S=160, P=32}"), r.out());
    assertTrue(r.out().contains("frames      140"), r.out());
    assertTrue(r.out().contains("100.0 fs between frames"), r.out());
    assertTrue(r.out().contains("Å³"), r.out());
  }

  @Test
  void exitCodes() throws Exception {
    assertEquals(4, run("info", "no/such/file").exit());
    assertEquals(2, run("info", "--no-such-option", "x").exit());
    Path bad = SharedData.scratch("cli").resolve("XDATCAR_bad");
    Files.writeString(bad, "x\n1.0\n1 0 0\n0 1 0\n0 0 1\nLi\n1\nDirect configuration=     1\n 0.1 ***** 0.3\n");
    Run r = run("info", bad.toString());
    assertEquals(3, r.exit());
    assertEquals("interphase: " + bad + ":9: expected 3 coordinates for atom 1 in frame 1, found \"*****\"\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void truncatedFileWarnsAndStrictFails() throws Exception {
    Path cut = SharedData.scratch("cli").resolve("XDATCAR_cut");
    Files.writeString(cut, "x\n1.0\n1 0 0\n0 1 0\n0 0 1\nLi\n2\nDirect configuration=     1\n 0.1 0.2 0.3\n 0.4 0.5 0.6\n"
        + "Direct configuration=     2\n 0.1 0.2 0.3\n");
    Run lenient = run("info", "--json", cut.toString());
    assertEquals(0, lenient.exit());
    JsonNode f = Json.MAPPER.readTree(lenient.out()).get("files").get(0);
    assertEquals(1, f.get("frames").asInt());
    assertTrue(f.get("warnings").get(0).asText().contains("1 complete frame kept"));
    assertTrue(lenient.err().startsWith("warning: "), lenient.err());
    assertEquals(3, run("info", "--strict", cut.toString()).exit());
  }

  @Test
  void directoryListsTheRunFiles() throws Exception {
    Path dir = SharedData.real("simsoliqtools/data/Pt111_24H2O_x/run1");
    Run r = run("info", "--json", dir.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode files = Json.MAPPER.readTree(r.out()).get("files");
    Set<String> formats = new TreeSet<>();
    files.forEach(f -> formats.add(f.get("format").asText()));
    assertEquals(Set.of("vasp-poscar", "vasp-xdatcar", "vasp-outcar", "vasp-oszicar", "vasp-vasprun"), formats);
  }
}
