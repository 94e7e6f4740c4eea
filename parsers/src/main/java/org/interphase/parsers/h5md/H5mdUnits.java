package org.interphase.parsers.h5md;

import io.jhdf.api.Node;
import java.util.Locale;
import org.interphase.core.Units;

/**
 * The {@code unit} attributes of H5MD datasets, turned into factors to Interphase's units: lengths
 * to Å ({@code Angstrom}, {@code Å}, {@code A}, {@code nm}, {@code pm}), times to fs ({@code fs},
 * {@code ps}, {@code ns}). H5MD fixes no default unit: a dataset without one is taken in Å or ps (the
 * units of LAMMPS {@code metal} and of MDAnalysis), and the reader notes it.
 */
final class H5mdUnits {
  private H5mdUnits() {}

  /** Length unit that a missing attribute means. */
  static final String DEFAULT_LENGTH = "Angstrom";
  /** Time unit that a missing attribute means. */
  static final String DEFAULT_TIME = "ps";

  /**
   * The factor from the dataset's length unit to Å.
   *
   * @throws org.interphase.core.MalformedInputException naming the file, dataset and unit when the
   *     unit is not a length Interphase knows
   */
  static double toAngstrom(String file, Node d) {
    String u = unitOr(d, DEFAULT_LENGTH);
    return switch (u.toLowerCase(Locale.ROOT)) {
      case "angstrom", "å", "a", "ang", "angstroms" -> 1.0;
      case "nm", "nanometer" -> Units.NM_TO_ANGSTROM;
      case "pm" -> 0.01;
      default -> throw HdfValues.error(file, d.getPath() + " unit", "a length unit (Angstrom, nm, pm)", u);
    };
  }

  /**
   * The factor from the dataset's time unit to fs.
   *
   * @throws org.interphase.core.MalformedInputException naming the file, dataset and unit when the
   *     unit is not a time Interphase knows
   */
  static double toFs(String file, Node d) {
    String u = unitOr(d, DEFAULT_TIME);
    return switch (u.toLowerCase(Locale.ROOT)) {
      case "fs" -> 1.0;
      case "ps" -> Units.PS_TO_FS;
      case "ns" -> 1e6;
      default -> throw HdfValues.error(file, d.getPath() + " unit", "a time unit (fs, ps, ns)", u);
    };
  }

  /** Whether the dataset has a {@code unit} attribute. */
  static boolean hasUnit(Node d) {
    return HdfValues.attributeText(d, "unit") != null;
  }

  private static String unitOr(Node d, String fallback) {
    String u = HdfValues.attributeText(d, "unit");
    return u == null ? fallback : u.strip();
  }
}
