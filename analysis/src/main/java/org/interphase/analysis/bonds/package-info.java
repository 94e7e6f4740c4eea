/**
 * Structural stability from AIMD: neighbour search with cell lists under triclinic periodic
 * boundaries, bond states with two cutoffs and a minimum dwell time ("stable states", so thermal
 * flicker around one cutoff is not mistaken for chemistry), break/form events of the requested
 * element pairs with time, atoms, place and layer, and over time two separate classifications
 * ({@link org.interphase.analysis.bonds.Motif}): thiophosphate units from P–S and P–P bonds alone
 * (PS4, PS3, P2S7, P2S6, other) and sulfur species from S–S bonds (rings, chains, bridges between P
 * units, free S). Distances in Å, times in ps. Start with {@link org.interphase.analysis.bonds.BondAnalysis};
 * an {@link org.interphase.analysis.bonds.EventWindow} makes it keep the frames around its first events (for showing them).
 */
package org.interphase.analysis.bonds;
