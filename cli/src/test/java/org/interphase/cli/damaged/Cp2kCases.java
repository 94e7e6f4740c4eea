package org.interphase.cli.damaged;

import static org.interphase.cli.damaged.Damage.join;
import static org.interphase.cli.damaged.Damage.joinFrames;
import static org.interphase.cli.damaged.Damage.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CP2K MD run folders (aimd_nvt aLPS: 32 atoms, 2001 frames; the NPT_F water run) and mixed run folders. */
final class Cp2kCases {
  static final String GROUP = "cp2k";

  private Cp2kCases() {}

  private static Case c(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, GROUP, "cp", kind, desc, m);
  }

  /** Copies the aLPS run files except {@code skip} into {@code d}. */
  static Path cpCopy(Path d, String... skip) {
    List<String> names = new ArrayList<>(Originals.CP_FILES);
    names.removeAll(List.of(skip));
    return Damage.copyFiles(Originals.aimd(), names, d);
  }

  private static List<List<String>> frames(String key) {
    return Damage.framesXyz(Originals.lines(key));
  }

  /** The run folder with field {@code field} of line {@code line} of frame {@code frame} of the pos/frc xyz replaced. */
  private static List<Path> xyzField(Path d, String key, int frame, int line, int field, String repl) {
    cpCopy(d);
    List<List<String>> f = frames(key);
    f.get(frame).set(line, Damage.field(f.get(frame).get(line), field, repl));
    write(d.resolve(key.equals("pos") ? "aLPS-pos-1.xyz" : "aLPS-frc-1.xyz"), joinFrames(f));
    return List.of(d);
  }

  /** The run folder with field {@code field} of row {@code row} of the .ener/.cell replaced. */
  private static List<Path> rowField(Path d, String key, int row, int field, String repl) {
    cpCopy(d);
    List<String> e = Originals.lines(key);
    e.set(row, Damage.field(e.get(row), field, repl));
    write(d.resolve(key.equals("ener") ? "aLPS-1.ener" : "aLPS-1.cell"), join(e));
    return List.of(d);
  }

  private static List<Path> pos(Path d, List<List<String>> frames) {
    write(d.resolve("aLPS-pos-1.xyz"), joinFrames(frames));
    return List.of(d);
  }

  static List<Case> all() {
    List<Case> cs = new ArrayList<>();
    cs.add(c("cp2k-pos-count-huge", "malformed", "CP2K pos xyz: atom count line of the first frame is 99999999999", d -> {
      cpCopy(d);
      List<List<String>> f = frames("pos");
      f.get(0).set(0, "99999999999\n");
      return pos(d, f);
    }));
    cs.add(c("cp2k-all-crlf", "legit", "CP2K run folder whose pos/frc xyz, .ener and .cell all have CRLF line ends", d -> {
      cpCopy(d);
      for (String n : List.of("aLPS-pos-1.xyz", "aLPS-frc-1.xyz", "aLPS-1.ener", "aLPS-1.cell")) {
        write(d.resolve(n), Damage.crlf(Damage.read(Originals.aimd().resolve(n))));
      }
      return List.of(d);
    }).bonds());
    cs.add(c("cp2k-pos-tabs", "legit",
        "CP2K pos xyz with tabs between label and coordinates (comment lines kept), and tab-separated .ener rows", d -> {
          cpCopy(d);
          StringBuilder b = new StringBuilder();
          for (String l : Originals.lines("pos")) {
            b.append(l.contains("=") ? l : l.replaceAll("(?<=\\S)[ ]+", "\t"));
          }
          write(d.resolve("aLPS-pos-1.xyz"), b.toString());
          List<String> e = Originals.lines("ener");
          StringBuilder eb = new StringBuilder(e.get(0));
          for (String l : e.subList(1, e.size())) {
            eb.append(l.replaceAll("(?<=\\S)[ ]+", "\t"));
          }
          write(d.resolve("aLPS-1.ener"), eb.toString());
          return List.of(d);
        }));
    cs.add(c("cp2k-pos-nan", "malformed", "CP2K pos xyz: x of atom 3 at step 700 is NaN", d -> xyzField(d, "pos", 700, 4, 1, "NaN")).bonds());
    cs.add(c("cp2k-pos-inf", "malformed", "CP2K pos xyz: z of atom 5 at step 900 is \"inf\"", d -> xyzField(d, "pos", 900, 6, 3, "inf")));
    cs.add(c("cp2k-pos-overflow", "malformed", "CP2K pos xyz: y of atom 9 at step 1000 is ******************",
        d -> xyzField(d, "pos", 1000, 10, 2, "*".repeat(18))));
    cs.add(c("cp2k-frc-overflow", "malformed", "CP2K frc xyz: force x of atom 2 at step 500 is *******************",
        d -> xyzField(d, "frc", 500, 3, 1, "*".repeat(19))));
    cs.add(c("cp2k-frc-neg-infinity", "malformed", "CP2K frc xyz: force z of atom 7 at step 1500 is -Infinity",
        d -> xyzField(d, "frc", 1500, 8, 3, "-Infinity")));
    cs.add(c("cp2k-ener-overflow", "malformed", "CP2K .ener: Pot.[a.u.] of step 1000 is ****************",
        d -> rowField(d, "ener", 1001, 4, "*".repeat(16))));
    cs.add(c("cp2k-ener-nan-temperature", "malformed", "CP2K .ener: Temp[K] of step 800 is NaN", d -> rowField(d, "ener", 801, 3, "NaN")));
    cs.add(c("cp2k-ener-missing-column", "malformed", "CP2K .ener: row of step 1200 has 6 columns (Temp column missing)", d -> {
      cpCopy(d);
      List<String> e = Originals.lines("ener");
      List<String> parts = Damage.split(e.get(1201));
      parts.remove(3);
      e.set(1201, String.join("   ", parts) + "\n");
      write(d.resolve("aLPS-1.ener"), join(e));
      return List.of(d);
    }));
    cs.add(c("cp2k-cell-nan", "malformed", "CP2K .cell: Ax of step 600 is NaN", d -> rowField(d, "cell", 601, 2, "NaN")));
    cs.add(new Case("cp2k-cell-fewer-rows-npt", GROUP, "npt", "warn_or_malformed",
        "CP2K NPT_F run (H2O, 11 frames, cell changes every step): .cell has only the first 8 rows", d -> {
          Damage.copyFiles(Originals.npt(), Originals.NPT_FILES, d);
          write(d.resolve("H2O-md-1.cell"), join(Originals.lines("npt_cell").subList(0, 9)));
          return List.of(d);
        }));
    cs.add(c("cp2k-pos-no-time", "legit_or_malformed",
        "CP2K MD pos xyz whose comment lines lack \"time =\" (i = N, E = ...): time from .ener/.inp or a clear refusal, "
            + "never a made-up time step", d -> {
              cpCopy(d);
              StringBuilder b = new StringBuilder();
              for (String l : Originals.lines("pos")) {
                b.append(Damage.lstrip(l).startsWith("i =") ? l.replaceAll(", time =\\s*[-0-9.]+", "") : l);
              }
              write(d.resolve("aLPS-pos-1.xyz"), b.toString());
              return List.of(d);
            }));
    cs.add(c("cp2k-restart-appended", "warn_or_malformed",
        "CP2K restart appended to the same files: pos/frc/.ener/.cell hold steps 0..1200 then 1001..2000 (step number goes back)", d -> {
          cpCopy(d);
          for (String[] kn : new String[][] {{"pos", "aLPS-pos-1.xyz"}, {"frc", "aLPS-frc-1.xyz"}}) {
            List<List<String>> f = frames(kn[0]);
            List<List<String>> o = new ArrayList<>(f.subList(0, 1201));
            o.addAll(f.subList(1001, f.size()));
            write(d.resolve(kn[1]), joinFrames(o));
          }
          for (String[] kn : new String[][] {{"ener", "aLPS-1.ener"}, {"cell", "aLPS-1.cell"}}) {
            List<String> e = Originals.lines(kn[0]);
            List<String> o = new ArrayList<>(e.subList(0, 1202));
            o.addAll(e.subList(1002, e.size()));
            write(d.resolve(kn[1]), join(o));
          }
          return List.of(d);
        }).bonds());
    cs.add(c("cp2k-pos-duplicated-frame", "warn_or_malformed", "CP2K pos xyz: frame of step 700 written twice in a row (other files untouched)",
        d -> {
          cpCopy(d);
          List<List<String>> f = frames("pos");
          f.add(701, f.get(700));
          return pos(d, f);
        }));
    cs.add(c("cp2k-pos-frames-out-of-order", "warn_or_malformed", "CP2K pos xyz: frames of steps 700 and 701 swapped", d -> {
      cpCopy(d);
      List<List<String>> f = frames("pos");
      List<String> t = f.get(700);
      f.set(700, f.get(701));
      f.set(701, t);
      return pos(d, f);
    }));
    cs.add(c("cp2k-pos-zero-atoms", "malformed", "CP2K pos xyz in which every frame says 0 atoms and holds only its comment line", d -> {
      cpCopy(d);
      List<List<String>> o = new ArrayList<>();
      for (List<String> f : frames("pos")) {
        o.add(List.of("       0\n", f.get(1)));
      }
      return pos(d, o);
    }).rc0("BAD-EXIT"));
    cs.add(c("cp2k-pos-count-larger", "malformed", "CP2K pos xyz: frame of step 700 claims 33 atoms, 32 lines follow", d -> {
      cpCopy(d);
      List<List<String>> f = frames("pos");
      f.get(700).set(0, "      33\n");
      return pos(d, f);
    }));
    cs.add(c("cp2k-pos-garbage-line", "malformed",
        "CP2K pos xyz: \"srun: error: node17: task 3: Killed\" inserted between atoms 10 and 11 of step 700", d -> {
          cpCopy(d);
          List<List<String>> f = frames("pos");
          f.get(700).add(12, "srun: error: node17: task 3: Killed\n");
          return pos(d, f);
        }));
    cs.add(c("cp2k-pos-cut-mid-number-middle", "malformed",
        "CP2K pos xyz: atom line 10 of step 700 cut mid-number (x and half of y), file continues", d -> {
          cpCopy(d);
          List<List<String>> f = frames("pos");
          f.get(700).set(11, f.get(700).get(11).substring(0, 30) + "\n");
          return pos(d, f);
        }));
    cs.add(c("cp2k-pos-empty", "malformed", "CP2K run folder whose pos xyz is 0 bytes (.ener/.cell/frc intact)", d -> {
      cpCopy(d);
      write(d.resolve("aLPS-pos-1.xyz"), "");
      return List.of(d);
    }).noline());
    cs.add(c("cp2k-pos-header-only", "zero_frames",
        "CP2K pos xyz holding only \"      32\" (killed before the first frame): 0 frames or exit 3; msd must fail cleanly", d -> {
          cpCopy(d);
          write(d.resolve("aLPS-pos-1.xyz"), "      32\n");
          return List.of(d);
        }).kindFor("msd", "fail:1,2,3"));
    cs.add(c("cp2k-pos-gz", "legit", "CP2K run folder with the pos xyz gzipped (aLPS-pos-1.xyz.gz) next to plain .ener/.cell/frc", d -> {
      cpCopy(d, "aLPS-pos-1.xyz");
      write(d.resolve("aLPS-pos-1.xyz.gz"), Damage.gzip(Files.readAllBytes(Originals.aimd().resolve("aLPS-pos-1.xyz"))));
      return List.of(d);
    }));
    cs.add(c("cp2k-pos-xz-truncated", "truncated_or_malformed", "CP2K run folder whose aLPS-pos-1.xyz.xz is cut at half its bytes", d -> {
      cpCopy(d, "aLPS-pos-1.xyz");
      byte[] x = Damage.xz(Files.readAllBytes(Originals.aimd().resolve("aLPS-pos-1.xyz")));
      write(d.resolve("aLPS-pos-1.xyz.xz"), java.util.Arrays.copyOf(x, x.length / 2));
      return List.of(d);
    }));
    cs.add(c("cp2k-frc-atom-count-mismatch", "malformed", "CP2K frc xyz with 31 atoms per frame (last atom dropped) next to a 32-atom pos xyz",
        d -> {
          cpCopy(d);
          List<List<String>> o = new ArrayList<>();
          for (List<String> f : frames("frc")) {
            List<String> g = new ArrayList<>();
            g.add("      31\n");
            g.addAll(f.subList(1, f.size() - 1));
            o.add(g);
          }
          write(d.resolve("aLPS-frc-1.xyz"), joinFrames(o));
          return List.of(d);
        }));
    cs.add(c("cp2k-frc-fewer-frames", "warn_or_malformed", "CP2K frc xyz with only the first 1000 frames next to a 2001-frame pos xyz", d -> {
      cpCopy(d);
      write(d.resolve("aLPS-frc-1.xyz"), joinFrames(frames("frc").subList(0, 1000)));
      return List.of(d);
    }));
    cs.add(c("cp2k-dir-two-md-runs", "warn_or_fail:2,3",
        "one folder holding two different CP2K MD runs with Li (aLPS 32 atoms + interface slabA 36 atoms): msd must not pick one silently",
        d -> {
          cpCopy(d);
          Damage.copyFiles(Originals.iface(), List.of("aimd_slabA-1.ener", "aimd_slabA-pos-1.xyz", "aimd_slabA-1.cell", "aimd_slabA.inp"), d);
          return List.of(d);
        }).only("msd"));
    cs.add(new Case("dir-vasp-and-cp2k-runs", GROUP, "xd", "warn_or_fail:2,3",
        "one folder holding an LPSC XDATCAR and the CP2K aLPS run (both with Li): msd must not pick one silently", d -> {
          cpCopy(d);
          write(d.resolve("XDATCAR"), Originals.text("xd"));
          return List.of(d);
        }).only("msd"));
    return cs;
  }
}
