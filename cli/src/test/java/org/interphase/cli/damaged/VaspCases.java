package org.interphase.cli.damaged;

import static org.interphase.cli.damaged.Damage.join;
import static org.interphase.cli.damaged.Damage.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** OUTCAR (dpdata water MD: 6 atoms, 10 steps), vasprun.xml (the same run) and POSCAR variants. */
final class VaspCases {
  private VaspCases() {}

  private static Case oc(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "outcar", "oc", kind, desc, m);
  }

  private static Case vr(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "vasprun", "vr", kind, desc, m);
  }

  private static Case pos(String name, String kind, String desc, Case.Maker m) {
    return new Case(name, "poscar", "pos", kind, desc, m);
  }

  /** Lines of the OUTCAR, with the index of the POSITION header of ionic step {@code step} and of its TOTEN line. */
  private record Step(List<String> lines, int k, int t) {}

  private static Step ocStep(int step) {
    List<String> l = Originals.lines("oc");
    int seen = -1;
    int k = -1;
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).startsWith(" POSITION ") && ++seen == step) {
        k = i;
        break;
      }
    }
    int t = k;
    while (!l.get(t).contains("free  energy   TOTEN")) {
      t++;
    }
    return new Step(l, k, t);
  }

  private static List<Path> outcar(Path d, List<String> l) {
    return List.of(write(d.resolve("OUTCAR"), join(l)));
  }

  /** Lines of vasprun.xml with the indices of calculation {@code n}: start, end, positions varray and (last) e_fr_energy. */
  private record Calc(List<String> lines, int c, int end, int pos, int en) {}

  private static Calc vrCalc(int n) {
    List<String> l = Originals.lines("vr");
    int seen = -1;
    int c = -1;
    for (int i = 0; i < l.size(); i++) {
      if (Damage.strip(l.get(i)).equals("<calculation>") && ++seen == n) {
        c = i;
        break;
      }
    }
    int end = c;
    while (!Damage.strip(l.get(end)).equals("</calculation>")) {
      end++;
    }
    int pos = c;
    while (!l.get(pos).contains("name=\"positions\"")) {
      pos++;
    }
    int en = -1;
    for (int i = c; i < end; i++) {
      if (l.get(i).contains("name=\"e_fr_energy\"")) {
        en = i;
      }
    }
    return new Calc(l, c, end, pos, en);
  }

  private static List<Path> vasprun(Path d, String text) {
    return List.of(write(d.resolve("vasprun.xml"), text));
  }

  static List<Case> all() {
    List<Case> cs = new ArrayList<>();
    // ------------------------------------------------------------------ OUTCAR
    cs.add(oc("outcar-force-overflow", "malformed", "OUTCAR: TOTAL-FORCE x of atom 2 in ionic step 5 is **************", d -> {
      Step s = ocStep(4);
      int i = s.k + 3;
      s.lines.set(i, Damage.field(s.lines.get(i), 3, "*".repeat(14)));
      return outcar(d, s.lines);
    }));
    cs.add(oc("outcar-force-overflow-glued", "malformed",
        "OUTCAR: force x of atom 3 in step 5 overflowed to 17 stars glued to the position z before it", d -> {
          Step s = ocStep(4);
          int i = s.k + 4;
          String l = s.lines.get(i);
          s.lines.set(i, l.substring(0, 39) + "*".repeat(17) + l.substring(56));
          return outcar(d, s.lines);
        }));
    cs.add(oc("outcar-position-overflow", "malformed", "OUTCAR: POSITION y of atom 1 in ionic step 5 is *************", d -> {
      Step s = ocStep(4);
      int i = s.k + 2;
      s.lines.set(i, Damage.field(s.lines.get(i), 1, "*".repeat(13)));
      return outcar(d, s.lines);
    }));
    cs.add(oc("outcar-toten-nan", "malformed", "OUTCAR: \"free  energy   TOTEN  =  NaN eV\" in ionic step 5", d -> {
      Step s = ocStep(4);
      s.lines.set(s.t, "  free  energy   TOTEN  =            NaN eV\n");
      return outcar(d, s.lines);
    }));
    cs.add(oc("outcar-toten-overflow", "malformed", "OUTCAR: TOTEN of ionic step 5 is ****************", d -> {
      Step s = ocStep(4);
      s.lines.set(s.t, "  free  energy   TOTEN  = " + "*".repeat(16) + " eV\n");
      return outcar(d, s.lines);
    }));
    cs.add(oc("outcar-force-neg-infinity", "malformed", "OUTCAR: force z of atom 4 in ionic step 6 is -Infinity", d -> {
      Step s = ocStep(5);
      int i = s.k + 5;
      s.lines.set(i, Damage.field(s.lines.get(i), 5, "-Infinity"));
      return outcar(d, s.lines);
    }));
    cs.add(oc("outcar-missing-atom-line", "malformed", "OUTCAR: POSITION/TOTAL-FORCE block of step 5 has 5 atom lines instead of 6", d -> {
      Step s = ocStep(4);
      s.lines.remove(s.k + 4);
      return outcar(d, s.lines);
    }));
    cs.add(oc("outcar-cut-mid-number-middle", "malformed", "OUTCAR: atom line 2 of step 5 cut mid-number (2 of 6 columns), file continues",
        d -> {
          Step s = ocStep(4);
          int i = s.k + 3;
          s.lines.set(i, s.lines.get(i).substring(0, 20) + "\n");
          return outcar(d, s.lines);
        }));
    cs.add(oc("outcar-crlf", "legit", "OUTCAR with CRLF line ends",
        d -> List.of(write(d.resolve("OUTCAR"), Damage.crlf(Originals.text("oc"))))));
    cs.add(oc("outcar-empty", "malformed", "empty (0-byte) OUTCAR", d -> List.of(write(d.resolve("OUTCAR"), ""))).noline());

    // ------------------------------------------------------------------ vasprun.xml
    cs.add(vr("vasprun-billion-laughs", "malformed",
        "vasprun.xml with the classic billion-laughs internal entities (10 levels x10) used in <i name=\"program\">", d -> {
          List<String> l = Originals.lines("vr");
          StringBuilder dtd = new StringBuilder("<!DOCTYPE modeling [\n <!ENTITY lol \"lol\">\n");
          String prev = "lol";
          for (int k = 1; k < 10; k++) {
            dtd.append(" <!ENTITY lol").append(k).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">\n");
            prev = "lol" + k;
          }
          dtd.append("]>\n");
          String body = join(l.subList(1, l.size()))
              .replaceFirst("<generator>", "<generator>\n  <i name=\"comment\" type=\"string\">&lol9;</i>");
          return vasprun(d, l.get(0) + dtd + body);
        }));
    cs.add(vr("vasprun-entity-2gb-nesting", "malformed",
        "vasprun.xml whose internal entities expand to ~2 GB of attribute-less nested <a><b/></a> elements inside <calculation> "
            + "(file < 2 KB)", d -> {
              List<String> l = Originals.lines("vr");
              StringBuilder dtd = new StringBuilder("<!DOCTYPE modeling [\n <!ENTITY e0 \"<a><b/></a>\">\n");
              for (int k = 1; k < 9; k++) {
                dtd.append(" <!ENTITY e").append(k).append(" \"<a>").append(("&e" + (k - 1) + ";").repeat(10)).append("</a>\">\n");
              }
              dtd.append(" <!ENTITY e9 \"").append("&e8;".repeat(2)).append("\">\n");
              dtd.append("]>\n");
              int c = vrCalc(0).c;
              String body = join(l.subList(1, c + 1)) + "&e9;\n" + join(l.subList(c + 1, l.size()));
              return vasprun(d, l.get(0) + dtd + body);
            }));
    cs.add(vr("vasprun-gz-deep-nesting-2gb", "malformed",
        "vasprun.xml.gz (2 MB) that inflates to 2 GB: the real header, then 715 million nested <a> elements inside the first "
            + "<calculation> (info only: heavy)", d -> {
              Calc k = vrCalc(0);
              String prefix = join(k.lines.subList(0, k.c + 1));
              return List.of(XdatcarCases.gzipRepeated(d.resolve("vasprun.xml.gz"), prefix, "<a>".repeat(16 * 1024 * 1024 / 3), 128));
            }).only("info").heavy());
    cs.add(vr("vasprun-deep-nesting-1m", "malformed",
        "vasprun.xml (3 MB, uncompressed): one million nested <v> elements inside the positions <varray> of calculation 1", d -> {
          Calc k = vrCalc(0);
          return vasprun(d, join(k.lines.subList(0, k.pos + 1)) + "<v>".repeat(1000000) + "\n"
              + join(k.lines.subList(k.pos + 1, k.lines.size())));
        }));
    cs.add(vr("vasprun-external-dtd", "legit_or_malformed",
        "vasprun.xml with <!DOCTYPE modeling SYSTEM \"http://10.255.255.1/vasp.dtd\"> (unreachable host): no network fetch, no hang",
        d -> {
          List<String> l = Originals.lines("vr");
          return vasprun(d, l.get(0) + "<!DOCTYPE modeling SYSTEM \"http://10.255.255.1/vasp.dtd\">\n" + join(l.subList(1, l.size())));
        }));
    cs.add(vr("vasprun-cut-middle", "truncated",
        "vasprun.xml cut in the middle of calculation 6 (mid-tag, middle of the file): the 5 complete calculations + a warning; "
            + "--strict exits 3", d -> cut(d, 5)).expect(5).strict().only("info"));
    cs.add(vr("vasprun-cut-late", "truncated",
        "vasprun.xml cut inside the positions of calculation 9: 8 complete calculations + a warning (info and msd)", d -> cut(d, 8))
        .expect(8));
    cs.add(vr("vasprun-nan-energy", "malformed", "vasprun.xml: e_fr_energy of calculation 5 is NaN", d -> {
      Calc k = vrCalc(4);
      k.lines.set(k.en, k.lines.get(k.en).replaceAll(">[^<]*<", ">        NaN <"));
      return vasprun(d, join(k.lines));
    }));
    cs.add(vr("vasprun-overflow-position", "malformed", "vasprun.xml: first position of calculation 5 is <v> ********** 0.5 0.5 </v>", d -> {
      Calc k = vrCalc(4);
      k.lines.set(k.pos + 1, "    <v>  **********   0.50000000   0.50000000 </v>\n");
      return vasprun(d, join(k.lines));
    }));
    cs.add(vr("vasprun-missing-position", "malformed", "vasprun.xml: positions <varray> of calculation 5 has 5 <v> rows for 6 atoms", d -> {
      Calc k = vrCalc(4);
      k.lines.remove(k.pos + 2);
      return vasprun(d, join(k.lines));
    }));
    cs.add(vr("vasprun-mismatched-tag", "malformed", "vasprun.xml: </calculation> of calculation 5 written as </calculatoin>", d -> {
      Calc k = vrCalc(4);
      k.lines.set(k.end, k.lines.get(k.end).replace("</calculation>", "</calculatoin>"));
      return vasprun(d, join(k.lines));
    }));
    cs.add(vr("vasprun-crlf", "legit", "vasprun.xml with CRLF line ends", d -> vasprun(d, Damage.crlf(Originals.text("vr")))));
    cs.add(vr("vasprun-comments-pi", "legit",
        "vasprun.xml with XML comments and a processing instruction inside <calculation> and <varray> (well-formed)", d -> {
          Calc k = vrCalc(4);
          k.lines.add(k.pos + 1, "    <!-- edited by hand -->\n");
          k.lines.add(k.c + 1, "  <?checked yes?><!-- step 5 -->\n");
          return vasprun(d, join(k.lines));
        }));
    cs.add(vr("vasprun-empty", "malformed", "empty (0-byte) vasprun.xml", d -> vasprun(d, "")).noline());

    // ------------------------------------------------------------------ POSCAR / CONTCAR
    cs.add(pos("poscar-negative-scale", "legit",
        "CONTCAR.MD (LGPS) with the scale line replaced by the negative cell volume (VASP: scale < 0 means volume)", d -> {
          List<String> l = Damage.lines(Damage.readDecompressed(Originals.contcarMd()));
          double s = Double.parseDouble(Damage.split(l.get(1)).get(0));
          double[][] a = new double[3][3];
          for (int r = 0; r < 3; r++) {
            List<String> f = Damage.split(l.get(2 + r));
            for (int c = 0; c < 3; c++) {
              a[r][c] = Double.parseDouble(f.get(c)) * s;
            }
          }
          double vol = Math.abs(a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
              + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]));
          for (int r = 0; r < 3; r++) { // lattice lines written unscaled, the scale line then carries -volume
            l.set(2 + r, String.format(Locale.ROOT, "  %.12f  %.12f  %.12f", a[r][0], a[r][1], a[r][2]) + "\n");
          }
          l.set(1, String.format(Locale.ROOT, "  -%.10f", vol) + "\n");
          return List.of(write(d.resolve("CONTCAR"), join(l)));
        }).tol(1e-6));
    cs.add(pos("poscar-crlf", "legit", "CONTCAR.MD (with velocities and predictor-corrector block) with CRLF line ends",
        d -> List.of(write(d.resolve("CONTCAR"), Damage.crlf(Damage.read(Originals.contcarMd()))))));
    return cs;
  }

  /** vasprun.xml cut 9 characters into the second position row of calculation {@code n} (0-based). */
  private static List<Path> cut(Path d, int n) {
    Calc k = vrCalc(n);
    return vasprun(d, join(k.lines.subList(0, k.pos + 3)) + k.lines.get(k.pos + 3).substring(0, 9));
  }
}
