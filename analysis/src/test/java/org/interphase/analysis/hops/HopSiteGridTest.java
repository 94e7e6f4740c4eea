package org.interphase.analysis.hops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

/** The binned nearest-site search gives what a search over every site and the minimum image gives, in a skewed cell. */
class HopSiteGridTest {

  @Test
  void nearestSiteMatchesBruteForceInATriclinicCell() {
    Cell cell = Cell.fromLengthsAndAngles(9.0, 11.0, 8.0, 70, 105, 60);
    Random rnd = new Random(5);
    Site[] sites = new Site[120];
    for (int s = 0; s < sites.length; s++) {
      sites[s] = new Site(new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()}, "site");
    }
    double cutoff = 1.6;
    SiteGrid grid = new SiteGrid(sites, cell, cutoff);
    double[] cart = new double[3];
    int found = 0;
    for (int k = 0; k < 20_000; k++) {
      double[] f = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
      int best = bruteForceNearest(sites, cell, f, cutoff, cart);
      assertEquals(best, grid.nearest(f[0], f[1], f[2], cutoff), "point " + k);
      found += best >= 0 ? 1 : 0;
    }
    System.out.println("site grid: " + found + " of 20000 points within 1.6 Å of a site, all as a full search finds them");
  }

  /** With few sites most points are far from all of them: the far-voxel mask must answer as the full search, also near its edges. */
  @Test
  void fewSitesMostPointsFarStillMatchBruteForce() {
    Cell cell = Cell.fromLengthsAndAngles(14.0, 12.5, 13.0, 80, 100, 65);
    Random rnd = new Random(9);
    Site[] sites = new Site[6];
    for (int s = 0; s < sites.length; s++) {
      sites[s] = new Site(new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()}, "site");
    }
    double cutoff = 1.9;
    SiteGrid grid = new SiteGrid(sites, cell, cutoff);
    double[] cart = new double[3];
    int found = 0;
    for (int k = 0; k < 200_000; k++) {
      double[] f = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
      if (k % 2 == 1) {
        // a point close to the cutoff sphere of a site, where the mask must not cut off a site
        double[] sf = sites[k % sites.length].fractional();
        for (int d = 0; d < 3; d++) {
          f[d] = sf[d] + (rnd.nextDouble() - 0.5) * 0.35;
          f[d] -= Math.floor(f[d]);
        }
      }
      for (double c : new double[] {cutoff, 1.5}) {
        int best = bruteForceNearest(sites, cell, f, c, cart);
        assertEquals(best, grid.nearest(f[0], f[1], f[2], c), "point " + k + ", cutoff " + c);
        found += best >= 0 ? 1 : 0;
      }
    }
    System.out.println("sparse site grid: " + found + " of 400000 queries within the cutoff of a site, all as a full search finds them");
  }

  /** The nearest site within {@code cutoff} by the minimum image to every site, −1 for none. */
  private static int bruteForceNearest(Site[] sites, Cell cell, double[] f, double cutoff, double[] cart) {
    int best = -1;
    double bestD = cutoff;
    for (int s = 0; s < sites.length; s++) {
      double[] sf = sites[s].fractional();
      cell.toCartesian(new double[] {f[0] - sf[0], f[1] - sf[1], f[2] - sf[2]}, cart);
      double d = cell.minimumImage(cart[0], cart[1], cart[2], cart);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best;
  }
}
