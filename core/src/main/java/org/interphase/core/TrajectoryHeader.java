package org.interphase.core;

import java.util.List;

/**
 * What a reader knows before the first frame.
 *
 * @param source path of the file as given
 * @param format registry name of the format, e.g. {@code vasp-xdatcar}
 * @param program the program that wrote it with its version where known, e.g. {@code VASP 5.4.4}
 * @param atoms element and kind label per atom
 * @param firstCell cell of the first frame, or {@code null} when not known before the first frame
 * @param timestepFs time between stored frames in fs, {@code NaN} when no source says
 * @param timestepSource where {@code timestepFs} came from, as a user can check it (file and tag, e.g.
 *     {@code "INCAR POTIM × NBLOCK (2 fs × 10)"} or {@code "command line --timestep-fs"}); {@code null}
 *     when the time step is unknown
 * @param variableCell whether the cell may change from frame to frame
 * @param notes what the reader found worth telling (not warnings)
 * @param dynamics whether the frames are the time-ordered steps of a molecular-dynamics run, to be
 *     averaged over time; {@code false} for a relaxation, single points or NEB images. The headers
 *     made without it say {@code true} exactly when a time step is known.
 * @param notDynamics why the files say the frames are <em>not</em> molecular-dynamics steps (e.g. {@code "run type GEO_OPT (from
 *     preopt.inp)"}), or {@code null} when they are or say nothing; unlike {@link #dynamics()} it holds also when the user gives a
 *     time step, so that time-based analyses ({@link Analysis#needsDynamics()}) can refuse such frames
 * @param stepsPerFrame MD steps between stored frames as the files number them (VASP configuration numbers, CP2K step numbers),
 *     0 when they do not say; with it a user's MD step gives the time between frames, and a time between frames that would make
 *     an implausibly short MD step is questioned ({@link FrameSources#retimed})
 */
public record TrajectoryHeader(
    String source,
    String format,
    String program,
    AtomTable atoms,
    Cell firstCell,
    double timestepFs,
    String timestepSource,
    boolean variableCell,
    List<String> notes,
    boolean dynamics,
    String notDynamics,
    long stepsPerFrame) {

  public TrajectoryHeader {
    notes = List.copyOf(notes);
    if (Double.isNaN(timestepFs)) {
      timestepSource = null;
    }
  }

  /** A header whose files do not number MD steps. */
  public TrajectoryHeader(String source, String format, String program, AtomTable atoms, Cell firstCell, double timestepFs,
      String timestepSource, boolean variableCell, List<String> notes, boolean dynamics, String notDynamics) {
    this(source, format, program, atoms, firstCell, timestepFs, timestepSource, variableCell, notes, dynamics, notDynamics, 0);
  }

  /** A header whose files say nothing against MD. */
  public TrajectoryHeader(String source, String format, String program, AtomTable atoms, Cell firstCell, double timestepFs,
      String timestepSource, boolean variableCell, List<String> notes, boolean dynamics) {
    this(source, format, program, atoms, firstCell, timestepFs, timestepSource, variableCell, notes, dynamics, null);
  }

  /** A header that is a molecular-dynamics run exactly when {@code timestepFs} is known. */
  public TrajectoryHeader(String source, String format, String program, AtomTable atoms, Cell firstCell, double timestepFs,
      String timestepSource, boolean variableCell, List<String> notes) {
    this(source, format, program, atoms, firstCell, timestepFs, timestepSource, variableCell, notes, !Double.isNaN(timestepFs));
  }

  /** A header whose time step comes from the file itself ({@code timestepSource} = the format name). */
  public TrajectoryHeader(String source, String format, String program, AtomTable atoms, Cell firstCell, double timestepFs,
      boolean variableCell, List<String> notes) {
    this(source, format, program, atoms, firstCell, timestepFs, Double.isNaN(timestepFs) ? null : format, variableCell, notes);
  }

  /** This header with another time step and its source. */
  public TrajectoryHeader withTimestep(double fs, String sourceOfTimestep) {
    return new TrajectoryHeader(source, format, program, atoms, firstCell, fs, sourceOfTimestep, variableCell, notes, dynamics,
        notDynamics, stepsPerFrame);
  }

  /** This header with {@link #dynamics()} set. */
  public TrajectoryHeader withDynamics(boolean md) {
    return new TrajectoryHeader(source, format, program, atoms, firstCell, timestepFs, timestepSource, variableCell, notes, md, notDynamics,
        stepsPerFrame);
  }

  /**
   * This header for frames that the files say are not MD steps, and why ({@link #notDynamics()}).
   *
   * @param why e.g. {@code "run type GEO_OPT (from preopt.inp)"} or {@code "IBRION = 2 in INCAR"}
   */
  public TrajectoryHeader withNotDynamics(String why) {
    return new TrajectoryHeader(source, format, program, atoms, firstCell, timestepFs, timestepSource, variableCell, notes, false, why,
        stepsPerFrame);
  }

  /** This header with the MD steps between stored frames ({@link #stepsPerFrame()}; 0: unknown). */
  public TrajectoryHeader withStepsPerFrame(long steps) {
    return new TrajectoryHeader(source, format, program, atoms, firstCell, timestepFs, timestepSource, variableCell, notes, dynamics,
        notDynamics, Math.max(0, steps));
  }

  /** This header marked as a variable-cell trajectory. */
  public TrajectoryHeader withVariableCell() {
    return new TrajectoryHeader(source, format, program, atoms, firstCell, timestepFs, timestepSource, true, notes, dynamics, notDynamics,
        stepsPerFrame);
  }
}
