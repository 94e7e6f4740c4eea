package org.interphase.analysis.bonds;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.interphase.core.AtomTable;

/**
 * The motif counts of {@link Motifs#count} (the rules of {@link Motifs}) without the units' atoms: the bond graph in flat
 * arrays made once per atom table and reused frame after frame, so that a long run whose bonds change often pays little for
 * each new graph. Not thread-safe.
 */
final class MotifCounter {
  private final int n;
  private final int[] phosphorus;
  private final int[] sulfur;
  private final boolean[] isP;
  /** P–S bonds both ways (a P's S, an S's P), S–S and P–P bonds: per atom its distinct neighbours, ascending. */
  private final Adjacency ps;
  private final Adjacency ss;
  private final Adjacency pp;
  private final int[] parent;
  private final int[] unitOf;
  private final int[] stamp;
  /** Marks the S of a candidate ring ({@link #isRing}). */
  private final int[] ring;
  private final int[] queue;
  private final int[] members;
  private final int[] groupStart;
  private final int[] byGroup;
  private int mark;

  /** A counter for frames of these atoms. */
  MotifCounter(AtomTable atoms) {
    n = atoms.size();
    phosphorus = atoms.indicesOf("P");
    sulfur = atoms.indicesOf("S");
    isP = new boolean[n];
    for (int i = 0; i < n; i++) {
      isP[i] = atoms.element(i).equals("P");
    }
    ps = new Adjacency(n);
    ss = new Adjacency(n);
    pp = new Adjacency(n);
    parent = new int[n];
    unitOf = new int[n];
    stamp = new int[n];
    ring = new int[n];
    queue = new int[n];
    members = new int[n];
    groupStart = new int[n + 1];
    byGroup = new int[n];
  }

  /**
   * Counts of each motif of one frame (motifs with count 0 absent), as {@link Motifs#count} gives them.
   *
   * @param psBonds P–S bonds as atom pairs (either order)
   * @param ssBonds S–S bonds
   * @param ppBonds P–P bonds
   */
  Map<Motif, Integer> count(List<int[]> psBonds, List<int[]> ssBonds, List<int[]> ppBonds) {
    ps.clear();
    for (int[] b : psBonds) {
      int p = isP[b[0]] ? b[0] : b[1];
      int s = p == b[0] ? b[1] : b[0];
      ps.add(p, s);
      ps.add(s, p);
    }
    ps.build();
    pp.clear();
    for (int[] b : ppBonds) {
      pp.add(b[0], b[1]);
      pp.add(b[1], b[0]);
    }
    pp.build();
    ss.clear();
    for (int[] b : ssBonds) {
      ss.add(b[0], b[1]);
      ss.add(b[1], b[0]);
    }
    ss.build();
    Map<Motif, Integer> out = new TreeMap<>();
    int units = thiophosphates(out);
    sulfurSpecies(out, units);
    return out;
  }

  private static void add(Map<Motif, Integer> out, Motif m) {
    out.merge(m, 1, Integer::sum);
  }

  /** Counts the thiophosphate units and sets {@link #unitOf} for every P; returns how many units there are. */
  private int thiophosphates(Map<Motif, Integer> out) {
    for (int p : phosphorus) {
      parent[p] = p;
    }
    for (int p : phosphorus) {
      for (int k = ps.from(p); k < ps.to(p); k++) {
        union(p, ps.list[ps.from(ps.list[k])]);
      }
      for (int k = pp.from(p); k < pp.to(p); k++) {
        union(p, pp.list[k]);
      }
    }
    // the P of each group (root = its smallest P), in ascending order
    java.util.Arrays.fill(groupStart, 0, n + 1, 0);
    for (int p : phosphorus) {
      groupStart[find(p) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      groupStart[i + 1] += groupStart[i];
    }
    int[] fill = queue;
    System.arraycopy(groupStart, 0, fill, 0, n);
    for (int p : phosphorus) {
      byGroup[fill[find(p)]++] = p;
    }
    int units = 0;
    for (int root = 0; root < n; root++) {
      int from = groupStart[root];
      int to = groupStart[root + 1];
      if (to > from) {
        units = group(out, from, to, units);
      }
    }
    return units;
  }

  /** The units of one group of P ({@code byGroup[from … to − 1]}); returns the next unit number. */
  private int group(Map<Motif, Integer> out, int from, int to, int units) {
    int size = to - from;
    if (size == 2) {
      Motif pair = pairMotif(byGroup[from], byGroup[from + 1]);
      if (pair != null) {
        add(out, pair);
        unitOf[byGroup[from]] = units;
        unitOf[byGroup[from + 1]] = units;
        return units + 1;
      }
    }
    int rest = 0;
    for (int k = from; k < to; k++) {
      int p = byGroup[k];
      int cn = ps.degree(p);
      if (cn == 3 && pp.degree(p) == 0) {
        add(out, Motif.PS3);
        unitOf[p] = units++;
      } else if (size == 1 && cn == 4) {
        add(out, Motif.PS4);
        unitOf[p] = units++;
      } else {
        members[rest++] = p;
      }
    }
    if (rest == 0) {
      return units;
    }
    // the rest, joined only through shared S or P–P bonds among themselves
    int m = ++mark;
    for (int k = 0; k < rest; k++) {
      stamp[members[k]] = m;
      parent[members[k]] = members[k];
    }
    for (int k = 0; k < rest; k++) {
      int p = members[k];
      for (int j = pp.from(p); j < pp.to(p); j++) {
        if (stamp[pp.list[j]] == m) {
          union(p, pp.list[j]);
        }
      }
      for (int j = ps.from(p); j < ps.to(p); j++) {
        int s = ps.list[j];
        for (int i = ps.from(s); i < ps.to(s); i++) {
          if (stamp[ps.list[i]] == m) {
            union(p, ps.list[i]);
          }
        }
      }
    }
    for (int k = 0; k < rest; k++) {
      int root = find(members[k]);
      if (root != members[k]) {
        continue;
      }
      // one part: its P and the distinct S bonded to them
      int partP = 0;
      int partS = 0;
      int sm = ++mark;
      for (int j = 0; j < rest; j++) {
        int p = members[j];
        if (find(p) != root) {
          continue;
        }
        partP++;
        unitOf[p] = units;
        for (int i = ps.from(p); i < ps.to(p); i++) {
          int s = ps.list[i];
          if (stamp[s] != sm) {
            stamp[s] = sm;
            partS++;
          }
        }
      }
      add(out, new Motif(Motif.Type.OTHER_THIOPHOSPHATE, partP, partS));
      units++;
    }
    return units;
  }

  /** P2S7 or P2S6 for a group of exactly two P, else null (as {@link Motifs}). */
  private Motif pairMotif(int p, int q) {
    boolean bonded = pp.contains(p, q);
    int shared = 0;
    for (int k = ps.from(p); k < ps.to(p); k++) {
      shared += ps.contains(q, ps.list[k]) ? 1 : 0;
    }
    int cp = ps.degree(p);
    int cq = ps.degree(q);
    if (!bonded && cp == 4 && cq == 4 && shared == 1) {
      return Motif.P2S7;
    }
    if ((!bonded && cp == 4 && cq == 4 && shared == 2) || (bonded && cp == 3 && cq == 3 && shared == 0)) {
      return Motif.P2S6;
    }
    return null;
  }

  /** Counts the sulfur species: groups of S–S-bonded S, and free S. */
  private void sulfurSpecies(Map<Motif, Integer> out, int units) {
    int seen = ++mark;
    int[] unitSeen = new int[Math.max(1, units)];
    int unitMark = 0;
    for (int s0 : sulfur) {
      if (stamp[s0] == seen) {
        continue;
      }
      if (ss.degree(s0) == 0) {
        stamp[s0] = seen;
        if (ps.degree(s0) == 0) {
          add(out, Motif.FREE_S);
        }
        continue;
      }
      int size = 0;
      int head = 0;
      queue[size++] = s0;
      stamp[s0] = seen;
      while (head < size) {
        int s = queue[head++];
        for (int k = ss.from(s); k < ss.to(s); k++) {
          int t = ss.list[k];
          if (stamp[t] != seen) {
            stamp[t] = seen;
            queue[size++] = t;
          }
        }
      }
      int bonds = 0;
      int maxDegree = 0;
      int touched = 0;
      unitMark++;
      int poly = 0;
      for (int i = 0; i < size; i++) {
        int s = queue[i];
        bonds += ss.degree(s);
        maxDegree = Math.max(maxDegree, ss.degree(s));
        for (int k = ps.from(s); k < ps.to(s); k++) {
          int u = unitOf[ps.list[k]];
          if (unitSeen[u] != unitMark) {
            unitSeen[u] = unitMark;
            touched++;
          }
        }
        if (ps.degree(s) == 0) {
          members[poly++] = s;
        }
      }
      bonds /= 2;
      if (touched > 0 && isRing(poly)) {
        // ring S already have two S neighbours: an S of a P unit at S–S distance is a contact, the ring is intact
        add(out, new Motif(Motif.Type.S_RING, 0, poly));
        continue;
      }
      boolean chain = bonds == size - 1 && maxDegree <= 2;
      boolean ring = bonds == size && maxDegree == 2;
      Motif.Type type;
      if (touched >= 2) {
        type = chain ? Motif.Type.S_BRIDGE : Motif.Type.OTHER_SULFUR;
      } else if (touched == 1) {
        type = chain ? Motif.Type.S_CHAIN_ON_P : Motif.Type.OTHER_SULFUR;
      } else {
        type = ring ? Motif.Type.S_RING : chain ? Motif.Type.S_CHAIN : Motif.Type.OTHER_SULFUR;
      }
      add(out, new Motif(type, 0, size));
    }
  }

  /**
   * Whether {@code members[0 … count − 1]} form one closed S–S cycle on their own: three or more, each with exactly two S–S
   * neighbours among them, connected.
   */
  private boolean isRing(int count) {
    if (count < 3) {
      return false;
    }
    int in = ++mark;
    for (int i = 0; i < count; i++) {
      ring[members[i]] = in;
    }
    for (int i = 0; i < count; i++) {
      int s = members[i];
      int k = 0;
      for (int j = ss.from(s); j < ss.to(s); j++) {
        k += ring[ss.list[j]] == in ? 1 : 0;
      }
      if (k != 2) {
        return false;
      }
    }
    // connected: walk from the first along the ring
    int reached = 1;
    int previous = -1;
    int at = members[0];
    while (true) {
      int next = -1;
      for (int j = ss.from(at); j < ss.to(at); j++) {
        int t = ss.list[j];
        if (ring[t] == in && t != previous) {
          next = t;
          break;
        }
      }
      if (next == members[0] || next < 0) {
        break;
      }
      previous = at;
      at = next;
      reached++;
    }
    return reached == count;
  }

  private int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** Per atom the distinct neighbours by one bond type, ascending: filled with {@link #add}, then {@link #build}. */
  private static final class Adjacency {
    private final int[] start;
    private final int[] end;
    private int[] fromAtom = new int[64];
    private int[] toAtom = new int[64];
    private int edges;
    int[] list = new int[64];

    Adjacency(int n) {
      start = new int[n + 1];
      end = new int[n];
    }

    void clear() {
      edges = 0;
    }

    void add(int a, int b) {
      if (edges == fromAtom.length) {
        fromAtom = java.util.Arrays.copyOf(fromAtom, 2 * edges);
        toAtom = java.util.Arrays.copyOf(toAtom, 2 * edges);
      }
      fromAtom[edges] = a;
      toAtom[edges] = b;
      edges++;
    }

    /** Sorts the edges by atom (a counting sort), each atom's neighbours ascending and without repeats. */
    void build() {
      int n = end.length;
      java.util.Arrays.fill(start, 0);
      for (int e = 0; e < edges; e++) {
        start[fromAtom[e] + 1]++;
      }
      for (int i = 0; i < n; i++) {
        start[i + 1] += start[i];
      }
      if (list.length < edges) {
        list = new int[Math.max(edges, 2 * list.length)];
      }
      System.arraycopy(start, 0, end, 0, n);
      for (int e = 0; e < edges; e++) {
        list[end[fromAtom[e]]++] = toAtom[e];
      }
      for (int i = 0; i < n; i++) {
        int lo = start[i];
        int hi = end[i];
        if (hi - lo > 1) {
          java.util.Arrays.sort(list, lo, hi);
          int w = lo + 1;
          for (int k = lo + 1; k < hi; k++) {
            if (list[k] != list[w - 1]) {
              list[w++] = list[k];
            }
          }
          end[i] = w;
        }
      }
    }

    int from(int a) {
      return start[a];
    }

    int to(int a) {
      return end[a];
    }

    int degree(int a) {
      return end[a] - start[a];
    }

    boolean contains(int a, int b) {
      return java.util.Arrays.binarySearch(list, start[a], end[a], b) >= 0;
    }
  }
}
