package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every VASP atom's element is a periodic-table element that the run declared: a label that is not
 * one is resolved from the pseudopotential names (vasprun.xml atomtypes, OUTCAR TITEL/VRHFIN, a
 * POTCAR, OUTCAR or vasprun.xml beside a POSCAR/XDATCAR), never guessed from its letters, and an
 * unresolvable label is a file:line error.
 */
class VaspElementIdentityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", value = {"Li, Li", "LI, Li", "Li_sv, Li", "Li/6d1f0c2e, Li", "H1.25, H", "H.75, H", "Zr_sv_GW, Zr",
      "Fe1, Fe", "S, S", "r, none", "Cx, none", "X, none", "Lix, none", "PAW, none", "1Li, none"})
  void labelIsAnElementOnlyWhenItsLettersAreOne(String label, String element) {
    assertEquals(element, SpeciesResolver.elementOrNull(label));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", value = {"PAW_PBE Zr_sv 04Jan2005, Zr", "PAW_PBE S 06Sep2000, S", "PAW_GGA Li_sv 17Jan2003, Li",
      "PAW Li 17Jan2003, Li", "US Li, Li", "US  Zr, Zr", "PAW_PBE_52 Ga_d_GW 06Jul2010, Ga", "PAW_LDA O_h 09Jan2002, O",
      "PAW_PBE H1.25 07Sep2000, H", "NC_PBE r 01Jan2000, none", "PAW_PBE, none"})
  void pseudopotentialNames(String title, String element) {
    assertEquals(element, SpeciesResolver.elementOfPotential(title));
  }

  /** B05's class with other labels and other POTCAR spellings: each type's pseudopotential decides. */
  @Test
  void vasprunLabelsThatAreNotElementsComeFromThePseudopotential() {
    Path dir = VaspTestFiles.folder("vasprun-labels");
    Path p = VaspTestFiles.write(dir, "vasprun.xml", VaspTestFiles.vasprun("5.4.4", List.of(), List.of(
        new String[] {"Q ", "PAW_GGA Li_sv 17Jan2003", "2"},
        new String[] {"r ", "US Zr", "1"},
        new String[] {"S", "PAW_PBE S 06Sep2000", "3"}), 2));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      AtomTable atoms = src.header().atoms();
      assertEquals(Map.of("Li", 2, "Zr", 1, "S", 3), Map.copyOf(atoms.speciesCounts()));
      assertEquals(List.of("Li", "Li", "Zr", "S", "S", "S"), List.of(atoms.elements()));
      // the file's labels stay selectable as kinds
      assertEquals(List.of("Q", "Q", "r", "S", "S", "S"), List.of(atoms.kinds()));
      assertEquals(2, FrameSources.readAll(src).size());
      assertEquals(2, src.warnings().size(), src.warnings().toString());
      assertTrue(src.warnings().get(0).text().contains("\"Q\", which is not an element; its pseudopotential PAW_GGA Li_sv 17Jan2003 makes it Li"),
          src.warnings().get(0).text());
    }
  }

  /** A label that is an element but not the one of its pseudopotential: VASP computed with the POTCAR. */
  @Test
  void vasprunPseudopotentialOverridesAContradictingLabel() {
    Path dir = VaspTestFiles.folder("vasprun-contradiction");
    Path p = VaspTestFiles.write(dir, "vasprun.xml", VaspTestFiles.vasprun("6.4.2", List.of(), List.of(
        new String[] {"Li", "PAW_PBE Li_sv 10Sep2004", "1"}, new String[] {"Zn", "PAW_PBE Zr_sv 04Jan2005", "1"}), 1));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(List.of("Li", "Zr"), List.of(src.header().atoms().elements()));
      assertTrue(src.warnings().get(0).text().contains("labelled \"Zn\"; its pseudopotential PAW_PBE Zr_sv 04Jan2005 makes it Zr"),
          src.warnings().toString());
    }
  }

  @Test
  void vasprunTypeWithoutAnyElementIsAnErrorAtItsLine() {
    Path dir = VaspTestFiles.folder("vasprun-unresolvable");
    String text = VaspTestFiles.vasprun("5.4.4", List.of(), List.of(
        new String[] {"Li", "PAW_PBE Li_sv 10Sep2004", "1"}, new String[] {"r ", "PAW_PBE q 01Jan2000", "1"}), 1);
    Path p = VaspTestFiles.write(dir, "vasprun.xml", text);
    // the atomtypes row of type 2 is the line holding "PAW_PBE q"
    long line = text.substring(0, text.indexOf("PAW_PBE q")).chars().filter(c -> c == '\n').count() + 1;
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FormatRegistry.open(p, ReadOptions.DEFAULT));
    assertEquals(p + ":" + line + ": expected an element for atom type 2 in its label or pseudopotential, found \"r\" and "
        + "\"PAW_PBE q 01Jan2000\"", e.getMessage());
  }

  /** XDATCAR labels resolved from a POTCAR beside it; the POTCAR's other entries must agree with the labels. */
  @Test
  void xdatcarLabelFromPotcarBesideIt() {
    Path dir = VaspTestFiles.folder("xdatcar-potcar");
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li r O", "2 1 1", 4, 1, 2, 3));
    VaspTestFiles.write(dir, "POTCAR", VaspTestFiles.potcar("PAW_PBE Li_sv 10Sep2004", "PAW_PBE Zr_sv 04Jan2005", "PAW_PBE O 08Apr2002"));
    try (FrameSource src = FormatRegistry.open(x, ReadOptions.DEFAULT)) {
      assertEquals(List.of("Li", "Li", "Zr", "O"), List.of(src.header().atoms().elements()));
      assertEquals("r", src.header().atoms().kind(2));
      assertEquals(3, FrameSources.readAll(src).size());
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.equals("XDATCAR:6: species label \"r\" is not an element: Zr from the "
          + "pseudopotential PAW_PBE Zr_sv 04Jan2005 in POTCAR beside it")), Warning.texts(src.warnings()).toString());
    }
  }

  @Test
  void xdatcarLabelFromOutcarOrVasprunBesideIt() {
    Path dir = VaspTestFiles.folder("xdatcar-outcar");
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li ?", "1 1", 2, 1, 2));
    VaspTestFiles.write(dir, "OUTCAR", VaspTestFiles.outcar("5.4.4", List.of(), List.of("PAW_PBE Li_sv 10Sep2004", "PAW_PBE S 06Sep2000"),
        List.of("Li: 1s2s2p", "S: s2p4"), new int[] {1, 1}, 1, 2, 0, new double[] {10}, VaspTestFiles.every(1), true));
    assertEquals(List.of("Li", "S"), List.of(FormatRegistry.open(x, ReadOptions.DEFAULT).header().atoms().elements()));

    Path dir2 = VaspTestFiles.folder("xdatcar-vasprun");
    Path x2 = VaspTestFiles.write(dir2, "XDATCAR", VaspTestFiles.xdatcar("Li Xx", "1 1", 2, 1, 2));
    VaspTestFiles.write(dir2, "vasprun.xml", VaspTestFiles.vasprun("6.4.2", List.of(), List.of(
        new String[] {"Li", "PAW_PBE Li_sv 10Sep2004", "1"}, new String[] {"Cl", "PAW_PBE Cl 06Sep2000", "1"}), 1));
    assertEquals(List.of("Li", "Cl"), List.of(FormatRegistry.open(x2, ReadOptions.DEFAULT).header().atoms().elements()));
  }

  @Test
  void unresolvableLabelIsAnErrorNamingFileLineAndLabel() {
    Path dir = VaspTestFiles.folder("xdatcar-alone");
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li r", "1 1", 2, 1, 2));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FormatRegistry.open(x, ReadOptions.DEFAULT));
    assertEquals(x + ":6: expected an element symbol for species 2, found \"r\" (no POTCAR, OUTCAR or vasprun.xml beside the "
        + "file names its element)", e.getMessage());
  }

  /**
   * The POTCAR beside the file is what VASP computed with, even where it contradicts labels that are
   * elements: "Li r" with Na_pv, Cl is read as Na, Cl, each replaced label named in a warning.
   */
  @Test
  void potcarBesideDecidesEvenAgainstElementLabels() {
    Path dir = VaspTestFiles.folder("xdatcar-other-potcar");
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li r", "1 1", 2, 1, 2));
    VaspTestFiles.write(dir, "POTCAR", VaspTestFiles.potcar("PAW_PBE Na_pv 19Sep2006", "PAW_PBE Cl 06Sep2000"));
    try (FrameSource src = FormatRegistry.open(x, ReadOptions.DEFAULT)) {
      assertEquals(List.of("Na", "Cl"), List.of(src.header().atoms().elements()));
      assertEquals(List.of("Li", "r"), List.of(src.header().atoms().kinds()));
      assertEquals(List.of("XDATCAR:6: species label \"Li\" is Li but the pseudopotential PAW_PBE Na_pv 19Sep2006 in POTCAR "
          + "beside it is Na: read as Na, the element VASP computed with (\"Li\" stays the atoms' kind)",
          "XDATCAR:6: species label \"r\" is not an element: Cl from the pseudopotential PAW_PBE Cl 06Sep2000 in POTCAR beside it"),
          Warning.texts(src.warnings()));
    }
  }

  /**
   * The user's case: POSCAR labels "Li P Sb" (2, 1, 4 atoms) beside a POTCAR whose third entry is
   * PAW_PBE S. VASP ran sulfur, so the composition is Li 2, P 1, S 4 (not Sb 4), and the four atoms
   * keep "Sb" as their kind. An XDATCAR of the same run is read the same way.
   */
  @Test
  void poscarAndXdatcarLabelContradictedByPotcarUsesThePotcar() throws IOException {
    Path dir = VaspTestFiles.folder("poscar-sb-potcar-s");
    Path p = VaspTestFiles.write(dir, "POSCAR", "Li2PS4\n1.0\n8 0 0\n0 8 0\n0 0 8\nLi P Sb\n2 1 4\nDirect\n"
        + "0 0 0\n0.5 0.5 0.5\n0.25 0.25 0.25\n0.1 0.2 0.3\n0.3 0.1 0.2\n0.2 0.3 0.1\n0.4 0.4 0.1\n");
    VaspTestFiles.write(dir, "POTCAR", VaspTestFiles.potcar("PAW_PBE Li_sv 10Sep2004", "PAW_PBE P 06Sep2000", "PAW_PBE S 06Sep2000"));
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li P Sb", "2 1 4", 7, 1, 2));
    String expected = ":6: species label \"Sb\" is Sb but the pseudopotential PAW_PBE S 06Sep2000 in POTCAR beside it is S: "
        + "read as S, the element VASP computed with (\"Sb\" stays the atoms' kind)";
    for (Path f : List.of(p, x)) {
      try (FrameSource src = FormatRegistry.open(f, ReadOptions.DEFAULT)) {
        AtomTable atoms = src.header().atoms();
        assertEquals(Map.of("Li", 2, "P", 1, "S", 4), Map.copyOf(atoms.speciesCounts()), f.toString());
        assertEquals(List.of("Li", "Li", "P", "Sb", "Sb", "Sb", "Sb"), List.of(atoms.kinds()));
        assertEquals(List.of(f.getFileName() + expected), Warning.texts(src.warnings()));
      }
    }
    // labels that agree with the POTCAR: no warning
    Path ok = VaspTestFiles.folder("poscar-s-potcar-s");
    Path q = VaspTestFiles.write(ok, "POSCAR", Files.readString(p).replace("Li P Sb", "Li P S"));
    VaspTestFiles.write(ok, "POTCAR", VaspTestFiles.potcar("PAW_PBE Li_sv 10Sep2004", "PAW_PBE P 06Sep2000", "PAW_PBE S 06Sep2000"));
    try (FrameSource src = FormatRegistry.open(q, ReadOptions.DEFAULT)) {
      assertEquals(Map.of("Li", 2, "P", 1, "S", 4), Map.copyOf(src.header().atoms().speciesCounts()));
      assertEquals(List.of(), src.warnings());
    }
  }

  @Test
  void poscarLabelFromPotcarWarnsAndElementsOptionAlsoResolves() {
    Path dir = VaspTestFiles.folder("poscar-potcar");
    String poscar = "LLZO cut\n1.0\n6 0 0\n0 6 0\n0 0 6\nLi La r O\n1 1 1 1\nDirect\n0 0 0\n0.5 0 0\n0 0.5 0\n0 0 0.5\n";
    Path p = VaspTestFiles.write(dir, "POSCAR", poscar);
    VaspTestFiles.write(dir, "POTCAR", VaspTestFiles.potcar("PAW_PBE Li_sv 10Sep2004", "PAW_PBE La 06Sep2000",
        "PAW_PBE Zr_sv 04Jan2005", "PAW_PBE O 08Apr2002"));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(List.of("Li", "La", "Zr", "O"), List.of(src.header().atoms().elements()));
      assertEquals(1, src.warnings().size(), src.warnings().toString());
    }
    Path dir2 = VaspTestFiles.folder("poscar-elements-option");
    Path p2 = VaspTestFiles.write(dir2, "POSCAR", poscar);
    AtomTable t = PoscarReader.read(p2, ReadOptions.DEFAULT.withSpecies(List.of("Li", "La", "Zr", "O"))).header().atoms();
    assertEquals(List.of("Li", "La", "Zr", "O"), List.of(t.elements()));
  }

  /** VASP 6.4 hash names and POTCAR suffixes are the element itself, also as kind. */
  @Test
  void hashAndSuffixLabelsAreTheirElement() {
    Path dir = VaspTestFiles.folder("xdatcar-hash");
    Path x = VaspTestFiles.write(dir, "XDATCAR", VaspTestFiles.xdatcar("Li_sv/6d1f0c2e3a4b S/0a1b2c3d", "1 1", 2, 1, 2));
    try (FrameSource src = FormatRegistry.open(x, ReadOptions.DEFAULT)) {
      assertEquals(List.of("Li", "S"), List.of(src.header().atoms().elements()));
      assertEquals(List.of("Li", "S"), List.of(src.header().atoms().kinds()));
      assertEquals(List.of(), src.warnings());
    }
  }

  /** OUTCAR: the TITEL decides; a damaged VRHFIN or TITEL is resolved from the other, both damaged is an error. */
  @Test
  void outcarElementsFromTitelAndVrhfin() {
    Path dir = VaspTestFiles.folder("outcar-elements");
    Path ok = VaspTestFiles.write(dir, "OUTCAR_vrhfin_damaged", VaspTestFiles.outcar("6.4.2", List.of(),
        List.of("PAW_GGA Li_sv 17Jan2003", "US Zr"), List.of("Li: 1s2s2p", "r: 4s4p5s4d"), new int[] {1, 1}, 1, 1, 0,
        new double[] {10, 10}, VaspTestFiles.every(2), true));
    try (FrameSource src = FormatRegistry.open(ok, ReadOptions.DEFAULT.withFormat(OutcarReader.FORMAT))) {
      assertEquals(List.of("Li", "Zr"), List.of(src.header().atoms().elements()));
      FrameSources.readAll(src);
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("VRHFIN \"r: 4s4p5s4d\"") && w.contains("names no element")),
          src.warnings().toString());
    }
    Path titel = VaspTestFiles.write(dir, "OUTCAR_titel_damaged", VaspTestFiles.outcar("5.4.4", List.of(),
        List.of("PAW_PBE Li_sv 10Sep2004", "PAW_PBE r_sv 04Jan2005"), List.of("Li: 1s2s2p", "Zr: 4s4p5s4d"), new int[] {1, 1}, 1, 1, 0,
        new double[] {10}, VaspTestFiles.every(1), true));
    try (FrameSource src = FormatRegistry.open(titel, ReadOptions.DEFAULT.withFormat(OutcarReader.FORMAT))) {
      assertEquals(List.of("Li", "Zr"), List.of(src.header().atoms().elements()));
    }
    String text = VaspTestFiles.outcar("5.4.4", List.of(), List.of("PAW_PBE Li_sv 10Sep2004", "PAW_PBE q 04Jan2005"),
        List.of("Li: 1s2s2p", "q: 4s4p5s4d"), new int[] {1, 1}, 1, 1, 0, new double[] {10}, VaspTestFiles.every(1), true);
    Path bad = VaspTestFiles.write(dir, "OUTCAR_both_damaged", text);
    long line = text.substring(0, text.indexOf("TITEL  = PAW_PBE q")).chars().filter(c -> c == '\n').count() + 1;
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> FormatRegistry.open(bad, ReadOptions.DEFAULT.withFormat(OutcarReader.FORMAT)));
    assertEquals(bad + ":" + line + ": expected the element of POTCAR 2 (a pseudopotential name such as PAW_PBE Li_sv), found "
        + "\"PAW_PBE q 04Jan2005\"", e.getMessage());
  }

  @Test
  void kindKeepsLabelsThatAreNotPlainElements() {
    assertEquals("Li", SpeciesResolver.kindOf("Li_sv", "Li"));
    assertEquals("Li1", SpeciesResolver.kindOf("Li1", "Li"));
    assertEquals("r", SpeciesResolver.kindOf("r", "Zr"));
    assertNull(SpeciesResolver.elementOfVrhfin("r: 4s4p"));
    assertEquals("Zr", SpeciesResolver.elementOfVrhfin("Zr: 4s4p5s4d"));
  }
}
