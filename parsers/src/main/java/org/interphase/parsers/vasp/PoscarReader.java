package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.Frame;
import org.interphase.core.FrameSources;
import org.interphase.core.FrameSource;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Reads a POSCAR or CONTCAR: VASP 5 (symbols line) and VASP 4 (symbols from {@code --elements} or a
 * POTCAR/OUTCAR beside the file), Direct or Cartesian coordinates, scale factor (negative = target
 * volume in Å³, or three per-axis factors), selective dynamics, and the velocity block a CONTCAR
 * of an MD run carries (Å/fs). The predictor-corrector block after it is ignored.
 */
public final class PoscarReader {
  /** Registry name of the format. */
  public static final String FORMAT = "vasp-poscar";

  private PoscarReader() {}

  /**
   * The parsed structure. {@code selectiveDynamics} holds one flag per coordinate, or is null;
   * {@code countsLine} is the line of the atom counts, for messages about the atoms.
   */
  public record Structure(TrajectoryHeader header, Frame frame, boolean[] selectiveDynamics, long countsLine,
      List<org.interphase.core.Warning> warnings) {}

  /** Reads the whole file (one structure). */
  public static Structure read(Path path, ReadOptions options) {
    try (LineReader r = LineReader.open(path)) {
      return read(r, path, options);
    }
  }

  /**
   * Reads the structure as a one-frame source. A species label that had to be resolved from the
   * pseudopotentials beside the file is reported as a warning.
   */
  public static FrameSource open(Path path, ReadOptions options) {
    Structure s = read(path, options);
    return FrameSources.of(s.header(), List.of(s.frame()), s.warnings());
  }

  static Structure read(LineReader r, Path path, ReadOptions options) {
    if (!r.next()) {
      throw r.error("a POSCAR comment line");
    }
    VaspHeader h = VaspHeader.read(r, path, options);
    int n = h.atoms().size();
    VaspHeader.need(r, "\"Direct\", \"Cartesian\" or \"Selective dynamics\"");
    boolean selective = false;
    if (r.startsWithTrimmed("S") || r.startsWithTrimmed("s")) {
      selective = true;
      VaspHeader.need(r, "\"Direct\" or \"Cartesian\"");
    }
    boolean cartesian = isCartesian(r);
    double[] pos = new double[3 * n];
    boolean[] flags = selective ? new boolean[3 * n] : null;
    for (int i = 0; i < n; i++) {
      VaspHeader.need(r, "coordinates of atom " + (i + 1) + " of " + n);
      for (int k = 0; k < 3; k++) {
        pos[3 * i + k] = r.nextDouble("3 coordinates for atom " + (i + 1));
      }
      if (selective) {
        for (int k = 0; k < 3; k++) {
          String t = r.nextToken("3 selective-dynamics flags (T/F) for atom " + (i + 1));
          char c = Character.toUpperCase(t.charAt(0));
          if (c != 'T' && c != 'F') {
            throw r.error("3 selective-dynamics flags (T/F) for atom " + (i + 1));
          }
          flags[3 * i + k] = c == 'T';
        }
      }
    }
    toCartesian(h, cartesian, pos);
    List<String> notes = new java.util.ArrayList<>(h.notes());
    double[] vel = readVelocities(r, h, n, notes);
    Frame frame = new Frame(0, Double.NaN, h.cell(), pos, null, vel, null);
    TrajectoryHeader th = new TrajectoryHeader(r.source(), FORMAT, "VASP", h.atoms(), h.cell(), Double.NaN, false, notes);
    return new Structure(th, frame, flags, h.countsLine(), h.warnings());
  }

  static boolean isCartesian(LineReader r) {
    return r.startsWithTrimmed("C") || r.startsWithTrimmed("c") || r.startsWithTrimmed("K") || r.startsWithTrimmed("k");
  }

  /** Converts coordinates read from the file in place: fractional → Cartesian, or scales Cartesian. */
  static void toCartesian(VaspHeader h, boolean cartesian, double[] pos) {
    if (cartesian) {
      double[] s = h.scale();
      for (int i = 0; i < pos.length; i++) {
        pos[i] *= s[i % 3];
      }
    } else {
      h.cell().toCartesian(pos, pos);
    }
  }

  /**
   * The velocity block of a CONTCAR. VASP writes it as all {@code NaN} for NEB images and some
   * relaxations: such a block means "no velocities" and is dropped with a note. A block with only
   * some NaN rows is malformed.
   */
  private static double[] readVelocities(LineReader r, VaspHeader h, int n, List<String> notes) {
    if (!r.next() || !r.isBlank()) {
      return null;
    }
    if (!r.next() || r.isBlank()) {
      return null;
    }
    boolean cartesian = true;
    if (!r.nextIsNumber() && !r.line().strip().toLowerCase(java.util.Locale.ROOT).startsWith("nan")) {
      cartesian = isCartesian(r);
      if (!r.next()) {
        return null;
      }
    }
    double[] v = new double[3 * n];
    int nanRows = 0;
    long firstLine = r.lineNumber();
    for (int i = 0; i < n; i++) {
      if (i > 0 && !r.next()) {
        throw r.error("velocities of atom " + (i + 1) + " of " + n);
      }
      if (r.line().strip().matches("(?i)nan\\s+nan\\s+nan")) {
        nanRows++;
        continue;
      }
      for (int k = 0; k < 3; k++) {
        v[3 * i + k] = r.nextDouble("3 velocity components for atom " + (i + 1));
      }
    }
    if (nanRows == n) {
      notes.add("velocity block (line " + firstLine + ") is all NaN, as VASP writes for NEB images: no velocities");
      return null;
    }
    if (nanRows > 0) {
      throw new org.interphase.core.MalformedInputException(r.source(), firstLine,
          "a velocity block of numbers (or all NaN)", nanRows + " of " + n + " rows NaN");
    }
    if (!cartesian) {
      h.cell().toCartesian(v, v);
    }
    return v;
  }
}
