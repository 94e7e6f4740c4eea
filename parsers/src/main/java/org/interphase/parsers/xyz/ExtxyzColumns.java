package org.interphase.parsers.xyz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-atom columns an extended XYZ frame declares in {@code Properties=name:type:width:…}, in
 * any order. Interphase reads {@code species} (S:1), {@code pos} (R:3, Å), {@code forces} (R:3,
 * eV/Å) and velocities ({@code velocities}, {@code vel} or {@code velo}, R:3, Å/fs); every other
 * column (ASE's {@code momenta}, {@code masses}, OVITO's {@code id}, user arrays) is skipped by its
 * declared width. Without {@code Properties=} the layout is ASE's default {@code
 * species:S:1:pos:R:3}.
 *
 * @param columns every declared column, in file order
 */
record ExtxyzColumns(List<Column> columns) {

  /** What Interphase does with a column. */
  enum Role {
    SPECIES,
    POSITIONS,
    FORCES,
    VELOCITIES,
    SKIPPED
  }

  /**
   * One declared column.
   *
   * @param name as declared (case kept for messages)
   * @param type {@code S}, {@code R}, {@code I} or {@code L}
   * @param width values per atom, ≥ 1
   * @param role what it is read as
   */
  record Column(String name, char type, int width, Role role) {}

  /** ASE's layout when a frame has no {@code Properties=}. */
  static final String DEFAULT = "species:S:1:pos:R:3";

  ExtxyzColumns {
    columns = List.copyOf(columns);
  }

  /**
   * Parses a {@code Properties=} value.
   *
   * @throws IllegalArgumentException with the reason when the value is not triples of name, type
   *     ({@code S R I L}) and a positive width, or lacks {@code species:S:1} or {@code pos:R:3}
   */
  static ExtxyzColumns parse(String properties) {
    String[] p = properties.strip().split(":");
    if (p.length % 3 != 0) {
      throw new IllegalArgumentException("Properties= name:type:width triples (" + p.length + " fields)");
    }
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < p.length; i += 3) {
      String type = p[i + 1].toUpperCase(Locale.ROOT);
      if (type.length() != 1 || "SRIL".indexOf(type.charAt(0)) < 0) {
        throw new IllegalArgumentException("a Properties= type S, R, I or L for column " + p[i]);
      }
      int width;
      try {
        width = Integer.parseInt(p[i + 2]);
      } catch (NumberFormatException e) {
        width = 0;
      }
      if (width < 1) {
        throw new IllegalArgumentException("a positive Properties= width for column " + p[i]);
      }
      out.add(new Column(p[i], type.charAt(0), width, role(p[i], type.charAt(0), width)));
    }
    ExtxyzColumns c = new ExtxyzColumns(out);
    if (c.count(Role.SPECIES) != 1 || c.count(Role.POSITIONS) != 1) {
      throw new IllegalArgumentException("Properties= with one species:S:1 and one pos:R:3 column");
    }
    return c;
  }

  private static Role role(String name, char type, int width) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("species") && type == 'S' && width == 1) {
      return Role.SPECIES;
    }
    if (type != 'R' || width != 3) {
      return Role.SKIPPED;
    }
    return switch (n) {
      case "pos", "positions" -> Role.POSITIONS;
      case "forces", "force" -> Role.FORCES;
      case "velocities", "vel", "velo" -> Role.VELOCITIES;
      default -> Role.SKIPPED;
    };
  }

  private long count(Role r) {
    return columns.stream().filter(c -> c.role() == r).count();
  }

  /** Whether a column has that role. */
  boolean has(Role r) {
    return count(r) > 0;
  }

  /** Values per atom line over all columns. */
  int tokensPerAtom() {
    return columns.stream().mapToInt(Column::width).sum();
  }
}
