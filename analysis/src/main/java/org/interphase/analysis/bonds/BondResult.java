package org.interphase.analysis.bonds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

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
 */
public record BondResult(BondParameters parameters, Layers layers, int frames, int centers, double[] timePs, int[][] coordination,
    double[] meanCoordination, List<Motif> motifs, int[][] motifCounts, int[] motifFirstFrame, List<BondEvent> events,
    List<Double> lifetimesPs, int censoredBonds, List<String> warnings) {

  /** Units of a motif in a frame (0 when absent). */
  public int count(int frame, Motif motif) {
    int k = motifs.indexOf(motif);
    return k < 0 ? 0 : motifCounts[frame][k];
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
