package org.interphase.analysis.hops;

import java.util.ArrayList;
import java.util.List;
import org.interphase.analysis.msd.Region;
import org.interphase.core.Units;

/**
 * Hop statistics per layer (slab of the cell), e.g. the interphase against the bulk on either side. A site belongs to a layer
 * when its position (in the first frame's cell, wrapped into it) lies in the slab, as atoms do for the MSD and g(r) per region;
 * a hop belongs to the layer of the site it leaves. Per layer:
 *
 * <pre>{@code
 * atoms      = Σ_sites in layer occupancy                      (mean number of atoms in the layer's sites)
 * rate       = hops out of the layer's sites / (atoms t)        (1/ps, per atom; t = (frames − 1) Δt)
 * D_jump     = Σ_hops out of the layer l² / (6 atoms t)         (cm²/s; Murch, Solid State Ionics 7, 177 (1982))
 * }</pre>
 *
 * <p>so the D_jump of the layers weighted by their atoms add up to the D_jump of the cell when the layers cover it.
 *
 * @param layer the slab
 * @param sites sites in the layer
 * @param atoms mean number of atoms of the species in the layer's sites
 * @param hopsOut hops leaving a site of the layer (to any site)
 * @param hopsWithin of those, hops ending in a site of the same layer
 * @param ratePerAtomPs hops out per atom in the layer per ps (NaN when no atom spent time in its sites)
 * @param dJumpCm2S jump diffusion coefficient of the layer, cm²/s (NaN as the rate)
 */
public record HopLayers(Region layer, int sites, double atoms, int hopsOut, int hopsWithin, double ratePerAtomPs, double dJumpCm2S) {

  /**
   * The statistics of each layer, in the order given; sites in no layer count in none.
   *
   * @throws IllegalArgumentException when {@code layers} is null
   */
  public static List<HopLayers> of(HopResult r, List<Region> layers) {
    if (layers == null) {
      throw new IllegalArgumentException("no layers given");
    }
    int[] layerOf = layerOfSites(r, layers);
    double timePs = r.durationPs();
    double[] occupancy = r.occupancy();
    List<HopLayers> out = new ArrayList<>();
    for (int k = 0; k < layers.size(); k++) {
      int sites = 0;
      double atoms = 0;
      for (int s = 0; s < layerOf.length; s++) {
        if (layerOf[s] == k) {
          sites++;
          atoms += occupancy[s];
        }
      }
      int out1 = 0;
      int within = 0;
      double sumL2 = 0;
      for (HopEvent h : r.hops()) {
        if (layerOf[h.from()] == k) {
          out1++;
          within += layerOf[h.to()] == k ? 1 : 0;
          sumL2 += h.distanceA() * h.distanceA();
        }
      }
      boolean some = atoms > 0 && timePs > 0;
      double rate = some ? out1 / (atoms * timePs) : Double.NaN;
      double dJump = some ? sumL2 / (6.0 * atoms * timePs * 1000.0) * Units.A2_PER_FS_TO_CM2_PER_S : Double.NaN;
      out.add(new HopLayers(layers.get(k), sites, atoms, out1, within, rate, dJump));
    }
    return List.copyOf(out);
  }

  /**
   * Hop counts between layers: {@code [from][to]}, layers in the order given and a last row and column for sites in no layer.
   */
  public static int[][] crossings(HopResult r, List<Region> layers) {
    int[] layerOf = layerOfSites(r, layers);
    int n = layers.size() + 1;
    int[][] c = new int[n][n];
    for (HopEvent h : r.hops()) {
      int a = layerOf[h.from()] < 0 ? n - 1 : layerOf[h.from()];
      int b = layerOf[h.to()] < 0 ? n - 1 : layerOf[h.to()];
      c[a][b]++;
    }
    return c;
  }

  /** Per site the index of the first layer holding it, −1 for none. */
  private static int[] layerOfSites(HopResult r, List<Region> layers) {
    double[][] pos = r.positionsA();
    int[] layerOf = new int[pos.length];
    for (int s = 0; s < pos.length; s++) {
      layerOf[s] = -1;
      for (int k = 0; k < layers.size() && layerOf[s] < 0; k++) {
        Region g = layers.get(k);
        if (g.contains(pos[s][g.axis()])) {
          layerOf[s] = k;
        }
      }
    }
    return layerOf;
  }
}
