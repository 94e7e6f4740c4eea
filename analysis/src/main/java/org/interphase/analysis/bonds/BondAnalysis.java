package org.interphase.analysis.bonds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;

/**
 * Bond events, coordination and motifs over a trajectory. Use: {@code var acc = new
 * BondAnalysis(p).start(header); frames.forEach(acc); BondResult r = acc.finish();}. Memory: the
 * bond states of close pairs and a few numbers per frame; frames are not kept.
 */
public final class BondAnalysis {
  private final BondParameters p;

  public BondAnalysis(BondParameters parameters) {
    this.p = parameters;
  }

  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Feeds frames in order. */
  public final class Accumulator implements Consumer<Frame> {
    private final AtomTable atoms;
    private final List<PairTracker> trackers = new ArrayList<>();
    private final PairTracker primary;
    private final int[] primaryCenters;
    private final int[] phosphorus;
    private final int[] sulfur;
    private final double dtFs;
    private final List<Double> times = new ArrayList<>();
    private final List<int[]> coordination = new ArrayList<>();
    private final List<Double> meanCn = new ArrayList<>();
    private final List<Map<String, Integer>> motifs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int frames;
    private final java.util.ArrayDeque<Snapshot> held = new java.util.ArrayDeque<>();
    private final int delay;

    Accumulator(TrajectoryHeader header) {
      atoms = header.atoms();
      primaryCenters = atoms.indicesOf(p.primary().centerElement());
      int[] primaryLigands = atoms.indicesOf(p.primary().ligandElement());
      if (primaryCenters.length == 0 || primaryLigands.length == 0) {
        throw new IllegalArgumentException(header.source() + " has no " + (primaryCenters.length == 0 ? p.primary().centerElement()
            : p.primary().ligandElement()) + " atoms (it has " + atoms.speciesCounts().keySet() + ")");
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
      phosphorus = atoms.indicesOf("P");
      sulfur = atoms.indicesOf("S");
      dtFs = !Double.isNaN(p.timestepFs()) ? p.timestepFs() : header.timestepFs();
      delay = trackers.stream().mapToInt(t -> t.rule().minFrames()).max().orElse(1) - 1;
    }

    @Override
    public void accept(Frame f) {
      if (f.cell() == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: periodic distances need one");
      }
      double tFs = !Double.isNaN(p.timestepFs()) || Double.isNaN(f.timeFs()) ? frames * dtFs : f.timeFs();
      double tPs = tFs / 1000;
      java.util.function.IntUnaryOperator layerOf = layerFunction(f);
      for (PairTracker t : trackers) {
        t.update(frames, tPs, f, layerOf);
      }
      // a change is dated at its first frame but known only after the dwell: frames inside the
      // window are held back and corrected before their coordination and motifs are counted
      for (int t = 0; t < trackers.size(); t++) {
        for (long[] c : trackers.get(t).drainCommits()) {
          for (Snapshot snap : held) {
            if (snap.index >= c[1]) {
              if (c[2] == 1) {
                snap.bonds.get(t).add(c[0]);
              } else {
                snap.bonds.get(t).remove(c[0]);
              }
            }
          }
        }
      }
      List<java.util.Set<Long>> now = new ArrayList<>();
      for (PairTracker t : trackers) {
        now.add(t.committedKeys());
      }
      held.addLast(new Snapshot(frames, now));
      while (held.size() > delay) {
        count(held.removeFirst());
      }
      times.add(tPs);
      frames++;
    }

    private Layers layers;

    private java.util.function.IntUnaryOperator layerFunction(Frame f) {
      if (layers == null && p.layers() != null) {
        layers = p.layers() == BondParameters.AUTOMATIC_LAYERS ? Layers.automatic(atoms, f, 2) : p.layers();
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
      Map<Integer, Integer> cn = new HashMap<>();
      for (int c : primaryCenters) {
        cn.put(c, 0);
      }
      boolean symmetric = p.primary().centerElement().equalsIgnoreCase(p.primary().ligandElement());
      int n = atoms.size();
      for (long k : snap.bonds.get(0)) {
        cn.merge((int) (k / n), 1, Integer::sum);
        if (symmetric) {
          cn.merge((int) (k % n), 1, Integer::sum);
        }
      }
      int max = cn.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      int[] hist = new int[Math.max(max, 6) + 1];
      double sum = 0;
      for (int v : cn.values()) {
        hist[v]++;
        sum += v;
      }
      coordination.add(hist);
      meanCn.add(sum / primaryCenters.length);
      if (phosphorus.length + sulfur.length > 0) {
        List<int[]> bonds = new ArrayList<>();
        for (int t = 0; t < trackers.size(); t++) {
          String a = trackers.get(t).rule().centerElement();
          String b = trackers.get(t).rule().ligandElement();
          if ((a.equals("P") || a.equals("S")) && (b.equals("P") || b.equals("S"))) {
            for (long k : snap.bonds.get(t)) {
              bonds.add(new int[] {(int) (k / n), (int) (k % n)});
            }
          }
        }
        motifs.add(Motifs.count(atoms, phosphorus, sulfur, bonds));
      } else {
        motifs.add(Map.of());
      }
    }

    /** The result; pending changes shorter than the dwell time at the end are not counted. */
    public BondResult finish() {
      if (frames == 0) {
        throw new IllegalArgumentException("no frames to analyse");
      }
      while (!held.isEmpty()) {
        count(held.removeFirst());
      }
      List<BondEvent> events = new ArrayList<>();
      trackers.forEach(t -> events.addAll(t.events()));
      events.sort(Comparator.comparingInt(BondEvent::frame).thenComparing(BondEvent::bond).thenComparingInt(BondEvent::center)
          .thenComparingInt(BondEvent::ligand));
      TreeSet<String> names = new TreeSet<>(Comparator.comparingInt(BondAnalysis::motifOrder).thenComparing(s -> s));
      Map<String, Integer> first = new LinkedHashMap<>();
      for (int i = 0; i < motifs.size(); i++) {
        for (String m : motifs.get(i).keySet()) {
          names.add(m);
          first.putIfAbsent(m, i);
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
        warnings.add("the frames carry no time: events are dated by frame only (pass --timestep-fs)");
      }
      return new BondResult(p, layers, frames, primaryCenters.length, times.stream().mapToDouble(Double::doubleValue).toArray(), cn,
          meanCn.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(motifs), List.copyOf(names), first, List.copyOf(events),
          life, primary.stillBonded(), List.copyOf(warnings));
    }
  }

  /**
   * The motifs of a single frame, judged without history (each rule's half-way cutoff), for
   * pictures: name → atom groups (0-based indices).
   */
  public static Map<String, List<int[]>> motifAtoms(AtomTable atoms, Frame f, BondParameters p) {
    int[] phosphorus = atoms.indicesOf("P");
    int[] sulfur = atoms.indicesOf("S");
    List<int[]> bonds = new ArrayList<>();
    double[] pos = f.positions();
    for (BondRule r : p.all()) {
      boolean sym = r.centerElement().equalsIgnoreCase(r.ligandElement());
      int[] c = atoms.indicesOf(r.centerElement());
      int[] l = atoms.indicesOf(r.ligandElement());
      if (c.length == 0 || l.length == 0) {
        continue;
      }
      NeighbourSearch.pairs(f.cell(), pos, c, l, r.initialA(), (a, b, d) -> {
        if (!sym || a < b) {
          bonds.add(new int[] {a, b});
        }
      });
    }
    Map<String, List<int[]>> out = new LinkedHashMap<>();
    for (Motifs.Unit u : Motifs.units(atoms, phosphorus, sulfur, bonds)) {
      out.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u.atoms());
    }
    return out;
  }

  /** The bonds of one frame per tracker, held back for the dwell window. */
  private record Snapshot(int index, List<java.util.Set<Long>> bonds) {}

  private static int motifOrder(String m) {
    return switch (m) {
      case "PS4" -> 0;
      case "PS3" -> 1;
      case "P2S7" -> 2;
      case "P2S6" -> 3;
      case "S8 ring" -> 4;
      case "S chain" -> 5;
      case "S (isolated)" -> 6;
      default -> 7;
    };
  }
}
