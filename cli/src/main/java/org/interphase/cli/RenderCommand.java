package org.interphase.cli;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondEvent;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.Printed;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.ReadOptions;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.jmol.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase render PATH}: a Jmol picture of a frame, with highlights or a migration path. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"A picture (PNG) of one frame of a run, drawn headless with Jmol: unit cell, element colours, PS4 "
        + "tetrahedra, highlighted motifs or events, or an NEB migration path.",
        "--highlight motif:PS3 without --frame shows the first frame in which a PS3 appears."})
final class RenderCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Parameters(paramLabel = "PATH", description = "A trajectory or run directory (or, with --path, nothing: the NEB is drawn).", arity = "0..1")
  Path path;

  @Option(names = "--frame", paramLabel = "N", description = "Frame index (0-based; negative counts from the end; default: the last).")
  Integer frame;

  @Option(names = "--time-ps", paramLabel = "PS", description = "The frame closest to this time.")
  Double timePs;

  @Option(names = "--highlight", paramLabel = "motif:NAME[,NAME…]|event:N|atoms:I,J,…", description = "What to highlight: motifs "
      + "(PS3, P2S7, S8 ring, S chain, S bridge, other, …), a bond event (its index in bonds --json), or atoms (0-based).")
  String highlight;

  @Option(names = "--path", paramLabel = "NEB", description = "Draw the migration path of a NEB run (VASP folder or CP2K BAND) over its first image.")
  Path neb;

  @Option(names = "--width", defaultValue = "1000", paramLabel = "PX", description = "Width in pixels (default ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "800", paramLabel = "PX", description = "Height in pixels (default ${DEFAULT-VALUE}).")
  int height;

  @Option(names = {"--out", "-o", "--output"}, paramLabel = "FILE.png|DIR", defaultValue = "interphase.png", description = "A PNG file, "
      + "or a folder (made when missing) that receives render.png (default ${DEFAULT-VALUE}). Pictures are PNG only.")
  Path output;

  /** The PNG file that {@code --out} names: the file itself, or {@code render.png} in a folder. */
  static Path pngOf(Path out) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return out;
    }
    if (java.nio.file.Files.isDirectory(out) || !lower.matches(".*\\.[a-z0-9]{2,5}")) {
      return out.resolve("render.png");
    }
    throw new IllegalArgumentException("--out " + out + ": render writes PNG pictures only; name a .png file or a folder");
  }

  @Override
  public Integer call() {
    Path png = pngOf(output);
    output = png;
    Scene scene = scene(path, neb, frame, timePs, highlight, width, height, input.toReadOptions());
    try (JmolRenderer r = new JmolRenderer()) {
      r.write(scene, output);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "wrote %s (%d×%d px)%s%n", output, width, height, scene.title() == null ? "" : ": " + scene.title());
    o.flush();
    return 0;
  }

  /** Builds the scene (shared with report). */
  static Scene scene(Path path, Path neb, Integer frame, Double timePs, String highlight, int width, int height, ReadOptions options) {
    if (neb != null) {
      return nebScene(NebCommand.analyse(neb, neb.getFileName().toString(), options, null), width, height);
    }
    if (path == null) {
      throw new IllegalArgumentException("render needs a PATH or --path NEB");
    }
    List<Frame> frames;
    TrajectoryHeader h;
    try (FrameSource src = Inputs.openTrajectory(path, options)) {
      h = src.header();
      frames = FrameSources.readAll(src);
    }
    return scene(h, frames, frame, timePs, highlight, width, height, options);
  }

  /**
   * The migration path of an analysed band over its first image; the title gives the barrier of
   * that analysis, printed as everywhere else.
   */
  static Scene nebScene(NebCommand.Analysed a, int width, int height) {
    NebResult r = a.result();
    AtomTable atoms = a.band().atoms();
    return new Scene(atoms, a.band().images().get(0), width, height,
        List.of(new Scene.Highlight(new int[] {r.migratingAtom()}, new Color(128, 0, 160), r.migratingElement() + " path")),
        polyhedra(atoms), List.of(r.migratingPathA()), true, String.format(Locale.ROOT, "%s migration path, %d images, barrier %s eV",
            r.migratingElement(), r.images(), Printed.energyEv(r.barrierForwardEv())));
  }

  /** The scene of one frame of an already read trajectory; frame, time and highlight as for a path. */
  static Scene scene(TrajectoryHeader h, List<Frame> frames, Integer frame, Double timePs, String highlight, int width, int height,
      ReadOptions options) {
    AtomTable atoms = h.atoms();
    int index = frames.size() - 1;
    List<Scene.Highlight> hl = new ArrayList<>();
    String title = null;
    if (highlight != null && highlight.startsWith("event:")) {
      int k = Integer.parseInt(highlight.substring(6).strip());
      BondResult br = bonds(h, frames, options);
      if (k < 0 || k >= br.events().size()) {
        throw new IllegalArgumentException("no event " + k + ": the run has " + br.events().size() + " bond events");
      }
      BondEvent e = br.events().get(k);
      index = e.frame();
      hl.add(new Scene.Highlight(new int[] {e.center()}, new Color(230, 0, 0), e.pair() + " " + e.kind()));
      hl.add(new Scene.Highlight(new int[] {e.ligand()}, new Color(0, 90, 230), null));
      title = String.format(Locale.ROOT, "event %d: %s %s at frame %d", k, e.pair(), e.kind(), e.frame());
    } else if (highlight != null && highlight.startsWith("motif:") && frame == null && timePs == null) {
      String m = highlight.substring(6).split(",")[0].strip();
      BondResult br = bonds(h, frames, options);
      java.util.OptionalInt first = br.firstFrame(m);
      if (first.isPresent()) {
        index = first.getAsInt();
        title = "first frame with " + m + ": " + index;
      } else {
        title = "no " + m + " in the run; last frame shown";
      }
    }
    if (frame != null) {
      index = frame < 0 ? frames.size() + frame : frame;
    } else if (timePs != null) {
      double best = Double.MAX_VALUE;
      for (int i = 0; i < frames.size(); i++) {
        double d = Math.abs(frames.get(i).timeFs() / 1000 - timePs);
        if (d < best) {
          best = d;
          index = i;
        }
      }
    }
    if (index < 0 || index >= frames.size()) {
      throw new IllegalArgumentException("frame " + index + " is outside the run's " + frames.size() + " frames");
    }
    Frame f = frames.get(index);
    if (highlight != null && highlight.startsWith("motif:")) {
      List<BondAnalysis.Unit> units = BondAnalysis.motifAtoms(atoms, f, BondParameters.defaults());
      for (String m : highlight.substring(6).split(",")) {
        for (BondAnalysis.Unit u : units) {
          if (u.motif().matches(m)) {
            hl.add(new Scene.Highlight(u.atoms(), colourOf(u.motif().label()), u.motif().label()));
          }
        }
      }
    } else if (highlight != null && highlight.startsWith("atoms:")) {
      int[] ids = java.util.Arrays.stream(highlight.substring(6).split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
      for (int id : ids) {
        if (id < 0 || id >= atoms.size()) {
          throw new IllegalArgumentException("atom " + id + " is outside 0–" + (atoms.size() - 1));
        }
      }
      hl.add(new Scene.Highlight(ids, new Color(230, 0, 0), null));
    } else if (highlight != null && !highlight.startsWith("event:")) {
      throw new IllegalArgumentException("--highlight is motif:NAME, event:N or atoms:I,J,…; got " + highlight);
    }
    if (title == null) {
      title = "frame " + index + (Double.isNaN(f.timeFs()) ? "" : String.format(Locale.ROOT, " (%.3f ps)", f.timeFs() / 1000));
    }
    return new Scene(atoms, f, width, height, hl, polyhedra(atoms), List.of(), true, title);
  }

  private static List<String[]> polyhedra(AtomTable atoms) {
    return atoms.indicesOf("P").length > 0 && atoms.indicesOf("S").length > 0 ? List.<String[]>of(new String[] {"P", "S"}) : List.of();
  }

  private static BondResult bonds(TrajectoryHeader h, List<Frame> frames, ReadOptions options) {
    BondAnalysis.Accumulator acc = new BondAnalysis(h.atoms().indicesOf("P").length > 0 ? BondParameters.defaults()
        : BondParameters.of(org.interphase.analysis.bonds.BondRule.defaultSS())).start(h);
    frames.forEach(acc);
    return acc.finish();
  }

  static Color colourOf(String motif) {
    if (motif.endsWith(" chain") || motif.endsWith(" chain on P") || motif.endsWith(" bridge")) {
      return new Color(0, 160, 60);
    }
    return switch (motif) {
      case "PS3" -> new Color(230, 0, 0);
      case "P2S7", "P2S6" -> new Color(255, 120, 0);
      case "S8 ring" -> new Color(200, 170, 0);
      default -> new Color(200, 0, 200);
    };
  }

  static boolean exists(Path p) {
    return p != null && Files.exists(p);
  }
}
