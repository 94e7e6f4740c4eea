package org.interphase.parsers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.EnergyStep;
import org.interphase.parsers.cp2k.Cp2kCellReader;
import org.interphase.parsers.cp2k.Cp2kEnerReader;
import org.interphase.parsers.cp2k.Cp2kInput;
import org.interphase.parsers.cp2k.Cp2kKinds;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.cp2k.Cp2kLogRun;
import org.interphase.parsers.cp2k.Cp2kSteps;
import org.interphase.parsers.cp2k.Cp2kXyzReader;
import org.interphase.parsers.cp2k.XyzBlock;
import org.interphase.parsers.vasp.OszicarReader;

/** The {@link FileFacts} of the formats without positions, one method per format family; the registry names them. */
final class FileFactsReader {
  private FileFactsReader() {}

  /** A CP2K {@code .ener}. */
  static FileFacts ener(Path path, ReadOptions options) {
    Cp2kEnerReader.Result r = Cp2kEnerReader.read(path, options.strict());
    return energies(path, "cp2k-ener", "CP2K", r.steps(), r.warnings(), " Time[fs] column", options);
  }

  /** A VASP OSZICAR. */
  static FileFacts energies(Path path, ReadOptions options) {
    OszicarReader.Result r = OszicarReader.read(path, options);
    FileFacts x = energies(path, OszicarReader.FORMAT, "VASP", r.steps(), r.warnings(), "", options);
    if (r.molecularDynamics()) {
      OszicarReader.StepTime potim = OszicarReader.stepTime(path);
      if (!Double.isNaN(x.timestepFs()) || Double.isNaN(potim.fs())) {
        return x;
      }
      List<String> warnings = new ArrayList<>(x.warnings());
      warnings.addAll(potim.warnings());
      return new FileFacts(x.path(), x.format(), x.program(), x.atoms(), x.species(), x.kinds(), x.frames(), potim.fs(),
          potim.source(), x.variableCell(), x.cell(), x.cellLast(), x.hasEnergies(), x.hasForces(), warnings, x.notes());
    }
    if (r.steps().size() < 2) {
      return x;
    }
    return new FileFacts(x.path(), x.format(), x.program(), x.atoms(), x.species(), x.kinds(), x.frames(), x.timestepFs(),
        x.timestepSource(), x.variableCell(), x.cell(), x.cellLast(), x.hasEnergies(), x.hasForces(), x.warnings(), x.notes(),
        "relaxation or NEB steps: F= lines without T=");
  }

  /** Why a CP2K run type is not MD ({@code "run type GEO_OPT"}), or {@code null} for MD or an unknown run type. */
  static String notMd(String runType) {
    return runType == null || runType.equals("MD") || runType.equals("MOLECULAR_DYNAMICS") ? null : "run type " + runType;
  }

  /** Energies per step: a user's time step (this is a summary, not a reader) or the step between the first two times. */
  private static FileFacts energies(Path path, String format, String program, List<EnergyStep> steps, List<String> warnings,
      String timeColumn, ReadOptions options) {
    double dt = options.timestepFs();
    String source = Double.isNaN(dt) ? null : "command line --timestep-fs";
    if (Double.isNaN(dt) && steps.size() > 1 && steps.get(1).timeFs() > steps.get(0).timeFs()) {
      dt = steps.get(1).timeFs() - steps.get(0).timeFs();
      source = path.getFileName() + timeColumn;
    }
    return new FileFacts(path.toString(), format, program, null, Map.of(), Map.of(), steps.size(), dt, source, false, null, null,
        !steps.isEmpty(), false, warnings, List.of("energies only (no positions)"));
  }

  /** A CP2K {@code .cell}. */
  static FileFacts cells(Path path, ReadOptions options) {
    Cp2kSteps order = Cp2kSteps.of(path, Cp2kSteps.Kind.CELL, options.strict());
    Cell first = null;
    Cell last = null;
    boolean variable = false;
    try (Cp2kCellReader r = Cp2kCellReader.open(path)) {
      for (Cp2kCellReader.Row row = r.next(); row != null; row = r.next()) {
        if (!order.kept(r.rowsRead() - 1)) {
          continue;
        }
        if (first == null) {
          first = row.cell();
        } else {
          variable |= !row.cell().approxEquals(first, 1e-9);
        }
        last = row.cell();
      }
    }
    double dt = order.timeBetweenRecordsFs();
    List<String> warnings = order.warning() == null ? List.of() : List.of(order.warning());
    return new FileFacts(path.toString(), "cp2k-cell", "CP2K", null, Map.of(), Map.of(), order.keptCount(), dt,
        Double.isNaN(dt) ? null : path.getFileName() + " Time [fs] column", variable, first, variable ? last : null, false, false, warnings,
        List.of("cells only (no positions)"));
  }

  /** A CP2K {@code -vel-} or {@code -frc-} file. */
  static FileFacts values(Path path, String format, Cp2kXyzReader.Quantity q, ReadOptions options) {
    boolean velocities = q == Cp2kXyzReader.Quantity.VELOCITIES;
    Cp2kSteps order = Cp2kSteps.of(path, velocities ? Cp2kSteps.Kind.VELOCITIES : Cp2kSteps.Kind.FORCES, options.strict());
    boolean any = false;
    AtomTable atoms = null;
    boolean energies = false;
    Cp2kKinds kinds = Cp2kKinds.beside(path);
    try (Cp2kXyzReader r = Cp2kXyzReader.open(path, q)) {
      for (XyzBlock b = r.next(); b != null; b = r.next()) {
        if (!order.kept(r.framesRead() - 1)) {
          continue;
        }
        if (atoms == null && b.hasValues()) {
          atoms = kinds.table(b.labels(), r.source(), b.line() + 2);
        }
        any |= b.hasValues();
        energies |= !Double.isNaN(b.energyEv());
      }
    }
    double dt = order.timeBetweenRecordsFs();
    boolean replica = path.getFileName().toString().contains("-Replica_nr_");
    List<String> notes = List.of(!any ? (energies ? "energies only (frame headers without per-atom lines)" : "frame headers only")
        : velocities ? "velocities only (Å/fs)" : "forces only (eV/Å)");
    List<String> warnings = new ArrayList<>(kinds.warnings());
    if (order.warning() != null) {
      warnings.add(order.warning());
    }
    if (!any && !replica) { // CP2K 2023 writes a BAND replica's force file so; the note says what it holds
      warnings.add("the file has frame headers but no per-atom lines");
    }
    Map<String, Integer> kindCounts = atoms != null && atoms.hasKinds() ? new LinkedHashMap<>(atoms.kindCounts()) : Map.of();
    return new FileFacts(path.toString(), format, "CP2K", atoms == null ? null : atoms.size(),
        atoms == null ? Map.of() : new LinkedHashMap<>(atoms.speciesCounts()), kindCounts, order.keptCount(), dt,
        Double.isNaN(dt) ? null : path.getFileName() + " time = column", false, null, null, energies, any && !velocities, warnings, notes,
        replica ? "CP2K BAND: a replica's iterations" : null);
  }

  /** A CP2K main log. */
  static FileFacts log(Path path) {
    Cp2kLogRun run = Cp2kLogRun.read(path);
    Cp2kLog log = run.log();
    List<String> warnings = new ArrayList<>(run.warnings());
    if (!log.endedNormally()) {
      warnings.add("no \"PROGRAM ENDED AT\": the run crashed, was killed or is still running");
    }
    long frames = !log.mdSteps().isEmpty() ? log.mdSteps().size() : log.singlePointEnergiesEv().size();
    boolean variable = log.mdCells().stream().filter(c -> c != null).distinct().count() > 1;
    List<String> notes = new ArrayList<>();
    notes.add("run type " + log.runType() + (log.ensemble() == null ? "" : ", ensemble " + log.ensemble()));
    if (run.compositionSource() != null) {
      notes.add("atoms from " + run.compositionSource());
    }
    if (run.cellSource() != null) {
      notes.add("cell from " + run.cellSource());
    }
    int total = run.composition().values().stream().mapToInt(Integer::intValue).sum();
    Integer atoms = total > 0 ? Integer.valueOf(total) : log.atoms() < 0 ? null : Integer.valueOf(log.atoms());
    Cell last = null;
    if (variable) {
      for (Cell c : log.mdCells()) {
        last = c != null ? c : last;
      }
    }
    return new FileFacts(path.toString(), "cp2k-log", log.version() == null ? "CP2K" : "CP2K " + log.version(), atoms,
        new LinkedHashMap<>(run.composition()), new LinkedHashMap<>(run.kinds()), frames, log.timestepFs(),
        Double.isNaN(log.timestepFs()) ? null : path.getFileName() + " " + log.timestepLabel(), variable, run.cell(), last, frames > 0,
        log.lastForcesEvPerA() != null, warnings, notes, notMd(log.runType()));
  }

  /** A CP2K input. */
  static FileFacts input(Path path) {
    Cp2kInput in = Cp2kInput.read(path);
    double dt = in.timestepFs() * in.trajectoryStride();
    return new FileFacts(path.toString(), "cp2k-input", "CP2K", null, Map.of(), Map.of(), 0, dt, Double.isNaN(dt) ? null : "cp2k-input",
        false, in.cell(), null, false, false, List.of(), List.of("input of project " + in.project() + ", run type " + in.runType()),
        notMd(in.runType()));
  }
}
