package org.interphase.viz.jmol;

import java.io.ByteArrayInputStream;
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

  public JmolRenderer() {
    Map<String, Object> info = new HashMap<>();
    info.put("adapter", new SmarterJmolAdapter());
    info.put("isApp", Boolean.TRUE);
    info.put("noDisplay", Boolean.TRUE);
    info.put("silent", Boolean.TRUE);
    viewer = quietly(() -> new Viewer(info));
  }

  /** The rendered picture as PNG bytes. */
  public byte[] png(Scene scene) {
    return quietly(() -> {
      viewer.setScreenDimension(scene.width(), scene.height());
      String err = viewer.openStringInline(poscar(scene.atoms(), scene.frame()));
      if (err != null) {
        throw new InterphaseException("Jmol could not load the structure: " + err);
      }
      String scriptErr = viewer.scriptWait(script(scene));
      if (scriptErr != null && scriptErr.contains("ERROR")) {
        throw new InterphaseException("Jmol script failed: " + scriptErr);
      }
      String[] msg = new String[1];
      byte[] bytes = viewer.getImageAsBytes("PNG", scene.width(), scene.height(), -1, msg);
      if (bytes == null) {
        throw new InterphaseException("Jmol could not write the picture: " + msg[0]);
      }
      return bytes;
    });
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

  private String script(Scene s) {
    StringBuilder sc = new StringBuilder();
    sc.append("background white; set antialiasDisplay true; set frank off; set showUnitcellInfo false; set zShade false;");
    sc.append("select all; spacefill 22%; wireframe 0.12; color cpk; set autobond true;");
    sc.append("unitcell on; unitcell 0.04; color unitcell [100,100,100];");
    for (String[] p : s.polyhedra()) {
      // bonds up to the default P–S break cutoff (2.9 Å), so the picture shows the units the analysis counts
      sc.append(String.format(Locale.ROOT, "connect 1.6 2.9 (_%s) (_%s) create; select _%s; polyhedra 4 bonds; color polyhedra translucent "
          + "[180,120,230];", p[0], p[1], p[0]));
    }
    sc.append("select none;");
    for (Scene.Highlight h : s.highlights()) {
      if (h.atoms().length == 0) {
        continue;
      }
      StringBuilder sel = new StringBuilder();
      for (int i = 0; i < h.atoms().length; i++) {
        sel.append(i == 0 ? "" : " or ").append("atomno=").append(jmolIndexOf[h.atoms()[i]] + 1);
      }
      String rgb = String.format(Locale.ROOT, "[%d,%d,%d]", h.color().getRed(), h.color().getGreen(), h.color().getBlue());
      sc.append("select ").append(sel).append("; color ").append(rgb).append("; spacefill 30%; halos on; color halos ").append(rgb)
          .append(";");
      if (h.label() != null) {
        sc.append("select atomno=").append(jmolIndexOf[h.atoms()[0]] + 1).append("; font label 16; color labels black; label \"")
            .append(h.label().replace("\"", "'")).append("\";");
      }
    }
    List<double[]> path = s.path();
    for (int i = 0; i < path.size(); i++) {
      double[] p = path.get(i);
      sc.append(String.format(Locale.ROOT, "draw mig%d {%.5f %.5f %.5f} diameter 0.7 color [128,0,160];", i, p[0], p[1], p[2]));
    }
    if (path.size() > 1) {
      sc.append("draw migpath curve");
      for (double[] p : path) {
        sc.append(String.format(Locale.ROOT, " {%.5f %.5f %.5f}", p[0], p[1], p[2]));
      }
      sc.append(" width 0.12 color [128,0,160];");
    }
    sc.append("select none; reset;");
    if (s.slabView()) {
      // Jmol looks down z: turn so that z (the interface normal) points up and a runs across
      sc.append("rotate x -90; rotate y 15; rotate x 8;");
    }
    // fit the unit cell, not just the atoms, so slabs with vacuum show their whole cell: centre on
    // the cell and let the view hold a sphere through its farthest corner
    double[] m = s.frame().cell().rows();
    double cx = 0.5 * (m[0] + m[3] + m[6]);
    double cy = 0.5 * (m[1] + m[4] + m[7]);
    double cz = 0.5 * (m[2] + m[5] + m[8]);
    double radius = 0;
    for (int corner = 0; corner < 8; corner++) {
      double x = -cx;
      double y = -cy;
      double z = -cz;
      for (int v = 0; v < 3; v++) {
        if ((corner >> v & 1) == 1) {
          x += m[3 * v];
          y += m[3 * v + 1];
          z += m[3 * v + 2];
        }
      }
      radius = Math.max(radius, Math.sqrt(x * x + y * y + z * z));
    }
    // Jmol fits the rotation radius to the width; a landscape picture needs less zoom to fit the height
    double zoom = 100.0 * Math.min(1.0, (double) s.height() / s.width());
    sc.append(String.format(Locale.ROOT, "center {%.4f %.4f %.4f}; set rotationRadius %.4f; zoom %.1f;", cx, cy, cz, radius * 0.95, zoom));
    return sc.toString();
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
