package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.EnergyStep;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
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
import org.interphase.parsers.vasp.VaspNeb;

/**
 * What {@code info} reports of one file or run: the DESIGN.md keys. Built by reading the whole file
 * once, streaming.
 */
record FileSummary(String path, String format, String program, Integer atoms, Map<String, Integer> species,
    Map<String, Integer> kinds, long frames, double timestepFs, String timestepSource, boolean variableCell, Cell cell, Cell cellLast,
    boolean hasEnergies, boolean hasForces, List<String> warnings, List<String> notes) {

  /** A summary without kind labels or a last cell; the time step, when known, is from the file itself. */
  FileSummary(String path, String format, String program, Integer atoms, Map<String, Integer> species, long frames,
      double timestepFs, boolean variableCell, Cell cell, boolean hasEnergies, boolean hasForces, List<String> warnings,
      List<String> notes) {
    this(path, format, program, atoms, species, Map.of(), frames, timestepFs, Double.isNaN(timestepFs) ? null : format, variableCell,
        cell, null, hasEnergies, hasForces, warnings, notes);
  }

  static FileSummary of(Path path, ReadOptions options) {
    FormatRegistry.Format f = FormatRegistry.detect(path, options);
    return switch (f.kind()) {
      case TRAJECTORY -> trajectory(path, f, options);
      case ENERGIES -> energies(path, f, options);
      case CELLS -> cells(path, f, options);
      case VALUES -> values(path, f, options);
      case LOG -> log(path, f);
      case INPUT -> input(path, f);
    };
  }

  static FileSummary neb(Path dir, ReadOptions options) {
    VaspNeb neb = VaspNeb.read(dir, options);
    boolean energies = neb.images().stream().allMatch(i -> !Double.isNaN(i.energies().potentialEv()));
    boolean forces = neb.images().stream().allMatch(Frame::hasForces);
    List<String> notes = new ArrayList<>(neb.sources());
    return new FileSummary(dir.toString(), "vasp-neb", "VASP", neb.atoms().size(), new LinkedHashMap<>(neb.atoms().speciesCounts()),
        neb.images().size(), Double.NaN, false, neb.images().get(0).cell(), energies, forces, neb.warnings(), notes);
  }

  private static FileSummary trajectory(Path path, FormatRegistry.Format f, ReadOptions options) {
    try (FrameSource src = f.opener().apply(path, options)) {
      long frames = 0;
      boolean energies = false;
      boolean forces = false;
      Cell first = null;
      Cell last = null;
      boolean variable = false;
      while (src.hasNext()) {
        Frame fr = src.next();
        if (frames == 0) {
          first = fr.cell();
        } else if (first != null && fr.cell() != null && !fr.cell().approxEquals(first, 1e-9)) {
          variable = true;
        }
        last = fr.cell();
        energies |= fr.energies().hasAny();
        forces |= fr.hasForces();
        frames++;
      }
      TrajectoryHeader h = src.header();
      Map<String, Integer> kinds = h.atoms().hasKinds() ? new LinkedHashMap<>(h.atoms().kindCounts()) : Map.of();
      return new FileSummary(path.toString(), f.name(), h.program(), h.atoms().size(), new LinkedHashMap<>(h.atoms().speciesCounts()),
          kinds, frames, h.timestepFs(), h.timestepSource(), variable, first != null ? first : h.firstCell(), variable ? last : null,
          energies, forces, new ArrayList<>(src.warnings()), h.notes());
    }
  }

  private static FileSummary energies(Path path, FormatRegistry.Format f, ReadOptions options) {
    List<EnergyStep> steps;
    List<String> warnings;
    if (f.name().equals("cp2k-ener")) {
      Cp2kEnerReader.Result r = Cp2kEnerReader.read(path, options.strict());
      steps = r.steps();
      warnings = r.warnings();
    } else {
      OszicarReader.Result r = OszicarReader.read(path, options);
      steps = r.steps();
      warnings = r.warnings();
    }
    double dt = options.timestepFs();
    String source = Double.isNaN(dt) ? null : "command line --timestep-fs";
    if (Double.isNaN(dt) && steps.size() > 1 && steps.get(1).timeFs() > steps.get(0).timeFs()) {
      dt = steps.get(1).timeFs() - steps.get(0).timeFs();
      source = path.getFileName() + (f.name().equals("cp2k-ener") ? " Time[fs] column" : "");
    }
    return new FileSummary(path.toString(), f.name(), f.program(), null, Map.of(), Map.of(), steps.size(), dt, source, false, null, null,
        !steps.isEmpty(), false, warnings, List.of("energies only (no positions)"));
  }

  private static FileSummary cells(Path path, FormatRegistry.Format f, ReadOptions options) {
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
    return new FileSummary(path.toString(), f.name(), "CP2K", null, Map.of(), Map.of(), order.keptCount(), dt,
        Double.isNaN(dt) ? null : path.getFileName() + " Time [fs] column", variable, first, variable ? last : null, false, false, warnings,
        List.of("cells only (no positions)"));
  }

  private static FileSummary values(Path path, FormatRegistry.Format f, ReadOptions options) {
    Cp2kXyzReader.Quantity q = f.name().equals("cp2k-vel") ? Cp2kXyzReader.Quantity.VELOCITIES : Cp2kXyzReader.Quantity.FORCES;
    Cp2kSteps order = Cp2kSteps.of(path, q == Cp2kXyzReader.Quantity.VELOCITIES ? Cp2kSteps.Kind.VELOCITIES : Cp2kSteps.Kind.FORCES,
        options.strict());
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
    List<String> notes = List.of(q == Cp2kXyzReader.Quantity.VELOCITIES ? "velocities only (Å/fs)" : "forces only (eV/Å)");
    List<String> warnings = new ArrayList<>(kinds.warnings());
    if (order.warning() != null) {
      warnings.add(order.warning());
    }
    if (!any) {
      warnings.add("the file has frame headers but no per-atom lines (CP2K BAND force files)");
    }
    Map<String, Integer> kindCounts = atoms != null && atoms.hasKinds() ? new LinkedHashMap<>(atoms.kindCounts()) : Map.of();
    return new FileSummary(path.toString(), f.name(), "CP2K", atoms == null ? null : atoms.size(),
        atoms == null ? Map.of() : new LinkedHashMap<>(atoms.speciesCounts()), kindCounts, order.keptCount(), dt,
        Double.isNaN(dt) ? null : path.getFileName() + " time = column", false, null, null, energies,
        any && q == Cp2kXyzReader.Quantity.FORCES, warnings, notes);
  }

  private static FileSummary log(Path path, FormatRegistry.Format f) {
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
    return new FileSummary(path.toString(), f.name(), log.version() == null ? "CP2K" : "CP2K " + log.version(), atoms,
        new LinkedHashMap<>(run.composition()), new LinkedHashMap<>(run.kinds()), frames, log.timestepFs(),
        Double.isNaN(log.timestepFs()) ? null : path.getFileName() + " " + log.timestepLabel(), variable, run.cell(), last, frames > 0,
        log.lastForcesEvPerA() != null, warnings, notes);
  }

  private static FileSummary input(Path path, FormatRegistry.Format f) {
    Cp2kInput in = Cp2kInput.read(path);
    return new FileSummary(path.toString(), f.name(), "CP2K", null, Map.of(), 0, in.timestepFs() * in.trajectoryStride(), false,
        in.cell(), false, false, List.of(), List.of("input of project " + in.project() + ", run type " + in.runType()));
  }
}
