package org.interphase.cli.damaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Named pipes for the FIFO cases: made with {@code mkfifo} (the case is skipped, with a message,
 * where there is none) and fed by a writer thread while the CLI reads, as {@code cat file > fifo} or
 * {@code yes "0.1 0.2 0.3" > fifo} in the script.
 *
 * <p>Feeding is one-shot, as with the script's {@code cat} and {@code yes}: once a reader has opened
 * the FIFO, the path is switched (one {@code rename}) to a second FIFO that nobody writes to, before
 * the first byte is written. The reader that opened it gets the data; a reader that closes the FIFO
 * and opens it again (to sniff the format, say) waits for a writer that never comes, which is what
 * happens in the script when {@code cat} is killed by SIGPIPE on that close. Without the switch the
 * outcome would be a race between the CLI's reopen and the writer noticing the close, which a warm
 * in-process CLI wins and a freshly started one loses.
 *
 * <p>Opening a FIFO blocks until the other end is opened too, and that wait cannot be interrupted.
 * {@link Writer#close()} therefore opens both ends itself, so that neither the writer nor a CLI
 * thread stuck in {@code open} is left behind.
 */
final class Fifo {
  /** What cat writes at a time. */
  private static final int CHUNK = 128 * 1024;

  private Fifo() {}

  /** Makes a FIFO at {@code p}, or skips the case when {@code mkfifo} is not there. */
  static Path make(Path p) throws IOException {
    Files.createDirectories(p.getParent());
    int rc;
    try {
      Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      pr.getInputStream().readAllBytes();
      rc = pr.waitFor(30, TimeUnit.SECONDS) ? pr.exitValue() : -1;
    } catch (IOException e) {
      Assumptions.abort("no mkfifo on this system (" + e.getMessage() + "): FIFO case skipped");
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making " + p, e);
    }
    Assumptions.assumeTrue(rc == 0, "mkfifo " + p + " failed (exit " + rc + "): FIFO case skipped");
    return p;
  }

  /** A thread writing into a FIFO for one reader. */
  static final class Writer implements AutoCloseable {
    private final Path fifo;
    private final Path spare;
    private final Thread thread;
    private final AtomicBoolean stop = new AtomicBoolean();

    private Writer(Path fifo, byte[] once, byte[] endless) throws IOException {
      this.fifo = fifo;
      this.spare = make(fifo.resolveSibling("." + fifo.getFileName() + ".next"));
      this.thread = new Thread(() -> {
        try (FileChannel out = FileChannel.open(fifo, StandardOpenOption.WRITE)) {
          // a reader has it open: from now on the path names a FIFO nobody writes to, as after cat has gone
          Files.move(spare, fifo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          if (once != null) {
            for (int at = 0; at < once.length && !stop.get(); at += CHUNK) {
              if (!writeAll(out, ByteBuffer.wrap(once, at, Math.min(CHUNK, once.length - at)))) {
                return;
              }
            }
          } else {
            while (!stop.get() && writeAll(out, ByteBuffer.wrap(endless))) {
              // yes: the same lines until the reader goes away
            }
          }
        } catch (IOException e) {
          // EPIPE: the reader closed its end
        }
      }, "fifo-writer " + fifo.getFileName());
      thread.setDaemon(true);
    }

    /**
     * One write(2) of the chunk, as cat and yes do. A blocking write to a pipe returns short only when
     * the last reader went away while it waited; cat and yes are then killed by SIGPIPE (the JVM
     * ignores that signal), so the writer stops there as they do.
     */
    private static boolean writeAll(FileChannel out, ByteBuffer b) throws IOException {
      int want = b.remaining();
      return out.write(b) == want;
    }

    /** {@code cat file > fifo}: the whole file once, then the end of the stream. */
    static Writer once(Path fifo, Path file) throws IOException {
      Writer w = new Writer(fifo, Files.readAllBytes(file), null);
      w.thread.start();
      return w;
    }

    /** {@code yes "0.1 0.2 0.3" > fifo}: the same line (in yes's 8 KiB blocks) until the reader goes away. */
    static Writer endless(Path fifo) throws IOException {
      Writer w = new Writer(fifo, null, "0.1 0.2 0.3\n".repeat(682).getBytes(StandardCharsets.US_ASCII));
      w.thread.start();
      return w;
    }

    /**
     * Stops writing and releases whoever still waits in {@code open}: both ends of the path are
     * opened here at once, twice (before and after the writer thread has ended, as the path may
     * have been switched in between), which lets every waiting reader and writer go on.
     */
    @Override
    public void close() throws IOException {
      stop.set(true);
      Thread[] first = release();
      join(thread, 5000);
      Thread[] second = release();
      for (Thread t : new Thread[] {first[0], first[1], second[0], second[1]}) {
        join(t, 1000);
      }
      Files.deleteIfExists(spare);
    }

    private Thread[] release() {
      Thread r = start(() -> {
        try (InputStream in = Channels.newInputStream(FileChannel.open(fifo, StandardOpenOption.READ))) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      });
      Thread w = start(() -> FileChannel.open(fifo, StandardOpenOption.WRITE).close());
      return new Thread[] {r, w};
    }

    private static void join(Thread t, long ms) {
      try {
        t.join(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private interface Io {
      void run() throws IOException;
    }

    private static Thread start(Io io) {
      Thread t = new Thread(() -> {
        try {
          io.run();
        } catch (IOException e) {
          // nothing left to release
        }
      }, "fifo-release");
      t.setDaemon(true);
      t.start();
      return t;
    }
  }
}
