package org.interphase.cli.damaged;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Undamaged copies of every family's original under {@code target/damaged/control/}, the commands
 * each family runs (the script's {@code fam_cmds}), and the cached result of each command on the
 * undamaged copy: the numbers every variant is compared with.
 */
final class Controls {
  /** One command of a family: its label, arguments and which numbers to extract from its JSON. */
  record Cmd(String label, List<String> argv, String extract) {}

  /** The result of a command on the undamaged copy. */
  record Control(boolean good, Object base, int baseWarn, String detail) {}

  private final Path root;
  private final Map<String, List<Path>> paths = new ConcurrentHashMap<>();
  private final Map<String, Control> results = new ConcurrentHashMap<>();

  Controls(Path root) {
    this.root = root;
  }

  /** The commands of family {@code fam} on {@code p} with {@code --out o}; {@code extra} may hold "bonds". */
  static List<Cmd> famCmds(String fam, List<Path> p, Path o, Set<String> extra) {
    String out = o.toString();
    String one = p.get(0).toString();
    List<Cmd> c = new ArrayList<>();
    switch (fam) {
      case "xd" -> {
        c.add(new Cmd("info", List.of("info", "--json", one), "info"));
        c.add(new Cmd("msd", List.of("msd", "--species", "Li", "--timestep-fs", "100", "--json", "--out", out, one), "msd"));
        if (extra.contains("bonds")) {
          c.add(new Cmd("bonds", List.of("bonds", "--json", "--timestep-fs", "100", one), "bonds"));
        }
      }
      case "oc", "vr", "npt" -> {
        c.add(new Cmd("info", List.of("info", "--json", one), "info"));
        c.add(new Cmd("msd", List.of("msd", "--species", "H", "--json", "--out", out, one), "msd"));
      }
      case "pos" -> c.add(new Cmd("info", List.of("info", "--json", one), "info"));
      case "cp" -> {
        c.add(new Cmd("info", List.of("info", "--json", one), "info"));
        c.add(new Cmd("msd", List.of("msd", "--species", "Li", "--json", "--out", out, one), "msd"));
        if (extra.contains("bonds")) {
          c.add(new Cmd("bonds", List.of("bonds", "--json", one), "bonds"));
        }
      }
      case "band", "vneb", "llto" -> {
        c.add(new Cmd("info", List.of("info", "--json", one), "info"));
        c.add(new Cmd("neb", List.of("neb", "--json", "--out", out, one), "neb"));
      }
      case "if", "ifmd" -> {
        List<String> a = new ArrayList<>(List.of("interface", "--json", "--out", out, "--interface", p.get(0).toString(), "--part-a",
            p.get(1).toString(), "--part-b", p.get(2).toString(), "--interfaces", "1"));
        if (fam.equals("ifmd")) {
          a.addAll(List.of("--equilibration-ps", "0.2"));
        }
        c.add(new Cmd("interface", a, "iface"));
      }
      default -> throw new IllegalArgumentException(fam);
    }
    return c;
  }

  /** The undamaged copy of a family (made on first use). */
  List<Path> paths(String fam) {
    return paths.computeIfAbsent(fam, this::make);
  }

  private List<Path> make(String fam) {
    Path c = root;
    return switch (fam) {
      case "xd" -> List.of(Damage.write(c.resolve("xd/XDATCAR"), Originals.text("xd")));
      case "oc" -> List.of(Damage.write(c.resolve("outcar/OUTCAR"), Damage.read(Originals.outcarMd())));
      case "vr" -> List.of(Damage.write(c.resolve("vasprun/vasprun.xml"), Damage.read(Originals.vasprunMd())));
      case "pos" -> List.of(Damage.write(c.resolve("poscar/CONTCAR"), Damage.read(Originals.contcarMd())));
      case "cp" -> List.of(Damage.copyFiles(Originals.aimd(), Originals.CP_FILES, c.resolve("cp2k")));
      case "npt" -> List.of(Damage.copyFiles(Originals.npt(), Originals.NPT_FILES, c.resolve("npt")));
      case "band" -> List.of(Damage.copyTree(Originals.band(), c.resolve("band/neb_li_hop")));
      case "vneb" -> List.of(Damage.copyTree(Originals.vaspNeb(), c.resolve("vneb/NEB")));
      case "llto" -> List.of(Damage.copyTree(Originals.llto(), c.resolve("llto/LLTO")));
      case "if" -> OtherCases.ifCopy(c.resolve("iface"));
      case "ifmd" -> OtherCases.ifmdCopy(c.resolve("ifmd"));
      default -> throw new IllegalArgumentException(fam);
    };
  }

  /** The result of command {@code label} of family {@code fam} on the undamaged copy (run once, then cached). */
  Control control(String fam, String label) {
    return results.computeIfAbsent(fam + "-" + label, k -> run(fam, label));
  }

  private Control run(String fam, String label) {
    Path o = root.resolve("out-" + fam + "-" + label);
    Cmd cmd = famCmds(fam, paths(fam), o, Set.of("bonds")).stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
    Verdicts.Run r = new Verdicts.Run(InProcessCli.run(cmd.argv(), 120), cmd.extract(), 0);
    boolean good = r.rc() == 0 && r.json != null && !r.trace && !r.hung();
    String detail = String.format(java.util.Locale.ROOT, "CONTROL %s-%s %s rc=%d %.1fs%s", fam, label, good ? "OK" : "FAILED", r.rc(),
        r.r.secs(), good ? "" : " " + Verdicts.cut(r.r.err().strip(), 400));
    return new Control(good, good ? Verdicts.extract(cmd.extract(), r.json) : null, r.nwarn(), detail);
  }
}
