package org.interphase.parsers.h5md;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.Arrays;
import java.util.Locale;
import org.interphase.core.Cell;

/**
 * The simulation box of an H5MD particles group ({@code box}): its {@code boundary} attribute
 * ({@code periodic} or {@code none} per axis) and {@code edges}, fixed ({@code edges} of shape [3] =
 * the diagonal, or [3][3] = the lattice vectors as rows) or time-dependent ({@code edges/value} of
 * shape [F][3] or [F][3][3]), converted to Å by the {@code unit} attribute. A time-dependent box is
 * read frame by frame through {@link FrameRows}.
 */
final class H5mdBox {
  /** the fixed cell, null for a time-dependent box or none */
  private final Cell fixed;
  /** the edges/value rows of a time-dependent box, else null */
  private final FrameRows perFrame;
  private final double toAngstrom;
  private final boolean[] periodic;

  private H5mdBox(Cell fixed, FrameRows perFrame, double toAngstrom, boolean[] periodic) {
    this.fixed = fixed;
    this.perFrame = perFrame;
    this.toAngstrom = toAngstrom;
    this.periodic = periodic;
  }

  /**
   * Reads the box of {@code group} ({@code /particles/<name>}) for a run of {@code frames} frames.
   *
   * @throws org.interphase.core.MalformedInputException naming the file and dataset when {@code
   *     edges} has another shape, or {@code boundary} is not 3 words
   */
  static H5mdBox of(String file, Group root, String group, int frames) {
    Node box = HdfValues.nodeOrNull(root, group + "/box");
    if (box == null) {
      throw HdfValues.error(file, group + "/box", "the H5MD box group", null);
    }
    boolean[] periodic = {true, true, true};
    String[] boundary = HdfValues.attributeTexts(box, "boundary");
    if (boundary != null) {
      if (boundary.length != 3) {
        throw HdfValues.error(file, group + "/box boundary", "3 words periodic/none", Arrays.toString(boundary));
      }
      for (int k = 0; k < 3; k++) {
        periodic[k] = boundary[k].toLowerCase(Locale.ROOT).equals("periodic");
      }
    }
    Node edges = HdfValues.nodeOrNull(root, group + "/box/edges");
    if (edges == null) {
      return new H5mdBox(null, null, 1, periodic);
    }
    if (edges instanceof Dataset d) {
      int[] dims = d.getDimensions();
      if (!(Arrays.equals(dims, new int[] {3}) || Arrays.equals(dims, new int[] {3, 3}))) {
        throw HdfValues.error(file, d.getPath(), "fixed edges of shape [3] or [3][3]", "shape " + HdfValues.shape(d));
      }
      double f = H5mdUnits.toAngstrom(file, d);
      return new H5mdBox(cell(HdfValues.numbers(file, d), f), null, f, periodic);
    }
    Dataset v = HdfValues.dataset(file, root, group + "/box/edges/value");
    int[] dims = v.getDimensions();
    boolean ok = dims.length >= 2 && dims[0] == frames && dims[1] == 3 && (dims.length == 2 || (dims.length == 3 && dims[2] == 3));
    if (!ok) {
      throw HdfValues.error(file, v.getPath(), "edges of shape [" + frames + "][3] or [" + frames + "][3][3]",
          "shape " + HdfValues.shape(v));
    }
    return new H5mdBox(null, new FrameRows(file, v), H5mdUnits.toAngstrom(file, v), periodic);
  }

  private static Cell cell(double[] edges, double toAngstrom) {
    double[] m = new double[9];
    if (edges.length == 3) {
      m[0] = edges[0] * toAngstrom;
      m[4] = edges[1] * toAngstrom;
      m[8] = edges[2] * toAngstrom;
    } else {
      for (int i = 0; i < 9; i++) {
        m[i] = edges[i] * toAngstrom;
      }
    }
    return Cell.ofRows(m);
  }

  /** The cell of frame {@code i} (Å), {@code null} when the file has no edges. */
  Cell cell(int i) {
    if (perFrame == null) {
      return fixed;
    }
    return cell(perFrame.row(i), toAngstrom);
  }

  /** Whether the box changes from frame to frame. */
  boolean variable() {
    return perFrame != null;
  }

  /** Whether the box has edges. */
  boolean hasEdges() {
    return perFrame != null || fixed != null;
  }

  /** Periodicity along a, b, c ({@code boundary}; periodic when the attribute is absent). */
  boolean[] periodic() {
    return periodic.clone();
  }
}
