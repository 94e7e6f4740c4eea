package org.interphase.parsers.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.Cell;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.io.LineReader;

/**
 * What Interphase needs from a CP2K input file: project name, run type, the cell of {@code
 * FORCE_EVAL/SUBSYS/CELL} ({@code ABC} + {@code ALPHA_BETA_GAMMA}, or {@code A}/{@code B}/{@code C}
 * vectors, in Å), the MD time step and ensemble, the trajectory print stride ({@code
 * MOTION/PRINT/TRAJECTORY/EACH/MD}), the coordinate file name, the BAND replica count, the {@code
 * &KIND} sections (name and {@code ELEMENT}) and the kind label of every atom of {@code &COORD} (or
 * of the coordinate file). Comments ({@code !}, {@code #}) are ignored; {@code @SET} variables are
 * substituted; section and keyword names are read in any case, as CP2K does.
 *
 * @param path the file read
 * @param cell null when the input has no cell
 * @param timestepFs the MD time step in fs ({@code MOTION/MD/TIMESTEP}); NaN when absent
 * @param trajectoryStride the MD print stride of the trajectory, 1 by default
 * @param bandReplicas {@code BAND/NUMBER_OF_REPLICA}, else the number of {@code &REPLICA} sections; 0 for no BAND
 * @param coordElements element of every atom of {@code &COORD} or the coordinate file, resolved
 *     through the {@code &KIND} sections as CP2K does; empty when the input lists no atoms
 * @param kinds the {@code &KIND} sections, keyed by upper-case name (CP2K matches kind names in any case)
 * @param coordKinds kind label of every atom of {@code &COORD} or the coordinate file, as written
 * @param warnings what was read with doubt ({@code @INCLUDE} files that are missing)
 * @param coordPositionsA the positions of {@code &COORD} or of the coordinate file's first frame, Cartesian Å, flat
 *     {@code [x0,y0,z0,x1,…]} ({@code SCALED} coordinates converted with the cell, {@code UNIT bohr} to Å); empty when some
 *     atom has no three numbers, the unit is another, or scaled coordinates have no cell. For a single point these are the
 *     atoms' positions; for a relaxation or MD, the starting structure
 */
public record Cp2kInput(Path path, String project, String runType, Cell cell, double timestepFs, String ensemble, int trajectoryStride,
    String coordFileName, int bandReplicas, List<String> coordElements, Map<String, KindSection> kinds, List<String> coordKinds,
    List<String> warnings, double[] coordPositionsA) {

  public Cp2kInput {
    coordPositionsA = coordPositionsA.clone();
  }

  @Override
  public double[] coordPositionsA() {
    return coordPositionsA.clone();
  }

  /** One line of the input after {@code @INCLUDE} and {@code @SET} are applied, with the file and line it came from. */
  private record Src(String source, long number, String raw, String text) {}

  /**
   * One {@code &KIND name} section.
   *
   * @param name the section parameter as written
   * @param element the {@code ELEMENT} keyword, normalised ({@code "s"} → {@code "S"}); null when absent
   * @param line line of the {@code &KIND} line
   * @param file name of the file holding it (the input, or a file it includes)
   */
  public record KindSection(String name, String element, long line, String file) {}

  /**
   * Reads an input file.
   *
   * @throws MalformedInputException (with the line) on an unbalanced {@code &END}, a keyword without
   *     its numbers, an {@code ELEMENT} that is not an element, or an atom label CP2K could not map to
   *     an element
   */
  public static Cp2kInput read(Path path) {
    List<String> warnings = new ArrayList<>();
    List<Src> lines = new ArrayList<>();
    collect(path, new java.util.HashMap<>(), lines, warnings, 0);
    Scan scan = new Scan();
    for (Src r : lines) {
      scan.accept(r);
    }
    Cell cell = scan.cell();
    String coordSource = path.toString();
    if (scan.coordKinds.isEmpty() && scan.coordFile != null) {
      Path xyz = path.toAbsolutePath().getParent().resolve(scan.coordFile);
      if (Files.isRegularFile(xyz)) {
        scan.readCoordFile(xyz);
        coordSource = xyz.toString();
      }
    }
    Map<String, KindSection> kindMap = java.util.Collections.unmodifiableMap(scan.kinds);
    List<String> coordElements = scan.coordElements(kindMap, coordSource, path.getFileName().toString());
    // &REPLICA sections give the coordinates of some replicas (CP2K interpolates the others): a count only without NUMBER_OF_REPLICA
    int bandReplicas = scan.replicas > 0 ? scan.replicas : scan.replicaSections;
    return new Cp2kInput(path, scan.project, scan.runType, cell, scan.timestep, scan.ensemble, scan.stride, scan.coordFile,
        bandReplicas, List.copyOf(coordElements), kindMap, List.copyOf(scan.coordKinds), List.copyOf(warnings), scan.positions(cell));
  }

  /** One pass over an input's lines: the sections open at the current line and every value read so far. */
  private static final class Scan {
    private String project;
    private String runType;
    private double[] abc;
    private double[] angles = {90, 90, 90};
    private final double[][] vectors = new double[3][];
    private double timestep = Double.NaN;
    private String ensemble;
    private int stride = 1;
    private String coordFile;
    private int replicas;
    private int replicaSections;
    private final List<String> coordKinds = new ArrayList<>();
    /** x, y, z of every atom of {@code coordKinds} as written, null for an atom line without three numbers. */
    private final List<double[]> coordXyz = new ArrayList<>();
    private boolean coordScaled;
    private String coordUnit = "ANGSTROM";
    /** The first line (of the input or the coordinate file) naming each kind label. */
    private final Map<String, Long> coordLines = new LinkedHashMap<>();
    private final Map<String, KindSection> kinds = new LinkedHashMap<>();
    /** The {@code &KIND} section being read, null outside one. */
    private String kindName;
    private long kindLine;
    private String kindFile;
    private String kindElement;
    private final Deque<String> sections = new ArrayDeque<>();

    /** Reads one line: a section start or end, an atom of {@code &COORD}, or a keyword. */
    void accept(Src r) {
      String line = r.text();
      String[] t = line.split("\\s+");
      String key = t[0].toUpperCase(Locale.ROOT);
      if (key.startsWith("&END")) {
        closeSection(r, line);
        return;
      }
      if (key.startsWith("&")) {
        openSection(r, key, t);
        return;
      }
      String sec = sections.isEmpty() ? "" : sections.peek();
      if (sec.equals("COORD") && sections.contains("SUBSYS") && Character.isLetter(t[0].charAt(0)) && !key.equals("SCALED")
          && !key.equals("UNIT")) {
        coordKinds.add(t[0]);
        coordLines.putIfAbsent(t[0], r.number());
        coordXyz.add(xyz(t));
        return;
      }
      try {
        keyword(r, sec, key, t);
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new MalformedInputException(r.source(), r.number(), "numbers after " + key, line);
      }
    }

    /** Closes the innermost section; a {@code &KIND} section is recorded (the first of a name wins). */
    private void closeSection(Src r, String line) {
      if (sections.isEmpty()) {
        throw new MalformedInputException(r.source(), r.number(), "a section to close", line);
      }
      if (sections.pop().equals("KIND") && kindName != null) {
        kinds.putIfAbsent(kindName.toUpperCase(Locale.ROOT), new KindSection(kindName, kindElement, kindLine, kindFile));
        kindName = null;
      }
    }

    /** Opens a section; a {@code &KIND} of {@code SUBSYS} starts a kind, a {@code &REPLICA} of {@code BAND} is counted. */
    private void openSection(Src r, String key, String[] t) {
      String name = key.substring(1);
      if (name.equals("KIND") && sections.contains("SUBSYS") && t.length > 1) {
        KindSection same = kinds.get(t[1].toUpperCase(Locale.ROOT));
        if (same != null && !same.name().equals(t[1])) {
          throw MalformedInputException.of(r.source(), r.number(), "&KIND " + t[1] + " and &KIND " + same.name() + " (" + same.file()
              + ":" + same.line() + ") name the same kind: CP2K matches kind names in any case and refuses the second");
        }
        kindName = t[1];
        kindLine = r.number();
        kindFile = Path.of(r.source()).getFileName().toString();
        kindElement = null;
      }
      sections.push(name);
      if (key.equals("&REPLICA") && sections.contains("BAND")) {
        replicaSections++;
      }
    }

    /** Reads the keywords Interphase needs from the innermost section {@code sec}; others are skipped. */
    private void keyword(Src r, String sec, String key, String[] t) {
      if (sec.equals("GLOBAL") && key.equals("PROJECT") || sec.equals("GLOBAL") && key.equals("PROJECT_NAME")) {
        project = t[1];
      } else if (sec.equals("GLOBAL") && key.equals("RUN_TYPE")) {
        runType = t[1].toUpperCase(Locale.ROOT);
      } else if (sec.equals("KIND") && key.equals("ELEMENT") && kindName != null) {
        kindElement = elementKeyword(t, r);
      } else if (sec.equals("CELL") && sections.contains("SUBSYS") && !sections.contains("CELL_REF")) {
        switch (key) {
          case "ABC" -> abc = numbers(t, 3);
          case "ALPHA_BETA_GAMMA" -> angles = numbers(t, 3);
          case "A" -> vectors[0] = numbers(t, 3);
          case "B" -> vectors[1] = numbers(t, 3);
          case "C" -> vectors[2] = numbers(t, 3);
          default -> { }
        }
      } else if (sec.equals("MD") && key.equals("TIMESTEP")) {
        timestep = numbers(t, 1)[0];
      } else if (sec.equals("MD") && key.equals("ENSEMBLE")) {
        ensemble = t[1].toUpperCase(Locale.ROOT);
      } else if (sec.equals("EACH") && sections.contains("TRAJECTORY") && key.equals("MD")) {
        stride = (int) numbers(t, 1)[0];
      } else if (sec.equals("COORD") && key.equals("SCALED")) {
        coordScaled = t.length < 2 || t[1].toUpperCase(Locale.ROOT).matches("T|TRUE|\\.TRUE\\.|Y|YES|ON");
      } else if (sec.equals("COORD") && key.equals("UNIT")) {
        coordUnit = t[1].toUpperCase(Locale.ROOT);
      } else if (sec.equals("TOPOLOGY") && key.equals("COORD_FILE_NAME")) {
        coordFile = t[1];
      } else if (sec.equals("BAND") && key.equals("NUMBER_OF_REPLICA")) {
        replicas = (int) numbers(t, 1)[0];
      }
    }

    /** The cell of the three vectors when all are given, else of {@code ABC} and the angles; null without either. */
    Cell cell() {
      if (vectors[0] != null && vectors[1] != null && vectors[2] != null) {
        return Cell.ofRows(vectors[0], vectors[1], vectors[2]);
      } else if (abc != null) {
        return Cell.fromLengthsAndAngles(abc[0], abc[1], abc[2], angles[0], angles[1], angles[2]);
      }
      return null;
    }

    /** Takes the kind labels of the first frame of the coordinate file, for an input without {@code &COORD} atoms. */
    void readCoordFile(Path xyz) {
      try (Cp2kXyzReader r = Cp2kXyzReader.open(xyz, Cp2kXyzReader.Quantity.POSITIONS)) {
        XyzBlock b = r.next();
        if (b != null) {
          for (int i = 0; i < b.labels().length; i++) {
            coordKinds.add(b.labels()[i]);
            coordLines.putIfAbsent(b.labels()[i], b.line() + 2 + i);
            coordXyz.add(b.values().length < 3 * (i + 1) ? null : java.util.Arrays.copyOfRange(b.values(), 3 * i, 3 * i + 3));
          }
        }
      }
    }

    /** The numbers after an atom label, null unless there are three. */
    private static double[] xyz(String[] t) {
      if (t.length < 4) {
        return null;
      }
      try {
        return new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2]), Double.parseDouble(t[3])};
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The atoms' Cartesian positions in Å, flat; empty when unknown (see {@link Cp2kInput#coordPositionsA}). */
    double[] positions(Cell cell) {
      double scale = switch (coordUnit) {
        case "ANGSTROM" -> 1.0;
        case "BOHR" -> org.interphase.core.Units.BOHR_TO_ANGSTROM;
        default -> Double.NaN;
      };
      if (coordXyz.isEmpty() || coordXyz.contains(null) || Double.isNaN(scale) || coordScaled && cell == null) {
        return new double[0];
      }
      double[] out = new double[3 * coordXyz.size()];
      double[] cart = new double[3];
      for (int i = 0; i < coordXyz.size(); i++) {
        double[] x = coordXyz.get(i);
        if (coordScaled) {
          cell.toCartesian(x, cart);
        } else {
          cart[0] = x[0] * scale;
          cart[1] = x[1] * scale;
          cart[2] = x[2] * scale;
        }
        System.arraycopy(cart, 0, out, 3 * i, 3);
      }
      return out;
    }

    /** The element of every atom label, resolved through the kinds; throws on a label CP2K could not map. */
    List<String> coordElements(Map<String, KindSection> kindMap, String coordSource, String inputName) {
      List<String> coordElements = new ArrayList<>();
      Map<String, String> resolved = new java.util.HashMap<>();
      for (String label : coordKinds) {
        String el = resolved.get(label);
        if (el == null) {
          el = Cp2kKinds.byDeclaration(label, kindMap);
          if (el == null) {
            throw Cp2kKinds.unresolved(label, coordSource, coordLines.get(label), inputName);
          }
          resolved.put(label, el);
        }
        coordElements.add(el);
      }
      return coordElements;
    }
  }

  /**
   * The lines of a file with comments removed, {@code @SET} variables substituted and {@code @INCLUDE
   * file} (or {@code 'file'}, relative to the including file's folder) replaced by that file's lines.
   */
  private static void collect(Path file, Map<String, String> vars, List<Src> out, List<String> warnings, int depth) {
    try (LineReader r = LineReader.open(file)) {
      while (r.next()) {
        String line = r.line().replaceAll("[!#].*$", "").strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.regionMatches(true, 0, "@SET", 0, 4)) {
          String[] t = line.split("\\s+", 3);
          if (t.length == 3) {
            vars.put(t[1].toUpperCase(Locale.ROOT), t[2].strip());
          }
          continue;
        }
        for (var e : vars.entrySet()) {
          line = line.replaceAll("(?i)\\$\\{?" + java.util.regex.Pattern.quote(e.getKey()) + "\\}?",
              java.util.regex.Matcher.quoteReplacement(e.getValue()));
        }
        if (line.regionMatches(true, 0, "@INCLUDE", 0, 8)) {
          String name = line.substring(8).strip().replaceAll("^['\"]|['\"]$", "");
          Path inc = file.toAbsolutePath().getParent().resolve(name);
          if (name.isEmpty() || !Files.isRegularFile(inc)) {
            warnings.add(Path.of(r.source()).getFileName() + ":" + r.lineNumber() + ": @INCLUDE " + name + ": no such file (" + inc
                + "): the kinds, cell and other settings it holds are not read");
          } else if (depth >= 20) {
            throw new MalformedInputException(r.source(), r.lineNumber(), "@INCLUDE nested at most 20 deep", line);
          } else {
            collect(inc, vars, out, warnings, depth + 1);
          }
          continue;
        }
        out.add(new Src(r.source(), r.lineNumber(), r.line(), line));
      }
    }
  }

  /** The element after {@code ELEMENT}, checked against the periodic table as CP2K checks it. */
  private static String elementKeyword(String[] t, Src r) {
    if (t.length < 2) {
      throw new MalformedInputException(r.source(), r.number(), "an element symbol after ELEMENT", r.raw());
    }
    String sym = t[1].strip();
    if (sym.length() > 2 || org.interphase.core.Elements.atomicNumber(sym) == 0) {
      throw new MalformedInputException(r.source(), r.number(), "an element of the periodic table after ELEMENT", sym);
    }
    return sym.substring(0, 1).toUpperCase(Locale.ROOT) + sym.substring(1).toLowerCase(Locale.ROOT);
  }

  private static double[] numbers(String[] t, int n) {
    List<Double> v = new ArrayList<>();
    for (int i = 1; i < t.length && v.size() < n; i++) {
      if (t[i].startsWith("[")) {
        // a unit such as [angstrom]: Interphase only accepts the default (Å, fs)
        if (!t[i].equalsIgnoreCase("[angstrom]") && !t[i].equalsIgnoreCase("[fs]") && !t[i].equalsIgnoreCase("[deg]")) {
          throw new NumberFormatException("unit " + t[i]);
        }
        continue;
      }
      v.add(Double.parseDouble(t[i].replace('d', 'e').replace('D', 'e')));
    }
    if (v.size() < n) {
      throw new NumberFormatException("too few numbers");
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The input chosen for a project, with the {@code &KIND} declarations of every input naming it.
   *
   * @param input the chosen input (cell, time step, run type), its kinds the union of all candidates'
   * @param note which input was chosen and why when there were several; null for one
   */
  public record Chosen(Cp2kInput input, String note) {}

  /**
   * Finds the input of a project in a folder: {@code <project>.inp}, else among the {@code .inp}
   * files whose {@code &GLOBAL} names it, the newest by modification time. Only the project line is
   * read here, so an input that names the project but is malformed elsewhere is still found (and its
   * error reported when it is read).
   */
  public static Path find(Path dir, String project) {
    List<Path> c = candidates(dir, project);
    return c.isEmpty() ? null : preferred(c, project);
  }

  /**
   * Reads every input of a project ({@code md.inp} and {@code md_restart.inp} side by side often
   * name the same project): their {@code &KIND … ELEMENT} declarations are merged when they agree;
   * cell, time step and the rest come from the input named for the project, else the newest.
   *
   * @return null when no input names the project
   * @throws MalformedInputException when two inputs map the same kind to different elements
   */
  public static Chosen forProject(Path dir, String project) {
    if (project == null) {
      return null;
    }
    List<Path> cands = candidates(dir, project);
    if (cands.isEmpty()) {
      return null;
    }
    if (cands.size() == 1) {
      return new Chosen(read(cands.get(0)), null);
    }
    Path pick = preferred(cands, project);
    Cp2kInput chosen = read(pick);
    Map<String, KindSection> merged = new LinkedHashMap<>(chosen.kinds());
    for (Path p : cands) {
      if (p.equals(pick)) {
        continue;
      }
      for (var e : read(p).kinds().entrySet()) {
        KindSection k = e.getValue();
        KindSection prev = merged.get(e.getKey());
        if (prev == null || prev.element() == null) {
          merged.put(e.getKey(), k);
        } else if (k.element() != null && !k.element().equals(prev.element())) {
          throw MalformedInputException.of(p.toString(), k.line(), "kind " + k.name() + " is " + k.element() + " here but "
              + prev.element() + " in " + prev.file() + ":" + prev.line() + ", and both inputs name project "
              + project + ": keep only the input of this run beside its output");
        }
      }
    }
    List<String> names = cands.stream().map(c -> c.getFileName().toString()).toList();
    String why = pick.getFileName().toString().equals(project + ".inp") ? "named for the project" : "the newest";
    String note = cands.size() + " inputs name project " + project + " (" + String.join(", ", names) + "): their &KIND declarations "
        + "agree; cell, time step and run type from " + pick.getFileName() + " (" + why + ")";
    Cp2kInput in = new Cp2kInput(chosen.path(), chosen.project(), chosen.runType(), chosen.cell(), chosen.timestepFs(), chosen.ensemble(),
        chosen.trajectoryStride(), chosen.coordFileName(), chosen.bandReplicas(), chosen.coordElements(),
        java.util.Collections.unmodifiableMap(merged), chosen.coordKinds(), chosen.warnings(), chosen.coordPositionsA());
    return new Chosen(in, note);
  }

  /**
   * The input beside a coordinate file that names it in {@code &TOPOLOGY COORD_FILE_NAME} and holds a {@code &CELL}: the
   * cell a plain XYZ start structure (which has none) was run in. Inputs are tried by name; one that cannot be read is skipped.
   *
   * @return null when no input beside the file names it with a cell
   */
  public static Cp2kInput namingCoordinates(Path coordinates) {
    Path dir = coordinates.toAbsolutePath().getParent();
    String name = coordinates.getFileName().toString();
    if (dir == null) {
      return null;
    }
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".inp")).sorted().toList()) {
        if (!mentions(p, name)) {
          continue;
        }
        try {
          Cp2kInput in = read(p);
          if (in.cell() != null && in.coordFileName() != null && Path.of(in.coordFileName()).getFileName().toString().equals(name)) {
            return in;
          }
        } catch (RuntimeException e) {
          // an input that cannot be read names nothing
        }
      }
    } catch (java.io.IOException e) {
      return null;
    }
    return null;
  }

  /** Whether the file's text holds {@code name} at all (a cheap test before an input is read). */
  private static boolean mentions(Path p, String name) {
    try {
      return Files.size(p) < 16 << 20 && Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(name);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** {@code <project>.inp} and every {@code .inp} naming the project, sorted by name. */
  private static List<Path> candidates(Path dir, String project) {
    Path direct = dir.resolve(project + ".inp");
    List<Path> hits = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".inp")).sorted().toList()) {
        if (p.equals(direct) && Files.isRegularFile(p) || project.equals(projectOf(p))) {
          hits.add(p);
        }
      }
    } catch (java.io.IOException e) {
      return Files.isRegularFile(direct) ? List.of(direct) : List.of();
    }
    return hits;
  }

  /** The input named for the project, else the newest by modification time (then the last by name). */
  private static Path preferred(List<Path> cands, String project) {
    Path best = null;
    long bestTime = Long.MIN_VALUE;
    for (Path p : cands) {
      if (p.getFileName().toString().equals(project + ".inp")) {
        return p;
      }
      long t;
      try {
        t = Files.getLastModifiedTime(p).toMillis();
      } catch (java.io.IOException e) {
        t = Long.MIN_VALUE + 1;
      }
      if (t >= bestTime) {
        best = p;
        bestTime = t;
      }
    }
    return best;
  }

  /** The {@code PROJECT} (or {@code PROJECT_NAME}) of an input's {@code &GLOBAL}, or null; variables are resolved by a full read. */
  private static String projectOf(Path p) {
    int depth = 0;
    int globalDepth = -1;
    try (LineReader r = LineReader.open(p)) {
      while (r.next()) {
        String[] t = r.line().replaceAll("[!#].*$", "").strip().split("\\s+");
        String key = t[0].toUpperCase(Locale.ROOT);
        if (key.startsWith("&END")) {
          depth--;
          if (depth < globalDepth) {
            globalDepth = -1;
          }
        } else if (key.startsWith("&")) {
          depth++;
          if (key.equals("&GLOBAL")) {
            globalDepth = depth;
          }
        } else if (globalDepth > 0 && (key.equals("PROJECT") || key.equals("PROJECT_NAME")) && t.length > 1) {
          return t[1].contains("$") ? read(p).project() : t[1];
        }
      }
    } catch (RuntimeException e) {
      // not an input this reader can make sense of: not this project's
      return null;
    }
    return null;
  }
}
