package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * @param labels the species labels as written, or null (VASP 4)
 * @param counts atoms per species
 * @param countsLine the line of the counts
 * @param notes what was decided about the species (labels resolved from pseudopotentials)
 */
record VaspHeader(String comment, Cell cell, double[] scale, AtomTable atoms, boolean symbolsFromFile, List<String> labels,
    int[] counts, long countsLine, List<String> notes) {

  /**
   * The most atoms a header may declare. VASP runs, machine-learned force fields included, hold
   * thousands of atoms; a count line adding up to more than ten million is damage (an overflowed
   * or garbled number), and is refused before gigabytes are allocated for coordinates that are not
   * in the file.
   */
  static final long MAX_ATOMS = 10_000_000L;

  /**
   * Reads the header starting with the comment line, which {@code r} must already be on.
   *
   * @param file the file, used to look for a POTCAR or OUTCAR beside a VASP 4 file
   */
  static VaspHeader read(LineReader r, Path file, ReadOptions options) {
    return read(r, file, options, null);
  }

  /**
   * Reads a header; when it repeats {@code previous} (same labels and counts) the atoms are taken
   * from it instead of being resolved again.
   */
  static VaspHeader read(LineReader r, Path file, ReadOptions options, VaspHeader previous) {
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
    List<String> labels = null;
    long symbolsLine = 0;
    if (!r.nextIsNumber()) {
      labels = new ArrayList<>();
      while (r.hasMoreTokens()) {
        labels.add(r.nextToken("an element symbol"));
      }
      symbolsLine = r.lineNumber();
      need(r, "a line of atom counts");
    }
    long countsLine = r.lineNumber();
    List<Integer> counts = new ArrayList<>();
    long total = 0;
    while (r.hasMoreTokens()) {
      int c = r.nextInt("an atom count");
      if (c < 0) {
        throw new MalformedInputException(r.source(), r.lineNumber(), "non-negative atom counts", r.line());
      }
      counts.add(c);
      total += c;
    }
    if (counts.isEmpty()) {
      throw r.error("a line of atom counts");
    }
    if (total == 0) {
      throw new MalformedInputException(r.source(), countsLine, "atom counts adding up to at least one atom", r.line());
    }
    if (total > MAX_ATOMS) {
      throw new MalformedInputException(r.source(), countsLine,
          "atom counts adding up to at most " + MAX_ATOMS + " atoms (VASP runs are far smaller)", r.line());
    }
    int[] countArr = counts.stream().mapToInt(Integer::intValue).toArray();
    if (previous != null && Objects.equals(labels, previous.labels()) && Arrays.equals(countArr, previous.counts())) {
      // a repeated header (variable-cell XDATCAR): same species as before, nothing to resolve again
      return new VaspHeader(comment, cell, scale, previous.atoms(), previous.symbolsFromFile(), labels, countArr,
          countsLine, List.of());
    }
    boolean fromFile = labels != null;
    List<String> symbols;
    List<String> kinds;
    if (labels == null) {
      SpeciesResolver.Resolved found = SpeciesResolver.resolve(file, countArr.length, options, r.source(), countsLine);
      symbols = found.symbols();
      kinds = symbols;
      notes.add("VASP 4 file without a symbols line: elements " + String.join(", ", symbols) + " taken from " + found.origin());
    } else if (labels.size() != countArr.length) {
      throw MalformedInputException.of(r.source(), symbolsLine,
          labels.size() + " element symbols (" + String.join(" ", labels) + ") but " + countArr.length + " atom counts ("
          + String.join(" ", Arrays.stream(countArr).mapToObj(Integer::toString).toList()) + ")");
    } else {
      symbols = SpeciesResolver.resolveLabels(file, labels, options, r.source(), symbolsLine, notes);
      kinds = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        kinds.add(SpeciesResolver.kindOf(labels.get(i), symbols.get(i)));
      }
    }
    String[] el = new String[(int) total];
    String[] kd = new String[(int) total];
    int k = 0;
    for (int i = 0; i < countArr.length; i++) {
      for (int j = 0; j < countArr[i]; j++, k++) {
        el[k] = symbols.get(i);
        kd[k] = kinds.get(i);
      }
    }
    AtomTable atoms;
    try {
      atoms = AtomTable.withKinds(el, kd);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), symbolsLine > 0 ? symbolsLine : countsLine, e.getMessage());
    }
    return new VaspHeader(comment, cell, scale, atoms, fromFile, labels, countArr, countsLine, notes);
  }

  /**
   * The species of this header as written, each with its count, for messages: {@code "Li2 P1 S4"}
   * (the labels of the file, or the elements of a VASP 4 header).
   */
  String species() {
    List<String> parts = new ArrayList<>();
    if (labels != null && labels.size() == counts.length) {
      for (int i = 0; i < counts.length; i++) {
        parts.add(labels.get(i) + counts[i]);
      }
    } else {
      atoms.speciesCounts().forEach((e, c) -> parts.add(e + c));
    }
    return String.join(" ", parts);
  }

  static void need(LineReader r, String expected) {
    if (!r.next()) {
      throw new MalformedInputException(r.source(), r.lineNumber() + 1, expected, null);
    }
  }
}
