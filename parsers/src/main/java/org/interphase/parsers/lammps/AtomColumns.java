package org.interphase.parsers.lammps;

import java.util.List;

/**
 * What each column of an {@code ITEM: ATOMS} section holds, from its header line, e.g. {@code ITEM:
 * ATOMS id type xs ys zs ix iy iz} ({@code dump atom}) or {@code ITEM: ATOMS id element xu yu zu vx
 * vy vz fx fy fz} ({@code dump custom}, any order). Columns Interphase does not use ({@code q}, {@code
 * c_pe}, …) are skipped.
 *
 * <p>Positions are taken from the first complete triple in this order: {@code xu yu zu} (unwrapped),
 * {@code xsu ysu zsu} (scaled unwrapped), {@code x y z} (wrapped), {@code xs ys zs} (scaled); image
 * flags {@code ix iy iz} are added to wrapped ones only.
 *
 * @param roles the role of each column, in file order
 * @param positions which position triple is read
 * @param images whether image flags are added to the positions
 */
public record AtomColumns(Role[] roles, Positions positions, boolean images) {

  /** What one column holds. */
  public enum Role {
    ID, TYPE, ELEMENT, POS_X, POS_Y, POS_Z, IMAGE_X, IMAGE_Y, IMAGE_Z, VEL_X, VEL_Y, VEL_Z, FORCE_X, FORCE_Y, FORCE_Z, SKIP
  }

  /** Which position columns a dump gives. */
  public enum Positions {
    /** {@code xu yu zu}: Cartesian, unwrapped. */
    UNWRAPPED(false, true, "xu", "yu", "zu"),
    /** {@code xsu ysu zsu}: fractional, unwrapped. */
    SCALED_UNWRAPPED(true, true, "xsu", "ysu", "zsu"),
    /** {@code x y z}: Cartesian, wrapped into the box. */
    WRAPPED(false, false, "x", "y", "z"),
    /** {@code xs ys zs}: fractional, wrapped into the box. */
    SCALED(true, false, "xs", "ys", "zs");

    private final boolean scaled;
    private final boolean unwrapped;
    private final List<String> names;

    Positions(boolean scaled, boolean unwrapped, String... names) {
      this.scaled = scaled;
      this.unwrapped = unwrapped;
      this.names = List.of(names);
    }

    /** Whether the numbers are fractional (scaled by the box) rather than Cartesian Å. */
    public boolean scaled() {
      return scaled;
    }

    /** Whether the numbers are unwrapped by LAMMPS itself. */
    public boolean unwrapped() {
      return unwrapped;
    }

    /** The three column names. */
    public List<String> names() {
      return names;
    }
  }

  public AtomColumns {
    roles = roles.clone();
  }

  @Override
  public Role[] roles() {
    return roles.clone();
  }

  /** Number of columns. */
  public int count() {
    return roles.length;
  }

  /** The role of column {@code i} (0-based). */
  public Role role(int i) {
    return roles[i];
  }

  /** Whether some column has that role. */
  public boolean has(Role role) {
    for (Role r : roles) {
      if (r == role) {
        return true;
      }
    }
    return false;
  }

  /** Whether the positions are unwrapped: by LAMMPS ({@code xu}, {@code xsu}) or by image flags. */
  public boolean unwrapped() {
    return positions.unwrapped() || images;
  }

  /**
   * The columns of a header's names, e.g. {@code ["id", "type", "xs", "ys", "zs"]}.
   *
   * @throws IllegalArgumentException when no complete position triple is there, or a name appears twice
   */
  public static AtomColumns of(List<String> names) {
    Positions chosen = null;
    for (Positions p : Positions.values()) {
      if (names.containsAll(p.names())) {
        chosen = p;
        break;
      }
    }
    if (chosen == null) {
      throw new IllegalArgumentException("position columns x y z, xs ys zs, xu yu zu or xsu ysu zsu");
    }
    boolean images = !chosen.unwrapped() && names.containsAll(List.of("ix", "iy", "iz"));
    Role[] roles = new Role[names.size()];
    for (int i = 0; i < roles.length; i++) {
      String n = names.get(i);
      if (names.indexOf(n) != i) {
        throw new IllegalArgumentException("each column once (\"" + n + "\" appears twice)");
      }
      int axis = chosen.names().indexOf(n);
      roles[i] = axis >= 0 ? Role.values()[Role.POS_X.ordinal() + axis] : other(n, images);
    }
    return new AtomColumns(roles, chosen, images);
  }

  private static Role other(String name, boolean images) {
    return switch (name) {
      case "id" -> Role.ID;
      case "type" -> Role.TYPE;
      case "element" -> Role.ELEMENT;
      case "ix" -> images ? Role.IMAGE_X : Role.SKIP;
      case "iy" -> images ? Role.IMAGE_Y : Role.SKIP;
      case "iz" -> images ? Role.IMAGE_Z : Role.SKIP;
      case "vx" -> Role.VEL_X;
      case "vy" -> Role.VEL_Y;
      case "vz" -> Role.VEL_Z;
      case "fx" -> Role.FORCE_X;
      case "fy" -> Role.FORCE_Y;
      case "fz" -> Role.FORCE_Z;
      default -> Role.SKIP;
    };
  }

  /** Whether all three velocity columns are there. */
  public boolean hasVelocities() {
    return has(Role.VEL_X) && has(Role.VEL_Y) && has(Role.VEL_Z);
  }

  /** Whether all three force columns are there. */
  public boolean hasForces() {
    return has(Role.FORCE_X) && has(Role.FORCE_Y) && has(Role.FORCE_Z);
  }
}
