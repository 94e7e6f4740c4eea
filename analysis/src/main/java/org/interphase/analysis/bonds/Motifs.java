package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.interphase.core.AtomTable;

/**
 * Names the units of one frame's bond graph, in two separate classifications ({@link Motif}).
 *
 * <p><b>Thiophosphate units</b> come from P–S and P–P bonds alone; S–S bonds are not looked at.
 * P atoms that share an S or are bonded to each other form one group, and:
 *
 * <ul>
 *   <li>{@code P2S7}: a group of two P, both of coordination number (CN, bonded S) 4, no P–P bond,
 *       sharing exactly one S (no S of theirs is bonded to a third P, or the group would be larger);
 *   <li>{@code P2S6}: a group of two P of CN 4 sharing exactly two S and no P–P bond (edge-sharing
 *       P2S6²⁻), or two P of CN 3 joined by a P–P bond and sharing no S (P2S6⁴⁻);
 *   <li>otherwise each P of CN exactly 3 without a P–P bond is a {@code PS3}, whatever its S atoms
 *       share; a P alone in its group with CN 4 is a {@code PS4} (no S shared, no P–P bond);
 *   <li>the remaining P atoms of a group, split where only a PS3 joined them, are {@code other
 *       PxSy} with x those P and y the distinct S bonded to them.
 * </ul>
 *
 * For isolated P these are the definitions behind the reference counts of {@code
 * shared/data/cp2k/aimd_nvt/reference.md} (PS4 = a P with CN 4, PS3 = a P with CN 3); the units of
 * two P are the pyro-thiophosphate P2S7⁴⁻, the edge-sharing P2S6²⁻ of Li2P2S6 (Dietrich et al.,
 * Inorg. Chem. 2017, DOI 10.1021/acs.inorgchem.7b00751) and the P–P bonded P2S6⁴⁻ of Li4P2S6.
 *
 * <p><b>Sulfur species</b> come from S–S bonds: each connected group of two or more S is an {@code Sn
 * ring} (closed cycle, no S bonded to P), an {@code Sn chain} (open, no S bonded to P), an {@code Sn
 * chain on P} (open, S bonded to one P unit), an {@code Sn bridge} (open, S bonded to two or more P
 * units: a polysulfide bridge) or {@code other Sn} (branched); an S bonded to neither P nor S is
 * {@code free S}. An S bonded only to P belongs to its thiophosphate unit alone. A ring whose S
 * touch S of P units at S–S bond distance stays an {@code Sn ring} (n its own S): ring S already
 * have their two S–S bonds, so the extra one is a contact, not a new species.
 */
final class Motifs {
  private Motifs() {}

  /** One unit found in a frame: its motif and its atoms (0-based, ascending). */
  record Unit(Motif motif, int[] atoms) {}

  /** Counts of each motif in one frame (motifs with count 0 absent); for many frames reuse a {@link MotifCounter}. */
  static Map<Motif, Integer> count(AtomTable atoms, List<int[]> ps, List<int[]> ss, List<int[]> pp) {
    return new MotifCounter(atoms).count(ps, ss, pp);
  }

  /** Counts of each motif in one frame from its {@link #units}: what {@link MotifCounter} must give. */
  static Map<Motif, Integer> countUnits(AtomTable atoms, List<int[]> ps, List<int[]> ss, List<int[]> pp) {
    Map<Motif, Integer> out = new TreeMap<>();
    for (Unit u : units(atoms, ps, ss, pp)) {
      out.merge(u.motif(), 1, Integer::sum);
    }
    return out;
  }

  /**
   * Every unit of one frame with its atoms, thiophosphate units first.
   *
   * @param ps P–S bonds as atom pairs (either order)
   * @param ss S–S bonds
   * @param pp P–P bonds
   */
  static List<Unit> units(AtomTable atoms, List<int[]> ps, List<int[]> ss, List<int[]> pp) {
    int n = atoms.size();
    Graph g = new Graph(n);
    for (int[] b : ps) {
      int p = atoms.element(b[0]).equals("P") ? b[0] : b[1];
      int s = p == b[0] ? b[1] : b[0];
      g.sulfurOf.add(p, s);
      g.phosphorusOf.add(s, p);
    }
    for (int[] b : pp) {
      g.ppOf.add(b[0], b[1]);
      g.ppOf.add(b[1], b[0]);
    }
    for (int[] b : ss) {
      g.ssOf.add(b[0], b[1]);
      g.ssOf.add(b[1], b[0]);
    }
    List<Unit> out = new ArrayList<>();
    int[] unitOf = thiophosphates(atoms, g, out);
    sulfur(atoms, g, unitOf, out);
    return out;
  }

  /** Neighbour sets per atom, by bond type; made only for atoms that have bonds of that type. */
  private static final class Graph {
    final Neighbours sulfurOf;
    final Neighbours phosphorusOf;
    final Neighbours ppOf;
    final Neighbours ssOf;

    Graph(int n) {
      sulfurOf = new Neighbours(n);
      phosphorusOf = new Neighbours(n);
      ppOf = new Neighbours(n);
      ssOf = new Neighbours(n);
    }

    int cn(int p) {
      return sulfurOf.get(p).size();
    }
  }

  /** The neighbours of each atom by one bond type, in ascending order; an atom without any has the empty set. */
  private static final class Neighbours {
    private static final java.util.NavigableSet<Integer> NONE = java.util.Collections.emptyNavigableSet();
    private final TreeSet<Integer>[] sets;

    @SuppressWarnings("unchecked")
    Neighbours(int n) {
      sets = new TreeSet[n];
    }

    void add(int atom, int neighbour) {
      if (sets[atom] == null) {
        sets[atom] = new TreeSet<>();
      }
      sets[atom].add(neighbour);
    }

    /** Read-only for atoms without neighbours. */
    java.util.NavigableSet<Integer> get(int atom) {
      return sets[atom] == null ? NONE : sets[atom];
    }
  }

  /** Adds the thiophosphate units; returns for each P the index of its unit (−1 for other atoms). */
  private static int[] thiophosphates(AtomTable atoms, Graph g, List<Unit> out) {
    int n = atoms.size();
    int[] phosphorus = atoms.indicesOf("P");
    int[] parent = identity(n);
    for (int p : phosphorus) {
      for (int s : g.sulfurOf.get(p)) {
        union(parent, p, g.phosphorusOf.get(s).first());
      }
      for (int q : g.ppOf.get(p)) {
        union(parent, p, q);
      }
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int p : phosphorus) {
      groups.computeIfAbsent(find(parent, p), k -> new ArrayList<>()).add(p);
    }
    int[] unitOf = new int[n];
    java.util.Arrays.fill(unitOf, -1);
    for (List<Integer> group : groups.values()) {
      Motif pair = group.size() == 2 ? pairMotif(g, group.get(0), group.get(1)) : null;
      if (pair != null) {
        add(out, unitOf, pair, group, g);
        continue;
      }
      List<Integer> rest = new ArrayList<>();
      for (int p : group) {
        if (g.cn(p) == 3 && g.ppOf.get(p).isEmpty()) {
          add(out, unitOf, Motif.PS3, List.of(p), g);
        } else if (group.size() == 1 && g.cn(p) == 4) {
          add(out, unitOf, Motif.PS4, List.of(p), g);
        } else {
          rest.add(p);
        }
      }
      // the rest, joined only through shared S or P–P bonds among themselves
      int[] sub = identity(n);
      for (int p : rest) {
        for (int q : rest) {
          if (p < q && (g.ppOf.get(p).contains(q) || shared(g, p, q) > 0)) {
            union(sub, p, q);
          }
        }
      }
      Map<Integer, List<Integer>> parts = new TreeMap<>();
      for (int p : rest) {
        parts.computeIfAbsent(find(sub, p), k -> new ArrayList<>()).add(p);
      }
      for (List<Integer> part : parts.values()) {
        TreeSet<Integer> s = new TreeSet<>();
        part.forEach(p -> s.addAll(g.sulfurOf.get(p)));
        add(out, unitOf, new Motif(Motif.Type.OTHER_THIOPHOSPHATE, part.size(), s.size()), part, g);
      }
    }
    return unitOf;
  }

  /** P2S7 or P2S6 for a group of exactly two P, else null. */
  private static Motif pairMotif(Graph g, int p, int q) {
    boolean bonded = g.ppOf.get(p).contains(q);
    int shared = shared(g, p, q);
    if (!bonded && g.cn(p) == 4 && g.cn(q) == 4 && shared == 1) {
      return Motif.P2S7;
    }
    if ((!bonded && g.cn(p) == 4 && g.cn(q) == 4 && shared == 2) || (bonded && g.cn(p) == 3 && g.cn(q) == 3 && shared == 0)) {
      return Motif.P2S6;
    }
    return null;
  }

  private static int shared(Graph g, int p, int q) {
    int k = 0;
    for (int s : g.sulfurOf.get(p)) {
      k += g.sulfurOf.get(q).contains(s) ? 1 : 0;
    }
    return k;
  }

  private static void add(List<Unit> out, int[] unitOf, Motif m, List<Integer> ps, Graph g) {
    TreeSet<Integer> members = new TreeSet<>(ps);
    for (int p : ps) {
      members.addAll(g.sulfurOf.get(p));
      unitOf[p] = out.size();
    }
    out.add(new Unit(m, members.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Adds the sulfur species: groups of S–S-bonded S, and free S. */
  private static void sulfur(AtomTable atoms, Graph g, int[] unitOf, List<Unit> out) {
    int[] sulfur = atoms.indicesOf("S");
    boolean[] seen = new boolean[atoms.size()];
    for (int s0 : sulfur) {
      if (seen[s0]) {
        continue;
      }
      if (g.ssOf.get(s0).isEmpty()) {
        seen[s0] = true;
        if (g.phosphorusOf.get(s0).isEmpty()) {
          out.add(new Unit(Motif.FREE_S, new int[] {s0}));
        }
        continue;
      }
      List<Integer> members = new ArrayList<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(s0));
      seen[s0] = true;
      while (!queue.isEmpty()) {
        int s = queue.removeFirst();
        members.add(s);
        for (int t : g.ssOf.get(s)) {
          if (!seen[t]) {
            seen[t] = true;
            queue.addLast(t);
          }
        }
      }
      int bonds = 0;
      int maxDegree = 0;
      TreeSet<Integer> units = new TreeSet<>();
      for (int s : members) {
        bonds += g.ssOf.get(s).size();
        maxDegree = Math.max(maxDegree, g.ssOf.get(s).size());
        for (int p : g.phosphorusOf.get(s)) {
          units.add(unitOf[p]);
        }
      }
      bonds /= 2;
      int size = members.size();
      List<Integer> polysulfide = members.stream().filter(s -> g.phosphorusOf.get(s).isEmpty()).toList();
      if (!units.isEmpty() && isRing(g, polysulfide)) {
        // ring S already have two S neighbours: an S of a P unit at S–S distance is a contact, the ring is intact
        out.add(new Unit(new Motif(Motif.Type.S_RING, 0, polysulfide.size()), polysulfide.stream().sorted().mapToInt(Integer::intValue)
            .toArray()));
        continue;
      }
      boolean chain = bonds == size - 1 && maxDegree <= 2;
      boolean ring = bonds == size && maxDegree == 2;
      Motif.Type type;
      if (units.size() >= 2) {
        type = chain ? Motif.Type.S_BRIDGE : Motif.Type.OTHER_SULFUR;
      } else if (units.size() == 1) {
        type = chain ? Motif.Type.S_CHAIN_ON_P : Motif.Type.OTHER_SULFUR;
      } else {
        type = ring ? Motif.Type.S_RING : chain ? Motif.Type.S_CHAIN : Motif.Type.OTHER_SULFUR;
      }
      out.add(new Unit(new Motif(type, 0, size), members.stream().sorted().mapToInt(Integer::intValue).toArray()));
    }
  }

  /** Whether the atoms form one closed S–S cycle on their own: three or more, each with exactly two S–S neighbours among them, connected. */
  private static boolean isRing(Graph g, List<Integer> atoms) {
    if (atoms.size() < 3) {
      return false;
    }
    java.util.Set<Integer> in = new java.util.HashSet<>(atoms);
    for (int s : atoms) {
      if (g.ssOf.get(s).stream().filter(in::contains).count() != 2) {
        return false;
      }
    }
    java.util.Set<Integer> reached = new java.util.HashSet<>();
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(atoms.get(0)));
    while (!queue.isEmpty()) {
      int s = queue.removeFirst();
      if (reached.add(s)) {
        g.ssOf.get(s).stream().filter(in::contains).forEach(queue::addLast);
      }
    }
    return reached.size() == atoms.size();
  }

  private static int[] identity(int n) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    return parent;
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
}
