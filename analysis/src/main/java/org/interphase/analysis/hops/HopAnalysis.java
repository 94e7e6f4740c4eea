package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.analysis.hops.HopResult.Doubt;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.SeriesStore;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.core.Analysis;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MissingParameterException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;

/**
 * Sites of a mobile species and the hops between them. Use:
 * {@code var acc = new HopAnalysis(p).start(header); frames.forEach(acc); HopResult r = acc.finish();}
 *
 * <p>Sites come from a reference structure or from the time-averaged density ({@link SiteFinder}); each atom is assigned to a
 * site with two radii and a dwell ({@link SiteAssigner}). From the hops:
 *
 * <pre>{@code
 * rate(type)   = hops out of sites of the type / atom time spent in them            (1/ps)
 * residence    = mean of the completed stays (hop in → hop out) per type             (ps)
 * D_jump       = Σ_hops l² / (6 N t)                                                 (l: site-to-site distance, t = (frames − 1) Δt)
 * f            = D_tracer / D_jump                                                   (correlation factor)
 * }</pre>
 *
 * <p>D_jump is the diffusion coefficient of uncorrelated jumps (Murch, Solid State Ionics 7, 177 (1982); Mehrer, <i>Diffusion in
 * Solids</i>, Springer 2007, ch. 7); the tracer D comes from the MSD ({@link MeanSquaredDisplacement}, default fit window) of
 * the same run, so f measures how much successive hops undo each other (f = 1 for a random walk).
 *
 * <p>Sites found from the density are typed by their anion coordination ({@link SiteTyper}, e.g. {@code S3Cl}); sites from a
 * reference structure keep its labels.
 *
 * <p>The accumulator keeps the wrapped fractional positions of the mobile atoms (3 numbers per atom per frame, at float
 * precision, in a {@link SeriesStore} that moves to a temporary file beyond a quarter of the heap): the sites from the density
 * are known only after the last frame, so this analysis needs the whole series. With the tracer D it also keeps the MSD's
 * unwrapped positions.
 */
public final class HopAnalysis implements Analysis<HopResult> {
  private final HopParameters p;

  public HopAnalysis(HopParameters parameters) {
    this.p = parameters;
  }

  public HopParameters parameters() {
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
   * @throws MissingParameterException ({@code timestepFs}) when the time between frames is unknown
   */
  @Override
  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Keeps the positions frame by frame; {@link #finish()} finds the sites and the hops. Not thread-safe; use once. */
  public final class Accumulator implements org.interphase.core.Accumulator<HopResult> {
    private final int[] mobile;
    private final double dtFs;
    private SeriesStore positions;
    private final List<Cell> cells = new ArrayList<>();
    private final MeanSquaredDisplacement.Accumulator msd;
    private final double[] cart = new double[3];
    private final double[] frac = new double[3];
    private final SiteTyper typer;

    Accumulator(TrajectoryHeader header) {
      AtomTable atoms = header.atoms();
      mobile = atoms.indicesOf(p.species());
      if (mobile.length == 0) {
        throw org.interphase.core.AbsentSpeciesException.of(p.species(), header.source(), atoms);
      }
      dtFs = header.timestepFs();
      if (Double.isNaN(dtFs)) {
        throw new MissingParameterException("timestepFs", header.source() + ": the time between frames is unknown");
      }
      typer = p.autoSites() && p.coordinationA() > 0 ? new SiteTyper(atoms, p.species()) : null;
      msd = p.tracer() ? new MeanSquaredDisplacement(MsdParameters.of(p.species()).withTimestepFs(dtFs)).start(header) : null;
    }

    /**
     * Keeps the frame's positions of the mobile atoms.
     *
     * @throws IllegalArgumentException when the frame has no cell
     */
    @Override
    public void accept(Frame f) {
      Cell cell = f.cell();
      if (cell == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: sites and hops need the periodic cell");
      }
      if (positions == null) {
        positions = SeriesStore.ofFloats(3 * mobile.length, "hops");
        row = new double[3 * mobile.length];
      }
      if (density == null && p.autoSites()) {
        // the density is counted as the frames come, in the first frame's cell, as SiteFinder would count the stored rows
        density = new SiteFinder.Density(cell, p);
        density.atoms(mobile.length);
      }
      for (int k = 0; k < mobile.length; k++) {
        for (int d = 0; d < 3; d++) {
          cart[d] = f.position(mobile[k], d);
        }
        cell.toFractional(cart, frac);
        // float precision (1e-7 of the cell) is plenty for sites
        float fa = (float) (frac[0] - Math.floor(frac[0]));
        float fb = (float) (frac[1] - Math.floor(frac[1]));
        float fc = (float) (frac[2] - Math.floor(frac[2]));
        row[3 * k] = fa;
        row[3 * k + 1] = fb;
        row[3 * k + 2] = fc;
        if (density != null) {
          density.add(fa, fb, fc);
        }
      }
      positions.add(row);
      Cell last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
      cells.add(last != null && last.equals(cell) ? last : cell);
      if (msd != null) {
        msd.accept(f);
      }
      if (typer != null) {
        typer.accept(f, cell);
      }
    }

    private double[] row;
    /** The density of the mobile atoms so far, for the sites ({@code null} with given sites). */
    private SiteFinder.Density density;

    /** The stored frames in order, each as floats (one array, overwritten by the next frame), read from the store a block at a time. */
    private java.util.Iterator<float[]> rows() {
      int width = positions.width();
      int block = Math.max(1, (1 << 20) / width);
      return new java.util.Iterator<>() {
        private final double[] buffer = new double[block * width];
        /** One row, handed out again for every frame: the caller reads it before asking for the next. */
        private final float[] out = new float[width];
        private int next;
        private int loaded;
        private int start = -1;

        @Override
        public boolean hasNext() {
          return next < positions.frames();
        }

        @Override
        public float[] next() {
          if (start < 0 || next >= start + loaded) {
            start = next;
            loaded = Math.min(block, positions.frames() - next);
            positions.rows(start, loaded, buffer);
          }
          int o = (next - start) * width;
          for (int c = 0; c < width; c++) {
            out[c] = (float) buffer[o + c];
          }
          next++;
          return out;
        }
      };
    }

    /**
     * Finds the sites (when not given) and the hops.
     *
     * @throws IllegalArgumentException with fewer than two frames, or when the density has no maximum above the threshold
     */
    @Override
    public HopResult finish() {
      int frames = positions == null ? 0 : positions.frames();
      if (frames < 2) {
        throw new IllegalArgumentException("hops need at least two frames, got " + frames);
      }
      try {
        Cell first = cells.get(0);
        List<Site> sites = p.autoSites() ? SiteFinder.find(density, frames, first, p) : p.sites();
        sites = typer == null ? sites : typer.type(sites, p.coordinationA());
        if (sites.isEmpty()) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "no %s site: the smoothed density has no maximum of at least %s "
              + "times the mean %s density", p.species(), p.minDensityRatio(), p.species()));
        }
        double dtPs = dtFs / 1000.0;
        SiteAssigner assigner = new SiteAssigner(sites, p, mobile, dtPs);
        java.util.Iterator<float[]> it = rows();
        for (int f = 0; f < frames; f++) {
          assigner.next(cells.get(f), it.next());
        }
        assigner.finish();
        return result(sites, assigner, first, frames, dtPs);
      } finally {
        positions.close();
      }
    }

    private HopResult result(List<Site> sites, SiteAssigner a, Cell first, int frames, double dtPs) {
      Map<String, Integer> typeIndex = new LinkedHashMap<>();
      for (Site s : sites) {
        typeIndex.putIfAbsent(s.type(), typeIndex.size());
      }
      int nt = typeIndex.size();
      int[] typeOf = sites.stream().mapToInt(s -> typeIndex.get(s.type())).toArray();
      double[] siteFrames = a.siteFrames();
      double[] occupancy = new double[sites.size()];
      double[] typeFrames = new double[nt];
      double[][] positionsA = new double[sites.size()][];
      for (int s = 0; s < sites.size(); s++) {
        occupancy[s] = siteFrames[s] / (frames - 1);
        typeFrames[typeOf[s]] += siteFrames[s];
        positionsA[s] = first.toCartesian(sites.get(s).fractional(), new double[3]);
      }
      int[][] transitions = new int[nt][nt];
      double[] outOf = new double[nt];
      double sumL2 = 0;
      for (HopEvent h : a.hops()) {
        transitions[typeOf[h.from()]][typeOf[h.to()]]++;
        outOf[typeOf[h.from()]]++;
        sumL2 += h.distanceA() * h.distanceA();
      }
      double[] rates = new double[nt];
      double[] residence = new double[nt];
      int[] counts = new int[nt];
      for (int t = 0; t < nt; t++) {
        rates[t] = typeFrames[t] > 0 ? outOf[t] / (typeFrames[t] * dtPs) : Double.NaN;
      }
      for (double[] r : a.residences()) {
        residence[typeOf[(int) r[0]]] += r[1];
        counts[typeOf[(int) r[0]]]++;
      }
      for (int t = 0; t < nt; t++) {
        residence[t] = counts[t] > 0 ? residence[t] / counts[t] : Double.NaN;
      }
      double timeFs = (frames - 1) * dtFs;
      double dJump = sumL2 / (6.0 * mobile.length * timeFs) * org.interphase.core.Units.A2_PER_FS_TO_CM2_PER_S;
      List<Warning> warnings = new ArrayList<>();
      double dTracer = tracer(warnings);
      if (a.neverAssigned() > 0) {
        warnings.add(new Warning(Doubt.UNASSIGNED, String.format(Locale.ROOT, "%d of %d %s atoms never came within %s Å of a site: they "
            + "are in no site and make no hops", a.neverAssigned(), mobile.length, p.species(), p.enterA())));
      }
      if (a.hops().isEmpty()) {
        warnings.add(new Warning(Doubt.NO_HOPS, "no " + p.species() + " atom settled in another site during the run"));
      }
      return new HopResult(p, mobile.length, frames, dtFs, sites, positionsA, occupancy, a.hops(), List.copyOf(typeIndex.keySet()), rates,
          residence, counts, transitions, dJump, dTracer, warnings);
    }

    private double tracer(List<Warning> warnings) {
      if (msd == null) {
        return Double.NaN;
      }
      try {
        MsdResult m = msd.finish();
        for (Warning w : m.warnings()) {
          if (w.kind() == MsdResult.Doubt.NO_TEMPERATURE) {
            continue; // σ is not reported here
          }
          warnings.add(new Warning(Doubt.TRACER, "tracer D: " + w.text()));
        }
        return m.diffusivity().value();
      } catch (IllegalArgumentException e) {
        warnings.add(new Warning(Doubt.TRACER, "no tracer D: " + e.getMessage()));
        return Double.NaN;
      }
    }
  }
}
