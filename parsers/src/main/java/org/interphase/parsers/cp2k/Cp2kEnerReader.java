package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.EnergyStep;
import org.interphase.core.Energies;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.io.TwoPass;

/**
 * Reads a CP2K MD {@code .ener} file. Columns are taken by position in the data rows (the header has
 * more words than columns): step, time (fs), kinetic (Hartree), temperature (K), potential
 * (Hartree), conserved quantity (Hartree), used time (s). Energies are converted to eV. The header
 * is the same from CP2K 2.6 to 2025; every data row has exactly these 7 columns.
 *
 * <p>A last row cut short (running job) is dropped with a warning; strict mode makes it an error.
 */
public final class Cp2kEnerReader implements AutoCloseable {
  private final LineReader r;
  private final boolean strict;
  private final List<String> warnings = new ArrayList<>();
  private int rows;

  private Cp2kEnerReader(LineReader r, boolean strict) {
    this.r = r;
    this.strict = strict;
  }

  /** The second pass of {@code passes}, after {@link StepScan#ofTable(TwoPass)}. */
  static Cp2kEnerReader open(TwoPass passes, boolean strict) {
    return new Cp2kEnerReader(passes.second(), strict);
  }

  /** Opens a file for row-by-row reading. */
  public static Cp2kEnerReader open(Path path, boolean strict) {
    return new Cp2kEnerReader(LineReader.open(path), strict);
  }

  /** The rows and any warning. */
  public record Result(List<EnergyStep> steps, List<String> warnings) {}

  /**
   * Reads every row (small files), one per step: rows whose step repeats or goes back (a restart
   * appended to the file) keep the latest, with a warning ({@link StepOrder}).
   *
   * @throws MalformedInputException on a malformed row, and under {@code strict} on a step that goes back
   */
  public static Result read(Path path, boolean strict) {
    Cp2kSteps order = Cp2kSteps.of(path, Cp2kSteps.Kind.ENER, strict);
    try (Cp2kEnerReader e = open(path, strict)) {
      List<EnergyStep> out = new ArrayList<>();
      for (EnergyStep s = e.next(); s != null; s = e.next()) {
        if (order.kept(e.rowsRead() - 1)) {
          out.add(s);
        }
      }
      List<String> warnings = new ArrayList<>();
      if (order.warning() != null) {
        warnings.add(order.warning());
      }
      warnings.addAll(e.warnings());
      return new Result(List.copyOf(out), List.copyOf(warnings));
    }
  }

  /** The next row, or null at the end. */
  public EnergyStep next() {
    while (r.next()) {
      if (r.isBlank() || r.startsWithTrimmed("#")) {
        continue;
      }
      if (r.countTokens() != 7) {
        MalformedInputException e = new MalformedInputException(r.source(), r.lineNumber(),
            "7 columns (step, time, kinetic, temperature, potential, conserved, used time)", r.line());
        if (!r.next() && !strict) {
          warnings.add(e.getMessage() + " (last row cut short); " + rows + " complete rows kept");
          return null;
        }
        throw e;
      }
      long step = r.nextLong("the step number");
      double time = r.nextDouble("the time in fs");
      double kin = r.nextDouble("the kinetic energy in Hartree") * Units.HARTREE_TO_EV;
      double temp = r.nextDouble("the temperature in K");
      double pot = r.nextDouble("the potential energy in Hartree") * Units.HARTREE_TO_EV;
      double cons = r.nextDouble("the conserved quantity in Hartree") * Units.HARTREE_TO_EV;
      rows++;
      return new EnergyStep(step, time, new Energies(pot, Double.NaN, Double.NaN, kin, cons, temp));
    }
    return null;
  }

  /** Rows returned by {@link #next()} so far. */
  public long rowsRead() {
    return rows;
  }

  /**
   * First pass: step and time of every row, from its first two columns only. Stops quietly at a row
   * it cannot read; the reading pass reports it with its line.
   */
  static StepScan scan(Path path) {
    return StepScan.ofTable(path);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    r.close();
  }
}
