package org.interphase.parsers.vasp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Warning;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.Elements;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Decides the element of every VASP atom type.
 *
 * <p>A species label is an element when its leading letters are one (any case, e.g. {@code Li},
 * {@code LI}) and nothing but a non-letter follows them: {@code Li_sv}, {@code Li/6d1f0c2e} (VASP 6.4
 * hash names), {@code H1.25}, {@code Fe1}. Anything else ({@code r}, {@code Cx}, {@code X}) is not
 * guessed at: the element comes from the pseudopotentials the run used, which VASP itself trusts
 * over the label, in this order: {@code --elements}, a POTCAR beside the file ({@code TITEL} /
 * {@code VRHFIN}), an OUTCAR beside it (the same lines), a vasprun.xml beside it ({@code <atominfo>}
 * pseudopotential names). A pseudopotential list with one entry per type also overrides a label that
 * is another element (VASP computed with the POTCAR), with a warning naming both; a label that is
 * not an element with nothing beside the file is an error naming file and line.
 */
final class SpeciesResolver {
  /** Symbols and where they came from, for the note shown to the user. */
  record Resolved(List<String> symbols, String origin) {}

  /** Per-type elements declared by the pseudopotentials of a run, with their names as written. */
  record Declared(List<String> elements, List<String> names, String origin) {}

  private static final Pattern POTENTIAL_TAG = Pattern.compile("(?i)(PAW|US|NC)(_[A-Za-z0-9]+)*");
  private static final Pattern VASPRUN_TYPE = Pattern.compile(
      "<rc>\\s*<c>[^<]*</c>\\s*<c>([^<]*)</c>\\s*<c>[^<]*</c>\\s*<c>[^<]*</c>\\s*<c>([^<]*)</c>\\s*</rc>");
  private static final List<String> BESIDE = List.of("POTCAR", "OUTCAR", "vasprun.xml");

  private SpeciesResolver() {}

  /**
   * The element a VASP species label or POTCAR symbol names, or {@code null} when it names none:
   * {@code "Li"}, {@code "LI"}, {@code "Li_sv"}, {@code "Li/6d1f"}, {@code "H1.25"}, {@code "Zr_sv_GW"}
   * give an element; {@code "r"}, {@code "Cx"}, {@code "X"}, {@code ""} do not.
   */
  static String elementOrNull(String label) {
    if (label == null) {
      return null;
    }
    String t = label.strip();
    int i = 0;
    while (i < t.length() && isAsciiLetter(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 2) {
      return null;
    }
    String letters = t.substring(0, i);
    String s = letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1).toLowerCase(Locale.ROOT);
    return Elements.isSymbol(s) ? s : null;
  }

  /**
   * The label with a POTCAR suffix or hash removed when what is left is exactly an element
   * ({@code Li_sv}, {@code Li/6d1f} → {@code Li}); otherwise the label itself ({@code Li1}, {@code r}),
   * kept as the atoms' kind.
   */
  static String kindOf(String label, String element) {
    String base = label.strip().split("[/_]")[0];
    return base.equalsIgnoreCase(element) ? element : label.strip();
  }

  /**
   * The element of a pseudopotential title as VASP prints it ({@code TITEL}, {@code POTCAR:},
   * vasprun.xml {@code pseudopotential}): {@code "PAW_PBE Zr_sv 04Jan2005"}, {@code "PAW_GGA Li_sv
   * 17Jan2003"}, {@code "PAW Li 17Jan2003"}, {@code "US Li"}; {@code null} when it names none.
   */
  static String elementOfPotential(String title) {
    if (title == null) {
      return null;
    }
    for (String tok : title.strip().split("\\s+")) {
      if (tok.isEmpty() || POTENTIAL_TAG.matcher(tok).matches()) {
        continue;
      }
      return elementOrNull(tok);
    }
    return null;
  }

  /** The element of a {@code VRHFIN =Zr: 4s4p5s4d} value ({@code "Zr: 4s4p5s4d"}), or null. */
  static String elementOfVrhfin(String value) {
    String v = value.strip();
    int colon = v.indexOf(':');
    return elementOrNull(colon >= 0 ? v.substring(0, colon) : v);
  }

  /**
   * Elements for a VASP 4 file, which has no symbols line: the user's {@code --elements}, else the
   * pseudopotentials of a POTCAR, OUTCAR or vasprun.xml beside the file.
   */
  static Resolved resolve(Path file, int types, ReadOptions options, String source, long line) {
    if (!options.species().isEmpty()) {
      if (options.species().size() != types) {
        throw MalformedInputException.of(source, line, "the file has " + types + " atom types but --elements gives "
            + options.species().size() + " (" + String.join(", ", options.species()) + ")");
      }
      return new Resolved(userElements(options), "--elements");
    }
    Declared d = besides(file, types);
    if (d != null) {
      return new Resolved(d.elements(), d.origin());
    }
    throw new MalformedInputException(source, line,
        "a line of element symbols (this is a VASP 4 file: put its POTCAR or OUTCAR beside it, or pass --elements El1,El2,…)",
        "no symbols");
  }

  /**
   * The element of every labelled type: the pseudopotentials beside the file when they list one per
   * type (whatever the labels say), else the labels, with {@code --elements} for labels that are not
   * elements. Each label replaced or overridden is added to {@code warnings} as {@code FILE:LINE: …}: a
   * label that is not an element as {@link Warning.Input#ASSUMED}, one that names another element than
   * the pseudopotential as {@link Warning.Input#CONFLICT}.
   *
   * @param labels the species labels as written, one per type
   * @param line the line of the labels, for errors
   * @throws MalformedInputException when a label is not an element and nothing beside the file
   *     resolves it consistently
   */
  static List<String> resolveLabels(Path file, List<String> labels, ReadOptions options, String source, long line,
      List<Warning> warnings) {
    String at = (file != null && file.getFileName() != null ? file.getFileName().toString() : source) + ":" + line + ": ";
    List<String> out = new ArrayList<>();
    int bad = -1;
    for (int i = 0; i < labels.size(); i++) {
      String e = elementOrNull(labels.get(i));
      out.add(e);
      if (e == null && bad < 0) {
        bad = i;
      }
    }
    if (!options.species().isEmpty() && options.species().size() == labels.size()) {
      if (bad < 0) {
        return out;
      }
      List<String> user = userElements(options);
      for (int i = 0; i < labels.size(); i++) {
        if (out.get(i) == null) {
          warnings.add(new Warning(Warning.Input.ASSUMED, at + "species label \"" + labels.get(i).strip() + "\" is not an element: "
              + user.get(i) + " from --elements"));
        }
      }
      return user;
    }
    // VASP computes with the pseudopotentials, whatever the labels say: those of the run beside the file decide
    Declared d = besides(file, labels.size());
    if (d == null) {
      if (bad < 0) {
        return out;
      }
      throw MalformedInputException.of(source, line, "expected an element symbol for species " + (bad + 1) + ", found \""
          + MalformedInputException.abbreviate(labels.get(bad)) + "\" (no POTCAR, OUTCAR or vasprun.xml beside the file names "
          + "its element)");
    }
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i).strip();
      String potential = d.elements().get(i);
      if (out.get(i) == null) {
        warnings.add(new Warning(Warning.Input.ASSUMED, at + "species label \"" + label + "\" is not an element: " + potential
            + " from the pseudopotential " + d.names().get(i) + " in " + d.origin()));
      } else if (!out.get(i).equals(potential)) {
        warnings.add(new Warning(Warning.Input.CONFLICT, at + "species label \"" + label + "\" is " + out.get(i) + " but the pseudopotential "
            + d.names().get(i) + " in " + d.origin() + " is " + potential + ": read as " + potential + ", the element VASP computed with (\""
            + label + "\" stays the atoms' kind)"));
      }
    }
    return d.elements();
  }

  /** The {@code --elements} list as elements ({@code Li} or {@code Li:24}). */
  private static List<String> userElements(ReadOptions options) {
    List<String> out = new ArrayList<>();
    for (String s : options.species()) {
      String label = s.split(":")[0];
      String e = elementOrNull(label);
      if (e == null || !label.strip().equalsIgnoreCase(e)) {
        throw new IllegalArgumentException("--elements: \"" + label.strip() + "\" is not an element symbol");
      }
      out.add(e);
    }
    return out;
  }

  /**
   * The pseudopotentials of the run beside {@code file}, when some file there lists exactly
   * {@code types} of them with an element each; null otherwise.
   */
  static Declared besides(Path file, int types) {
    Path dir = file == null ? null : file.toAbsolutePath().getParent();
    if (dir == null) {
      return null;
    }
    VaspSiblings run = VaspSiblings.in(dir);
    for (Path p : BESIDE.stream().flatMap(n -> run.all(n).stream()).toList()) {
      String name = p.getFileName().toString();
      if (p.equals(file.toAbsolutePath())) {
        continue;
      }
      Declared d;
      try {
        d = name.startsWith("vasprun") ? fromVasprun(p) : fromPotcarLines(p);
      } catch (RuntimeException e) {
        // an unreadable neighbour is not evidence either way; the caller reports the label it cannot resolve
        continue;
      }
      if (d != null && d.elements().size() == types) {
        return d;
      }
    }
    return null;
  }

  /**
   * The pseudopotentials listed in a POTCAR or in the header of an OUTCAR: one {@code TITEL  =
   * PAW_PBE Li_sv 10Sep2004} and one {@code VRHFIN =Li: 1s2s2p} line per POTCAR; the element is the
   * TITEL's, else the VRHFIN's. Null when some entry names no element.
   */
  static Declared fromPotcarLines(Path p) {
    List<String> titles = new ArrayList<>();
    List<String> vrhfin = new ArrayList<>();
    try (LineReader r = LineReader.open(p).nulAsSpace(true)) {
      int scanned = 0;
      while (r.next() && scanned++ < 2_000_000) {
        String l = r.line();
        int t = l.indexOf("TITEL");
        if (t >= 0 && l.indexOf('=', t) > 0) {
          titles.add(l.substring(l.indexOf('=', t) + 1).strip());
        }
        int v = l.indexOf("VRHFIN");
        if (v >= 0 && l.indexOf('=', v) > 0) {
          vrhfin.add(l.substring(l.indexOf('=', v) + 1).strip());
        }
        if (l.contains("POSITION") && l.contains("TOTAL-FORCE")) {
          break;
        }
      }
    }
    int n = Math.max(titles.size(), vrhfin.size());
    if (n == 0) {
      return null;
    }
    List<String> elements = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String title = i < titles.size() ? titles.get(i) : null;
      String e = elementOfPotential(title);
      if (e == null && i < vrhfin.size()) {
        e = elementOfVrhfin(vrhfin.get(i));
      }
      if (e == null) {
        return null;
      }
      elements.add(e);
      names.add(title != null ? title : "VRHFIN =" + vrhfin.get(i));
    }
    return new Declared(elements, names, p.getFileName() + " beside it");
  }

  /** The pseudopotential column of {@code <array name="atomtypes">} in a vasprun.xml. */
  static Declared fromVasprun(Path p) {
    List<String> elements = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean inTypes = false;
    try (LineReader r = LineReader.open(p)) {
      int scanned = 0;
      while (r.next() && scanned++ < 200_000) {
        String l = r.line();
        if (l.contains("name=\"atomtypes\"")) {
          inTypes = true;
        } else if (inTypes && l.contains("</array>")) {
          break;
        } else if (l.contains("<calculation")) {
          break;
        } else if (inTypes) {
          Matcher m = VASPRUN_TYPE.matcher(l);
          if (m.find()) {
            String e = elementOfPotential(m.group(2));
            if (e == null) {
              e = elementOrNull(m.group(1));
            }
            if (e == null) {
              return null;
            }
            elements.add(e);
            names.add(m.group(2).strip());
          }
        }
      }
    }
    return elements.isEmpty() ? null : new Declared(elements, names, p.getFileName() + " beside it");
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
