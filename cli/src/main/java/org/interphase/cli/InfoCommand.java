package org.interphase.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.interphase.core.Cell;
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

  @Override
  public Integer call() {
    ReadOptions options = input.toReadOptions();
    List<FileSummary> summaries = new ArrayList<>();
    List<OtherFile> others = new ArrayList<>();
    for (Path p : paths) {
      summaries.addAll(summarise(p, options, others));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (FileSummary s : summaries) {
      for (String w : s.warnings()) {
        err.println("warning: " + Located.warning(s.path(), w));
      }
    }
    err.flush();
    if (json) {
      ObjectNode root = Json.object();
      ArrayNode files = root.putArray("files");
      summaries.forEach(s -> files.add(toJson(s)));
      ArrayNode other = root.putArray("other_files");
      for (OtherFile o : others) {
        other.addObject().put("path", o.path()).put("kind", o.kind());
      }
      out.println(Json.write(root));
    } else {
      summaries.forEach(s -> printHuman(out, s));
      for (OtherFile o : others) {
        out.println(o.path());
        out.println("  not read    " + o.kind());
      }
    }
    out.flush();
    return 0;
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
   * a VASP run one by one (the files of the folder Interphase does not read go to {@code others}).
   * A file stays itself.
   */
  private static List<FileSummary> summarise(Path p, ReadOptions options, List<OtherFile> others) {
    if (!Files.exists(p)) {
      throw new MissingInputException(p + ": no such file or directory");
    }
    if (!Files.isDirectory(p)) {
      return List.of(FileSummary.of(p, options));
    }
    List<FileSummary> out = new ArrayList<>();
    for (RunDiscovery.Run run : RunDiscovery.discover(p)) {
      switch (run.kind()) {
        case VASP_NEB -> out.add(FileSummary.neb(run.primary(), options));
        case VASP_MD -> out.addAll(vaspFiles(p, options, others));
        default -> out.add(FileSummary.of(run.primary(), options));
      }
    }
    if (out.isEmpty()) {
      // a folder of VASP files without a trajectory (POSCAR, CONTCAR, OSZICAR beside INCAR and KPOINTS)
      List<OtherFile> found = new ArrayList<>();
      out.addAll(vaspFiles(p, options, found));
      if (!out.isEmpty()) {
        others.addAll(found);
      }
    }
    if (out.isEmpty()) {
      throw new UnsupportedFormatException(p + ": no VASP or CP2K run Interphase reads in this directory");
    }
    return out;
  }

  /**
   * The VASP files of a run folder, each summarised. A file known by name as something Interphase
   * does not read (INCAR, KPOINTS, POTCAR, job scripts, Slurm logs) or whose content matches no
   * format is listed in {@code others}; so is a file that cannot even be looked at (a truncated or
   * corrupt compressed file) and a file taken for a VASP format by its content alone (not its name)
   * that then fails to read. None of these aborts the listing; a file named as a VASP format that is
   * damaged does (exit 3). A forced {@code --format} applies only to the files that are candidates
   * for it (its name glob or its content), never to a file known by name as something else.
   */
  private static List<FileSummary> vaspFiles(Path dir, ReadOptions options, List<OtherFile> others) {
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
          throw e;
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

  /** Why a file could not be looked at, without repeating its path. */
  private static String reason(Path f, RuntimeException e) {
    String m = Interphase.message(e);
    String path = f.toString();
    while (m.startsWith(path + ": ")) {
      m = m.substring(path.length() + 2);
    }
    return m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  static ObjectNode toJson(FileSummary s) {
    ObjectNode o = Json.object();
    o.put("path", s.path());
    o.put("format", s.format());
    o.put("program", s.program());
    if (s.atoms() == null) {
      o.putNull("atoms");
    } else {
      o.put("atoms", s.atoms());
    }
    ObjectNode sp = o.putObject("species");
    s.species().forEach(sp::put);
    o.put("frames", s.frames());
    if (!s.kinds().isEmpty()) {
      ObjectNode k = o.putObject("kinds");
      s.kinds().forEach(k::put);
    }
    Json.put(o, "timestep_fs", s.timestepFs());
    if (s.timestepSource() == null) {
      o.putNull("timestep_source");
    } else {
      o.put("timestep_source", s.timestepSource());
    }
    o.put("variable_cell", s.variableCell());
    putCell(o, "cell", s.cell());
    if (s.variableCell() && s.cellLast() != null) {
      putCell(o, "cell_last", s.cellLast());
    }
    o.put("has_energies", s.hasEnergies());
    o.put("has_forces", s.hasForces());
    ArrayNode w = o.putArray("warnings");
    s.warnings().forEach(w::add);
    return o;
  }

  private static void putCell(ObjectNode o, String key, Cell cell) {
    if (cell == null) {
      o.putNull(key);
      return;
    }
    ArrayNode c = o.putArray(key);
    for (double[] row : cell.toMatrix()) {
      ArrayNode r = c.addArray();
      for (double v : row) {
        r.add(v);
      }
    }
  }

  private static void printHuman(PrintWriter out, FileSummary s) {
    out.println(s.path());
    out.printf(Locale.ROOT, "  format      %s (%s)%n", s.format(), s.program());
    if (s.atoms() != null) {
      out.printf(Locale.ROOT, "  atoms       %d%s%n", s.atoms(), s.species().isEmpty() ? "" : "  " + s.species());
    }
    out.printf(Locale.ROOT, "  frames      %d%n", s.frames());
    if (!s.kinds().isEmpty()) {
      out.printf(Locale.ROOT, "  kinds       %s%n", s.kinds());
    }
    out.printf(Locale.ROOT, "  time step   %s%n", Double.isNaN(s.timestepFs()) ? "unknown (pass --timestep-fs)"
        : String.format(Locale.ROOT, "%.4g fs between frames%s", s.timestepFs(),
            s.timestepSource() == null ? "" : " (from " + s.timestepSource() + ")"));
    Cell c = s.cell();
    if (c != null) {
      double[] l = c.lengthsA();
      double[] a = c.anglesDeg();
      out.printf(Locale.ROOT, "  cell        a=%.4f b=%.4f c=%.4f Å  α=%.2f β=%.2f γ=%.2f°  V=%.3f Å³%s%n", l[0], l[1], l[2], a[0],
          a[1], a[2], c.volumeA3(), s.variableCell() ? "  (first frame; the cell varies)" : "");
    }
    Cell cl = s.cellLast();
    if (s.variableCell() && cl != null) {
      double[] l = cl.lengthsA();
      double[] a = cl.anglesDeg();
      out.printf(Locale.ROOT, "  last cell   a=%.4f b=%.4f c=%.4f Å  α=%.2f β=%.2f γ=%.2f°  V=%.3f Å³%n", l[0], l[1], l[2], a[0],
          a[1], a[2], cl.volumeA3());
    }
    out.printf(Locale.ROOT, "  energies    %s   forces %s%n", s.hasEnergies() ? "yes (eV)" : "no", s.hasForces() ? "yes (eV/Å)" : "no");
    for (String n : s.notes()) {
      out.println("  note        " + n);
    }
    for (String w : s.warnings()) {
      out.println("  WARNING     " + w);
    }
  }
}
