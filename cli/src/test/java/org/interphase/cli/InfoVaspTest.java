package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** {@code info} and {@code msd} on VASP run folders and files: what is listed, elements, spacing, cells. */
class InfoVaspTest {

  private static Path folder(String name) throws IOException {
    Path d = SharedData.scratch("cli-vasp").resolve(name);
    if (Files.exists(d)) {
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(d);
    return d;
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  /**
   * An XDATCAR of 4 Li and 4 S in a 10 Å cube, configurations {@code first, 2·first, …}; Li atom i
   * moves 0.01·i (fractional) along x per frame, S stays.
   */
  private static String xdatcar(int frames, int first) {
    StringBuilder sb = new StringBuilder("Li2S test\n           1\n    10.000000    0.000000    0.000000\n"
        + "     0.000000   10.000000    0.000000\n     0.000000    0.000000   10.000000\n   Li   S\n    4    4\n");
    for (int k = 0; k < frames; k++) {
      sb.append(String.format(Locale.ROOT, "Direct configuration=%6d%n", first * (k + 1)));
      for (int i = 0; i < 8; i++) {
        double x = i < 4 ? 0.1 * i + 0.01 * (i + 1) * k : 0.1 * i;
        sb.append(String.format(Locale.ROOT, "  %.8f  %.8f  %.8f%n", x, 0.5, 0.5));
      }
    }
    return sb.toString();
  }

  private static JsonNode json(InfoCommandTest.Run r) throws IOException {
    assertEquals(0, r.exit(), r.err());
    return Json.MAPPER.readTree(r.out());
  }

  /**
   * B04's class: a run folder with an INCAR without comments, KPOINTS, POTCAR, a job script, a Slurm
   * log holding VASP's screen output (DAV: lines, which look like an OSZICAR), a data file of
   * another program and a text file shaped like a broken POSCAR. Only the XDATCAR is read; the rest
   * is listed, nothing aborts.
   */
  @Test
  void runFolderListsWhatItDoesNotRead() throws IOException {
    Path d = folder("run-folder");
    write(d, "XDATCAR", xdatcar(5, 10));
    write(d, "INCAR", "ALGO = Fast\nEDIFF = 1e-05\nENCUT = 400\nIBRION = 0\nISIF = 2\nNBLOCK = 10\nNSW = 20000\nPOTIM = 2.0\n");
    write(d, "KPOINTS", "Gamma\n0\nGamma\n1 1 1\n");
    write(d, "POTCAR", "  PAW_PBE Li_sv 10Sep2004\n   TITEL  = PAW_PBE Li_sv 10Sep2004\n  PAW_PBE S 06Sep2000\n   TITEL  = PAW_PBE S 06Sep2000\n");
    write(d, "job.sh", "#!/bin/bash\n#SBATCH -N 1\nsrun vasp_std\n");
    write(d, "slurm-4242.out", " running on   64 total cores\nDAV:   1    -0.1E+03   -0.1E+03   -0.2E+04  1234   0.1E+03\n");
    write(d, "notes.dat", "some numbers\n1 2 3\n");
    write(d, "structure.txt", "looks like a POSCAR\n1.0\n1 0 0\n0 1 0\n0 0 1\nQq\n1\nDirect\n0 0 0\n");
    JsonNode root = json(InfoCommandTest.run("info", "--json", d.toString()));
    JsonNode files = root.get("files");
    assertEquals(1, files.size(), files.toString());
    JsonNode x = files.get(0);
    assertEquals(d.resolve("XDATCAR").toString(), x.get("path").asText());
    assertEquals(5, x.get("frames").asInt());
    // POTIM 2 fs × NBLOCK 10, as the configuration numbers 10, 20, … confirm
    assertEquals(20.0, x.get("timestep_fs").asDouble(), 0);
    assertEquals("INCAR POTIM × NBLOCK (2 fs × 10)", x.get("timestep_source").asText());
    Map<String, String> other = new LinkedHashMap<>();
    root.get("other_files").forEach(o -> other.put(Path.of(o.get("path").asText()).getFileName().toString(), o.get("kind").asText()));
    assertEquals("VASP input (INCAR)", other.get("INCAR"));
    assertEquals("VASP input (KPOINTS)", other.get("KPOINTS"));
    assertEquals("VASP input (POTCAR pseudopotentials)", other.get("POTCAR"));
    assertEquals("job script", other.get("job.sh"));
    assertEquals("Slurm log", other.get("slurm-4242.out"));
    assertEquals("not recognised", other.get("notes.dat"));
    assertTrue(other.get("structure.txt").startsWith("not recognised (its start looks like a VASP POSCAR/CONTCAR structure, but "),
        other.get("structure.txt"));
    assertEquals(7, other.size(), other.toString());

    InfoCommandTest.Run human = InfoCommandTest.run("info", d.toString());
    assertEquals(0, human.exit(), human.err());
    assertTrue(human.out().contains("  not read    VASP input (INCAR)"), human.out());
  }

  /** The gzip of {@code text} cut to its first {@code keep} bytes (a copy interrupted mid-way). */
  private static byte[] truncatedGzip(String text, int keep) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(b)) {
      z.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
    return java.util.Arrays.copyOf(b.toByteArray(), keep);
  }

  /**
   * A truncated notes.txt.gz and a .gz that is not gzip at all beside a run: both listed as not
   * recognised with a reason, the XDATCAR read, exit 0.
   */
  @Test
  void damagedCompressedFileInFolderIsListedNotFatal() throws IOException {
    Path d = folder("damaged-gz");
    write(d, "XDATCAR", xdatcar(3, 1));
    write(d, "INCAR", "IBRION = 0\nPOTIM = 1.0\n");
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      notes.append("note ").append(i).append(": nothing to see here, temperature ").append(300 + i % 7).append(" K\n");
    }
    Files.write(d.resolve("notes.txt.gz"), truncatedGzip(notes.toString(), 300));
    Files.write(d.resolve("tiny.txt.gz"), truncatedGzip("a\n", 12));
    Files.write(d.resolve("garbage.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    JsonNode root = json(InfoCommandTest.run("info", "--json", d.toString()));
    assertEquals(1, root.get("files").size(), root.toString());
    assertEquals(3, root.get("files").get(0).get("frames").asInt());
    Map<String, String> other = new LinkedHashMap<>();
    root.get("other_files").forEach(o -> other.put(Path.of(o.get("path").asText()).getFileName().toString(), o.get("kind").asText()));
    assertEquals("VASP input (INCAR)", other.get("INCAR"));
    for (String name : new String[] {"notes.txt.gz", "tiny.txt.gz", "garbage.gz"}) {
      String kind = other.get(name);
      assertTrue(kind != null && kind.startsWith("not recognised"), name + ": " + other);
    }
    assertEquals(4, other.size(), other.toString());
    InfoCommandTest.Run human = InfoCommandTest.run("info", d.toString());
    assertEquals(0, human.exit(), human.err());
  }

  /**
   * {@code --format vasp-xdatcar} on a folder forces only the XDATCAR candidates: INCAR, KPOINTS and
   * the POSCAR are not forced (exit 0, INCAR listed as the input it is); an unknown format is one
   * line, exit 2.
   */
  @Test
  void forcedFormatInFolderAppliesOnlyToItsCandidates() throws IOException {
    Path d = folder("forced-format");
    write(d, "XDATCAR", xdatcar(4, 1));
    write(d, "INCAR", "IBRION = 0\nPOTIM = 2.0\n");
    write(d, "KPOINTS", "Gamma\n0\nGamma\n1 1 1\n");
    write(d, "POSCAR", "Li\n1.0\n3.5 0 0\n0 3.5 0\n0 0 3.5\nLi\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
    JsonNode root = json(InfoCommandTest.run("info", "--json", "--format", "vasp-xdatcar", d.toString()));
    Map<String, String> formats = new LinkedHashMap<>();
    root.get("files").forEach(f -> formats.put(Path.of(f.get("path").asText()).getFileName().toString(), f.get("format").asText()));
    assertEquals(Map.of("XDATCAR", "vasp-xdatcar", "POSCAR", "vasp-poscar"), formats);
    assertEquals(4, root.get("files").get(1).get("frames").asInt(), root.toString());
    Map<String, String> other = new LinkedHashMap<>();
    root.get("other_files").forEach(o -> other.put(Path.of(o.get("path").asText()).getFileName().toString(), o.get("kind").asText()));
    assertEquals(Map.of("INCAR", "VASP input (INCAR)", "KPOINTS", "VASP input (KPOINTS)"), other);

    InfoCommandTest.Run bad = InfoCommandTest.run("info", "--format", "nosuch", d.toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().startsWith("interphase: unknown format \"nosuch\" (known: vasp-xdatcar, "), bad.err());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
  }

  /**
   * The user's case through info: POSCAR "Li P Sb" / 2 1 4 beside a POTCAR whose third entry is
   * PAW_PBE S. VASP ran sulfur: species Li 2, P 1, S 4, kind Sb kept, one warning naming both.
   */
  @Test
  void poscarLabelContradictedByPotcar() throws IOException {
    Path d = folder("poscar-sb-potcar-s");
    Path p = write(d, "POSCAR", "Li2PS4\n1.0\n8 0 0\n0 8 0\n0 0 8\nLi P Sb\n2 1 4\nDirect\n"
        + "0 0 0\n0.5 0.5 0.5\n0.25 0.25 0.25\n0.1 0.2 0.3\n0.3 0.1 0.2\n0.2 0.3 0.1\n0.4 0.4 0.1\n");
    write(d, "POTCAR", "  PAW_PBE Li_sv 10Sep2004\n   TITEL  = PAW_PBE Li_sv 10Sep2004\n  PAW_PBE P 06Sep2000\n"
        + "   TITEL  = PAW_PBE P 06Sep2000\n  PAW_PBE S 06Sep2000\n   TITEL  = PAW_PBE S 06Sep2000\n");
    InfoCommandTest.Run r = InfoCommandTest.run("info", "--json", p.toString());
    JsonNode f = json(r).get("files").get(0);
    assertEquals("{\"Li\":2,\"P\":1,\"S\":4}", f.get("species").toString());
    assertEquals("warning: " + p + ":6: species label \"Sb\" is Sb but the pseudopotential PAW_PBE S 06Sep2000 in POTCAR beside it "
        + "is S: read as S, the element VASP computed with (\"Sb\" stays the atoms' kind)", r.err().strip());
  }

  /** A folder of VASP inputs and a relaxed structure, without a trajectory, lists the structure. */
  @Test
  void folderWithoutTrajectoryListsItsStructures() throws IOException {
    Path d = folder("inputs-only");
    write(d, "POSCAR", "Li\n1.0\n3.5 0 0\n0 3.5 0\n0 0 3.5\nLi\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
    write(d, "INCAR", "ENCUT = 520\nISMEAR = 0\nSIGMA = 0.05\nIBRION = 2\nISIF = 3\nNSW = 50\nEDIFFG = -0.01\n");
    JsonNode root = json(InfoCommandTest.run("info", "--json", d.toString()));
    assertEquals(1, root.get("files").size());
    assertEquals("vasp-poscar", root.get("files").get(0).get("format").asText());
    assertEquals("VASP input (INCAR)", root.get("other_files").get(0).get("kind").asText());
  }

  /** B05's class through the command: species from the pseudopotential, the label kept as kind, a warning. */
  @Test
  void corruptedVasprunLabel() throws IOException {
    Path d = folder("vasprun-label");
    Path p = write(d, "vasprun.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<modeling>\n <generator>\n"
        + "  <i name=\"version\" type=\"string\">6.4.2 </i>\n </generator>\n <atominfo>\n  <array name=\"atoms\" >\n   <set>\n"
        + "    <rc><c>Li</c><c>   1</c></rc>\n    <rc><c>X </c><c>   2</c></rc>\n   </set>\n  </array>\n"
        + "  <array name=\"atomtypes\" >\n   <set>\n"
        + "    <rc><c>   1</c><c>Li</c><c>      6.94100000</c><c>      1.00000000</c><c>  PAW_PBE Li_sv 10Sep2004</c></rc>\n"
        + "    <rc><c>   1</c><c>X </c><c>     32.06600000</c><c>      6.00000000</c><c>  PAW_GGA S 17Jan2003</c></rc>\n"
        + "   </set>\n  </array>\n </atominfo>\n <calculation>\n  <structure>\n   <crystal>\n    <varray name=\"basis\" >\n"
        + "     <v> 5 0 0 </v>\n     <v> 0 5 0 </v>\n     <v> 0 0 5 </v>\n    </varray>\n   </crystal>\n"
        + "   <varray name=\"positions\" >\n    <v> 0 0 0 </v>\n    <v> 0.5 0.5 0.5 </v>\n   </varray>\n  </structure>\n"
        + " </calculation>\n</modeling>\n");
    JsonNode f = json(InfoCommandTest.run("info", "--json", p.toString())).get("files").get(0);
    assertEquals(1, f.get("species").get("Li").asInt());
    assertEquals(1, f.get("species").get("S").asInt());
    assertEquals(1, f.get("kinds").get("X").asInt());
    assertTrue(f.get("warnings").get(0).asText().contains("its pseudopotential PAW_GGA S 17Jan2003 makes it S"), f.toString());
  }

  @Test
  void unresolvableLabelIsExitThreeWithOneLine() throws IOException {
    Path d = folder("xdatcar-bad-label");
    Path p = write(d, "XDATCAR", xdatcar(2, 1).replace("   Li   S\n", "   Li   r\n"));
    InfoCommandTest.Run r = InfoCommandTest.run("info", p.toString());
    assertEquals(3, r.exit());
    assertEquals("interphase: " + p + ":6: expected an element symbol for species 2, found \"r\" (no POTCAR, OUTCAR or vasprun.xml "
        + "beside the file names its element)\n", r.err());
  }

  /** `cat run1/XDATCAR run2/XDATCAR`: read as two segments with a warning; --strict refuses it. */
  @Test
  void joinedRunsWarnAndStrictRefuses() throws IOException {
    Path d = folder("joined");
    String one = xdatcar(3, 1);
    Path p = write(d, "XDATCAR", one + one);
    JsonNode f = json(InfoCommandTest.run("info", "--json", p.toString())).get("files").get(0);
    assertEquals(6, f.get("frames").asInt());
    // 7 header lines + 3 frames of 9 lines + 7 header lines: the restarted configuration line is line 42
    assertTrue(f.get("warnings").get(0).asText().startsWith("XDATCAR:42: configuration numbers restart at 1 after 3"), f.toString());
    InfoCommandTest.Run strict = InfoCommandTest.run("info", "--strict", p.toString());
    assertEquals(3, strict.exit());
    assertTrue(strict.err().startsWith("interphase: " + p + ":42: expected one run with increasing configuration numbers"), strict.err());
  }

  /**
   * B03's class on a folder the test writes: ML_OUTBLOCK = 5 in a prediction-only run, POTIM 1 fs:
   * frames 5 fs apart, so lag 1 is 0.005 ps; ML_MODE = train would not change the interval.
   */
  @Test
  void msdUsesMlOutblock() throws IOException {
    Path d = folder("ml-outblock");
    write(d, "XDATCAR", xdatcar(12, 5));
    write(d, "INCAR", "IBRION = 0\nPOTIM = 1.0\nML_LMLFF = .TRUE.\nML_MODE = run\nML_OUTBLOCK = 5\n");
    JsonNode m = json(InfoCommandTest.run("msd", d.toString(), "--species", "Li", "--json"));
    assertEquals(5.0, m.get("timestep_fs").asDouble(), 0);
    assertEquals(0.005, m.get("lag_ps").get(1).asDouble(), 1e-12);
    // Li atom i moves 0.1·(i+1) Å per frame along x: MSD(lag 1) = mean over i of (0.1 (i+1))² = 0.075 Å², before drift
    // correction; the S framework does not move, so the drift correction changes nothing
    assertEquals(0.075, m.get("msd_a2").get(1).asDouble(), 1e-9);
  }

  /** `cell` is the first frame's cell and `cell_last` the last one's, for OUTCAR, vasprun.xml and XDATCAR alike. */
  @Test
  void cellIsTheFirstFramesInEveryFormat() throws IOException {
    for (String f : new String[] {"pymatgen/test_files/relaxation/OUTCAR", "pymatgen/test_files/relaxation/vasprun.xml"}) {
      JsonNode x = json(InfoCommandTest.run("info", "--json", SharedData.real(f).toString())).get("files").get(0);
      assertTrue(x.get("variable_cell").asBoolean(), f);
      // ISIF = 3 relaxation of Li: c = (0, 0, 3.507) Å at the start, (0, 0, 3.43950266) Å at the last step
      assertEquals(3.507, x.get("cell").get(2).get(2).asDouble(), 1e-9, f);
      assertEquals(3.43950266, x.get("cell_last").get(2).get(2).asDouble(), 1e-6, f);
    }
    JsonNode x = json(InfoCommandTest.run("info", "--json", SharedData.real("pymatgen/test_files/XDATCAR_6").toString()))
        .get("files").get(0);
    assertEquals(-4.19, x.get("cell").get(2).get(0).asDouble(), 1e-9);
    assertEquals(-4.574709, x.get("cell_last").get(2).get(0).asDouble(), 1e-9);
    JsonNode fixed = json(InfoCommandTest.run("info", "--json", SharedData.real("pymatgen/test_files/XDATCAR.MD").toString()))
        .get("files").get(0);
    assertFalse(fixed.get("variable_cell").asBoolean());
    assertFalse(fixed.has("cell_last"));
  }

  /**
   * An MD OSZICAR has one line per MD step: the time between its lines is POTIM from a file beside it (the real OUTCAR of
   * the Pt–water run: POTIM = 1.00 fs; an INCAR of our own: POTIM = 2.5, NBLOCK = 10, which concerns the XDATCAR only), and
   * unknown without one. The interface energy's equilibration then counts in those fs.
   */
  @Test
  void mdOszicarTakesPotimFromTheFilesBesideIt() throws IOException {
    Path run = SharedData.real("simsoliqtools/data/Pt111_24H2O_x/run1");
    JsonNode real = json(InfoCommandTest.run("info", "--json", run.resolve("OSZICAR").toString())).get("files").get(0);
    assertEquals(1.0, real.get("timestep_fs").asDouble(), 0);
    assertTrue(real.get("timestep_source").asText().startsWith("OUTCAR POTIM (1 fs"), real.toString());
    Path d = folder("oszicar-md");
    Files.copy(run.resolve("OSZICAR"), d.resolve("OSZICAR"));
    Files.copy(run.resolve("POSCAR"), d.resolve("POSCAR"));
    JsonNode alone = json(InfoCommandTest.run("info", "--json", d.resolve("OSZICAR").toString())).get("files").get(0);
    assertTrue(alone.get("timestep_fs").isNull(), alone.toString());
    write(d, "INCAR", "IBRION = 0\nPOTIM = 2.5\nNBLOCK = 10\n");
    JsonNode beside = json(InfoCommandTest.run("info", "--json", d.resolve("OSZICAR").toString())).get("files").get(0);
    assertEquals(2.5, beside.get("timestep_fs").asDouble(), 0);
    assertEquals("INCAR POTIM (2.5 fs, one OSZICAR line per MD step)", beside.get("timestep_source").asText());
    // the energies of the 3 lines at 0, 2.5 and 5 fs: an equilibration of 0.004 ps keeps the last two
    org.interphase.core.EnergyRun e = Inputs.energyRun(d.resolve("OSZICAR"), org.interphase.parsers.ReadOptions.DEFAULT,
        org.interphase.analysis.energetics.EnergySeries.VaspEnergy.SIGMA0);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 2.5, 5}, e.timesFs(), 1e-12);
    assertTrue(e.notes().stream().noneMatch(w -> w.text().contains("counted in steps of 1 fs")), e.notes().toString());
  }
}
