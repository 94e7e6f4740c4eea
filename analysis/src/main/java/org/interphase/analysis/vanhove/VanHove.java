package org.interphase.analysis.vanhove;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.msd.EvenSpacing;
import org.interphase.analysis.msd.SeriesStore;
import org.interphase.analysis.msd.TorUnwrapper;
import org.interphase.analysis.vanhove.VanHoveResult.Doubt;
import org.interphase.core.Analysis;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MissingParameterException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;

/**
 * The van Hove correlation of one species (van Hove, Phys. Rev. 95, 249 (1954)): its self part, how far
 * an atom moves in a lag t, and its distinct part, where the other atoms are at t relative to where an
 * atom was at 0. Use: {@code var acc = new VanHove(p).start(header); frames.forEach(acc); VanHoveResult r = acc.finish();}
 *
 * <p><b>Definition.</b> With u<sub>i</sub>(t) the unwrapped, drift-corrected position of atom i of the N
 * atoms of the species, the lag m in frames, the origins t₀ = 0 … F − m − 1 (all of them; F frames), and
 * the bins [r<sub>k</sub>, r<sub>k+1</sub>) of width Δ up to r<sub>max</sub>:
 *
 * <pre>{@code
 * 4πr²G_s(r_k, t) = Σ_t₀ Σ_i [ r_k ≤ |u_i(t₀+m) − u_i(t₀)| < r_k+1 ] / (O · N · Δ)                    O = F − m origins
 * G_d(r_k, t)     = Σ_t₀ V(t₀+m) · Σ_i Σ_(j≠i) Σ_n [ r_k ≤ |u_j(t₀+m) + n·L(t₀+m) − u_i(t₀)| < r_k+1 ] / (O · N(N − 1) · V_k)
 * V_k = 4π/3 (r_k+1³ − r_k³)
 * }</pre>
 *
 * <p>The self part is the probability density of the displacement length, so ∫ 4πr²G<sub>s</sub> dr = 1
 * counting the displacements beyond r<sub>max</sub> (reported apart): the normalisation of
 * pymatgen-analysis-diffusion's {@code VanHoveAnalysis}, without its Gaussian smearing (σ = 0.1 Å) and
 * its subsample of 50 origins. In the distinct part n runs over every periodic image, in the cell
 * L(t₀+m) of the later frame, of every <em>other</em> atom j of the species within r<sub>max</sub>, as
 * the g(r) counts them ({@code PeriodicPairs}): below half the smallest perpendicular width that is the
 * minimum image. No image of atom i itself counts: in a finite cell an atom that has moved far would
 * otherwise meet its own image near where it started and look like another atom taking its site
 * (pymatgen-analysis-diffusion counts those images). Each origin is normalised with the volume of its
 * later frame and the N(N − 1) pairs, so that an ideal gas gives G<sub>d</sub> = 1 at every r and t,
 * and G<sub>d</sub>(r, 0) is the g(r) of the species with itself up to the smallest perpendicular
 * width, where the g(r) starts counting an atom's own images (with pymatgen-analysis-diffusion's
 * density N/V instead of (N − 1)/V, an ideal gas would give (N − 1)/N).
 *
 * <p><b>Per region and direction.</b> With a region, only the (atom, origin) pairs whose atom lies in the slab at t₀ (its position
 * wrapped into that frame's cell) count: N·O above becomes the number of such pairs, in the self part and as the centres of the
 * distinct part, whose neighbours are still all other atoms of the species anywhere (so an ideal gas still gives 1). With components
 * ({@code axes}, e.g. {@code z}), the self part histograms the length of the displacement projected on them, still with
 * ∫ dr = 1: across an interface, the distribution of how far an atom moves along its normal. The distinct part stays 3-D.
 *
 * <p>Positions are unwrapped with the TOR scheme ({@link TorUnwrapper}) in each frame's cell, and the
 * mean displacement of every other element is removed each frame, as the MSD does. Lags are counted in
 * frames: each requested time is rounded to the nearest frame, and the frames must be evenly spaced
 * (the analysis stops at the first gap in time, {@link EvenSpacing}).
 *
 * <p><b>Memory.</b> Unlike most accumulators this one keeps the trajectory of the species: the
 * unwrapped coordinates of its N atoms in every frame (3N doubles per frame, in a {@link SeriesStore},
 * which moves them to a temporary file beyond a quarter of the heap) and each frame's cell. Both parts
 * pair a frame with the one m frames later for every origin and every lag, so no running sum over a
 * single pass can give them: the positions at t₀ must still be at hand when t₀ + m arrives, for every
 * lag, which is random access over the origins. The cost of the distinct part grows as origins × N ×
 * (neighbours within r<sub>max</sub>) per lag; the origins are summed in parallel.
 */
public final class VanHove implements Analysis<VanHoveResult> {
  private final VanHoveParameters p;

  public VanHove(VanHoveParameters parameters) {
    this.p = parameters;
  }

  public VanHoveParameters parameters() {
    return p;
  }

  /** Its results are rates in time: frames that the files say are not MD steps are refused. */
  @Override
  public boolean needsDynamics() {
    return true;
  }

  /**
   * A fresh accumulator for one trajectory.
   *
   * @throws IllegalArgumentException when the trajectory has no atoms of the species
   * @throws MissingParameterException ({@code timestepFs}) when neither the parameters nor the trajectory give the time between frames
   */
  @Override
  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Keeps the species' trajectory; {@link #finish()} computes. Not thread-safe; use once. */
  public final class Accumulator implements org.interphase.core.Accumulator<VanHoveResult> {
    private final int[] tracked;
    private final int atoms;
    private final double dtFs;
    private final String driftText;
    private final TorUnwrapper unwrapper;
    private final SeriesStore store;
    private final List<Cell> cells = new ArrayList<>();
    private final EvenSpacing spacing = new EvenSpacing();
    private final List<Warning> warnings = new ArrayList<>();
    /** The vacuum of the first frame. */
    private org.interphase.core.VacuumGap vacuum;
    private final double[] pos;
    private final double[] unwrapped;
    private final double[] row;
    private double[] referenceStart;
    private double smallestHalfWidth = Double.POSITIVE_INFINITY;
    private double volumeSum;

    Accumulator(TrajectoryHeader header) {
      AtomTable table = header.atoms();
      int[] species = table.indicesOf(p.species());
      if (species.length == 0) {
        throw org.interphase.core.AbsentSpeciesException.of(p.species(), header.source(), table);
      }
      int[] reference = table.indicesNotOf(p.species());
      dtFs = !Double.isNaN(p.timestepFs()) ? p.timestepFs() : header.timestepFs();
      if (Double.isNaN(dtFs)) {
        throw new MissingParameterException("timestepFs", header.source() + ": the time between frames is unknown");
      }
      atoms = species.length;
      tracked = new int[atoms + reference.length];
      System.arraycopy(species, 0, tracked, 0, atoms);
      System.arraycopy(reference, 0, tracked, atoms, reference.length);
      java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
      for (int i : reference) {
        counts.merge(table.element(i), 1, Integer::sum);
      }
      // worded as the MSD words it, so that a report shows the same reference twice in the same words
      driftText = reference.length == 0 ? "none (no atoms other than " + p.species() + ")" : "all atoms not " + p.species() + " " + counts;
      if (reference.length == 0) {
        warnings.add(new Warning(Doubt.NO_DRIFT_REFERENCE, "no framework atoms to correct drift against: van Hove correlation without "
            + "drift correction"));
      }
      unwrapper = new TorUnwrapper(tracked.length);
      store = new SeriesStore(3 * atoms, "van Hove", SeriesStore.Access.ROWS);
      pos = new double[3 * tracked.length];
      unwrapped = new double[3 * tracked.length];
      row = new double[3 * atoms];
    }

    /**
     * Unwraps the frame and stores the species' positions, less the framework's drift since the first frame.
     *
     * @throws IllegalArgumentException when the frame has no cell
     */
    @Override
    public void accept(Frame f) {
      if (!spacing.accept(f)) {
        return;
      }
      Cell cell = f.cell();
      if (cell == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: periodic unwrapping needs one");
      }
      if (vacuum == null) {
        vacuum = org.interphase.core.VacuumGap.of(f);
        if (vacuum.hasVacuum()) {
          warnings.add(new Warning(Doubt.VACUUM, String.format(Locale.ROOT, "the cell holds %s: the distinct part is normalised with "
              + "the density over the whole cell, vacuum included, so at large r it levels off near %.2f, not 1",
              vacuum.describe(), 1 / (1 - vacuum.vacuumFraction()))));
        }
      }
      for (int k = 0; k < tracked.length; k++) {
        for (int d = 0; d < 3; d++) {
          pos[3 * k + d] = f.position(tracked[k], d);
        }
      }
      unwrapper.next(cell, pos, unwrapped);
      double[] drift = referenceDrift();
      for (int k = 0; k < atoms; k++) {
        for (int d = 0; d < 3; d++) {
          row[3 * k + d] = unwrapped[3 * k + d] - drift[d];
        }
      }
      store.add(row);
      // a fixed cell is kept once, not once per frame
      cells.add(!cells.isEmpty() && cells.get(cells.size() - 1).equals(cell) ? cells.get(cells.size() - 1) : cell);
      double[] w = cell.perpendicularWidthsA();
      smallestHalfWidth = Math.min(smallestHalfWidth, 0.5 * Math.min(w[0], Math.min(w[1], w[2])));
      volumeSum += cell.volumeA3();
    }

    /** The mean unwrapped displacement of the reference atoms since the first frame (zero without reference atoms). */
    private double[] referenceDrift() {
      double[] mean = new double[3];
      int refs = tracked.length - atoms;
      for (int k = atoms; k < tracked.length; k++) {
        for (int d = 0; d < 3; d++) {
          mean[d] += unwrapped[3 * k + d] / refs;
        }
      }
      if (referenceStart == null) {
        referenceStart = mean.clone();
      }
      for (int d = 0; d < 3; d++) {
        mean[d] = refs == 0 ? 0 : mean[d] - referenceStart[d];
      }
      return mean;
    }

    /**
     * Computes both parts at every lag; the stored coordinates (and their temporary file) are freed.
     *
     * @throws IllegalArgumentException when there are no frames, or a lag is longer than the run
     */
    @Override
    public VanHoveResult finish() {
      try {
        return compute();
      } finally {
        store.close();
      }
    }

    private VanHoveResult compute() {
      int n = store.frames();
      if (n == 0) {
        throw new IllegalArgumentException("no frames: the van Hove correlation needs at least one");
      }
      noteFrames(n);
      double rMax = Double.isNaN(p.rMaxA()) ? VanHoveParameters.DEFAULT_R_MAX_A : p.rMaxA();
      int bins = (int) Math.max(1, Math.ceil(rMax / p.binA() - 1e-9));
      double width = rMax / bins;
      int distinctBins = Double.isNaN(p.rMaxA()) ? distinctBins(cells.get(0), width, bins) : bins;
      double[] edges = new double[bins + 1];
      double[] r = new double[bins];
      for (int k = 0; k < bins; k++) {
        edges[k] = k * width; // as NumPy's linspace, so that a distance falls into the same bin as in np.histogram
      }
      edges[bins] = rMax;
      for (int k = 0; k < bins; k++) {
        r[k] = 0.5 * (edges[k] + edges[k + 1]);
      }
      Lags lags = lags(n);
      int m = lags.frames.length;
      LagHistograms.Select select = new LagHistograms.Select(p.region(), new boolean[] {p.hasAxis(0), p.hasAxis(1), p.hasAxis(2)});
      double[][] gs = new double[m][];
      double[][] gd = new double[m][];
      double[] mean = new double[m];
      double[] displaced = new double[m];
      double[] beyond = new double[m];
      int[] origins = new int[m];
      long[] centres = new long[m];
      double[] used = new double[m];
      for (int i = 0; i < m; i++) {
        LagHistograms h = LagHistograms.of(store, cells, lags.frames[i], edges, atoms > 1 ? distinctBins : 0, p.displacedA(),
            p.maxDistinctOrigins(), select);
        double samples = h.selfSamples();
        if (samples == 0) {
          throw new IllegalArgumentException("no " + p.species() + " atom lies in " + p.region() + " at any time origin of the lag "
              + VanHoveParameters.plain(lags.frames[i] * dtFs / 1000.0) + " ps");
        }
        gs[i] = new double[bins];
        gd[i] = new double[bins];
        for (int k = 0; k < bins; k++) {
          gs[i][k] = h.selfCounts()[k] / (samples * width);
          double shell = 4.0 / 3.0 * Math.PI * (Math.pow(edges[k + 1], 3) - Math.pow(edges[k], 3));
          double pairSamples = (double) h.distinctCentres() * (atoms - 1);
          gd[i][k] = k < h.distinctVolumeWeighted().length ? h.distinctVolumeWeighted()[k] / (pairSamples * shell) : Double.NaN;
        }
        origins[i] = h.origins();
        centres[i] = h.distinctCentres();
        mean[i] = h.displacementSumA() / samples;
        displaced[i] = h.displaced() / samples;
        beyond[i] = h.beyondRMax() / samples;
        used[i] = lags.frames[i] * dtFs / 1000.0;
      }
      noteRange(rMax, edges[distinctBins], used, beyond);
      return new VanHoveResult(p, atoms, n, dtFs, rMax, edges[distinctBins], width, lags.requestedPs, lags.frames, used, origins, centres,
          r, gs, gd, mean, displaced, beyond, smallestHalfWidth, volumeSum / n, driftText, warnings);
    }

    /** Warns of a gap, of large steps and of a single atom. */
    private void noteFrames(int n) {
      if (spacing.gap() != null) {
        warnings.add(new Warning(Doubt.GAP, spacing.gap() + ": the van Hove correlation uses the " + n + " evenly spaced frames before "
            + "it and not the " + spacing.framesAfterGap() + " after it; analyse the part after the gap on its own"));
      }
      if (unwrapper.largeSteps() > 0) {
        warnings.add(new Warning(Doubt.LARGE_STEPS, unwrapper.largeSteps() + " atom steps between stored frames exceed 0.4 of the "
            + "cell: if an atom moved more than half a cell between frames, unwrapping cannot tell and the displacements are wrong; "
            + "store frames more often"));
      }
      if (atoms == 1) {
        warnings.add(new Warning(Doubt.SINGLE_ATOM, "one " + p.species() + " atom: the distinct part needs two, only the self part "
            + "is given"));
      }
    }

    /** Warns of a distinct part beyond half the cell and of displacements beyond the range (self part). */
    private void noteRange(double rMax, double distinctRMax, double[] lagsPs, double[] beyond) {
      if (atoms > 1 && distinctRMax > smallestHalfWidth + 1e-9) {
        warnings.add(new Warning(Doubt.BEYOND_HALF_CELL, String.format(Locale.ROOT, "the distinct part of the van Hove correlation runs "
            + "to %s Å, beyond half the cell (%.2f Å, half its smallest perpendicular width): it counts every periodic image, so further "
            + "out an atom meets images of atoms it already has; that part reflects the cell's size", VanHoveParameters.plain(distinctRMax),
            smallestHalfWidth)));
      }
      int worst = 0;
      for (int i = 1; i < beyond.length; i++) {
        worst = beyond[i] > beyond[worst] ? i : worst;
      }
      if (beyond[worst] > 0) {
        warnings.add(new Warning(Doubt.SELF_BEYOND_R_MAX, String.format(Locale.ROOT, "%.3g %% of the %s displacements over %s ps reach "
            + "beyond %s Å, outside the self part's histogram (its integral is 1 minus that share)", 100 * beyond[worst], p.species(),
            VanHoveParameters.plain(lagsPs[worst]), VanHoveParameters.plain(rMax))));
      }
    }

    /** The lags in frames, each once, with what was asked; a lag beyond the run is refused. */
    private Lags lags(int n) {
      double runPs = (n - 1) * dtFs / 1000.0;
      double[] asked = p.lagsPs().length > 0 ? p.lagsPs() : p.runFractions();
      boolean fractions = p.lagsPs().length == 0;
      List<Integer> frames = new ArrayList<>();
      List<Double> requested = new ArrayList<>();
      for (double a : asked) {
        double t = fractions ? new BigDecimal(a * runPs).round(new MathContext(2)).doubleValue() : a;
        long k = Math.round(t * 1000.0 / dtFs);
        if (k > n - 1) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "the van Hove lag %s ps is beyond the run: its %d frames %s fs "
              + "apart span %s ps", VanHoveParameters.plain(t), n, VanHoveParameters.plain(dtFs), VanHoveParameters.plain(runPs)));
        }
        int same = frames.indexOf((int) k);
        if (same >= 0) {
          warnings.add(new Warning(Doubt.LAGS_ROUNDED, String.format(Locale.ROOT, "the lags %s ps and %s ps both round to %d frames "
              + "(%s ps): computed once", VanHoveParameters.plain(requested.get(same)), VanHoveParameters.plain(t), k,
              VanHoveParameters.plain(k * dtFs / 1000.0))));
          continue;
        }
        if (k == 0 && t > 0) {
          warnings.add(new Warning(Doubt.LAGS_ROUNDED, String.format(Locale.ROOT, "the lag %s ps is less than half the time between "
              + "frames (%s fs): computed at 0 ps, where the distinct part is g(r)", VanHoveParameters.plain(t),
              VanHoveParameters.plain(dtFs))));
        }
        frames.add((int) k);
        requested.add(t);
      }
      return new Lags(frames.stream().mapToInt(Integer::intValue).toArray(), requested.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  /** Lags in frames and as asked, ps. */
  private record Lags(int[] frames, double[] requestedPs) {}

  /**
   * The bins of the distinct part with the default range: those below half the first cell's smallest perpendicular width (one at
   * least), where every atom has one image at most, and no more than the self part has.
   */
  static int distinctBins(Cell first, double width, int bins) {
    double[] w = first.perpendicularWidthsA();
    double half = 0.5 * Math.min(w[0], Math.min(w[1], w[2]));
    return (int) Math.max(1, Math.min(bins, Math.floor(half / width + 1e-9)));
  }
}
