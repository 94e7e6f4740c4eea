package org.interphase.parsers;

import java.util.List;

/**
 * How to read a file, as the user asked on the command line.
 *
 * @param strict when true a file that ends inside its last frame is an error instead of a warning
 * @param species element symbols for files that do not name them (VASP 4 POSCAR/XDATCAR), in type
 *     order; empty to look for a POTCAR or OUTCAR beside the file
 * @param timestepFs time between stored frames in fs, overriding what the files say; {@code NaN} to
 *     use the files. Applied once, by {@link FormatRegistry.Format#open} (readers never see it)
 * @param format a registry format name forcing the reader, or {@code null} to detect
 */
public record ReadOptions(boolean strict, List<String> species, double timestepFs, String format) {

  /** Lenient, no overrides. */
  public static final ReadOptions DEFAULT = new ReadOptions(false, List.of(), Double.NaN, null);

  public ReadOptions {
    species = List.copyOf(species);
    if (!Double.isNaN(timestepFs) && !(timestepFs > 0)) {
      throw new IllegalArgumentException("time step must be > 0 fs, got " + timestepFs);
    }
  }

  public ReadOptions withStrict(boolean s) {
    return new ReadOptions(s, species, timestepFs, format);
  }

  public ReadOptions withSpecies(List<String> s) {
    return new ReadOptions(strict, s, timestepFs, format);
  }

  public ReadOptions withTimestepFs(double dt) {
    return new ReadOptions(strict, species, dt, format);
  }

  public ReadOptions withFormat(String f) {
    return new ReadOptions(strict, species, timestepFs, f);
  }
}
