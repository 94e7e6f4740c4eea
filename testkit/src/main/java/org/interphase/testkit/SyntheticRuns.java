package org.interphase.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;

/**
 * Trajectories with a known tracer diffusion coefficient, for checking estimators of D and their
 * intervals. Every generator draws from the {@link RandomGenerator} it is given (a fixed seed gives the same
 * run), stores positions wrapped into the cell (so the analysis must unwrap them) and returns the
 * exact D of the process that made them. Li atoms move independently of each other. Units: Å, fs.
 *
 * <p>Use {@link #generator(long)} for studies: {@code java.util.Random} is a 48-bit linear congruential generator whose
 * Gaussian draws, taken 73 to a frame as the variable-cell run does, come out correlated enough between frames to widen
 * the scatter of D by half (a run with a constant cell drawn that way scattered 5.3 % against 3.6 % for the same walk
 * drawn without the extra draw per frame).
 */
public final class SyntheticRuns {
  private SyntheticRuns() {}

  /** A generator of statistical quality for a seed: L64X128MixRandom (LXM family, Java 17). */
  public static RandomGenerator generator(long seed) {
    return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
  }

  /** Å²/fs → cm²/s. */
  private static final double A2_PER_FS_TO_CM2_PER_S = 0.1;

  /**
   * A generated run.
   *
   * @param header its header (species Li, then the framework atoms as S, if any)
   * @param frames the frames in order, {@code timestepFs} apart
   * @param diffusivityCm2PerS the exact three-dimensional tracer D of the mobile Li, cm²/s
   * @param numberDensityPerA3 Li per Å³ of the (mean) cell
   */
  public record Run(TrajectoryHeader header, List<Frame> frames, double diffusivityCm2PerS, double numberDensityPerA3) {
    public Run {
      frames = List.copyOf(frames);
    }
  }

  /**
   * Gaussian random walks (Brownian motion sampled every frame) of {@code atoms} Li in a cubic cell
   * without framework: each step has variance 2·D·Δt per axis.
   *
   * @param diffusivityCm2PerS D, cm²/s
   */
  public static Run brownian(RandomGenerator rnd, int atoms, int frames, double timestepFs, double diffusivityCm2PerS, double cellA) {
    Cell cell = Cell.orthorhombic(cellA, cellA, cellA);
    double step = Math.sqrt(2 * diffusivityCm2PerS / A2_PER_FS_TO_CM2_PER_S * timestepFs);
    double[] pos = uniform(rnd, atoms, cellA);
    List<Frame> out = new ArrayList<>(frames);
    for (int k = 0; k < frames; k++) {
      if (k > 0) {
        for (int i = 0; i < pos.length; i++) {
          pos[i] += step * rnd.nextGaussian();
        }
      }
      out.add(new Frame(k, k * timestepFs, cell, wrap(cell, pos), null, null, null));
    }
    return new Run(header(elements(atoms, 0), cell, timestepFs), out, diffusivityCm2PerS, atoms / cell.volumeA3());
  }

  /**
   * Li hopping between the sites of a simple cubic lattice (spacing {@code hopA}) and rattling in
   * them: a hop to one of the six neighbours happens in a frame with probability {@code hopsPerFrame},
   * and each stored position is the site plus Gaussian noise of {@code rattleA} per axis, drawn afresh
   * every frame. D = rate·a²/6 exactly (the rattling is bounded and adds nothing to the long-time MSD).
   *
   * @param sitesPerSide the cell is {@code sitesPerSide · hopA} wide
   */
  public static Run latticeHops(RandomGenerator rnd, int atoms, int frames, double timestepFs, double hopA, double hopsPerFrame,
      double rattleA, int sitesPerSide) {
    double side = sitesPerSide * hopA;
    Cell cell = Cell.orthorhombic(side, side, side);
    int[] site = new int[3 * atoms];
    for (int i = 0; i < site.length; i++) {
      site[i] = rnd.nextInt(sitesPerSide);
    }
    double[] pos = new double[3 * atoms];
    List<Frame> out = new ArrayList<>(frames);
    for (int k = 0; k < frames; k++) {
      for (int a = 0; a < atoms; a++) {
        if (k > 0 && rnd.nextDouble() < hopsPerFrame) {
          site[3 * a + rnd.nextInt(3)] += rnd.nextBoolean() ? 1 : -1;
        }
        for (int d = 0; d < 3; d++) {
          pos[3 * a + d] = site[3 * a + d] * hopA + rattleA * rnd.nextGaussian();
        }
      }
      out.add(new Frame(k, k * timestepFs, cell, wrap(cell, pos), null, null, null));
    }
    double d = hopsPerFrame * hopA * hopA / (6 * timestepFs) * A2_PER_FS_TO_CM2_PER_S;
    return new Run(header(elements(atoms, 0), cell, timestepFs), out, d, atoms / cell.volumeA3());
  }

  /**
   * Brownian Li in a drifting cell: {@code framework} S atoms vibrate (Gaussian, {@code vibrationA}
   * per axis) about fixed sites, and every atom, Li and S, is carried by one common random walk of
   * {@code driftStepA} per axis per frame (the drift a thermostat gives a small cell). Correcting the
   * drift against the S atoms recovers the Li's own D.
   */
  public static Run driftingFramework(RandomGenerator rnd, int atoms, int framework, int frames, double timestepFs, double diffusivityCm2PerS,
      double cellA, double vibrationA, double driftStepA) {
    Cell cell = Cell.orthorhombic(cellA, cellA, cellA);
    double step = Math.sqrt(2 * diffusivityCm2PerS / A2_PER_FS_TO_CM2_PER_S * timestepFs);
    double[] li = uniform(rnd, atoms, cellA);
    double[] sites = uniform(rnd, framework, cellA);
    double[] drift = new double[3];
    double[] pos = new double[3 * (atoms + framework)];
    List<Frame> out = new ArrayList<>(frames);
    for (int k = 0; k < frames; k++) {
      if (k > 0) {
        for (int i = 0; i < li.length; i++) {
          li[i] += step * rnd.nextGaussian();
        }
        for (int d = 0; d < 3; d++) {
          drift[d] += driftStepA * rnd.nextGaussian();
        }
      }
      for (int i = 0; i < li.length; i++) {
        pos[i] = li[i] + drift[i % 3];
      }
      for (int i = 0; i < sites.length; i++) {
        pos[li.length + i] = sites[i] + drift[i % 3] + vibrationA * rnd.nextGaussian();
      }
      out.add(new Frame(k, k * timestepFs, cell, wrap(cell, pos), null, null, null));
    }
    return new Run(header(elements(atoms, framework), cell, timestepFs), out, diffusivityCm2PerS, atoms / cell.volumeA3());
  }

  /**
   * Brownian Li in a cell that breathes (NPT-like): the cubic cell's edge is {@code cellA}·(1 + s(t)),
   * s a slow oscillation of amplitude {@code breathing} plus noise of a tenth of it, and each frame is
   * wrapped into its own cell. The Li move in Cartesian space, so D is that of the walk.
   */
  public static Run variableCell(RandomGenerator rnd, int atoms, int frames, double timestepFs, double diffusivityCm2PerS, double cellA,
      double breathing) {
    double step = Math.sqrt(2 * diffusivityCm2PerS / A2_PER_FS_TO_CM2_PER_S * timestepFs);
    double[] pos = uniform(rnd, atoms, cellA);
    double phase = rnd.nextDouble() * 2 * Math.PI;
    double volume = 0;
    List<Frame> out = new ArrayList<>(frames);
    Cell first = null;
    for (int k = 0; k < frames; k++) {
      if (k > 0) {
        for (int i = 0; i < pos.length; i++) {
          pos[i] += step * rnd.nextGaussian();
        }
      }
      double s = breathing * (Math.sin(phase + 2 * Math.PI * k / 250.0) + 0.1 * rnd.nextGaussian());
      Cell cell = Cell.orthorhombic(cellA * (1 + s), cellA * (1 - 0.5 * s), cellA * (1 + 0.5 * s));
      first = first == null ? cell : first;
      volume += cell.volumeA3();
      out.add(new Frame(k, k * timestepFs, cell, wrap(cell, pos), null, null, null));
    }
    TrajectoryHeader h = new TrajectoryHeader("synthetic", "synthetic", "testkit", AtomTable.of(elements(atoms, 0)), first, timestepFs,
        true, List.of());
    return new Run(h, out, diffusivityCm2PerS, atoms / (volume / frames));
  }

  /** D = D0·exp(−Ea / k_B T), cm²/s; the Arrhenius law the temperature series follow. */
  public static double arrhenius(double prefactorCm2PerS, double activationEnergyEv, double temperatureK) {
    return prefactorCm2PerS * Math.exp(-activationEnergyEv / (8.617333262e-5 * temperatureK));
  }

  private static double[] uniform(RandomGenerator rnd, int atoms, double cellA) {
    double[] pos = new double[3 * atoms];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = rnd.nextDouble() * cellA;
    }
    return pos;
  }

  private static String[] elements(int li, int framework) {
    String[] el = new String[li + framework];
    Arrays.fill(el, 0, li, "Li");
    Arrays.fill(el, li, el.length, "S");
    return el;
  }

  private static TrajectoryHeader header(String[] elements, Cell cell, double timestepFs) {
    return new TrajectoryHeader("synthetic", "synthetic", "testkit", AtomTable.of(elements), cell, timestepFs, false, List.of());
  }

  /** Positions wrapped into the cell (fractional coordinates in [0, 1)). */
  private static double[] wrap(Cell c, double[] pos) {
    double[] f = c.toFractional(pos, new double[pos.length]);
    for (int i = 0; i < f.length; i++) {
      f[i] -= Math.floor(f[i]);
    }
    return c.toCartesian(f, f);
  }
}
