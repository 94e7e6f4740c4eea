package org.interphase.viz.jmol;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.interphase.core.AtomTable;
import org.interphase.core.Frame;
import org.interphase.core.InterphaseException;
import org.jmol.adapter.smarter.SmarterJmolAdapter;
import org.jmol.viewer.Viewer;

/**
 * Renders {@link Scene}s to PNG with a headless Jmol viewer. One renderer keeps one viewer (creating
 * it costs about a second); it is not thread-safe. While Jmol works, {@code System.out} is
 * redirected so that machine-readable output on stdout stays clean.
 */
public final class JmolRenderer implements AutoCloseable {
  private static final Object STDOUT_LOCK = new Object();
  private final Viewer viewer;
  private int[] jmolIndexOf;
  private JmolScript.Fit lastFit;
  private int lastArea;

  public JmolRenderer() {
    Map<String, Object> info = new HashMap<>();
    info.put("adapter", new SmarterJmolAdapter());
    info.put("isApp", Boolean.TRUE);
    info.put("noDisplay", Boolean.TRUE);
    info.put("silent", Boolean.TRUE);
    viewer = quietly(() -> new Viewer(info));
  }

  /**
   * The rendered picture as PNG bytes: Jmol's image of the structure at the left, the legend panel
   * at the right, the highlight labels drawn over the structure.
   *
   * @throws InterphaseException when Jmol cannot load the structure, run its script or write the image
   */
  public byte[] png(Scene scene) {
    Map<String, java.awt.Color> colours = scene.colours();
    List<Legend.Entry> entries = Legend.entries(scene, colours);
    int panel = Legend.width(scene, entries);
    int area = scene.width() - panel;
    lastArea = area;
    Camera cam = Camera.of(scene.view(), scene.frame().cell(), scene.path());
    BufferedImage structure = quietly(() -> {
      viewer.setScreenDimension(area, scene.height());
      String err = viewer.openStringInline(poscar(scene.atoms(), scene.frame()));
      if (err != null) {
        throw new InterphaseException("Jmol could not load the structure: " + err);
      }
      lastFit = JmolScript.fit(scene, cam, area, scene.height());
      String script = JmolScript.of(scene, jmolIndexOf, cam, lastFit, colours, area, scene.height());
      String scriptErr = viewer.scriptWait(script);
      if (scriptErr != null && scriptErr.contains("ERROR")) {
        throw new InterphaseException("Jmol script failed: " + scriptErr);
      }
      String[] msg = new String[1];
      byte[] bytes = viewer.getImageAsBytes("PNG", area, scene.height(), -1, msg);
      if (bytes == null) {
        throw new InterphaseException("Jmol could not write the picture: " + msg[0]);
      }
      return decode(bytes);
    });
    BufferedImage out = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, scene.width(), scene.height());
      g.drawImage(structure, 0, 0, null);
      int n = scene.atoms().size();
      int[] xs = new int[n];
      int[] ys = new int[n];
      for (int i = 0; i < n; i++) {
        int[] p = screenPosition(i);
        xs[i] = p[0];
        ys[i] = p[1];
      }
      Labels.draw(g, groups(scene), colours, area, scene.height(), pixelsPerA() * JmolScript.ATOM_REACH_A, xs, ys);
      Legend.draw(g, scene, entries, area, panel, cam, scene.frame().cell());
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The labelled highlight groups with the pixel positions of their atoms in the last rendered scene. */
  private List<Labels.Group> groups(Scene scene) {
    List<Labels.Group> out = new ArrayList<>();
    for (Scene.Highlight h : scene.highlights()) {
      if (h.label() == null) {
        continue;
      }
      int[] atoms = h.atoms();
      int[] xs = new int[atoms.length];
      int[] ys = new int[atoms.length];
      for (int i = 0; i < atoms.length; i++) {
        int[] p = screenPosition(atoms[i]);
        xs[i] = p[0];
        ys[i] = p[1];
      }
      out.add(new Labels.Group(h.label(), xs, ys));
    }
    return out;
  }

  /** The width in pixels of the structure area of the last rendered scene (the legend is at its right). */
  int areaWidth() {
    return lastArea;
  }

  /** The scale of the last rendered scene, pixels per Å of the final picture. */
  double pixelsPerA() {
    return lastFit == null ? Double.NaN : lastFit.pixelsPerA();
  }

  /** Renders and writes a PNG file. */
  public void write(Scene scene, Path png) {
    try {
      Path dir = png.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.write(png, png(scene));
    } catch (IOException e) {
      throw new UncheckedIOException(png + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where atom {@code index} (0-based, file order) of the last rendered scene lands in the picture,
   * in pixels {x, y} from the top left.
   */
  public int[] screenPosition(int index) {
    return quietly(() -> {
      javajs.util.P3i p = viewer.tm.transformPt(viewer.ms.at[jmolIndexOf[index]]);
      // antialiasing makes Jmol draw at twice the size and scale down: its transform is in that space
      return new int[] {Math.round(p.x / 2f), Math.round(p.y / 2f)};
    });
  }

  /** Where a point (Cartesian Å) lands in the last rendered picture, in pixels {x, y} from the top left. */
  public int[] screenPosition(double[] xyz) {
    return quietly(() -> {
      javajs.util.P3i p = viewer.tm.transformPt(javajs.util.P3.new3((float) xyz[0], (float) xyz[1], (float) xyz[2]));
      return new int[] {Math.round(p.x / 2f), Math.round(p.y / 2f)};
    });
  }

  /** Checks that a PNG decodes. */
  public static java.awt.image.BufferedImage decode(byte[] png) {
    try {
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The frame as a VASP 5 POSCAR in Cartesian coordinates with the lattice vectors, atoms grouped by
   * element (Jmol needs blocks); {@link #jmolIndexOf} maps file order to Jmol's order.
   */
  private String poscar(AtomTable atoms, Frame f) {
    Map<String, List<Integer>> blocks = new LinkedHashMap<>();
    for (int i = 0; i < atoms.size(); i++) {
      blocks.computeIfAbsent(atoms.element(i), k -> new ArrayList<>()).add(i);
    }
    jmolIndexOf = new int[atoms.size()];
    StringBuilder sb = new StringBuilder("interphase\n1.0\n");
    double[] m = f.cell().rows();
    for (int v = 0; v < 3; v++) {
      sb.append(String.format(Locale.ROOT, "%.10f %.10f %.10f%n", m[3 * v], m[3 * v + 1], m[3 * v + 2]));
    }
    sb.append(String.join(" ", blocks.keySet())).append('\n');
    blocks.values().forEach(l -> sb.append(l.size()).append(' '));
    sb.append("\nCartesian\n");
    int k = 0;
    for (List<Integer> l : blocks.values()) {
      for (int i : l) {
        jmolIndexOf[i] = k++;
        sb.append(String.format(Locale.ROOT, "%.8f %.8f %.8f%n", f.position(i, 0), f.position(i, 1), f.position(i, 2)));
      }
    }
    return sb.toString();
  }

  private interface Work<T> {
    T run();
  }

  private static <T> T quietly(Work<T> w) {
    synchronized (STDOUT_LOCK) {
      PrintStream saved = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try {
        return w.run();
      } finally {
        System.setOut(saved);
      }
    }
  }

  @Override
  public void close() {
    quietly(() -> {
      viewer.dispose();
      return null;
    });
  }
}
