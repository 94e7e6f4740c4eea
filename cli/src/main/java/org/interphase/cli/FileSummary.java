package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.parsers.FileFacts;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.vasp.VaspNeb;

/**
 * What {@code info} reports of one file or run: the DESIGN.md keys. Built by reading the whole file
 * once, streaming.
 *
 * @param cellAdvice when the files give no cell: how to give it (the reader's words), else null
 * @param notDynamics why the files say the frames are not MD steps (e.g. {@code "run type GEO_OPT"}), else null
 * @param input whether the file is a program's input (a CP2K input or restart): it holds no frames, its time step is that of the run
 *     it describes
 */
record FileSummary(String path, String format, String program, Integer atoms, Map<String, Integer> species,
    Map<String, Integer> kinds, long frames, double timestepFs, String timestepSource, boolean variableCell, Cell cell, Cell cellLast,
    boolean hasEnergies, boolean hasForces, List<String> warnings, List<String> notes, String cellAdvice, String notDynamics,
    boolean input) {

  /** A summary without kind labels or a last cell; the time step, when known, is from the file itself. */
  FileSummary(String path, String format, String program, Integer atoms, Map<String, Integer> species, long frames,
      double timestepFs, boolean variableCell, Cell cell, boolean hasEnergies, boolean hasForces, List<String> warnings,
      List<String> notes) {
    this(path, format, program, atoms, species, Map.of(), frames, timestepFs, Double.isNaN(timestepFs) ? null : format, variableCell,
        cell, null, hasEnergies, hasForces, warnings, notes, null, null, false);
  }

  /**
   * The summary of a file. With {@link ReadOptions#cellOptional()} (as {@code info} reads) a file whose
   * cell is nowhere to be found is still summarised, with {@link #cellAdvice} and a warning.
   */
  static FileSummary of(Path path, ReadOptions options) {
    FormatRegistry.Format f = FormatRegistry.detect(path, options);
    if (f.summary() != null) {
      FileFacts x = f.summary().apply(path, options);
      return new FileSummary(x.path(), x.format(), x.program(), x.atoms(), x.species(), x.kinds(), x.frames(), x.timestepFs(),
          x.timestepSource(), x.variableCell(), x.cell(), x.cellLast(), x.hasEnergies(), x.hasForces(), x.warnings(), x.notes(), null,
          x.notDynamics(), f.kind() == FormatRegistry.Kind.INPUT);
    }
    return trajectory(path, f, options);
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
    try (FrameSource src = f.open(path, options)) {
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
      String advice = null;
      List<String> warnings = new ArrayList<>();
      for (Warning w : src.warnings()) {
        if (w.kind() == Warning.Input.NO_CELL) {
          advice = w.text();
          warnings.add("no cell: " + w.text());
        } else {
          warnings.add(w.text());
        }
      }
      Cell cell = first != null ? first : h.firstCell();
      return new FileSummary(path.toString(), f.name(), h.program(), h.atoms().size(), new LinkedHashMap<>(h.atoms().speciesCounts()),
          kinds, frames, h.timestepFs(), h.timestepSource(), variable, cell, variable ? last : null,
          energies, forces, warnings, h.notes(), cell == null ? advice : null, h.notDynamics(), false);
    }
  }
}
