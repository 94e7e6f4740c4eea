package org.interphase.analysis.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.msd.Region;
import org.interphase.core.Analysis;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;
import org.interphase.analysis.rdf.RdfResult.Doubt;

/**
 * The radial distribution function g<sub>AB</sub>(r) of the atoms B around the atoms A, averaged over
 * the frames, with the running coordination number n<sub>AB</sub>(r) and the first shell. Use:
 * {@code var acc = new RadialDistribution(p).start(header); frames.forEach(acc); RdfResult r = acc.finish();}
 *
 * <p><b>Definition</b> (the histogram method; Allen &amp; Tildesley, <i>Computer Simulation of
 * Liquids</i>, 2nd ed., Oxford 2017, "Liquid structure" in the chapter on analysing results). The
 * range [0, r<sub>max</sub>) is cut into bins [r<sub>k</sub>, r<sub>k+1</sub>). In frame f, h<sub>f,k</sub>
 * counts the triples (a ∈ A, b ∈ B, lattice translation n) with r<sub>k</sub> ≤ |r<sub>b</sub> + n·L<sub>f</sub>
 * − r<sub>a</sub>| &lt; r<sub>k+1</sub>, every periodic image ({@link PeriodicPairs}), except a = b with
 * n = 0. A same-species pair (Li–Li) thus counts every ordered pair i ≠ j, each twice. Then
 *
 * <pre>{@code
 * g(r_k) = Σ_f V_f · h_f,k / ( 4π/3 (r_{k+1}³ − r_k³) · Σ_f P_f )
 * P_f    = Σ over the centres a of frame f of (N_B − [a ∈ B])      (A ≠ B: N_A·N_B;  A = B: N_A(N_A − 1))
 * n(r_k) = Σ_f Σ_{j<k} h_f,j / Σ_f C_f                               (C_f: centres in frame f; at the bin edges)
 * }</pre>
 *
 * <p>With every A atom a centre, P is the same in every frame and g is the mean over the frames of each
 * frame's g normalised with <b>its own volume</b> V<sub>f</sub> (pair density P/V<sub>f</sub>), as a
 * variable cell needs. MDAnalysis {@code InterRDF} divides the summed histogram by the mean volume
 * instead; for a fixed cell the two agree (for A = B with {@code exclusion_block=(1, 1)}). With a region
 * only the A atoms inside it in that frame are centres and the frames are weighted by their pairs.
 * n(r) is reported at the bin centres, half-way between its values at the edges (a bin's own pairs
 * count half). Below half the smallest perpendicular width no pair has two images within r; beyond,
 * own images add, and for A = B g tends to N/(N − 1), not 1, at large r.
 *
 * <p>The accumulator keeps one histogram (bins) and a few sums, never the frames; frames can be
 * split over threads only by summing these, which this class does not offer.
 */
public final class RadialDistribution implements Analysis<RdfResult> {
  private final RdfParameters p;

  public RadialDistribution(RdfParameters parameters) {
    this.p = parameters;
  }

  public RdfParameters parameters() {
    return p;
  }

  /**
   * A fresh accumulator for one trajectory.
   *
   * @throws IllegalArgumentException when the trajectory has no atoms of A or of B, or a same-species
   *     g(r) has a single atom
   */
  @Override
  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Counts pairs frame by frame; {@link #finish()} normalises. Not thread-safe; use once. */
  public final class Accumulator implements org.interphase.core.Accumulator<RdfResult> {
    private final int[] a;
    private final int[] b;
    private final boolean[] inB;
    private final double[] positions;
    /** The parameters with the range fixed: the default one is set by the first cell. */
    private RdfParameters p;
    private double[] edges;
    private long[] frameCounts;
    private long[] totalCounts;
    private double[] volumeWeighted;
    private long pairs;
    private long centres;
    private double volumeSum;
    private double smallestHalfWidth = Double.POSITIVE_INFINITY;
    private int frames;
    private long seen;

    Accumulator(TrajectoryHeader header) {
      p = RadialDistribution.this.p;
      AtomTable atoms = header.atoms();
      a = atoms.indicesOf(p.elementA());
      b = atoms.indicesOf(p.elementB());
      for (String el : new String[] {p.elementA(), p.elementB()}) {
        if (atoms.indicesOf(el).length == 0) {
          throw org.interphase.core.AbsentSpeciesException.of(el, header.source(), atoms);
        }
      }
      positions = new double[3 * atoms.size()];
      inB = new boolean[atoms.size()];
      for (int j : b) {
        inB[j] = true;
      }
      if (java.util.Arrays.equals(a, b) && a.length < 2) {
        throw new IllegalArgumentException("the " + p.pair() + " g(r) needs at least two " + p.elementA() + " atoms; "
            + header.source() + " has one");
      }
      if (!p.defaultRange() || header.firstCell() != null) {
        allocate(header.firstCell());
      }
    }

    /** Fixes the range (the default one from {@code first}, the first frame's cell) and makes the histogram. */
    private void allocate(Cell first) {
      p = p.resolvedFor(first);
      int n = p.bins();
      double width = p.rMaxA() / n;
      edges = new double[n + 1];
      for (int k = 0; k < n; k++) {
        edges[k] = k * width; // as NumPy's linspace, so that a distance falls into the same bin as in np.histogram
      }
      edges[n] = p.rMaxA();
      frameCounts = new long[n];
      totalCounts = new long[n];
      volumeWeighted = new double[n];
    }

    /**
     * Adds a frame's pairs.
     *
     * @throws IllegalArgumentException when the frame has no cell
     */
    @Override
    public void accept(Frame f) {
      Cell cell = f.cell();
      if (cell == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: g(r) needs the periodic cell");
      }
      if (f.atomCount() != inB.length) {
        throw new IllegalArgumentException("frame " + f.step() + " has " + f.atomCount() + " atoms, the trajectory " + inB.length);
      }
      if (vacuum == null) {
        vacuum = org.interphase.core.VacuumGap.of(f);
      }
      if (edges == null) {
        allocate(cell);
      }
      if (seen++ % p.everyFrames() != 0) {
        return;
      }
      f.copyPositions(positions);
      int[] c = p.region() == null ? a : inRegion(cell, positions, p.region());
      java.util.Arrays.fill(frameCounts, 0);
      PeriodicPairs.histogram(cell, positions, c, b, edges, frameCounts);
      double v = cell.volumeA3();
      for (int k = 0; k < frameCounts.length; k++) {
        totalCounts[k] += frameCounts[k];
        volumeWeighted[k] += v * frameCounts[k];
      }
      for (int i : c) {
        pairs += inB[i] ? b.length - 1 : b.length;
      }
      centres += c.length;
      volumeSum += v;
      double[] w = cell.perpendicularWidthsA();
      smallestHalfWidth = Math.min(smallestHalfWidth, 0.5 * Math.min(w[0], Math.min(w[1], w[2])));
      frames++;
    }

    /** The A atoms whose position, wrapped into the cell, lies in the slab. */
    private int[] inRegion(Cell cell, double[] positions, Region region) {
      int[] in = new int[a.length];
      int m = 0;
      for (int i : a) {
        if (region.containsWrapped(cell, positions[3 * i], positions[3 * i + 1], positions[3 * i + 2])) {
          in[m++] = i;
        }
      }
      return java.util.Arrays.copyOf(in, m);
    }

    /** The vacuum of the first frame. */
    private org.interphase.core.VacuumGap vacuum;

    /**
     * Normalises the histogram.
     *
     * @throws IllegalArgumentException when no frame was given, or no centre was in the region in any frame
     */
    @Override
    public RdfResult finish() {
      if (frames == 0) {
        throw new IllegalArgumentException("no frames: g(r) needs at least one");
      }
      if (pairs == 0) {
        throw new IllegalArgumentException("no " + p.elementA() + " atom lay in " + p.region() + " in any of the " + frames + " frames");
      }
      int n = totalCounts.length;
      double[] r = new double[n];
      double[] g = new double[n];
      double[] atEdges = new double[n + 1];
      double[] atCentres = new double[n];
      long running = 0;
      for (int k = 0; k < n; k++) {
        r[k] = 0.5 * (edges[k] + edges[k + 1]);
        double shell = 4.0 / 3.0 * Math.PI * (Math.pow(edges[k + 1], 3) - Math.pow(edges[k], 3));
        g[k] = volumeWeighted[k] / (shell * pairs);
        running += totalCounts[k];
        atEdges[k + 1] = (double) running / centres;
        atCentres[k] = 0.5 * (atEdges[k] + atEdges[k + 1]);
      }
      FirstShell shell = FirstShell.find(g, atEdges, p.binWidthA(), totalCounts);
      return new RdfResult(p, a.length, b.length, frames, (double) centres / frames, volumeSum / frames, smallestHalfWidth, r, g,
          atCentres, shell.peakA(), shell.peakG(), shell.minimumA(), shell.coordination(), vacuum.vacuumFraction(), warnings(shell));
    }

    private List<Warning> warnings(FirstShell shell) {
      List<Warning> w = new ArrayList<>();
      String pair = p.elementA() + "–" + p.elementB();
      if (vacuum.hasVacuum()) {
        w.add(new Warning(Doubt.VACUUM, String.format(Locale.ROOT, "the cell holds %s: %s g(r) is normalised with the %s density over "
            + "the whole cell, vacuum included, so where the material is homogeneous it levels off near %.2f, not 1 "
            + "(1/(1 − vacuum fraction)); compare g(r) of cells with the same vacuum, and read coordination numbers, which do not "
            + "depend on it", vacuum.describe(), pair, p.elementB(), 1 / (1 - vacuum.vacuumFraction()))));
      }
      if (p.rMaxA() > smallestHalfWidth + 1e-9) {
        w.add(new Warning(Doubt.BEYOND_HALF_CELL, String.format(Locale.ROOT, "%s g(r) runs to %s Å, beyond half the cell (%.2f Å, "
            + "half its smallest perpendicular width): every periodic image is counted, so further out an atom meets images of "
            + "neighbours it already has%s; that part reflects the cell's size, not the structure", pair, fmt(p.rMaxA()),
            smallestHalfWidth, java.util.Arrays.equals(a, b) ? " and its own images" : "")));
      }
      if (Double.isNaN(shell.peakA())) {
        w.add(new Warning(Doubt.NO_FIRST_PEAK, pair + " g(r) has no first peak below " + fmt(p.rMaxA()) + " Å (it does not rise above "
            + "1 and fall again): no first shell is reported"));
      } else if (Double.isNaN(shell.minimumA())) {
        w.add(new Warning(Doubt.NO_FIRST_MINIMUM, String.format(Locale.ROOT, "%s g(r) has no minimum after its first peak (%.3f Å) "
            + "below %s Å: no first-shell coordination is reported", pair, shell.peakA(), fmt(p.rMaxA()))));
      }
      return w;
    }
  }

  private static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
