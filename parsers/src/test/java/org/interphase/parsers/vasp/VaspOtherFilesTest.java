package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.interphase.core.EnergyStep;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VASP files the ASE table does not cover: OSZICARs, OUTCARs ASE cannot read, NEB folders, and a sweep of every file. */
class VaspOtherFilesTest {

  /** pymatgen Oszicar (Debian python3-pymatgen), printed by parsers/src/test/python/oszicar_reference.py. */
  @ParameterizedTest
  @CsvSource({
    "modalNEB/NEB/LLTO/00/OSZICAR, 62, -487.08465, -487.08465, -493.76388, -493.76388, NaN",
    "modalNEB/NEB/LLTO/01/OSZICAR, 14, -493.15938, -493.15938, -493.64947, -493.64947, NaN",
    "modalNEB/NEB/LLTO/02/OSZICAR, 14, -492.31864, -492.31864, -493.60392, -493.60392, NaN",
    "modalNEB/NEB/LLTO/03/OSZICAR, 14, -493.13431, -493.13431, -493.6044, -493.6044, NaN",
    "modalNEB/NEB/LLTO/04/OSZICAR, 71, -491.57912, -491.57912, -493.70368, -493.70368, NaN",
    "pymatgen/test_files/OSZICAR, 60, -526.36024, -526.36024, -526.63928, -526.63928, NaN",
    "simsoliqtools/data/Pt111_24H2O_x/run1/OSZICAR, 3, -558.76023, -558.56153, -558.73962, -558.54074, 318.0",
    "simsoliqtools/data/Pt111_24H2O_x/run2/OSZICAR, 3, -558.593, -558.39454, -558.48803, -558.28924, 306.0"
  })
  void oszicarLikePymatgen(String path, int steps, double f0, double e00, double fl, double e0l, double tl) {
    OszicarReader.Result r = OszicarReader.read(SharedData.real(path), ReadOptions.DEFAULT);
    List<EnergyStep> s = r.steps();
    assertEquals(steps, s.size());
    assertEquals(f0, s.get(0).energies().freeEnergyEv(), 1e-9);
    assertEquals(e00, s.get(0).energies().energySigma0Ev(), 1e-9);
    assertEquals(fl, s.get(steps - 1).energies().freeEnergyEv(), 1e-9);
    assertEquals(e0l, s.get(steps - 1).energies().energySigma0Ev(), 1e-9);
    assertEquals(tl, s.get(steps - 1).energies().temperatureK(), 0);
    assertTrue(r.warnings().isEmpty());
  }

  /**
   * VASP 6.3 on-the-fly ML run (ASE fails on it): 10 ionic steps, 4 recomputed ab initio. Values
   * from the file's lines: "free  energy   TOTEN  =       -24.12709802 eV" (line 1590, step 1),
   * "free  energy ML TOTEN  =       -24.12729692 eV" (line 2444, step 4), "-24.12697674" (line
   * 2988, step 6 recomputed), "-24.12712228" (line 3238, step 10).
   */
  @Test
  void machineLearnedForceFieldOutcar() {
    try (FrameSource src = FormatRegistry.open(SharedData.real("dpdata/poscars/OUTCAR.ch4.ml"), ReadOptions.DEFAULT)) {
      List<Frame> f = FrameSources.readAll(src);
      assertEquals(10, f.size());
      assertEquals(-24.12709802, f.get(0).energies().freeEnergyEv(), 1e-9);
      assertEquals(-24.12729692, f.get(3).energies().freeEnergyEv(), 1e-9);
      assertEquals(-24.12697674, f.get(5).energies().freeEnergyEv(), 1e-9);
      assertEquals(-24.12712228, f.get(9).energies().freeEnergyEv(), 1e-9);
      assertTrue(Warning.texts(src.warnings()).get(0).equals("OUTCAR.ch4.ml: 6 frames are machine-learned force-field steps: "
          + "their energies come from the ML model"), Warning.texts(src.warnings()).toString());
    }
  }

  /**
   * NWRITE=0 (ASE fails): 10 energy blocks, positions only for the first and last step. First
   * TOTEN equals vasprun.xml's first e_fr_energy -253.15557734 (ASE reads the vasprun); the last
   * step's energy is vasprun's last, -252.38626263.
   */
  @Test
  void nwriteZeroOutcar() {
    try (OutcarReader r = OutcarReader.open(SharedData.real("dpdata/poscars/Ti-aimd-nwrite0/OUTCAR"), ReadOptions.DEFAULT)) {
      List<Frame> f = FrameSources.readAll(r);
      assertEquals(2, f.size());
      assertEquals(-253.15557734, f.get(0).energies().freeEnergyEv(), 1e-8);
      assertEquals(-252.38626263, f.get(1).energies().freeEnergyEv(), 1e-8);
      assertEquals(10, r.stepEnergies().size());
      assertTrue(Warning.texts(r.warnings()).stream().anyMatch(w -> w.contains("8 ionic steps have energies but no positions")),
          Warning.texts(r.warnings()).toString());
      // the two frames are steps 1 and 10: 9 × POTIM (2 fs) apart, which NBLOCK = 1 does not explain
      assertEquals(List.of(1L, 10L), f.stream().map(Frame::step).toList());
      assertEquals(18.0, r.header().timestepFs(), 1e-12);
      assertTrue(Warning.texts(r.warnings()).stream().anyMatch(w -> w.contains("stores frames 9 MD steps apart but NBLOCK gives 1")),
          Warning.texts(r.warnings()).toString());
      assertEquals(32, r.header().atoms().indicesOf("Ti").length);
    }
  }

  /**
   * VASP NEB folders. bilayer-graphene: the VTST neb.dat in the folder lists the relative energies
   * nebbarrier.pl computed from the same OUTCARs (energy(sigma->0), minus image 00); LLTO has only
   * OSZICARs.
   */
  @Test
  void nebFoldersLikeVtst() throws IOException {
    Path dir = SharedData.real("bilayer-graphene-neb/fig-2d-NEB/NEB");
    VaspNeb neb = VaspNeb.read(dir, ReadOptions.DEFAULT);
    assertEquals(9, neb.images().size());
    List<String> rows = Files.readAllLines(dir.resolve("neb.dat")).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(9, rows.size());
    double e0 = neb.images().get(0).energies().energySigma0Ev();
    for (int i = 0; i < 9; i++) {
      String[] t = rows.get(i).trim().split("\\s+");
      double rel = Double.parseDouble(t[2]);
      assertEquals(rel, neb.images().get(i).energies().energySigma0Ev() - e0, 1e-5, "image " + i);
      if (i > 0 && i < 8) {
        assertEquals(Double.parseDouble(t[3]), neb.tangentForcesEvPerA()[i], 1e-5, "tangent force of image " + i);
      }
    }
    VaspNeb llto = VaspNeb.read(SharedData.real("modalNEB/NEB/LLTO"), ReadOptions.DEFAULT);
    assertEquals(5, llto.images().size());
    // OSZICAR E0 of the last step, image 02 (pymatgen Oszicar, see oszicarLikePymatgen)
    assertEquals(-493.60392, llto.images().get(2).energies().energySigma0Ev(), 1e-9);
  }

  /** Every VASP file of the corpus opens through the registry and yields at least one frame or step. */
  @Test
  void everyVaspFileReads() throws IOException {
    Path root = SharedData.real("");
    int n = 0;
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(
          "(.*XDATCAR.*|OUTCAR.*|.*_OUTCAR|vasprun.*\\.xml|OSZICAR|POSCAR|CONTCAR.*)")).toList();
    }
    for (Path p : files) {
      ReadOptions o = p.toString().contains("Hexane") ? ReadOptions.DEFAULT.withSpecies(List.of("C:1296", "H:3024")) : ReadOptions.DEFAULT;
      FormatRegistry.Format f = FormatRegistry.detect(p, o);
      assertTrue(f.program().equals("VASP"), p + " detected as " + f.name());
      if (f.kind() == FormatRegistry.Kind.ENERGIES) {
        assertTrue(!OszicarReader.read(p, o).steps().isEmpty(), p.toString());
      } else {
        try (FrameSource src = f.opener().apply(p, o)) {
          assertTrue(src.hasNext(), p.toString());
          FrameSources.readAll(src);
          // 6362_OUTCAR stops inside its third ionic step: the one file of the corpus whose run did not end
          boolean stopped = p.endsWith("6362_OUTCAR");
          assertEquals(stopped, Warning.texts(src.warnings()).stream().anyMatch(w -> w.contains("complete frame")), p + ": "
              + Warning.texts(src.warnings()));
        }
      }
      n++;
    }
    assertTrue(n >= 60, "VASP files read: " + n);
  }
}
