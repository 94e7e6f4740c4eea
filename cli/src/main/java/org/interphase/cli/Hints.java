package org.interphase.cli;

import java.util.Map;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.rdf.RdfResult;
import org.interphase.analysis.vanhove.VanHoveResult;
import org.interphase.core.MissingParameterException;
import org.interphase.core.Warning;

/**
 * What a command-line user can do about a warning: the analyses name the problem, the command line
 * adds its option (e.g. "pass --temperature-k"). Keyed by warning kind, never by text.
 */
final class Hints {
  private static final Map<Warning.Kind, String> OPTIONS = Map.ofEntries(
      Map.entry(MsdResult.Doubt.NO_TEMPERATURE, "pass --temperature-k"),
      Map.entry(MsdResult.Doubt.GLS_FAILED, "--estimator ols asks for the least-squares fit directly"),
      Map.entry(MsdResult.Doubt.GLS_REJECTED, "a later --fit-start-ps, where the MSD has become a straight line, may let the GLS D stand"),
      Map.entry(org.interphase.analysis.msd.DiffusionFitWindow.Problem.NOT_STRAIGHT, "a later --fit-start-ps moves the window there"),
      Map.entry(org.interphase.analysis.bonds.BondResult.Doubt.NO_TIME, "pass --timestep-fs"),
      Map.entry(RdfResult.Doubt.BEYOND_HALF_CELL, "a --r-max up to half the cell avoids it"),
      Map.entry(RdfResult.Doubt.NO_FIRST_PEAK, "a larger --r-max may reach it"),
      Map.entry(RdfResult.Doubt.NO_FIRST_MINIMUM, "a larger --r-max may reach it"),
      Map.entry(org.interphase.analysis.hops.HopResult.Doubt.UNASSIGNED, "a larger --r-in, or other --sites, takes them in"),
      Map.entry(VanHoveResult.Doubt.BEYOND_HALF_CELL, "without --r-max the distinct part stops at half the cell"),
      Map.entry(VanHoveResult.Doubt.SELF_BEYOND_R_MAX, "a larger --r-max takes them in"),
      Map.entry(org.interphase.analysis.energetics.InterfaceResult.Doubt.NOT_EQUILIBRATED, "--equilibration-ps drops the frames "
          + "before a time"),
      Map.entry(org.interphase.analysis.neb.NebResult.Doubt.NO_FORCES, "for a CP2K band, single points with forces beside it or "
          + "--forces-from give the forces"));

  private static final Map<String, String> PARAMETERS = Map.of(
      "timestepFs", "pass --timestep-fs, the time between stored frames (--md-step-fs, the MD step, also does where the files number the "
          + "MD steps between frames, as VASP's XDATCAR, CP2K output and LAMMPS dumps do; `info` says when they do not)",
      "temperatureK", "pass --temperatures-k K,K,… (one temperature per run, in the order of the runs)",
      "nA", "pass --n-a and --n-b",
      "formA", "pass --form-a and --break-a");

  private Hints() {}

  /** How to give a missing parameter on the command line, or {@code null}. */
  static String of(MissingParameterException e) {
    return PARAMETERS.get(e.parameter());
  }

  /** The warning's text with the option that addresses it, in parentheses, where there is one. */
  static String of(Warning w) {
    String hint = OPTIONS.get(w.kind());
    return hint == null ? w.text() : w.text() + " (" + hint + ")";
  }
}
