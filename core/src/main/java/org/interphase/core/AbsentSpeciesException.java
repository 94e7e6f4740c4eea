package org.interphase.core;

import java.util.List;

/**
 * An analysis was asked about an element the run does not contain (an MSD of Li in a pure S8 slab). For one command that is
 * a bad argument (exit code 2, as every {@link IllegalArgumentException}); a campaign that runs one analysis over many runs
 * lists such a run as skipped, not failed, and tells it apart by this type, never by the message's text.
 */
public class AbsentSpeciesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The element asked for, e.g. {@code Li}. */
  private final String species;

  /** The elements the run has, in the order of its atom table. */
  private final List<String> present;

  /**
   * "no Li atoms in FILE (it has S)".
   *
   * @param species the element asked for
   * @param source the file or run read
   * @param present the elements the run has
   */
  public AbsentSpeciesException(String species, String source, List<String> present) {
    super("no " + species + " atoms in " + source + " (it has " + String.join(", ", present) + ")");
    this.species = species;
    this.present = List.copyOf(present);
  }

  /** The same exception for the elements of an atom table. */
  public static AbsentSpeciesException of(String species, String source, AtomTable atoms) {
    return new AbsentSpeciesException(species, source, List.copyOf(atoms.speciesCounts().keySet()));
  }

  /** The element asked for. */
  public String species() {
    return species;
  }

  /** The elements the run has. */
  public List<String> present() {
    return present;
  }
}
