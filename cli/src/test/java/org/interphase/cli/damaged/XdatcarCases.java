package org.interphase.cli.damaged;

import static org.interphase.cli.damaged.Damage.join;
import static org.interphase.cli.damaged.Damage.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** XDATCAR variants (kinisi LPSC: 416 atoms, 140 frames; Pt/water raw VASP; simsoliqtools restart). */
final class XdatcarCases {
  static final String GROUP = "xdatcar";
  private static final int XNAT = 416;
  private static final int XHDR = 7;
  private static final int XFR = XNAT + 1;

  private static byte[] xdXz;

  private XdatcarCases() {}

  /** The undamaged XDATCAR as xz (made once: two cases damage it). */
  private static synchronized byte[] xdXz() {
    if (xdXz == null) {
      xdXz = Damage.xz(Damage.bytes(Originals.text("xd")));
    }
    return xdXz;
  }

  /** Index of the "Direct configuration=" line of frame {@code f} (0-based). */
  static int xfr(int f) {
    return XHDR + f * XFR;
  }

  /** Index of the line of atom {@code a} in frame {@code f} (both 0-based). */
  static int xat(int f, int a) {
    return XHDR + f * XFR + 1 + a;
  }

  static List<Path> xdatcar(Path d, String text) {
    return List.of(write(d.resolve("XDATCAR"), text));
  }

  private static Case c(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, GROUP, "xd", kind, desc, m);
  }

  static List<Case> all() {
    List<Case> cs = new ArrayList<>();
    cs.add(c("xdat-cut-mid-number-middle", "malformed",
        "XDATCAR: line of atom 101 in frame 71 cut after 16 characters (mid-number), rest of file intact", d -> {
          List<String> l = Originals.lines("xd");
          int i = xat(70, 100);
          l.set(i, l.get(i).substring(0, 16) + "\n");
          return xdatcar(d, join(l));
        }).bonds());
    cs.add(c("xdat-cut-mid-number-joined", "malformed",
        "XDATCAR: line cut mid-number in frame 71 and the next line glued to it (no line end)", d -> {
          List<String> l = Originals.lines("xd");
          int i = xat(70, 100);
          l.set(i, l.get(i).substring(0, 16));
          return xdatcar(d, join(l));
        }));
    cs.add(c("xdat-crlf", "legit", "XDATCAR with Windows CRLF line ends everywhere (legitimate)",
        d -> xdatcar(d, Damage.crlf(Originals.text("xd")))).bonds());
    cs.add(c("xdat-tabs", "legit",
        "XDATCAR with every run of spaces in header, count and coordinate lines replaced by a tab (legitimate whitespace)", d -> {
          StringBuilder b = new StringBuilder();
          for (String l : Originals.lines("xd")) {
            b.append(l.startsWith("Direct") ? l : l.replaceAll("[ ]+", "\t"));
          }
          return xdatcar(d, b.toString());
        }));
    cs.add(c("xdat-utf8-bom", "legit", "XDATCAR starting with a UTF-8 byte-order mark (saved by a Windows editor)",
        d -> xdatcar(d, "\u00ef\u00bb\u00bf" + Originals.text("xd"))));
    cs.add(c("xdat-latin1-comment", "legit", "XDATCAR whose free-text comment line holds Latin-1 bytes (\u00c5ngstr\u00f6m), not UTF-8",
        d -> {
          List<String> l = Originals.lines("xd");
          l.set(0, "LPSC 500 K, a = 20.3 \u00c5ngstr\u00f6m, r\u00e9sum\u00e9 run\n"); // one Latin-1 byte per accented letter
          return xdatcar(d, join(l));
        }));
    cs.add(c("xdat-no-final-newline", "legit", "XDATCAR whose last (complete) line has no line end: all 140 frames must be kept",
        d -> xdatcar(d, Damage.rstripNewlines(Originals.text("xd")))));
    cs.add(c("xdat-trailing-blank-lines", "legit", "XDATCAR followed by blank and whitespace-only lines",
        d -> xdatcar(d, Originals.text("xd") + "\n   \n\n")));
    cs.add(c("xdat-trailing-species-labels", "legit", "XDATCAR with the species label after every coordinate (as some writers do)",
        d -> {
          List<String> l = Originals.lines("xd");
          for (int f = 0; f < 140; f++) {
            for (int a = 0; a < XNAT; a++) {
              String label = a < 192 ? "Li" : a < 224 ? "Cl" : a < 384 ? "S" : "P";
              int i = xat(f, a);
              l.set(i, Damage.rstripNewlines(l.get(i)) + " " + label + "\n");
            }
          }
          return xdatcar(d, join(l));
        }));
    cs.add(c("xdat-nan-position", "malformed", "XDATCAR: x of atom 6 in frame 71 is NaN", d -> edit(d, xat(70, 5), 0, "NaN")).bonds());
    cs.add(c("xdat-inf-position", "malformed", "XDATCAR: y of atom 8 in frame 61 is +Infinity",
        d -> edit(d, xat(60, 7), 1, "+Infinity")).bonds());
    cs.add(c("xdat-overflow-position", "malformed", "XDATCAR: x of atom 10 in frame 71 is a Fortran overflow field **********",
        d -> edit(d, xat(70, 9), 0, "*".repeat(10))));
    cs.add(c("xdat-overflow-glued-raw", "malformed",
        "raw VASP XDATCAR (Pt/water, no Li: info only): overflow ************ glued to the number before it in frame 51", d -> {
          List<String> l = Originals.lines("ptw");
          int i = 7 + 50 * 167 + 1 + 20;
          String s = l.get(i);
          l.set(i, s.substring(0, 13) + "*".repeat(12) + s.substring(25));
          return xdatcar(d, join(l));
        }).only("info"));
    cs.add(c("xdat-duplicated-frame", "warn_or_malformed", "XDATCAR: frame 71 (\"Direct configuration= 71\") written twice in a row",
        d -> {
          List<String> l = Originals.lines("xd");
          List<String> o = new ArrayList<>(l.subList(0, xfr(71)));
          o.addAll(l.subList(xfr(70), xfr(71)));
          o.addAll(l.subList(xfr(71), l.size()));
          return xdatcar(d, join(o));
        }).bonds());
    cs.add(c("xdat-frames-out-of-order", "warn_or_malformed", "XDATCAR: frames 71 and 72 swapped (configuration numbers 70, 72, 71, 73)",
        d -> {
          List<String> l = Originals.lines("xd");
          List<String> o = new ArrayList<>(l.subList(0, xfr(70)));
          o.addAll(l.subList(xfr(71), xfr(72)));
          o.addAll(l.subList(xfr(70), xfr(71)));
          o.addAll(l.subList(xfr(72), l.size()));
          return xdatcar(d, join(o));
        }));
    cs.add(c("xdat-zero-atoms", "malformed", "XDATCAR whose count line is \"0 0 0 0\" and whose frames hold no coordinates", d -> {
      List<String> l = Originals.lines("xd");
      List<String> o = new ArrayList<>(l.subList(0, 5));
      o.add("Li Cl S P\n");
      o.add("0 0 0 0\n");
      for (int f = 0; f < 140; f++) {
        o.add("Direct configuration=      " + (f + 1) + "\n");
      }
      return xdatcar(d, join(o));
    }).rc0("BAD-EXIT"));
    cs.add(c("xdat-count-larger-than-lines", "malformed", "XDATCAR: count line says 417 atoms (P 33) but every frame has 416 coordinate lines",
        d -> line(d, 6, "192 32 160 33\n")));
    cs.add(c("xdat-count-smaller-than-lines", "malformed",
        "XDATCAR: count line says 415 atoms (P 31) but every frame has 416 coordinate lines", d -> line(d, 6, "192 32 160 31\n")));
    cs.add(c("xdat-count-int-overflow", "malformed",
        "XDATCAR: count line \"192 32 160 2147483647\" (sum overflows a 32-bit int; info only: heavy)",
        d -> line(d, 6, "192 32 160 2147483647\n")).only("info").heavy());
    cs.add(c("xdat-count-100-million", "malformed",
        "XDATCAR: count line claims 100 million P atoms (no pre-allocation of GBs; the lines are not there)",
        d -> line(d, 6, "192 32 160 100000000\n")).heavy());
    cs.add(c("xdat-species-count-mismatch", "malformed", "XDATCAR: element line names 5 species (Li Cl S P Na), count line has 4 numbers",
        d -> line(d, 5, "Li Cl S P Na\n")));
    cs.add(c("xdat-negative-count", "malformed", "XDATCAR: count line \"192 32 -160 32\"", d -> line(d, 6, "192 32 -160 32\n")));
    cs.add(c("xdat-scale-zero", "malformed", "XDATCAR: scale factor 0.0 (zero-volume cell)", d -> line(d, 1, "0.0\n")));
    cs.add(c("xdat-singular-cell", "malformed", "XDATCAR: third lattice vector equal to the second (singular cell)",
        d -> line(d, 4, Originals.lines("xd").get(3))));
    cs.add(c("xdat-empty", "malformed", "empty (0-byte) XDATCAR", d -> xdatcar(d, "")).noline());
    cs.add(c("xdat-header-only", "zero_frames",
        "XDATCAR with only its 7-line header (job killed before the first frame): 0 frames or exit 3; msd must fail cleanly",
        d -> xdatcar(d, join(Originals.lines("xd").subList(0, 7)))).kindFor("msd", "fail:1,2,3"));
    cs.add(c("xdat-binary", "malformed", "64 KiB of random bytes named XDATCAR",
        d -> List.of(write(d.resolve("XDATCAR"), Damage.pythonRandBytes(7, 65536)))).noline());
    cs.add(c("xdat-nul-block-middle", "malformed", "XDATCAR with 4096 NUL bytes overwriting the start of frame 71 (crash artefact)", d -> {
      List<String> l = Originals.lines("xd");
      String b = join(l);
      int at = join(l.subList(0, xfr(70))).length();
      return xdatcar(d, b.substring(0, at) + "\0".repeat(4096) + b.substring(at + 4096));
    }));
    cs.add(c("xdat-nul-tail", "truncated_or_malformed", "XDATCAR whose last 8 KiB are NUL bytes (unflushed tail after a node crash)", d -> {
      String b = Originals.text("xd");
      return xdatcar(d, b.substring(0, b.length() - 8192) + "\0".repeat(8192));
    }));
    cs.add(c("xdat-gz-truncated", "truncated_or_malformed", "example_XDATCAR.gz cut at half its bytes (corrupt gzip stream)", d -> {
      byte[] g = Files.readAllBytes(Originals.kinisiGz());
      return List.of(write(d.resolve("XDATCAR.gz"), java.util.Arrays.copyOf(g, g.length / 2)));
    }));
    cs.add(c("xdat-gz-corrupt", "malformed", "example_XDATCAR.gz with 64 bytes in the middle flipped (CRC / deflate error)", d -> {
      byte[] g = Files.readAllBytes(Originals.kinisiGz());
      return List.of(write(d.resolve("XDATCAR.gz"), Damage.flip(g, g.length / 2)));
    }).noline());
    cs.add(c("xdat-gz-stored-digit-flipped", "malformed",
        "XDATCAR.gz written with stored (level 0) deflate blocks and one digit of frame 71 changed inside them: only the gzip CRC can tell; "
            + "exit non-zero, never a silent number", d -> {
              byte[] g = Damage.gzipStored(Damage.bytes(Originals.text("xd")));
              int at = Damage.indexOf(g, Damage.bytes(Originals.lines("xd").get(xat(70, 0))));
              if (at < 0) {
                throw new IllegalStateException("the line of atom 1 in frame 71 is split between two stored blocks");
              }
              at += 3; // a digit after "0.x"
              g[at] = (byte) (g[at] != '7' ? '7' : '3');
              return List.of(write(d.resolve("XDATCAR.gz"), g));
            }).noline());
    cs.add(c("xdat-xz-truncated", "truncated_or_malformed", "XDATCAR.xz cut at half its bytes", d -> {
      byte[] x = xdXz();
      return List.of(write(d.resolve("XDATCAR.xz"), java.util.Arrays.copyOf(x, x.length / 2)));
    }));
    cs.add(c("xdat-xz-corrupt", "malformed", "XDATCAR.xz with 64 bytes in the middle flipped", d -> {
      byte[] x = xdXz();
      return List.of(write(d.resolve("XDATCAR.xz"), Damage.flip(x, x.length / 2)));
    }).noline());
    cs.add(c("xdat-bz2-truncated", "truncated_or_malformed", "XDATCAR.bz2 cut at half its bytes", d -> {
      byte[] x = Damage.bz2(Damage.bytes(Originals.text("xd")));
      return List.of(write(d.resolve("XDATCAR.bz2"), java.util.Arrays.copyOf(x, x.length / 2)));
    }));
    cs.add(c("xdat-gz-is-plain-text", "legit_or_malformed", "plain-text XDATCAR named XDATCAR.gz: read it, or exit 3 with one line",
        d -> List.of(write(d.resolve("XDATCAR.gz"), Originals.text("xd")))));
    cs.add(c("xdat-gz-empty", "malformed", "0-byte XDATCAR.gz", d -> List.of(write(d.resolve("XDATCAR.gz"), ""))).noline());
    cs.add(c("xdat-10mb-line-middle", "malformed",
        "XDATCAR: coordinate line of atom 4 in frame 71 replaced by one 10 MB line of numbers; the message must stay short",
        d -> line(d, xat(70, 3), "0.123456 ".repeat(10 * 1024 * 1024 / 9) + "\n")));
    cs.add(c("xdat-10mb-garbage-line", "malformed",
        "XDATCAR: coordinate line of atom 4 in frame 71 replaced by one 10 MB line of letters; the message must stay short",
        d -> line(d, xat(70, 3), "x".repeat(10 * 1024 * 1024) + "\n")));
    cs.add(c("xdat-two-runs-concatenated", "frames:6",
        "simsoliqtools run1/XDATCAR + run2/XDATCAR (restart) concatenated with cat: 3 + 3 = 6 frames, numbering restarts at 1 (legitimate)",
        d -> {
          Path r = Originals.simsoliq();
          return List.of(write(d.resolve("XDATCAR"),
              Damage.concat(Files.readAllBytes(r.resolve("run1/XDATCAR")), Files.readAllBytes(r.resolve("run2/XDATCAR")))));
        }).only("info"));
    cs.add(c("xdat-10mb-no-newline", "malformed", "XDATCAR that is a single 10 MB line without any line end",
        d -> xdatcar(d, "0123456789".repeat(1024 * 1024))).noline());
    cs.add(c("xdat-dev-zero", "malformed", "XDATCAR is a symlink to /dev/zero (endless NUL bytes, 60 s limit)", d -> {
      Files.createDirectories(d);
      return List.of(Files.createSymbolicLink(d.resolve("XDATCAR"), Path.of("/dev/zero")));
    }).timeout(60).noline());
    cs.add(c("xdat-fifo-once", "ok_or_fail",
        "XDATCAR is a FIFO fed once with the whole file (cat file > fifo, as with <(zcat ...)): read it or refuse it, never block (60 s limit)",
        d -> List.of(Fifo.make(d.resolve("XDATCAR")))).timeout(60).only("info").feed(Case.Feed.ONCE));
    cs.add(c("xdat-fifo-endless", "fail:2,3,4", "XDATCAR is a FIFO fed endlessly by `yes \"0.1 0.2 0.3\"` (60 s limit)",
        d -> List.of(Fifo.make(d.resolve("XDATCAR")))).timeout(60).only("info").feed(Case.Feed.ENDLESS));
    cs.add(c("xdat-frame-number-overflow", "legit",
        "XDATCAR whose \"Direct configuration=\" numbers overflow to ****** from frame 71 on (VASP I6 field past step 999999)", d -> {
          List<String> l = Originals.lines("xd");
          for (int f = 70; f < 140; f++) {
            l.set(xfr(f), "Direct configuration=******\n");
          }
          return xdatcar(d, join(l));
        }));
    cs.add(c("xdat-frame-number-glued", "legit",
        "XDATCAR whose frame numbers fill the I6 field (\"Direct configuration=899861\", no space)", d -> {
          List<String> l = Originals.lines("xd");
          for (int f = 0; f < 140; f++) {
            l.set(xfr(f), String.format("Direct configuration=%6d", 899861 + f) + "\n");
          }
          return xdatcar(d, join(l));
        }));
    return cs;
  }

  /** The undamaged XDATCAR with field {@code field} of line {@code i} replaced. */
  private static List<Path> edit(Path d, int i, int field, String repl) {
    List<String> l = Originals.lines("xd");
    l.set(i, Damage.field(l.get(i), field, repl));
    return xdatcar(d, join(l));
  }

  /** The undamaged XDATCAR with line {@code i} replaced. */
  private static List<Path> line(Path d, int i, String text) {
    List<String> l = Originals.lines("xd");
    l.set(i, text);
    return xdatcar(d, join(l));
  }

  /**
   * Writes a gzip file that inflates to {@code prefix} followed by {@code count} times {@code chunk}
   * (GBs) without deflating GBs: the first chunk and the second are deflated, each ending in a sync
   * flush, and the second's bytes then stand for every later chunk. That is exact: a chunk starts
   * byte-aligned after the same 32 KiB window (the end of an identical chunk), so the same deflate
   * bytes inflate to the same text. {@code chunk} must be at least 32 KiB long.
   */
  static Path gzipRepeated(Path p, String prefix, String chunk, int count) throws IOException {
    Files.createDirectories(p.getParent());
    byte[] pre = Damage.bytes(prefix);
    byte[] c = Damage.bytes(chunk);
    Deflater def = new Deflater(6, true);
    CRC32 crc = new CRC32();
    crc.update(pre);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
      out.write(deflate(def, Damage.concat(pre, c), Deflater.SYNC_FLUSH));
      crc.update(c);
      byte[] again = deflate(def, c, Deflater.SYNC_FLUSH);
      for (int i = 1; i < count; i++) {
        out.write(again);
        crc.update(c);
      }
      def.finish();
      out.write(deflate(def, new byte[0], Deflater.FULL_FLUSH));
      long size = pre.length + (long) c.length * count;
      for (long v : new long[] {crc.getValue(), size}) {
        for (int k = 0; k < 4; k++) {
          out.write((int) (v >>> (8 * k)) & 0xff);
        }
      }
    } finally {
      def.end();
    }
    return p;
  }

  private static byte[] deflate(Deflater def, byte[] in, int flush) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    def.setInput(in);
    while (true) {
      int n = def.deflate(buf, 0, buf.length, flush);
      b.write(buf, 0, n);
      if (def.finished() || (n < buf.length && def.needsInput())) {
        return b.toByteArray();
      }
    }
  }
}
