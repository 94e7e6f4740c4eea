package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.hops.Site;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;

/**
 * Sites read from a reference structure (a POSCAR/CONTCAR or any single-frame file the readers know): the atoms of the
 * mobile species, or every atom when the file has none of them (a file of site atoms only, e.g. written with dummy
 * elements). A site's type is the atom's kind label (its element when the file has no labels); its fractional position in
 * the file's cell is kept, so it follows the run's cell.
 *
 * @param sites the sites
 * @param cell the reference file's cell
 * @param what one line saying which atoms of which file became sites
 */
record ReferenceSites(List<Site> sites, Cell cell, String what) {

  /**
   * Reads the first frame of {@code file}.
   *
   * @throws IllegalArgumentException when the file has no periodic cell or no atoms
   */
  static ReferenceSites read(Path file, String species) {
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
      if (!src.hasNext()) {
        throw new IllegalArgumentException(file + ": no structure to take sites from");
      }
      Frame f = src.next();
      if (f.cell() == null) {
        throw new IllegalArgumentException(file + ": the reference structure has no periodic cell");
      }
      AtomTable atoms = src.header().atoms();
      int[] chosen = atoms.indicesOf(species);
      String what = chosen.length > 0 ? chosen.length + " " + species + " atoms of " + file : "all " + atoms.size() + " atoms of " + file
          + " (it has no " + species + ")";
      if (chosen.length == 0) {
        chosen = java.util.stream.IntStream.range(0, atoms.size()).toArray();
      }
      List<Site> sites = new ArrayList<>();
      double[] frac = new double[3];
      for (int i : chosen) {
        f.cell().toFractional(new double[] {f.position(i, 0), f.position(i, 1), f.position(i, 2)}, frac);
        sites.add(new Site(frac, atoms.hasKinds() ? atoms.kind(i) : atoms.element(i)));
      }
      return new ReferenceSites(sites, f.cell(), what);
    }
  }

  /** A warning when the run's first cell differs from the reference cell by more than 5 % in a length. */
  List<Warning> compare(Cell run) {
    double[] a = cell.lengthsA();
    double[] b = run.lengthsA();
    for (int d = 0; d < 3; d++) {
      if (Math.abs(a[d] - b[d]) > 0.05 * b[d]) {
        return List.of(Warning.of(String.format(Locale.ROOT, "the reference cell (%.3f × %.3f × %.3f Å) is not the run's "
            + "(%.3f × %.3f × %.3f Å): the sites are placed at their fractional positions in the run's cell", a[0], a[1], a[2], b[0], b[1], b[2])));
      }
    }
    return List.of();
  }
}
