package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames that the files say are not molecular dynamics (a CP2K GEO_OPT, a VASP relaxation with IBRION ≠ 0 in the file itself or in
 * the INCAR beside it) give no MSD, van Hove correlation or hops, even with a time step given: such a D would be a number without a
 * meaning. Analyses that are not rates in time (g(r), bonds) still run on them.
 */
class NotDynamicsTest {
  private static final String REFUSAL = "the frames are not molecular-dynamics steps";

  private static void refused(InfoCommandTest.Run r, String why) {
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(why + ": " + REFUSAL), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void cp2kGeometryOptimisationGivesNoMsd() {
    String preopt = SharedData.cp2k("aimd_nvt/preopt-pos-1.xyz").toString();
    refused(InfoCommandTest.run("msd", preopt, "--species", "Li", "--timestep-fs", "1"), "run type GEO_OPT");
    refused(InfoCommandTest.run("vanhove", preopt, "--species", "Li", "--timestep-fs", "1", "--lags-ps", "0.005"), "run type GEO_OPT");
    InfoCommandTest.Run rdf = InfoCommandTest.run("rdf", preopt, "--pair", "P-S");
    assertEquals(0, rdf.exit(), rdf.err());
  }

  @Test
  void vaspRelaxationsGiveNoMsd() {
    refused(InfoCommandTest.run("msd", SharedData.real("pymatgen/test_files/relaxation/OUTCAR").toString(), "--species", "Li",
        "--timestep-fs", "1"), "IBRION = 2 in OUTCAR");
    refused(InfoCommandTest.run("msd", SharedData.real("pymatgen/test_files/relaxation/vasprun.xml").toString(), "--species", "Li",
        "--timestep-fs", "1"), "IBRION = 2 in vasprun.xml");
  }

  /** The same MD XDATCAR beside an INCAR with IBRION = 1 is refused, beside one with IBRION = 0 it gives its MSD. */
  @Test
  void anXdatcarIsJudgedByTheIncarBesideIt(@TempDir Path dir) throws IOException {
    Path relax = Files.createDirectories(dir.resolve("relax"));
    Path md = Files.createDirectories(dir.resolve("md"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.real("kinisi/example_XDATCAR.gz")))) {
      Files.copy(in, relax.resolve("XDATCAR"));
    }
    Files.copy(relax.resolve("XDATCAR"), md.resolve("XDATCAR"));
    Files.writeString(relax.resolve("INCAR"), "IBRION = 1\nNSW = 100\n");
    Files.writeString(md.resolve("INCAR"), "IBRION = 0\nPOTIM = 2\nNBLOCK = 50\n");
    refused(InfoCommandTest.run("msd", relax.resolve("XDATCAR").toString(), "--species", "Li", "--timestep-fs", "100"),
        "IBRION = 1 in INCAR");
    InfoCommandTest.Run ok = InfoCommandTest.run("msd", md.resolve("XDATCAR").toString(), "--species", "Li");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().contains("100.0 fs between frames"), ok.out());
  }
}
