package org.interphase.cli;

import java.util.ArrayList;
import java.util.List;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.lammps.LammpsUnits;
import picocli.CommandLine.Option;

/** Options shared by every command that reads files. */
public final class InputOptions {
  @Option(names = "--format", paramLabel = "NAME", description = "Force a reader instead of detecting the format (e.g. vasp-xdatcar).")
  String format;

  @Option(names = "--strict", description = "Refuse (exit 3) what is otherwise read with a warning: a file that ends inside its last "
      + "frame, steps repeated by an appended restart, a frame written twice, XDATCARs of several runs joined.")
  boolean strict;

  @Option(names = "--elements", paramLabel = "EL[,EL…]", split = ",",
      description = "Element symbols for files that name none, in type order: VASP 4 (for an XDATCAR with counts, e.g. C:1440,H:2880); "
          + "a LAMMPS dump without an element column (type 1 = first symbol).")
  List<String> species = new ArrayList<>();

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  Double timestepFs;

  @Option(names = "--timestep-fs", paramLabel = "FS", description = "Time between stored frames in fs, overriding what the files say.")
  void setTimestepFs(double fs) {
    if (!(fs > 0)) {
      throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--timestep-fs " + ReportParameters.fmt(fs)
          + ": the time between stored frames must be > 0 fs");
    }
    timestepFs = fs;
  }

  @Option(names = "--md-step-fs", paramLabel = "FS", description = "MD integration time step in fs (VASP's POTIM; LAMMPS `timestep`, "
      + "converted to fs; metal units: 0.001 ps = 1 fs), for files that number the MD steps but give no time: a LAMMPS dump without "
      + "ITEM: TIME (a frame's time = its TIMESTEP number × this), an XDATCAR or CP2K output (time between frames = the MD steps "
      + "between them × this).")
  Double mdStepFs;

  @Option(names = "--lammps-units", paramLabel = "STYLE", description = "LAMMPS units style of a dump: metal (Å, ps; default) or real "
      + "(Å, fs); others are refused. A dump's own ITEM: UNITS wins.")
  String lammpsUnits;

  @Option(names = "--debug", description = "Print the stack trace of an error.")
  boolean debug;

  /**
   * The options as the readers take them.
   *
   * @throws org.interphase.core.UnsupportedFormatException for a {@code --format} no reader has
   *     ({@code unknown format "nosuch" (known: vasp-xdatcar, …)}), before any file is read
   * @throws IllegalArgumentException for a {@code --lammps-units} other than metal or real, a
   *     {@code --md-step-fs} that is not positive, or both {@code --md-step-fs} and {@code --timestep-fs}
   */
  ReadOptions toReadOptions() {
    if (format != null) {
      FormatRegistry.byName(format);
    }
    if (mdStepFs != null && !(mdStepFs > 0)) {
      throw new IllegalArgumentException("--md-step-fs " + ReportParameters.fmt(mdStepFs) + ": the MD time step must be > 0 fs");
    }
    if (mdStepFs != null && timestepFs != null) {
      // two answers to one question: the one not used would be dropped without a word
      throw new IllegalArgumentException("--timestep-fs " + ReportParameters.fmt(timestepFs) + " and --md-step-fs "
          + ReportParameters.fmt(mdStepFs) + " both set the time between frames: give one (--timestep-fs, the time between stored "
          + "frames; or --md-step-fs, the MD step, where the files number the MD steps between frames)");
    }
    return new ReadOptions(strict, species, timestepFs == null ? Double.NaN : timestepFs, format,
        lammpsUnits == null ? null : LammpsUnits.parse(lammpsUnits), mdStepFs == null ? Double.NaN : mdStepFs);
  }
}
