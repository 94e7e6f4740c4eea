package org.interphase.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Files beside a run that resemble a format without being one: scripts (whatever keywords they write), a CP2K BAND .ener, a BAND
 * restart (a CP2K input whose &FORCE_EVAL lies far down), and a CP2K log without an extension, found in a folder by its content.
 */
class FormatRegistryCompanionsTest {

  /** neb_li_hop's make_reference.py starts with #!/usr/bin/env and writes extended XYZ (Lattice=): a script, never a trajectory. */
  @Test
  void scriptsAreScriptsWhateverTheyHold() throws Exception {
    Path py = SharedData.cp2k("neb_li_hop/make_reference.py");
    assertEquals(Optional.of(FormatRegistry.SCRIPT), FormatRegistry.otherFileKind(py));
    UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(py, ReadOptions.DEFAULT));
    assertEquals(py + ": not a file Interphase reads (script, not data)", e.getMessage());
    Path dir = SharedData.emptyScratch("companions-scripts");
    // a script named after a format (by glob *XDATCAR*) that holds an XDATCAR's keywords, and one without extension but with #!
    Path named = Files.writeString(dir.resolve("plot_XDATCAR.py"), "import sys\nprint('Direct configuration=     1')\n");
    Path shebang = Files.writeString(dir.resolve("make_frames"), "#!/usr/bin/perl\nprint \"Lattice=\\\"1 0 0 0 1 0 0 0 1\\\"\";\n");
    for (Path p : List.of(named, shebang)) {
      assertEquals(Optional.of(FormatRegistry.SCRIPT), FormatRegistry.otherFileKind(p), p.toString());
      assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(p, ReadOptions.DEFAULT), p.toString());
    }
    assertEquals(Optional.empty(), FormatRegistry.knownByContent("XDATCAR", "Li3PS4\n 1.0\n"), "a real XDATCAR");
  }

  /** neb_LiCl-1.ener: no "# Step Nr." header, 14 columns (iteration, 7 replica energies, 6 distances); the MD .ener has 7 and a header. */
  @Test
  void bandEnerIsKnownByItsColumnsAndTheMdEnerStaysAnEnerFile() {
    Path band = SharedData.cp2k("neb_li_hop/neb_LiCl-1.ener");
    assertEquals(Optional.of(FormatRegistry.CP2K_BAND_ENERGIES), FormatRegistry.otherFileKind(band));
    assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(band, ReadOptions.DEFAULT));
    Path md = SharedData.cp2k("aimd_nvt/aLPS-1.ener");
    assertEquals(Optional.empty(), FormatRegistry.otherFileKind(md));
    assertEquals("cp2k-ener", FormatRegistry.detect(md, ReadOptions.DEFAULT).name());
    assertTrue(FormatRegistry.isBandEner("p-1.ener", "  0  -1.0  -1.1  0.5\n"), "two replicas: 4 columns");
    assertFalse(FormatRegistry.isBandEner("p-1.ener", "  0  -1.0  -1.1\n"), "odd column count");
    assertFalse(FormatRegistry.isBandEner("p-1.txt", "  0  -1.0  -1.1  0.5\n"), "not named .ener");
  }

  /** Both restarts are CP2K inputs: aLPS-1.restart has &FORCE_EVAL on line 94, neb_LiCl-1.restart only on line 425 (past 8 KB). */
  @Test
  void everyCp2kRestartIsACp2kInput() {
    for (Path p : List.of(SharedData.cp2k("neb_li_hop/neb_LiCl-1.restart"), SharedData.cp2k("aimd_nvt/aLPS-1.restart"))) {
      assertEquals("cp2k-input", FormatRegistry.detect(p, ReadOptions.DEFAULT).name(), p.toString());
    }
    assertTrue(FormatRegistry.looksLikeCp2kInput("! comment\n  &GLOBAL\n    RUN_TYPE MD\n"));
    assertFalse(FormatRegistry.looksLikeCp2kInput(" GLOBAL| Run type   MD\n"), "a log line is not an input");
  }

  /** cp2kdata's v7.1/geo_opt: a 288-atom GEO_OPT log without extension, the folder's only file; its content says what it is. */
  @Test
  void aCp2kLogWithoutExtensionIsTheFoldersRun() {
    Path dir = SharedData.real("cp2kdata/unsorted/v7.1");
    List<RunDiscovery.Run> runs = RunDiscovery.discover(dir);
    assertEquals(1, runs.size(), runs.toString());
    assertEquals(RunDiscovery.RunKind.CP2K_LOG, runs.get(0).kind());
    assertEquals(dir.resolve("geo_opt"), runs.get(0).primary());
  }
}
