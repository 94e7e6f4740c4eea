package org.interphase.analysis.bonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.interphase.core.AtomTable;
import org.junit.jupiter.api.Test;

/**
 * The array-based counter gives, graph after graph with one counter, the counts of the units that {@link Motifs#units} finds
 * (the definition), on random bond graphs rich in shared S, P–P bonds, S–S rings, chains and bridges.
 */
class MotifCounterTest {

  @Test
  void countsAreThoseOfTheUnitsOnRandomGraphs() {
    Random rnd = new Random(2024);
    Set<String> kinds = new TreeSet<>();
    for (int table = 0; table < 40; table++) {
      int np = 1 + rnd.nextInt(14);
      int ns = 3 + rnd.nextInt(60);
      List<String> symbols = new ArrayList<>();
      for (int i = 0; i < np; i++) {
        symbols.add("P");
      }
      for (int i = 0; i < ns; i++) {
        symbols.add("S");
      }
      for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
        symbols.add(rnd.nextBoolean() ? "Li" : "Cl");
      }
      Collections.shuffle(symbols, rnd);
      AtomTable atoms = AtomTable.of(symbols.toArray(String[]::new));
      int[] p = atoms.indicesOf("P");
      int[] s = atoms.indicesOf("S");
      MotifCounter counter = new MotifCounter(atoms);
      for (int graph = 0; graph < 500; graph++) {
        List<int[]> ps = new ArrayList<>();
        List<int[]> ss = new ArrayList<>();
        List<int[]> pp = new ArrayList<>();
        int pool = Math.max(1, Math.min(s.length, 2 + rnd.nextInt(s.length)));
        for (int a : p) {
          int cn = new int[] {0, 2, 3, 3, 4, 4, 4, 4, 5, 6}[rnd.nextInt(10)];
          for (int k = 0; k < cn; k++) {
            int b = s[rnd.nextInt(pool)];
            ps.add(rnd.nextBoolean() ? new int[] {a, b} : new int[] {b, a});
          }
        }
        for (int i = 0; i < p.length; i++) {
          for (int j = i + 1; j < p.length; j++) {
            if (rnd.nextInt(4 * p.length) == 0) {
              pp.add(new int[] {p[i], p[j]});
            }
          }
        }
        int mode = rnd.nextInt(3);
        if (mode == 0) {
          for (int k = 0; k < rnd.nextInt(2 * s.length + 1); k++) {
            int a = s[rnd.nextInt(s.length)];
            int b = s[rnd.nextInt(s.length)];
            if (a != b) {
              ss.add(new int[] {Math.min(a, b), Math.max(a, b)});
            }
          }
        } else {
          // rings and chains over shuffled S
          List<Integer> order = new ArrayList<>();
          for (int a : s) {
            order.add(a);
          }
          Collections.shuffle(order, rnd);
          int at = 0;
          while (at < order.size() - 1) {
            int len = Math.min(order.size() - at, 2 + rnd.nextInt(8));
            for (int k = 0; k + 1 < len; k++) {
              ss.add(new int[] {order.get(at + k), order.get(at + k + 1)});
            }
            if (len >= 3 && rnd.nextBoolean()) {
              ss.add(new int[] {order.get(at + len - 1), order.get(at)});
            }
            at += len + rnd.nextInt(3);
          }
        }
        Map<Motif, Integer> expected = Motifs.countUnits(atoms, ps, ss, pp);
        assertEquals(expected, counter.count(ps, ss, pp), "table " + table + ", graph " + graph);
        expected.keySet().forEach(m -> kinds.add(m.type().name()));
      }
    }
    System.out.println("motif counter: 20000 random graphs counted as their units, motif kinds met: " + kinds);
    assertTrue(kinds.containsAll(List.of("PS4", "PS3", "P2S7", "P2S6", "OTHER_THIOPHOSPHATE", "S_RING", "S_CHAIN", "S_CHAIN_ON_P",
        "S_BRIDGE", "OTHER_SULFUR", "FREE_S")), "every kind of motif is met: " + kinds);
  }
}
