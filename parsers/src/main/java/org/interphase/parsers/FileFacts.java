package org.interphase.parsers;

import java.util.List;
import java.util.Map;
import org.interphase.core.Cell;

/**
 * What {@code info} shows of one file whose format holds no positions (energies, cells, velocities
 * or forces alone, a log, an input), as its registry entry reads it ({@link FormatRegistry.Format#summary()}).
 *
 * @param path the file as given
 * @param format registry name
 * @param program the program that wrote it, with its version where known
 * @param atoms number of atoms, {@code null} when the file does not say
 * @param species atoms per element, in file order; empty when unknown
 * @param kinds atoms per kind label when the labels are not plain elements; empty otherwise
 * @param frames records (steps, rows, frames) after restarts are resolved
 * @param timestepFs time between records in fs, {@code NaN} when unknown
 * @param timestepSource where {@code timestepFs} came from, {@code null} when unknown
 * @param variableCell whether the cell changes between records
 * @param cell the (first) cell, {@code null} when none
 * @param cellLast the last cell when it varies, else {@code null}
 * @param hasEnergies whether energies were found
 * @param hasForces whether forces were found
 * @param warnings doubts about the file, one line each
 * @param notes what was found worth telling
 * @param notDynamics why the file says its records are not molecular-dynamics steps (e.g. {@code "run type GEO_OPT"}), or {@code null}
 *     when they are or it says nothing
 */
public record FileFacts(String path, String format, String program, Integer atoms, Map<String, Integer> species,
    Map<String, Integer> kinds, long frames, double timestepFs, String timestepSource, boolean variableCell, Cell cell, Cell cellLast,
    boolean hasEnergies, boolean hasForces, List<String> warnings, List<String> notes, String notDynamics) {

  /** Facts of a file that says nothing about whether its records are MD steps. */
  public FileFacts(String path, String format, String program, Integer atoms, Map<String, Integer> species,
      Map<String, Integer> kinds, long frames, double timestepFs, String timestepSource, boolean variableCell, Cell cell, Cell cellLast,
      boolean hasEnergies, boolean hasForces, List<String> warnings, List<String> notes) {
    this(path, format, program, atoms, species, kinds, frames, timestepFs, timestepSource, variableCell, cell, cellLast, hasEnergies,
        hasForces, warnings, notes, null);
  }
}
