package org.interphase.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondEvent;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.EventWindow;
import org.interphase.analysis.bonds.Motif;
import org.interphase.analysis.neb.NebResult;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.FrameSampler;
import org.interphase.core.Printed;
import org.interphase.viz.jmol.Scene;
import org.interphase.viz.report.Viewer3d;

/**
 * The report's 3D views ({@link Viewer3d}): what each shows, from frames the run's one pass kept — an
 * even sample of the run ({@link FrameSampler}) and the frames around its first bond events ({@link
 * EventWindow}) — and from the images of a band. Each frame is drawn as the report's pictures are
 * ({@link Scenes}): units whole, the analysis's bonds, the same highlights and colours.
 *
 * <p>Size: a frame costs about 30 bytes of page per atom, so a run's views hold at most {@value
 * #ATOM_FRAMES_PER_RUN} atom positions over all their frames (about 2.7 MB): a third for the sample
 * (at most {@value #MAX_SAMPLES} frames), the rest for events ({@value #SAMPLES_EACH_SIDE} frames
 * each side every {@value #STRIDE_FRAMES} frames, at most {@value #MAX_EVENTS} events).
 */
final class Viewers {
  private Viewers() {}

  static final int ATOM_FRAMES_PER_RUN = 90_000;
  static final int MAX_SAMPLES = 40;
  static final int MAX_EVENTS = 30;
  static final int SAMPLES_EACH_SIDE = 5;
  static final int STRIDE_FRAMES = 2;
  /** The events listed in the page's table (all are in events.csv). */
  static final int EVENTS_LISTED = 50;
  /** The motifs drawn on a timeline (the most common first after the highlighted ones). */
  private static final int MAX_LANES = 14;

  /** The sample of a run of {@code atoms} atoms: its most frames; 0 (no sample) when not even two frames fit. */
  static int samples(int atoms) {
    int n = Math.min(MAX_SAMPLES, ATOM_FRAMES_PER_RUN / 3 / Math.max(1, atoms));
    return n < 2 ? 0 : n;
  }

  /** Whether a run of {@code atoms} atoms gets a view at all: its picture's frame must fit. */
  static boolean fits(int atoms) {
    return atoms <= ATOM_FRAMES_PER_RUN;
  }

  /** The frames kept around events in a run of {@code atoms} atoms. */
  static EventWindow window(int atoms) {
    int perEvent = (2 * SAMPLES_EACH_SIDE + 1) * Math.max(1, atoms);
    return new EventWindow(SAMPLES_EACH_SIDE, STRIDE_FRAMES, Math.min(MAX_EVENTS, 2 * ATOM_FRAMES_PER_RUN / 3 / perEvent));
  }

  /** The units of a drawn frame, for the atom information of a click. */
  private static List<Viewer3d.Unit> units(Scenes.Drawn d) {
    return d.units().stream().map(u -> new Viewer3d.Unit(u.motif().label(), u.atoms())).toList();
  }

  private static String when(int index, double timeFs) {
    return "frame " + index + (Double.isNaN(timeFs) ? "" : String.format(Locale.ROOT, " (%.3f ps)", timeFs / 1000));
  }

  /** A sequence key of an event: {@code event-K}, K its place in the result's events. */
  static String eventKey(int k) {
    return "event-" + k;
  }

  /**
   * The view of an MD run: the frame of the picture, the run's sample (linked to a motif timeline),
   * and per event whose frames were kept, those frames with the event's two atoms highlighted.
   *
   * @param picture the picture's scene (its frame drawn) and which frame it is
   * @param target the highlighted motifs, as the picture names them ({@code PS3,S chain})
   */
  static Viewer3d md(String id, AtomTable atoms, Scene picture, Scenes.Drawn pictureDrawn, int pictureIndex, String caption,
      List<FrameSampler.Sampled> sample, BondResult br, String target) {
    Viewer3d v = new Viewer3d(id, atoms);
    int main = v.frame(picture, caption, pictureIndex, pictureDrawn.frame().timeFs() / 1000, units(pictureDrawn));
    v.sequence("main", "the picture above: " + when(pictureIndex, pictureDrawn.frame().timeFs()), List.of(main), 0);
    List<Integer> sampled = new ArrayList<>();
    for (FrameSampler.Sampled s : sample) {
      Scenes.Drawn d = Scenes.drawn(atoms, s.frame());
      Scene scene = Scenes.frame(atoms, d, s.index(), "motif:" + target, 900, 700, null, List.of(), null);
      sampled.add(v.frame(scene, when(s.index(), s.frame().timeFs()) + ", " + target + " highlighted", s.index(),
          s.frame().timeFs() / 1000, units(d)));
    }
    if (!sampled.isEmpty()) {
      v.sequence("timeline", "the run, " + sampled.size() + " frames sampled evenly", sampled, 0);
    }
    List<Viewer3d.Mark> marks = new ArrayList<>();
    List<BondEvent> events = br.events();
    for (int k = 0; k < events.size(); k++) {
      BondEvent e = events.get(k);
      SortedMap<Integer, Frame> around = br.framesAround(e);
      String key = around.isEmpty() ? null : eventKey(k);
      if (key != null) {
        event(v, atoms, e, k, around);
      }
      if (marks.size() < 500) {
        marks.add(new Viewer3d.Mark(e.frame(), e.timePs(), e.kind().label(), key, eventLabel(atoms, e)));
      }
    }
    v.timeline(new Viewer3d.Timeline(br.frames(), br.timePs(br.frames() - 1), lanes(br, target), marks,
        sampled.isEmpty() ? null : "timeline"));
    v.start("main");
    return v;
  }

  /** The frames a run's view holds, for the parameters of the page. */
  static String describe(Viewer3d v, BondResult br) {
    long events = br.events().stream().filter(e -> !br.framesAround(e).isEmpty()).count();
    String around = events == 0 ? "no bond event to show frames around" : "every " + STRIDE_FRAMES + " frames from " + SAMPLES_EACH_SIDE
        * STRIDE_FRAMES + " before to " + SAMPLES_EACH_SIDE * STRIDE_FRAMES + " after each of the first " + events + " event"
        + (events == 1 ? "" : "s") + " (at most " + MAX_EVENTS + ")";
    return v.frames() + " frames: the picture's, an even sample of the run (at most " + MAX_SAMPLES + "), and " + around
        + "; positions to 0.001 Å, units whole as in the picture";
  }

  /** What an event is: {@code P 48 – S 51 break}. */
  static String eventLabel(AtomTable atoms, BondEvent e) {
    return atoms.element(e.center()) + " " + e.center() + " – " + atoms.element(e.ligand()) + " " + e.ligand() + " " + e.kind().label();
  }

  /** The frames around one event, drawn next to the event's frame, its two atoms highlighted, each labelled with their distance. */
  private static void event(Viewer3d v, AtomTable atoms, BondEvent e, int k, SortedMap<Integer, Frame> around) {
    Frame ref = around.get(e.frame());
    Scenes.Drawn refDrawn = Scenes.drawn(atoms, ref, bondsOf(atoms, around.values()));
    String label = eventLabel(atoms, e);
    List<Scene.Highlight> hl = List.of(new Scene.Highlight(new int[] {e.center(), e.ligand()}, Scenes.CRIMSON, label));
    List<Integer> frames = new ArrayList<>();
    int at = 0;
    double[] d = new double[3];
    for (Map.Entry<Integer, Frame> x : around.entrySet()) {
      Frame f = x.getValue();
      Scenes.Drawn dr = x.getKey() == e.frame() ? refDrawn : Scenes.drawnLike(atoms, f, ref, refDrawn);
      double r = f.cell().minimumImage(f.position(e.ligand(), 0) - f.position(e.center(), 0), f.position(e.ligand(), 1)
          - f.position(e.center(), 1), f.position(e.ligand(), 2) - f.position(e.center(), 2), d);
      Scene scene = Scenes.frame(atoms, dr, x.getKey(), null, 900, 700, null, hl, null);
      String text = when(x.getKey(), f.timeFs()) + ": " + atoms.element(e.center()) + " " + e.center() + "–" + atoms.element(e.ligand())
          + " " + e.ligand() + String.format(Locale.ROOT, " %.2f Å", r) + (x.getKey() == e.frame() ? " (the event's frame)" : "");
      if (x.getKey() == e.frame()) {
        at = frames.size();
      }
      frames.add(v.frame(scene, text, x.getKey(), f.timeFs() / 1000, units(dr)));
    }
    v.sequence(eventKey(k), "event " + (k + 1) + ": " + label + ", frame " + e.frame(), frames, at);
  }

  /**
   * The bonds of every frame of a window: joined in the frame the others are drawn next to, so that a
   * unit is whole in each frame however its bonds change through the window.
   */
  private static List<int[]> bondsOf(AtomTable atoms, java.util.Collection<Frame> frames) {
    List<int[]> all = new ArrayList<>();
    for (Frame f : frames) {
      if (f.cell() != null) {
        all.addAll(BondAnalysis.frameBonds(atoms, f, BondParameters.defaults()).bonds());
      }
    }
    return all;
  }

  /** The motif lanes of a timeline: the highlighted motifs first, then the others by their largest count. */
  private static List<Viewer3d.Lane> lanes(BondResult br, String target) {
    List<Motif> order = new ArrayList<>();
    for (Motif m : br.motifs()) {
      for (String t : target.split(",")) {
        if (m.matches(t.strip()) && !order.contains(m)) {
          order.add(m);
        }
      }
    }
    List<Motif> rest = new ArrayList<>(br.motifs());
    rest.removeAll(order);
    java.util.Map<Motif, Integer> max = new java.util.HashMap<>();
    rest.forEach(m -> max.put(m, java.util.Arrays.stream(br.counts(m)).max().orElse(0)));
    rest.sort((a, b) -> Integer.compare(max.get(b), max.get(a)));
    order.addAll(rest);
    List<Viewer3d.Lane> lanes = new ArrayList<>();
    for (Motif m : order.subList(0, Math.min(MAX_LANES, order.size()))) {
      List<Integer> frames = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      int[] series = br.counts(m);
      for (int f = 0; f < series.length; f++) {
        int c = series[f];
        if (f == 0 || c != counts.get(counts.size() - 1)) {
          frames.add(f);
          counts.add(c);
        }
      }
      lanes.add(new Viewer3d.Lane(m.label(), frames.stream().mapToInt(Integer::intValue).toArray(),
          counts.stream().mapToInt(Integer::intValue).toArray()));
    }
    return lanes;
  }

  /** The view of a band: every image, drawn next to image 0, the migrating atom highlighted, linked to the energy profile. */
  static Viewer3d neb(String id, Bands.Analysed a) {
    NebResult r = a.result();
    AtomTable atoms = a.band().atoms();
    List<Frame> images = a.band().images();
    Scenes.Drawn first = Scenes.drawn(atoms, images.get(0), bondsOf(atoms, images));
    Viewer3d v = new Viewer3d(id, atoms);
    List<Integer> frames = new ArrayList<>();
    for (int k = 0; k < images.size(); k++) {
      Scenes.Drawn d = k == 0 ? first : Scenes.drawnLike(atoms, images.get(k), images.get(0), first);
      Scene scene = Scenes.nebImage(a, first, d, 800, 650, null);
      String label = String.format(Locale.ROOT, "image %d: E = %s eV at %.2f Å along the path; %s %d highlighted", k,
          Printed.signedEnergyEv(r.energyEv()[k]), r.reactionCoordinateA()[k], r.migratingElement(), r.migratingAtom());
      frames.add(v.frame(scene, label, k, Double.NaN, units(d)));
    }
    v.sequence("images", "the " + images.size() + " images of the band", frames, 0);
    v.profile(new Viewer3d.Profile(r.reactionCoordinateA(), r.energyEv(), r.splineCoordinateA(), r.splineEnergyEv(), "images"));
    return v;
  }
}
