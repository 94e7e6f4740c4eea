package org.interphase.parsers.vasp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.interphase.testkit.SharedData;

/**
 * Small VASP files written by the tests themselves, in the layouts VASP 5.4 and 6.x write, so that
 * every expected value can be worked out by hand from the text.
 */
final class VaspTestFiles {
  private VaspTestFiles() {}

  /** A fresh, empty folder under {@code target/test-scratch/vasp/}. */
  static Path folder(String name) {
    Path d = SharedData.scratch("vasp").resolve(name);
    delete(d);
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return d;
  }

  /** Deletes a file or folder with everything in it, if it exists. */
  static void delete(Path d) {
    if (!Files.exists(d)) {
      return;
    }
    try (var s = Files.walk(d)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} (ISO-8859-1, as VASP's files are bytes) to {@code dir/name}. */
  static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.ISO_8859_1);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fixed-cell XDATCAR header (VASP 5.4 and 6.x layout, 7 lines): cubic cell of edge {@code a} Å.
   *
   * @param labels the species line as written, e.g. {@code "Li r O"}
   * @param counts the counts line, e.g. {@code "1 1 1"}
   */
  static String xdatcarHeader(String labels, String counts, double a) {
    return String.format(Locale.ROOT, "test system%n           1%n    %12.6f    0.000000    0.000000%n    0.000000%12.6f    0.000000%n"
        + "    0.000000    0.000000%12.6f%n   %s%n   %s%n", a, a, a, labels, counts).replace("\r", "");
  }

  /**
   * One XDATCAR frame: {@code Direct configuration=} with VASP's I6 number, then one line of three
   * fractional coordinates per atom; atom i sits at {@code (base + 0.01·i, 0.5, 0.5)}.
   */
  static String xdatcarFrame(int number, int atoms, double base) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Direct configuration=%6d%n", number));
    for (int i = 0; i < atoms; i++) {
      sb.append(String.format(Locale.ROOT, "  %.8f  %.8f  %.8f%n", base + 0.01 * i, 0.5, 0.5));
    }
    return sb.toString().replace("\r", "");
  }

  /** An XDATCAR of {@code atoms} atoms whose frames carry the given configuration numbers; frame k has base 0.1 + 0.01·k. */
  static String xdatcar(String labels, String counts, int atoms, int... numbers) {
    StringBuilder sb = new StringBuilder(xdatcarHeader(labels, counts, 10.0));
    for (int k = 0; k < numbers.length; k++) {
      sb.append(xdatcarFrame(numbers[k], atoms, 0.1 + 0.01 * k));
    }
    return sb.toString();
  }

  /** A POTCAR as VASP ships it, reduced to the lines that name each pseudopotential. */
  static String potcar(String... titles) {
    StringBuilder sb = new StringBuilder();
    for (String t : titles) {
      String symbol = t.strip().split("\\s+")[1].split("[_.]")[0];
      sb.append("  ").append(t).append('\n').append("   1.00000000000000000\n").append(" parameters from PSCTR are:\n")
          .append("   VRHFIN =").append(symbol).append(": s1p0\n").append("   LEXCH  = PE\n")
          .append("   TITEL  = ").append(t).append('\n').append("   POMASS =    1.000; ZVAL   =    1.000    mass and valenz\n")
          .append(" End of Dataset\n");
    }
    return sb.toString();
  }

  /**
   * An OUTCAR in VASP 6's layout (version line, INCAR echo, POTCAR list, parameter block, one block
   * per ionic step with the cell, positions and forces, energies), for a cubic cell.
   *
   * @param version e.g. {@code "6.4.2"}
   * @param incarEcho lines of the INCAR echo, e.g. {@code "POTIM = 2.0"}
   * @param titles one TITEL per species, e.g. {@code "PAW_PBE Li_sv 10Sep2004"}
   * @param vrhfin one VRHFIN value per species, e.g. {@code "Li: 1s2s2p"}
   * @param counts ions per type
   * @param nblock NBLOCK of the parameter block
   * @param potim POTIM of the parameter block (fs)
   * @param ibrion IBRION
   * @param edges the cell edge (Å) of every ionic step; the ion positions of step k are at
   *     {@code (k + 0.1·i, 1, 1)} Å
   * @param withPositions which steps print their POSITION block (VASP writes forces every NBLOCK steps)
   * @param summary whether the file ends with VASP's timing summary
   */
  static String outcar(String version, List<String> incarEcho, List<String> titles, List<String> vrhfin, int[] counts,
      int nblock, double potim, int ibrion, double[] edges, boolean[] withPositions, boolean summary) {
    StringBuilder sb = new StringBuilder();
    sb.append(" vasp.").append(version).append(" 20Jul23 (build Nov 02 2023 10:11:12) complex\n \n");
    sb.append(" executed on             LinuxIFC date 2024.01.01  00:00:00\n INCAR:\n");
    for (String l : incarEcho) {
      sb.append("   ").append(l).append('\n');
    }
    for (String t : titles) {
      sb.append(" POTCAR:    ").append(t).append('\n');
    }
    for (int i = 0; i < titles.size(); i++) {
      sb.append(" POTCAR:    ").append(titles.get(i)).append('\n');
      sb.append("   VRHFIN =").append(vrhfin.get(i)).append('\n');
      sb.append("   TITEL  = ").append(titles.get(i)).append('\n');
    }
    int n = 0;
    StringBuilder ions = new StringBuilder("   ions per type =  ");
    for (int c : counts) {
      ions.append(String.format(Locale.ROOT, "%5d", c));
      n += c;
    }
    sb.append(String.format(Locale.ROOT, "   NIONS =     %d%n", n));
    sb.append(ions).append('\n');
    sb.append(String.format(Locale.ROOT, "   NBLOCK =%7d;   KBLOCK =%7d    inner block; outer block%n", nblock, 10));
    sb.append(String.format(Locale.ROOT, "   IBRION =%7d    ionic relax: 0-MD 1-quasi-New 2-CG%n", ibrion));
    sb.append(String.format(Locale.ROOT, "   POTIM  = %.4f    time-step for ionic-motion%n", potim));
    for (int k = 0; k < edges.length; k++) {
      sb.append(" VOLUME and BASIS-vectors are now :\n");
      sb.append(" -----------------------------------------------------------------------------\n");
      sb.append("      direct lattice vectors                 reciprocal lattice vectors\n");
      double a = edges[k];
      sb.append(String.format(Locale.ROOT, "    %12.9f  0.000000000  0.000000000     %.9f  0.000000000  0.000000000%n", a, 1 / a));
      sb.append(String.format(Locale.ROOT, "     0.000000000 %12.9f  0.000000000     0.000000000  %.9f  0.000000000%n", a, 1 / a));
      sb.append(String.format(Locale.ROOT, "     0.000000000  0.000000000 %12.9f     0.000000000  0.000000000  %.9f%n", a, 1 / a));
      if (withPositions[k]) {
        sb.append(" POSITION                                       TOTAL-FORCE (eV/Angst)\n");
        sb.append(" -----------------------------------------------------------------------------------\n");
        for (int i = 0; i < n; i++) {
          sb.append(String.format(Locale.ROOT, "     %8.5f      %8.5f      %8.5f        0.010000      0.020000     -0.030000%n",
              k + 0.1 * i, 1.0, 1.0));
        }
        sb.append(" -----------------------------------------------------------------------------------\n");
      }
      sb.append("  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)\n  ---------------------------------------------------\n");
      sb.append(String.format(Locale.ROOT, "  free  energy   TOTEN  =       %.8f eV%n%n", -10.0 - k));
      sb.append(String.format(Locale.ROOT, "  energy  without entropy=      %.8f  energy(sigma->0) =      %.8f%n", -10.0 - k, -10.0 - k));
    }
    if (summary) {
      sb.append(" General timing and accounting informations for this job:\n");
    }
    return sb.toString();
  }

  /** All steps print positions. */
  static boolean[] every(int steps) {
    boolean[] b = new boolean[steps];
    java.util.Arrays.fill(b, true);
    return b;
  }

  /**
   * A vasprun.xml as VASP 5.4/6 writes it, reduced to what the reader needs: generator, incar items,
   * atominfo (atoms and atomtypes with pseudopotentials), the initial structure and {@code steps}
   * calculations in a cubic 6 Å cell.
   *
   * @param incar {@code <i>} items, e.g. {@code "<i type=\"int\" name=\"NBLOCK\">     10</i>"}
   * @param types per type: label, pseudopotential, count, e.g. {@code {"r ", "PAW_PBE Zr_sv 04Jan2005", "1"}}
   */
  static String vasprun(String version, List<String> incar, List<String[]> types, int steps) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<modeling>\n <generator>\n");
    sb.append("  <i name=\"program\" type=\"string\">vasp </i>\n");
    sb.append("  <i name=\"version\" type=\"string\">").append(version).append("  </i>\n </generator>\n <incar>\n");
    for (String i : incar) {
      sb.append("  ").append(i).append('\n');
    }
    sb.append(" </incar>\n <atominfo>\n");
    int n = 0;
    for (String[] t : types) {
      n += Integer.parseInt(t[2]);
    }
    sb.append("  <atoms>").append(n).append("</atoms>\n  <types>").append(types.size()).append("</types>\n");
    sb.append("  <array name=\"atoms\" >\n   <dimension dim=\"1\">ion</dimension>\n   <field type=\"string\">element</field>\n");
    sb.append("   <field type=\"int\">atomtype</field>\n   <set>\n");
    for (int t = 0; t < types.size(); t++) {
      for (int k = 0; k < Integer.parseInt(types.get(t)[2]); k++) {
        sb.append("    <rc><c>").append(types.get(t)[0]).append("</c><c>   ").append(t + 1).append("</c></rc>\n");
      }
    }
    sb.append("   </set>\n  </array>\n  <array name=\"atomtypes\" >\n   <dimension dim=\"1\">type</dimension>\n");
    sb.append("   <field type=\"int\">atomspertype</field>\n   <field type=\"string\">element</field>\n");
    sb.append("   <field>mass</field>\n   <field>valence</field>\n   <field type=\"string\">pseudopotential</field>\n   <set>\n");
    for (String[] t : types) {
      sb.append("    <rc><c>   ").append(t[2]).append("</c><c>").append(t[0]).append("</c><c>      1.00000000</c>")
          .append("<c>      1.00000000</c><c>  ").append(t[1]).append("</c></rc>\n");
    }
    sb.append("   </set>\n  </array>\n </atominfo>\n");
    sb.append(" <structure name=\"initialpos\" >\n").append(crystal(n, 0)).append(" </structure>\n");
    for (int k = 0; k < steps; k++) {
      sb.append(" <calculation>\n  <structure>\n").append(crystal(n, k)).append("  </structure>\n");
      sb.append("  <energy>\n   <i name=\"e_fr_energy\">    ").append(-10.0 - k).append(" </i>\n");
      sb.append("   <i name=\"e_0_energy\">    ").append(-10.0 - k).append(" </i>\n  </energy>\n </calculation>\n");
    }
    sb.append("</modeling>\n");
    return sb.toString();
  }

  private static String crystal(int n, int k) {
    StringBuilder sb = new StringBuilder("  <crystal>\n   <varray name=\"basis\" >\n");
    sb.append("    <v>       6.00000000       0.00000000       0.00000000 </v>\n");
    sb.append("    <v>       0.00000000       6.00000000       0.00000000 </v>\n");
    sb.append("    <v>       0.00000000       0.00000000       6.00000000 </v>\n   </varray>\n  </crystal>\n");
    sb.append("  <varray name=\"positions\" >\n");
    for (int i = 0; i < n; i++) {
      sb.append(String.format(Locale.ROOT, "   <v>       %.8f       0.50000000       0.50000000 </v>%n", 0.1 * i + 0.01 * k));
    }
    sb.append("  </varray>\n");
    return sb.toString().replace("\r", "");
  }
}
