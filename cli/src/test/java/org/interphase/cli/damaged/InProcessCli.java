package org.interphase.cli.damaged;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.interphase.cli.Interphase;
import picocli.CommandLine;

/**
 * Runs the CLI in this JVM ({@link Interphase#commandLine()}, output and errors captured), in a
 * thread of its own that is interrupted when it passes its time limit, so that a hang fails the
 * case instead of blocking the build.
 *
 * <p>For the heavy cases the peak heap of the run is measured too (after a collection; the sum of the
 * heap pools' peaks, an upper bound), as the script reports the peak RSS of heavy cases.
 *
 * <p>What the script learns from the process is mirrored: the exit code; stdout and stderr (anything
 * the code writes to {@code System.out}/{@code System.err} behind picocli's back is added); and an
 * uncaught throwable, which in the real launcher ends the JVM with {@code Exception in thread "main"}
 * and a stack trace, exit 1.
 */
final class InProcessCli {
  /** The outcome of one command. */
  record Result(List<String> argv, int rc, double secs, boolean hung, String out, String err, double peakHeapMb) {}

  private InProcessCli() {}

  static Result run(List<String> argv, int timeoutS) {
    return run(argv, timeoutS, false);
  }

  /** Runs one command; with {@code measureHeap} the heap is collected first and its peak during the run reported (else NaN). */
  static Result run(List<String> argv, int timeoutS, boolean measureHeap) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outW = new PrintWriter(out);
    PrintWriter errW = new PrintWriter(err);
    ByteArrayOutputStream strayOut = new ByteArrayOutputStream();
    ByteArrayOutputStream strayErr = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "interphase " + String.join(" ", argv.subList(0, 1)));
      t.setDaemon(true);
      return t;
    });
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP).toList();
    if (measureHeap) {
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    }
    long t0 = System.nanoTime();
    boolean hung = false;
    int rc;
    System.setOut(new PrintStream(strayOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(strayErr, true, StandardCharsets.UTF_8));
    try {
      Future<Integer> f = ex.submit(() -> {
        CommandLine cl = Interphase.commandLine();
        cl.setOut(outW);
        cl.setErr(errW);
        try {
          return cl.execute(argv.toArray(new String[0]));
        } catch (Throwable e) { // what escapes execute() ends the real JVM with a stack trace and exit 1
          StringWriter tr = new StringWriter();
          e.printStackTrace(new PrintWriter(tr));
          synchronized (err) {
            errW.flush();
            err.write("Exception in thread \"main\" " + tr);
          }
          return 1;
        }
      });
      try {
        rc = f.get(timeoutS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        hung = true;
        f.cancel(true);
        rc = -15;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        hung = true;
        rc = -15;
      }
    } finally {
      ex.shutdownNow();
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    outW.flush();
    errW.flush();
    String e;
    synchronized (err) {
      e = err.toString();
    }
    double peak = measureHeap ? heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum() / 1048576.0 : Double.NaN;
    return new Result(argv, rc, secs, hung, out + strayOut.toString(StandardCharsets.UTF_8), e + strayErr.toString(StandardCharsets.UTF_8),
        peak);
  }
}
