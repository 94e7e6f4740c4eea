package org.interphase.cli.damaged;

import static org.interphase.cli.damaged.Damage.join;
import static org.interphase.cli.damaged.Damage.joinFrames;
import static org.interphase.cli.damaged.Damage.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Interface-energy variants, then paths, output folders and bad command-line values. */
final class OtherCases {
  private OtherCases() {}

  private static Case sp(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "interface", "if", kind, desc, m);
  }

  private static Case md(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "interface", "ifmd", kind, desc, m);
  }

  private static Case xd(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "paths-out-usage", "xd", kind, desc, m);
  }

  /** Copies the single-point files; returns the three logs (interface, slab A, slab B). */
  static List<Path> ifCopy(Path d) {
    Damage.copyFiles(Originals.iface(), Originals.IF_FILES, d);
    return List.of(d.resolve("sp_interface.out"), d.resolve("sp_slabA.out"), d.resolve("sp_slabB.out"));
  }

  /** Copies the three MD runs into {@code d/interface}, {@code d/slabA}, {@code d/slabB}; returns the folders. */
  static List<Path> ifmdCopy(Path d) {
    List<Path> out = new ArrayList<>();
    for (String n : Originals.IFMD_PARTS) {
      out.add(Damage.copyFiles(Originals.iface(),
          List.of("aimd_" + n + "-1.ener", "aimd_" + n + "-pos-1.xyz", "aimd_" + n + "-1.cell", "aimd_" + n + ".inp"), d.resolve(n)));
    }
    return out;
  }

  /** Replaces the value of the last "ENERGY| Total FORCE_EVAL" line of a log. */
  private static void energyLine(Path p, String value) {
    List<String> l = Damage.lines(Damage.read(p));
    int i = -1;
    for (int k = 0; k < l.size(); k++) {
      if (l.get(k).contains("ENERGY| Total FORCE_EVAL")) {
        i = k;
      }
    }
    l.set(i, l.get(i).replaceAll("(\\]:\\s*)\\S+", "$1" + java.util.regex.Matcher.quoteReplacement(value)));
    write(p, join(l));
  }

  private static List<Path> plainXdatcar(Path d) {
    return XdatcarCases.xdatcar(d, Originals.text("xd"));
  }

  /** Replaces every argument equal to {@code from} by {@code to}. */
  private static UnaryOperator<List<String>> replace(String from, String to) {
    return a -> a.stream().map(x -> x.equals(from) ? to : x).toList();
  }

  /** Inserts {@code extra} after the command name. */
  private static UnaryOperator<List<String>> insert(String... extra) {
    return a -> {
      List<String> o = new ArrayList<>(a.subList(0, 1));
      o.addAll(List.of(extra));
      o.addAll(a.subList(1, a.size()));
      return o;
    };
  }

  static List<Case> all() {
    List<Case> cs = new ArrayList<>();
    // ------------------------------------------------------------------ interface energy
    cs.add(sp("iface-sp-energy-overflow", "malformed", "interface: the ENERGY| Total FORCE_EVAL value of sp_slabA.out is ******************",
        d -> {
          List<Path> p = ifCopy(d);
          energyLine(p.get(1), "*".repeat(18));
          return p;
        }));
    cs.add(sp("iface-sp-energy-nan", "malformed", "interface: the ENERGY| Total FORCE_EVAL value of sp_slabB.out is NaN", d -> {
      List<Path> p = ifCopy(d);
      energyLine(p.get(2), "NaN");
      return p;
    }));
    cs.add(sp("iface-sp-empty", "malformed", "interface: sp_interface.out is 0 bytes", d -> {
      List<Path> p = ifCopy(d);
      write(p.get(0), "");
      return p;
    }).noline());
    cs.add(sp("iface-sp-cut-before-energy", "fail:3",
        "interface: sp_interface.out cut at 40 % (killed during the SCF, no ENERGY| line): no number may come out", d -> {
          List<Path> p = ifCopy(d);
          String b = Damage.read(p.get(0));
          write(p.get(0), b.substring(0, (int) (b.length() * 0.4)));
          return p;
        }));
    cs.add(sp("iface-sp-crlf", "legit", "interface: all three single-point logs and their inputs with CRLF line ends", d -> {
      List<Path> p = ifCopy(d);
      for (String n : Originals.IF_FILES) {
        write(d.resolve(n), Damage.crlf(Damage.read(d.resolve(n))));
      }
      return p;
    }));
    cs.add(md("iface-md-ener-overflow", "malformed", "interface (MD averages): Pot.[a.u.] of step 150 in aimd_slabA-1.ener is ****************",
        d -> {
          List<Path> p = ifmdCopy(d);
          Path e = p.get(1).resolve("aimd_slabA-1.ener");
          List<String> l = Damage.lines(Damage.read(e));
          l.set(151, Damage.field(l.get(151), 4, "*".repeat(16)));
          write(e, join(l));
          return p;
        }));
    cs.add(md("iface-md-pos-energy-nan", "malformed",
        "interface (MD averages): \"E = NaN\" in the comment of step 250 of aimd_interface-pos-1.xyz", d -> {
          List<Path> p = ifmdCopy(d);
          Path x = p.get(0).resolve("aimd_interface-pos-1.xyz");
          List<List<String>> f = Damage.framesXyz(Damage.lines(Damage.read(x)));
          f.get(250).set(1, f.get(250).get(1).replaceAll("E =\\s*\\S+", "E =                 NaN"));
          write(x, joinFrames(f));
          return p;
        }));

    // ------------------------------------------------------------------ paths and output folders
    cs.add(xd("path-spaces-unicode", "legit",
        "XDATCAR under \"with spaces/\u00dcn\u00efc\u00f8d\u00e9 Li\u2083PS\u2084 \u65e5\u672c/\", --out under a unicode folder too",
        d -> XdatcarCases.xdatcar(d.resolve("with spaces").resolve("\u00dcn\u00efc\u00f8d\u00e9 Li\u2083PS\u2084 \u65e5\u672c"),
            Originals.text("xd"))).out(Case.Out.UNICODE));
    cs.add(xd("out-readonly-dir", "fail:1,2", "msd --out into an existing read-only folder (chmod 555, plus chattr +i when root)",
        OtherCases::plainXdatcar).only("msd").out(Case.Out.READONLY));
    cs.add(xd("out-is-existing-file", "fail:1,2", "msd --out naming an existing regular file: refuse, and leave the file as it was", d -> {
      List<Path> p = plainXdatcar(d);
      write(d.resolve("existing.txt"), "keep me\n");
      return p;
    }).only("msd").out(Case.Out.EXISTING_FILE));
    cs.add(xd("out-disk-full", "ok_or_fail",
        "msd --out into a folder whose msd.json/msd.csv/msd.png/msd.svg are symlinks to /dev/full (ENOSPC): clean failure or atomic replace",
        d -> {
          List<Path> p = plainXdatcar(d);
          Path o = Files.createDirectories(d.resolve("full"));
          for (String n : List.of("msd.json", "msd.csv", "msd.png", "msd.svg")) {
            Files.createSymbolicLink(o.resolve(n), Path.of("/dev/full"));
          }
          return p;
        }).only("msd").out(Case.Out.DISK_FULL));
    cs.add(xd("missing-file", "fail:4", "path that does not exist", d -> {
      Files.createDirectories(d);
      return List.of(d.resolve("nope").resolve("XDATCAR"));
    }));
    cs.add(xd("dangling-symlink", "fail:4", "XDATCAR is a symlink to a file that does not exist", d -> {
      Files.createDirectories(d);
      return List.of(Files.createSymbolicLink(d.resolve("XDATCAR"), d.resolve("gone")));
    }));
    cs.add(xd("empty-directory", "fail:2,3,4", "an empty run folder", d -> List.of(Files.createDirectories(d))));
    cs.add(xd("directory-nothing-recognisable", "fail:2,3,4", "a folder holding only notes.txt and a PNG", d -> {
      write(d.resolve("notes.txt"), "run killed, see log\n");
      write(d.resolve("plot.png"), "\u0089PNG\r\n\u001a\n" + "\0".repeat(100));
      return List.of(d);
    }));

    // ------------------------------------------------------------------ bad command-line values
    cs.add(xd("usage-timestep-nan", "fail:2", "msd --timestep-fs NaN: exit 2 saying NaN is not a time step", OtherCases::plainXdatcar)
        .only("msd").msg("NaN|finite|must be|invalid").argv(replace("100", "NaN")));
    cs.add(xd("usage-timestep-zero", "fail:2", "msd --timestep-fs 0", OtherCases::plainXdatcar).only("msd").argv(replace("100", "0")));
    cs.add(xd("usage-timestep-negative", "fail:2", "msd --timestep-fs -100", OtherCases::plainXdatcar).only("msd")
        .argv(replace("100", "-100")));
    cs.add(xd("usage-temperature-negative", "fail:2", "msd --temperature-k -300", OtherCases::plainXdatcar).only("msd")
        .argv(insert("--temperature-k", "-300")));
    cs.add(xd("usage-temperature-infinity", "fail:2", "msd --temperature-k Infinity", OtherCases::plainXdatcar).only("msd")
        .argv(insert("--temperature-k", "Infinity")));
    cs.add(xd("usage-charge-nan", "fail:2", "msd --temperature-k 500 --charge NaN", OtherCases::plainXdatcar).only("msd")
        .argv(insert("--temperature-k", "500", "--charge", "NaN")));
    cs.add(xd("usage-fit-start-nan", "fail:2", "msd --fit-start-ps NaN", OtherCases::plainXdatcar).only("msd")
        .argv(insert("--fit-start-ps", "NaN")));
    cs.add(xd("usage-fit-window-inverted", "fail:2", "msd --fit-start-ps 10 --fit-end-ps 2", OtherCases::plainXdatcar).only("msd")
        .argv(insert("--fit-start-ps", "10", "--fit-end-ps", "2")));
    cs.add(xd("usage-region-inverted", "fail:2", "msd --region z=15:5", OtherCases::plainXdatcar).only("msd")
        .argv(insert("--region", "z=15:5")));
    cs.add(xd("usage-species-absent", "fail:2", "msd --species Na on a file without Na", OtherCases::plainXdatcar).only("msd")
        .argv(replace("Li", "Na")));
    cs.add(xd("usage-wrong-format-forced", "malformed", "info --format vasp-outcar on an XDATCAR (forced wrong reader)",
        OtherCases::plainXdatcar).only("info").argv(insert("--format", "vasp-outcar")));
    return cs;
  }
}
