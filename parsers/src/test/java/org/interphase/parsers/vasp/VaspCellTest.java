package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** Each VASP frame carries its own cell: the first frame's cell is the run's first, in every format. */
class VaspCellTest {

  /**
   * OUTCAR prints "direct lattice vectors" before each step's POSITION block: that is the step's
   * cell, not the one of the step before or after.
   */
  @Test
  void outcarFrameHasTheCellPrintedBeforeItsPositions() {
    Path dir = VaspTestFiles.folder("cell-outcar");
    Path p = VaspTestFiles.write(dir, "OUTCAR", VaspTestFiles.outcar("5.4.4", List.of(), List.of("PAW_PBE Li_sv 10Sep2004"),
        List.of("Li: 1s2s2p"), new int[] {2}, 1, 1.0, 0, new double[] {10.0, 10.5, 11.0}, VaspTestFiles.every(3), true));
    try (FrameSource src = FormatRegistry.open(p, ReadOptions.DEFAULT)) {
      assertEquals(10.0, src.header().firstCell().get(0, 0), 1e-9);
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(List.of(10.0, 10.5, 11.0), f.stream().map(x -> x.cell().get(0, 0)).toList());
      assertTrue(src.header().variableCell());
    }
  }

  /** pymatgen's relaxation (ISIF = 3): OUTCAR and vasprun.xml of the same run give the same first and last cell. */
  @Test
  void outcarAndVasprunOfOneRunAgree() {
    List<Frame> outcar = FrameSources.readAll(FormatRegistry.open(SharedData.real("pymatgen/test_files/relaxation/OUTCAR"),
        ReadOptions.DEFAULT));
    List<Frame> vasprun = FrameSources.readAll(FormatRegistry.open(SharedData.real("pymatgen/test_files/relaxation/vasprun.xml"),
        ReadOptions.DEFAULT));
    assertEquals(3, outcar.size());
    assertEquals(3, vasprun.size());
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(vasprun.get(k).cell().get(i, j), outcar.get(k).cell().get(i, j), 1e-8, "step " + k);
        }
      }
    }
    // first basis from the files: c = (0, 0, 3.507) Å, last c = (0, 0, 3.43950266) Å
    assertEquals(3.507, outcar.get(0).cell().get(2, 2), 1e-9);
    assertEquals(3.43950266, outcar.get(2).cell().get(2, 2), 1e-6);
  }

  /** pymatgen's XDATCAR_6 (variable cell, header before every frame): c of frame 1 and frame 4 as written in the file. */
  @Test
  void variableCellXdatcarHasEachFramesCell() {
    try (FrameSource src = FormatRegistry.open(SharedData.real("pymatgen/test_files/XDATCAR_6"), ReadOptions.DEFAULT)) {
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(4, f.size());
      assertEquals(-4.19, f.get(0).cell().get(2, 0), 1e-9);
      assertEquals(2.095, f.get(0).cell().get(2, 1), 1e-9);
      assertEquals(-4.574709, f.get(3).cell().get(2, 0), 1e-9);
      assertEquals(-2.28491, f.get(3).cell().get(2, 2), 1e-9);
      assertEquals(-4.19, src.header().firstCell().get(2, 0), 1e-9);
      assertTrue(src.header().variableCell());
    }
  }
}
