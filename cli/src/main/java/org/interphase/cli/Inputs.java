package org.interphase.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.interphase.analysis.energetics.EnergySeries;
import org.interphase.core.Analysis;
import org.interphase.core.EnergyRun;
import org.interphase.core.FrameSource;
import org.interphase.core.MissingInputException;
import org.interphase.core.Runner;
import org.interphase.parsers.EnergyRuns;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;

/** Turns what the user named (a file or a run directory) into something to read. */
final class Inputs {
  private Inputs() {}

  /** The trajectory of an MD run: the file itself, or the one MD run in a directory. */
  static FrameSource openTrajectory(Path path, ReadOptions options) {
    return FormatRegistry.open(resolve(path, RunDiscovery.MD, "an MD run"), options);
  }

  /**
   * What one analysis of one trajectory gave, with what the pass read.
   *
   * @param <R> the result type
   */
  record Outcome<R>(R result, Runner.Pass pass) {}

  /**
   * Reads the trajectory at {@code path} once, feeding {@code analysis}, with progress on stderr.
   *
   * @throws RuntimeException what the reader or the analysis threw
   */
  static <R> Outcome<R> analyse(Path path, ReadOptions options, Analysis<R> analysis) {
    return analyse(path, options, analysis, null);
  }

  /**
   * Reads the trajectory at {@code path} once, feeding {@code analysis}, with progress to {@code listener}.
   *
   * @param listener {@code null} for progress on stderr ({@link Progress})
   * @throws RuntimeException what the reader or the analysis threw
   */
  static <R> Outcome<R> analyse(Path path, ReadOptions options, Analysis<R> analysis, Runner.Listener listener) {
    return analyse(path, options, analysis, listener, run -> { });
  }

  /**
   * Reads the trajectory at {@code path} once, feeding {@code analysis} and whatever {@code alongside} adds to the same pass
   * (its caller keeps those slots; their failures stay in them).
   *
   * @param listener {@code null} for progress on stderr ({@link Progress})
   * @throws RuntimeException what the reader or {@code analysis} threw
   */
  static <R> Outcome<R> analyse(Path path, ReadOptions options, Analysis<R> analysis, Runner.Listener listener,
      java.util.function.Consumer<Runner> alongside) {
    try (FrameSource src = openTrajectory(path, options)) {
      Runner run = new Runner(src);
      Runner.Slot<R> slot = run.add(analysis);
      alongside.accept(run);
      Runner.Pass pass = run.run(listener != null ? listener : Progress.of(src));
      try {
        return new Outcome<>(slot.result(), pass);
      } catch (IllegalArgumentException e) {
        // the analysis speaks of frames and atoms; the user needs to know which file they are in
        if (e.getClass() == IllegalArgumentException.class && e.getMessage() != null
            && !e.getMessage().contains(String.valueOf(path.getFileName()))) {
          throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        throw e;
      }
    }
  }

  /**
   * The energies of a calculation (file or run folder) for the interface energy, in one pass: the
   * run with the reader's warnings after its own notes.
   */
  static EnergyRun energyRun(Path path, ReadOptions options, EnergySeries.VaspEnergy vasp) {
    try (FrameSource s = EnergyRuns.open(path, options)) {
      Runner r = new Runner(s);
      Runner.Slot<EnergyRun> slot = r.add(new EnergySeries(vasp));
      Runner.Pass pass = r.run(Runner.Listener.NONE);
      return slot.result().withNotes(pass.warnings());
    }
  }

  /** A file as is; for a directory, the primary file of its one run of the wanted kinds. */
  static Path resolve(Path path, Set<RunDiscovery.RunKind> kinds, String purpose) {
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file or directory");
    }
    if (Files.isDirectory(path)) {
      return RunDiscovery.require(path, kinds, purpose).primary();
    }
    return path;
  }
}
