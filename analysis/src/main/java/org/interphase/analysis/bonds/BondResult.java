package org.interphase.analysis.bonds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.interphase.core.Frame;
import org.interphase.core.Warning;

/**
 * What {@link BondAnalysis} found. Arrays are indexed by frame (0-based, in the frames analysed);
 * do not modify them.
 *
 * @param layers the layers events were located in (given or found), or null
 * @param frames number of frames analysed
 * @param centers number of centre atoms of the primary pair
 * @param timePs time of each frame, ps (NaN when unknown)
 * @param coordination per frame, the number of primary centres with each coordination number
 *     ({@code coordination[frame][cn]})
 * @param meanCoordination per frame, the mean coordination number of the primary centres
 * @param motifs every motif seen in any frame, thiophosphate units then sulfur species, in {@link Motif} order
 * @param motifCounts per frame, the number of units of each motif: {@code motifCounts[frame][k]} for
 *     {@code motifs.get(k)}
 * @param motifFirstFrame per motif ({@code k} as above), the first frame it appears in
 * @param events the counted breaks and formations of the reported pairs ({@link
 *     BondParameters#eventPairs()}), by frame
 * @param lifetimesPs completed bond lifetimes of the primary bond, ps
 * @param censoredBonds primary bonds still formed at the end
 * @param warnings what the user should know about the result
 * @param firstFrames per motif, the frame it first appears in (kept for pictures: one frame per motif)
 * @param eventWindow which frames around events were kept ({@link EventWindow#NONE}: none)
 * @param eventFrames the frames kept around events, by index (ascending)
 */
public record BondResult(BondParameters parameters, Layers layers, int frames, int centers, double[] timePs, int[][] coordination,
    double[] meanCoordination, List<Motif> motifs, int[][] motifCounts, int[] motifFirstFrame, List<BondEvent> events,
    List<Double> lifetimesPs, int censoredBonds, List<Warning> warnings, Map<Motif, Frame> firstFrames, EventWindow eventWindow,
    java.util.SortedMap<Integer, Frame> eventFrames) {

  public BondResult {
    timePs = timePs.clone();
    coordination = deepCopy(coordination);
    meanCoordination = meanCoordination.clone();
    motifs = List.copyOf(motifs);
    motifCounts = deepCopy(motifCounts);
    motifFirstFrame = motifFirstFrame.clone();
    events = List.copyOf(events);
    lifetimesPs = List.copyOf(lifetimesPs);
    warnings = List.copyOf(warnings);
    firstFrames = Map.copyOf(firstFrames);
    eventFrames = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(eventFrames));
  }

  /**
   * The frames kept around an event ({@link EventWindow#framesAround}), by index, ascending; empty
   * when its frames were not kept (an event beyond {@link EventWindow#maxEvents()}). Frames after the
   * end of the run are missing.
   */
  public java.util.SortedMap<Integer, Frame> framesAround(BondEvent e) {
    java.util.SortedMap<Integer, Frame> out = new java.util.TreeMap<>();
    if (!eventFrames.containsKey(e.frame())) {
      return out;
    }
    for (int g : eventWindow.framesAround(e.frame())) {
      Frame f = eventFrames.get(g);
      if (f != null) {
        out.put(g, f);
      }
    }
    return out;
  }

  /** Kinds of doubt about a bond result. */
  public enum Doubt implements Warning.Kind {
    /** the frames carry no time: events are dated by frame only */
    NO_TIME
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** Time of each frame, ps (a copy). */
  @Override
  public double[] timePs() {
    return timePs.clone();
  }

  /** Time of one frame, ps (NaN when unknown). */
  public double timePs(int frame) {
    return timePs[frame];
  }

  /** Per frame, centres per coordination number (a copy). */
  @Override
  public int[][] coordination() {
    return deepCopy(coordination);
  }

  /** Per frame, the mean coordination number (a copy). */
  @Override
  public double[] meanCoordination() {
    return meanCoordination.clone();
  }

  /** Per frame and motif, the number of units (a copy). */
  @Override
  public int[][] motifCounts() {
    return deepCopy(motifCounts);
  }

  /** Per motif, the first frame it appears in (a copy). */
  @Override
  public int[] motifFirstFrame() {
    return motifFirstFrame.clone();
  }

  /** The warnings' texts, in order. */
  public List<String> warningTexts() {
    return warnings.stream().map(Warning::text).toList();
  }

  /** Units of a motif in a frame (0 when absent). */
  public int count(int frame, Motif motif) {
    int k = motifs.indexOf(motif);
    return k < 0 ? 0 : motifCounts[frame][k];
  }

  /** The motif's count in every frame, indexed by frame (zeros when it never appears). */
  public int[] counts(Motif motif) {
    int k = motifs.indexOf(motif);
    int[] out = new int[motifCounts.length];
    if (k >= 0) {
      for (int f = 0; f < out.length; f++) {
        out[f] = motifCounts[f][k];
      }
    }
    return out;
  }

  /**
   * Units in a frame of the motifs a name means ({@link Motif#matches}: a label such as {@code "PS3"}
   * or a generic name such as {@code "S chain"}, summed over sizes); 0 when absent.
   */
  public int count(int frame, String name) {
    int n = 0;
    for (int k = 0; k < motifs.size(); k++) {
      n += motifs.get(k).matches(name) ? motifCounts[frame][k] : 0;
    }
    return n;
  }

  /** The first frame a motif appears in, empty when it never does. */
  public OptionalInt firstFrame(Motif motif) {
    int k = motifs.indexOf(motif);
    return k < 0 ? OptionalInt.empty() : OptionalInt.of(motifFirstFrame[k]);
  }

  /**
   * The earliest frame in which any motif a name means ({@link Motif#matches}) appears, with its
   * index; empty when none does.
   */
  public java.util.Optional<Map.Entry<Integer, Frame>> firstFrameWith(String name) {
    OptionalInt first = firstFrame(name);
    if (first.isEmpty()) {
      return java.util.Optional.empty();
    }
    for (int k = 0; k < motifs.size(); k++) {
      if (motifs.get(k).matches(name) && motifFirstFrame[k] == first.getAsInt()) {
        return java.util.Optional.of(Map.entry(first.getAsInt(), firstFrames.get(motifs.get(k))));
      }
    }
    return java.util.Optional.empty();
  }

  /** The first frame any motif a name means ({@link Motif#matches}) appears in, empty when none does. */
  public OptionalInt firstFrame(String name) {
    OptionalInt first = OptionalInt.empty();
    for (int k = 0; k < motifs.size(); k++) {
      if (motifs.get(k).matches(name) && (first.isEmpty() || motifFirstFrame[k] < first.getAsInt())) {
        first = OptionalInt.of(motifFirstFrame[k]);
      }
    }
    return first;
  }

  /** The motifs present in a frame with their counts, in {@link #motifs()} order. */
  public Map<Motif, Integer> countsAt(int frame) {
    Map<Motif, Integer> out = new LinkedHashMap<>();
    for (int k = 0; k < motifs.size(); k++) {
      if (motifCounts[frame][k] > 0) {
        out.put(motifs.get(k), motifCounts[frame][k]);
      }
    }
    return out;
  }

  /** The motifs of one classification, in {@link #motifs()} order. */
  public List<Motif> motifs(Motif.Family family) {
    return motifs.stream().filter(m -> m.family() == family).toList();
  }

  /** Events of one pair, e.g. {@code "P-S"}. */
  public List<BondEvent> events(String pair) {
    return events.stream().filter(e -> e.pair().equals(pair)).toList();
  }
}
