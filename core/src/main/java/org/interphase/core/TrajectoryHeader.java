package org.interphase.core;

import java.util.List;

/**
 * What a reader knows before the first frame.
 *
 * @param source path of the file as given
 * @param format registry name of the format, e.g. {@code vasp-xdatcar}
 * @param program the program that wrote it with its version where known, e.g. {@code VASP 5.4.4}
 * @param atoms element per atom
 * @param firstCell cell of the first frame, or {@code null} when not known before the first frame
 * @param timestepFs time between stored frames in fs, {@code NaN} when the file does not say
 * @param variableCell whether the cell may change from frame to frame
 */
public record TrajectoryHeader(
    String source,
    String format,
    String program,
    AtomTable atoms,
    Cell firstCell,
    double timestepFs,
    boolean variableCell,
    List<String> notes) {

  public TrajectoryHeader {
    notes = List.copyOf(notes);
  }
}
