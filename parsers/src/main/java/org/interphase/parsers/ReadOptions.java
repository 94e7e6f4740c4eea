package org.interphase.parsers;

import java.util.List;
import org.interphase.parsers.lammps.LammpsUnits;

/**
 * How to read a file, as the user asked on the command line.
 *
 * @param strict when true a file that ends inside its last frame is an error instead of a warning
 * @param species element symbols for files that do not name them (VASP 4 POSCAR/XDATCAR, LAMMPS dumps
 *     with {@code type} and no {@code element} column), in type order; empty to look for a POTCAR or
 *     OUTCAR beside the file
 * @param timestepFs time between stored frames in fs, overriding what the files say; {@code NaN} to
 *     use the files. Applied once, by {@link FormatRegistry.Format#open} (readers never see it)
 * @param format a registry format name forcing the reader, or {@code null} to detect
 * @param lammpsUnits the {@code units} style of a LAMMPS dump, or {@code null} for the dump's own
 *     {@code ITEM: UNITS}, else metal
 * @param mdStepFs the MD integration time step in fs, for files that store step numbers and no times
 *     (LAMMPS dumps: time = step number × this); {@code NaN} when not given
 * @param cellOptional true when the caller only summarises the file ({@code info}): a file whose cell is
 *     nowhere to be found is read without one and the reader warns with kind
 *     {@link org.interphase.core.Warning.Input#NO_CELL} (the text says how to give the cell); false, as for
 *     every analysis, a reader that finds no cell for a periodic run refuses it with that advice
 */
public record ReadOptions(boolean strict, List<String> species, double timestepFs, String format, LammpsUnits lammpsUnits,
    double mdStepFs, boolean cellOptional) {

  /** Lenient, no overrides. */
  public static final ReadOptions DEFAULT = new ReadOptions(false, List.of(), Double.NaN, null);

  public ReadOptions {
    species = List.copyOf(species);
    if (!Double.isNaN(timestepFs) && !(timestepFs > 0)) {
      throw new IllegalArgumentException("time step must be > 0 fs, got " + timestepFs);
    }
    if (!Double.isNaN(mdStepFs) && !(mdStepFs > 0 && Double.isFinite(mdStepFs))) {
      throw new IllegalArgumentException("MD step must be > 0 fs, got " + mdStepFs);
    }
  }

  /** Options that need the cell (see {@link #cellOptional}). */
  public ReadOptions(boolean strict, List<String> species, double timestepFs, String format, LammpsUnits lammpsUnits, double mdStepFs) {
    this(strict, species, timestepFs, format, lammpsUnits, mdStepFs, false);
  }

  /** Options without LAMMPS units or MD step. */
  public ReadOptions(boolean strict, List<String> species, double timestepFs, String format) {
    this(strict, species, timestepFs, format, null, Double.NaN);
  }

  public ReadOptions withStrict(boolean s) {
    return new ReadOptions(s, species, timestepFs, format, lammpsUnits, mdStepFs, cellOptional);
  }

  public ReadOptions withSpecies(List<String> s) {
    return new ReadOptions(strict, s, timestepFs, format, lammpsUnits, mdStepFs, cellOptional);
  }

  public ReadOptions withTimestepFs(double dt) {
    return new ReadOptions(strict, species, dt, format, lammpsUnits, mdStepFs, cellOptional);
  }

  public ReadOptions withFormat(String f) {
    return new ReadOptions(strict, species, timestepFs, f, lammpsUnits, mdStepFs, cellOptional);
  }

  /** These options with a LAMMPS units style ({@code null}: the dump's own, else metal). */
  public ReadOptions withLammpsUnits(LammpsUnits u) {
    return new ReadOptions(strict, species, timestepFs, format, u, mdStepFs, cellOptional);
  }

  /** These options with the MD integration step in fs ({@code NaN}: not given). */
  public ReadOptions withMdStepFs(double fs) {
    return new ReadOptions(strict, species, timestepFs, format, lammpsUnits, fs, cellOptional);
  }

  /** These options for a summary that may go without the cell ({@link #cellOptional}). */
  public ReadOptions withCellOptional(boolean optional) {
    return new ReadOptions(strict, species, timestepFs, format, lammpsUnits, mdStepFs, optional);
  }
}
