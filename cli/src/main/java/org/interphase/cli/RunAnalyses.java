package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.BondViews;
import org.interphase.analysis.energetics.EnergySeries;
import org.interphase.analysis.energetics.InterfaceEnergy;
import org.interphase.analysis.energetics.InterfaceParameters;
import org.interphase.analysis.energetics.InterfaceResult;
import org.interphase.analysis.energetics.InterfaceViews;
import org.interphase.analysis.msd.DiffusionEstimator;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.analysis.msd.MsdViews;
import org.interphase.analysis.neb.NebViews;
import org.interphase.core.AtomTable;
import org.interphase.core.EnergyRun;
import org.interphase.core.InterphaseException;
import org.interphase.core.Runner;
import org.interphase.core.Warning;
import org.interphase.parsers.ReadOptions;

/**
 * The views of the one-run analyses, built in one place: {@code msd}, {@code neb} and {@code interface} print them, and
 * {@code campaign} writes the same documents for each of its runs.
 */
final class RunAnalyses {
  /** Blocks of the MSD error estimate, the same for every caller. */
  static final int MSD_BLOCKS = 200;

  private RunAnalyses() {}

  /**
   * The MSD parameters of {@code msd PATH --species EL} with the given options and every other one at its default (all axes,
   * drift against every other element, charge 1, no region, no Haven ratio).
   *
   * @param timestepFs time between stored frames, NaN for what the files say
   * @param temperatureK NaN for the run's own mean temperature
   * @param fitStartPs NaN for the default window
   * @param fitEndPs NaN for the default window
   */
  static MsdParameters msdDefaults(String species, double timestepFs, double temperatureK, double fitStartPs, double fitEndPs) {
    return new MsdParameters(species, "xyz", timestepFs, fitStartPs, fitEndPs, null, null, 1.0, temperatureK, false, MSD_BLOCKS,
        DiffusionEstimator.GLS);
  }

  /**
   * The bond parameters of {@code bonds PATH} without options: the default pair and cutoffs for the atoms
   * ({@link BondParameters#defaultsFor}), and the given time between frames.
   *
   * @param timestepFs NaN for what the files say
   */
  static BondParameters bondDefaults(AtomTable atoms, double timestepFs) {
    BondParameters p = BondParameters.defaultsFor(atoms);
    return Double.isNaN(timestepFs) ? p : p.withTimestepFs(timestepFs);
  }

  /**
   * The documents of one run: its command's ({@code msd}, {@code neb} or {@code interface}), and for an MD run with S atoms
   * the {@code bonds} document of the same pass.
   *
   * @param main the document of the run's command
   * @param bonds the {@code bonds} document, {@code null} without S atoms or when the bond analysis failed
   */
  record Documents(org.interphase.core.view.Views main, org.interphase.core.view.Views bonds) {}

  /**
   * {@code msd} and, in the same pass, {@code bonds} without options ({@link #bondDefaults}).
   *
   * @throws RuntimeException what the reader or the MSD threw
   */
  static Documents md(Path path, ReadOptions options, MsdParameters p, Runner.Listener listener) {
    List<Runner.Slot<BondResult>> bonds = new ArrayList<>(1);
    Inputs.Outcome<MsdResult> o = Inputs.analyse(path, options, new MeanSquaredDisplacement(p), listener, run -> {
      AtomTable atoms = run.header().atoms();
      if (atoms.indicesOf("S").length > 0) {
        bonds.add(run.add(new BondAnalysis(bondDefaults(atoms, p.timestepFs()))));
      }
    });
    org.interphase.core.view.Views b = null;
    if (!bonds.isEmpty()) {
      try {
        b = BondViews.of(bonds.get(0).result(), o.pass().warnings());
      } catch (IllegalArgumentException | InterphaseException e) {
        b = null;
      }
    }
    return new Documents(MsdViews.of(o.result(), o.pass().warnings()), b);
  }

  /** {@code msd}: one pass over the trajectory at {@code path}, progress to {@code listener}. */
  static org.interphase.core.view.Views msd(Path path, ReadOptions options, MsdParameters p, Runner.Listener listener) {
    Inputs.Outcome<MsdResult> o = Inputs.analyse(path, options, new MeanSquaredDisplacement(p), listener);
    return MsdViews.of(o.result(), o.pass().warnings());
  }

  /**
   * {@code neb}: each path's band analysed under its name.
   *
   * @param names one per path, {@code null} for the folder names
   * @param forcesFrom single points with forces for a single path, or {@code null}
   * @param notes receives each path's notes, prefixed with its name
   */
  static org.interphase.core.view.Views neb(List<Path> paths, List<String> names, ReadOptions options, List<Path> forcesFrom,
      List<String> notes) {
    List<NebViews.Entry> results = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String name = names != null ? names.get(i) : Bands.label(paths.get(i));
      results.add(Bands.analyse(paths.get(i), name, options, forcesFrom).entry());
    }
    results.forEach(a -> a.result().notes().forEach(n -> notes.add(a.result().name() + ": " + n)));
    return NebViews.of(results);
  }

  /**
   * One interface: the three calculations and how to compare them.
   *
   * @param name label, {@code null} for the interface file's name
   * @param nA units of A in the interface cell, NaN for the atom counts
   * @param nB units of B, NaN for the atom counts
   */
  record InterfaceCase(Path interfaceRun, Path partA, Path partB, int interfaces, double nA, double nB, String name) {
    String label() {
      return name != null ? name : interfaceRun.getFileName().toString();
    }
  }

  /**
   * {@code interface}: γ and W of each case, the readers' notes and the results' warnings prefixed with the case's label.
   *
   * @param normalAxis 0, 1 or 2 for a, b or c
   */
  static org.interphase.core.view.Views interfaces(List<InterfaceCase> cases, ReadOptions options, EnergySeries.VaspEnergy vasp,
      double equilibrationPs, int normalAxis) {
    List<InterfaceResult> results = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    for (InterfaceCase c : cases) {
      EnergyRun ab = Inputs.energyRun(c.interfaceRun(), options, vasp);
      EnergyRun a = Inputs.energyRun(c.partA(), options, vasp);
      EnergyRun b = Inputs.energyRun(c.partB(), options, vasp);
      InterfaceParameters p = new InterfaceParameters(c.interfaces(), c.nA(), c.nB(), equilibrationPs, normalAxis, 1e-3);
      String name = c.label();
      InterfaceResult r = InterfaceEnergy.compute(name, ab, a, b, p);
      results.add(r);
      for (EnergyRun run : List.of(ab, a, b)) {
        run.notes(Warning.Input.INCOMPLETE).forEach(n -> warnings.add(new Warning(n.kind(), name + ": " + n.text())));
      }
      r.warnings().forEach(w -> warnings.add(new Warning(w.kind(), name + ": " + w.text())));
    }
    return InterfaceViews.of(results, warnings);
  }
}
