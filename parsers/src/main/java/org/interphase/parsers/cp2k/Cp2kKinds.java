package org.interphase.parsers.cp2k;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interphase.core.AtomTable;
import org.interphase.core.MalformedInputException;

/**
 * The chemical element of every CP2K kind label, decided as CP2K decides it.
 *
 * <p>CP2K files name atoms by <i>kind</i>: a label of the coordinates that a {@code &KIND name}
 * section of the input may map to an element with {@code ELEMENT} (a bridging sulfur written {@code
 * Sb} with {@code ELEMENT S} is sulfur, not antimony). The rule, in order:
 * <ol>
 *   <li>a {@code &KIND} section of the input whose name equals the label in any case and that has
 *       {@code ELEMENT}: that element;</li>
 *   <li>the main log's tables: {@code ATOMIC KIND INFORMATION} ("1. Atomic kind: Sb  Number of
 *       atoms: 5") gives kind numbers and names, the {@code ATOMIC COORDINATES} table (columns Atom,
 *       Kind, Element) the element CP2K used for each kind number;</li>
 *   <li>otherwise the label itself, as CP2K reduces it: its first two letters when they are an
 *       element symbol in any case ({@code LI1} → Li, {@code Cl_a} → Cl), else its first letter
 *       ({@code O_h2o} → O, {@code S_2} → S, {@code H1} → H).</li>
 * </ol>
 * A label none of these resolves is refused with the file and line where it appears. When the input
 * and the log disagree on a kind, the input's declaration is used and a warning names both.
 */
public final class Cp2kKinds {
  /** Where the element of a kind was declared. */
  record Declaration(String kind, String element, String where) {}

  private final Map<String, Declaration> declared;
  private final List<String> coordKinds;
  private final List<String> logAtomKinds;
  private final List<String> warnings;
  private final String inputName;
  private final Set<String> usedSources = new LinkedHashSet<>();
  /** upper-case kind name → the spelling of its {@code &KIND} section */
  private final Map<String, String> spellings;

  private Cp2kKinds(Map<String, Declaration> declared, List<String> coordKinds, List<String> logAtomKinds, List<String> warnings,
      String inputName, Map<String, String> spellings) {
    this.spellings = spellings;
    this.declared = declared;
    this.coordKinds = coordKinds;
    this.logAtomKinds = logAtomKinds;
    this.warnings = warnings;
    this.inputName = inputName;
  }

  /** No declarations: every label resolves by CP2K's rule for names. */
  public static Cp2kKinds none() {
    return of(null, null);
  }

  /**
   * The declarations of an input and a log of the same run; either may be null.
   *
   * @param input the run's input (or restart file), read with {@link Cp2kInput#read(Path)}
   * @param log the head of the run's main log, read with {@link Cp2kLog#head(Path)}
   */
  public static Cp2kKinds of(Cp2kInput input, Cp2kLog.Head log) {
    Map<String, Declaration> d = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    String inName = input == null ? null : input.path().getFileName().toString();
    Map<String, String> spellings = new LinkedHashMap<>();
    if (input != null) {
      for (Cp2kInput.KindSection k : input.kinds().values()) {
        spellings.put(upper(k.name()), k.name());
        if (k.element() != null) {
          d.put(upper(k.name()), new Declaration(k.name(), k.element(), "&KIND " + k.name() + " ELEMENT " + k.element() + " ("
              + k.file() + ":" + k.line() + ")"));
        }
      }
    }
    List<String> logAtomKinds = List.of();
    if (log != null && log.path() != null) {
      String logName = log.path().getFileName().toString();
      for (Cp2kLog.Kind k : log.kinds()) {
        if (k.element() == null) {
          continue;
        }
        Declaration in = d.get(upper(k.name()));
        if (in == null) {
          d.put(upper(k.name()), new Declaration(k.name(), k.element(), "the kind table of " + logName));
        } else if (!in.element().equals(k.element())) {
          warnings.add("kind " + k.name() + " is " + in.element() + " in " + in.where() + " but " + k.element() + " in the kind table of "
              + logName + ": " + in.element() + " is used");
        }
      }
      logAtomKinds = log.atomKinds();
    }
    return new Cp2kKinds(d, input == null ? List.of() : input.coordKinds(), logAtomKinds, warnings, inName, spellings);
  }

  /**
   * The declarations of the run a CP2K output file belongs to ({@code P-pos-1.xyz}, {@code
   * P-frc-1.xyz}, {@code P-vel-1.xyz}, {@code P-force-…}): its project's input ({@code P.inp} or the
   * only input naming project P, else {@code P-1.restart}) and main log, when they are beside it.
   */
  public static Cp2kKinds beside(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    String name = file.getFileName().toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.+?)-(pos|frc|vel|force)-").matcher(name);
    if (!m.find()) {
      return none();
    }
    String project = m.group(1);
    Cp2kInput.Chosen in = Cp2kInput.forProject(dir, project);
    Cp2kInput input = in == null ? restartInput(dir, project) : in.input();
    Path log = Cp2kLog.find(dir, project);
    return of(input, log == null ? null : Cp2kLog.head(log));
  }

  /**
   * The restart file {@code P-1.restart} of a project (CP2K writes it in input format, {@code &KIND}
   * sections included), null when absent or unreadable. Used for kinds only: its cell is the last one.
   */
  static Cp2kInput restartInput(Path dir, String project) {
    if (project == null) {
      return null;
    }
    Path p = dir.resolve(project + "-1.restart");
    if (!java.nio.file.Files.isRegularFile(p)) {
      return null;
    }
    try {
      return Cp2kInput.read(p);
    } catch (RuntimeException e) {
      // a restart being written when the job was killed may be cut: the kinds then come from elsewhere
      return null;
    }
  }

  /**
   * The element of one label.
   *
   * @param source the file the label is in, for the error
   * @param line the line of the label, for the error
   * @throws MalformedInputException when neither a declaration nor the name gives an element
   */
  public String elementOf(String label, String source, long line) {
    Declaration dec = declared.get(upper(label));
    if (dec != null) {
      usedSources.add(dec.where().startsWith("&KIND") ? "&KIND … ELEMENT of " + inputName : dec.where());
      return dec.element();
    }
    String el = byName(label);
    if (el == null) {
      throw unresolved(label, source, line, inputName);
    }
    return el;
  }

  /**
   * The atom table of a frame's labels: elements by {@link #elementOf}, and as kinds the labels
   * themselves, or, when the file writes element symbols (CP2K's default), the kind labels of the
   * input's coordinates or of the log's coordinate table when those list the same atoms.
   *
   * @param labels the labels of the frame, one per atom (not modified)
   * @param source the file, for errors
   * @param firstAtomLine line of the first atom; atom i is on line firstAtomLine + i
   * @throws MalformedInputException when a label does not resolve
   */
  public AtomTable table(String[] labels, String source, long firstAtomLine) {
    String[] el = new String[labels.length];
    Map<String, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      String e = seen.get(labels[i]);
      if (e == null) {
        e = elementOf(labels[i], source, firstAtomLine + i);
        seen.put(labels[i], e);
      }
      el[i] = e;
    }
    String[] kinds = labels.clone();
    boolean labelsAreElements = true;
    for (int i = 0; i < labels.length && labelsAreElements; i++) {
      labelsAreElements = labels[i].equals(el[i]);
    }
    if (labelsAreElements) {
      String[] fromRun = sameAtoms(coordKinds, el);
      if (fromRun == null) {
        fromRun = sameAtoms(logAtomKinds, el);
      }
      if (fromRun != null) {
        kinds = fromRun;
      }
    }
    // CP2K matches kind names in any case: one spelling per kind, its &KIND section's, else the first seen
    Map<String, String> spelling = new java.util.HashMap<>(spellings);
    for (int i = 0; i < kinds.length; i++) {
      String canon = spelling.putIfAbsent(upper(kinds[i]), kinds[i]);
      if (canon != null) {
        kinds[i] = canon;
      }
    }
    return AtomTable.withKinds(el, kinds);
  }

  private String[] sameAtoms(List<String> kindLabels, String[] el) {
    if (kindLabels.size() != el.length) {
      return null;
    }
    String[] k = kindLabels.toArray(new String[0]);
    for (int i = 0; i < el.length; i++) {
      Declaration dec = declared.get(upper(k[i]));
      String e = dec != null ? dec.element() : byName(k[i]);
      if (!el[i].equals(e)) {
        return null;
      }
    }
    return k;
  }

  /** What decided the elements so far, as a note for the user; null when only the labels did. */
  public String note() {
    return usedSources.isEmpty() ? null : "elements of kind labels from " + String.join(" and ", usedSources);
  }

  /** Disagreements between the input and the log. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The element of a label from the input's {@code &KIND} sections alone, else by name; null when
   * neither gives one.
   */
  static String byDeclaration(String label, Map<String, Cp2kInput.KindSection> kinds) {
    Cp2kInput.KindSection k = kinds.get(upper(label));
    if (k != null && k.element() != null) {
      return k.element();
    }
    return byName(label);
  }

  /**
   * CP2K's element of a kind name without {@code ELEMENT}: the first two letters when they are an
   * element symbol in any case, else the first letter; null when neither is.
   */
  static String byName(String label) {
    try {
      return AtomTable.elementOf(label);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The error for a label that maps to no element. */
  static MalformedInputException unresolved(String label, String source, Long line, String inputName) {
    return new MalformedInputException(source, line == null ? 0 : line, "an element symbol or a kind declared with &KIND … ELEMENT"
        + (inputName == null ? " in the run's input (none found beside the file)" : " in " + inputName), label);
  }

  private static String upper(String s) {
    return s.strip().toUpperCase(Locale.ROOT);
  }
}
