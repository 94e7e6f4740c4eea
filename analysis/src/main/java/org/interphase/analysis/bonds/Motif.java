package org.interphase.analysis.bonds;

import java.util.Comparator;

/**
 * A structural unit of a frame, in one of two separate classifications (see {@link Motifs} for the
 * rules):
 *
 * <ul>
 *   <li><b>thiophosphate units</b>, from P–S and P–P bonds alone: {@code PS4}, {@code PS3}, {@code
 *       P2S7}, {@code P2S6} and {@code other PxSy};
 *   <li><b>sulfur species</b>, from S–S bonds: {@code S8 ring} (any {@code Sn ring}), {@code Sn
 *       chain}, {@code Sn chain on P} (a polysulfide chain bound to one P unit), {@code Sn bridge}
 *       (a polysulfide bridge between two or more P units), {@code other Sn} (branched) and {@code
 *       free S} (an S bonded to neither P nor S, e.g. S²⁻ in Li6PS5Cl or Li2S).
 * </ul>
 *
 * An S–S bond never changes the thiophosphate class of a P: a PS3 whose S touches another S stays
 * PS3, and the contact shows up as a sulfur species beside it.
 *
 * @param type what kind of unit
 * @param phosphorus number of P atoms in the unit (0 for sulfur species)
 * @param sulfur number of S atoms in the unit
 */
public record Motif(Type type, int phosphorus, int sulfur) implements Comparable<Motif> {

  /** The two separate classifications. */
  public enum Family {
    /** Units of P and the S bonded to it (P–S and P–P bonds). */
    THIOPHOSPHATE,
    /** Rings, chains and bridges of S–S bonds, and free S. */
    SULFUR
  }

  /** Kinds of unit, in the order tables and charts list them. */
  public enum Type {
    /** One P with four S, none shared (ortho-thiophosphate). */
    PS4(Family.THIOPHOSPHATE),
    /** One P with exactly three S and no P–P bond (broken tetrahedron, trigonal pyramid). */
    PS3(Family.THIOPHOSPHATE),
    /** Two P of four S each sharing exactly one S (pyro-thiophosphate, corner-sharing). */
    P2S7(Family.THIOPHOSPHATE),
    /** Two P of four S sharing two S (edge-sharing P2S6²⁻), or two P of three S joined by a P–P bond (P2S6⁴⁻). */
    P2S6(Family.THIOPHOSPHATE),
    /** Any other P unit, named by its composition. */
    OTHER_THIOPHOSPHATE(Family.THIOPHOSPHATE),
    /** A closed S–S cycle not bonded to P (S8 ring). */
    S_RING(Family.SULFUR),
    /** An open S–S chain not bonded to P (e.g. an opened S8 ring). */
    S_CHAIN(Family.SULFUR),
    /** An S–S chain with S bonded to one P unit (a polysulfide tail). */
    S_CHAIN_ON_P(Family.SULFUR),
    /** An S–S chain whose S atoms are bonded to two or more P units (polysulfide bridge, e.g. P–S–S–P). */
    S_BRIDGE(Family.SULFUR),
    /** A branched S–S cluster, or a cycle bonded to P. */
    OTHER_SULFUR(Family.SULFUR),
    /** An S bonded to neither P nor S. */
    FREE_S(Family.SULFUR);

    private final Family family;

    Type(Family family) {
      this.family = family;
    }

    public Family family() {
      return family;
    }
  }

  public static final Motif PS4 = new Motif(Type.PS4, 1, 4);
  public static final Motif PS3 = new Motif(Type.PS3, 1, 3);
  public static final Motif P2S7 = new Motif(Type.P2S7, 2, 7);
  public static final Motif P2S6 = new Motif(Type.P2S6, 2, 6);
  public static final Motif S8_RING = new Motif(Type.S_RING, 0, 8);
  public static final Motif FREE_S = new Motif(Type.FREE_S, 0, 1);

  private static final Comparator<Motif> ORDER = Comparator.comparing(Motif::type).thenComparingInt(Motif::phosphorus)
      .thenComparingInt(Motif::sulfur);

  public Motif {
    if (phosphorus < 0 || sulfur < 0) {
      throw new IllegalArgumentException("negative atom count in a motif: P" + phosphorus + " S" + sulfur);
    }
  }

  public Family family() {
    return type.family();
  }

  /**
   * The name used in tables, JSON keys, CSV headers and charts: {@code PS4}, {@code PS3}, {@code
   * P2S7}, {@code P2S6}, {@code other P3S10}, {@code S8 ring}, {@code S8 chain}, {@code S3 chain on
   * P}, {@code S2 bridge}, {@code other S5}, {@code S (isolated)}.
   */
  public String label() {
    return switch (type) {
      case PS4, PS3, P2S7, P2S6 -> type.name();
      case OTHER_THIOPHOSPHATE -> "other " + formula("P", phosphorus) + formula("S", sulfur);
      case S_RING -> "S" + sulfur + " ring";
      case S_CHAIN -> "S" + sulfur + " chain";
      case S_CHAIN_ON_P -> "S" + sulfur + " chain on P";
      case S_BRIDGE -> "S" + sulfur + " bridge";
      case OTHER_SULFUR -> "other S" + sulfur;
      case FREE_S -> "S (isolated)";
    };
  }

  /**
   * Whether a name given by a user means this motif: its {@link #label()} (any case), or a generic
   * name for every size: {@code "S ring"}, {@code "S chain"}, {@code "S chain on P"}, {@code "S
   * bridge"}, and {@code "other"} for any other thiophosphate or sulfur unit.
   */
  public boolean matches(String name) {
    String q = name.strip();
    if (q.equalsIgnoreCase(label())) {
      return true;
    }
    return switch (q.toLowerCase(java.util.Locale.ROOT)) {
      case "s ring" -> type == Type.S_RING;
      case "s chain" -> type == Type.S_CHAIN;
      case "s chain on p" -> type == Type.S_CHAIN_ON_P;
      case "s bridge" -> type == Type.S_BRIDGE;
      case "free s", "s (isolated)", "isolated s" -> type == Type.FREE_S;
      case "other" -> type == Type.OTHER_THIOPHOSPHATE || type == Type.OTHER_SULFUR;
      default -> false;
    };
  }

  private static String formula(String element, int n) {
    return n == 0 ? "" : n == 1 ? element : element + n;
  }

  @Override
  public int compareTo(Motif o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return label();
  }
}
