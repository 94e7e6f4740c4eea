package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.EnergyStep;
import org.interphase.core.Energies;
import org.interphase.core.MalformedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.io.LineReader;

/**
 * Reads a CP2K MD {@code .ener} file. Columns are taken by position in the data rows (the header has
 * more words than columns): step, time (fs), kinetic (Hartree), temperature (K), potential
 * (Hartree), conserved quantity (Hartree), used time (s). Energies are converted to eV. The header
 * is the same from CP2K 2.6 to 2025.
 *
 * <p>A last row cut short (running job) is dropped with a warning; strict mode makes it an error.
 */
public final class Cp2kEnerReader {
  private Cp2kEnerReader() {}

  /** The rows and any warning. */
  public record Result(List<EnergyStep> steps, List<String> warnings) {}

  public static Result read(Path path, boolean strict) {
    List<EnergyStep> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try (LineReader r = LineReader.open(path)) {
      while (r.next()) {
        if (r.isBlank() || r.startsWithTrimmed("#")) {
          continue;
        }
        int cols = r.countTokens();
        if (cols < 6) {
          MalformedInputException e = new MalformedInputException(r.source(), r.lineNumber(),
              "7 columns (step, time, kinetic, temperature, potential, conserved, used time)", r.line());
          if (!r.next() && !strict) {
            warnings.add(e.getMessage() + " (last row cut short); " + out.size() + " complete rows kept");
            break;
          }
          throw e;
        }
        long step = r.nextLong("the step number");
        double time = r.nextDouble("the time in fs");
        double kin = r.nextDouble("the kinetic energy in Hartree") * Units.HARTREE_TO_EV;
        double temp = r.nextDouble("the temperature in K");
        double pot = r.nextDouble("the potential energy in Hartree") * Units.HARTREE_TO_EV;
        double cons = r.nextDouble("the conserved quantity in Hartree") * Units.HARTREE_TO_EV;
        out.add(new EnergyStep(step, time, new Energies(pot, Double.NaN, Double.NaN, kin, cons, temp)));
      }
    }
    return new Result(List.copyOf(out), List.copyOf(warnings));
  }
}
