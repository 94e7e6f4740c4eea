/**
 * Structural stability from AIMD: neighbour search with cell lists under triclinic periodic
 * boundaries, bond states with two cutoffs and a minimum dwell time ("stable states", so thermal
 * flicker around one cutoff is not mistaken for chemistry), break/form events with time, atoms,
 * place and layer, and the thiophosphate and sulfur motifs of the bond graph (PS4, PS3, P2S7, P2S6,
 * S8 rings, S chains, isolated S) over time.
 */
package org.interphase.analysis.bonds;
