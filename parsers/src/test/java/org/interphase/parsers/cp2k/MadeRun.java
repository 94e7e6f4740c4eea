package org.interphase.parsers.cp2k;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.interphase.testkit.SharedData;

/**
 * Writes small CP2K runs for tests, in the layouts CP2K itself writes: XYZ frames with the comment
 * {@code " i =        N, time =        T, E =       E"} (step, fs, Hartree), {@code .ener} rows of 7
 * columns, {@code .cell} rows of 12 columns.
 */
final class MadeRun {
  private final Path dir;
  private final StringBuilder text = new StringBuilder();

  private MadeRun(Path dir) {
    this.dir = dir;
  }

  /** An empty folder under target/test-scratch (cleared first). */
  static Path folder(String name) {
    Path d = SharedData.scratch("made-cp2k").resolve(name);
    try {
      if (Files.exists(d)) {
        try (var s = Files.walk(d)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return d;
  }

  /** Starts a file in {@code dir}. */
  static MadeRun in(Path dir) {
    return new MadeRun(dir);
  }

  /** One XYZ frame: labels and x per atom (y = z = 1 + atom index); time NaN leaves out "time =". */
  MadeRun frame(long step, double timeFs, double energyHa, String[] labels, double[] x) {
    text.append(String.format(Locale.ROOT, "%8d%n", labels.length));
    text.append(String.format(Locale.ROOT, " i = %8d, ", step));
    if (!Double.isNaN(timeFs)) {
      text.append(String.format(Locale.ROOT, "time = %12.3f, ", timeFs));
    }
    text.append(String.format(Locale.ROOT, "E = %20.10f%n", energyHa));
    for (int i = 0; i < labels.length; i++) {
      text.append(String.format(Locale.ROOT, " %-3s %18.10f %18.10f %18.10f%n", labels[i], x[i], 1.0 + i, 1.0 + i));
    }
    return this;
  }

  /** One .ener row: step, time (fs), kinetic (Ha), temperature (K), potential (Ha), conserved (Ha), used time (s). */
  MadeRun ener(long step, double timeFs, double temperatureK, double potentialHa) {
    if (text.length() == 0) {
      text.append("#     Step Nr.          Time[fs]        Kin.[a.u.]          Temp[K]            Pot.[a.u.]        Cons Qty[a.u.]"
          + "        UsedTime[s]\n");
    }
    text.append(String.format(Locale.ROOT, "%10d %19.6f %19.9f %19.9f %19.9f %19.9f %19.9f%n", step, timeFs, 0.001, temperatureK,
        potentialHa, potentialHa + 0.001, 1.0));
    return this;
  }

  /** One .cell row of a cubic cell of edge {@code a} (Å). */
  MadeRun cell(long step, double timeFs, double a) {
    if (text.length() == 0) {
      text.append("#   Step   Time [fs]       Ax [Angstrom]       Ay [Angstrom]       Az [Angstrom]       Bx [Angstrom]       By [Angstrom]"
          + "       Bz [Angstrom]       Cx [Angstrom]       Cy [Angstrom]       Cz [Angstrom]      Volume [Angstrom^3]\n");
    }
    text.append(String.format(Locale.ROOT, "%8d %12.3f %19.10f %19.10f %19.10f %19.10f %19.10f %19.10f %19.10f %19.10f %19.10f %24.10f%n",
        step, timeFs, a, 0.0, 0.0, 0.0, a, 0.0, 0.0, 0.0, a, a * a * a));
    return this;
  }

  /** Any text, one line. */
  MadeRun line(String l) {
    text.append(l).append('\n');
    return this;
  }

  /** Writes the file and returns its path. */
  Path write(String name) {
    Path p = dir.resolve(name);
    try {
      Files.writeString(p, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** A minimal input: project, run type, cubic cell, MD time step and trajectory stride, plus extra SUBSYS lines (kinds). */
  static Path input(Path dir, String name, String project, String runType, double cellA, double timestepFs, int each, String subsys) {
    String t = "&GLOBAL\n  PROJECT " + project + "\n  RUN_TYPE " + runType + "\n&END GLOBAL\n&FORCE_EVAL\n  METHOD QS\n  &SUBSYS\n"
        + "    &CELL\n      ABC " + cellA + " " + cellA + " " + cellA + "\n    &END CELL\n" + subsys + "  &END SUBSYS\n&END FORCE_EVAL\n"
        + "&MOTION\n  &MD\n    ENSEMBLE NVT\n" + (Double.isNaN(timestepFs) ? "" : "    TIMESTEP " + timestepFs + "\n") + "  &END MD\n"
        + (each > 0 ? "  &PRINT\n    &TRAJECTORY\n      &EACH\n        MD " + each + "\n      &END EACH\n    &END TRAJECTORY\n  &END PRINT\n" : "")
        + "&END MOTION\n";
    return in(dir).line(t.stripTrailing()).write(name);
  }
}
