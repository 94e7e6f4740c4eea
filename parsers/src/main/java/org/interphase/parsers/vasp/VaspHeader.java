package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interphase.core.Warning;
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
 * @param warnings of these, what the user must see as a warning (a label that is not the element computed with)
 */
record VaspHeader(String comment, Cell cell, double[] scale, AtomTable atoms, boolean symbolsFromFile, List<String> labels,
    int[] counts, long countsLine, List<String> notes, List<Warning> warnings) {

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
    Lattice lattice = Lattice.read(r);
    SpeciesLines lines = SpeciesLines.read(r);
    List<String> labels = lines.labels();
    if (previous != null && Objects.equals(labels, previous.labels()) && Arrays.equals(lines.counts(), previous.counts())) {
      // a repeated header (variable-cell XDATCAR): same species as before, nothing to resolve again
      return new VaspHeader(comment, lattice.cell(), lattice.scale(), previous.atoms(), previous.symbolsFromFile(), labels,
          lines.counts(), lines.countsLine(), List.of(), List.of());
    }
    List<String> notes = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    AtomTable atoms = atoms(r, file, options, lines, notes, warnings);
    return new VaspHeader(comment, lattice.cell(), lattice.scale(), atoms, labels != null, labels, lines.counts(), lines.countsLine(),
        notes, List.copyOf(warnings));
  }

  /**
   * The scale line and the three lattice vectors of a header.
   *
   * @param cell the lattice with the scale applied, Å
   * @param scale the factors applied to x, y and z
   */
  private record Lattice(Cell cell, double[] scale) {

    /** Reads the scale line (one factor, a negative volume, or VASP 6's three factors) and the lattice vectors. */
    static Lattice read(LineReader r) {
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
      double[] scale = scaleFactors(r, s, rows);
      for (int v = 0; v < 3; v++) {
        for (int k = 0; k < 3; k++) {
          rows[3 * v + k] *= scale[k];
        }
      }
      try {
        return new Lattice(Cell.ofRows(rows), scale);
      } catch (IllegalArgumentException e) {
        throw MalformedInputException.of(r.source(), r.lineNumber(), e.getMessage());
      }
    }

    /** The x, y, z factors of the scale line {@code s}; a negative single value is the volume of the unscaled {@code rows}. */
    private static double[] scaleFactors(LineReader r, double[] s, double[] rows) {
      if (s.length == 3) {
        if (s[0] <= 0 || s[1] <= 0 || s[2] <= 0) {
          throw MalformedInputException.of(r.source(), 2, "three scale factors must all be positive");
        }
        return s;
      } else if (s[0] < 0) {
        double v0 = Math.abs(Cell.ofRows(rows).volumeA3());
        double f = Math.cbrt(-s[0] / v0);
        return new double[] {f, f, f};
      } else if (s[0] == 0) {
        throw MalformedInputException.of(r.source(), 2, "scale factor must not be 0");
      }
      return new double[] {s[0], s[0], s[0]};
    }
  }

  /**
   * The species lines of a header.
   *
   * @param labels the symbols line's labels, null when the file has none (VASP 4)
   * @param symbolsLine its line, 0 when absent
   * @param counts atoms per species
   * @param countsLine the line of the counts
   */
  private record SpeciesLines(List<String> labels, long symbolsLine, int[] counts, long countsLine) {

    /** Reads the optional symbols line and the counts line after the lattice. */
    static SpeciesLines read(LineReader r) {
      need(r, "a line of element symbols or of atom counts");
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
      return new SpeciesLines(labels, symbolsLine, readCounts(r, countsLine), countsLine);
    }

    /** The counts of the current line: non-negative, adding up to at least one atom and at most {@link VaspHeader#MAX_ATOMS}. */
    private static int[] readCounts(LineReader r, long countsLine) {
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
      return counts.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * The atoms of a header: elements and kinds from the labels (resolved through the pseudopotentials
   * where needed), or for a VASP 4 file from a POTCAR or OUTCAR beside it.
   *
   * @param notes receives what was decided about the species
   * @param warnings receives, of these, the labels resolved to another element or from outside the file
   */
  private static AtomTable atoms(LineReader r, Path file, ReadOptions options, SpeciesLines lines, List<String> notes,
      List<Warning> warnings) {
    List<String> labels = lines.labels();
    int[] counts = lines.counts();
    List<String> symbols;
    List<String> kinds;
    if (labels == null) {
      SpeciesResolver.Resolved found = SpeciesResolver.resolve(file, counts.length, options, r.source(), lines.countsLine());
      symbols = found.symbols();
      kinds = symbols;
      notes.add("VASP 4 file without a symbols line: elements " + String.join(", ", symbols) + " taken from " + found.origin());
    } else if (labels.size() != counts.length) {
      throw MalformedInputException.of(r.source(), lines.symbolsLine(),
          labels.size() + " element symbols (" + String.join(" ", labels) + ") but " + counts.length + " atom counts ("
          + String.join(" ", Arrays.stream(counts).mapToObj(Integer::toString).toList()) + ")");
    } else {
      symbols = SpeciesResolver.resolveLabels(file, labels, options, r.source(), lines.symbolsLine(), warnings);
      warnings.forEach(w -> notes.add(w.text()));
      kinds = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        kinds.add(SpeciesResolver.kindOf(labels.get(i), symbols.get(i)));
      }
    }
    int total = Arrays.stream(counts).sum();
    String[] el = new String[total];
    String[] kd = new String[total];
    int k = 0;
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < counts[i]; j++, k++) {
        el[k] = symbols.get(i);
        kd[k] = kinds.get(i);
      }
    }
    try {
      return AtomTable.withKinds(el, kd);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(r.source(), lines.symbolsLine() > 0 ? lines.symbolsLine() : lines.countsLine(), e.getMessage());
    }
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
