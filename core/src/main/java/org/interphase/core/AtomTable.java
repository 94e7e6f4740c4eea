package org.interphase.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The element of every atom, in the index order of the file; built once per trajectory. Element
 * symbols are normalised ("LI" and "li" become "Li"); CP2K kind labels such as {@code Li1} or
 * {@code S_2} are reduced to their element by {@link #elementOf(String)}.
 */
public final class AtomTable {
  private final String[] elements;
  private final Map<String, Integer> counts;

  private AtomTable(String[] elements) {
    this.elements = elements;
    Map<String, Integer> c = new LinkedHashMap<>();
    for (String e : elements) {
      c.merge(e, 1, Integer::sum);
    }
    this.counts = java.util.Collections.unmodifiableMap(c);
  }

  /** A table from one symbol per atom (normalised; the array is not modified). */
  public static AtomTable of(String... elements) {
    String[] copy = new String[elements.length];
    for (int i = 0; i < elements.length; i++) {
      copy[i] = normalise(elements[i]);
    }
    return new AtomTable(copy);
  }

  /** A table from species blocks, as in a POSCAR: symbols {@code [Li, P]}, counts {@code [24, 4]}. */
  public static AtomTable ofBlocks(List<String> symbols, int[] counts) {
    if (symbols.size() != counts.length) {
      throw new IllegalArgumentException(symbols.size() + " symbols for " + counts.length + " counts");
    }
    List<String> all = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      String s = normalise(symbols.get(i));
      for (int k = 0; k < counts[i]; k++) {
        all.add(s);
      }
    }
    return new AtomTable(all.toArray(new String[0]));
  }

  /** Number of atoms. */
  public int size() {
    return elements.length;
  }

  /** Element symbol of atom {@code index} (0-based). */
  public String element(int index) {
    return elements[index];
  }

  /** A copy of all symbols in index order. */
  public String[] elements() {
    return elements.clone();
  }

  /** Count per element, in order of first appearance. */
  public Map<String, Integer> speciesCounts() {
    return counts;
  }

  /** 0-based indices of the atoms of one element (case-insensitive); empty if none. */
  public int[] indicesOf(String element) {
    String e = normalise(element);
    return select(i -> elements[i].equals(e));
  }

  /** 0-based indices of the atoms whose element is not in {@code excluded}. */
  public int[] indicesNotOf(String... excluded) {
    List<String> ex = Arrays.stream(excluded).map(AtomTable::normalise).toList();
    return select(i -> !ex.contains(elements[i]));
  }

  private int[] select(java.util.function.IntPredicate keep) {
    return java.util.stream.IntStream.range(0, elements.length).filter(keep).toArray();
  }

  /** Reduces a label to an element symbol: {@code "LI"→"Li"}, {@code "S_2"→"S"}, {@code "Fe1"→"Fe"}. */
  public static String elementOf(String label) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < label.length() && sb.length() < 2; i++) {
      char ch = label.charAt(i);
      if (!Character.isLetter(ch)) {
        break;
      }
      sb.append(ch);
    }
    if (sb.length() == 0) {
      throw new IllegalArgumentException("no element symbol in label \"" + label + "\"");
    }
    String two = normalise(sb.toString());
    if (two.length() == 2 && !Elements.isSymbol(two)) {
      return two.substring(0, 1);
    }
    return two;
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
    return o instanceof AtomTable t && Arrays.equals(elements, t.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    return "AtomTable" + counts;
  }
}
