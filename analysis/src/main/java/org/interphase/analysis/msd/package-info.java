/**
 * Li+ transport from AIMD: unwrapped, drift-corrected mean squared displacement over all time
 * origins (FFT, Calandrini et al. 2011, DOI 10.1051/sfn/201112010), the self-diffusion coefficient
 * from generalised least squares with a modelled MSD covariance ({@code GlsDiffusionFit}: Bullerjahn,
 * von Bülow, Hummer, JCP 153, 024116 (2020); McCluskey, Coles, Morgan, JCTC 21, 79 (2025)) beside the
 * least-squares slope with its correlation-aware error, Nernst–Einstein conductivity, Haven ratio,
 * non-Gaussian parameter and Arrhenius extrapolation.
 *
 * <p><b>Positions are unwrapped here</b> with the TOR scheme (DOI 10.1021/acs.jctc.3c00308): the
 * step between consecutive stored positions, d, minus L(t)·round(L(t)⁻¹·d) with the current frame's
 * cell L(t) (see {@code TorUnwrapper}), so files with wrapped coordinates are fine as long as no atom
 * moves more than half a cell between stored frames.
 */
package org.interphase.analysis.msd;
