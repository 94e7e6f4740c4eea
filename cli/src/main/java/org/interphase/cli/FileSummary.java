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
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.vasp.OszicarReader;

/**
 * What {@code info} reports of one file: the DESIGN.md keys. Built by reading the whole file once,
 * streaming.
 */
record FileSummary(String path, String format, String program, Integer atoms, Map<String, Integer> species, long frames,
    double timestepFs, boolean variableCell, Cell cell, boolean hasEnergies, boolean hasForces, List<String> warnings,
    List<String> notes) {

  static FileSummary of(Path path, ReadOptions options) {
    FormatRegistry.Format f = FormatRegistry.detect(path, options);
    if (f.kind() == FormatRegistry.Kind.ENERGIES) {
      OszicarReader.Result r = OszicarReader.read(path, options);
      return new FileSummary(path.toString(), f.name(), f.program(), null, Map.of(), r.steps().size(), options.timestepFs(),
          false, null, !r.steps().isEmpty(), false, r.warnings(), List.of("energies only (no positions)"));
    }
    try (FrameSource src = f.opener().apply(path, options)) {
      long frames = 0;
      boolean energies = false;
      boolean forces = false;
      Cell first = null;
      boolean variable = false;
      while (src.hasNext()) {
        Frame fr = src.next();
        if (frames == 0) {
          first = fr.cell();
        } else if (first != null && fr.cell() != null && !fr.cell().approxEquals(first, 1e-9)) {
          variable = true;
        }
        energies |= fr.energies().hasAny();
        forces |= fr.hasForces();
        frames++;
      }
      TrajectoryHeader h = src.header();
      return new FileSummary(path.toString(), f.name(), h.program(), h.atoms().size(), new LinkedHashMap<>(h.atoms().speciesCounts()),
          frames, h.timestepFs(), variable || h.variableCell(), first != null ? first : h.firstCell(), energies, forces,
          new ArrayList<>(src.warnings()), h.notes());
    }
  }
}
