package org.interphase.parsers.h5md;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.MalformedInputException;

/**
 * Small helpers over jhdf: typed look-ups that fail with one line naming the file and the HDF5
 * path, and flattening of the nested Java arrays jhdf returns ({@code float[][][]}, {@code int[]},
 * boxed scalars, {@code String[]}) into {@code double[]} or {@code String[]}.
 */
final class HdfValues {
  private HdfValues() {}

  /**
   * The dataset at {@code path} under {@code root}, or {@code null} when there is no node there.
   *
   * @throws MalformedInputException when the node is a group where a dataset was expected
   */
  static Dataset datasetOrNull(String file, Group root, String path) {
    Node n = nodeOrNull(root, path);
    if (n == null) {
      return null;
    }
    if (!(n instanceof Dataset d)) {
      throw error(file, path, "a dataset", "a group");
    }
    return d;
  }

  /** The node at {@code path} under {@code root}, or {@code null}. */
  static Node nodeOrNull(Group root, String path) {
    Node n = root;
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!(n instanceof Group g) || !g.getChildren().containsKey(part)) {
        return null;
      }
      n = g.getChild(part);
    }
    return n;
  }

  /**
   * The dataset at {@code path}.
   *
   * @throws MalformedInputException naming the file and path when it is missing
   */
  static Dataset dataset(String file, Group root, String path) {
    Dataset d = datasetOrNull(file, root, path);
    if (d == null) {
      throw error(file, path, "a dataset", null);
    }
    return d;
  }

  /** One line {@code file: dataset /path: expected …, found …}. */
  static MalformedInputException error(String file, String path, String expected, String found) {
    return new MalformedInputException(file + ": " + path, 0, expected, found == null ? "nothing" : found);
  }

  /** The shape as {@code [20, 48, 3]}, for messages. */
  static String shape(Dataset d) {
    return java.util.Arrays.toString(d.getDimensions());
  }

  /** A whole dataset as numbers, row-major. */
  static double[] numbers(String file, Dataset d) {
    try {
      return flatten(d.getData());
    } catch (HdfException | IllegalArgumentException e) {
      throw error(file, d.getPath(), "numbers", e.getMessage());
    }
  }

  /** A slice of a dataset as numbers, row-major. */
  static double[] numbers(String file, Dataset d, long[] offset, int[] shape) {
    try {
      return flatten(d.getData(offset, shape));
    } catch (HdfException | IllegalArgumentException e) {
      throw error(file, d.getPath(), "a readable slice at " + java.util.Arrays.toString(offset), e.getMessage());
    }
  }

  /** Whether a dataset holds strings. */
  static boolean isText(Dataset d) {
    return d.getJavaType() == String.class;
  }

  /** A dataset (or slice) of strings, row-major. */
  static String[] texts(Object data) {
    List<String> out = new ArrayList<>();
    collectTexts(data, out);
    return out.toArray(new String[0]);
  }

  /** An attribute as text (a string, or the first of an array of strings), or {@code null} when absent. */
  static String attributeText(Node n, String name) {
    String[] t = attributeTexts(n, name);
    return t == null || t.length == 0 ? null : t[0];
  }

  /** An attribute as strings, or {@code null} when absent. */
  static String[] attributeTexts(Node n, String name) {
    Attribute a = n.getAttributes().get(name);
    return a == null ? null : texts(a.getData());
  }

  /** An attribute as a number, or NaN when absent. */
  static double attributeNumber(Node n, String name) {
    Attribute a = n.getAttributes().get(name);
    if (a == null) {
      return Double.NaN;
    }
    double[] v = flatten(a.getData());
    return v.length == 0 ? Double.NaN : v[0];
  }

  /** Flattens a boxed number or a nested primitive/boxed array into doubles. */
  static double[] flatten(Object data) {
    if (data instanceof Number x) {
      return new double[] {x.doubleValue()};
    }
    double[] out = new double[Math.toIntExact(count(data))];
    fill(data, out, 0);
    return out;
  }

  private static long count(Object a) {
    if (a == null || !a.getClass().isArray()) {
      throw new IllegalArgumentException("not numbers: " + (a == null ? "null" : a.getClass().getSimpleName()));
    }
    int len = Array.getLength(a);
    if (!a.getClass().getComponentType().isArray()) {
      return len;
    }
    long c = 0;
    for (int i = 0; i < len; i++) {
      c += count(Array.get(a, i));
    }
    return c;
  }

  private static int fill(Object a, double[] out, int at) {
    int len = Array.getLength(a);
    Class<?> t = a.getClass().getComponentType();
    if (t.isArray()) {
      for (int i = 0; i < len; i++) {
        at = fill(Array.get(a, i), out, at);
      }
      return at;
    }
    if (a instanceof double[] d) {
      System.arraycopy(d, 0, out, at, len);
      return at + len;
    }
    if (a instanceof float[] f) {
      for (int i = 0; i < len; i++) {
        out[at + i] = f[i];
      }
      return at + len;
    }
    for (int i = 0; i < len; i++) {
      Object v = Array.get(a, i);
      if (!(v instanceof Number x)) {
        throw new IllegalArgumentException("not numbers: " + t.getSimpleName());
      }
      out[at + i] = x.doubleValue();
    }
    return at + len;
  }

  private static void collectTexts(Object a, List<String> out) {
    if (a == null) {
      return;
    }
    if (!a.getClass().isArray()) {
      out.add(a.toString().strip());
      return;
    }
    for (int i = 0; i < Array.getLength(a); i++) {
      collectTexts(Array.get(a, i), out);
    }
  }
}
