package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.interphase.cli.InfoCommandTest.Run;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info} lists what it can: a file without a cell is listed with the cell unknown (and how to give it), and of
 * several paths or the files of a folder every readable one is listed while each one that cannot be read is one line.
 */
class InfoListingTest {
  @TempDir
  Path dir;

  private static final String ALPS_ADVICE = "put the file aLPS-1.cell beside it, or an input naming project aLPS with &CELL, "
      + "or the run's main log (CELL| lines)";
  private static final String LATTICE_ADVICE = "for a periodic run write Lattice=\"ax ay az bx by bz cx cy cz\" (Å) in the comment line "
      + "of every frame, as ASE and OVITO do";
  /** An XDATCAR whose only coordinate line (line 9) holds an overflow field. */
  private static final String BAD_XDATCAR = "x\n1.0\n1 0 0\n0 1 0\n0 0 1\nLi\n1\nDirect configuration=     1\n 0.1 ***** 0.3\n";
  private static final String POSCAR = "Li\n1.0\n3.5 0 0\n0 3.5 0\n0 0 3.5\nLi\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n";

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** The listing of aimd_nvt's positions read without any other file of the run. */
  private static List<String> lonePositions(Path pos) {
    return List.of(pos.toString(),
        "  format      cp2k-md (CP2K)",
        "  atoms       32  {Li=12, P=4, S=16}",
        "  frames      2001",
        "  time step   1.500 fs between frames (from " + pos.getFileName() + " time = column)",
        "  cell        unknown: " + ALPS_ADVICE,
        "  energies    yes (eV)   forces no");
  }

  @Test
  void lonePositionsFileIsListedWithTheCellUnknown() throws IOException {
    Path src = SharedData.cp2k("aimd_nvt/aLPS-pos-1.xyz");
    Path plain = Files.createDirectories(dir.resolve("plain")).resolve("aLPS-pos-1.xyz");
    Files.copy(src, plain);
    Path gz = Files.createDirectories(dir.resolve("gz")).resolve("aLPS-pos-1.xyz.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(src, o);
    }
    for (Path pos : List.of(plain, gz)) {
      Run r = InfoCommandTest.run("info", pos.toString());
      assertEquals(0, r.exit(), r.err());
      assertEquals(lonePositions(pos), lines(r.out()));
      assertEquals(List.of("warning: " + pos + ": no cell: " + ALPS_ADVICE), lines(r.err()));

      Run j = InfoCommandTest.run("info", "--json", pos.toString());
      assertEquals(0, j.exit(), j.err());
      JsonNode f = Json.MAPPER.readTree(j.out()).get("files").get(0);
      assertEquals(2001, f.get("frames").asInt());
      assertEquals(1.5, f.get("timestep_fs").asDouble(), 0);
      assertTrue(f.get("cell").isNull(), f.toString());
      assertEquals("no cell: " + ALPS_ADVICE, f.get("warnings").get(0).asText());

      // a command that needs the cell still refuses, with the message it always gave
      Run msd = InfoCommandTest.run("msd", pos.toString(), "--species", "Li");
      assertEquals(4, msd.exit(), msd.err());
      assertEquals("interphase: " + pos + ": no cell for this run: " + ALPS_ADVICE + "\n", msd.err());
    }
  }

  @Test
  void xyzWithoutLatticeIsListedWithTheCellUnknown() throws IOException {
    Path ext = dir.resolve("two.extxyz");
    Files.writeString(ext, "2\nProperties=species:S:1:pos:R:3 Time=0.0\nLi 0 0 0\nS 1 1 1\n"
        + "2\nProperties=species:S:1:pos:R:3 Time=2.0\nLi 0.1 0 0\nS 1 1 1\n");
    Path plain = dir.resolve("two.xyz");
    Files.writeString(plain, "2\nplain\nLi 0 0 0\nS 1 1 1\n2\nplain\nLi 0.1 0 0\nS 1 1 1\n");
    String[] steps = {"2.000 fs between frames (from extxyz Time= of the first two frames (fs))",
        "unknown: the files state none; for MD, pass --timestep-fs with the time between stored frames"};
    Path[] files = {ext, plain};
    for (int i = 0; i < files.length; i++) {
      Run r = InfoCommandTest.run("info", files[i].toString());
      assertEquals(0, r.exit(), r.err());
      assertEquals(List.of(files[i].toString(),
          "  format      extxyz (extended XYZ)",
          "  atoms       2  {Li=1, S=1}",
          "  frames      2",
          "  time step   " + steps[i],
          "  cell        unknown: " + LATTICE_ADVICE,
          "  energies    no   forces no",
          "  note        no Lattice= in the first frame: a non-periodic structure without a cell"), lines(r.out()));
      assertEquals(List.of("warning: " + files[i] + ": no cell: " + LATTICE_ADVICE), lines(r.err()));
    }
    Run msd = InfoCommandTest.run("msd", ext.toString(), "--species", "Li");
    assertEquals(2, msd.exit(), msd.err());
    assertEquals("interphase: " + ext + ": frame 0 has no cell: periodic unwrapping needs one\n", msd.err());
  }

  /** The replica files of a CP2K band without the band's input: listed with the cell unknown; neb still refuses them. */
  @Test
  void bandWithoutItsInputIsListedWithTheCellUnknown() throws IOException {
    Path neb = SharedData.cp2k("neb_li_hop");
    Path d = Files.createDirectories(dir.resolve("band"));
    for (int i = 1; i <= 7; i++) {
      String n = "neb_LiCl-pos-Replica_nr_" + i + "-1.xyz";
      Files.copy(neb.resolve(n), d.resolve(n));
    }
    Path first = d.resolve("neb_LiCl-pos-Replica_nr_1-1.xyz");
    String advice = "put the band's input (naming project neb_LiCl, with &CELL) beside the replica files";
    Run r = InfoCommandTest.run("info", d.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> out = lines(r.out());
    assertEquals(first.toString(), out.get(0));
    assertEquals("  format      cp2k-band (CP2K)", out.get(1));
    assertEquals("  atoms       23  {Li=15, S=7, Cl=1}", out.get(2));
    assertEquals("  images      7", out.get(3));
    assertEquals("  time step   none (the images of a band)", out.get(4));
    // msd over the images (with the band's input beside them) is refused for what they are, not asked for a time step
    InfoCommandTest.Run msd = InfoCommandTest.run("msd", neb.resolve("neb_LiCl-pos-Replica_nr_1-1.xyz").toString(), "--species", "Li");
    assertEquals(2, msd.exit(), msd.err());
    assertTrue(msd.err().contains("CP2K BAND: the images of a band: the frames are not molecular-dynamics steps"), msd.err());
    assertFalse(msd.err().contains("--timestep-fs"), msd.err());
    assertEquals("  cell        unknown: " + advice, out.get(5));
    assertEquals(List.of("warning: " + first + ": no cell: " + advice), lines(r.err()));

    Run n = InfoCommandTest.run("neb", d.toString());
    assertEquals(3, n.exit(), n.err());
    assertEquals("interphase: " + first + ": no cell for the BAND run: no input file with &CELL for project neb_LiCl beside it\n", n.err());
  }

  /**
   * Several paths: the readable one is listed, each other one is listed as not read and gives one line on stderr; the exit
   * code is that of the first path not read, as {@code info} on it alone gives it.
   */
  @Test
  void severalPathsListEveryReadableOneAndSayWhyTheOthersAreNot() throws IOException {
    Path good = dir.resolve("POSCAR");
    Files.writeString(good, POSCAR);
    Path bad = dir.resolve("XDATCAR");
    Files.writeString(bad, BAD_XDATCAR);
    Path data = dir.resolve("frame_numbers.dat.gz");
    Files.copy(SharedData.real("argyrodite-disorder/data/Li6PS5Cl/0p/run1/frame_numbers.dat.gz"), data);
    Path none = dir.resolve("none");

    String badLine = "interphase: " + bad + ":9: expected 3 coordinates for atom 1 in frame 1, found \"*****\"";
    String dataLine = "interphase: " + data + ": format not recognised (use --format; known: vasp-xdatcar, ";
    Run r = InfoCommandTest.run("info", good.toString(), bad.toString(), data.toString(), none.toString());
    assertEquals(3, r.exit(), r.err());
    assertEquals(List.of(good.toString(),
        "  format      vasp-poscar (VASP)",
        "  atoms       2  {Li=2}",
        "  frames      1",
        "  time step   none (a single structure)",
        "  cell        a=3.5000 b=3.5000 c=3.5000 Å  α=90.00 β=90.00 γ=90.00°  V=42.875 Å³",
        "  energies    no   forces no",
        bad.toString(),
        "  not read    line 9: expected 3 coordinates for atom 1 in frame 1, found \"*****\"",
        data.toString(),
        r.out().lines().toList().get(10),
        none.toString(),
        "  not read    no such file or directory"), lines(r.out()));
    assertTrue(lines(r.out()).get(10).startsWith("  not read    format not recognised (use --format; known: "), r.out());
    List<String> err = lines(r.err());
    assertEquals(3, err.size(), r.err());
    assertEquals(badLine, err.get(0));
    assertTrue(err.get(1).startsWith(dataLine), err.get(1));
    assertEquals("interphase: " + none + ": no such file or directory", err.get(2));

    // the code follows the first path not read: the unrecognised file (2), a missing one (4)
    assertEquals(2, InfoCommandTest.run("info", good.toString(), data.toString(), bad.toString()).exit());
    assertEquals(4, InfoCommandTest.run("info", none.toString(), good.toString(), bad.toString()).exit());
    assertEquals(0, InfoCommandTest.run("info", good.toString(), good.toString()).exit());

    Run j = InfoCommandTest.run("info", "--json", good.toString(), bad.toString());
    assertEquals(3, j.exit(), j.err());
    JsonNode root = Json.MAPPER.readTree(j.out());
    assertEquals(1, root.get("files").size());
    assertEquals(bad.toString(), root.get("other_files").get(0).get("path").asText());
    assertEquals("line 9: expected 3 coordinates for atom 1 in frame 1, found \"*****\"", root.get("other_files").get(0).get("kind").asText());
    assertEquals(List.of(badLine), lines(j.err()));

    // one path: the one-line error and its code, nothing on stdout, as before
    Run alone = InfoCommandTest.run("info", data.toString());
    assertEquals(2, alone.exit());
    assertEquals("", alone.out());
    assertEquals(1, lines(alone.err()).size(), alone.err());
    assertTrue(alone.err().startsWith(dataLine), alone.err());
  }

  /** A damaged XDATCAR named as such in a run folder: the rest of the folder is listed, the XDATCAR is one line, exit 3. */
  @Test
  void damagedRunFileInAFolderDoesNotStopTheListing() throws IOException {
    Path d = Files.createDirectories(dir.resolve("vasp"));
    Files.writeString(d.resolve("POSCAR"), POSCAR);
    Files.writeString(d.resolve("XDATCAR"), BAD_XDATCAR);
    Files.writeString(d.resolve("INCAR"), "IBRION = 0\nPOTIM = 1.0\n");
    Run r = InfoCommandTest.run("info", d.toString());
    assertEquals(3, r.exit(), r.err());
    List<String> out = lines(r.out());
    assertEquals(d.resolve("POSCAR").toString(), out.get(0));
    assertEquals(List.of(d.resolve("INCAR").toString(), "  not read    VASP input (INCAR)", d.resolve("XDATCAR").toString(),
        "  not read    line 9: expected 3 coordinates for atom 1 in frame 1, found \"*****\""), out.subList(out.size() - 4, out.size()));
    assertEquals(List.of("interphase: " + d.resolve("XDATCAR") + ":9: expected 3 coordinates for atom 1 in frame 1, found \"*****\""),
        lines(r.err()));
  }

  /** A CP2K folder with a damaged run beside a readable one; with a second folder on the command line. */
  @Test
  void damagedCp2kRunBesideAReadableOneAndAnotherFolder() throws IOException {
    Path aimd = SharedData.cp2k("aimd_nvt");
    Path d = Files.createDirectories(dir.resolve("cp2k"));
    for (String n : List.of("preopt-pos-1.xyz", "preopt.inp", "aLPS-1.cell")) {
      Files.copy(aimd.resolve(n), d.resolve(n));
    }
    List<String> pos = Files.readAllLines(aimd.resolve("aLPS-pos-1.xyz")).subList(0, 340);
    StringBuilder damaged = new StringBuilder();
    for (int i = 0; i < pos.size(); i++) {
      // line 5: the third atom of the first frame with an overflow field
      damaged.append(i == 4 ? "Li ***** 6.9339179671 4.8994359849" : pos.get(i)).append('\n');
    }
    Files.writeString(d.resolve("aLPS-pos-1.xyz"), damaged);
    Path v = Files.createDirectories(dir.resolve("vasp"));
    Files.writeString(v.resolve("POSCAR"), POSCAR);
    String cp2kLine = "interphase: " + d.resolve("aLPS-pos-1.xyz") + ":5: expected 3 numbers for atom 3 (Li) in frame 1, found \"*****\"";

    Run r = InfoCommandTest.run("info", "--json", d.toString(), v.toString());
    assertEquals(3, r.exit(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(2, root.get("files").size(), root.toString());
    assertEquals(d.resolve("preopt-pos-1.xyz").toString(), root.get("files").get(0).get("path").asText());
    assertEquals(60, root.get("files").get(0).get("frames").asInt());
    assertEquals(v.resolve("POSCAR").toString(), root.get("files").get(1).get("path").asText());
    assertEquals(d.resolve("aLPS-pos-1.xyz").toString(), root.get("other_files").get(0).get("path").asText());
    assertEquals("line 5: expected 3 numbers for atom 3 (Li) in frame 1, found \"*****\"",
        root.get("other_files").get(0).get("kind").asText());
    assertEquals(List.of(cp2kLine), lines(r.err()).stream().filter(l -> !l.startsWith("warning: ")).toList());

    // a folder where nothing can be read among several paths: one line, its code; the other folder is still listed
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Run e = InfoCommandTest.run("info", empty.toString(), v.toString());
    assertEquals(2, e.exit(), e.err());
    assertEquals(v.resolve("POSCAR").toString(), lines(e.out()).get(0));
    assertEquals(List.of("interphase: " + empty + ": no run Interphase reads in this directory (VASP, CP2K, or a LAMMPS dump, extended XYZ "
        + "or H5MD file by its name)"), lines(e.err()));
  }

  /**
   * A CP2K run's files named one by one ({@code info run/*}): coord.xyz (the element x y z lines the input takes into &COORD
   * with {@code @include coord.xyz}, no atom count) and the .stress log are listed as what they are, not as malformed or
   * unknown, and are not failures of the listing; named alone, each is the one line saying what it is, exit 2.
   */
  @Test
  void cp2kCompanionFilesAreListedAsWhatTheyAre() throws IOException {
    Path npt = SharedData.real("cp2kdata/test_dpdata/v2022.2/aimd_npt_i");
    Path coord = npt.resolve("coord.xyz");
    Path pos = npt.resolve("system-pos-1.xyz");
    Path stress = SharedData.real("cp2kdata/test_dpdata/v7.1/aimd_virial/water-1.stress");
    String coordKind = "CP2K input coordinates (one structure, element x y z lines as &COORD includes them; read the -pos- trajectory for MD)";
    String stressKind = "CP2K stress tensor log (bar per MD step; not a trajectory)";

    Run r = InfoCommandTest.run("info", coord.toString(), pos.toString(), stress.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(lines(r.err()).stream().noneMatch(l -> l.startsWith("interphase:")), r.err());
    List<String> out = lines(r.out());
    assertEquals(pos.toString(), out.get(0));
    assertEquals("  format      cp2k-md (CP2K 2022.2)", out.get(1));
    assertEquals(List.of(coord.toString(), "  not read    " + coordKind, stress.toString(), "  not read    " + stressKind),
        out.subList(out.size() - 4, out.size()));

    Run j = InfoCommandTest.run("info", "--json", coord.toString(), pos.toString(), stress.toString());
    assertEquals(0, j.exit(), j.err());
    JsonNode root = Json.MAPPER.readTree(j.out());
    assertEquals(1, root.get("files").size());
    assertEquals(52, root.get("files").get(0).get("atoms").asInt());
    JsonNode other = root.get("other_files");
    assertEquals(2, other.size());
    assertEquals(coord.toString(), other.get(0).get("path").asText());
    assertEquals(coordKind, other.get(0).get("kind").asText());
    assertEquals(stress.toString(), other.get(1).get("path").asText());
    assertEquals(stressKind, other.get(1).get("kind").asText());

    for (Path alone : List.of(coord, stress)) {
      Run a = InfoCommandTest.run("info", alone.toString());
      assertEquals(2, a.exit(), a.err());
      assertEquals("", a.out());
      assertEquals("interphase: " + alone + ": not a file Interphase reads (" + (alone == coord ? coordKind : stressKind) + ")\n", a.err());
    }
  }

  /** An XYZ file with its atom count (a coord.xyz for &TOPOLOGY COORD_FILE_NAME) is still read: one frame, the cell unknown. */
  @Test
  void coordXyzWithItsAtomCountIsReadAsXyz() throws IOException {
    Path coord = dir.resolve("coord.xyz");
    Files.writeString(coord, "2\nLi pair\nLi 0.0 0.0 0.0\nLi 1.5 1.5 1.5\n");
    Run r = InfoCommandTest.run("info", "--json", coord.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode f = Json.MAPPER.readTree(r.out()).get("files").get(0);
    assertEquals(2, f.get("atoms").asInt());
    assertEquals(1, f.get("frames").asInt());
  }
}
