package org.interphase.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The element and the kind label of every atom, in the index order of the file; built once per
 * trajectory.
 *
 * <p>The element is the chemical element the program declared for the atom (CP2K: {@code &KIND name}
 * with {@code ELEMENT}, or the log's kind table; VASP: the species line or the POTCAR name), always a
 * symbol of the periodic table. The kind is the label the file uses for the atom: the element itself
 * in most VASP files, a CP2K kind name such as {@code Sb} (declared {@code ELEMENT S}) or {@code Li1}.
 * Selections ({@link #indicesOf(String)}) accept either.
 */
public final class AtomTable {
  private final String[] elements;
  private final String[] kinds;
  private final Map<String, Integer> counts;

  private AtomTable(String[] elements, String[] kinds) {
    this.elements = elements;
    this.kinds = kinds;
    Map<String, Integer> c = new LinkedHashMap<>();
    for (String e : elements) {
      c.merge(e, 1, Integer::sum);
    }
    this.counts = java.util.Collections.unmodifiableMap(c);
  }

  /**
   * A table from one element symbol per atom; each atom's kind is its element.
   *
   * @throws IllegalArgumentException when a symbol is not an element of the periodic table
   */
  public static AtomTable of(String... elements) {
    String[] copy = new String[elements.length];
    for (int i = 0; i < elements.length; i++) {
      copy[i] = checkedElement(elements[i]);
    }
    return new AtomTable(copy, copy);
  }

  /**
   * A table from one element and one kind label per atom (same length).
   *
   * @throws IllegalArgumentException when the lengths differ, a symbol is not an element or a kind is blank
   */
  public static AtomTable withKinds(String[] elements, String[] kinds) {
    if (elements.length != kinds.length) {
      throw new IllegalArgumentException(elements.length + " elements for " + kinds.length + " kind labels");
    }
    String[] el = new String[elements.length];
    String[] kd = new String[kinds.length];
    for (int i = 0; i < el.length; i++) {
      el[i] = checkedElement(elements[i]);
      kd[i] = kinds[i].strip();
      if (kd[i].isEmpty()) {
        throw new IllegalArgumentException("empty kind label for atom " + i);
      }
    }
    return new AtomTable(el, kd);
  }

  /**
   * A table from species blocks, as in a POSCAR: symbols {@code [Li, P]}, counts {@code [24, 4]}.
   *
   * @throws IllegalArgumentException when the sizes differ or a symbol is not an element
   */
  public static AtomTable ofBlocks(List<String> symbols, int[] counts) {
    if (symbols.size() != counts.length) {
      throw new IllegalArgumentException(symbols.size() + " symbols for " + counts.length + " counts");
    }
    List<String> all = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      String s = checkedElement(symbols.get(i));
      for (int k = 0; k < counts[i]; k++) {
        all.add(s);
      }
    }
    String[] el = all.toArray(new String[0]);
    return new AtomTable(el, el);
  }

  /** Number of atoms. */
  public int size() {
    return elements.length;
  }

  /** Element symbol of atom {@code index} (0-based). */
  public String element(int index) {
    return elements[index];
  }

  /** Kind label of atom {@code index} (0-based): the file's own label, the element when the file has no other. */
  public String kind(int index) {
    return kinds[index];
  }

  /** A copy of all element symbols in index order. */
  public String[] elements() {
    return elements.clone();
  }

  /** A copy of all kind labels in index order. */
  public String[] kinds() {
    return kinds.clone();
  }

  /** Whether some atom has a kind label other than its element. */
  public boolean hasKinds() {
    for (int i = 0; i < elements.length; i++) {
      if (!kinds[i].equals(elements[i])) {
        return true;
      }
    }
    return false;
  }

  /** Count per element, in order of first appearance. */
  public Map<String, Integer> speciesCounts() {
    return counts;
  }

  /** Count per kind label, in order of first appearance. */
  public Map<String, Integer> kindCounts() {
    Map<String, Integer> c = new LinkedHashMap<>();
    for (String k : kinds) {
      c.merge(k, 1, Integer::sum);
    }
    return java.util.Collections.unmodifiableMap(c);
  }

  /**
   * 0-based indices of the atoms selected by {@code name}: an element (any case) when some atom is of
   * that element, otherwise a kind label (exact case, then any case). Empty if neither matches.
   */
  public int[] indicesOf(String name) {
    String n = name.strip();
    if (!n.isEmpty()) {
      String e = normalise(n);
      int[] byElement = select(i -> elements[i].equals(e));
      if (byElement.length > 0) {
        return byElement;
      }
    }
    int[] exact = select(i -> kinds[i].equals(n));
    return exact.length > 0 ? exact : select(i -> kinds[i].equalsIgnoreCase(n));
  }

  /** 0-based indices of the atoms whose element is not in {@code excluded}. */
  public int[] indicesNotOf(String... excluded) {
    List<String> ex = Arrays.stream(excluded).map(AtomTable::normalise).toList();
    return select(i -> !ex.contains(elements[i]));
  }

  private int[] select(java.util.function.IntPredicate keep) {
    return java.util.stream.IntStream.range(0, elements.length).filter(keep).toArray();
  }

  /**
   * Reduces a label to an element symbol when the file gives no other declaration: {@code "LI"→"Li"},
   * {@code "S_2"→"S"}, {@code "Fe1"→"Fe"}, {@code "Sb"→"Sb"}.
   *
   * @throws IllegalArgumentException when the label's leading letters are not an element symbol
   */
  public static String elementOf(String label) {
    StringBuilder sb = new StringBuilder();
    String t = label.strip();
    for (int i = 0; i < t.length() && sb.length() < 2; i++) {
      char ch = t.charAt(i);
      if (ch > 127 || !Character.isLetter(ch)) {
        break;
      }
      sb.append(ch);
    }
    if (sb.length() == 0) {
      throw new IllegalArgumentException("no element symbol in label \"" + label.strip() + "\"");
    }
    String two = normalise(sb.toString());
    if (Elements.isSymbol(two)) {
      return two;
    }
    String one = two.substring(0, 1);
    if (two.length() == 2 && Elements.isSymbol(one)) {
      return one;
    }
    throw new IllegalArgumentException("\"" + label.strip() + "\" is not an element symbol");
  }

  /** Whether {@link #elementOf(String)} resolves {@code label}. */
  public static boolean isElementLabel(String label) {
    try {
      elementOf(label);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String checkedElement(String s) {
    String n = normalise(s);
    if (!Elements.isSymbol(n)) {
      throw new IllegalArgumentException("\"" + s.strip() + "\" is not an element symbol");
    }
    return n;
  }

  private static String normalise(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty element symbol");
    }
    return t.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + t.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AtomTable t && Arrays.equals(elements, t.elements) && Arrays.equals(kinds, t.kinds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(elements) + Arrays.hashCode(kinds);
  }

  @Override
  public String toString() {
    return "AtomTable" + counts;
  }
}
