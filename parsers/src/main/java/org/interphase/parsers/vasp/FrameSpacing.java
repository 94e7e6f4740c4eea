package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time between the stored frames of a VASP trajectory, decided from every source there is and
 * cross-checked: POTIM, NBLOCK and ML_OUTBLOCK of the run's OUTCAR, vasprun.xml and INCAR, and the
 * MD steps between frames that the trajectory itself shows (XDATCAR configuration numbers, OUTCAR
 * ionic steps). A disagreement is a warning naming both values and saying which was used.
 *
 * <p>Precedence (a {@code --timestep-fs} of the user is applied later, once, by {@link
 * org.interphase.parsers.FormatRegistry#open}): POTIM from the OUTCAR, the vasprun.xml, the INCAR (what
 * VASP ran with before what the folder says now) times the MD steps between frames. The steps come
 * from the trajectory when it shows them, except that consecutive XDATCAR numbers (1, 2, 3 …) do not
 * overrule a larger NBLOCK: VASP numbers configurations by MD step, so consecutive numbers beside
 * NBLOCK = 10 mean another program renumbered the frames.
 *
 * @param dtFs time between stored frames (fs), NaN when unknown
 * @param source where {@code dtFs} came from, as the user can check it, e.g. {@code "INCAR POTIM ×
 *     NBLOCK (2 fs × 10)"}; null when unknown
 * @param stepsPerFrame MD steps between stored frames, 0 when unknown
 * @param notes what was decided, for {@code info}
 * @param warnings disagreements between the sources
 * @param notDynamics why the files say the run is not MD (e.g. {@code "IBRION = 2 in INCAR"}), null when they do not
 */
record FrameSpacing(double dtFs, String source, int stepsPerFrame, List<String> notes, List<String> warnings, String notDynamics) {

  FrameSpacing(double dtFs, String source, int stepsPerFrame, List<String> notes, List<String> warnings) {
    this(dtFs, source, stepsPerFrame, notes, warnings, null);
  }

  FrameSpacing {
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
  }

  /**
   * The spacing of an XDATCAR.
   *
   * @param numberStep the first increase between consecutive configuration numbers, 0 when the
   *     file shows none
   */
  static FrameSpacing xdatcar(Path file, long numberStep) {
    List<VaspParameters> ps = VaspParameters.besides(file);
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ps.forEach(p -> warnings.addAll(p.problems()));
    VaspParameters potimFrom = potimSource(ps, warnings);
    VaspParameters strideFrom = ps.isEmpty() ? null : ps.get(0);
    int paramSteps = strideFrom == null ? 0 : strideFrom.xdatcarStride();
    for (VaspParameters p : ps) {
      if (p != strideFrom && p.xdatcarStride() != paramSteps) {
        warnings.add(strideFrom.origin() + " gives " + paramSteps + " MD steps between XDATCAR frames (" + strideText(strideFrom)
            + ") but " + p.origin() + " gives " + p.xdatcarStride() + " (" + strideText(p) + "); " + strideFrom.origin() + " used");
      }
    }
    String notMd = notMd(ps, notes);
    if (notMd != null) {
      return new FrameSpacing(Double.NaN, null, 0, notes, warnings, notMd);
    }
    int steps = paramSteps;
    String stepsText = strideFrom == null ? null : strideFrom.origin() + " " + strideText(strideFrom);
    boolean fromNumbers = false;
    if (numberStep > 0 && numberStep <= Integer.MAX_VALUE) {
      int n = (int) numberStep;
      if (paramSteps == 0) {
        steps = n;
        fromNumbers = true;
      } else if (n != paramSteps) {
        if (n > 1) {
          warnings.add("XDATCAR configuration numbers are " + n + " MD steps apart but " + stepsText + " gives " + paramSteps
              + "; the configuration numbers are used");
          steps = n;
          fromNumbers = true;
        } else {
          warnings.add("XDATCAR configuration numbers are consecutive but " + stepsText + " gives " + paramSteps
              + " MD steps between frames; VASP numbers configurations by MD step, so the numbers were rewritten by another "
              + "program and " + strideFrom.strideTag() + " is used");
        }
      } else {
        notes.add("XDATCAR configuration numbers are " + n + " MD step" + (n == 1 ? "" : "s") + " apart, as "
            + strideFrom.origin() + " says");
      }
    }
    double dt = Double.NaN;
    String source = null;
    if (potimFrom != null && steps > 0) {
      dt = potimFrom.potimFs() * steps;
      if (fromNumbers) {
        source = potimFrom.origin() + " POTIM × XDATCAR configuration numbers (" + fs(potimFrom.potimFs()) + " fs × " + steps
            + " steps)";
      } else {
        source = potimFrom.origin() + " POTIM × " + (strideFrom == potimFrom ? "" : strideFrom.origin() + " ")
            + strideFrom.strideTag() + " (" + fs(potimFrom.potimFs()) + " fs × " + steps
            + (strideFrom.strideTag().equals("NBLOCK") && strideFrom.nblock() == null ? ", NBLOCK not set" : "") + ")";
      }
    } else if (steps > 1) {
      notes.add("frames are " + steps + " MD steps apart but POTIM is unknown "
          + "(no INCAR, OUTCAR or vasprun.xml beside the file states it): pass --md-step-fs with POTIM (the frames are then "
          + steps + " × POTIM apart), or --timestep-fs with the time between stored frames");
    } else if (steps == 1) {
      // VASP numbers configurations by MD step, but tools that rewrite an XDATCAR (pymatgen, ASE) number them 1, 2, 3…:
      // consecutive numbers do not tell the stride (NBLOCK), so the steps between frames stay unknown (an MD step gives no time)
      notes.add("configuration numbers are consecutive (1 MD step apart, or renumbered by the program that wrote the file) and "
          + "POTIM is unknown: pass --timestep-fs with the time between stored frames (POTIM × NBLOCK), not POTIM alone");
      return new FrameSpacing(dt, source, fromNumbers ? 0 : steps, notes, warnings);
    } else {
      notes.add("time between frames unknown (no INCAR, OUTCAR or vasprun.xml beside the file): pass --timestep-fs");
    }
    return new FrameSpacing(dt, source, steps, notes, warnings);
  }

  /**
   * The spacing of an OUTCAR or vasprun.xml, whose own parameters state POTIM.
   *
   * @param own the file's own tags
   * @param fileSteps MD steps between the first two stored frames as the file shows them, 0 when
   *     it does not
   * @param expectedSteps MD steps between stored frames the tags imply for this kind of file
   * @param expectedText how {@code expectedSteps} follows from the tags, e.g. {@code "NBLOCK"}
   * @param md whether the file is an MD run (IBRION = 0); other runs have no time step
   */
  static FrameSpacing ownFile(Path file, VaspParameters own, int fileSteps, int expectedSteps,
      String expectedText, boolean md) {
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>(own.problems());
    List<VaspParameters> ps = new ArrayList<>();
    ps.add(own);
    for (VaspParameters p : VaspParameters.besides(file)) {
      if (!p.origin().equals(own.origin())) {
        ps.add(p);
      }
    }
    VaspParameters potimFrom = potimSource(ps, warnings);
    if (!md) {
      return new FrameSpacing(Double.NaN, null, 0, notes, warnings, own.ibrion() == null || own.ibrion() == 0 ? null
          : "IBRION = " + own.ibrion() + " in " + own.origin());
    }
    int steps = expectedSteps;
    boolean fromFile = false;
    if (fileSteps > 0 && fileSteps != expectedSteps) {
      warnings.add(own.origin() + " stores frames " + fileSteps + " MD step" + (fileSteps == 1 ? "" : "s") + " apart but "
          + expectedText + " gives "
          + expectedSteps + "; the file's own step count is used");
      steps = fileSteps;
      fromFile = true;
    }
    double dt = Double.NaN;
    String source = null;
    if (potimFrom != null) {
      dt = potimFrom.potimFs() * steps;
      if (steps == 1) {
        source = potimFrom.origin() + " POTIM (" + fs(potimFrom.potimFs()) + " fs, every MD step stored)";
      } else if (fromFile) {
        source = potimFrom.origin() + " POTIM × MD steps between stored frames (" + fs(potimFrom.potimFs()) + " fs × " + steps + ")";
      } else {
        source = potimFrom.origin() + " POTIM × " + expectedText + " (" + fs(potimFrom.potimFs()) + " fs × " + steps + ")";
      }
    } else {
      notes.add("POTIM not found: time between frames unknown (pass --timestep-fs)");
    }
    return new FrameSpacing(dt, source, steps, notes, warnings);
  }

  /**
   * The spacing of an MD OSZICAR: VASP writes one line per ionic step, so its lines are one MD step, POTIM, apart, with
   * POTIM from the OUTCAR, vasprun.xml or INCAR beside it (in that order; others stating another value are warnings).
   */
  static FrameSpacing oszicar(Path file) {
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<VaspParameters> ps = VaspParameters.besides(file);
    ps.forEach(p -> warnings.addAll(p.problems()));
    VaspParameters potimFrom = potimSource(ps, warnings);
    if (potimFrom == null) {
      notes.add("time between lines unknown (no INCAR, OUTCAR or vasprun.xml beside the file states POTIM): pass --timestep-fs");
      return new FrameSpacing(Double.NaN, null, 1, notes, warnings);
    }
    return new FrameSpacing(potimFrom.potimFs(), potimFrom.origin() + " POTIM (" + fs(potimFrom.potimFs()) + " fs, one OSZICAR line "
        + "per MD step)", 1, notes, warnings);
  }

  /** Why the run's files say it is not MD (IBRION other than 0), adding a note then; null when they do not. */
  private static String notMd(List<VaspParameters> ps, List<String> notes) {
    for (VaspParameters p : ps) {
      if (p.ibrion() != null) {
        if (p.ibrion() != 0) {
          notes.add(p.origin() + " has IBRION = " + p.ibrion() + ": not a molecular-dynamics run, so frames have no time step");
          return "IBRION = " + p.ibrion() + " in " + p.origin();
        }
        return null;
      }
    }
    return null;
  }


  /** The first source stating POTIM; every other source stating another value is a warning. */
  private static VaspParameters potimSource(List<VaspParameters> ps, List<String> warnings) {
    VaspParameters from = null;
    for (VaspParameters p : ps) {
      if (Double.isNaN(p.potimFs())) {
        continue;
      }
      if (from == null) {
        from = p;
      } else if (Math.abs(p.potimFs() - from.potimFs()) > 1e-9 * from.potimFs()) {
        warnings.add("POTIM is " + fs(from.potimFs()) + " fs in " + from.origin() + " but " + fs(p.potimFs()) + " fs in "
            + p.origin() + "; " + from.origin() + " used");
      }
    }
    return from;
  }

  private static String strideText(VaspParameters p) {
    if (p.outblockRules()) {
      return "ML_OUTBLOCK = " + p.mlOutblock() + " in ML_MODE = run";
    }
    return p.nblock() == null ? "NBLOCK not set" : "NBLOCK = " + p.nblock();
  }

  /** A number of fs as a person writes it: 2, 0.5, 1.25. */
  static String fs(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
