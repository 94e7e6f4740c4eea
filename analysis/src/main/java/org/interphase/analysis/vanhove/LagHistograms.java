package org.interphase.analysis.vanhove;

import java.util.List;
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
 * @param selfSamples (atom, origin) pairs counted in the self part: origins × atoms, or those with the atom in the region
 * @param distinctCentres (atom, origin) pairs that were centres of the distinct part: distinct origins × atoms, or those in the region
 */
record LagHistograms(int origins, int distinctOrigins, long[] selfCounts, double[] distinctVolumeWeighted, double displacementSumA, long displaced,
    long beyondRMax, long selfSamples, long distinctCentres) {
  /** Origins per chunk: a chunk reads 2 × this many rows. */
  static final int CHUNK = 64;
  /** Per thread, the rows at the origins of a chunk and {@code lag} later. */
  private static final ThreadLocal<double[][]> ROWS = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

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
   * @param select which atoms and components count
   */
  static LagHistograms of(SeriesStore store, List<Cell> cells, int lag, double[] edges, int distinctBins, double displacedA,
      int maxDistinctOrigins, Select select) {
    int origins = store.frames() - lag;
    int stride = maxDistinctOrigins > 0 ? Math.max(1, (origins + maxDistinctOrigins - 1) / maxDistinctOrigins) : 1;
    int chunks = (origins + CHUNK - 1) / CHUNK;
    double[] distinctEdges = java.util.Arrays.copyOf(edges, distinctBins + 1);
    List<LagHistograms> parts = org.interphase.core.SideBySide.map(chunks, c -> chunk(store, cells, lag, c * CHUNK,
        Math.min(origins, (c + 1) * CHUNK), edges, distinctEdges, displacedA, stride, select));
    int bins = edges.length - 1;
    long[] self = new long[bins];
    double[] pairs = new double[distinctBins];
    double sum = 0;
    long moved = 0;
    long beyond = 0;
    int distinctOrigins = 0;
    long selfSamples = 0;
    long centres = 0;
    for (LagHistograms p : parts) {
      distinctOrigins += p.distinctOrigins;
      selfSamples += p.selfSamples;
      centres += p.distinctCentres;
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
    return new LagHistograms(origins, distinctOrigins, self, pairs, sum, moved, beyond, selfSamples, centres);
  }

  /**
   * Which (atom, origin) pairs and which components count.
   *
   * @param region only atoms in this slab at the origin (position wrapped into the origin's cell); {@code null}: all
   * @param axes per Cartesian component, whether the self part's displacement has it
   */
  record Select(org.interphase.analysis.msd.Region region, boolean[] axes) {

    /** Whether atom {@code i} (positions {@code xyz}, flat) lies in the region in {@code cell}. */
    boolean in(Cell cell, double[] xyz, int i) {
      return region == null || region.containsWrapped(cell, xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    }
  }

  /** The sums over origins {@code from … to − 1}; the distinct part over {@code distinctEdges} (none with one edge). */
  private static LagHistograms chunk(SeriesStore store, List<Cell> cells, int lag, int from, int to, double[] edges, double[] distinctEdges,
      double displacedA, int stride, Select select) {
    int n = to - from;
    int width = store.width();
    // the rows of a chunk in arrays of the thread, reused chunk after chunk (fresh ones made gigabytes of garbage in a long run)
    double[][] rows = ROWS.get();
    if (rows[0].length < n * width) {
      rows[0] = new double[CHUNK * width];
      rows[1] = new double[CHUNK * width];
    }
    double[] start = rows[0];
    double[] end = rows[1];
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
    double[] centres = new double[width];
    double[] neighbours = new double[width];
    double[] inRegion = new double[width];
    int[] selfIndex = new int[atoms];
    boolean[] in = new boolean[atoms];
    double ax = select.axes()[0] ? 1 : 0;
    double ay = select.axes()[1] ? 1 : 0;
    double az = select.axes()[2] ? 1 : 0;
    double sum = 0;
    long moved = 0;
    long beyond = 0;
    long samples = 0;
    long centreCount = 0;
    int distinctOrigins = 0;
    for (int o = 0; o < n; o++) {
      System.arraycopy(start, o * width, centres, 0, width);
      System.arraycopy(end, o * width, neighbours, 0, width);
      Cell origin = cells.get(from + o);
      int inside = 0;
      for (int i = 0; i < atoms; i++) {
        in[i] = select.in(origin, centres, i);
        if (!in[i]) {
          continue;
        }
        System.arraycopy(centres, 3 * i, inRegion, 3 * inside, 3);
        selfIndex[inside++] = i;
        double dx = (neighbours[3 * i] - centres[3 * i]) * ax;
        double dy = (neighbours[3 * i + 1] - centres[3 * i + 1]) * ay;
        double dz = (neighbours[3 * i + 2] - centres[3 * i + 2]) * az;
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        sum += r;
        moved += r > displacedA ? 1 : 0;
        if (r < rMax) {
          self[PeriodicPairs.bin(r, edges, inverseWidth)]++;
        } else {
          beyond++;
        }
      }
      samples += inside;
      if (distinctBins > 0 && (from + o) % stride == 0) {
        distinctOrigins++;
        centreCount += inside;
        Cell cell = cells.get(from + o + lag);
        java.util.Arrays.fill(pairs, 0);
        PeriodicPairs.histogram(cell, inside == atoms ? centres : java.util.Arrays.copyOf(inRegion, 3 * inside), neighbours,
            java.util.Arrays.copyOf(selfIndex, inside), true, distinctEdges, pairs);
        double v = cell.volumeA3();
        for (int k = 0; k < distinctBins; k++) {
          weighted[k] += v * pairs[k];
        }
      }
    }
    return new LagHistograms(n, distinctOrigins, self, weighted, sum, moved, beyond, samples, centreCount);
  }
}
