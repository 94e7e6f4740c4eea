package org.interphase.analysis.msd;

import java.util.List;
import org.interphase.core.Measurement;

/**
 * The outcome of {@link MeanSquaredDisplacement}. Arrays are indexed by lag (0 … frames-1) unless
 * said otherwise; do not modify them.
 *
 * @param lagPs lag times, ps
 * @param msdA2 MSD over the chosen axes, Å² (region MSD when a region was given)
 * @param msdComponentsA2 MSD per Cartesian axis x, y, z, Å²
 * @param diffusivity D from the least-squares slope with its correlation-aware standard error, cm²/s
 * @param diffusivityOls plain least-squares D over the same window with its OLS error, cm²/s
 * @param conductivity Nernst–Einstein σ from that D, S/cm (NaN without a temperature)
 * @param numberDensityPerA3 mobile ions per Å³ used for σ (of the region when given)
 * @param havenRatio tracer D divided by D_σ from the mean squared charge displacement, or null when not asked
 * @param ngpLagPs lags at which the moments were sampled (the points of the error model), ps
 * @param ngp non-Gaussian parameter α2 at {@code ngpLagPs}
 * @param method how D and its error were obtained, for reports
 */
public record MsdResult(String species, int atoms, int frames, double timestepFs, double temperatureK, String temperatureSource,
    String axes, double fitStartPs, double fitEndPs, int fitPoints, int sampledLags, double[] lagPs, double[] msdA2,
    double[][] msdComponentsA2, Measurement diffusivity, Measurement diffusivityOls, Measurement conductivity,
    double numberDensityPerA3, Measurement havenRatio, double[] ngpLagPs, double[] ngp, String driftReference, Region region,
    String method, List<String> warnings) {}
