package org.interphase.parsers.xyz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Extended XYZ as ASE and OVITO write it: the comment line holds {@code key=value} pairs, among
 * them {@code Lattice="ax ay az bx by bz cx cy cz"} (Å), {@code Properties=species:S:1:pos:R:3…}
 * (with optional {@code forces:R:3}, {@code velocities:R:3}), {@code energy=} (eV) and {@code
 * Time=} (fs). Reading streams; {@link #write} writes one frame.
 */
public final class ExtendedXyz extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "extxyz";

  private final LineReader r;
  private final TrajectoryHeader header;
  private Frame first;
  private long index;

  private ExtendedXyz(Path path, ReadOptions options) {
    super(options.strict());
    r = LineReader.open(path);
    try {
      String[][] labels = new String[1][];
      first = readFrame(labels);
      if (first == null) {
        throw new MalformedInputException(path.toString(), 1, "an extended XYZ frame", null);
      }
      header = new TrajectoryHeader(path.toString(), FORMAT, "extended XYZ", AtomTable.of(labels[0]), first.cell(),
          Double.NaN, false, List.of());
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  public static ExtendedXyz open(Path path, ReadOptions options) {
    return new ExtendedXyz(path, options);
  }

  @Override
  public TrajectoryHeader header() {
    return header;
  }

  @Override
  protected Frame readNext() {
    if (first != null) {
      Frame f = first;
      first = null;
      return f;
    }
    return readFrame(new String[1][]);
  }

  private Frame readFrame(String[][] labelsOut) {
    do {
      if (!r.next()) {
        return null;
      }
    } while (r.isBlank());
    int n = r.nextInt("the atom count");
    if (!r.next()) {
      throw new org.interphase.core.TruncatedInputException(r.source(), r.lineNumber() + 1, "the comment line");
    }
    Map<String, String> kv = parseComment(r.line());
    Cell cell = null;
    if (kv.containsKey("lattice")) {
      String[] t = kv.get("lattice").strip().split("\\s+");
      if (t.length != 9) {
        throw new MalformedInputException(r.source(), r.lineNumber(), "Lattice=\"9 numbers\"", kv.get("lattice"));
      }
      double[] m = new double[9];
      for (int i = 0; i < 9; i++) {
        m[i] = Double.parseDouble(t[i]);
      }
      cell = Cell.ofRows(m);
    }
    String props = kv.getOrDefault("properties", "species:S:1:pos:R:3");
    String[] p = props.split(":");
    List<String> names = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    for (int i = 0; i + 2 < p.length; i += 3) {
      names.add(p[i].toLowerCase(Locale.ROOT));
      widths.add(Integer.parseInt(p[i + 2]));
    }
    double[] pos = new double[3 * n];
    double[] frc = names.contains("forces") ? new double[3 * n] : null;
    double[] vel = names.contains("velocities") || names.contains("vel") ? new double[3 * n] : null;
    String[] labels = new String[n];
    for (int a = 0; a < n; a++) {
      if (!r.next()) {
        throw new org.interphase.core.TruncatedInputException(r.source(), r.lineNumber() + 1, "atom " + (a + 1) + " of " + n);
      }
      for (int c = 0; c < names.size(); c++) {
        String name = names.get(c);
        int w = widths.get(c);
        double[] target = switch (name) {
          case "pos" -> pos;
          case "forces" -> frc;
          case "velocities", "vel" -> vel;
          default -> null;
        };
        if (name.equals("species")) {
          labels[a] = AtomTable.elementOf(r.nextToken("the species of atom " + (a + 1)));
        } else if (target != null && w == 3) {
          for (int k = 0; k < 3; k++) {
            target[3 * a + k] = r.nextDouble(name + " of atom " + (a + 1));
          }
        } else {
          for (int k = 0; k < w; k++) {
            r.nextToken(name + " of atom " + (a + 1));
          }
        }
      }
    }
    labelsOut[0] = labels;
    double energy = kv.containsKey("energy") ? Double.parseDouble(kv.get("energy")) : Double.NaN;
    double time = kv.containsKey("time") ? Double.parseDouble(kv.get("time")) : Double.NaN;
    long step = kv.containsKey("step") ? Long.parseLong(kv.get("step")) : index;
    index++;
    return new Frame(step, time, cell, pos, frc, vel, Double.isNaN(energy) ? Energies.NONE : Energies.potential(energy));
  }

  /** Splits {@code key=value key="quoted value"} pairs; keys are lower-cased. */
  static Map<String, String> parseComment(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int len = line.length();
    while (i < len) {
      while (i < len && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int ks = i;
      while (i < len && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      String key = line.substring(ks, i).toLowerCase(Locale.ROOT);
      if (i >= len || line.charAt(i) != '=') {
        continue;
      }
      i++;
      String val;
      if (i < len && line.charAt(i) == '"') {
        int e = line.indexOf('"', i + 1);
        e = e < 0 ? len : e;
        val = line.substring(i + 1, e);
        i = e + 1;
      } else {
        int vs = i;
        while (i < len && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        val = line.substring(vs, i);
      }
      if (!key.isEmpty()) {
        out.put(key, val);
      }
    }
    return out;
  }

  /** Writes one frame as extended XYZ (ASE and OVITO read it). */
  public static void write(Writer w, AtomTable atoms, Frame f) {
    try {
      StringBuilder sb = new StringBuilder();
      sb.append(f.atomCount()).append('\n');
      if (f.cell() != null) {
        sb.append("Lattice=\"");
        double[] m = f.cell().rows();
        for (int i = 0; i < 9; i++) {
          sb.append(i > 0 ? " " : "").append(fmt(m[i]));
        }
        sb.append("\" pbc=\"T T T\" ");
      }
      sb.append("Properties=species:S:1:pos:R:3").append(f.hasForces() ? ":forces:R:3" : "");
      if (!Double.isNaN(f.energies().potentialEv())) {
        sb.append(" energy=").append(fmt(f.energies().potentialEv()));
      }
      if (!Double.isNaN(f.timeFs())) {
        sb.append(" Time=").append(fmt(f.timeFs()));
      }
      sb.append(" step=").append(f.step()).append('\n');
      double[] fr = f.forces();
      for (int a = 0; a < f.atomCount(); a++) {
        sb.append(String.format(Locale.ROOT, "%-3s", atoms.element(a)));
        for (int k = 0; k < 3; k++) {
          sb.append(' ').append(fmt(f.position(a, k)));
        }
        if (fr != null) {
          for (int k = 0; k < 3; k++) {
            sb.append(' ').append(fmt(fr[3 * a + k]));
          }
        }
        sb.append('\n');
      }
      w.write(sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.10f", v);
  }

  @Override
  protected boolean endedWithoutNewline() {
    return r.endedWithoutNewline();
  }

  @Override
  public void close() {
    r.close();
  }
}
