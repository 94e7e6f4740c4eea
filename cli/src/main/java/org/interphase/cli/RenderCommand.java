package org.interphase.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondEvent;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.core.Frame;
import org.interphase.core.FramePicker;
import org.interphase.core.FrameSource;
import org.interphase.core.Runner;
import org.interphase.parsers.ReadOptions;
import org.interphase.viz.jmol.JmolRenderer;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.jmol.View;
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

  @Option(names = "--view", paramLabel = "auto|a|b|c|[uvw]", defaultValue = "auto", description = "Which way to look: down a, b, c or "
      + "a lattice direction such as [110] or [1-10] (pointing toward the viewer); auto (default): side-on to a migration path, "
      + "else with the interface normal of a slab model (its long axis) upright, else an oblique view.")
  String view;

  @Option(names = "--width", defaultValue = "1000", paramLabel = "PX", description = "Width in pixels (default ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "800", paramLabel = "PX", description = "Height in pixels (default ${DEFAULT-VALUE}).")
  int height;

  @Option(names = {"--out", "-o", "--output"}, paramLabel = "FILE.png|DIR", defaultValue = "interphase.png", description = "A PNG file, "
      + "or a folder (made when missing) that receives render.png (default ${DEFAULT-VALUE}). Pictures are PNG only. Beside the picture: "
      + "the scene file (atoms as drawn, highlights, view, cell), scene.json in a folder, NAME.scene.json beside NAME.png.")
  Path output;

  /** The stem of the scene file beside the picture: {@code scene} in a folder, {@code NAME.scene} beside a named {@code NAME.png}. */
  static String sceneStemOf(Path out) {
    Path png = pngOf(out);
    if (!png.equals(out)) {
      return "scene";
    }
    String name = png.getFileName().toString();
    return name.substring(0, name.length() - 4) + ".scene";
  }

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
    String stem = sceneStemOf(output);
    View v = View.parse(view);
    Scene scene = scene(path, neb, frame, timePs, highlight, width, height, input.toReadOptions()).withView(v);
    Path sceneFile;
    try (JmolRenderer r = new JmolRenderer()) {
      sceneFile = Scenes.write(r, scene, png, stem);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "wrote %s (%d×%d px)%s%n", png, width, height, scene.title() == null ? "" : ": " + scene.title());
    o.printf(Locale.ROOT, "scene (atoms as drawn, highlights, view): %s%n", sceneFile);
    o.flush();
    return 0;
  }

  /** Builds the scene: an NEB path, or one frame of a run chosen by index, time, motif or event, read in streaming passes. */
  static Scene scene(Path path, Path neb, Integer frame, Double timePs, String highlight, int width, int height, ReadOptions options) {
    if (neb != null) {
      return Scenes.neb(Bands.analyse(neb, neb.getFileName().toString(), options, null), width, height, View.AUTO);
    }
    if (path == null) {
      throw new IllegalArgumentException("render needs a PATH or --path NEB");
    }
    boolean motif = highlight != null && highlight.startsWith("motif:") && frame == null && timePs == null;
    if (highlight != null && highlight.startsWith("event:")) {
      return eventScene(path, Integer.parseInt(highlight.substring(6).strip()), width, height, options);
    }
    FramePicker picker = frame != null ? FramePicker.atIndex(frame) : timePs != null ? FramePicker.nearestTime(timePs) : FramePicker.last();
    try (FrameSource src = Inputs.openTrajectory(path, options)) {
      Runner run = new Runner(src);
      Runner.Slot<FramePicker.Picked> picked = run.add(picker);
      Runner.Slot<BondResult> bonds = motif ? run.add(new BondAnalysis(BondParameters.defaultsFor(src.header().atoms()))) : null;
      run.run(Progress.of(src));
      FramePicker.Picked p = picked.result();
      if (motif) {
        String m = highlight.substring(6).split(",")[0].strip();
        Optional<Map.Entry<Integer, Frame>> first = bonds.result().firstFrameWith(m);
        if (first.isPresent()) {
          int index = first.get().getKey();
          return Scenes.frame(src.header().atoms(), first.get().getValue(), index, highlight, width, height,
              "first frame with " + m + ": " + index, List.of(), View.AUTO);
        }
        return Scenes.frame(src.header().atoms(), p.frame(), p.index(), highlight, width, height, "no " + m + " in the run; last frame shown",
            List.of(), View.AUTO);
      }
      return Scenes.frame(src.header().atoms(), p.frame(), p.index(), highlight, width, height, null, List.of(), View.AUTO);
    }
  }

  /** Bond event {@code k}: one pass finds the events, a second keeps the frame of event k. */
  private static Scene eventScene(Path path, int k, int width, int height, ReadOptions options) {
    BondResult br = Inputs.analyse(path, options, h -> new BondAnalysis(BondParameters.defaultsFor(h.atoms())).start(h)).result();
    if (k < 0 || k >= br.events().size()) {
      throw new IllegalArgumentException("no event " + k + ": the run has " + br.events().size() + " bond events");
    }
    BondEvent e = br.events().get(k);
    Inputs.Outcome<FramePicker.Picked> p = Inputs.analyse(path, options, FramePicker.atIndex(e.frame()));
    org.interphase.core.AtomTable atoms = p.pass().header().atoms();
    List<Scene.Highlight> hl = List.of(new Scene.Highlight(new int[] {e.center()}, Scenes.CRIMSON, e.pair() + " " + e.kind()),
        new Scene.Highlight(new int[] {e.ligand()}, Scenes.NAVY, atoms.element(e.ligand()) + " partner"));
    return Scenes.frame(atoms, p.result().frame(), e.frame(), null, width, height,
        String.format(Locale.ROOT, "event %d: %s %s at frame %d", k, e.pair(), e.kind(), e.frame()), hl, View.AUTO);
  }
}
