package org.interphase.parsers.lammps;

import java.util.Arrays;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TruncatedInputException;
import org.interphase.parsers.io.LineReader;
import org.interphase.parsers.lammps.AtomColumns.Role;

/**
 * Reads the atom lines of {@code ITEM: ATOMS} sections, frame after frame, into arrays ordered by
 * atom id (LAMMPS writes atoms in the order its processors hold them unless {@code dump_modify sort
 * id} is used, so the file order changes from frame to frame). The first frame fixes the ids, the
 * elements and the types; every later frame must hold the same ids with the same types.
 *
 * <p>Positions come out Cartesian in Å, in LAMMPS's own coordinates (box origin not subtracted):
 * {@code r = origin + s·H} for scaled columns, plus {@code i·H} for image flags, where H has the
 * cell vectors a, b, c as rows and s, i are row vectors. Not thread-safe.
 */
final class AtomSection {

  /** One frame's atoms in id order: positions Å, velocities Å/fs and forces eV/Å (null when absent), each {@code [x0, y0, z0, x1, …]}. */
  record Values(double[] positionsA, double[] velocitiesAPerFs, double[] forcesEvPerA) {}

  private final List<String> userElements;
  private long[] sortedIds;
  private boolean denseIds;
  private int[] types;
  private AtomTable table;

  /**
   * @param userElements element symbols in type order (type 1 → first), for dumps without an {@code
   *     element} column; may be empty
   */
  AtomSection(List<String> userElements) {
    this.userElements = List.copyOf(userElements);
  }

  /** The elements in id order, known after the first frame. */
  AtomTable table() {
    return table;
  }

  /**
   * Reads the {@code n} atom lines that follow the current line of {@code r}.
   *
   * @param frame 1-based frame number, for messages
   * @throws TruncatedInputException when the file ends before the last atom line ends
   * @throws MalformedInputException for a missing or extra field, an atom id repeated or not in the
   *     first frame, a type that changed, or a type without an element
   */
  Values read(LineReader r, AtomColumns cols, int n, LammpsBox box, LammpsUnits units, long frame) {
    long[] ids = new long[n];
    int[] rowTypes = new int[n];
    String[] labels = table == null && cols.has(Role.ELEMENT) ? new String[n] : null;
    double[] raw = new double[3 * n];
    double[] img = cols.images() ? new double[3 * n] : null;
    double[] vel = cols.hasVelocities() ? new double[3 * n] : null;
    double[] frc = cols.hasForces() ? new double[3 * n] : null;
    // one message per frame, not per line: the error's line number names the atom line
    String what = "the " + cols.count() + " columns of ITEM: ATOMS (frame " + frame + ")";
    for (int i = 0; i < n; i++) {
      if (!r.next()) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "atom line " + (i + 1) + " of " + n + " in frame " + frame);
      }
      ids[i] = cols.has(Role.ID) ? 0 : i + 1;
      readLine(r, cols, i, what, ids, rowTypes, labels, raw, img, vel, frc);
    }
    if (n > 0 && r.unterminated()) {
      throw new TruncatedInputException(r.source(), r.lineNumber(), "the last atom line of frame " + frame + " (it has no line end)");
    }
    long firstLine = r.lineNumber() - n + 1;
    int[] slot = table == null ? firstFrame(r.source(), firstLine, ids, rowTypes, labels) : slots(r.source(), firstLine, ids, rowTypes, frame);
    return place(slot, cols, box, units, raw, img, vel, frc);
  }

  private void readLine(LineReader r, AtomColumns cols, int i, String what, long[] ids, int[] rowTypes, String[] labels, double[] raw,
      double[] img, double[] vel, double[] frc) {
    for (int c = 0; c < cols.count(); c++) {
      Role role = cols.role(c);
      switch (role) {
        case ID -> ids[i] = r.nextLong(what);
        case TYPE -> rowTypes[i] = r.nextInt(what);
        case ELEMENT -> {
          if (labels != null) {
            labels[i] = r.nextToken(what);
          } else if (!r.hasMoreTokens()) {
            throw r.error(what);
          } else {
            r.nextTokenEquals(""); // moves past the label without building a string
          }
        }
        case POS_X, POS_Y, POS_Z -> raw[3 * i + role.ordinal() - Role.POS_X.ordinal()] = r.nextDouble(what);
        case IMAGE_X, IMAGE_Y, IMAGE_Z -> img[3 * i + role.ordinal() - Role.IMAGE_X.ordinal()] = r.nextLong(what);
        case VEL_X, VEL_Y, VEL_Z -> store(vel, 3 * i + role.ordinal() - Role.VEL_X.ordinal(), r.nextDouble(what));
        case FORCE_X, FORCE_Y, FORCE_Z -> store(frc, 3 * i + role.ordinal() - Role.FORCE_X.ordinal(), r.nextDouble(what));
        default -> {
          if (!r.hasMoreTokens()) {
            throw r.error(what);
          }
          r.nextTokenEquals("");
        }
      }
    }
    if (r.hasMoreTokens()) {
      throw r.error(what + " and nothing more");
    }
  }

  private static void store(double[] target, int at, double v) {
    if (target != null) {
      target[at] = v;
    }
  }

  /** Fixes ids, types and elements from the first frame; returns the slot of each row. */
  private int[] firstFrame(String source, long firstLine, long[] ids, int[] rowTypes, String[] labels) {
    int n = ids.length;
    sortedIds = ids.clone();
    Arrays.sort(sortedIds);
    denseIds = true;
    for (int k = 0; k < n; k++) {
      if (k > 0 && sortedIds[k] == sortedIds[k - 1]) {
        throw MalformedInputException.of(source, firstLine + indexOf(ids, sortedIds[k], 1), "atom id " + sortedIds[k]
            + " appears twice in frame 1");
      }
      denseIds &= sortedIds[k] == k + 1;
    }
    int[] slot = new int[n];
    for (int i = 0; i < n; i++) {
      slot[i] = denseIds ? (int) ids[i] - 1 : Arrays.binarySearch(sortedIds, ids[i]);
    }
    types = new int[n];
    String[] elements = new String[n];
    for (int i = 0; i < n; i++) {
      types[slot[i]] = rowTypes[i];
      elements[slot[i]] = element(source, firstLine + i, labels == null ? null : labels[i], rowTypes[i]);
    }
    table = AtomTable.of(elements);
    return slot;
  }

  private String element(String source, long line, String label, int type) {
    if (label != null) {
      if (!AtomTable.isElementLabel(label)) {
        throw new MalformedInputException(source, line, "an element symbol in the element column", label);
      }
      return AtomTable.elementOf(label);
    }
    if (userElements.isEmpty()) {
      // the file is fine: an option is missing (bad usage, exit 2), said at the line that needs it
      throw new org.interphase.core.MissingParameterException("elements", source + ":" + line + ": the dump has atom types but no "
          + "element column: pass --elements El1,El2,… in type order (type 1 first)");
    }
    if (type < 1 || type > userElements.size()) {
      throw MalformedInputException.of(source, line, "atom type " + type + " but --elements gives " + userElements.size()
          + " element" + (userElements.size() == 1 ? "" : "s") + " (types 1.." + userElements.size() + ")");
    }
    String e = userElements.get(type - 1).split(":")[0].strip();
    if (!AtomTable.isElementLabel(e) || !AtomTable.elementOf(e).equalsIgnoreCase(e)) {
      throw new IllegalArgumentException("--elements: \"" + e + "\" is not an element symbol");
    }
    return AtomTable.elementOf(e);
  }

  /** The slot of each row of a later frame, checking the ids and types against the first frame. */
  private int[] slots(String source, long firstLine, long[] ids, int[] rowTypes, long frame) {
    int n = ids.length;
    int[] slot = new int[n];
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      long id = ids[i];
      int s = denseIds ? (id >= 1 && id <= n ? (int) id - 1 : -1) : Arrays.binarySearch(sortedIds, id);
      if (s < 0) {
        throw MalformedInputException.of(source, firstLine + i, "atom id " + id + " in frame " + frame
            + " is not one of frame 1 (atoms added or deleted during the run are not supported)");
      }
      if (seen[s]) {
        throw MalformedInputException.of(source, firstLine + i, "atom id " + id + " appears twice in frame " + frame);
      }
      if (rowTypes[i] != types[s]) {
        throw MalformedInputException.of(source, firstLine + i, "atom id " + id + " has type " + rowTypes[i] + " in frame " + frame
            + ", type " + types[s] + " in frame 1");
      }
      seen[s] = true;
      slot[i] = s;
    }
    return slot;
  }

  private static int indexOf(long[] ids, long id, int occurrence) {
    int seen = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id && seen++ == occurrence) {
        return i;
      }
    }
    return 0;
  }

  private static Values place(int[] slot, AtomColumns cols, LammpsBox box, LammpsUnits units, double[] raw, double[] img,
      double[] vel, double[] frc) {
    int n = slot.length;
    double[] h = box.cell().rows();
    double[] o = box.originA();
    boolean scaled = cols.positions().scaled();
    double[] pos = new double[3 * n];
    double[] v = vel == null ? null : new double[3 * n];
    double[] f = frc == null ? null : new double[3 * n];
    for (int i = 0; i < n; i++) {
      int s = 3 * slot[i];
      for (int k = 0; k < 3; k++) {
        double p = scaled ? o[k] + raw[3 * i] * h[k] + raw[3 * i + 1] * h[3 + k] + raw[3 * i + 2] * h[6 + k] : raw[3 * i + k];
        if (img != null) {
          p += img[3 * i] * h[k] + img[3 * i + 1] * h[3 + k] + img[3 * i + 2] * h[6 + k];
        }
        pos[s + k] = p;
        if (v != null) {
          v[s + k] = vel[3 * i + k] * units.velocityToAPerFs();
        }
        if (f != null) {
          f[s + k] = frc[3 * i + k] * units.forceToEvPerA();
        }
      }
    }
    return new Values(pos, v, f);
  }
}
