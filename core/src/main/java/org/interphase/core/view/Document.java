package org.interphase.core.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a result, built in key order: what {@code --json} prints and the {@code
 * .json} file beside the tables holds. Values are {@code null}, {@link String}, {@link Boolean},
 * whole numbers ({@link Integer}, {@link Long}), {@link Double} (written as {@code null} when not
 * finite: JSON has no NaN), {@code double[]}, {@code int[]}, nested documents, lists of any of
 * these, and {@link Table}s, written as an array of objects, one per row, keyed by the column headers
 * (a long per-frame table is written row by row, never as a whole tree). Keys name their units
 * ({@code diffusivity_cm2_s}, {@code lag_ps}).
 */
public final class Document {
  private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

  /** Sets a field (replacing one of the same key, which keeps its place). */
  public Document put(String key, Object value) {
    fields.put(key, check(value));
    return this;
  }

  /**
   * A value with its standard error as two fields, {@code name_unit} and {@code name_stderr_unit}
   * (e.g. {@code diffusivity_cm2_s}, {@code diffusivity_stderr_cm2_s}); both null for a null
   * measurement.
   *
   * @param unit the unit as a key part, e.g. {@code cm2_s}; empty for a pure number
   */
  public Document put(String name, String unit, org.interphase.core.Measurement m) {
    String suffix = unit.isEmpty() ? "" : "_" + unit;
    put(name + suffix, m == null ? null : m.value());
    return put(name + "_stderr" + suffix, m == null ? null : m.stdErr());
  }

  /** A nested document under {@code key}, made when missing. */
  public Document object(String key) {
    Object o = fields.get(key);
    if (o instanceof Document d) {
      return d;
    }
    Document d = new Document();
    fields.put(key, d);
    return d;
  }

  /** A list under {@code key}, made when missing, to which values (checked as for {@link #put}) are added. */
  public Items array(String key) {
    Object o = fields.get(key);
    if (o instanceof Items l) {
      return l;
    }
    Items l = new Items();
    fields.put(key, l);
    return l;
  }

  /** Adds every field of {@code other}, in its order. */
  public Document putAll(Document other) {
    other.fields.forEach(fields::put);
    return this;
  }

  /** The value of a field, or {@code null}. */
  public Object get(String key) {
    return fields.get(key);
  }

  /** The fields in order, read-only. */
  public Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  private static Object check(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double
        || v instanceof Document || v instanceof Items || v instanceof Table) {
      return v;
    }
    if (v instanceof double[] d) {
      return d.clone();
    }
    if (v instanceof int[] i) {
      return i.clone();
    }
    if (v instanceof List<?> l) {
      Items out = new Items();
      l.forEach(out::add);
      return out;
    }
    throw new IllegalArgumentException("a JSON value cannot be a " + v.getClass().getSimpleName());
  }

  /** A JSON array under construction. */
  public static final class Items {
    private final List<Object> values = new ArrayList<>();

    /** Appends a value (as for {@link Document#put}). */
    public Items add(Object v) {
      values.add(check(v));
      return this;
    }

    /** Appends a new document and returns it. */
    public Document addObject() {
      Document d = new Document();
      values.add(d);
      return d;
    }

    /** The values in order, read-only. */
    public List<Object> values() {
      return Collections.unmodifiableList(values);
    }
  }
}
