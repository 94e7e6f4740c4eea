package org.interphase.cli.damaged;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.interphase.testkit.SharedData;

/**
 * The undamaged shared files every variant is made from (read in place under {@code shared/data},
 * never copied into the project), with their decoded lines cached.
 */
final class Originals {
  /** Files of the CP2K aLPS MD run that a run folder needs. */
  static final List<String> CP_FILES = List.of("aLPS-1.cell", "aLPS-1.ener", "aLPS-pos-1.xyz", "aLPS-frc-1.xyz", "aimd.inp");
  /** Files of the interface single-point calculation. */
  static final List<String> IF_FILES = List.of("sp_interface.out", "sp_slabA.out", "sp_slabB.out", "sp_interface.inp", "sp_slabA.inp",
      "sp_slabB.inp", "interface_Li2S110_S8_relaxed.xyz", "slabA_Li2S110_relaxed.xyz", "slabB_S8_relaxed.xyz");
  /** Files of the CP2K NPT_F water run. */
  static final List<String> NPT_FILES = List.of("H2O-md-1.cell", "H2O-md-1.ener", "H2O-md-pos-1.xyz", "H2O-md.inp");
  /** The three parts of the interface MD averages. */
  static final List<String> IFMD_PARTS = List.of("interface", "slabA", "slabB");

  private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();

  private Originals() {}

  /** {@code shared/data/...}; skips (or fails under {@code -Dinterphase.requireSharedData=true}) when missing. */
  static Path data(String relative) {
    return SharedData.path("data/" + relative);
  }

  /** kinisi LPSC XDATCAR (gzip): 416 atoms, 140 frames. */
  static Path kinisiGz() {
    return data("real/kinisi/example_XDATCAR.gz");
  }

  /** Raw VASP XDATCAR of Pt/water: 166 atoms, 100 frames. */
  static Path ptWater() {
    return data("real/aimd-pt-water/XDATCAR");
  }

  static Path outcarMd() {
    return data("real/dpdata/poscars/OUTCAR.h2o.md.10");
  }

  static Path vasprunMd() {
    return data("real/dpdata/poscars/vasprun.h2o.md.10.xml");
  }

  static Path contcarMd() {
    return data("real/pymatgen/test_files/CONTCAR.MD");
  }

  static Path vaspNeb() {
    return data("real/bilayer-graphene-neb/fig-2d-NEB/NEB");
  }

  static Path llto() {
    return data("real/modalNEB/NEB/LLTO");
  }

  static Path npt() {
    return data("real/nomad-parser-cp2k/cp2k_2.6.2/md/npt");
  }

  static Path aimd() {
    return data("cp2k/aimd_nvt");
  }

  static Path band() {
    return data("cp2k/neb_li_hop");
  }

  static Path iface() {
    return data("cp2k/interface_energy");
  }

  static Path simsoliq() {
    return data("real/simsoliqtools/data/Pt111_24H2O_x");
  }

  /** A fresh, editable copy of the decoded lines of one source (the script's {@code src(key)}). */
  static List<String> lines(String key) {
    return new ArrayList<>(LINES.computeIfAbsent(key, k -> Damage.lines(Damage.readDecompressed(path(k)))));
  }

  /** The whole decoded text of one source. */
  static String text(String key) {
    return Damage.join(lines(key));
  }

  private static Path path(String key) {
    return switch (key) {
      case "xd" -> kinisiGz();
      case "ptw" -> ptWater();
      case "oc" -> outcarMd();
      case "vr" -> vasprunMd();
      case "pos" -> aimd().resolve("aLPS-pos-1.xyz");
      case "ener" -> aimd().resolve("aLPS-1.ener");
      case "cell" -> aimd().resolve("aLPS-1.cell");
      case "frc" -> aimd().resolve("aLPS-frc-1.xyz");
      case "npt_cell" -> npt().resolve("H2O-md-1.cell");
      default -> throw new IllegalArgumentException(key);
    };
  }
}
