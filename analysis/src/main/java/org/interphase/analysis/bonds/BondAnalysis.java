package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.interphase.core.Analysis;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;

/**
 * Bond events, coordination and motifs over a trajectory. Use: {@code var acc = new
 * BondAnalysis(p).start(header); frames.forEach(acc); BondResult r = acc.finish();}. Every rule of
 * the parameters is followed (the motifs need P–S, S–S and P–P bonds); events are kept for {@link
 * BondParameters#eventPairs()} only. Memory: the bond states of close pairs and a few numbers per
 * frame; frames are not kept, except those around events that an {@link EventWindow} asks for.
 */
public final class BondAnalysis implements Analysis<BondResult> {
  private final BondParameters p;
  private final EventWindow window;

  public BondAnalysis(BondParameters parameters) {
    this(parameters, EventWindow.NONE);
  }

  /** An analysis that also keeps the frames around its first events ({@link BondResult#framesAround}). */
  public BondAnalysis(BondParameters parameters, EventWindow window) {
    this.p = parameters;
    this.window = java.util.Objects.requireNonNull(window, "window");
  }

  /**
   * A fresh accumulator.
   *
   * @throws IllegalArgumentException when the trajectory has no atoms of the primary pair
   */
  @Override
  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Feeds frames in order. */
  public final class Accumulator implements org.interphase.core.Accumulator<BondResult> {
    private final AtomTable atoms;
    private final List<PairTracker> trackers = new ArrayList<>();
    private final PairTracker primary;
    private final int[] primaryCenters;
    private final boolean hasPhosphorusOrSulfur;
    private final double dtFs;
    private final List<Double> times = new ArrayList<>();
    private final List<int[]> coordination = new ArrayList<>();
    private final List<Double> meanCn = new ArrayList<>();
    private final List<Map<Motif, Integer>> motifs = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final Map<Motif, Frame> firstFrames = new HashMap<>();
    private double[] positions;
    private final Map<Histogram, Histogram> histograms = new HashMap<>();
    private final Map<Map<Motif, Integer>, Map<Motif, Integer>> motifCounts = new HashMap<>();
    private int frames;
    private final java.util.ArrayDeque<Snapshot> held = new java.util.ArrayDeque<>();
    private final int delay;
    /** The last frames, as far back as the earliest frame of an event found now can lie. */
    private final java.util.ArrayDeque<Frame> recent = new java.util.ArrayDeque<>();
    /** Frames still to come that an event found asks for. */
    private final java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
    private final java.util.TreeMap<Integer, Frame> eventFrames = new java.util.TreeMap<>();
    private int eventsWithFrames;

    Accumulator(TrajectoryHeader header) {
      atoms = header.atoms();
      primaryCenters = atoms.indicesOf(p.primary().centerElement());
      int[] primaryLigands = atoms.indicesOf(p.primary().ligandElement());
      if (primaryCenters.length == 0 || primaryLigands.length == 0) {
        throw new IllegalArgumentException(header.source() + " has no " + (primaryCenters.length == 0 ? p.primary().centerElement()
            : p.primary().ligandElement()) + " atoms (it has " + String.join(", ", atoms.speciesCounts().keySet()) + ")");
      }
      primary = new PairTracker(p.primary(), primaryCenters, primaryLigands, atoms.size());
      trackers.add(primary);
      for (BondRule r : p.others()) {
        int[] c = atoms.indicesOf(r.centerElement());
        int[] l = atoms.indicesOf(r.ligandElement());
        if (c.length > 0 && l.length > 0 && !(r.centerElement().equalsIgnoreCase(r.ligandElement()) && c.length < 2)) {
          trackers.add(new PairTracker(r, c, l, atoms.size()));
        }
      }
      hasPhosphorusOrSulfur = atoms.indicesOf("P").length + atoms.indicesOf("S").length > 0;
      dtFs = !Double.isNaN(p.timestepFs()) ? p.timestepFs() : header.timestepFs();
      delay = trackers.stream().mapToInt(t -> t.rule().minFrames()).max().orElse(1) - 1;
      cnOf = new int[atoms.size()];
      motifCounter = new MotifCounter(atoms);
    }

    @Override
    public void accept(Frame f) {
      if (f.cell() == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: periodic distances need one");
      }
      double tFs = !Double.isNaN(p.timestepFs()) || Double.isNaN(f.timeFs()) ? frames * dtFs : f.timeFs();
      double tPs = tFs / 1000;
      keepRecent(f);
      java.util.function.IntUnaryOperator layerOf = layerFunction(f);
      if (positions == null) {
        positions = new double[3 * atoms.size()];
      }
      f.copyPositions(positions);
      for (PairTracker t : trackers) {
        t.update(frames, tPs, f, positions, layerOf);
      }
      // a change is dated at its first frame but known only after the dwell: frames inside the
      // window are held back and corrected before their coordination and motifs are counted
      for (int t = 0; t < trackers.size(); t++) {
        boolean reported = p.eventPairs().contains(trackers.get(t).rule().pair());
        for (long[] c : trackers.get(t).drainCommits()) {
          if (reported) {
            keepAround((int) c[1]);
          }
          for (Snapshot snap : held) {
            if (snap.index >= c[1]) {
              // the sets are shared between frames while no bond changes: correct a copy
              java.util.Set<Long> corrected = new java.util.HashSet<>(snap.bonds.get(t));
              if (c[2] == 1) {
                corrected.add(c[0]);
              } else {
                corrected.remove(c[0]);
              }
              snap.bonds.set(t, java.util.Collections.unmodifiableSet(corrected));
            }
          }
        }
      }
      List<java.util.Set<Long>> now = new ArrayList<>();
      for (PairTracker t : trackers) {
        now.add(t.committedKeys());
      }
      held.addLast(new Snapshot(frames, now, f));
      while (held.size() > delay) {
        count(held.removeFirst());
      }
      times.add(tPs);
      frames++;
    }

    /** Holds {@code f} in the ring of recent frames and keeps it when an event asked for it. */
    private void keepRecent(Frame f) {
      if (window.maxEvents() == 0) {
        return;
      }
      recent.addLast(f);
      // an event is found at most the dwell after its frame, and reaches back the window before it
      while (recent.size() > window.reachBackFrames() + delay + 1) {
        recent.removeFirst();
      }
      if (wanted.remove(frames)) {
        eventFrames.put(frames, f);
      }
    }

    /** Keeps the frames around an event at frame {@code e}, found now: the past ones from the ring, the rest as they come. */
    private void keepAround(int e) {
      if (eventsWithFrames >= window.maxEvents()) {
        return;
      }
      eventsWithFrames++;
      int oldest = frames - recent.size() + 1;
      for (int g : window.framesAround(e)) {
        if (g > frames) {
          wanted.add(g);
        } else if (g >= oldest) {
          eventFrames.put(g, recent.stream().skip(g - oldest).findFirst().orElseThrow());
        }
      }
    }

    private Layers layers;

    private java.util.function.IntUnaryOperator layerFunction(Frame f) {
      if (frames == 0) {
        layers = p.layers().resolve(atoms, f);
      }
      Layers layers = this.layers;
      if (layers == null) {
        return i -> -1;
      }
      return i -> {
        double[] x = {f.position(i, 0), f.position(i, 1), f.position(i, 2)};
        double[] fr = f.cell().toFractional(x, new double[3]);
        for (int k = 0; k < 3; k++) {
          fr[k] -= Math.floor(fr[k]);
        }
        f.cell().toCartesian(fr, fr);
        return layers.layerOf(fr[layers.axis()]);
      };
    }

    private void count(Snapshot snap) {
      if (lastCounted != null && sameSets(lastCounted.bonds, snap.bonds)) {
        // no bond changed since the frame counted last: the same coordination and motifs; this frame's
        // sets stand for them from now on, so that the next frames compare by identity
        coordination.add(coordination.get(coordination.size() - 1));
        meanCn.add(meanCn.get(meanCn.size() - 1));
        motifs.add(motifs.get(motifs.size() - 1));
        lastCounted = snap;
        return;
      }
      lastCounted = snap;
      // coordination of each primary centre (bonds of the primary rule always have centres at both ends when symmetric)
      boolean symmetric = p.primary().centerElement().equalsIgnoreCase(p.primary().ligandElement());
      int n = atoms.size();
      for (int c : primaryCenters) {
        cnOf[c] = 0;
      }
      for (long k : snap.bonds.get(0)) {
        cnOf[(int) (k / n)]++;
        if (symmetric) {
          cnOf[(int) (k % n)]++;
        }
      }
      int max = 0;
      for (int c : primaryCenters) {
        max = Math.max(max, cnOf[c]);
      }
      int[] hist = new int[Math.max(max, 6) + 1];
      double sum = 0;
      for (int c : primaryCenters) {
        hist[cnOf[c]]++;
        sum += cnOf[c];
      }
      // the same few histograms and motif counts recur over a long run: keep one copy of each
      coordination.add(histograms.computeIfAbsent(new Histogram(hist), h -> h).counts());
      meanCn.add(sum / primaryCenters.length);
      if (hasPhosphorusOrSulfur) {
        List<int[]> ps = new ArrayList<>();
        List<int[]> ss = new ArrayList<>();
        List<int[]> pp = new ArrayList<>();
        for (int t = 0; t < trackers.size(); t++) {
          List<int[]> target = bondList(trackers.get(t).rule(), ps, ss, pp);
          if (target != null) {
            for (long k : snap.bonds.get(t)) {
              target.add(new int[] {(int) (k / n), (int) (k % n)});
            }
          }
        }
        Map<Motif, Integer> counted = motifCounter.count(ps, ss, pp);
        counted.forEach((m, c) -> {
          if (c > 0) {
            firstFrames.putIfAbsent(m, snap.frame());
          }
        });
        motifs.add(motifCounts.computeIfAbsent(counted, m -> m));
      } else {
        motifs.add(Map.of());
      }
    }

    private Snapshot lastCounted;
    /** Scratch of {@link #count}: per atom, its primary bonds. */
    private int[] cnOf;
    private MotifCounter motifCounter;

    /** Whether two frames have the same bonds: the same sets (the usual case), or equal ones (after a correction). */
    private static boolean sameSets(List<java.util.Set<Long>> a, List<java.util.Set<Long>> b) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i) && !a.get(i).equals(b.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** The result; pending changes shorter than the dwell time at the end are not counted. */
    @Override
    public BondResult finish() {
      if (frames == 0) {
        throw new IllegalArgumentException("no frames to analyse");
      }
      while (!held.isEmpty()) {
        count(held.removeFirst());
      }
      List<BondEvent> events = new ArrayList<>();
      trackers.stream().filter(t -> p.eventPairs().contains(t.rule().pair())).forEach(t -> events.addAll(t.events()));
      events.sort(Comparator.comparingInt(BondEvent::frame).thenComparing(BondEvent::pair).thenComparingInt(BondEvent::center)
          .thenComparingInt(BondEvent::ligand));
      // frames whose bonds did not change share one map of counts: each distinct map is read once
      TreeSet<Motif> seen = new TreeSet<>();
      for (int i = 0; i < frames; i++) {
        if (i == 0 || motifs.get(i) != motifs.get(i - 1)) {
          seen.addAll(motifs.get(i).keySet());
        }
      }
      List<Motif> names = List.copyOf(seen);
      Map<Motif, Integer> column = new HashMap<>();
      for (int k = 0; k < names.size(); k++) {
        column.put(names.get(k), k);
      }
      int[][] counts = new int[frames][];
      int[] first = new int[names.size()];
      java.util.Arrays.fill(first, -1);
      for (int i = 0; i < frames; i++) {
        if (i > 0 && motifs.get(i) == motifs.get(i - 1)) {
          counts[i] = counts[i - 1].clone();
          continue;
        }
        counts[i] = new int[names.size()];
        for (Map.Entry<Motif, Integer> e : motifs.get(i).entrySet()) {
          int k = column.get(e.getKey());
          counts[i][k] = e.getValue();
          if (first[k] < 0 && e.getValue() > 0) {
            first[k] = i;
          }
        }
      }
      int width = coordination.stream().mapToInt(h -> h.length).max().orElse(1);
      int[][] cn = new int[frames][width];
      for (int i = 0; i < frames; i++) {
        System.arraycopy(coordination.get(i), 0, cn[i], 0, coordination.get(i).length);
      }
      double frameDtPs = frames > 1 ? (times.get(frames - 1) - times.get(0)) / (frames - 1) : Double.NaN;
      List<Double> life = primary.lifetimesFrames().stream().map(x -> x * frameDtPs).toList();
      if (Double.isNaN(dtFs) && times.stream().allMatch(t -> Double.isNaN(t))) {
        warnings.add(new Warning(BondResult.Doubt.NO_TIME, "the frames carry no time: events are dated by frame only"));
      }
      return new BondResult(p, layers, frames, primaryCenters.length, times.stream().mapToDouble(Double::doubleValue).toArray(), cn,
          meanCn.stream().mapToDouble(Double::doubleValue).toArray(), names, counts, first, List.copyOf(events), life,
          primary.stillBonded(), List.copyOf(warnings), firstFrames, window, eventFrames);
    }
  }

  /**
   * The units of a single frame, judged without history (each rule's half-way cutoff), for
   * pictures: thiophosphate units and sulfur species with their atoms (0-based indices).
   */
  public static List<Unit> motifAtoms(AtomTable atoms, Frame f, BondParameters p) {
    return frameBonds(atoms, f, p).units();
  }

  /**
   * The bonds and units of a single frame, judged without history: a pair is bonded when its
   * minimum-image distance is below the half-way cutoff ({@link BondRule#initialA()}) of its rule.
   * Only the rules the motifs use (P–S, S–S, P–P) are followed; pairs of other elements have no bonds.
   *
   * @throws IllegalArgumentException when the frame has no cell
   */
  public static FrameBonds frameBonds(AtomTable atoms, Frame f, BondParameters p) {
    if (f.cell() == null) {
      throw new IllegalArgumentException("frame " + f.step() + " has no cell: periodic distances need one");
    }
    List<int[]> ps = new ArrayList<>();
    List<int[]> ss = new ArrayList<>();
    List<int[]> pp = new ArrayList<>();
    double[] pos = f.positions();
    for (BondRule r : p.all()) {
      List<int[]> target = bondList(r, ps, ss, pp);
      boolean sym = r.centerElement().equalsIgnoreCase(r.ligandElement());
      int[] c = atoms.indicesOf(r.centerElement());
      int[] l = atoms.indicesOf(r.ligandElement());
      if (target == null || c.length == 0 || l.length == 0) {
        continue;
      }
      NeighbourSearch.pairs(f.cell(), pos, c, l, r.initialA(), (a, b, d) -> {
        if (!sym || a < b) {
          target.add(new int[] {a, b});
        }
      });
    }
    List<int[]> all = new ArrayList<>(ps);
    all.addAll(ss);
    all.addAll(pp);
    return new FrameBonds(all, Motifs.units(atoms, ps, ss, pp).stream().map(u -> new Unit(u.motif(), u.atoms())).toList());
  }

  /**
   * The bonds of one frame and the units they make.
   *
   * @param bonds atom pairs {i, j} (0-based), P–S first, then S–S, then P–P
   * @param units thiophosphate units, then sulfur species ({@link Motifs})
   */
  public record FrameBonds(List<int[]> bonds, List<Unit> units) {
    public FrameBonds {
      bonds = bonds.stream().map(int[]::clone).toList();
      units = List.copyOf(units);
    }
  }

  /** One unit of a frame: its motif and its atoms (0-based, ascending). */
  public record Unit(Motif motif, int[] atoms) {}

  /** The list a rule's bonds go to for the motifs: P–S, S–S or P–P; null for any other pair. */
  private static List<int[]> bondList(BondRule r, List<int[]> ps, List<int[]> ss, List<int[]> pp) {
    if (r.samePair("P", "S")) {
      return ps;
    }
    if (r.samePair("S", "S")) {
      return ss;
    }
    return r.samePair("P", "P") ? pp : null;
  }

  /** A coordination histogram as a map key. */
  private record Histogram(int[] counts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Histogram h && java.util.Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(counts);
    }
  }

  /** The bonds of one frame per tracker, held back for the dwell window. */
  private record Snapshot(int index, List<java.util.Set<Long>> bonds, Frame frame) {}
}
