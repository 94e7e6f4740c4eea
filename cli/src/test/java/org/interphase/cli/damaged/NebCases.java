package org.interphase.cli.damaged;

import static org.interphase.cli.damaged.Damage.join;
import static org.interphase.cli.damaged.Damage.joinFrames;
import static org.interphase.cli.damaged.Damage.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** NEB variants: CP2K BAND (neb_li_hop, 7 replicas), VASP NEB (bilayer graphene, 00..08, OUTCAR.gz), LLTO (OSZICAR only). */
final class NebCases {
  private NebCases() {}

  private static Case band(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "band", "band", kind, desc, m);
  }

  private static Case vneb(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "vasp-neb", "vneb", kind, desc, m);
  }

  private static Case llto(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "vasp-neb", "llto", kind, desc, m);
  }

  static Path rep(Path d, int k) {
    return d.resolve("neb_LiCl-pos-Replica_nr_" + k + "-1.xyz");
  }

  private static List<List<String>> frames(Path p) {
    return Damage.framesXyz(Damage.lines(Damage.read(p)));
  }

  /** Replaces {@code NN/OUTCAR.gz} by the decompressed OUTCAR's lines (the caller writes {@code NN/OUTCAR}). */
  private static List<String> vnebPlain(Path d, String img) throws IOException {
    Path g = d.resolve(img).resolve("OUTCAR.gz");
    String b = Damage.readDecompressed(g);
    Files.delete(g);
    return Damage.lines(b);
  }

  static List<Case> all() {
    List<Case> cs = new ArrayList<>();
    // ------------------------------------------------------------------ CP2K BAND
    cs.add(band("band-missing-replica-4", "fail:3,4", "CP2K BAND run with neb_LiCl-pos-Replica_nr_4-1.xyz deleted (7 replicas in the log/.ener)",
        d -> {
          Damage.copyTree(Originals.band(), d);
          Files.delete(rep(d, 4));
          return List.of(d);
        }));
    cs.add(band("band-missing-last-replica", "fail:3,4", "CP2K BAND run with the last replica file (nr_7) deleted: must not become a 6-image path",
        d -> {
          Damage.copyTree(Originals.band(), d);
          Files.delete(rep(d, 7));
          return List.of(d);
        }));
    cs.add(band("band-replica-empty", "malformed", "CP2K BAND run whose replica 6 pos file is 0 bytes", d -> {
      Damage.copyTree(Originals.band(), d);
      write(rep(d, 6), "");
      return List.of(d);
    }).noline());
    cs.add(band("band-replica-truncated", "warn_or_malformed",
        "CP2K BAND run: replica 4 pos file cut inside its last frame (its final geometry is one iteration older than the others)", d -> {
          Damage.copyTree(Originals.band(), d);
          String b = Damage.read(rep(d, 4));
          write(rep(d, 4), b.substring(0, b.length() - 700));
          return List.of(d);
        }));
    cs.add(band("band-replica-nan-energy", "malformed", "CP2K BAND run: last frame of replica 3 has \"E = NaN\" in its comment line", d -> {
      Damage.copyTree(Originals.band(), d);
      List<List<String>> f = frames(rep(d, 3));
      List<String> last = f.get(f.size() - 1);
      last.set(1, last.get(1).replaceAll("E =\\s*\\S+", "E =                 NaN"));
      write(rep(d, 3), joinFrames(f));
      return List.of(d);
    }));
    cs.add(band("band-replica-overflow", "malformed", "CP2K BAND run: x of atom 2 in the last frame of replica 2 is ***************", d -> {
      Damage.copyTree(Originals.band(), d);
      List<List<String>> f = frames(rep(d, 2));
      List<String> last = f.get(f.size() - 1);
      last.set(3, Damage.field(last.get(3), 1, "*".repeat(15)));
      write(rep(d, 2), joinFrames(f));
      return List.of(d);
    }));
    cs.add(band("band-replica-atom-dropped", "malformed", "CP2K BAND run: replica 5 has 22 atoms per frame (last atom dropped), the others 23",
        d -> {
          Damage.copyTree(Originals.band(), d);
          List<List<String>> o = new ArrayList<>();
          for (List<String> f : frames(rep(d, 5))) {
            List<String> g = new ArrayList<>();
            g.add("      22\n");
            g.addAll(f.subList(1, f.size() - 1));
            o.add(g);
          }
          write(rep(d, 5), joinFrames(o));
          return List.of(d);
        }));
    cs.add(band("band-crlf", "legit", "CP2K BAND run with every text file converted to CRLF line ends", d -> {
      Damage.copyTree(Originals.band(), d);
      try (Stream<Path> s = Files.list(d)) {
        for (Path p : s.toList()) {
          if (!p.getFileName().toString().endsWith(".Hessian")) {
            write(p, Damage.crlf(Damage.read(p)));
          }
        }
      }
      return List.of(d);
    }));

    // ------------------------------------------------------------------ VASP NEB
    cs.add(vneb("vneb-missing-image-02", "fail:3,4", "VASP NEB folder 00..08 with 02/ removed: a gap, not a 8-image path", d -> {
      Damage.copyTree(Originals.vaspNeb(), d);
      Damage.deleteTree(d.resolve("02"));
      return List.of(d);
    }));
    cs.add(vneb("vneb-empty-outcar-03", "malformed", "VASP NEB: 03/OUTCAR.gz replaced by a 0-byte OUTCAR", d -> {
      Damage.copyTree(Originals.vaspNeb(), d);
      Files.delete(d.resolve("03/OUTCAR.gz"));
      write(d.resolve("03/OUTCAR"), "");
      return List.of(d);
    }).noline());
    cs.add(vneb("vneb-empty-outcar-gz-03", "malformed", "VASP NEB: 03/OUTCAR.gz is a 0-byte file", d -> {
      Damage.copyTree(Originals.vaspNeb(), d);
      write(d.resolve("03/OUTCAR.gz"), "");
      return List.of(d);
    }).noline());
    cs.add(vneb("vneb-outcar-cut-05", "warn_or_malformed",
        "VASP NEB: 05/OUTCAR (plain) cut at 60 % of its lines, inside an ionic step: its energy is no longer the final one", d -> {
          Damage.copyTree(Originals.vaspNeb(), d);
          List<String> l = vnebPlain(d, "05");
          write(d.resolve("05/OUTCAR"), join(l.subList(0, (int) (l.size() * 0.6))));
          return List.of(d);
        }));
    cs.add(vneb("vneb-outcar-gz-corrupt-04", "malformed", "VASP NEB: 64 bytes flipped in the middle of 04/OUTCAR.gz", d -> {
      Damage.copyTree(Originals.vaspNeb(), d);
      Path p = d.resolve("04/OUTCAR.gz");
      byte[] g = Files.readAllBytes(p);
      write(p, Damage.flip(g, g.length / 2));
      return List.of(d);
    }).noline());
    cs.add(vneb("vneb-outcar-energy-overflow-02", "malformed", "VASP NEB: the last \"energy(sigma->0) =\" of 02/OUTCAR is ****************",
        d -> {
          Damage.copyTree(Originals.vaspNeb(), d);
          List<String> l = vnebPlain(d, "02");
          int i = -1;
          for (int k = 0; k < l.size(); k++) {
            if (l.get(k).contains("energy(sigma->0)")) {
              i = k;
            }
          }
          l.set(i, l.get(i).replaceAll("energy\\(sigma->0\\) =\\s*\\S+", "energy(sigma->0) = " + "*".repeat(16)));
          write(d.resolve("02/OUTCAR"), join(l));
          return List.of(d);
        }));
    cs.add(vneb("vneb-contcar-nan-03", "malformed", "VASP NEB: z of atom 37 (the Li) in 03/CONTCAR is NaN", d -> {
      Damage.copyTree(Originals.vaspNeb(), d);
      Path p = d.resolve("03/CONTCAR");
      List<String> l = Damage.lines(Damage.read(p));
      l.set(8 + 36, Damage.field(l.get(8 + 36), 2, "NaN"));
      write(p, join(l));
      return List.of(d);
    }));
    cs.add(vneb("vneb-image-atom-count-06", "malformed", "VASP NEB: 06/CONTCAR has 35 C instead of 36 (count line and one coordinate line removed)",
        d -> {
          Damage.copyTree(Originals.vaspNeb(), d);
          Path p = d.resolve("06/CONTCAR");
          List<String> l = Damage.lines(Damage.read(p));
          l.set(6, "    35     1\n");
          l.remove(8);
          write(p, join(l));
          return List.of(d);
        }));
    cs.add(vneb("vneb-gap-extra-image-10", "warn_or_malformed", "VASP NEB: an extra folder 10/ (copy of 08/) after 00..08, so 09 is missing",
        d -> {
          Damage.copyTree(Originals.vaspNeb(), d);
          Damage.copyTree(d.resolve("08"), d.resolve("10"));
          return List.of(d);
        }));
    cs.add(vneb("vneb-crlf", "legit", "VASP NEB with every POSCAR/CONTCAR and OUTCAR (decompressed) in CRLF line ends", d -> {
      Damage.copyTree(Originals.vaspNeb(), d);
      List<Path> entries;
      try (Stream<Path> s = Files.list(d)) {
        entries = s.sorted().toList();
      }
      for (Path q : entries) {
        if (Files.isDirectory(q)) {
          List<String> l = vnebPlain(d, q.getFileName().toString());
          write(q.resolve("OUTCAR"), Damage.crlf(join(l)));
          for (String n : List.of("POSCAR", "CONTCAR")) {
            if (Files.exists(q.resolve(n))) {
              write(q.resolve(n), Damage.crlf(Damage.read(q.resolve(n))));
            }
          }
        }
      }
      return List.of(d);
    }));

    // ------------------------------------------------------------------ LLTO (OSZICAR energies)
    cs.add(llto("llto-oszicar-overflow-02", "malformed", "VASP NEB (LLTO, OSZICAR only): last \"F=\" of 02/OSZICAR is ****************", d -> {
      Damage.copyTree(Originals.llto(), d);
      Path p = d.resolve("02/OSZICAR");
      List<String> l = Damage.lines(Damage.read(p));
      int i = -1;
      for (int k = 0; k < l.size(); k++) {
        if (l.get(k).contains(" F= ")) {
          i = k;
        }
      }
      l.set(i, l.get(i).replaceAll("F= \\S+", "F= " + "*".repeat(16)));
      write(p, join(l));
      return List.of(d);
    }));
    cs.add(llto("llto-oszicar-empty-02", "malformed", "VASP NEB (LLTO): 02/OSZICAR is 0 bytes", d -> {
      Damage.copyTree(Originals.llto(), d);
      write(d.resolve("02/OSZICAR"), "");
      return List.of(d);
    }).noline());
    return cs;
  }
}
