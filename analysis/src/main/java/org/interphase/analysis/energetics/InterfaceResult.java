package org.interphase.analysis.energetics;

import java.util.List;
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
 */
public record InterfaceResult(String name, double areaA2, int interfaces, Measurement energyInterface, Measurement energyA,
    Measurement energyB, double nA, double nB, Measurement gamma, Measurement gammaJm2, Measurement workOfAdhesion, String label,
    FramesUsed framesUsed, String method, List<String> warnings) {

  public InterfaceResult {
    warnings = List.copyOf(warnings);
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
