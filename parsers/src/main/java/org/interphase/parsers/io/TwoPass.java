package org.interphase.parsers.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two passes over one file, decoding a compressed file once: the first pass reads the decoding
 * stream and copies what it decodes to a temporary file (in {@code java.io.tmpdir}); closing it
 * decodes the rest into the copy; the second pass reads the copy. A plain file is read twice as is.
 *
 * <p>A compressed file that cannot be decoded to its end fails in the second pass exactly where it
 * would fail when decoded again: the copy holds the bytes decoded before the failure, and the same
 * {@link Compression.CorruptCompressionException} is thrown after them, so errors name the same line.
 *
 * <p>The copy is deleted on {@link #close()}, and at exit if the process ends first. Use: the
 * first pass is opened and closed before the second is opened.
 */
public final class TwoPass implements AutoCloseable {
  private final Path path;
  private final boolean compressed;
  private Path copy;
  private boolean copied;
  private Compression.CorruptCompressionException failure;

  private TwoPass(Path path) {
    this.path = path;
    this.compressed = Files.isRegularFile(path) && Compression.isCompressed(path);
  }

  /** Two passes over {@code path}; nothing is read yet. */
  public static TwoPass of(Path path) {
    return new TwoPass(path);
  }

  /**
   * The first pass, decoding the file (and copying it when compressed).
   *
   * @throws org.interphase.core.MissingInputException when the file does not exist
   * @throws UncheckedIOException when the copy cannot be written
   */
  public LineReader first() {
    InputStream in = Compression.open(path);
    if (!compressed) {
      return new LineReader(in, path.toString());
    }
    try {
      copy = Files.createTempFile("interphase-", ".decoded");
      copy.toFile().deleteOnExit();
      return new LineReader(new Tee(in, Files.newOutputStream(copy)), path.toString());
    } catch (IOException e) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the copy's failure is the one to report
      }
      throw new UncheckedIOException(path + ": cannot write a decoded copy to " + copy + ": " + e.getMessage(), e);
    }
  }

  /** The second pass: the copy when the first pass made one, else the file itself. */
  public LineReader second() {
    if (!copied) {
      return LineReader.open(path);
    }
    try {
      return new LineReader(new Replay(Files.newInputStream(copy)), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read its decoded copy " + copy + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the copy. */
  @Override
  public void close() {
    if (copy != null) {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException ignored) {
        // deleted at exit
      }
    }
  }

  /** Copies what is read; on close decodes the rest into the copy, keeping a decoding failure for the second pass. */
  private final class Tee extends FilterInputStream {
    private final OutputStream out;
    private boolean closed;

    Tee(InputStream in, OutputStream out) {
      super(in);
      this.out = out;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        if (n > 0) {
          out.write(b, off, n);
        }
        return n;
      } catch (Compression.CorruptCompressionException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        byte[] buf = new byte[1 << 16];
        if (failure == null) {
          for (int n = super.read(buf, 0, buf.length); n >= 0; n = super.read(buf, 0, buf.length)) {
            out.write(buf, 0, n);
          }
        }
        copied = true;
      } catch (Compression.CorruptCompressionException e) {
        failure = e;
        copied = true;
      } finally {
        out.close();
        try {
          super.close();
        } catch (IOException ignored) {
          // a failure to close the decoder after its end changes nothing in the copy
        }
      }
    }
  }

  /** The copy, then the first pass's decoding failure, if any, at its end. */
  private final class Replay extends FilterInputStream {
    Replay(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0 && failure != null) {
        throw failure;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0 && failure != null) {
        throw failure;
      }
      return n;
    }
  }
}
