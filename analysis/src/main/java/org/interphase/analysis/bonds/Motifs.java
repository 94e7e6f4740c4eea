package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.interphase.core.AtomTable;

/**
 * Names the P/S units of a bond graph. Connected components over P–S, S–S and P–P bonds:
 *
 * <ul>
 *   <li>{@code PS4}: one P with four S, nothing else bonded (ortho-thiophosphate);
 *   <li>{@code PS3}: one P with three S and no P–P bond (a broken tetrahedron, trigonal pyramid);
 *   <li>{@code P2S7}: two P, seven S, exactly one S bridging both P (pyro-thiophosphate);
 *   <li>{@code P2S6}: two P, six S, either two bridging S (edge-sharing) or a P–P bond;
 *   <li>{@code S8 ring}: eight S in one cycle of S–S bonds; {@code S chain}: S atoms in an open
 *       S–S chain (e.g. an opened ring); {@code S (isolated)}: an S bonded to neither P nor S;
 *   <li>{@code other PxSy}: anything else, with its formula.
 * </ul>
 */
final class Motifs {
  static final String PS4 = "PS4";
  static final String PS3 = "PS3";

  private Motifs() {}

  /** One motif found in a frame: its name and its atoms (0-based). */
  record Unit(String name, int[] atoms) {}

  /** Counts of each motif in one frame. */
  static Map<String, Integer> count(AtomTable atoms, int[] phosphorus, int[] sulfur, List<int[]> bonds) {
    Map<String, Integer> out = new TreeMap<>();
    for (Unit u : units(atoms, phosphorus, sulfur, bonds)) {
      out.merge(u.name(), 1, Integer::sum);
    }
    return out;
  }

  /** Every motif of one frame with its atoms. */
  static List<Unit> units(AtomTable atoms, int[] phosphorus, int[] sulfur, List<int[]> bonds) {
    int n = atoms.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    boolean[] relevant = new boolean[n];
    for (int i : phosphorus) {
      relevant[i] = true;
    }
    for (int i : sulfur) {
      relevant[i] = true;
    }
    for (int[] b : bonds) {
      if (relevant[b[0]] && relevant[b[1]]) {
        union(parent, b[0], b[1]);
      }
    }
    Map<Integer, List<Integer>> comps = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (relevant[i]) {
        comps.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      }
    }
    // bond lists per component
    Map<Integer, List<int[]>> compBonds = new TreeMap<>();
    for (int[] b : bonds) {
      if (relevant[b[0]] && relevant[b[1]]) {
        compBonds.computeIfAbsent(find(parent, b[0]), k -> new ArrayList<>()).add(b);
      }
    }
    List<Unit> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : comps.entrySet()) {
      String name = classify(atoms, e.getValue(), compBonds.getOrDefault(e.getKey(), List.of()));
      out.add(new Unit(name, e.getValue().stream().mapToInt(Integer::intValue).toArray()));
    }
    return out;
  }

  private static String classify(AtomTable atoms, List<Integer> members, List<int[]> bonds) {
    int p = 0;
    int s = 0;
    for (int i : members) {
      if (atoms.element(i).equals("P")) {
        p++;
      } else {
        s++;
      }
    }
    int ps = 0;
    int ss = 0;
    int pp = 0;
    Map<Integer, Integer> pNeighboursOfS = new TreeMap<>();
    Map<Integer, Integer> sDegree = new TreeMap<>();
    for (int[] b : bonds) {
      boolean p0 = atoms.element(b[0]).equals("P");
      boolean p1 = atoms.element(b[1]).equals("P");
      if (p0 && p1) {
        pp++;
      } else if (p0 || p1) {
        ps++;
        pNeighboursOfS.merge(p0 ? b[1] : b[0], 1, Integer::sum);
      } else {
        ss++;
        sDegree.merge(b[0], 1, Integer::sum);
        sDegree.merge(b[1], 1, Integer::sum);
      }
    }
    long bridging = pNeighboursOfS.values().stream().filter(v -> v >= 2).count();
    if (p == 0) {
      if (s == 1) {
        return "S (isolated)";
      }
      boolean allTwo = sDegree.size() == s && sDegree.values().stream().allMatch(d -> d == 2);
      if (s == 8 && ss == 8 && allTwo) {
        return "S8 ring";
      }
      if (ss == s - 1 && sDegree.values().stream().allMatch(d -> d <= 2)) {
        return "S chain";
      }
      return "other S" + s;
    }
    if (ss == 0 && p == 1 && pp == 0) {
      if (s == 4) {
        return PS4;
      }
      if (s == 3) {
        return PS3;
      }
    }
    if (ss == 0 && p == 2) {
      if (s == 7 && bridging == 1 && pp == 0) {
        return "P2S7";
      }
      if (s == 6 && ((bridging == 2 && pp == 0) || (pp == 1 && bridging == 0))) {
        return "P2S6";
      }
    }
    return "other P" + p + "S" + s;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
