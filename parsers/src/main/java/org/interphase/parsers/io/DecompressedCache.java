package org.interphase.parsers.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The decompressed bytes of small compressed files read to the end in this process, so a second
 * reader of the same file (a report reads a trajectory for several analyses) skips decoding, which
 * for xz and bzip2 costs more than the parsing. A file is recorded only when it is at most {@link
 * #MAX_COMPRESSED_BYTES} on disk and decompresses to at most {@link #MAX_ENTRY_BYTES}; the whole
 * cache holds at most {@link #MAX_TOTAL_BYTES}, least recently used first out, through soft
 * references the garbage collector may clear. An entry is keyed by the file's identity, size and
 * modification time, so a rewritten file is decoded again. Large trajectories stream untouched.
 */
final class DecompressedCache {
  static final long MAX_COMPRESSED_BYTES = 16L << 20;
  static final int MAX_ENTRY_BYTES = 64 << 20;
  static final long MAX_TOTAL_BYTES = 256L << 20;

  private record Key(Path path, Object fileKey, long size, long modifiedNanos) {}

  private record Entry(SoftReference<byte[]> bytes, int size) {}

  /** In access order, so the first entry is the least recently used. */
  private static final LinkedHashMap<Key, Entry> ENTRIES = new LinkedHashMap<>(16, 0.75f, true);
  private static long totalBytes;

  private DecompressedCache() {}

  private static Key key(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    return new Key(path.toAbsolutePath().normalize(), a.fileKey(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
  }

  /** The cached decompressed content of {@code path}, or null. */
  static synchronized InputStream open(Path path) throws IOException {
    Key k = key(path);
    Entry e = ENTRIES.get(k);
    byte[] bytes = e == null ? null : e.bytes().get();
    if (bytes == null) {
      if (e != null) {
        remove(k);
      }
      return null;
    }
    return new ByteArrayInputStream(bytes);
  }

  /** {@code decoded}, recording what is read so that a file read to the end is kept. */
  static InputStream recording(Path path, InputStream decoded) throws IOException {
    Key k = key(path);
    return k.size() > MAX_COMPRESSED_BYTES ? decoded : new Recorder(decoded, k);
  }

  private static synchronized void put(Key k, byte[] bytes) {
    remove(k);
    ENTRIES.put(k, new Entry(new SoftReference<>(bytes), bytes.length));
    totalBytes += bytes.length;
    Iterator<Map.Entry<Key, Entry>> it = ENTRIES.entrySet().iterator();
    while (totalBytes > MAX_TOTAL_BYTES && it.hasNext()) {
      Map.Entry<Key, Entry> old = it.next();
      if (!old.getKey().equals(k)) {
        totalBytes -= old.getValue().size();
        it.remove();
      }
    }
  }

  private static void remove(Key k) {
    Entry e = ENTRIES.remove(k);
    if (e != null) {
      totalBytes -= e.size();
    }
  }

  /** Clears the cache (tests). */
  static synchronized void clear() {
    ENTRIES.clear();
    totalBytes = 0;
  }

  static synchronized boolean contains(Path path) throws IOException {
    Entry e = ENTRIES.get(key(path));
    return e != null && e.bytes().get() != null;
  }

  private static final class Recorder extends FilterInputStream {
    private final Key key;
    private ByteArrayOutputStream copy = new ByteArrayOutputStream(1 << 16);

    Recorder(InputStream in, Key key) {
      super(in);
      this.key = key;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        finish();
      } else if (copy != null) {
        copy.write(b);
        overflow();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        finish();
      } else if (copy != null) {
        copy.write(b, off, n);
        overflow();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      copy = null; // skipped bytes are not seen: nothing to keep
      return super.skip(n);
    }

    private void overflow() {
      if (copy.size() > MAX_ENTRY_BYTES) {
        copy = null;
      }
    }

    private void finish() {
      if (copy != null) {
        put(key, copy.toByteArray());
        copy = null;
      }
    }
  }
}
