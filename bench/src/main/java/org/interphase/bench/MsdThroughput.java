package org.interphase.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.interphase.analysis.msd.MeanSquaredDisplacement;
import org.interphase.analysis.msd.MsdParameters;
import org.interphase.analysis.msd.MsdResult;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.TrajectoryHeader;

/**
 * MSD of generated random walks: {@code ATOMS} Li plus a few framework atoms over {@code FRAMES}
 * frames, fed frame by frame as a reader would. Reports the time to feed, the time to finish
 * (FFT, fits) and the peak heap against the size of the unwrapped coordinates kept.
 *
 * <pre>{@code java -Xmx2g -cp bench.jar:interphase.jar org.interphase.bench.MsdThroughput 200 100000 [gls|ols]}</pre>
 *
 * The third argument chooses the estimator of D (default gls), so the time the GLS fit adds can be read off the finish times.
 */
public final class MsdThroughput {
  private MsdThroughput() {}

  /** Random walks with uniform steps (cheap to draw), wrapped into the cell. */
  private static void generate(int atoms, int total, int frames, Cell cell, java.util.function.Consumer<Frame> sink) {
    Random rnd = new Random(1);
    double[] pos = new double[3 * total];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = rnd.nextDouble() * 20;
    }
    long state = 88172645463325252L;
    for (int k = 0; k < frames; k++) {
      for (int i = 0; i < 3 * atoms; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        pos[i] += ((state >>> 11) * 0x1.0p-53 - 0.5) * 0.17;
        if (pos[i] < 0) {
          pos[i] += 20;
        } else if (pos[i] >= 20) {
          pos[i] -= 20;
        }
      }
      sink.accept(new Frame(k, 2.0 * k, cell, pos.clone(), null, null, null));
    }
  }

  public static void main(String[] args) {
    int atoms = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    org.interphase.analysis.msd.DiffusionEstimator estimator = args.length > 2 && args[2].equalsIgnoreCase("ols")
        ? org.interphase.analysis.msd.DiffusionEstimator.OLS : org.interphase.analysis.msd.DiffusionEstimator.GLS;
    int framework = 8;
    String[] el = new String[atoms + framework];
    java.util.Arrays.fill(el, 0, atoms, "Li");
    java.util.Arrays.fill(el, atoms, el.length, "S");
    Cell cell = Cell.orthorhombic(20, 20, 20);
    TrajectoryHeader h = new TrajectoryHeader("generated", "bench", "bench", AtomTable.of(el), cell, 2.0, false, List.of());
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    // the cost of making the frames alone, to separate it from the analysis
    long g0 = System.nanoTime();
    generate(atoms, el.length, frames, cell, f -> { });
    long gen = System.nanoTime() - g0;
    long t0 = System.nanoTime();
    MeanSquaredDisplacement.Accumulator acc = new MeanSquaredDisplacement(MsdParameters.of("Li").withEstimator(estimator)).start(h);
    generate(atoms, el.length, frames, cell, acc);
    long t1 = System.nanoTime() - gen;
    MsdResult r = acc.finish();
    long t2 = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    double storeMb = 3.0 * 8 * atoms * frames / 1048576.0;
    System.out.printf(Locale.ROOT, "(making the frames took %.2f s and is not counted)%n", gen / 1e9);
    System.out.printf(Locale.ROOT, "%d atoms × %d frames: feed %.2f s, finish (FFT + fits) %.2f s, total %.2f s; "
        + "peak heap %.0f MB = %.2f × the unwrapped coordinates (%.0f MB); D (%s) = %s%n", atoms, frames, (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, (t2 - t0) / 1e9, peak / 1048576.0, peak / 1048576.0 / storeMb, storeMb, r.estimator().key(), r.diffusivity());
  }
}
