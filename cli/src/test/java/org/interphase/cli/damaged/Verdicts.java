package org.interphase.cli.damaged;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdict rules of {@code shared/data/damaged/README.md}, ported from the script's
 * {@code judge}, {@code msg_problem}, extractors and {@code diff}: the same checks in the same order,
 * so a case is OK here exactly when it is OK there.
 */
final class Verdicts {
  /** Verdicts from worst to best; a case gets the worst of its commands. */
  static final List<String> ORDER = List.of("HANG", "STACKTRACE", "SILENT-WRONG", "REFUSED-LEGIT-FILE", "BAD-EXIT", "BAD-MESSAGE", "OK");

  private static final int U = Pattern.UNICODE_CHARACTER_CLASS;
  /** A Java stack trace or exception class name anywhere in the output (Python {@code re.M}: only \n ends a line). */
  static final Pattern TRACE = Pattern.compile("^\\s+at [\\w$.<>/]+\\(|Exception in thread|^Caused by: |"
      + "\\b(java|javax|jdk|sun|org|com|picocli|info)\\.[\\w.$]*(Exception|Error)\\b", Pattern.MULTILINE | Pattern.UNIX_LINES | U);
  /** NaN or Infinity as a value in the output (ASCII classes, as the script's bytes pattern). */
  static final Pattern NAN_TEXT = Pattern.compile("(?<![\\w\"])(NaN|-?Infinity)(?![\\w\"])|= NaN |= -?Infinity ");
  private static final Pattern LINE_RE = Pattern.compile(":\\d+: \\S.{8,}", U);
  private static final Pattern NOLINE_RE = Pattern.compile("(:\\d+)?: \\S.{8,}", U);
  private static final Pattern WARN_OR_NOTE = Pattern.compile("\\s*(warning|note)\\b", Pattern.CASE_INSENSITIVE | U);
  private static final Pattern WARNING = Pattern.compile("\\s*warning\\b", Pattern.CASE_INSENSITIVE | U);
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Verdicts() {}

  /** A verdict and the reason for it. */
  record Verdict(String verdict, String note) {
    boolean ok() {
      return verdict.equals("OK");
    }
  }

  /** One command's outcome seen as the script sees it. */
  static final class Run {
    final InProcessCli.Result r;
    final String extract;
    final int baseWarn;
    final boolean trace;
    final boolean nanText;
    final List<String> errLines;
    final int warnStderr;
    final Object json;
    final String jsonError;

    Run(InProcessCli.Result r, String extract, int baseWarn) {
      this.r = r;
      this.extract = extract;
      this.baseWarn = baseWarn;
      this.trace = TRACE.matcher(r.err()).find() || TRACE.matcher(r.out()).find();
      this.nanText = NAN_TEXT.matcher(r.out()).find();
      List<String> el = new ArrayList<>();
      int w = 0;
      for (String l : splitLines(r.err())) {
        if (!l.strip().isEmpty() && !WARN_OR_NOTE.matcher(l).lookingAt()) {
          el.add(l);
        }
        if (WARNING.matcher(l).lookingAt()) {
          w++;
        }
      }
      this.errLines = el;
      this.warnStderr = w;
      Object j = null;
      String je = null;
      if (r.argv().contains("--json") && !r.out().strip().isEmpty()) {
        try {
          j = plain(JSON.readTree(r.out()));
        } catch (IOException e) {
          je = e.getMessage().lines().findFirst().orElse("");
          je = je.substring(0, Math.min(120, je.length()));
        }
      }
      this.json = j;
      this.jsonError = je;
    }

    int rc() {
      return r.rc();
    }

    boolean hung() {
      return r.hung();
    }

    List<String> argv() {
      return r.argv();
    }

    /** Warnings on stderr or in the JSON, whichever are more. */
    int nwarn() {
      return Math.max(warnStderr, jsonWarnings(json));
    }

    /** The first error line (or, for a failure without one, the first line of stderr). */
    String firstLine() {
      if (!errLines.isEmpty()) {
        return errLines.get(0);
      }
      return r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }
  }

  // ------------------------------------------------------------------------------------ text

  /** Python's {@code str.splitlines()}. */
  static List<String> splitLines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 || c == 0x2028
          || c == 0x2029) {
        out.add(s.substring(start, i));
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(s.substring(start));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ JSON as plain values

  /** JSON as Map / List / Double / String / Boolean / null, as Python's {@code json.loads} gives it. */
  static Object plain(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(plain(x)));
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), plain(e.getValue()));
    }
    return m;
  }

  private static Object get(Object d, String key) {
    return d instanceof Map<?, ?> m ? m.get(key) : null;
  }

  /** Python truthiness. */
  private static boolean truthy(Object o) {
    if (o == null) {
      return false;
    }
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof Double x) {
      return x != 0;
    }
    if (o instanceof String s) {
      return !s.isEmpty();
    }
    if (o instanceof List<?> l) {
      return !l.isEmpty();
    }
    return !((Map<?, ?>) o).isEmpty();
  }

  /** {@code d.get(key) or []} as a list. */
  private static List<?> listOr(Object d, String key) {
    Object o = get(d, key);
    return truthy(o) && o instanceof List<?> l ? l : List.of();
  }

  /** {@code len(d.get(key) or [])}. */
  private static int lenOr(Object d, String key) {
    Object o = get(d, key);
    if (!truthy(o)) {
      return 0;
    }
    if (o instanceof List<?> l) {
      return l.size();
    }
    if (o instanceof Map<?, ?> m) {
      return m.size();
    }
    return o instanceof String s ? s.length() : 0;
  }

  static int jsonWarnings(Object d) {
    if (!(d instanceof Map)) {
      return 0;
    }
    int n = lenOr(d, "warnings");
    for (Object f : listOr(d, "files")) {
      n += lenOr(f, "warnings");
    }
    for (Object p : listOr(d, "paths")) {
      n += lenOr(p, "warnings") + lenOr(p, "notes");
    }
    return n;
  }

  // ------------------------------------------------------------------------------------ extractors

  private static Map<String, Object> dict(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The numbers the README compares, per command ({@code info}, {@code msd}, {@code bonds}, {@code neb}, {@code iface}). */
  static Object extract(String which, Object d) {
    switch (which) {
      case "info": {
        List<Object> out = new ArrayList<>();
        Object files = get(d, "files");
        for (Object f : files instanceof List<?> l ? l : List.of()) {
          out.add(dict("format", get(f, "format"), "atoms", get(f, "atoms"), "species", get(f, "species"), "frames", get(f, "frames"),
              "timestep_fs", get(f, "timestep_fs"), "variable_cell", get(f, "variable_cell"), "cell", get(f, "cell"),
              "has_energies", get(f, "has_energies"), "has_forces", get(f, "has_forces")));
        }
        return out;
      }
      case "msd": {
        List<?> m = listOr(d, "msd_a2");
        return dict("frames", get(d, "frames"), "atoms", get(d, "atoms"), "timestep_fs", get(d, "timestep_fs"), "D",
            get(d, "diffusivity_cm2_s"), "msd_lag10", m.size() > 10 ? m.get(10) : null, "msd_last", m.isEmpty() ? null : m.get(m.size() - 1),
            "T", get(d, "temperature_k"));
      }
      case "bonds":
        return dict("frames", get(d, "frames"), "centers", get(d, "centers"), "events", (double) lenOr(d, "events"), "motifs_last",
            get(d, "motifs_last"));
      case "neb": {
        List<Object> out = new ArrayList<>();
        Object paths = get(d, "paths");
        for (Object p : paths instanceof List<?> l ? l : List.of()) {
          out.add(dict("images", get(p, "images"), "energy_ev", get(p, "energy_ev"), "barrier_forward_ev", get(p, "barrier_forward_ev"),
              "barrier_backward_ev", get(p, "barrier_backward_ev"), "migrating_atom", get(p, "migrating_atom")));
        }
        return out;
      }
      case "iface":
        return dict("gamma", get(d, "interface_energy_j_m2"), "W", get(d, "work_of_adhesion_j_m2"), "E_ab", get(d, "energy_interface_ev"),
            "E_a", get(d, "energy_a_ev"), "E_b", get(d, "energy_b_ev"), "frames", get(d, "frames_used"));
      default:
        throw new IllegalArgumentException(which);
    }
  }

  // ------------------------------------------------------------------------------------ comparison

  /** Python's {@code math.isclose(a, b, rel_tol=tol, abs_tol=1e-12)}. */
  static boolean isClose(double a, double b, double tol) {
    if (a == b) {
      return true;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return false;
    }
    double diff = Math.abs(b - a);
    return diff <= Math.abs(tol * b) || diff <= Math.abs(tol * a) || diff <= 1e-12;
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.10g", x);
  }

  /** The first difference between two extracted structures, or null. */
  static String diff(Object a, Object b, double tol, String path) {
    if (a instanceof Boolean || b instanceof Boolean) {
      return Objects.equals(a, b) ? null : path + ": " + a + " vs " + b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      if (x.isNaN() && y.isNaN()) {
        return null;
      }
      return isClose(x, y, tol) ? null : path + ": " + num(x) + " (undamaged " + num(y) + ")";
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (!ma.keySet().equals(mb.keySet())) {
        return path + ": keys " + new TreeSet<>(ma.keySet().stream().map(String::valueOf).toList()) + " vs "
            + new TreeSet<>(mb.keySet().stream().map(String::valueOf).toList());
      }
      for (Object k : ma.keySet()) {
        String r = diff(ma.get(k), mb.get(k), tol, path.isEmpty() ? String.valueOf(k) : path + "." + k);
        if (r != null) {
          return r;
        }
      }
      return null;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return (path.isEmpty() ? "files" : path) + ": " + la.size() + " entries (undamaged " + lb.size() + ")";
      }
      for (int i = 0; i < la.size(); i++) {
        String r = diff(la.get(i), lb.get(i), tol, path + "[" + i + "]");
        if (r != null) {
          return r;
        }
      }
      return null;
    }
    return Objects.equals(a, b) ? null : path + ": " + a + " (undamaged " + b + ")";
  }

  static boolean nonFinite(Object x) {
    if (x instanceof Double d) {
      return d.isNaN() || d.isInfinite();
    }
    if (x instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(Verdicts::nonFinite);
    }
    if (x instanceof List<?> l) {
      return l.stream().anyMatch(Verdicts::nonFinite);
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ messages

  private static boolean find(String regex, String s) {
    return Pattern.compile(regex, U).matcher(s).find();
  }

  /** What is wrong with a failing run's message, or null (the script's {@code msg_problem}). */
  static String msgProblem(Run r, boolean pattern, boolean noline) {
    List<String> l = r.errLines;
    if (l.isEmpty()) {
      return "no error message on stderr";
    }
    if (l.size() > 1) {
      return l.size() + " error lines on stderr (first: " + cut(l.get(0), 80) + ")";
    }
    String s = l.get(0);
    int len = s.codePointCount(0, s.length());
    if (len > 1000) {
      return "error line of " + len + " characters";
    }
    if (find("[\\x00-\\x08\\x0b-\\x1f\\x7f\\ufffd]", s)) {
      return "unprintable bytes in the error line";
    }
    if (find("\\b[A-Z]\\w*(Exception|Error)\\b", s)) {
      return "Java exception name in the message";
    }
    if (find(":\\s*null\\s*$", s)) {
      return "the reason is \"null\" (an exception without a message)";
    }
    if (!find("[A-Za-z]{3}", Pattern.compile("/[^:]*|interphase", U).matcher(s).replaceAll(""))) {
      return "the message names a path but gives no reason";
    }
    if (find("\\bno an? [A-Z]", s)) {
      return "garbled message (\"no a/an ...\")";
    }
    Matcher m = Pattern.compile(": expected ", U).matcher(s);
    int expected = 0;
    while (m.find()) {
      expected++;
    }
    if (expected > 1 || find("found \"[^\"]*:\\d+:", s)) {
      return "another error message nested inside \"found ...\"";
    }
    if (pattern && !(noline ? NOLINE_RE : LINE_RE).matcher(s).find()) {
      return "not of the form file:line: <reason>";
    }
    return null;
  }

  static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  /** Names in an output folder, hidden ones left out (the script's {@code outdir_files}). */
  static List<String> outdirFiles(Path o) {
    if (o == null || !Files.isDirectory(o)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(o)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  // ------------------------------------------------------------------------------------ the verdict

  /** The verdict of one command; a failing run whose message is also poor gets that noted. */
  static Verdict judge(String kind, Run r, Object base, double tol, Path outDir, Integer expect, boolean noline, String rc0) {
    Verdict v = judge1(kind, r, base, tol, outDir, expect, noline, rc0);
    if (Set.of("BAD-EXIT", "SILENT-WRONG", "REFUSED-LEGIT-FILE").contains(v.verdict()) && r.rc() > 0 && !r.hung() && !r.trace) {
      String p = msgProblem(r, false, true);
      if (p != null && !v.note().contains(p)) {
        return new Verdict(v.verdict(), v.note() + "; also: " + p);
      }
    }
    return v;
  }

  private static Verdict v(String verdict, String note) {
    return new Verdict(verdict, note);
  }

  private static Set<Integer> codes(String kind) {
    return Arrays.stream(kind.split(":")[1].split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String slash(Set<Integer> codes) {
    return codes.stream().map(String::valueOf).collect(Collectors.joining("/"));
  }

  private static Integer framesOf(Object ex) {
    Object f = null;
    if (ex instanceof List<?> l && !l.isEmpty()) {
      f = get(l.get(0), "frames");
    } else if (ex instanceof Map) {
      f = get(ex, "frames");
    }
    return f instanceof Double d && d == Math.rint(d) ? (Integer) (int) (double) d : null;
  }

  private static Verdict judge1(String kind, Run r, Object base, double tol, Path outDir, Integer expect, boolean noline, String rc0) {
    int rc = r.rc();
    boolean json = r.argv().contains("--json");
    if (r.hung()) {
      return v("HANG", "killed after the time limit");
    }
    if (r.trace) {
      String first = r.r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
      return v("STACKTRACE", cut(first, 140));
    }
    if (rc < 0) {
      return v("BAD-EXIT", "killed by signal " + -rc);
    }
    if (rc != 0 && !r.r.out().isEmpty() && json && r.json == null) {
      return v("BAD-MESSAGE", "partial / invalid JSON on stdout after failing");
    }
    if (rc != 0 && outDir != null && !outdirFiles(outDir).isEmpty()) {
      return v("SILENT-WRONG", "failed (rc " + rc + ") but left output files " + String.join(",", outdirFiles(outDir)));
    }
    Object ex = null;
    String d = null;
    if (rc == 0) {
      if (json && r.json == null) {
        return v("BAD-MESSAGE", "rc 0 but stdout is not one JSON document (" + (r.jsonError != null ? r.jsonError : "empty") + ")");
      }
      ex = r.json != null ? extract(r.extract, r.json) : null;
      if ((ex != null && nonFinite(ex)) || r.nanText) {
        return v("SILENT-WRONG", "rc 0 with NaN/Infinity in the result");
      }
      d = base != null && ex != null ? diff(ex, base, tol, "") : null;
    }
    boolean newWarn = r.nwarn() > r.baseWarn;
    boolean patKind = kind.equals("malformed") || kind.equals("legit_or_malformed") || kind.equals("warn_or_malformed");
    if (patKind && rc == 3) {
      String p = msgProblem(r, true, noline);
      return p != null ? v("BAD-MESSAGE", p) : v("OK", "rc 3");
    }
    if (kind.equals("malformed")) {
      if (rc == 0) {
        if (d != null) {
          return v(rc0 != null ? rc0 : "SILENT-WRONG", "rc 0, result differs: " + d);
        }
        return v("BAD-EXIT", "rc 0" + (newWarn ? " with a warning" : ", accepted without a word") + " (promised: exit 3)");
      }
      return v("BAD-EXIT", "rc " + rc + " (promised: exit 3)");
    }
    if (kind.equals("legit") || kind.equals("legit_or_malformed")) {
      if (rc == 0) {
        if (d != null) {
          return v("SILENT-WRONG", "result differs from the undamaged file: " + d);
        }
        if (outDir != null && r.argv().contains("--out") && outdirFiles(outDir).isEmpty()) {
          return v("BAD-EXIT", "rc 0 but nothing written under --out");
        }
        return v("OK", "same result as undamaged");
      }
      if (kind.equals("legit")) {
        return v("REFUSED-LEGIT-FILE", "rc " + rc + ": " + cut(r.errLines.isEmpty() ? "" : r.errLines.get(0), 140));
      }
      return v("BAD-EXIT", "rc " + rc + " (expected 0 with the same result, or 3)");
    }
    if (kind.equals("truncated") || kind.equals("truncated_or_malformed")) {
      if (rc == 0) {
        if (!newWarn) {
          return v("SILENT-WRONG", "rc 0 without any warning" + (d != null ? " (" + d + ")" : ""));
        }
        if (expect != null && ex != null) {
          Integer got = framesOf(ex);
          if (!expect.equals(got)) {
            return v("SILENT-WRONG", "frames " + got + ", expected " + expect + " complete frames");
          }
        }
        return v("OK", "rc 0 with a warning");
      }
      if (rc == 3 && kind.equals("truncated_or_malformed")) {
        String p = msgProblem(r, false, noline);
        return p != null ? v("BAD-MESSAGE", p) : v("OK", "rc 3");
      }
      return v("BAD-EXIT", "rc " + rc + " (promised: complete frames + warning)");
    }
    if (kind.equals("warn_or_malformed")) {
      if (rc == 0) {
        if (newWarn) {
          return v("OK", "rc 0 with a warning");
        }
        if (d != null) {
          return v("SILENT-WRONG", "rc 0 without any warning; " + d);
        }
        return v("BAD-EXIT", "rc 0 without any warning (same numbers as undamaged)");
      }
      return v("BAD-EXIT", "rc " + rc + " (expected 3, or 0 with a warning)");
    }
    if (kind.startsWith("warn_or_fail")) {
      Set<Integer> codes = codes(kind);
      if (rc == 0) {
        return newWarn ? v("OK", "rc 0 with a warning") : v("SILENT-WRONG", "rc 0, picked a result without any warning");
      }
      if (codes.contains(rc)) {
        String p = msgProblem(r, false, false);
        return p != null ? v("BAD-MESSAGE", p) : v("OK", "rc " + rc);
      }
      return v("BAD-EXIT", "rc " + rc + " (expected " + slash(codes) + ", or 0 with a warning)");
    }
    if (kind.startsWith("fail")) {
      Set<Integer> codes = codes(kind);
      if (codes.contains(rc)) {
        String p = msgProblem(r, false, false);
        return p != null ? v("BAD-MESSAGE", p) : v("OK", "rc " + rc);
      }
      if (rc == 0) {
        return v("SILENT-WRONG", "rc 0: produced a result (expected exit " + slash(codes) + ")");
      }
      return v("BAD-EXIT", "rc " + rc + " (expected " + slash(codes) + ")");
    }
    if (kind.equals("zero_frames")) {
      if (rc == 0) {
        Object got = ex instanceof List<?> l && !l.isEmpty() ? get(l.get(0), "frames") : null;
        return Objects.equals(got, 0.0) ? v("OK", "rc 0, 0 frames") : v("SILENT-WRONG", "frames " + got + " from a file without a complete frame");
      }
      if (rc == 3) {
        String p = msgProblem(r, false, true);
        return p != null ? v("BAD-MESSAGE", p) : v("OK", "rc 3");
      }
      return v("BAD-EXIT", "rc " + rc + " (expected 0 with 0 frames, or 3)");
    }
    if (kind.startsWith("frames:")) {
      if (rc != 0) {
        return v("REFUSED-LEGIT-FILE", "rc " + rc + ": " + cut(r.errLines.isEmpty() ? "" : r.errLines.get(0), 140));
      }
      Object got = ex instanceof List<?> l && !l.isEmpty() ? get(l.get(0), "frames") : null;
      double want = Integer.parseInt(kind.split(":")[1]);
      return Objects.equals(got, want) ? v("OK", "rc 0, " + (int) want + " frames") : v("SILENT-WRONG", "frames " + got + ", expected " + (int) want);
    }
    if (kind.equals("ok_or_fail")) {
      if (rc == 0) {
        return d != null ? v("SILENT-WRONG", "result differs: " + d) : v("OK", "rc 0, same result");
      }
      String p = msgProblem(r, false, false);
      return p != null ? v("BAD-MESSAGE", p) : v("OK", "rc " + rc);
    }
    throw new IllegalArgumentException(kind);
  }

  /** The worse of two verdicts. */
  static Verdict worse(Verdict a, Verdict b) {
    return ORDER.indexOf(b.verdict()) < ORDER.indexOf(a.verdict()) ? b : a;
  }
}
