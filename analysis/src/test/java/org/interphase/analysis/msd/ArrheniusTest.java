package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.interphase.core.Measurement;
import org.junit.jupiter.api.Test;

class ArrheniusTest {
  private static final double K = 8.617333262e-5;

  @Test
  void exactPointsGiveTheActivationEnergyAndExtrapolation() {
    // D = 1e-3 · exp(-0.30 eV / kT) at 600, 800, 1000 K, 10 % errors
    double ea = 0.30;
    List<Arrhenius.Point> pts = List.of(600.0, 800.0, 1000.0).stream().map(t -> {
      double d = 1e-3 * Math.exp(-ea / (K * t));
      return new Arrhenius.Point(t + " K", t, new Measurement(d, 0.1 * d, "cm²/s"), 0.03, 1);
    }).toList();
    Arrhenius.Result r = Arrhenius.fit(pts, 300);
    assertEquals(0.30, r.activationEnergyEv().value(), 1e-12);
    assertEquals(1e-3, r.prefactor().value(), 1e-15);
    double d300 = 1e-3 * Math.exp(-ea / (K * 300));
    assertEquals(d300, r.extrapolatedDiffusivity().value(), 1e-12 * d300);
    // σ(300 K) = n e² D / (k_B T), n = 0.03 Å⁻³ = 3e22 cm⁻³, by hand
    double sigma = 3e22 * Math.pow(1.602176634e-19, 2) * d300 / (1.380649e-23 * 300);
    assertEquals(sigma, r.extrapolatedConductivity().value(), 1e-9 * sigma);
  }

  @Test
  void twoPointErrorsByHand() {
    // two points, relative errors e1, e2 on D: σ(slope in 1/T) = sqrt(e1² + e2²) / |1/T1 - 1/T2|
    double t1 = 500;
    double t2 = 1000;
    Arrhenius.Result r = Arrhenius.fit(List.of(
        new Arrhenius.Point("a", t1, new Measurement(1e-6, 0.2e-6, "cm²/s"), 0.03, 1),
        new Arrhenius.Point("b", t2, new Measurement(1e-5, 0.1e-5, "cm²/s"), 0.03, 1)), 300);
    double slope = (Math.log(1e-5) - Math.log(1e-6)) / (1 / t2 - 1 / t1);
    assertEquals(-slope * K, r.activationEnergyEv().value(), 1e-12);
    double se = Math.sqrt(0.2 * 0.2 + 0.1 * 0.1) / Math.abs(1 / t1 - 1 / t2);
    assertEquals(se * K, r.activationEnergyEv().stdErr(), 1e-12);
  }

  @Test
  void refusesOneTemperature() {
    assertThrows(IllegalArgumentException.class,
        () -> Arrhenius.fit(List.of(new Arrhenius.Point("a", 500, new Measurement(1e-6, 1e-7, "cm²/s"), 0.03, 1)), 300));
  }
}
