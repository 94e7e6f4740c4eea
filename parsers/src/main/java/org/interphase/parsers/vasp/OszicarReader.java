package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.EnergyStep;
import org.interphase.core.Energies;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Reads the ionic-step lines of an OSZICAR; electronic (DAV:/RMM:) lines are skipped.
 *
 * <pre>
 * relaxation / NEB:  "   1 F= -.52636024E+03 E0= -.52636024E+03  d E =-.526360E+03  mag=     0.0003"
 * MD:                "   1 T=   313. E= -.45695668E+03 F= -.45795823E+03 E0= -.45794716E+03  EK= 0.10015E+01 SP= 0.00E+00 SK= 0.39E-04"
 * </pre>
 *
 * F is the free energy (TOTEN), E0 the energy(sigma→0), E the total energy of MD (conserved), EK the
 * kinetic energy and T the temperature. Energies in eV. A last line cut short is dropped with a
 * warning (strict: an error).
 */
public final class OszicarReader {
  /** Registry name of the format. */
  public static final String FORMAT = "vasp-oszicar";

  private static final Pattern FIELD = Pattern.compile("(\\bT|\\bE0|\\bEK|\\bF|\\bE)=\\s*(\\S+)");
  private static final Pattern DE = Pattern.compile("d\\s*E\\s*=\\s*\\S+");

  private OszicarReader() {}

  /** The ionic steps and any warning. */
  public record Result(List<EnergyStep> steps, boolean molecularDynamics, List<String> warnings) {}

  /**
   * The time between the lines of an MD OSZICAR: one line per MD step, POTIM apart, POTIM from the OUTCAR, vasprun.xml or
   * INCAR beside the file.
   *
   * @param fs POTIM in fs, NaN when no file beside states it
   * @param source where it came from, e.g. {@code "INCAR POTIM (1 fs, one OSZICAR line per MD step)"}; null when unknown
   * @param warnings the files beside disagreeing about POTIM (the one used is named)
   */
  public record StepTime(double fs, String source, List<String> warnings) {}

  /** The time between the lines of the MD OSZICAR {@code path} ({@link StepTime}). */
  public static StepTime stepTime(Path path) {
    FrameSpacing s = FrameSpacing.oszicar(path);
    return new StepTime(s.dtFs(), s.source(), s.warnings());
  }

  /** Reads every ionic step; times are {@code NaN} (the file has none). */
  public static Result read(Path path, ReadOptions options) {
    List<EnergyStep> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean md = false;
    try (LineReader r = LineReader.open(path)) {
      boolean any = false;
      while (r.next()) {
        String line = r.line();
        if (!line.contains("F=")) {
          continue;
        }
        any = true;
        r.rewind();
        long step = r.nextLong("the ionic step number at the start of the line");
        Matcher m = FIELD.matcher(DE.matcher(line).replaceAll(""));
        double f = Double.NaN;
        double e0 = Double.NaN;
        double e = Double.NaN;
        double ek = Double.NaN;
        double t = Double.NaN;
        while (m.find()) {
          double v = parse(r, m.group(2), m.group(1));
          switch (m.group(1)) {
            case "F" -> f = v;
            case "E0" -> e0 = v;
            case "E" -> e = v;
            case "EK" -> ek = v;
            case "T" -> t = v;
            default -> throw new IllegalStateException(m.group(1));
          }
        }
        if (Double.isNaN(f) || Double.isNaN(e0)) {
          MalformedInputException err = new MalformedInputException(r.source(), r.lineNumber(), "F= and E0= on an ionic-step line", line);
          if (!r.next() && !options.strict()) {
            warnings.add(err.getMessage() + " (last line cut short); " + out.size() + " complete steps kept");
            break;
          }
          throw err;
        }
        md |= !Double.isNaN(t);
        // an OSZICAR states no time: a user's --timestep-fs is applied by the caller, once
        out.add(new EnergyStep(step, Double.NaN, new Energies(f, f, e0, ek, e, t)));
      }
      if (!any && r.lineNumber() == 0) {
        throw new MalformedInputException(r.source(), 1, "an OSZICAR with ionic-step lines", null);
      }
    }
    return new Result(List.copyOf(out), md, List.copyOf(warnings));
  }

  private static double parse(LineReader r, String text, String key) {
    String t = text.replace('D', 'E').replace('d', 'e');
    try {
      double v = Double.parseDouble(t);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the line
    }
    throw new MalformedInputException(r.source(), r.lineNumber(), "a number after " + key + "=", text);
  }
}
