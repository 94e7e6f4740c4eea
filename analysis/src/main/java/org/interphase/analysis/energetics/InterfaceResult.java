package org.interphase.analysis.energetics;

import java.util.List;
import org.interphase.core.Warning;
import org.interphase.core.Measurement;

/**
 * One interface energy.
 *
 * @param areaA2 interface area, Å²
 * @param energyInterface E_AB (mean for MD), eV
 * @param energyA ε_A, the energy of one unit of A (as read), eV
 * @param energyB ε_B, eV
 * @param nA units of A in the interface cell
 * @param nB units of B
 * @param gamma γ, eV/Å²
 * @param gammaJm2 γ, J/m²
 * @param workOfAdhesion W = (E_A + E_B − E_AB) / (k·A) in J/m², or null when the parts are not
 *     slabs with the interface's in-plane cell
 * @param label what γ is: "interface energy", or with slab references "interface energy relative
 *     to the separated slabs (= −W)"
 * @param framesUsed frames averaged for E_AB, A and B (1 for single points)
 * @param method how the energies were obtained and the block sizes
 * @param warnings typed ({@link Doubt}), in the order they arose
 */
public record InterfaceResult(String name, double areaA2, int interfaces, Measurement energyInterface, Measurement energyA,
    Measurement energyB, double nA, double nB, Measurement gamma, Measurement gammaJm2, Measurement workOfAdhesion, String label,
    FramesUsed framesUsed, String method, List<Warning> warnings) {

  public InterfaceResult {
    warnings = List.copyOf(warnings);
  }

  /** What can make γ or W mean something else than a chemist expects. */
  public enum Doubt implements Warning.Kind {
    /** a part's in-plane cell differs from the interface cell's: the interface cell strains it */
    STRAINED_PART,
    /** some energies are MD averages and others single points or relaxations: γ holds thermal energy of one side only */
    MIXED_AVERAGE,
    /** the vacuum of the interface cell contradicts k (a slab with vacuum holds one interface, a periodic sandwich two) */
    INTERFACE_COUNT,
    /** k = 1 with references that are not slabs: γ includes the free-surface energies */
    FREE_SURFACES,
    /** the MD averages were taken at different mean temperatures: their thermal energies do not cancel in γ */
    TEMPERATURES,
    /** an MD run's energy drifts at the start of the averaged frames: it was not equilibrated before them */
    NOT_EQUILIBRATED
  }

  /** The warnings' texts, in order. */
  public List<String> warningTexts() {
    return warnings.stream().map(Warning::text).toList();
  }

  /**
   * Frames averaged for each energy (1 for a single point).
   *
   * @param interfaceRun frames of the interface cell AB
   * @param partA frames of part A
   * @param partB frames of part B
   */
  public record FramesUsed(int interfaceRun, int partA, int partB) {}
}
