package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.interphase.core.Cell;
import org.interphase.core.Frame;

/**
 * Bond states of one rule over time: a Schmitt trigger (form below one cutoff, break above the
 * other) followed by a dwell filter (a change counts once it has lasted {@code minFrames} frames,
 * dated at its first frame). Only pairs that are bonded, changing or closer than the break cutoff
 * are kept.
 */
final class PairTracker {
  private final BondRule rule;
  private final int[] centers;
  private final int[] ligands;
  private final boolean symmetric;
  private final int atoms;
  private final Map<Long, State> states = new HashMap<>();
  private final List<BondEvent> events = new ArrayList<>();
  private final List<Double> lifetimesFrames = new ArrayList<>();
  private final String name;
  private final List<long[]> commits = new ArrayList<>();
  private final NeighbourList neighbours;
  /** The committed bonds as last handed out; null after a change. */
  private java.util.Set<Long> committed;
  /** The state of each candidate pair of the neighbour list, {@code null} for a pair without one. */
  private State[] byCandidate = new State[64];
  private final double[] tmp = new double[3];

  /** Per-pair state. */
  private static final class State {
    boolean committed;
    boolean raw;
    int since = -1;
    int runStart = -1;
    int runLength;
    double runDistance;
    double[] runPosition;
    double runTimePs;
    int runLayer;
    boolean seen;
    /** The index of the pair among the neighbour list's candidates, −1 when it is not one of them. */
    int candidate = -1;
  }

  PairTracker(BondRule rule, int[] centers, int[] ligands, int atoms) {
    this.rule = rule;
    this.centers = centers;
    this.ligands = ligands;
    this.atoms = atoms;
    this.symmetric = rule.centerElement().equalsIgnoreCase(rule.ligandElement());
    this.name = rule.pair();
    this.neighbours = new NeighbourList(centers, ligands, Math.max(rule.breakA(), rule.initialA()), symmetric);
  }

  BondRule rule() {
    return rule;
  }

  private long key(int c, int l) {
    if (symmetric && l < c) {
      int t = c;
      c = l;
      l = t;
    }
    return (long) c * atoms + l;
  }

  /**
   * Updates the states with one frame. {@code pos} are the frame's positions (Cartesian Å, not
   * modified); {@code layerOf} gives the layer of a centre (or -1).
   */
  void update(int frameIndex, double timePs, Frame f, double[] pos, java.util.function.IntUnaryOperator layerOf) {
    Cell cell = f.cell();
    boolean first = frameIndex == 0;
    double cutoff = first ? Math.max(rule.breakA(), rule.initialA()) : rule.breakA();
    if (neighbours.refresh(cell, pos)) {
      attachAll();
    }
    // every candidate closer than the cutoff, in the list's order; the state of a pair is found through its candidate
    for (int k = 0, n = neighbours.size(); k < n; k++) {
      int c = neighbours.center(k);
      int l = neighbours.ligand(k);
      double d = cell.minimumImage(pos[3 * l] - pos[3 * c], pos[3 * l + 1] - pos[3 * c + 1], pos[3 * l + 2] - pos[3 * c + 2], tmp);
      if (!(d < cutoff) || (symmetric && l < c)) {
        continue; // each unordered pair once
      }
      State s = byCandidate[k];
      if (first) {
        if (d < rule.initialA()) {
          s = new State();
          s.committed = true;
          committed = null;
          s.raw = true;
          s.since = 0;
          states.put(key(c, l), s);
          attach(s, k);
        }
        continue;
      }
      if (s == null) {
        if (d >= rule.formA()) {
          continue;
        }
        s = new State();
        states.put(key(c, l), s);
        attach(s, k);
      }
      s.seen = true;
      step(s, c, l, d, frameIndex, timePs, pos, layerOf);
    }
    if (first) {
      return;
    }
    for (Iterator<Map.Entry<Long, State>> it = states.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, State> e = it.next();
      State s = e.getValue();
      if (!s.seen) {
        long key = e.getKey();
        int c = (int) (key / atoms);
        int l = (int) (key % atoms);
        double d = cell.minimumImage(pos[3 * l] - pos[3 * c], pos[3 * l + 1] - pos[3 * c + 1], pos[3 * l + 2] - pos[3 * c + 2], tmp);
        step(s, c, l, d, frameIndex, timePs, pos, layerOf);
      }
      s.seen = false;
      if (!s.committed && !s.raw && s.runStart < 0) {
        it.remove();
        if (s.candidate >= 0 && byCandidate[s.candidate] == s) {
          byCandidate[s.candidate] = null;
        }
      }
    }
  }

  /** Links a state to its candidate, so that the next frames find it without a look-up. */
  private void attach(State s, int k) {
    byCandidate[k] = s;
    s.candidate = k;
  }

  /** After the candidates were rebuilt: finds the state of each (once per rebuild). */
  private void attachAll() {
    int n = neighbours.size();
    if (byCandidate.length < n) {
      byCandidate = new State[Math.max(n, 2 * byCandidate.length)];
    } else {
      java.util.Arrays.fill(byCandidate, null);
    }
    for (State s : states.values()) {
      s.candidate = -1;
    }
    if (states.isEmpty()) {
      return;
    }
    for (int k = 0; k < n; k++) {
      int c = neighbours.center(k);
      int l = neighbours.ligand(k);
      if (symmetric && l < c) {
        continue;
      }
      State s = states.get(key(c, l));
      if (s != null) {
        attach(s, k);
      }
    }
  }

  private void step(State s, int c, int l, double d, int frame, double timePs, double[] pos,
      java.util.function.IntUnaryOperator layerOf) {
    s.raw = s.raw ? d <= rule.breakA() : d < rule.formA();
    if (s.raw == s.committed) {
      s.runStart = -1;
      s.runLength = 0;
      return;
    }
    if (s.runStart < 0) {
      s.runStart = frame;
      s.runLength = 0;
      s.runDistance = d;
      s.runTimePs = timePs;
      s.runPosition = new double[] {pos[3 * c], pos[3 * c + 1], pos[3 * c + 2]};
      s.runLayer = layerOf.applyAsInt(c);
    }
    s.runLength++;
    if (s.runLength >= rule.minFrames()) {
      s.committed = s.raw;
      BondEvent.Kind kind = s.committed ? BondEvent.Kind.FORM : BondEvent.Kind.BREAK;
      events.add(new BondEvent(s.runStart, s.runTimePs, kind, name, c, l, s.runDistance, s.runPosition, s.runLayer));
      commits.add(new long[] {key(c, l), s.runStart, s.committed ? 1 : 0});
      committed = null;
      if (s.committed) {
        s.since = s.runStart;
      } else if (s.since >= 0) {
        lifetimesFrames.add((double) (s.runStart - s.since));
        s.since = -1;
      }
      s.runStart = -1;
      s.runLength = 0;
    }
  }

  /**
   * Keys ({@code centre·N + ligand}) of the bonds committed now, read-only; the same instance as
   * long as no bond changes, so that callers can tell an unchanged frame by identity.
   */
  java.util.Set<Long> committedKeys() {
    if (committed == null) {
      java.util.Set<Long> out = new java.util.HashSet<>();
      for (Map.Entry<Long, State> e : states.entrySet()) {
        if (e.getValue().committed) {
          out.add(e.getKey());
        }
      }
      committed = java.util.Collections.unmodifiableSet(out);
    }
    return committed;
  }

  /**
   * The state changes committed by the last update, each {@code {key, first frame, 1 = formed / 0 =
   * broken}}; frames before the commit that lie in the dwell window must be corrected with them.
   */
  List<long[]> drainCommits() {
    List<long[]> out = new ArrayList<>(commits);
    commits.clear();
    return out;
  }

  int atoms() {
    return atoms;
  }

  List<BondEvent> events() {
    return events;
  }

  /** Completed bond lifetimes in frames. */
  List<Double> lifetimesFrames() {
    return lifetimesFrames;
  }

  /** Bonds still formed at the end (their lifetimes are censored). */
  int stillBonded() {
    return (int) states.values().stream().filter(s -> s.committed).count();
  }
}
