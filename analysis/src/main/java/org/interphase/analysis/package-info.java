/**
 * Analyses of trajectories: transport (MSD, diffusion, conductivity), bond events, interface
 * energetics and NEB barriers. Each analysis is a parameters record, an accumulator fed frame by
 * frame and an immutable result. Depends on {@code core} only.
 */
package org.interphase.analysis;
