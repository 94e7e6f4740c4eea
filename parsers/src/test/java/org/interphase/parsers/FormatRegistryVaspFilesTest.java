package org.interphase.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The other files of a VASP run folder are known by name or fail sniffing; none is taken for a structure. */
class FormatRegistryVaspFilesTest {

  private static Path write(String name, String text) throws IOException {
    Path p = SharedData.scratch("format-registry-vasp").resolve(name);
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ~ ", value = {"INCAR ~ VASP input (INCAR)", "INCAR.gz ~ VASP input (INCAR)",
      "KPOINTS ~ VASP input (KPOINTS)", "POTCAR ~ VASP input (POTCAR pseudopotentials)", "CHGCAR ~ VASP output (not a trajectory)",
      "job.sh ~ job script", "run.slurm ~ job script", "jobscript ~ job script", "submit_vasp ~ job script",
      "slurm-123456.out ~ Slurm log", "vasp.out ~ program log (standard output)"})
  void knownByName(String name, String kind) {
    assertEquals(Optional.of(kind), FormatRegistry.otherFileKind(Path.of("/run").resolve(name)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"XDATCAR", "OUTCAR", "vasprun.xml", "POSCAR", "CONTCAR", "OSZICAR"})
  void dataFilesAreNotOtherFiles(String name) {
    assertEquals(Optional.empty(), FormatRegistry.otherFileKind(Path.of("/run").resolve(name)));
  }

  /**
   * B04's class: INCARs whose lines 3 to 5 have three words ({@code EDIFF = 1e-05}) are not a POSCAR,
   * with or without comments, under any name.
   */
  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {
      "ALGO = Fast\nEDIFF = 1e-05\nENCUT = 400\nIBRION = 0\nISIF = 2\nISMEAR = 0\nISYM = 0\nNBLOCK = 10\nPOTIM = 2.0\n",
      "# AIMD\nSYSTEM = Li2S\nPREC = Normal\nENCUT = 520\nEDIFF = 1E-6\nIBRION = 0\nPOTIM = 1\nNSW = 100\n",
      "SYSTEM = x\n1.0\nA = 1\nB = 2\nC = 3\nLi S\n1 1\nDirect\n0 0 0\n"})
  void incarIsNotAPoscarByContent(String incar) throws IOException {
    assertFalse(FormatRegistry.looksLikePoscar(incar));
    Path p = write("params", incar);
    assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(p, ReadOptions.DEFAULT));
  }

  @Test
  void poscarsStillSniffAsPoscars() {
    assertTrue(FormatRegistry.looksLikePoscar("Li2S\n1.0\n5.7 0 0\n0 5.7 0\n0 0 5.7\nLi S\n8 4\nDirect\n0 0 0\n"));
    // VASP 4: no symbols line; three scale factors (VASP 6)
    assertTrue(FormatRegistry.looksLikePoscar("Li2S\n1.0 1.0 1.0\n5.7 0 0\n0 5.7 0\n0 0 5.7\n8 4\nDirect\n0 0 0\n"));
  }

  @Test
  void incarGivenByNameSaysWhatItIs() throws IOException {
    Path p = write("INCAR", "POTIM = 2\nNBLOCK = 10\nIBRION = 0\nISIF = 2\nNSW = 10\nTEBEG = 300\nENCUT = 400\n");
    UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(p, ReadOptions.DEFAULT));
    assertEquals(p + ": not a file Interphase reads (VASP input (INCAR))", e.getMessage());
  }
}
