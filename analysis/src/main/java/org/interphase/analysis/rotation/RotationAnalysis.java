package org.interphase.analysis.rotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondRule;
import org.interphase.core.Analysis;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MissingParameterException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.Warning;

/**
 * Rotation of tetrahedral units. Use:
 * {@code var acc = new RotationAnalysis(p).start(header); frames.forEach(acc); RotationResult r = acc.finish();}
 *
 * <p>Units come from the bonds of the first frame ({@link BondAnalysis#frameBonds}, the default cutoffs of the pair): each
 * centre with exactly four ligands. Each frame, the four centre→ligand vectors are minimum-image vectors ({@link Cell#minimumImage},
 * any cell), so a unit is whole across the boundary; the orientation is the best-fit rotation of the first frame's vectors onto
 * them ({@link Quaternions#fit}, Horn 1987). Ligands keep their identities: a turn that maps the tetrahedron onto itself with
 * its ligands swapped (e.g. 120° about a P–S axis) is a rotation of that angle, not zero. Events and libration:
 * {@link ReorientationTracker}. Keeps one angle per unit per frame.
 */
public final class RotationAnalysis implements Analysis<RotationResult> {
  private final RotationParameters p;

  public RotationAnalysis(RotationParameters parameters) {
    this.p = parameters;
  }

  /** Its results are rates in time: frames that the files say are not MD steps are refused. */
  @Override
  public boolean needsDynamics() {
    return true;
  }

  /**
   * A fresh accumulator for one trajectory.
   *
   * @throws IllegalArgumentException when the trajectory has no atoms of the centre or ligand element (or, at the first frame,
   *     when the pair has no default bond cutoffs)
   * @throws MissingParameterException ({@code timestepFs}) when the time between frames is unknown
   */
  @Override
  public Accumulator start(TrajectoryHeader header) {
    return new Accumulator(header);
  }

  /** Fits each unit's orientation frame by frame. Not thread-safe; use once. */
  public final class Accumulator implements org.interphase.core.Accumulator<RotationResult> {
    private final AtomTable atoms;
    private final double dtFs;
    private List<RotationResult.Unit> units;
    private int skipped;
    private double[][] reference;
    private ReorientationTracker[] trackers;
    private double[][] angles;
    private int frames;

    Accumulator(TrajectoryHeader header) {
      atoms = header.atoms();
      for (String el : List.of(p.center(), p.ligand())) {
        if (atoms.indicesOf(el).length == 0) {
          throw org.interphase.core.AbsentSpeciesException.of(el, header.source(), atoms);
        }
      }
      dtFs = header.timestepFs();
      if (Double.isNaN(dtFs)) {
        throw new MissingParameterException("timestepFs", header.source() + ": the time between frames is unknown");
      }
    }

    /**
     * Fits the frame's orientations (the first frame also defines the units).
     *
     * @throws IllegalArgumentException when the frame has no cell
     */
    @Override
    public void accept(Frame f) {
      Cell cell = f.cell();
      if (cell == null) {
        throw new IllegalArgumentException("frame " + f.step() + " has no cell: unit vectors need the periodic cell");
      }
      if (units == null) {
        findUnits(f);
      }
      if (frames == angles[0].length) {
        for (int u = 0; u < angles.length; u++) {
          angles[u] = Arrays.copyOf(angles[u], 2 * frames);
        }
      }
      double[] cur = new double[12];
      for (int u = 0; u < units.size(); u++) {
        vectors(f, units.get(u), cur);
        double[] q = Quaternions.fit(reference[u], cur);
        angles[u][frames] = Math.toDegrees(Quaternions.angle(q));
        trackers[u].accept(frames, q);
      }
      frames++;
    }

    private void findUnits(Frame f) {
      BondParameters bp = BondParameters.of(rule());
      int n = atoms.size();
      List<List<Integer>> ligands = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ligands.add(new ArrayList<>());
      }
      for (int[] b : BondAnalysis.frameBonds(atoms, f, bp).bonds()) {
        link(ligands, b[0], b[1]);
        link(ligands, b[1], b[0]);
      }
      units = new ArrayList<>();
      for (int c : atoms.indicesOf(p.center())) {
        if (p.region() != null && !p.region().containsWrapped(f.cell(), f.position(c, 0), f.position(c, 1), f.position(c, 2))) {
          continue;
        }
        List<Integer> l = ligands.get(c);
        if (l.size() == 4) {
          units.add(new RotationResult.Unit(units.size(), c, l.stream().mapToInt(Integer::intValue).sorted().toArray()));
        } else {
          skipped++;
        }
      }
      reference = new double[units.size()][12];
      trackers = new ReorientationTracker[units.size()];
      angles = new double[units.size()][64];
      for (int u = 0; u < units.size(); u++) {
        vectors(f, units.get(u), reference[u]);
        trackers[u] = new ReorientationTracker(p);
      }
      if (units.isEmpty()) {
        angles = new double[1][64]; // a placeholder row keeps the growth check simple
      }
    }

    /** The default bond rule of the pair, in either order; the units are found only with default cutoffs. */
    private BondRule rule() {
      for (String[] pair : new String[][] {{p.center(), p.ligand()}, {p.ligand(), p.center()}}) {
        try {
          return BondParameters.defaultRule(pair[0], pair[1]);
        } catch (MissingParameterException e) {
          // try the other order
        }
      }
      throw new IllegalArgumentException("no bond cutoffs known for " + p.center() + "–" + p.ligand()
          + ": units are found with the default P–S, S–S and P–P cutoffs only");
    }

    private void link(List<List<Integer>> ligands, int c, int l) {
      if (atoms.element(c).equalsIgnoreCase(p.center()) && atoms.element(l).equalsIgnoreCase(p.ligand())) {
        ligands.get(c).add(l);
      }
    }

    /** The minimum-image centre→ligand vectors of a unit, flat, Å. */
    private void vectors(Frame f, RotationResult.Unit u, double[] out) {
      double[] v = new double[3];
      int c = u.center();
      int k = 0;
      for (int l : u.ligands()) {
        f.cell().minimumImage(f.position(l, 0) - f.position(c, 0), f.position(l, 1) - f.position(c, 1),
            f.position(l, 2) - f.position(c, 2), v);
        System.arraycopy(v, 0, out, 3 * k++, 3);
      }
    }

    /**
     * The units, their angles, libration and events.
     *
     * @throws IllegalArgumentException without frames
     */
    @Override
    public RotationResult finish() {
      if (frames == 0) {
        throw new IllegalArgumentException("no frames: rotation needs at least one");
      }
      List<RotationResult.Event> events = new ArrayList<>();
      double[] libration = new double[units.size()];
      double[][] series = new double[units.size()][];
      for (int u = 0; u < units.size(); u++) {
        for (ReorientationTracker.Event e : trackers[u].finish()) {
          events.add(new RotationResult.Event(e.frame(), e.frame() * dtFs / 1000, u, Math.toDegrees(e.angleRad())));
        }
        libration[u] = Math.toDegrees(trackers[u].librationRad());
        series[u] = Arrays.copyOf(angles[u], frames);
      }
      events.sort((a, b) -> a.frame() != b.frame() ? Integer.compare(a.frame(), b.frame()) : Integer.compare(a.unit(), b.unit()));
      List<Warning> warnings = new ArrayList<>();
      if (units.isEmpty()) {
        warnings.add(new Warning(RotationResult.Doubt.NO_UNITS, String.format(Locale.ROOT,
            "no %s has exactly four %s bonded in the first frame: no tetrahedral units to follow", p.center(), p.ligand())));
      } else if (skipped > 0) {
        warnings.add(new Warning(RotationResult.Doubt.OTHER_COORDINATION, String.format(Locale.ROOT,
            "%d %s without exactly four %s in the first frame are left out", skipped, p.center(), p.ligand())));
      }
      return new RotationResult(p, frames, dtFs, units, events, series, libration, skipped, warnings, null);
    }
  }
}
