package org.interphase.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.interphase.core.Cell;
import org.interphase.core.Warning;
import org.interphase.core.view.Document;
import org.interphase.core.view.Views;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.RunDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase info PATH…}: what a file or run holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show what files or run directories hold: atoms, species, frames, "
    + "time step, cell, energies, forces.")
final class InfoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or run directories.")
  List<Path> paths;

  /**
   * Lists every path. One path that cannot be read is the one-line error and exit code it always was.
   * Of several paths, and of the files of a folder, every readable one is listed and a file that cannot
   * be read never stops the listing: it is listed as not read, and each one that a reader could not read
   * (damaged, missing, not a format Interphase reads when named on the command line) gives one line
   * {@code interphase: file: reason} on stderr; the exit code is then that of the first such file, as
   * {@code info} on that file alone would give it. A file known as a run's companion that Interphase does
   * not read ({@link FormatRegistry#otherFileKind}: INCAR, KPOINTS, a job script, CP2K's {@code .stress}
   * log, a {@code coord.xyz} that a CP2K input includes into {@code &COORD}) is, among several paths,
   * listed with what it is, as in a folder, and is not a failure; alone it is the one-line error (exit 2).
   */
  @Override
  public Integer call() {
    ReadOptions options = input.toReadOptions().withCellOptional(true);
    List<FileSummary> summaries = new ArrayList<>();
    Scan scan = new Scan();
    for (Path p : paths) {
      try {
        summaries.addAll(summarise(p, options, scan));
      } catch (RuntimeException e) {
        if (paths.size() == 1 || isUsage(e)) {
          throw e;
        }
        java.util.Optional<String> known = e instanceof UnsupportedFormatException && input.format == null ? FormatRegistry.otherFileKind(p)
            : java.util.Optional.empty();
        if (known.isPresent()) {
          // a run's companion (INCAR, a CP2K .stress log, a &COORD include), as `info run/*` names them: listed as in a folder, not a failure
          scan.others.add(new OtherFile(p.toString(), known.get()));
        } else {
          scan.notRead(p, e);
        }
      }
    }
    List<Warning> warnings = new ArrayList<>();
    for (FileSummary s : summaries) {
      s.warnings().forEach(w -> warnings.add(Warning.of(Located.warning(s.path(), w))));
    }
    Document root = new Document();
    Document.Items files = root.array("files");
    summaries.forEach(s -> files.add(toJson(s)));
    Document.Items other = root.array("other_files");
    scan.others.forEach(o -> other.addObject().put("path", o.path()).put("kind", o.kind()));
    List<String> text = new ArrayList<>();
    summaries.forEach(s -> text.addAll(text(s)));
    for (OtherFile o : scan.others) {
      text.add(o.path());
      text.add("  not read    " + o.kind());
    }
    ResultWriter.emit(spec, new Views("info", root, List.of(), List.of(), List.of(), text, warnings), null, json);
    java.io.PrintWriter err = spec.commandLine().getErr();
    scan.failures.forEach(f -> err.println("interphase: " + f.line()));
    err.flush();
    return scan.failures.isEmpty() ? 0 : scan.failures.get(0).exitCode();
  }

  /** A wrong option (not a file's fault, e.g. {@code --elements} that fits no file): it stops the command, as always. */
  private static boolean isUsage(RuntimeException e) {
    return e instanceof IllegalArgumentException && !(e instanceof org.interphase.core.InterphaseException);
  }

  /**
   * A file that was not read although it was given or taken as data.
   *
   * @param line {@code file: reason} (or {@code file:line: reason}), the line {@code info} on it alone prints
   * @param exitCode the exit code {@code info} on it alone gives
   */
  record Failure(String line, int exitCode) {}

  /** What a listing found besides the summaries: the files not read, and which of them failed. */
  static final class Scan {
    final List<OtherFile> others = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    /** the first error met, thrown when a folder gives nothing else; null when none */
    RuntimeException first;

    /** Records {@code file}, which could not be read for {@code e}: listed with its reason, and a failure. */
    void notRead(Path file, RuntimeException e) {
      listed(file, e);
      String m = Interphase.message(e);
      failures.add(new Failure(m.startsWith(file.toString()) ? m : Located.warning(file.toString(), m), Interphase.exitCode(e)));
    }

    /** Lists {@code file} as not read, with the reason of {@code e}, without making it a failure. */
    void listed(Path file, RuntimeException e) {
      others.add(new OtherFile(file.toString(), reason(file, e)));
      first = first == null ? e : first;
    }
  }

  /**
   * A file of a scanned folder that is not read: an input, script or log known by name, or a file
   * whose content is not a format Interphase reads.
   *
   * @param kind what it is, e.g. {@code "VASP input (INCAR)"} or {@code "not recognised"}
   */
  record OtherFile(String path, String kind) {}

  /**
   * A directory becomes its runs: a CP2K MD or BAND run or a VASP NEB as one entry each, the files of
   * a VASP run one by one (the files of the folder Interphase does not read go to {@code scan}). A run
   * or file of the folder that fails to read is listed in {@code scan} with its reason and the others
   * are still read; only a folder where nothing could be read throws (the first failure). A file stays
   * itself.
   */
  private static List<FileSummary> summarise(Path p, ReadOptions options, Scan scan) {
    if (!Files.exists(p)) {
      throw new MissingInputException(p + ": no such file or directory");
    }
    if (!Files.isDirectory(p)) {
      return List.of(FileSummary.of(p, options));
    }
    Scan here = new Scan();
    List<FileSummary> out = new ArrayList<>();
    for (RunDiscovery.Run run : RunDiscovery.discover(p)) {
      try {
        switch (run.kind()) {
          case VASP_NEB -> out.add(FileSummary.neb(run.primary(), options));
          case VASP_MD -> out.addAll(vaspFiles(p, options, here));
          default -> out.add(FileSummary.of(run.primary(), options));
        }
      } catch (RuntimeException e) {
        if (isUsage(e)) {
          throw e;
        }
        if (run.kind() == RunDiscovery.RunKind.TRAJECTORY && (e instanceof MalformedInputException || e instanceof UnsupportedFormatException)) {
          // a folder of separate trajectory files: a damaged one is listed with its reason, the others are still shown
          here.listed(run.primary(), e);
        } else {
          here.notRead(run.primary(), e);
        }
      }
    }
    if (out.isEmpty() && here.first != null) {
      throw here.first;
    }
    if (out.isEmpty()) {
      // a folder of VASP files without a trajectory (POSCAR, CONTCAR, OSZICAR beside INCAR and KPOINTS)
      out.addAll(vaspFiles(p, options, here));
      if (out.isEmpty() && here.first != null) {
        throw here.first;
      }
    }
    if (out.isEmpty()) {
      throw new UnsupportedFormatException(p + ": no run Interphase reads in this directory (VASP, CP2K, or a LAMMPS dump, extended XYZ "
          + "or H5MD file by its name)");
    }
    scan.others.addAll(here.others);
    scan.failures.addAll(here.failures);
    return out;
  }

  /**
   * The VASP files of a run folder, each summarised. A file known by name as something Interphase
   * does not read (INCAR, KPOINTS, POTCAR, job scripts, Slurm logs) or whose content matches no
   * format is listed in {@code others}; so is a file that cannot even be looked at (a truncated or
   * corrupt compressed file) and a file taken for a VASP format by its content alone (not its name)
   * that then fails to read. None of these aborts the listing; a file named as a VASP format that is
   * damaged does not either, but it is a failure of the listing ({@link Scan#notRead}: exit 3). A forced
   * {@code --format} applies only to the files that are candidates for it (its name glob or its
   * content), never to a file known by name as something else.
   */
  private static List<FileSummary> vaspFiles(Path dir, ReadOptions options, Scan scan) {
    List<OtherFile> others = scan.others;
    FormatRegistry.Format forced = options.format() == null ? null : FormatRegistry.byName(options.format());
    ReadOptions detected = options.withFormat(null);
    List<FileSummary> found = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    for (Path f : files) {
      FormatRegistry.Format format;
      ReadOptions opts = detected;
      try {
        if (forced != null && FormatRegistry.isCandidate(forced, f)) {
          format = forced;
          opts = options;
        } else {
          format = FormatRegistry.detect(f, detected);
        }
      } catch (UnsupportedFormatException e) {
        others.add(new OtherFile(f.toString(), FormatRegistry.otherFileKind(f).orElse("not recognised")));
        continue;
      } catch (RuntimeException e) {
        // one unreadable file (a truncated notes.txt.gz) is listed, not fatal to the listing
        others.add(new OtherFile(f.toString(), "not recognised (" + reason(f, e) + ")"));
        continue;
      }
      if (!format.program().equals("VASP")) {
        // CP2K files are listed as their runs
        continue;
      }
      boolean named = FormatRegistry.matchesName(format, f);
      try {
        found.add(FileSummary.of(f, opts));
      } catch (MalformedInputException e) {
        if (named) {
          scan.notRead(f, e);
          continue;
        }
        others.add(new OtherFile(f.toString(), "not recognised (its start looks like a " + format.description()
            + ", but " + e.getMessage() + ")"));
      } catch (IllegalArgumentException e) {
        // the user's options (--elements) are wrong: not this file's fault
        throw e;
      } catch (RuntimeException e) {
        others.add(new OtherFile(f.toString(), "not recognised (" + reason(f, e) + ")"));
      }
    }
    return found;
  }

  /** Why a file could not be looked at, without repeating its path ({@code path:12: …} becomes {@code line 12: …}). */
  private static String reason(Path f, RuntimeException e) {
    String m = Interphase.message(e);
    String path = f.toString();
    while (m.startsWith(path + ": ")) {
      m = m.substring(path.length() + 2);
    }
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("(\\d+): ").matcher(m);
    if (m.startsWith(path + ":") && line.region(path.length() + 1, m.length()).lookingAt()) {
      m = "line " + line.group(1) + ": " + m.substring(line.end());
    }
    return m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  static Document toJson(FileSummary s) {
    Document o = new Document();
    o.put("path", s.path()).put("format", s.format()).put("program", s.program()).put("atoms", s.atoms());
    Document sp = o.object("species");
    s.species().forEach(sp::put);
    o.put("frames", s.frames());
    if (!s.kinds().isEmpty()) {
      Document k = o.object("kinds");
      s.kinds().forEach(k::put);
    }
    o.put("timestep_fs", s.timestepFs()).put("timestep_source", s.timestepSource()).put("variable_cell", s.variableCell());
    o.put("cell", cell(s.cell()));
    if (s.variableCell() && s.cellLast() != null) {
      o.put("cell_last", cell(s.cellLast()));
    }
    o.put("has_energies", s.hasEnergies()).put("has_forces", s.hasForces()).put("warnings", s.warnings());
    return o;
  }

  /**
   * The time step line of {@code info}: the time between the file's frames, and only where it has frames that the files do not say
   * are something other than MD steps. An input's time step is that of the run it describes (it holds no frames); a run the files
   * say is not MD (a CP2K GEO_OPT or BAND, a VASP relaxation) has none, and no advice to pass one.
   */
  static String timeStepText(FileSummary s) {
    String from = s.timestepSource() == null ? "" : " (from " + s.timestepSource() + ")";
    String notMd = s.notDynamics() == null ? null : "none: not MD (" + s.notDynamics() + ")";
    if (s.input()) {
      return notMd != null ? notMd : Double.isNaN(s.timestepFs()) ? "none (an input holds no frames)"
          : String.format(Locale.ROOT, "%.4g fs between the frames of the MD run it describes (input; it holds no frames)",
              s.timestepFs());
    }
    if (!Double.isNaN(s.timestepFs())) {
      String text = String.format(Locale.ROOT, "%.4g fs between frames%s", s.timestepFs(), from);
      return s.notDynamics() == null ? text : text + "; the files say the frames are not MD steps (" + s.notDynamics() + ")";
    }
    if (notMd != null) {
      return notMd;
    }
    if (s.frames() > 1 && FormatRegistry.byName(s.format()).kind() == FormatRegistry.Kind.VALUES) {
      // forces or velocities per step: their time, and whether they are MD steps, are those of the run's positions
      return "that of the run's positions (the -pos- file beside it, which info reads with the time and run type)";
    }
    if (s.frames() == 0) {
      return "none (no frames)";
    }
    return s.frames() == 1 ? "none (a single structure)"
        : "unknown: the files state none; for MD, pass --timestep-fs with the time between stored frames";
  }

  /** The cell's rows a, b, c in Å, or null. */
  private static List<double[]> cell(Cell cell) {
    return cell == null ? null : List.of(cell.toMatrix());
  }

  private static List<String> text(FileSummary s) {
    List<String> out = new ArrayList<>();
    out.add(s.path());
    out.add(String.format(Locale.ROOT, "  format      %s (%s)", s.format(), s.program()));
    if (s.atoms() != null) {
      out.add(String.format(Locale.ROOT, "  atoms       %d%s", s.atoms(), s.species().isEmpty() ? "" : "  " + s.species()));
    }
    boolean band = s.format().contains("neb") || s.format().contains("band"); // a band's frames are its images, not a time series
    out.add(String.format(Locale.ROOT, band ? "  images      %d" : "  frames      %d%s", s.frames(), s.input() ? " (an input file)" : ""));
    if (!s.kinds().isEmpty()) {
      out.add(String.format(Locale.ROOT, "  kinds       %s", s.kinds()));
    }
    out.add("  time step   " + (band ? "none (the images of a band)" : timeStepText(s)));
    Cell c = s.cell();
    if (c == null && s.cellAdvice() != null) {
      out.add("  cell        unknown: " + s.cellAdvice());
    }
    if (c != null) {
      double[] l = c.lengthsA();
      double[] a = c.anglesDeg();
      out.add(String.format(Locale.ROOT, "  cell        a=%.4f b=%.4f c=%.4f Å  α=%.2f β=%.2f γ=%.2f°  V=%.3f Å³%s", l[0], l[1], l[2], a[0],
          a[1], a[2], c.volumeA3(), s.variableCell() ? "  (first frame; the cell varies)" : ""));
    }
    Cell cl = s.cellLast();
    if (s.variableCell() && cl != null) {
      double[] l = cl.lengthsA();
      double[] a = cl.anglesDeg();
      out.add(String.format(Locale.ROOT, "  last cell   a=%.4f b=%.4f c=%.4f Å  α=%.2f β=%.2f γ=%.2f°  V=%.3f Å³", l[0], l[1], l[2], a[0],
          a[1], a[2], cl.volumeA3()));
    }
    out.add(String.format(Locale.ROOT, "  energies    %s   forces %s", s.hasEnergies() ? "yes (eV)" : "no", s.hasForces() ? "yes (eV/Å)" : "no"));
    for (String n : s.notes()) {
      out.add("  note        " + n);
    }
    // the warnings go to stderr with the file's name, as every command's do (listed here too, a terminal showed each twice)
    return out;
  }
}
