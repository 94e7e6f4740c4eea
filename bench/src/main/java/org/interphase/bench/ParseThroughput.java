package org.interphase.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;

/**
 * Streams a large trajectory and reports throughput (MB/s of text) and peak heap. With {@code
 * --generate-xdatcar MB} it first writes a synthetic VASP 5 XDATCAR of about that size (400 atoms)
 * with random-walk coordinates.
 *
 * <pre>{@code
 * java -Xmx256m -cp bench.jar org.interphase.bench.ParseThroughput --generate-xdatcar 320 target/big/XDATCAR
 * }</pre>
 */
public final class ParseThroughput {
  private ParseThroughput() {}

  public static void main(String[] args) throws IOException {
    Path file;
    if (args.length == 3 && args[0].equals("--generate-xdatcar")) {
      file = Path.of(args[2]);
      generateXdatcar(file, Long.parseLong(args[1]) << 20, 400);
    } else if (args.length == 3 && args[0].equals("--generate-cp2k-xyz")) {
      file = Path.of(args[2]);
      generateCp2kXyz(file, Long.parseLong(args[1]) << 20, 400);
    } else if (args.length == 1) {
      file = Path.of(args[0]);
    } else {
      System.err.println("usage: ParseThroughput [--generate-xdatcar MB | --generate-cp2k-xyz MB] FILE");
      System.exit(2);
      return;
    }
    long bytes = Files.size(file);
    for (int rep = 0; rep < 3; rep++) {
      resetPeaks();
      long t0 = System.nanoTime();
      long frames = 0;
      double checksum = 0;
      try (FrameSource src = FormatRegistry.open(file, ReadOptions.DEFAULT)) {
        while (src.hasNext()) {
          Frame f = src.next();
          checksum += f.position(0, 0);
          frames++;
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: %s  %.1f MB  %d frames  %.2f s  %.0f MB/s  peak heap %.1f MB  (max heap %.0f MB, checksum %.3f)%n",
          rep + 1, file.getFileName(), bytes / 1048576.0, frames, s, bytes / 1048576.0 / s, peakHeapMb(),
          Runtime.getRuntime().maxMemory() / 1048576.0, checksum);
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1048576.0;
  }

  static void generateXdatcar(Path file, long targetBytes, int atoms) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Random rnd = new Random(7);
    double[] f = new double[3 * atoms];
    for (int i = 0; i < f.length; i++) {
      f[i] = rnd.nextDouble();
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      w.write("synthetic Li3PS4\n           1\n    20.000000    0.000000    0.000000\n     0.000000   20.000000    0.000000\n"
          + "     0.000000    0.000000   20.000000\n   Li   P    S\n   150    50   200\n");
      StringBuilder sb = new StringBuilder(64 * atoms);
      long written = 0;
      for (int k = 1; written < targetBytes; k++) {
        sb.setLength(0);
        sb.append(String.format(Locale.ROOT, "Direct configuration=%6d%n", k));
        for (int i = 0; i < atoms; i++) {
          for (int d = 0; d < 3; d++) {
            f[3 * i + d] += (rnd.nextDouble() - 0.5) * 0.01;
            sb.append(String.format(Locale.ROOT, "%12.8f", f[3 * i + d]));
          }
          sb.append('\n');
        }
        w.write(sb.toString());
        written += sb.length();
      }
    }
  }

  static void generateCp2kXyz(Path file, long targetBytes, int atoms) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Random rnd = new Random(7);
    double[] x = new double[3 * atoms];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextDouble() * 20;
    }
    String[] el = {"Li", "P", "S"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder sb = new StringBuilder(80 * atoms);
      long written = 0;
      for (int k = 0; written < targetBytes; k++) {
        sb.setLength(0);
        sb.append(String.format(Locale.ROOT, "%8d%n i = %8d, time = %16.3f, E = %26.10f%n", atoms, k, k * 0.5, -1234.5 + rnd.nextDouble()));
        for (int i = 0; i < atoms; i++) {
          sb.append(String.format(Locale.ROOT, "%3s", el[i % 3]));
          for (int d = 0; d < 3; d++) {
            x[3 * i + d] += (rnd.nextDouble() - 0.5) * 0.1;
            sb.append(String.format(Locale.ROOT, "%20.10f", x[3 * i + d]));
          }
          sb.append('\n');
        }
        w.write(sb.toString());
        written += sb.length();
      }
    }
  }
}
