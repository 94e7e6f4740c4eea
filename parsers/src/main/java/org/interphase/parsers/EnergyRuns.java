package org.interphase.parsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Energies;
import org.interphase.core.EnergyStep;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.cp2k.Cp2kLogRun;
import org.interphase.parsers.vasp.OszicarReader;
import org.interphase.parsers.vasp.PoscarReader;
import org.interphase.parsers.vasp.VaspSiblings;

/**
 * Opens the energies of a calculation, for the interface analysis, as frames that carry {@link
 * Energies} (eV): a CP2K log (single point, GEO_OPT: one frame with the last {@code ENERGY| Total
 * FORCE_EVAL}, atoms and cell from the input beside it; MD: one frame per {@code MD|} step), a CP2K
 * MD run (positions file, {@code .ener} or run folder: potential energy per frame), a VASP OUTCAR or
 * vasprun.xml (per ionic step; MD when IBRION=0), an OSZICAR (atoms and cell from the POSCAR/CONTCAR
 * beside it). What each format gives is its registry entry's ({@link FormatRegistry.Format#openEnergies}).
 *
 * <p>The header's {@link TrajectoryHeader#dynamics()} says whether the frames are MD steps to be
 * averaged; a note starting with {@link Energies#LABEL_NOTE} names the energy in {@link
 * Energies#potentialEv()} when it is not a trajectory's potential energy. Frames of a log or an
 * OSZICAR carry no positions (an empty array); their atoms are in the header. The one frame of a CP2K single point or
 * relaxation log, and the first step of a CP2K MD log, carry the positions of its input ({@code &COORD} or the coordinate
 * file: for a relaxation or MD run its starting structure) when they hold the log's atoms, with the header's atoms in the
 * input's order, so that a vacuum gap of the cell can be seen.
 */
public final class EnergyRuns {
  private EnergyRuns() {}

  /**
   * Opens a file or run folder.
   *
   * @param path a file, or a folder holding one run of {@link RunDiscovery#ENERGIES}
   * @throws MissingInputException when the path, or a file the run needs beside it, does not exist
   * @throws MalformedInputException when the file is empty or holds no energy
   * @throws org.interphase.core.UnsupportedFormatException when its format holds no energies
   */
  public static FrameSource open(Path path, ReadOptions options) {
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file or directory");
    }
    Path file = path;
    if (Files.isDirectory(path)) {
      file = RunDiscovery.require(path, RunDiscovery.ENERGIES, "an MD run or CP2K log").primary();
    }
    if (Files.isRegularFile(file) && sizeOf(file) == 0 && !file.getFileName().toString().matches(".*\\.ener(\\.(gz|bz2|xz))?")) {
      throw new MalformedInputException(file.toString(), 1, "a CP2K log, a VASP OUTCAR/vasprun.xml/OSZICAR or an MD trajectory", null);
    }
    return FormatRegistry.detect(file, options).openEnergies(file, options);
  }

  /** A CP2K {@code .ener}: the energies of the MD run of the positions file beside it. */
  static FrameSource enerBesidePositions(Path file, ReadOptions options) {
    String name = file.getFileName().toString();
    String posName = name.replaceFirst("-(\\d+)\\.ener(\\.(gz|bz2|xz))?$", "-pos-$1.xyz");
    Path pos = file.resolveSibling(posName);
    for (String suffix : new String[] {".gz", ".bz2", ".xz"}) {
      if (!Files.isRegularFile(pos) && Files.isRegularFile(file.resolveSibling(posName + suffix))) {
        pos = file.resolveSibling(posName + suffix);
      }
    }
    if (!Files.isRegularFile(pos)) {
      throw new MissingInputException(file + ": the positions file " + pos.getFileName() + " beside it is needed for the atoms");
    }
    if (sizeOf(pos) == 0) {
      throw new MalformedInputException(pos.toString(), 1, "a CP2K log, a VASP OUTCAR/vasprun.xml/OSZICAR or an MD trajectory", null);
    }
    return FormatRegistry.detect(pos, options).openEnergies(pos, options);
  }

  /**
   * A CP2K log: one frame per MD step (time, potential and kinetic energy and temperature from the log), else one frame with
   * the last total energy. Its warnings: the log's, then {@link Warning.Input#INCOMPLETE} when it has
   * no PROGRAM ENDED line, then where the cell and atoms came from.
   */
  static FrameSource cp2kLog(Path file) {
    Cp2kLogRun run = Cp2kLogRun.read(file);
    Cp2kLog log = run.log();
    List<Warning> notes = new ArrayList<>();
    run.warnings().forEach(w -> notes.add(Warning.of(w)));
    if (!log.endedNormally()) {
      notes.add(new Warning(Warning.Input.INCOMPLETE, file.getFileName() + " has no PROGRAM ENDED line: the run may not have finished"));
    }
    boolean md = !log.mdSteps().isEmpty();
    List<double[]> timeEnergy = new ArrayList<>();
    List<Energies> energies = new ArrayList<>();
    String label;
    if (md) {
      label = "CP2K potential energy (MD| Potential energy of every step)";
      for (EnergyStep s : log.mdSteps()) {
        double e = s.energies().potentialEv();
        if (Double.isNaN(e) || Double.isNaN(s.timeFs())) {
          throw MalformedInputException.of(file.toString(), 0, "MD step " + s.step() + " has no "
              + (Double.isNaN(e) ? "potential energy" : "time") + " in this log");
        }
        timeEnergy.add(new double[] {s.step(), s.timeFs(), e});
        energies.add(s.energies()); // with the kinetic energy and temperature of the step
      }
    } else {
      if (log.singlePointEnergiesEv().isEmpty()) {
        throw MalformedInputException.of(file.toString(), 0, "no \"ENERGY| Total FORCE_EVAL\" line: no energy in this log");
      }
      label = "CP2K total energy (ENERGY| Total FORCE_EVAL)";
      timeEnergy.add(new double[] {0, Double.NaN, log.singlePointEnergiesEv().get(log.singlePointEnergiesEv().size() - 1)});
      energies.add(Energies.potential(timeEnergy.get(0)[2]));
    }
    if (run.cell() == null) {
      throw MalformedInputException.of(file.toString(), 0, "no cell: no input with &CELL beside the log and no CELL| lines in it");
    }
    if (run.composition().isEmpty()) {
      throw MalformedInputException.of(file.toString(), 0, "the atoms of this calculation are unknown: the log has no kind or force "
          + "table; put its input (with &COORD or COORD_FILE_NAME) beside it");
    }
    notes.add(Warning.of("cell from " + run.cellSource() + "; atoms from " + run.compositionSource()));
    AtomTable atoms = atomsOf(run.composition());
    double[] positions = new double[0];
    if (run.input() != null && inputHolds(run.input(), run.composition())) {
      atoms = AtomTable.of(run.input().coordElements().toArray(new String[0]));
      positions = run.input().coordPositionsA();
      notes.add(Warning.of("positions from the coordinates of " + run.input().path().getFileName() + (md ? " (the MD run's starting "
          + "structure, on its first step)" : log.runType() != null && log.runType().startsWith("GEO")
          ? " (the relaxation's starting structure)" : "")));
    }
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < timeEnergy.size(); i++) {
      double[] r = timeEnergy.get(i);
      // an MD log's steps have no positions of their own: the input's start the first step, where a vacuum gap shows
      frames.add(new Frame((long) r[0], r[1], run.cell(), frames.isEmpty() || !md ? positions : new double[0], null, null,
          energies.get(i)));
    }
    TrajectoryHeader h = new TrajectoryHeader(file.toString(), "cp2k-log", log.version() == null ? "CP2K" : "CP2K " + log.version(),
        atoms, run.cell(), Double.NaN, null, false, List.of(Energies.LABEL_NOTE + label), md);
    return FrameSources.of(h, frames, notes);
  }

  /**
   * An OSZICAR: one frame per ionic step, atoms and cell of the CONTCAR (else POSCAR) beside it. An MD
   * OSZICAR states no time: with {@code --timestep-fs} frame {@code i} is at {@code i × dt}; else at {@code i ×} POTIM from
   * the OUTCAR, vasprun.xml or INCAR beside it (one line per MD step); without either, at {@code i} fs, with a {@link
   * Warning.Input#ASSUMED} note saying so.
   */
  static FrameSource oszicar(Path file, ReadOptions options) {
    OszicarReader.Result r = OszicarReader.read(file, options);
    Path poscar = VaspSiblings.of(file).structure();
    if (poscar == null) {
      throw new MissingInputException(file + ": a POSCAR or CONTCAR beside the OSZICAR is needed for the atoms and cell");
    }
    PoscarReader.Structure s = PoscarReader.read(poscar, options);
    List<Warning> notes = new ArrayList<>();
    // the only warning an OSZICAR reader raises is a last line cut short
    r.warnings().forEach(w -> notes.add(new Warning(Warning.Input.INCOMPLETE, w)));
    List<Frame> frames = new ArrayList<>();
    for (EnergyStep x : r.steps()) {
      frames.add(new Frame(x.step(), Double.NaN, s.frame().cell(), new double[0], null, null, x.energies()));
    }
    TrajectoryHeader h = new TrajectoryHeader(file.toString(), OszicarReader.FORMAT, "VASP", s.header().atoms(), s.frame().cell(),
        Double.NaN, null, false, List.of(), r.molecularDynamics());
    FrameSource src = FrameSources.of(h, frames, notes);
    if (!r.molecularDynamics()) {
      return src;
    }
    if (!Double.isNaN(options.timestepFs())) {
      return FrameSources.retimed(src, options.timestepFs());
    }
    OszicarReader.StepTime potim = OszicarReader.stepTime(file);
    if (!Double.isNaN(potim.fs())) {
      potim.warnings().forEach(w -> notes.add(new Warning(Warning.Input.CONFLICT, w)));
      return FrameSources.retimed(FrameSources.of(h.withStepsPerFrame(1), frames, notes), potim.fs(), potim.source());
    }
    notes.add(new Warning(Warning.Input.ASSUMED, "MD OSZICAR without --timestep-fs: equilibration is counted in steps of 1 fs"));
    FrameSource counted = FrameSources.retimed(FrameSources.of(h, frames, notes), 1.0);
    return FrameSources.withHeader(counted, h);
  }

  /** Whether the input gives a position for every atom of the log, with the same atoms per element. */
  private static boolean inputHolds(org.interphase.parsers.cp2k.Cp2kInput in, Map<String, Integer> composition) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    in.coordElements().forEach(e -> counts.merge(e, 1, Integer::sum));
    return counts.equals(composition) && in.coordPositionsA().length == 3 * in.coordElements().size();
  }

  private static AtomTable atomsOf(Map<String, Integer> composition) {
    List<String> symbols = new ArrayList<>(composition.keySet());
    int[] counts = symbols.stream().mapToInt(composition::get).toArray();
    return AtomTable.ofBlocks(symbols, counts);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
