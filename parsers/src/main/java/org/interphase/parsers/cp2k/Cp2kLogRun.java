package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;

/**
 * A CP2K main log with what it says about its system: atoms per element and per kind, and the cell,
 * taken from the log itself where it prints them and from the run's input beside it otherwise.
 *
 * <p>Atoms: the log's ATOMIC KIND INFORMATION table with the elements of its coordinate table; else
 * the Element column of its force block; else the input's {@code &COORD} or coordinate file, whose
 * labels are resolved through the {@code &KIND} sections ({@link Cp2kKinds}). Cell: the log's own
 * {@code CELL|} lines (what ran; a restart may have replaced the input's cell), else the input's
 * {@code &CELL}; when both exist and differ by more than the log's precision, a warning names both.
 *
 * @param log the log, read whole (streaming)
 * @param input the run's input, null when none was found beside the log
 * @param composition atoms per element, in order of first appearance; empty when nothing says
 * @param compositionSource where {@code composition} came from, null when empty
 * @param kinds atoms per kind label when some label is not its element (e.g. {@code Sb} declared
 *     {@code ELEMENT S}); empty otherwise
 * @param cell the cell, null when neither the log nor an input gives one
 * @param cellSource where {@code cell} came from, null when unknown
 * @param warnings the log's own warnings and disagreements between the log and the input
 */
public record Cp2kLogRun(Cp2kLog log, Cp2kInput input, Map<String, Integer> composition, String compositionSource,
    Map<String, Integer> kinds, Cell cell, String cellSource, List<String> warnings) {

  /**
   * Reads a log and the input of its project beside it.
   *
   * @throws org.interphase.core.MalformedInputException when the log or the input is malformed
   */
  public static Cp2kLogRun read(Path logPath) {
    Cp2kLog log = Cp2kLog.read(logPath);
    Path dir = logPath.toAbsolutePath().getParent();
    Cp2kInput.Chosen chosenInput = Cp2kInput.forProject(dir, log.project());
    Cp2kInput input = chosenInput == null ? null : chosenInput.input();
    Path inputPath = input == null ? null : input.path();
    String logName = logPath.getFileName().toString();
    List<String> warnings = new ArrayList<>(log.warnings());
    if (input != null) {
      warnings.addAll(input.warnings());
    }
    Cp2kKinds kindRule = Cp2kKinds.of(input, log.head());
    warnings.addAll(kindRule.warnings());

    Map<String, Integer> composition = new LinkedHashMap<>();
    Map<String, Integer> kinds = new LinkedHashMap<>();
    String compositionSource = null;
    if (!log.kinds().isEmpty() && log.kinds().stream().allMatch(k -> k.element() != null)) {
      for (Cp2kLog.Kind k : log.kinds()) {
        String el = kindRule.elementOf(k.name(), logPath.toString(), k.line());
        composition.merge(el, k.atoms(), Integer::sum);
        kinds.merge(k.name(), k.atoms(), Integer::sum);
      }
      compositionSource = "the kind table of " + logName;
    } else if (!log.forceElements().isEmpty()) {
      String[] labels = log.forceElements().toArray(new String[0]);
      AtomTable t = kindRule.table(labels, logPath.toString(), 0);
      composition.putAll(t.speciesCounts());
      compositionSource = "the force table of " + logName;
    } else if (input != null && !input.coordElements().isEmpty()) {
      for (int i = 0; i < input.coordElements().size(); i++) {
        composition.merge(input.coordElements().get(i), 1, Integer::sum);
        kinds.merge(input.coordKinds().get(i), 1, Integer::sum);
      }
      compositionSource = "the coordinates of " + inputPath.getFileName();
    } else if (!log.kinds().isEmpty()) {
      for (Cp2kLog.Kind k : log.kinds()) {
        composition.merge(kindRule.elementOf(k.name(), logPath.toString(), k.line()), k.atoms(), Integer::sum);
        kinds.merge(k.name(), k.atoms(), Integer::sum);
      }
      compositionSource = "the kind names of " + logName + " (no coordinate table: elements as CP2K reduces the names)";
    }
    boolean kindsDiffer = false;
    for (String k : kinds.keySet()) {
      kindsDiffer |= !composition.containsKey(k);
    }
    if (!kindsDiffer) {
      kinds.clear();
    }
    int total = composition.values().stream().mapToInt(Integer::intValue).sum();
    if (log.atoms() > 0 && total > 0 && total != log.atoms()) {
      warnings.add(compositionSource + " lists " + total + " atoms but " + logName + " says \"- Atoms: " + log.atoms() + "\"");
    }

    Cell cell;
    String cellSource;
    Cell inCell = input == null ? null : input.cell();
    if (log.initialCell() != null) {
      cell = log.initialCell();
      cellSource = "the CELL| lines of " + logName;
      if (inCell != null && !inCell.approxEquals(cell, 2e-3)) {
        warnings.add("the cell of " + inputPath.getFileName() + " differs from the CELL| lines of " + logName + " (" + lengths(inCell)
            + " vs " + lengths(cell) + " Å; a run started from a restart file?): the log's is used");
      }
    } else {
      cell = inCell;
      cellSource = inCell == null ? null : "&CELL of " + inputPath.getFileName();
    }
    return new Cp2kLogRun(log, input, java.util.Collections.unmodifiableMap(composition), compositionSource,
        java.util.Collections.unmodifiableMap(kinds), cell, cellSource, List.copyOf(warnings));
  }

  private static String lengths(Cell c) {
    double[] l = c.lengthsA();
    return String.format(java.util.Locale.ROOT, "%.3f %.3f %.3f", l[0], l[1], l[2]);
  }
}
