package org.interphase.parsers;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.parsers.cp2k.Cp2kBand;
import org.interphase.parsers.cp2k.Cp2kMdRun;
import org.interphase.parsers.cp2k.Cp2kXyzReader;
import org.interphase.parsers.RunDiscovery.RunKind;
import org.interphase.parsers.h5md.H5mdReader;
import org.interphase.parsers.lammps.LammpsDumpReader;
import org.interphase.parsers.xyz.ExtendedXyz;
import org.interphase.core.MissingInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.parsers.io.Compression;
import org.interphase.parsers.vasp.OszicarReader;
import org.interphase.parsers.vasp.OutcarReader;
import org.interphase.parsers.vasp.PoscarReader;
import org.interphase.parsers.vasp.VasprunReader;
import org.interphase.parsers.vasp.XdatcarReader;

/**
 * The one table of formats Interphase reads: name, description, file-name globs, a content sniffer
 * and the reader. Detection tries the name first, then the content; {@code --format} overrides.
 */
public final class FormatRegistry {

  /** What a format holds. */
  public enum Kind {
    /** positions (one or more frames) */
    TRAJECTORY,
    /** per-step energies without positions */
    ENERGIES,
    /** per-step cells without positions (CP2K .cell) */
    CELLS,
    /** per-atom velocities or forces without positions (CP2K -vel-/-frc- files) */
    VALUES,
    /** a program log (CP2K main output) */
    LOG,
    /** an input file (CP2K .inp) */
    INPUT
  }

  /**
   * One format and what it can do: every piece of format knowledge the rest of Interphase needs is
   * here, so no caller asks for a format by name.
   *
   * @param name registry name used by {@code --format}
   * @param description for help texts
   * @param program the program that writes it ({@code "VASP"}, {@code "CP2K"}, empty when several do)
   * @param kind what the format holds
   * @param globs file-name patterns (compression suffixes are stripped before matching)
   * @param sniffer recognises the first 8 KB of decompressed content
   * @param opener opens a trajectory; {@code null} for formats without positions
   * @param nameNeedsContent whether a name match must be confirmed by the sniffer ({@code *.out})
   * @param summary what {@code info} shows of a file of a format without positions; {@code null} for
   *     trajectories, whose summary is read from their frames
   * @param energies opens a file of a format without positions as frames that carry {@link
   *     org.interphase.core.Energies}; {@code null} when it has none. Trajectories give their own frames
   *     ({@link #openEnergies})
   * @param dynamics whether the frames can be time-ordered MD steps (a user's {@code --timestep-fs}
   *     applies); {@code false} for a single structure or NEB images
   * @param run how a run folder is recognised by this format's files, {@code null} when it is not
   */
  public record Format(String name, String description, String program, Kind kind, List<String> globs,
      Predicate<String> sniffer, BiFunction<Path, ReadOptions, FrameSource> opener, boolean nameNeedsContent,
      BiFunction<Path, ReadOptions, FileFacts> summary, BiFunction<Path, ReadOptions, FrameSource> energies, boolean dynamics,
      RunFiles run) {

    Format(String name, String description, String program, Kind kind, List<String> globs, Predicate<String> sniffer,
        BiFunction<Path, ReadOptions, FrameSource> opener) {
      this(name, description, program, kind, globs, sniffer, opener, false, null, null, true, null);
    }

    Format confirmedByContent() {
      return new Format(name, description, program, kind, globs, sniffer, opener, true, summary, energies, dynamics, run);
    }

    Format withSummary(BiFunction<Path, ReadOptions, FileFacts> s) {
      return new Format(name, description, program, kind, globs, sniffer, opener, nameNeedsContent, s, energies, dynamics, run);
    }

    Format withEnergies(BiFunction<Path, ReadOptions, FrameSource> e) {
      return new Format(name, description, program, kind, globs, sniffer, opener, nameNeedsContent, summary, e, dynamics, run);
    }

    Format notDynamics() {
      return new Format(name, description, program, kind, globs, sniffer, opener, nameNeedsContent, summary, energies, false, run);
    }

    Format withRun(RunDiscovery.RunKind runKind, int rank, Predicate<String> fileName) {
      return new Format(name, description, program, kind, globs, sniffer, opener, nameNeedsContent, summary, energies, dynamics,
          new RunFiles(runKind, rank, fileName));
    }

    /**
     * Opens a file of this format as a trajectory. A user's time step ({@link
     * ReadOptions#timestepFs()}) is applied here, once, for formats of MD frames ({@link
     * FrameSources#retimed}); readers never see it. Without one, a user's MD step ({@link ReadOptions#mdStepFs()}) times the MD
     * steps between frames that the files number ({@link org.interphase.core.TrajectoryHeader#stepsPerFrame()}) gives the time
     * between frames, with a warning where the files give another ({@link FrameSources#retimedByMdStep}).
     *
     * @throws UnsupportedFormatException when the format holds no positions
     * @throws IllegalArgumentException when an MD step is given and the files do not number the MD steps between frames
     */
    public FrameSource open(Path path, ReadOptions options) {
      if (opener == null) {
        throw new UnsupportedFormatException(path + ": a " + description + " file holds no positions");
      }
      FrameSource src = opener.apply(path, options);
      if (!dynamics) {
        return src;
      }
      if (!Double.isNaN(options.timestepFs())) {
        return FrameSources.retimed(src, options.timestepFs());
      }
      // a user's MD step times the MD steps between frames the files number; questioned where the files say otherwise, refused
      // where they do not number the steps (a LAMMPS dump without ITEM: TIME has applied it to its step numbers already)
      if (!Double.isNaN(options.mdStepFs())) {
        try {
          return FrameSources.retimedByMdStep(src, options.mdStepFs());
        } catch (IllegalArgumentException e) {
          src.close();
          throw e;
        }
      }
      return src;
    }

    /**
     * Opens a file of this format as frames carrying energies (eV): a trajectory's own frames, a
     * single point or relaxation as one frame, an energies file as one frame per step. The header's
     * {@link TrajectoryHeader#dynamics()} says whether the frames are MD steps to be averaged.
     *
     * @throws UnsupportedFormatException when the format holds no energies
     */
    public FrameSource openEnergies(Path path, ReadOptions options) {
      if (energies != null) {
        return energies.apply(path, options);
      }
      if (opener == null) {
        throw new UnsupportedFormatException(path + ": a " + description + " holds no energies for an interface calculation");
      }
      FrameSource src = open(path, options);
      TrajectoryHeader h = src.header();
      return FrameSources.withHeader(src, h.withDynamics(dynamics && !Double.isNaN(h.timestepFs())));
    }

    boolean matchesName(String baseName) {
      for (String g : globs) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
        if (m.matches(Path.of(baseName))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * How a format's files mark a run in a folder ({@link RunDiscovery}).
   *
   * @param kind the kind of run
   * @param rank among formats giving the same kind, the lower rank is the run's primary file
   * @param fileName tests a file name as it is in the folder (compression suffix included)
   */
  public record RunFiles(RunDiscovery.RunKind kind, int rank, Predicate<String> fileName) {}

  private static String plain(String fileName) {
    return fileName.replaceFirst("\\.(gz|bz2|xz)$", "");
  }

  private static final List<Format> FORMATS = List.of(
      new Format(XdatcarReader.FORMAT, "VASP XDATCAR trajectory", "VASP", Kind.TRAJECTORY, List.of("*XDATCAR*"),
          FormatRegistry::looksLikeXdatcar, XdatcarReader::open).withRun(RunKind.VASP_MD, 0, n -> plain(n).contains("XDATCAR")),
      new Format(OutcarReader.FORMAT, "VASP OUTCAR", "VASP", Kind.TRAJECTORY, List.of("*OUTCAR*"),
          head -> head.stripLeading().startsWith("vasp.") , OutcarReader::open).withRun(RunKind.VASP_MD, 2, n -> plain(n).contains("OUTCAR")),
      new Format(VasprunReader.FORMAT, "VASP vasprun.xml", "VASP", Kind.TRAJECTORY, List.of("vasprun*.xml", "*vasprun*.xml"),
          head -> head.contains("<modeling>") || head.contains("<modeling "), VasprunReader::open)
          .withRun(RunKind.VASP_MD, 1, n -> plain(n).startsWith("vasprun") && plain(n).endsWith(".xml")),
      new Format(OszicarReader.FORMAT, "VASP OSZICAR energies", "VASP", Kind.ENERGIES, List.of("*OSZICAR*"),
          head -> head.contains("DAV:") || head.contains("RMM:") || head.matches("(?s)\\s*\\d+ F=.*"), null)
          .withSummary(FileFactsReader::energies).withEnergies(EnergyRuns::oszicar),
      new Format(PoscarReader.FORMAT, "VASP POSCAR/CONTCAR structure", "VASP", Kind.TRAJECTORY,
          List.of("*POSCAR*", "*CONTCAR*"), FormatRegistry::looksLikePoscar, PoscarReader::open).notDynamics(),
      new Format("cp2k-band", "CP2K BAND (NEB) replica trajectories", "CP2K", Kind.TRAJECTORY,
          List.of("*-pos-Replica_nr_*.xyz"), head -> false, FormatRegistry::openBand).notDynamics()
          .withRun(RunKind.CP2K_BAND, 0, Cp2kBand::isReplicaFile),
      new Format(Cp2kMdRun.FORMAT, "CP2K positions trajectory (with .cell, .ener, -frc-, -vel- beside it)", "CP2K",
          Kind.TRAJECTORY, List.of("*-pos-*.xyz", "*-pos-*"), head -> head.contains(" i =") && head.contains("E ="), Cp2kMdRun::open)
          .withRun(RunKind.CP2K_MD, 0, n -> plain(n).contains("-pos-") && (plain(n).endsWith(".xyz") || plain(n).matches(".*-pos-\\d+.*"))),
      new Format("cp2k-vel", "CP2K velocities (bohr/a.u. time)", "CP2K", Kind.VALUES, List.of("*-vel-*.xyz", "*-vel-*"),
          head -> false, null).withSummary((p, o) -> FileFactsReader.values(p, "cp2k-vel", Cp2kXyzReader.Quantity.VELOCITIES, o)),
      new Format("cp2k-frc", "CP2K forces (Hartree/bohr)", "CP2K", Kind.VALUES, List.of("*-frc-*.xyz", "*-force-*.xyz", "*-frc-*"),
          head -> false, null).withSummary((p, o) -> FileFactsReader.values(p, "cp2k-frc", Cp2kXyzReader.Quantity.FORCES, o)),
      new Format("cp2k-ener", "CP2K MD energies (.ener)", "CP2K", Kind.ENERGIES, List.of("*.ener"),
          head -> head.contains("Step Nr.") && head.contains("Cons Qty"), null).withSummary(FileFactsReader::ener)
          .withEnergies(EnergyRuns::enerBesidePositions),
      new Format("cp2k-cell", "CP2K cell per MD step (.cell)", "CP2K", Kind.CELLS, List.of("*.cell"),
          head -> head.contains("Ax [Angstrom]"), null).withSummary(FileFactsReader::cells),
      new Format("cp2k-log", "CP2K main output log", "CP2K", Kind.LOG, List.of("*.out", "*.log", "output", "*.out.*"),
          head -> head.contains("CP2K|") || head.contains("DBCSR|") || head.contains("GLOBAL|"), null).confirmedByContent()
          .withSummary((p, o) -> FileFactsReader.log(p)).withEnergies((p, o) -> EnergyRuns.cp2kLog(p))
          .withRun(RunKind.CP2K_LOG, 0, n -> true),
      new Format("cp2k-input", "CP2K input", "CP2K", Kind.INPUT, List.of("*.inp", "*.restart"),
          FormatRegistry::looksLikeCp2kInput, null).confirmedByContent()
          .withSummary((p, o) -> FileFactsReader.input(p)),
      new Format(LammpsDumpReader.FORMAT, "LAMMPS text dump (dump atom / dump custom)", "LAMMPS", Kind.TRAJECTORY,
          List.of("*.lammpstrj", "*.lammpsdump", "*.dump", "dump.*", "dump_*", "*.dump.*"), FormatRegistry::looksLikeLammpsDump,
          LammpsDumpReader::open).confirmedByContent()
          .withRun(RunKind.TRAJECTORY, 0, n -> plain(n).endsWith(".lammpstrj") || plain(n).endsWith(".lammpsdump")),
      new Format(ExtendedXyz.FORMAT, "extended XYZ (ASE, OVITO)", "", Kind.TRAJECTORY, List.of("*.extxyz", "*.xyz"),
          head -> head.contains("Lattice=") || head.contains("Properties="), ExtendedXyz::open)
          .withRun(RunKind.TRAJECTORY, 0, n -> plain(n).endsWith(".extxyz")),
      new Format(H5mdReader.FORMAT, "H5MD (HDF5 for molecular data)", "", Kind.TRAJECTORY, List.of("*.h5md", "*.h5"),
          H5mdReader::looksLikeH5md, H5mdReader::open).confirmedByContent().withRun(RunKind.TRAJECTORY, 0, n -> n.endsWith(".h5md")));

  private FormatRegistry() {}

  /** Every format, in detection order. */
  public static List<Format> formats() {
    return FORMATS;
  }

  /** The format of that name. */
  public static Format byName(String name) {
    return FORMATS.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new UnsupportedFormatException("unknown format \"" + name + "\" (known: " + knownNames() + ")"));
  }

  /**
   * Detects the format of a file: by name, then by content.
   *
   * @throws MissingInputException when the file does not exist
   * @throws UnsupportedFormatException when nothing matches
   */
  public static Format detect(Path path, ReadOptions options) {
    if (options.format() != null) {
      return byName(options.format());
    }
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file or directory");
    }
    if (Files.isDirectory(path)) {
      throw new UnsupportedFormatException(path + ": is a directory, not a file");
    }
    String base = Compression.baseName(path);
    String head = new String(Compression.head(path, 8192), StandardCharsets.ISO_8859_1);
    Optional<String> byContentAlone = knownByContent(base, head);
    if (byContentAlone.isPresent()) {
      // a script that writes XDATCARs or CP2K inputs (named *.py, or starting with #!), a coord.xyz without atom counts, a BAND
      // .ener: its name or start would make a reader try it and call it malformed
      throw new UnsupportedFormatException(path + ": not a file Interphase reads (" + byContentAlone.get() + ")");
    }
    Optional<Format> byName = FORMATS.stream()
        .filter(f -> f.matchesName(base) && (!f.nameNeedsContent() || f.sniffer().test(head))).findFirst();
    if (byName.isPresent()) {
      return byName.get();
    }
    Optional<String> other = otherFileKind(path);
    if (other.isPresent()) {
      throw new UnsupportedFormatException(path + ": not a file Interphase reads (" + other.get() + ")");
    }
    Optional<Format> byContent = FORMATS.stream().filter(f -> f.sniffer().test(head)).findFirst();
    if (byContent.isPresent()) {
      return byContent.get();
    }
    // the name says what the file should be but the content is nothing known (empty, cut, another kind): that format's reader
    // says what is wrong with it, which helps more than "not recognised"
    return FORMATS.stream().filter(f -> f.opener() != null && f.matchesName(base)).findFirst()
        .orElseThrow(() -> new UnsupportedFormatException(path + ": format not recognised (use --format; known: "
            + knownNames() + ")"));
  }

  /**
   * Opens a trajectory file with the detected (or forced) format; a user's time step is applied
   * here, once ({@link Format#open}).
   *
   * @throws UnsupportedFormatException when the format is unknown or holds no positions
   */
  public static FrameSource open(Path path, ReadOptions options) {
    return detect(path, options).open(path, options);
  }

  private static FrameSource openBand(Path path, ReadOptions options) {
    Cp2kBand band = Cp2kBand.read(path, options.cellOptional());
    Frame f0 = band.images().get(0);
    TrajectoryHeader h = new TrajectoryHeader(path.toString(), "cp2k-band", "CP2K", band.atoms(), f0.cell(), Double.NaN, false,
        List.of("last band of " + band.images().size() + " replicas after " + band.iterations() + " iterations"))
        .withNotDynamics("CP2K BAND: the images of a band"); // an MSD over images is refused with this reason, not asked a time step
    if (f0.cell() == null) {
      return FrameSources.of(h, band.images(), List.of(new Warning(Warning.Input.NO_CELL, Cp2kBand.cellAdvice(band.project()))));
    }
    return FrameSources.of(h, band.images());
  }

  /** A LAMMPS text dump starts with {@code ITEM: TIMESTEP}, or {@code ITEM: UNITS} / {@code ITEM: TIME} before it. */
  static boolean looksLikeLammpsDump(String head) {
    String h = head.stripLeading();
    return h.startsWith("ITEM: TIMESTEP") || h.startsWith("ITEM: UNITS") || h.startsWith("ITEM: TIME");
  }

  private static boolean looksLikeXdatcar(String head) {
    return head.contains("Direct configuration=") || head.contains("\nCAR\n") || head.contains("  CAR");
  }

  /**
   * A POSCAR's shape: comment, a scale line of one or three numbers, three lattice lines of three
   * numbers, then a counts line of integers, or a symbols line followed by one. An INCAR ({@code
   * EDIFF = 1e-05} has three tokens too) or any other text with three-word lines is not one.
   */
  static boolean looksLikePoscar(String head) {
    String[] lines = head.split("\\R");
    if (lines.length < 7 || head.contains("configuration=")) {
      return false;
    }
    String[] scale = tokens(lines[1]);
    if ((scale.length != 1 && scale.length != 3) || !allNumbers(scale)) {
      return false;
    }
    for (int k = 2; k <= 4; k++) {
      String[] t = tokens(lines[k]);
      if (t.length < 3 || !allNumbers(new String[] {t[0], t[1], t[2]})) {
        return false;
      }
    }
    String[] sixth = tokens(lines[5]);
    if (sixth.length == 0) {
      return false;
    }
    if (allIntegers(sixth)) {
      return true;
    }
    return allIntegers(tokens(lines[6])) && tokens(lines[6]).length == sixth.length;
  }

  private static String[] tokens(String line) {
    String t = line.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  private static boolean allNumbers(String[] t) {
    for (String s : t) {
      try {
        Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean allIntegers(String[] t) {
    if (t.length == 0) {
      return false;
    }
    for (String s : t) {
      if (!s.matches("\\d+")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Files of a run that Interphase knows by name and does not read, with what they are: VASP
   * inputs and outputs other than trajectories (INCAR, KPOINTS, POTCAR, CHGCAR, …), Slurm logs
   * ({@code slurm-*.out}) and other program logs, job scripts ({@code *.sh}, {@code *.slurm},
   * {@code job*}), CP2K's stress tensor log ({@code PROJECT-1.stress}). A file that matches a format's
   * name first (a CP2K log named {@code *.out}) is that format. Compression suffixes are ignored. One
   * kind is known by its content as well: an {@code *.xyz} file of {@code element x y z} lines without
   * the atom count and comment lines of XYZ, which is what a CP2K input takes into {@code &COORD} with
   * {@code @include coord.xyz} ({@link #CP2K_COORDINATES}); its first 8 KB are read for that.
   *
   * @return a short description, or empty when the file is not one of them
   */
  public static Optional<String> otherFileKind(Path path) {
    String base = Compression.baseName(path);
    for (String[] row : OTHER_FILES) {
      for (String g : row[1].split(",")) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
        if (m.matches(Path.of(base))) {
          return Optional.of(row[0]);
        }
      }
    }
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return knownByContent(base, new String(Compression.head(path, 8192), StandardCharsets.ISO_8859_1));
    } catch (RuntimeException e) {
      return Optional.empty(); // cannot be looked at: the reader says why
    }
  }

  /**
   * What a file is that its name and start tell apart from the formats its name or start resemble: a script ({@link #SCRIPT}: named
   * {@code *.py}, {@code *.pl}, {@code *.ipynb}, … or starting with {@code #!}; a script that writes trajectories or inputs holds
   * their keywords), a {@code &COORD} coordinate list named {@code *.xyz} ({@link #CP2K_COORDINATES}), a CP2K BAND {@code .ener}
   * ({@link #CP2K_BAND_ENERGIES}).
   *
   * @param base the file name without compression suffix
   * @param head the first 8 KB of its (decompressed) content
   */
  static Optional<String> knownByContent(String base, String head) {
    if (head.startsWith("#!") || SCRIPT_NAME.matcher(base).matches()) {
      return Optional.of(SCRIPT);
    }
    if (isCoordinateList(base, head)) {
      return Optional.of(CP2K_COORDINATES);
    }
    if (isBandEner(base, head)) {
      return Optional.of(CP2K_BAND_ENERGIES);
    }
    return Optional.empty();
  }

  /** What {@link #otherFileKind} calls a script: a program, never data, whatever keywords of a format it holds. */
  public static final String SCRIPT = "script, not data";

  /** File names of scripts and notebooks: Python, Perl, Ruby, Julia, R, gnuplot, MATLAB, Jupyter, Tcl. */
  private static final java.util.regex.Pattern SCRIPT_NAME = java.util.regex.Pattern.compile(
      "(?i).+\\.(py|pyw|pl|pm|rb|jl|r|gp|gnu|plt|m|ipynb|tcl|awk)");

  /** What {@link #otherFileKind} calls the {@code .ener} file of a CP2K BAND (NEB) run. */
  public static final String CP2K_BAND_ENERGIES = "CP2K BAND energies (per iteration each replica's energy, Hartree, and the "
      + "distances between the replicas, bohr; neb reads them with the replica files)";

  /**
   * Whether a {@code *.ener} file is that of a CP2K BAND run: no {@code # Step Nr.} header (which the MD {@code .ener} always has)
   * and rows of an iteration number, N replica energies and N − 1 distances (2N columns, N ≥ 2).
   */
  static boolean isBandEner(String base, String head) {
    if (!base.toLowerCase(java.util.Locale.ROOT).endsWith(".ener") || head.contains("Step Nr.")) {
      return false;
    }
    for (String l : head.split("\\R")) {
      String t = l.strip();
      if (t.isEmpty()) {
        continue;
      }
      String[] cols = t.split("\\s+");
      return cols.length >= 4 && cols.length % 2 == 0 && cols[0].matches("\\d+") && allNumbers(cols);
    }
    return false;
  }

  /**
   * A CP2K input or restart file: a {@code &FORCE_EVAL} or {@code &GLOBAL} section in its start, or the header CP2K writes into a
   * restart file (in a BAND restart the replica coordinates of {@code &MOTION} can push {@code &FORCE_EVAL} far down).
   */
  static boolean looksLikeCp2kInput(String head) {
    String u = head.toUpperCase(java.util.Locale.ROOT);
    return u.contains("&FORCE_EVAL") || GLOBAL_SECTION.matcher(u).find() || head.contains("# Version information for this restart file");
  }

  private static final java.util.regex.Pattern GLOBAL_SECTION = java.util.regex.Pattern.compile("(?m)^\\s*&GLOBAL\\b");

  /** What {@link #otherFileKind} calls an {@code element x y z} list included into a CP2K input's {@code &COORD}. */
  public static final String CP2K_COORDINATES = "CP2K input coordinates (one structure, element x y z lines as &COORD includes them; "
      + "read the -pos- trajectory for MD)";

  /** One atom of a {@code &COORD} list: a kind label and three numbers, optionally a molecule name after them. */
  private static final java.util.regex.Pattern COORD_LINE = java.util.regex.Pattern.compile(
      "\\s*[A-Za-z][A-Za-z0-9_]*\\s+(?:[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eEdD][-+]?\\d+)?\\s+){2}"
      + "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eEdD][-+]?\\d+)?(?:\\s+\\S+)*\\s*");

  /**
   * Whether an {@code *.xyz} file (by {@code base}, its name without compression suffix) holds {@code
   * element x y z} lines and nothing else in its complete lines of {@code head}: no atom count, no
   * comment line, so not XYZ; blank lines and {@code #} comments are allowed, {@code UNIT} and {@code
   * SCALED} keywords of {@code &COORD} too. A CP2K {@code -pos-}, {@code -frc-} or {@code -vel-} file
   * is never one (its frames start with the atom count).
   */
  static boolean isCoordinateList(String base, String head) {
    if (!base.toLowerCase(java.util.Locale.ROOT).endsWith(".xyz")) {
      return false;
    }
    int end = head.lastIndexOf('\n');
    String[] lines = (end < 0 ? head : head.substring(0, end)).split("\r?\n");
    int atoms = 0;
    for (String l : lines) {
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String key = t.split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
      if (key.equals("UNIT") || key.equals("SCALED")) {
        continue;
      }
      if (!COORD_LINE.matcher(t).matches()) {
        return false;
      }
      atoms++;
    }
    return atoms > 0;
  }

  /** The names of every format, comma-separated, for messages. */
  public static String knownNames() {
    return String.join(", ", FORMATS.stream().map(Format::name).toList());
  }

  /**
   * Whether a forced {@code format} may apply to {@code path} in a folder scan: its name matches
   * one of the format's globs, or its name is not one Interphase knows as something else (INCAR,
   * KPOINTS, POTCAR, scripts, logs) and its first 8 KB look like the format.
   */
  public static boolean isCandidate(Format format, Path path) {
    if (matchesName(format, path)) {
      return true;
    }
    if (otherFileKind(path).isPresent()) {
      return false;
    }
    return format.sniffer().test(new String(Compression.head(path, 8192), StandardCharsets.ISO_8859_1));
  }

  /** Whether {@code path}'s name (compression suffix stripped) matches one of the format's globs. */
  public static boolean matchesName(Format format, Path path) {
    return format.matchesName(Compression.baseName(path));
  }

  private static final String[][] OTHER_FILES = {
      {"VASP input (INCAR)", "INCAR,INCAR.*,*.incar"},
      {"VASP input (KPOINTS)", "KPOINTS,KPOINTS.*"},
      {"VASP input (POTCAR pseudopotentials)", "POTCAR,POTCAR.*"},
      {"VASP input (other)", "ICONST,STOPCAR,PENALTYPOT,ML_AB,ML_ABN,ML_FF,ML_FFN,ML_ICRITICAL"},
      {"VASP output (not a trajectory)", "CHGCAR,CHG,WAVECAR,WAVEDER,DOSCAR,EIGENVAL,IBZKPT,PCDAT,PROCAR,LOCPOT,ELFCAR,REPORT,"
          + "vaspout.h5,vaspwave.h5,ML_LOGFILE,ML_HIS,ML_REG,ML_EATOM,ML_HEAT,AECCAR*,PARCHG*,BSEFATBAND,WAVECAR*"},
      {"CP2K stress tensor log (bar per MD step; not a trajectory)", "*.stress"},
      {"Slurm log", "slurm-*.out,slurm-*.err,slurm*.log"},
      {"program log (standard output)", "*.out,*.log,*.err,*.stdout,*.stderr,*.o[0-9]*,*.e[0-9]*"},
      {"job script", "*.sh,*.slurm,*.sbatch,*.pbs,*.job,*.qsub,job*,submit*"},
      {"program input (LAMMPS in.*, Quantum ESPRESSO *.in, …)", "*.in,in.*"},
      {"CP2K optimiser or wavefunction restart (BFGS Hessian, .wfn; not a trajectory)", "*.Hessian,*.wfn,*.wfn.bak-*"},
      {"notes (Markdown, README)", "*.md,README,README.*"},
      {"JSON (a manifest or results; not a trajectory)", "*.json"}};
}
