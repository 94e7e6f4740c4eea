package org.interphase.parsers.h5md;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import org.interphase.core.AtomTable;
import org.interphase.core.Elements;

/**
 * The element of each atom from an H5MD {@code species} element: a dataset of shape [N] or a
 * time-dependent group whose {@code value} has shape [F][N] (frame 0 is read). Integers are atomic
 * numbers (H5MD leaves their meaning to the writer; Interphase takes them as Z, as ASE-derived writers
 * store them); strings are element symbols or labels reduced to one ({@link AtomTable#elementOf}).
 */
final class H5mdSpecies {
  private H5mdSpecies() {}

  /**
   * Reads the species of {@code group} ({@code /particles/<name>}).
   *
   * @throws org.interphase.core.MalformedInputException naming the file and dataset when there is
   *     no species, its shape does not give {@code atoms} values, or a value is not an element
   */
  static AtomTable read(String file, Group root, String group, int atoms) {
    String path = group + "/species";
    Node n = HdfValues.nodeOrNull(root, path);
    if (n == null) {
      throw HdfValues.error(file, path, "the species of the atoms (atomic numbers or element names)", null);
    }
    Dataset d = n instanceof Dataset ds ? ds : HdfValues.dataset(file, root, path + "/value");
    int[] dims = d.getDimensions();
    boolean fixed = dims.length == 1 && dims[0] == atoms;
    boolean perFrame = dims.length == 2 && dims[1] == atoms && dims[0] >= 1;
    if (!fixed && !perFrame) {
      throw HdfValues.error(file, d.getPath(), "species of shape [" + atoms + "] or [frames][" + atoms + "]", "shape "
          + HdfValues.shape(d));
    }
    Object data;
    try {
      data = fixed ? d.getData() : d.getData(new long[] {0, 0}, new int[] {1, atoms});
    } catch (HdfException e) {
      throw HdfValues.error(file, d.getPath(), "readable species", e.getMessage());
    }
    String[] el = new String[atoms];
    if (HdfValues.isText(d)) {
      String[] t = HdfValues.texts(data);
      for (int i = 0; i < atoms; i++) {
        el[i] = element(file, d, t[i], i);
      }
    } else {
      double[] z = HdfValues.flatten(data);
      for (int i = 0; i < atoms; i++) {
        try {
          el[i] = Elements.symbol((int) z[i]);
        } catch (IllegalArgumentException e) {
          throw HdfValues.error(file, d.getPath(), "an atomic number 1…103 for atom " + (i + 1), String.valueOf(z[i]));
        }
      }
    }
    return AtomTable.of(el);
  }

  private static String element(String file, Dataset d, String label, int i) {
    try {
      return AtomTable.elementOf(label);
    } catch (IllegalArgumentException e) {
      throw HdfValues.error(file, d.getPath(), "an element name for atom " + (i + 1), label);
    }
  }
}
