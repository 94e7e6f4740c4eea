package org.interphase.analysis.bonds;

import java.util.List;
import java.util.Map;

/**
 * What {@link BondAnalysis} found.
 *
 * @param layers the layers events were located in (given or found), or null
 * @param timePs time of each frame, ps
 * @param coordination per frame, the number of primary centres with each coordination number
 *     ({@code coordination[frame][cn]})
 * @param meanCoordination per frame, the mean coordination number of the primary centres
 * @param motifCounts per frame, count of each motif (see {@link Motifs})
 * @param motifNames every motif seen, in a stable order
 * @param firstFrame per motif, the first frame it appears in
 * @param events every counted break and formation, by frame
 * @param lifetimesPs completed bond lifetimes of the primary bond, ps
 * @param censoredBonds primary bonds still formed at the end
 */
public record BondResult(BondParameters parameters, Layers layers, int frames, int centers, double[] timePs, int[][] coordination,
    double[] meanCoordination, List<Map<String, Integer>> motifCounts, List<String> motifNames, Map<String, Integer> firstFrame,
    List<BondEvent> events, List<Double> lifetimesPs, int censoredBonds, List<String> warnings) {

  /** Count of a motif in a frame (0 when absent). */
  public int motifCount(int frame, String motif) {
    return motifCounts.get(frame).getOrDefault(motif, 0);
  }

  /** Events of one bond type, e.g. {@code "P-S"}. */
  public List<BondEvent> events(String bond) {
    return events.stream().filter(e -> e.bond().equals(bond)).toList();
  }
}
