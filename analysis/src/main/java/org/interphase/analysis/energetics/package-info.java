/**
 * Interface energetics: interface energy γ = [E_AB − n_A ε_A − n_B ε_B] / (k·A) and work of
 * adhesion W = [E_A + E_B − E_AB] / A, from single points or averages over AIMD frames with a
 * blocked standard error.
 */
package org.interphase.analysis.energetics;
