package org.interphase.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;

/**
 * Frames per second of the bond analysis (P–S, S–S and P–P followed, motifs every frame) on a real
 * trajectory held in memory, so that reading is not timed.
 *
 * <pre>{@code java -cp bench.jar:interphase.jar org.interphase.bench.BondThroughput ../shared/data/real/kinisi/example_XDATCAR.gz 10}</pre>
 */
public final class BondThroughput {
  private BondThroughput() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<Frame> frames;
    TrajectoryHeader h;
    try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT.withTimestepFs(100))) {
      h = src.header();
      frames = FrameSources.readAll(src);
    }
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      int n = 0;
      for (int k = 0; k < repeats; k++) {
        BondAnalysis.Accumulator acc = new BondAnalysis(BondParameters.defaults()).start(h);
        for (Frame f : frames) {
          acc.accept(f);
          n++;
        }
        acc.finish();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: %d atoms, %d frames in %.2f s = %.0f frames/s%n", rep + 1, h.atoms().size(), n, s, n / s);
    }
  }
}
