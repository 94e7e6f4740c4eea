package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * The header shared by POSCAR, CONTCAR and XDATCAR (VASP 5 and 4): comment, scale, lattice, optional
 * symbols line, counts line.
 *
 * @param comment line 1
 * @param cell lattice with the scale applied, Å
 * @param scale the factors applied to Cartesian coordinates (x, y, z); equal unless VASP 6's
 *     three-factor scale line is used
 * @param atoms elements per atom
 * @param symbolsFromFile whether the file had a symbols line (VASP 5)
 */
record VaspHeader(String comment, Cell cell, double[] scale, AtomTable atoms, boolean symbolsFromFile, List<String> notes) {

  /**
   * Reads the header starting with the comment line, which {@code r} must already be on.
   *
   * @param file the file, used to look for a POTCAR or OUTCAR beside a VASP 4 file
   */
  static VaspHeader read(LineReader r, Path file, ReadOptions options) {
    String comment = r.line().strip();
    need(r, "a scale factor line");
    int nScale = r.countTokens();
    double[] s = new double[nScale == 3 ? 3 : 1];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextDouble("a scale factor");
    }
    double[] rows = new double[9];
    for (int v = 0; v < 3; v++) {
      need(r, "lattice vector " + "abc".charAt(v));
      for (int k = 0; k < 3; k++) {
        rows[3 * v + k] = r.nextDouble("3 numbers for lattice vector " + "abc".charAt(v));
      }
    }
    double[] scale;
    if (s.length == 3) {
      if (s[0] <= 0 || s[1] <= 0 || s[2] <= 0) {
        throw MalformedInputException.of(r.source(), 2, "three scale factors must all be positive");
      }
      scale = s;
    } else if (s[0] < 0) {
      double v0 = Math.abs(Cell.ofRows(rows).volumeA3());
      double f = Math.cbrt(-s[0] / v0);
      scale = new double[] {f, f, f};
    } else if (s[0] == 0) {
      throw MalformedInputException.of(r.source(), 2, "scale factor must not be 0");
    } else {
      scale = new double[] {s[0], s[0], s[0]};
    }
    for (int v = 0; v < 3; v++) {
      for (int k = 0; k < 3; k++) {
        rows[3 * v + k] *= scale[k];
      }
    }
    Cell cell;
    try {
      cell = Cell.ofRows(rows);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), r.lineNumber(), e.getMessage());
    }
    need(r, "a line of element symbols or of atom counts");
    List<String> notes = new ArrayList<>();
    List<String> symbols = null;
    long symbolsLine = 0;
    if (!r.nextIsNumber()) {
      symbols = new ArrayList<>();
      while (r.hasMoreTokens()) {
        String tok = r.nextToken("an element symbol");
        // VASP 5.4 writes "Li_sv/abc123" style labels from POTCAR names in some builds
        symbols.add(tok.split("[/_]")[0]);
      }
      symbolsLine = r.lineNumber();
      need(r, "a line of atom counts");
    }
    List<Integer> counts = new ArrayList<>();
    while (r.hasMoreTokens()) {
      int c = r.nextInt("an atom count");
      if (c < 0) {
        throw new MalformedInputException(r.source(), r.lineNumber(), "non-negative atom counts", r.line());
      }
      counts.add(c);
    }
    if (counts.isEmpty()) {
      throw r.error("a line of atom counts");
    }
    int[] countArr = counts.stream().mapToInt(Integer::intValue).toArray();
    boolean fromFile = symbols != null;
    if (symbols == null) {
      SpeciesResolver.Resolved found = SpeciesResolver.resolve(file, countArr.length, options, r.source(), r.lineNumber());
      symbols = found.symbols();
      notes.add("VASP 4 file without a symbols line: elements " + symbols + " taken from " + found.origin());
    } else if (symbols.size() != countArr.length) {
      throw MalformedInputException.of(r.source(), symbolsLine,
          symbols.size() + " element symbols " + symbols + " but " + countArr.length + " atom counts " + Arrays.toString(countArr));
    }
    AtomTable atoms;
    try {
      atoms = AtomTable.ofBlocks(symbols, countArr);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), symbolsLine, e.getMessage());
    }
    return new VaspHeader(comment, cell, scale, atoms, fromFile, notes);
  }

  static void need(LineReader r, String expected) {
    if (!r.next()) {
      throw new MalformedInputException(r.source(), r.lineNumber() + 1, expected, null);
    }
  }
}
