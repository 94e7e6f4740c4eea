package org.interphase.analysis.vanhove;

import java.util.List;
import java.util.stream.IntStream;
import org.interphase.analysis.msd.SeriesStore;
import org.interphase.analysis.rdf.PeriodicPairs;
import org.interphase.core.Cell;

/**
 * The raw sums of one lag over every time origin: the histogram of the self displacements, the
 * volume-weighted histogram of the distinct distances, and the displacement statistics. Normalised
 * by {@link VanHove}.
 *
 * <p>Origins are taken in chunks of {@value #CHUNK} consecutive frames, each chunk reading its rows from
 * the store and summing on its own (in parallel); the chunks are added in order, so the sums do not
 * depend on the number of threads.
 *
 * @param origins the time origins t₀ = 0 … frames − lag − 1
 * @param distinctOrigins of these, the ones the distinct part was summed over (every s-th, from 0)
 * @param selfCounts per bin, (atom, origin) displacements |u<sub>i</sub>(t₀ + lag) − u<sub>i</sub>(t₀)| in it
 * @param distinctVolumeWeighted per bin of the distinct part (the first ones of the self part's), Σ over origins of V(t₀ + lag) ·
 *     h<sub>t₀</sub>, h the count of (i, image of j ≠ i) distances |u<sub>j</sub>(t₀ + lag) + n·L(t₀ + lag) − u<sub>i</sub>(t₀)| in the bin
 * @param displacementSumA Σ |Δr| over atoms and origins, Å
 * @param displaced displacements longer than the threshold
 * @param beyondRMax displacements at or beyond r<sub>max</sub>
 */
record LagHistograms(int origins, int distinctOrigins, long[] selfCounts, double[] distinctVolumeWeighted, double displacementSumA, long displaced,
    long beyondRMax) {
  /** Origins per chunk: a chunk reads 2 × this many rows. */
  static final int CHUNK = 64;

  /**
   * Sums one lag.
   *
   * @param store the drift-corrected unwrapped coordinates of the species, one row of 3·atoms per frame
   * @param cells the cell of each frame
   * @param lag the lag in frames, 0 ≤ lag &lt; frames
   * @param edges the bin edges, Å ({@link PeriodicPairs#bin})
   * @param distinctBins how many of the bins the distinct part fills (0: none, it needs two atoms)
   * @param displacedA the displacement counted as {@code displaced}, Å
   * @param maxDistinctOrigins the distinct part over at most this many origins, every ⌈origins/k⌉-th (0: all)
   */
  static LagHistograms of(SeriesStore store, List<Cell> cells, int lag, double[] edges, int distinctBins, double displacedA,
      int maxDistinctOrigins) {
    int origins = store.frames() - lag;
    int stride = maxDistinctOrigins > 0 ? Math.max(1, (origins + maxDistinctOrigins - 1) / maxDistinctOrigins) : 1;
    int chunks = (origins + CHUNK - 1) / CHUNK;
    double[] distinctEdges = java.util.Arrays.copyOf(edges, distinctBins + 1);
    List<LagHistograms> parts = IntStream.range(0, chunks).parallel().mapToObj(c -> chunk(store, cells, lag, c * CHUNK,
        Math.min(origins, (c + 1) * CHUNK), edges, distinctEdges, displacedA, stride)).toList();
    int bins = edges.length - 1;
    long[] self = new long[bins];
    double[] pairs = new double[distinctBins];
    double sum = 0;
    long moved = 0;
    long beyond = 0;
    int distinctOrigins = 0;
    for (LagHistograms p : parts) {
      distinctOrigins += p.distinctOrigins;
      for (int k = 0; k < bins; k++) {
        self[k] += p.selfCounts[k];
      }
      for (int k = 0; k < distinctBins; k++) {
        pairs[k] += p.distinctVolumeWeighted[k];
      }
      sum += p.displacementSumA;
      moved += p.displaced;
      beyond += p.beyondRMax;
    }
    return new LagHistograms(origins, distinctOrigins, self, pairs, sum, moved, beyond);
  }

  /** The sums over origins {@code from … to − 1}; the distinct part over {@code distinctEdges} (none with one edge). */
  private static LagHistograms chunk(SeriesStore store, List<Cell> cells, int lag, int from, int to, double[] edges, double[] distinctEdges,
      double displacedA, int stride) {
    int n = to - from;
    int width = store.width();
    double[] start = new double[n * width];
    double[] end = new double[n * width];
    store.rows(from, n, start);
    store.rows(from + lag, n, end);
    int bins = edges.length - 1;
    double rMax = edges[bins];
    double inverseWidth = bins / rMax;
    long[] self = new long[bins];
    int distinctBins = distinctEdges.length - 1;
    double[] weighted = new double[distinctBins];
    long[] pairs = new long[distinctBins];
    int atoms = width / 3;
    int[] selfIndex = IntStream.range(0, atoms).toArray();
    double[] centres = new double[width];
    double[] neighbours = new double[width];
    double sum = 0;
    long moved = 0;
    long beyond = 0;
    int distinctOrigins = 0;
    for (int o = 0; o < n; o++) {
      System.arraycopy(start, o * width, centres, 0, width);
      System.arraycopy(end, o * width, neighbours, 0, width);
      for (int i = 0; i < atoms; i++) {
        double dx = neighbours[3 * i] - centres[3 * i];
        double dy = neighbours[3 * i + 1] - centres[3 * i + 1];
        double dz = neighbours[3 * i + 2] - centres[3 * i + 2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        sum += r;
        moved += r > displacedA ? 1 : 0;
        if (r < rMax) {
          self[PeriodicPairs.bin(r, edges, inverseWidth)]++;
        } else {
          beyond++;
        }
      }
      if (distinctBins > 0 && (from + o) % stride == 0) {
        distinctOrigins++;
        Cell cell = cells.get(from + o + lag);
        java.util.Arrays.fill(pairs, 0);
        PeriodicPairs.histogram(cell, centres, neighbours, selfIndex, true, distinctEdges, pairs);
        double v = cell.volumeA3();
        for (int k = 0; k < distinctBins; k++) {
          weighted[k] += v * pairs[k];
        }
      }
    }
    return new LagHistograms(n, distinctOrigins, self, weighted, sum, moved, beyond);
  }
}
