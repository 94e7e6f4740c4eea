package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.FrameSource;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Element identity of CP2K kind labels: what CP2K's own rule gives for each label, written out by
 * hand here (a kind with ELEMENT is that element in any case of its name; without, the first two
 * letters when they are an element, else the first letter).
 */
class Cp2kKindsTest {
  private static final String KINDS = """
          &KIND S_bridge
            ELEMENT S
          &END KIND
          &kind sb            ! CP2K matches kind names in any case
            element s
          &end kind
          &KIND Li2
            BASIS_SET DZVP-MOLOPT-SR-GTH
          &END KIND
      """;
  private static final String[] LABELS = {"Li1", "Li2", "LI2", "O_w", "S_bridge", "Sb", "H1", "Cl_a"};

  private static AtomTable atomsOf(Path pos) {
    try (FrameSource src = FormatRegistry.open(pos, ReadOptions.DEFAULT)) {
      return src.header().atoms();
    }
  }

  private static Path run(String name, String kinds, String[] labels) {
    Path d = MadeRun.folder(name);
    MadeRun.input(d, "md.inp", "mix", "MD", 12.0, 0.5, 0, kinds);
    double[] x = new double[labels.length];
    MadeRun.in(d).frame(0, 0.0, -10.0, labels, x).frame(1, 0.5, -10.1, labels, x).write("mix-pos-1.xyz");
    return d.resolve("mix-pos-1.xyz");
  }

  @Test
  void declarationsThenCp2kNameRule() {
    AtomTable t = atomsOf(run("kinds-mixed", KINDS, LABELS));
    // by hand: Li1→Li, Li2→Li (&KIND Li2 has no ELEMENT: the name), LI2→Li, O_w→O, S_bridge→S (ELEMENT S),
    // Sb→S (&kind sb element s), H1→H, Cl_a→Cl
    assertArrayEquals(new String[] {"Li", "Li", "Li", "O", "S", "S", "H", "Cl"}, t.elements());
    // one spelling per kind, as CP2K matches kind names in any case: LI2 is the kind of &KIND Li2, Sb that of &kind sb
    assertArrayEquals(new String[] {"Li1", "Li2", "Li2", "O_w", "S_bridge", "sb", "H1", "Cl_a"}, t.kinds());
    assertEquals(Map.of("Li", 3, "O", 1, "S", 2, "H", 1, "Cl", 1), t.speciesCounts());
    assertArrayEquals(new int[] {5}, t.indicesOf("Sb"), "the kind Sb, not antimony");
    assertArrayEquals(new int[] {4, 5}, t.indicesOf("S"));
    assertArrayEquals(new int[] {1, 2}, t.indicesOf("Li2"), "Li2 and LI2 are one kind");
    assertArrayEquals(new int[] {1, 2}, t.indicesOf("li2"), "in any case");
  }

  @Test
  void withoutDeclarationSbIsAntimonyAsCp2kWouldHaveIt() {
    AtomTable t = atomsOf(run("kinds-none", "", new String[] {"Sb", "S_2", "Fe1", "Ca"}));
    assertArrayEquals(new String[] {"Sb", "S", "Fe", "Ca"}, t.elements());
  }

  @Test
  void unresolvableLabelNamesFileAndLine() {
    Path pos = run("kinds-bad", KINDS, new String[] {"Li1", "Q7", "O_w"});
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> atomsOf(pos));
    // frame 1: count line 1, comment line 2, atoms on lines 3, 4, 5: Q7 is on line 4
    assertEquals(pos + ":4: expected an element symbol or a kind declared with &KIND … ELEMENT in md.inp, found \"Q7\"", e.getMessage());
  }

  @Test
  void elementKeywordMustBeAnElement() {
    Path pos = run("kinds-bad-element", "    &KIND Sb\n      ELEMENT Xq\n    &END KIND\n", new String[] {"Sb"});
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> atomsOf(pos));
    // md.inp: &GLOBAL(1) PROJECT(2) RUN_TYPE(3) &END(4) &FORCE_EVAL(5) METHOD(6) &SUBSYS(7) &CELL(8) ABC(9) &END CELL(10) &KIND(11) ELEMENT(12)
    assertTrue(e.getMessage().endsWith("md.inp:12: expected an element of the periodic table after ELEMENT, found \"Xq\""), e.getMessage());
  }

  /** The kind and coordinate tables of a CP2K 2.6 log (two blanks in the header, a blank line before the rows) and of a 2024 log. */
  private static String log(boolean old) {
    String kinds = """
         ATOMIC KIND INFORMATION

          1. Atomic kind: Sb                                    Number of atoms:       2

             Orbital Basis Set                                        DZVP-MOLOPT-SR-GTH

          2. Atomic kind: Li1                                   Number of atoms:       1

        """;
    String coordsOld = """
         MODULE QUICKSTEP:  ATOMIC COORDINATES IN angstrom

          Atom  Kind  Element       X           Y           Z          Z(eff)       Mass

               1     1 S   16    0.000000    1.000000    1.000000      6.00      32.0650
               2     1 S   16    0.000000    2.000000    2.000000      6.00      32.0650
               3     2 Li   3    0.000000    3.000000    3.000000      3.00       6.9410

        """;
    String coordsNew = """
         MODULE QUICKSTEP: ATOMIC COORDINATES IN ANGSTROM

           Atom Kind Element         X             Y             Z       Z(eff)     Mass
              1    1 S     16      0.000000      1.000000      1.000000   6.0000  32.0650
              2    1 S     16      0.000000      2.000000      2.000000   6.0000  32.0650
              3    2 Li     3      0.000000      3.000000      3.000000   3.0000   6.9410

        """;
    String head = old
        ? " CP2K| version string:                                        CP2K version 2.6.2\n"
        : " CP2K| version string:                                       CP2K version 2024.1\n";
    return head + " GLOBAL| Project name                                                         sbs\n"
        + " GLOBAL| Run type                                                              MD\n"
        + " CELL| Vector a [angstrom]:      10.000     0.000     0.000   |a| =    10.000000\n"
        + " CELL| Vector b [angstrom]:       0.000    10.000     0.000   |b| =    10.000000\n"
        + " CELL| Vector c [angstrom]:       0.000     0.000    10.000   |c| =    10.000000\n\n"
        + kinds + (old ? coordsOld : coordsNew);
  }

  @ParameterizedTest(name = "CP2K 2.6 layout: {0}")
  @ValueSource(booleans = {true, false})
  void logKindTableDecidesWithoutInput(boolean old) {
    Path d = MadeRun.folder("kinds-log-" + old);
    MadeRun.in(d).line(log(old)).write("sbs.out");
    String[] labels = {"Sb", "Sb", "Li1"};
    MadeRun.in(d).frame(0, 0.0, -1, labels, new double[3]).frame(1, 1.0, -1, labels, new double[3]).write("sbs-pos-1.xyz");
    Cp2kLog.Head h = Cp2kLog.head(d.resolve("sbs.out"));
    assertEquals(List.of(new Cp2kLog.Kind(1, "Sb", 2, "S", h.kinds().get(0).line()), new Cp2kLog.Kind(2, "Li1", 1, "Li",
        h.kinds().get(1).line())), h.kinds());
    assertEquals(List.of("Sb", "Sb", "Li1"), h.atomKinds());
    AtomTable t = atomsOf(d.resolve("sbs-pos-1.xyz"));
    assertArrayEquals(new String[] {"S", "S", "Li"}, t.elements());
    assertEquals(Map.of("Sb", 2, "Li1", 1), t.kindCounts());
  }

  @Test
  void inputAndLogDisagreeingIsAWarningAndTheInputWins() {
    Path d = MadeRun.folder("kinds-disagree");
    MadeRun.in(d).line(log(false)).write("sbs.out");
    MadeRun.input(d, "sbs.inp", "sbs", "MD", 10.0, 1.0, 0, "    &KIND Sb\n      ELEMENT Se\n    &END KIND\n");
    String[] labels = {"Sb", "Sb", "Li1"};
    MadeRun.in(d).frame(0, 0.0, -1, labels, new double[3]).frame(1, 1.0, -1, labels, new double[3]).write("sbs-pos-1.xyz");
    try (FrameSource src = FormatRegistry.open(d.resolve("sbs-pos-1.xyz"), ReadOptions.DEFAULT)) {
      assertArrayEquals(new String[] {"Se", "Se", "Li"}, src.header().atoms().elements());
      assertTrue(Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("kind Sb is Se")
          && w.contains("but S in the kind table of sbs.out")),
          src.warnings().toString());
    }
  }

  @Test
  void elementLabelsOfTheTrajectoryGetTheKindsOfTheInputCoordinates() {
    // CP2K's default trajectory writes element symbols; the kinds come back from &COORD of the same atoms
    Path d = MadeRun.folder("kinds-coord");
    MadeRun.input(d, "w.inp", "w", "MD", 10.0, 1.0, 0, "    &COORD\n      O_w 0 0 0\n      H_w 1 0 0\n      H_w 0 1 0\n      Li 5 5 5\n"
        + "    &END COORD\n");
    String[] labels = {"O", "H", "H", "Li"};
    MadeRun.in(d).frame(0, 0.0, -1, labels, new double[4]).frame(1, 1.0, -1, labels, new double[4]).write("w-pos-1.xyz");
    AtomTable t = atomsOf(d.resolve("w-pos-1.xyz"));
    assertArrayEquals(new String[] {"O", "H", "H", "Li"}, t.elements());
    assertArrayEquals(new String[] {"O_w", "H_w", "H_w", "Li"}, t.kinds());
    Cp2kInput in = Cp2kInput.read(d.resolve("w.inp"));
    assertEquals(List.of("O", "H", "H", "Li"), in.coordElements());
  }

  @Test
  void bandReplicasResolveKindsAndAMissingLastReplicaIsRefused() {
    Path d = MadeRun.folder("kinds-band");
    String band = "&GLOBAL\n  PROJECT nb\n  RUN_TYPE BAND\n&END GLOBAL\n&FORCE_EVAL\n  &SUBSYS\n    &CELL\n      ABC 9 9 9\n    &END CELL\n"
        + "    &KIND Sb\n      ELEMENT S\n    &END KIND\n  &END SUBSYS\n&END FORCE_EVAL\n&MOTION\n  &BAND\n    NUMBER_OF_REPLICA 3\n"
        + "    &REPLICA\n    &END REPLICA\n  &END BAND\n&END MOTION";
    MadeRun.in(d).line(band).write("nb.inp");
    String[] labels = {"Sb", "Li"};
    for (int r = 1; r <= 3; r++) {
      MadeRun.in(d).frame(0, Double.NaN, -1.0 - r, labels, new double[] {r, r}).write("nb-pos-Replica_nr_" + r + "-1.xyz");
    }
    Cp2kBand b = Cp2kBand.read(d);
    assertArrayEquals(new String[] {"S", "Li"}, b.atoms().elements());
    assertArrayEquals(new String[] {"Sb", "Li"}, b.atoms().kinds());
    assertEquals(3, b.images().size());
    d.resolve("nb-pos-Replica_nr_3-1.xyz").toFile().delete();
    MissingInputException e = assertThrows(MissingInputException.class, () -> Cp2kBand.read(d));
    assertTrue(e.getMessage().contains("nb-pos-Replica_nr_3-1.xyz: no such file: the band has 3 replicas"), e.getMessage());
  }

  @Test
  void labelsDifferingOnlyInCaseAreOneKind() {
    // no &KIND: the first spelling seen names the kind (sb, atom 0); SB on atoms 1-4 is the same kind
    AtomTable t = atomsOf(run("kinds-case", "", new String[] {"sb", "SB", "SB", "SB", "SB"}));
    assertEquals(Map.of("sb", 5), t.kindCounts());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, t.indicesOf("SB"));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, t.indicesOf("sb"));
    // with &KIND Sb, its spelling names the kind
    AtomTable k = atomsOf(run("kinds-case-declared", "    &KIND Sb\n      ELEMENT S\n    &END KIND\n", new String[] {"sb", "SB", "SB"}));
    assertEquals(Map.of("Sb", 3), k.kindCounts());
    assertArrayEquals(new String[] {"S", "S", "S"}, k.elements());
  }

  @Test
  void twoKindSectionsDifferingOnlyInCaseAreRefused() {
    Path pos = run("kinds-case-twice", "    &KIND Sb\n      ELEMENT S\n    &END KIND\n    &KIND SB\n      ELEMENT Sb\n    &END KIND\n",
        new String[] {"Sb"});
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> atomsOf(pos));
    // md.inp: &KIND Sb on line 11, &KIND SB on line 14
    assertEquals(pos.getParent().resolve("md.inp") + ":14: &KIND SB and &KIND Sb (md.inp:11) name the same kind: CP2K matches kind names "
        + "in any case and refuses the second", e.getMessage());
  }
}
