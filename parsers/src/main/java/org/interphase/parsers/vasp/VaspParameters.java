package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.parsers.io.LineReader;

/**
 * The INCAR tags that decide how far apart stored MD frames are, as one file of a run states them:
 * an INCAR, the header of an OUTCAR (VASP 6's INCAR echo and the parameter block, e.g. {@code
 * POTIM  = 2.0000    time-step for ionic-motion}, {@code NBLOCK =     10;   KBLOCK}) or the
 * {@code <incar>}/{@code <parameters>} of a vasprun.xml. A tag the file does not state is null (NaN
 * for POTIM).
 *
 * <p>What the tags mean (VASP wiki, NBLOCK and ML_OUTBLOCK): the XDATCAR gets a configuration every
 * NBLOCK MD steps (default 1). In a machine-learned force-field run in prediction-only mode
 * ({@code ML_LMLFF = .TRUE.} with {@code ML_MODE = run}, VASP ≥ 6.4) VASP sets NBLOCK to
 * max(NBLOCK, ML_OUTBLOCK); from VASP 6.4.3 on ML_OUTBLOCK also thins the energies of the OUTCAR and
 * the steps of the vasprun.xml. ML_OUTBLOCK does nothing in training modes.
 *
 * @param origin the file name, e.g. {@code INCAR}, for messages
 * @param version the VASP version the file names, e.g. {@code 6.4.3}, or null
 * @param potimFs POTIM (fs), NaN when absent
 * @param nblock NBLOCK, null when absent
 * @param mlOutblock ML_OUTBLOCK, null when absent
 * @param mlLmlff ML_LMLFF, null when absent
 * @param mlMode ML_MODE in lower case, null when absent
 * @param mlIstart ML_ISTART (VASP 6.3's way of asking for prediction only: 2), null when absent
 * @param ibrion IBRION, null when absent
 * @param problems values that could not be read, for warnings
 */
record VaspParameters(String origin, String version, double potimFs, Integer nblock, Integer mlOutblock, Boolean mlLmlff,
    String mlMode, Integer mlIstart, Integer ibrion, List<String> problems) {

  private static final Pattern VASPRUN_ITEM = Pattern.compile("<i\\b[^>]*\\bname=\"([A-Za-z_0-9]+)\"[^>]*>([^<]*)</i>");
  private static final Pattern OUTCAR_TAG = Pattern.compile("^\\s*([A-Z][A-Z_0-9]*)\\s*=\\s*([^\\s;]+)");
  private static final Pattern OUTCAR_VERSION = Pattern.compile("vasp\\.(\\d+\\.\\d+(?:\\.\\d+)?)");

  VaspParameters {
    problems = List.copyOf(problems);
  }

  /** Whether the file says anything about the time step, the output interval or the kind of run (IBRION). */
  boolean isEmpty() {
    return Double.isNaN(potimFs) && nblock == null && mlOutblock == null && ibrion == null;
  }

  /**
   * A machine-learned force-field run in prediction-only mode: {@code ML_LMLFF = .TRUE.} and
   * {@code ML_MODE = run} (VASP ≥ 6.4), or without ML_MODE {@code ML_ISTART = 2} (VASP 6.3).
   */
  boolean mlPredictionOnly() {
    if (!Boolean.TRUE.equals(mlLmlff)) {
      return false;
    }
    if (mlMode != null) {
      return mlMode.equals("run") || mlMode.equals("predict");
    }
    return mlIstart != null && mlIstart == 2;
  }

  /**
   * Whether ML_OUTBLOCK sets the output interval: prediction-only mode and ML_OUTBLOCK above 1 and at
   * least NBLOCK (an OUTCAR prints NBLOCK after VASP raised it to ML_OUTBLOCK).
   */
  boolean outblockRules() {
    return mlPredictionOnly() && mlOutblock != null && mlOutblock > 1 && mlOutblock >= (nblock == null ? 1 : nblock);
  }

  /** MD steps between the outputs ML_OUTBLOCK thins (VASP ≥ 6.4.3: OUTCAR energies, vasprun.xml steps): ML_OUTBLOCK or 1. */
  int mlOutputInterval() {
    return mlPredictionOnly() && mlOutblock != null && mlOutblock > 1 ? mlOutblock : 1;
  }

  /** MD steps between XDATCAR configurations: max(NBLOCK, ML_OUTBLOCK in prediction-only mode), NBLOCK absent = 1. */
  int xdatcarStride() {
    return outblockRules() ? mlOutblock : nblock == null ? 1 : Math.max(1, nblock);
  }

  /** The tag behind {@link #xdatcarStride()}, for messages: {@code NBLOCK} or {@code ML_OUTBLOCK}. */
  String strideTag() {
    return outblockRules() ? "ML_OUTBLOCK" : "NBLOCK";
  }

  /** Whether the version is at least {@code major.minor.patch}; false when unknown. */
  boolean versionAtLeast(int major, int minor, int patch) {
    if (version == null) {
      return false;
    }
    String[] p = version.split("\\.");
    int[] v = new int[3];
    for (int i = 0; i < 3 && i < p.length; i++) {
      try {
        v[i] = Integer.parseInt(p[i].replaceAll("\\D.*", ""));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    int[] want = {major, minor, patch};
    for (int i = 0; i < 3; i++) {
      if (v[i] != want[i]) {
        return v[i] > want[i];
      }
    }
    return true;
  }

  /**
   * Every file of the run beside {@code file} that states the tags, most trusted first: the OUTCAR
   * (what VASP ran with), the vasprun.xml, then the INCAR (which may have been edited since). The
   * file itself is skipped.
   */
  static List<VaspParameters> besides(Path file) {
    List<VaspParameters> out = new ArrayList<>();
    VaspSiblings run = VaspSiblings.of(file);
    Path self = file.toAbsolutePath().normalize();
    for (String group : new String[] {"OUTCAR", "vasprun.xml", "INCAR"}) {
      for (Path p : run.all(group)) {
        String name = p.getFileName().toString();
        if (p.toAbsolutePath().normalize().equals(self)) {
          continue;
        }
        VaspParameters v;
        try {
          v = name.startsWith("OUTCAR") ? fromOutcar(p) : name.startsWith("vasprun") ? fromVasprun(p) : fromIncar(p);
        } catch (RuntimeException e) {
          // a damaged neighbour says nothing; the file being read is judged on its own
          continue;
        }
        if (!v.isEmpty()) {
          out.add(v);
          break;
        }
      }
    }
    return out;
  }

  /** Reads an INCAR: {@code TAG = value} statements, several per line with {@code ;}, comments after {@code #} or {@code !}. */
  static VaspParameters fromIncar(Path p) {
    Builder b = new Builder(p.getFileName().toString());
    try (LineReader r = LineReader.open(p)) {
      int lines = 0;
      while (r.next() && lines++ < 100_000) {
        for (String stmt : r.line().split(";")) {
          String s = stmt.replaceAll("[#!].*", "").strip();
          int eq = s.indexOf('=');
          if (eq <= 0) {
            continue;
          }
          String[] value = s.substring(eq + 1).strip().split("\\s+");
          b.put(s.substring(0, eq).strip().toUpperCase(Locale.ROOT), value[0], r.lineNumber());
        }
      }
    }
    return b.build();
  }

  /**
   * Reads the header of an OUTCAR up to the first ionic step: the version line, VASP 6's INCAR echo
   * ({@code    ML_MODE = run}) and the parameter block ({@code    NBLOCK =     10;   KBLOCK =}).
   * A tag stated twice keeps its last value, the parameter block's.
   */
  static VaspParameters fromOutcar(Path p) {
    Builder b = new Builder(p.getFileName().toString());
    try (LineReader r = LineReader.open(p).nulAsSpace(true)) {
      int lines = 0;
      while (r.next() && lines++ < 50_000) {
        String l = r.line();
        if (lines == 1) {
          Matcher v = OUTCAR_VERSION.matcher(l);
          if (v.find()) {
            b.version = v.group(1);
          }
          continue;
        }
        if (l.contains("POSITION") && l.contains("TOTAL-FORCE") || l.contains("Iteration")) {
          break;
        }
        Matcher m = OUTCAR_TAG.matcher(l);
        if (m.find() && Builder.KNOWN.contains(m.group(1))) {
          b.put(m.group(1), m.group(2), r.lineNumber());
        }
      }
    }
    return b.build();
  }

  /**
   * Reads the {@code <generator>}, {@code <incar>} and {@code <parameters>} of a vasprun.xml up to
   * the first {@code <calculation>} ({@code <i type="int" name="NBLOCK">     10</i>}); a tag stated
   * twice keeps its last value, the parameters'.
   */
  static VaspParameters fromVasprun(Path p) {
    Builder b = new Builder(p.getFileName().toString());
    try (LineReader r = LineReader.open(p)) {
      int lines = 0;
      while (r.next() && lines++ < 200_000) {
        String l = r.line();
        if (l.contains("<calculation") || l.contains("<atominfo")) {
          break;
        }
        Matcher m = VASPRUN_ITEM.matcher(l);
        while (m.find()) {
          String name = m.group(1);
          if (name.equals("version") && b.version == null) {
            b.version = m.group(2).strip().replaceFirst("^(\\d+\\.\\d+(?:\\.\\d+)?).*$", "$1");
          } else if (Builder.KNOWN.contains(name)) {
            b.put(name, m.group(2).strip(), r.lineNumber());
          }
        }
      }
    }
    return b.build();
  }

  /** Collects the tags of a file a reader scans anyway (OUTCAR header lines, vasprun.xml items). */
  static final class Tags {
    private final Builder b;

    Tags(String origin, String version) {
      b = new Builder(origin);
      b.version = version;
    }

    /** Whether {@link #put} takes that tag. */
    static boolean wanted(String name) {
      return Builder.KNOWN.contains(name);
    }

    /** Takes one tag's value as written, e.g. {@code ("ML_MODE", "run")}. */
    void put(String name, String value, long lineNumber) {
      if (Builder.KNOWN.contains(name)) {
        b.put(name, value, lineNumber);
      }
    }

    void version(String v) {
      b.version = v;
    }

    /** Takes a header line such as {@code    NBLOCK =     10;   KBLOCK =     10}. */
    void line(String l, long lineNumber) {
      Matcher m = OUTCAR_TAG.matcher(l);
      if (m.find() && Builder.KNOWN.contains(m.group(1))) {
        b.put(m.group(1), m.group(2), lineNumber);
      }
    }

    VaspParameters build() {
      return b.build();
    }
  }

  /** Collects tag values while a file is scanned. */
  private static final class Builder {
    static final List<String> KNOWN = List.of("POTIM", "NBLOCK", "ML_OUTBLOCK", "ML_LMLFF", "ML_MODE", "ML_ISTART", "IBRION");
    final String origin;
    String version;
    double potim = Double.NaN;
    Integer nblock;
    Integer mlOutblock;
    Boolean mlLmlff;
    String mlMode;
    Integer mlIstart;
    Integer ibrion;
    final List<String> problems = new ArrayList<>();

    Builder(String origin) {
      this.origin = origin;
    }

    void put(String key, String raw, long line) {
      String v = raw.strip().replaceAll("^['\"]|['\"]$", "");
      try {
        switch (key) {
          case "POTIM" -> potim = potim(Double.parseDouble(v.replaceAll("[dD]", "e")));
          case "NBLOCK" -> nblock = (int) positive(Integer.parseInt(v));
          case "ML_OUTBLOCK" -> mlOutblock = (int) positive(Integer.parseInt(v));
          case "ML_ISTART" -> mlIstart = Integer.parseInt(v);
          case "IBRION" -> ibrion = Integer.parseInt(v);
          case "ML_MODE" -> mlMode = v.toLowerCase(Locale.ROOT);
          case "ML_LMLFF" -> mlLmlff = logical(v);
          default -> { }
        }
      } catch (IllegalArgumentException e) {
        problems.add(origin + " line " + line + ": " + key + " = " + raw.strip() + " is not a value VASP reads; ignored");
      }
    }

    /** POTIM as a time step: 0 (relaxations and NEB with IBRION = 3 write it) states none. */
    private static double potim(double x) {
      return x == 0 ? Double.NaN : positive(x);
    }

    private static double positive(double x) {
      if (!(x > 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException("not positive");
      }
      return x;
    }

    private static Boolean logical(String v) {
      String t = v.toUpperCase(Locale.ROOT).replace(".", "");
      if (t.startsWith("T")) {
        return Boolean.TRUE;
      }
      if (t.startsWith("F")) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException("not a logical");
    }

    VaspParameters build() {
      return new VaspParameters(origin, version, potim, nblock, mlOutblock, mlLmlff, mlMode, mlIstart, ibrion, problems);
    }
  }
}
