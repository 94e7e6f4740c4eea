package org.interphase.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** CP2K run files Interphase does not read are known as what they are: the .stress log by name, a &COORD include by content. */
class FormatRegistryCp2kFilesTest {
  private static final String STRESS = "CP2K stress tensor log (bar per MD step; not a trajectory)";

  @Test
  void stressLogsOfThreeCp2kVersionsAreKnownByName() {
    for (String f : new String[] {"cp2kdata/test_dpdata/v2022.1/aimd/IL-1.stress", "cp2kdata/test_dpdata/v7.1/aimd_virial/water-1.stress",
        "nomad-parser-cp2k/cp2k_2.6.2/md/nve/H2O-32-1.stress"}) {
      Path p = SharedData.real(f);
      assertEquals(Optional.of(STRESS), FormatRegistry.otherFileKind(p), f);
      UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(p, ReadOptions.DEFAULT));
      assertEquals(p + ": not a file Interphase reads (" + STRESS + ")", e.getMessage());
    }
  }

  /** cp2kdata's LPSC coord.xyz: 52 lines "Li  2.46250000  2.46250000  0.22766305", included by input.inp's &COORD. */
  @Test
  void coordinateListIncludedIntoCoordIsKnownByContent() {
    Path p = SharedData.real("cp2kdata/test_dpdata/v2022.2/aimd_npt_i/coord.xyz");
    assertEquals(Optional.of(FormatRegistry.CP2K_COORDINATES), FormatRegistry.otherFileKind(p));
    assertThrows(UnsupportedFormatException.class, () -> FormatRegistry.detect(p, ReadOptions.DEFAULT));
  }

  @Test
  void onlyAtomLinesWithoutCountAreACoordinateList() {
    assertTrue(FormatRegistry.isCoordinateList("coord.xyz", "Li 0 0 0\nS1 1.5 -2.0e-1 3 MOL\n\n# end\n"));
    assertTrue(FormatRegistry.isCoordinateList("in.xyz", "UNIT angstrom\nO 0.0 0.0 .5\nH 0.76 0.58 0.0\n"));
    assertFalse(FormatRegistry.isCoordinateList("coord.xyz", "2\nLi pair\nLi 0 0 0\nLi 1 1 1\n"), "an XYZ frame");
    assertFalse(FormatRegistry.isCoordinateList("coord.xyz", "Li 0 0\n"), "two coordinates");
    assertFalse(FormatRegistry.isCoordinateList("coord.xyz", ""), "empty");
    assertFalse(FormatRegistry.isCoordinateList("coord.txt", "Li 0 0 0\n"), "not named *.xyz");
    Path pos = SharedData.real("cp2kdata/test_dpdata/v2022.2/aimd_npt_i/system-pos-1.xyz");
    assertEquals(Optional.empty(), FormatRegistry.otherFileKind(pos));
    assertEquals("cp2k-md", FormatRegistry.detect(pos, ReadOptions.DEFAULT).name());
  }
}
