package org.interphase.viz.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.viz.jmol.Camera;
import org.interphase.viz.jmol.Palette;
import org.interphase.viz.jmol.Scene;

/**
 * The data of one interactive 3D view of the report (drawn in the browser by 3Dmol.js): frames of
 * one structure, each exactly as a {@link Scene} draws it (positions with units made whole, the
 * analysis's bonds, highlights in the picture's colours, the cell), named sequences of frames to step
 * through (a trajectory sample, the frames around an event, the images of a band), and what links the
 * page to them (a motif timeline, an energy profile). Written as compact JSON into the page:
 *
 * <pre>{@code
 * {"id": "md-1", "elements": ["Li", …], "colors": {"Li": "#cc80ff", …}, "motifs": ["PS4", …],
 *  "view": {"right": [x, y, z], "up": […], "toward": […]},
 *  "frames": [{"label": "frame 43 (0.129 ps)", "index": 43, "t": 0.129,
 *              "cell": [ax, ay, az, bx, …, cz], "xyz": [x0, y0, z0, x1, …], "bonds": [i0, j0, i1, j1, …],
 *              "hl": [{"label": "PS3", "color": "#d70028", "atoms": [i, …]}],
 *              "units": [[k, i, j, …], …],     // k: index into motifs; atoms of one unit
 *              "path": [[x, y, z], …], "pathColor": "#0032aa"}, …],
 *  "sequences": {"main": {"label": …, "frames": [0], "at": 0}, …}, "start": "main",
 *  "timeline": {…}, "profile": {…}}
 * }</pre>
 *
 * Positions and the cell in Å rounded to 0.001 Å, times in ps; atom indices 0-based in file order.
 */
public final class Viewer3d {
  /** Positions are written to this many decimals (0.001 Å). */
  private static final int DECIMALS = 3;

  private final String id;
  private final AtomTable atoms;
  private final StringBuilder frames = new StringBuilder();
  private final Map<String, Integer> motifIndex = new LinkedHashMap<>();
  private final Map<String, String> sequences = new LinkedHashMap<>();
  private int count;
  private String view;
  private String start;
  private String timeline;
  private String profile;

  /**
   * A unit of a frame, for the atom information shown on a click.
   *
   * @param motif its motif label, e.g. {@code PS4}
   * @param atoms its atoms, 0-based
   */
  public record Unit(String motif, int[] atoms) {
    public Unit {
      atoms = atoms.clone();
    }
  }

  /**
   * One lane of a motif timeline: the number of units of a motif from each listed frame on.
   *
   * @param label the motif
   * @param frames frames (0-based, ascending) where the count changes, the first 0
   * @param counts the count from that frame on
   */
  public record Lane(String label, int[] frames, int[] counts) {
    public Lane {
      frames = frames.clone();
      counts = counts.clone();
      if (frames.length != counts.length) {
        throw new IllegalArgumentException("a lane needs one count per frame, got " + frames.length + " frames, " + counts.length);
      }
    }
  }

  /**
   * An event on a timeline: clicking it shows its sequence.
   *
   * @param frame its frame, 0-based
   * @param timePs its time, ps (NaN when unknown)
   * @param kind {@code break} or {@code form}
   * @param sequence the key of its sequence of frames, or {@code null} when its frames were not kept
   * @param label what it is, e.g. {@code P 48 – S 51 break}
   */
  public record Mark(int frame, double timePs, String kind, String sequence, String label) {}

  /**
   * A motif timeline linked to a sampled trajectory: a click shows the sampled frame nearest it.
   *
   * @param frames frames in the run
   * @param endPs the time of the run's last frame, ps (NaN when unknown)
   * @param lanes the motifs over time
   * @param marks the events
   * @param sequence the key of the sequence of sampled frames, or {@code null} without a sample
   */
  public record Timeline(int frames, double endPs, List<Lane> lanes, List<Mark> marks, String sequence) {
    public Timeline {
      lanes = List.copyOf(lanes);
      marks = List.copyOf(marks);
    }
  }

  /**
   * An energy profile linked to the images of a band: point k shows frame k of the view.
   *
   * @param coordinateA reaction coordinate of each image, Å
   * @param energyEv energy of each image, eV
   * @param splineCoordinateA the fitted curve, Å
   * @param splineEnergyEv the fitted curve, eV
   * @param sequence the key of the sequence of images
   */
  public record Profile(double[] coordinateA, double[] energyEv, double[] splineCoordinateA, double[] splineEnergyEv, String sequence) {
    public Profile {
      coordinateA = coordinateA.clone();
      energyEv = energyEv.clone();
      splineCoordinateA = splineCoordinateA.clone();
      splineEnergyEv = splineEnergyEv.clone();
    }
  }

  /**
   * An empty view.
   *
   * @param id unique on the page: letters, digits and {@code -}
   * @param atoms the atoms of every frame
   */
  public Viewer3d(String id, AtomTable atoms) {
    if (!id.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("a view id is letters, digits and '-', got " + id);
    }
    this.id = id;
    this.atoms = atoms;
  }

  public String id() {
    return id;
  }

  /** Frames added so far. */
  public int frames() {
    return count;
  }

  /**
   * Adds a frame as its scene draws it; the first frame's scene sets the initial orientation.
   *
   * @param scene the drawn frame (its atoms must be this view's)
   * @param label what the frame is, shown under the view
   * @param index the frame's index in its run (an image number for a band)
   * @param timePs its time, ps (NaN when unknown)
   * @param units the units of the frame, for the atom information
   * @return the frame's number in this view
   */
  public int frame(Scene scene, String label, int index, double timePs, List<Unit> units) {
    if (scene.atoms().size() != atoms.size()) {
      throw new IllegalArgumentException("a frame of " + scene.atoms().size() + " atoms in a view of " + atoms.size());
    }
    Frame f = scene.frame();
    if (view == null) {
      Camera cam = Camera.of(scene.view(), f.cell(), scene.path());
      view = "{\"right\":" + numbers(cam.right(), 4) + ",\"up\":" + numbers(cam.up(), 4) + ",\"toward\":" + numbers(cam.toViewer(), 4) + "}";
    }
    StringBuilder b = frames.append(count == 0 ? "" : ",").append("{\"label\":").append(string(label)).append(",\"index\":").append(index)
        .append(",\"t\":").append(Double.isNaN(timePs) ? "null" : number(timePs, 4));
    if (f.cell() != null) {
      double[][] m = f.cell().toMatrix();
      b.append(",\"cell\":").append(numbers(new double[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]},
          DECIMALS));
    }
    b.append(",\"xyz\":").append(numbers(f.positions(), DECIMALS)).append(",\"bonds\":[");
    List<int[]> pairs = scene.bonds() == null ? List.of() : scene.bonds().pairs();
    for (int k = 0; k < pairs.size(); k++) {
      b.append(k == 0 ? "" : ",").append(pairs.get(k)[0]).append(',').append(pairs.get(k)[1]);
    }
    Map<String, Color> colours = scene.colours();
    b.append("],\"hl\":[");
    for (int k = 0; k < scene.highlights().size(); k++) {
      Scene.Highlight h = scene.highlights().get(k);
      b.append(k == 0 ? "" : ",").append("{\"label\":").append(string(h.legendLabel())).append(",\"color\":")
          .append(string(hex(colours.get(h.legendLabel())))).append(",\"atoms\":").append(ints(h.atoms())).append('}');
    }
    b.append("],\"units\":[");
    for (int k = 0; k < units.size(); k++) {
      Unit u = units.get(k);
      int m = motifIndex.computeIfAbsent(u.motif(), x -> motifIndex.size());
      b.append(k == 0 ? "[" : ",[").append(m);
      for (int a : u.atoms()) {
        b.append(',').append(a);
      }
      b.append(']');
    }
    b.append(']');
    if (!scene.path().isEmpty()) {
      b.append(",\"path\":[");
      for (int k = 0; k < scene.path().size(); k++) {
        b.append(k == 0 ? "" : ",").append(numbers(scene.path().get(k), DECIMALS));
      }
      b.append("],\"pathColor\":").append(string(hex(colours.get(scene.pathLabel()))));
    }
    b.append('}');
    return count++;
  }

  /**
   * Names a sequence of frames to step through; the first named is shown first unless {@link #start} says otherwise.
   *
   * @param key unique in this view
   * @param label what it is, shown in the view's menu
   * @param frames frame numbers of this view, in order
   * @param at the position in {@code frames} shown first
   */
  public void sequence(String key, String label, List<Integer> frames, int at) {
    for (int f : frames) {
      if (f < 0 || f >= count) {
        throw new IllegalArgumentException("sequence " + key + ": frame " + f + " is outside 0–" + (count - 1));
      }
    }
    if (frames.isEmpty() || at < 0 || at >= frames.size()) {
      throw new IllegalArgumentException("sequence " + key + " needs frames and a start among them");
    }
    sequences.put(key, "{\"label\":" + string(label) + ",\"frames\":" + ints(frames.stream().mapToInt(Integer::intValue).toArray())
        + ",\"at\":" + at + "}");
    if (start == null) {
      start = key;
    }
  }

  /** The sequence shown first. */
  public void start(String key) {
    if (!sequences.containsKey(key)) {
      throw new IllegalArgumentException("no sequence " + key);
    }
    start = key;
  }

  /** Links a motif timeline to the view. */
  public void timeline(Timeline t) {
    StringBuilder b = new StringBuilder("{\"frames\":").append(t.frames()).append(",\"end\":")
        .append(Double.isNaN(t.endPs()) ? "null" : number(t.endPs(), 4)).append(",\"sequence\":").append(string(t.sequence()))
        .append(",\"lanes\":[");
    for (int k = 0; k < t.lanes().size(); k++) {
      Lane l = t.lanes().get(k);
      b.append(k == 0 ? "" : ",").append("{\"label\":").append(string(l.label())).append(",\"frames\":").append(ints(l.frames()))
          .append(",\"counts\":").append(ints(l.counts())).append('}');
    }
    b.append("],\"marks\":[");
    for (int k = 0; k < t.marks().size(); k++) {
      Mark m = t.marks().get(k);
      b.append(k == 0 ? "" : ",").append("{\"frame\":").append(m.frame()).append(",\"t\":")
          .append(Double.isNaN(m.timePs()) ? "null" : number(m.timePs(), 4)).append(",\"kind\":").append(string(m.kind()))
          .append(",\"sequence\":").append(m.sequence() == null ? "null" : string(m.sequence())).append(",\"label\":")
          .append(string(m.label())).append('}');
    }
    timeline = b.append("]}").toString();
  }

  /** Links an energy profile to the view. */
  public void profile(Profile p) {
    profile = "{\"x\":" + numbers(p.coordinateA(), 4) + ",\"e\":" + numbers(p.energyEv(), 4) + ",\"sx\":" + numbers(p.splineCoordinateA(), 4)
        + ",\"se\":" + numbers(p.splineEnergyEv(), 4) + ",\"sequence\":" + string(p.sequence()) + "}";
  }

  /**
   * The view's data as JSON, safe inside a {@code <script>} element (no {@code </}).
   *
   * @throws IllegalStateException without frames
   */
  public String json() {
    if (count == 0 || start == null) {
      throw new IllegalStateException("view " + id + " has no frames or no sequence");
    }
    StringBuilder b = new StringBuilder("{\"id\":").append(string(id)).append(",\"elements\":[");
    Map<String, String> colours = new LinkedHashMap<>();
    for (int i = 0; i < atoms.size(); i++) {
      b.append(i == 0 ? "" : ",").append(string(atoms.element(i)));
      colours.computeIfAbsent(atoms.element(i), e -> hex(Palette.element(e)));
    }
    b.append("],\"colors\":{");
    List<String> entries = new ArrayList<>();
    colours.forEach((e, c) -> entries.add(string(e) + ":" + string(c)));
    b.append(String.join(",", entries)).append("},\"motifs\":[");
    b.append(String.join(",", motifIndex.keySet().stream().map(Viewer3d::string).toList())).append("],\"view\":").append(view);
    b.append(",\"frames\":[").append(frames).append("],\"sequences\":{");
    List<String> seq = new ArrayList<>();
    sequences.forEach((k, v) -> seq.add(string(k) + ":" + v));
    b.append(String.join(",", seq)).append("},\"start\":").append(string(start));
    if (timeline != null) {
      b.append(",\"timeline\":").append(timeline);
    }
    if (profile != null) {
      b.append(",\"profile\":").append(profile);
    }
    return b.append('}').toString().replace("</", "<\\/");
  }

  /** {@code #rrggbb}. */
  static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  static String ints(int[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int k = 0; k < v.length; k++) {
      b.append(k == 0 ? "" : ",").append(v[k]);
    }
    return b.append(']').toString();
  }

  static String numbers(double[] v, int decimals) {
    StringBuilder b = new StringBuilder("[");
    for (int k = 0; k < v.length; k++) {
      b.append(k == 0 ? "" : ",").append(number(v[k], decimals));
    }
    return b.append(']').toString();
  }

  /** A number rounded to {@code decimals} places, without trailing zeros ({@code 1.5}, {@code -0.012}, {@code 3}); NaN as null. */
  static String number(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    long scale = (long) Math.pow(10, decimals);
    long m = Math.round(v * scale);
    StringBuilder b = new StringBuilder(24);
    if (m < 0) {
      b.append('-');
    }
    long a = Math.abs(m);
    b.append(a / scale);
    long frac = a % scale;
    if (frac != 0) {
      // the decimals digits with their leading zeros, without the trailing ones (a view holds a great many numbers)
      char[] digits = new char[decimals];
      for (int i = decimals - 1; i >= 0; i--, frac /= 10) {
        digits[i] = (char) ('0' + frac % 10);
      }
      int end = decimals;
      while (digits[end - 1] == '0') {
        end--;
      }
      b.append('.').append(digits, 0, end);
    }
    return b.toString();
  }

  /** A JSON string. */
  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
