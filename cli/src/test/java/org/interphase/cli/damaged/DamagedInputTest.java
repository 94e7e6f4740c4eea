package org.interphase.cli.damaged;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The damaged and hostile inputs of {@code shared/data/damaged/make_and_run.sh} (cases and verdict
 * rules in {@code shared/data/damaged/README.md}), kept in the test suite.
 *
 * <p>Every variant is made here, in Java, from the undamaged shared originals (read in place under
 * {@code ../shared/data}, never copied into the project) into {@code cli/target/damaged/cases/NAME/},
 * with the same damage as the script's Python makes. The CLI then runs in this JVM with each command
 * of the case's family, and each case gets the script's verdict: {@code OK}, {@code HANG},
 * {@code STACKTRACE}, {@code SILENT-WRONG}, {@code REFUSED-LEGIT-FILE}, {@code BAD-EXIT} or
 * {@code BAD-MESSAGE}, by the same rules ({@link Verdicts}). A case passes only when its verdict is
 * {@code OK}. The undamaged copy of each family runs once ({@code controls}) and its JSON is the
 * reference for the "same numbers" comparisons (relative tolerance 1e-7).
 *
 * <p>Each command has the script's time limit (120 s, 60 s for the FIFO and /dev/zero cases) and is
 * interrupted past it (verdict {@code HANG}). The heavy cases (the 2 GB gzip of nested XML, the
 * 100-million and int-overflow atom counts) run like the others: the readers must refuse them early,
 * and the test JVM's heap is bounded ({@code argLine} in {@code cli/pom.xml}), so a reader that tries
 * to take GBs fails the case instead of swapping. Cases that passed have their folder removed again;
 * failing ones keep it for a look ({@code -Ddamaged.keep=true} keeps all). One line per case, as
 * the script prints it, goes to stdout and to {@code cli/target/damaged/verdicts.txt}.
 *
 * <p>Run all of it, or only the cases whose name matches a regular expression (as the script's
 * second argument):
 *
 * <pre>
 * mvn -q -o -B -Dcheckstyle.skip test -pl cli -am -Dtest=DamagedInputTest -Dsurefire.failIfNoSpecifiedTests=false
 * mvn -q -o -B -Dcheckstyle.skip test -pl cli -am -Dtest=DamagedInputTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddamaged.case='^xdat-(crlf|tabs)$'
 * </pre>
 *
 * <p>Without {@code ../shared} the whole factory is skipped with a message naming the folder; with
 * {@code -Dinterphase.requireSharedData=true} (CI) it fails instead. The FIFO cases need
 * {@code mkfifo} and are skipped, with a message, where it is missing.
 */
class DamagedInputTest {
  private static final Path ROOT = Path.of("target", "damaged").toAbsolutePath();
  private static final Pattern FILTER = Pattern.compile(System.getProperty("damaged.case", ""));
  private static final boolean KEEP = Boolean.getBoolean("damaged.keep");

  /** Every case, in the script's order within each group. */
  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    all.addAll(XdatcarCases.all());
    all.addAll(VaspCases.all());
    all.addAll(Cp2kCases.all());
    all.addAll(NebCases.all());
    all.addAll(OtherCases.all());
    return all;
  }

  @TestFactory
  Stream<DynamicNode> damagedInputs() throws IOException {
    try {
      Originals.data("damaged/README.md"); // skips (or fails on CI) without ../shared, naming the folder
    } catch (TestAbortedException e) {
      System.out.println("DamagedInputTest skipped: " + e.getMessage()); // surefire shows no reason for a skipped factory
      throw e;
    }
    List<Case> sel = cases().stream().filter(c -> FILTER.matcher(c.name).find()).toList();
    if (sel.isEmpty()) {
      System.out.println("DamagedInputTest skipped: no case matches -Ddamaged.case=" + FILTER);
      Assumptions.abort("no case matches -Ddamaged.case=" + FILTER);
    }
    unlock(ROOT);
    Damage.deleteTree(ROOT);
    Files.createDirectories(ROOT.resolve("cases"));
    Files.writeString(ROOT.resolve("verdicts.txt"), "");
    Controls controls = new Controls(ROOT.resolve("control"));

    Set<String> needed = new LinkedHashSet<>();
    for (Case c : sel) {
      for (Controls.Cmd cmd : commands(c, List.of(Path.of("P"), Path.of("P"), Path.of("P")), Path.of("O"))) {
        needed.add(c.fam + " " + cmd.label());
      }
    }
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(DynamicContainer.dynamicContainer("controls", needed.stream().sorted().map(k -> {
      String[] fl = k.split(" ");
      return DynamicTest.dynamicTest("control " + fl[0] + "-" + fl[1], () -> {
        Controls.Control r = controls.control(fl[0], fl[1]);
        report(r.detail());
        if (!r.good()) {
          fail(r.detail() + " (the undamaged copy failed: variants of this family are not compared)");
        }
      });
    })));
    Map<String, List<Case>> groups = new LinkedHashMap<>();
    for (Case c : sel) {
      groups.computeIfAbsent(c.group, g -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<String, List<Case>> g : groups.entrySet()) {
      nodes.add(DynamicContainer.dynamicContainer(g.getKey(), g.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
        int limit = (commands(c, List.of(Path.of("P"), Path.of("P"), Path.of("P")), Path.of("O")).size() + (c.strict ? 1 : 0) + 1)
            * c.timeoutS + 120;
        Verdicts.Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(limit), () -> runCase(c, controls),
            c.name + ": the case did not finish within " + limit + " s");
        if (!v.ok()) {
          fail(c.name + " " + v.verdict() + " " + v.note());
        }
      }))));
    }
    return nodes.stream();
  }

  /** The commands a case runs: its family's, with {@code bonds} where marked, limited to {@code only}. */
  private static List<Controls.Cmd> commands(Case c, List<Path> p, Path o) {
    return Controls.famCmds(c.fam, p, o, c.extra).stream().filter(x -> c.only == null || c.only.contains(x.label())).toList();
  }

  /** Makes the variant, runs its commands and returns the worst verdict (the script's main loop for one case). */
  private static Verdicts.Verdict runCase(Case c, Controls controls) throws IOException {
    Path d = ROOT.resolve("cases").resolve(c.name);
    long t0 = System.nanoTime();
    List<Path> p = c.maker.make(d);
    double makeSecs = (System.nanoTime() - t0) / 1e9;
    Path o = c.out == Case.Out.UNICODE ? d.resolve("with spaces").resolve("r\u00e9sultats \u00fcn\u00ef \u65e5\u672c").resolve("out")
        : d.resolve("out");
    Verdicts.Verdict worst = null;
    List<String> notes = new ArrayList<>();
    try {
      for (Controls.Cmd cmd : commands(c, p, o)) {
        List<String> argv = new ArrayList<>(cmd.argv());
        Path outUsed = argv.contains("--out") ? o : null;
        if (c.out == Case.Out.READONLY) {
          outUsed = readOnlyFolder(d.resolve("readonly"));
        } else if (c.out == Case.Out.EXISTING_FILE) {
          outUsed = d.resolve("existing.txt");
        } else if (c.out == Case.Out.DISK_FULL) {
          outUsed = d.resolve("full");
        }
        if (c.out == Case.Out.READONLY || c.out == Case.Out.EXISTING_FILE || c.out == Case.Out.DISK_FULL) {
          String used = outUsed.toString();
          argv.replaceAll(x -> x.equals(o.toString()) ? used : x);
        }
        argv = new ArrayList<>(c.argv.apply(argv));
        Fifo.Writer feed = switch (c.feed) {
          case ONCE -> Fifo.Writer.once(p.get(0), controls.paths("xd").get(0));
          case ENDLESS -> Fifo.Writer.endless(p.get(0));
          default -> null;
        };
        InProcessCli.Result res;
        try {
          res = InProcessCli.run(argv, c.timeoutS, c.heavy);
        } finally {
          if (feed != null) {
            feed.close();
          }
        }
        Controls.Control ctl = controls.control(c.fam, cmd.label());
        Verdicts.Run r = new Verdicts.Run(res, cmd.extract(), ctl.baseWarn());
        String kind = c.kinds.getOrDefault(cmd.label(), c.kind);
        boolean special = c.out == Case.Out.READONLY || c.out == Case.Out.EXISTING_FILE || c.out == Case.Out.DISK_FULL;
        Verdicts.Verdict v = Verdicts.judge(kind, r, ctl.base(), c.tol, special ? null : outUsed,
            cmd.label().equals("info") ? c.expect : null, c.noline, c.rc0);
        if (c.msg != null && v.ok() && r.rc() != 0 && !c.msg.matcher(String.join(" ", r.errLines)).find()) {
          v = new Verdicts.Verdict("BAD-MESSAGE", "the message does not say what is wrong (wanted /" + c.msg + "/)");
        }
        if (c.out == Case.Out.EXISTING_FILE && v.ok()
            && !Files.readString(outUsed, StandardCharsets.ISO_8859_1).equals("keep me\n")) {
          v = new Verdicts.Verdict("SILENT-WRONG", "the existing file was overwritten");
        }
        if (c.out == Case.Out.DISK_FULL && v.ok() && r.rc() == 0) {
          Path full = outUsed;
          List<String> links = Verdicts.outdirFiles(full).stream().filter(n -> Files.isSymbolicLink(full.resolve(n))).toList();
          if (!links.isEmpty()) {
            v = new Verdicts.Verdict("SILENT-WRONG", "rc 0 although " + String.join(",", links)
                + " could not be written (still links to /dev/full)");
          }
        }
        worst = worst == null ? v : Verdicts.worse(worst, v);
        notes.add(note(cmd.label(), r, v, d, c.heavy));
        if (c.strict && cmd.label().equals("info")) {
          Verdicts.Run r2 = new Verdicts.Run(InProcessCli.run(List.of("info", "--json", "--strict", p.get(0).toString()), c.timeoutS), "info", 0);
          Verdicts.Verdict v2 = Verdicts.judge("malformed", r2, null, c.tol, null, null, false, null);
          worst = Verdicts.worse(worst, v2);
          notes.add(note("info --strict", r2, v2, d, c.heavy));
        }
      }
    } finally {
      if (c.out == Case.Out.READONLY) {
        unlock(d);
      }
    }
    Verdicts.Verdict result = worst == null ? new Verdicts.Verdict("OK", "") : worst;
    double secs = (System.nanoTime() - t0) / 1e9;
    report(String.format(Locale.ROOT, "%s %s %s (made in %.1f s, %.1f s in all)", c.name, result.verdict(), String.join(" | ", notes),
        makeSecs, secs));
    if (result.ok() && !KEEP) {
      Damage.deleteTree(d);
    }
    return new Verdicts.Verdict(result.verdict(), String.join(" | ", notes));
  }

  /** One command's part of the case line: label, exit code, verdict, reason, time (and peak heap of heavy ones), first message line. */
  private static String note(String label, Verdicts.Run r, Verdicts.Verdict v, Path d, boolean heavy) {
    String first = v.ok() ? (r.errLines.isEmpty() ? "" : r.errLines.get(0)) : r.firstLine();
    first = first.replace(d + "/", "").replace(ROOT.toString(), "$TARGET");
    String peak = heavy ? String.format(Locale.ROOT, " peak heap %.0f MB", r.r.peakHeapMb()) : "";
    return String.format(Locale.ROOT, "%s rc=%d %s (%s) %.1fs%s%s", label, r.rc(), v.verdict(), v.note(), r.r.secs(), peak,
        first.isEmpty() ? "" : " \"" + Verdicts.cut(first, 150) + "\"");
  }

  private static synchronized void report(String line) {
    System.out.println(line);
    try {
      Files.writeString(ROOT.resolve("verdicts.txt"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------ read-only folders

  /** Whether this JVM runs as root (the owner of a file it makes), where {@code chmod} alone does not keep it out. */
  private static boolean isRoot() {
    try {
      Path probe = Files.createTempFile("interphase-damaged-uid", ".probe");
      try {
        return (Integer) Files.getAttribute(probe, "unix:uid") == 0;
      } finally {
        Files.delete(probe);
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static void chattr(String flag, Path p, boolean recursive) {
    try {
      List<String> cmd = new ArrayList<>(List.of("chattr"));
      if (recursive) {
        cmd.add("-R");
      }
      cmd.addAll(List.of(flag, p.toString()));
      Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      pr.getInputStream().readAllBytes();
      pr.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no chattr here: chmod alone, as the script does
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * An existing folder nobody may write into: {@code chmod 555}, plus {@code chattr +i} when running
   * as root (root ignores the mode). Where neither holds, {@code /proc/self/fdinfo}, as in the script.
   */
  private static Path readOnlyFolder(Path ro) throws IOException {
    Files.createDirectories(ro);
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (isRoot()) {
      chattr("+i", ro, false);
    }
    try {
      Files.delete(Files.createFile(ro.resolve(".probe")));
      return Path.of("/proc/self/fdinfo");
    } catch (IOException e) {
      return ro;
    }
  }

  /** Undoes {@code chattr +i} and {@code chmod 555} left under {@code p} (also by an earlier, interrupted run). */
  private static void unlock(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    if (isRoot()) {
      chattr("-i", p, true);
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.filter(x -> Files.isDirectory(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        try {
          Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
          // left as it is
        }
      }
    }
  }
}
