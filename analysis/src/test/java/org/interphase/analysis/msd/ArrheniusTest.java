package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.interphase.core.Measurement;
import org.junit.jupiter.api.Test;

class ArrheniusTest {
  private static final double K = 8.617333262e-5;

  private static Arrhenius.Point point(double t, double d, double relErr, double density) {
    return new Arrhenius.Point(t + " K", t, new Measurement(d, relErr * d, "cm²/s"), density, 1);
  }

  private static List<Arrhenius.Doubt> doubts(Arrhenius.Result r) {
    return r.warnings().stream().map(w -> (Arrhenius.Doubt) w.kind()).toList();
  }

  /**
   * D = 1e-3 · exp(−0.30 eV / kT) at 600, 800, 1000 K with 10 % errors. Reference numbers from
   * src/test/resources/msd/arrhenius_reference.py (numpy 1.24.2 polyfit with weights and its
   * unscaled covariance, normal quantile for the 95 % interval).
   */
  @Test
  void exactPointsGiveTheActivationEnergyAndExtrapolation() {
    double ea = 0.30;
    List<Arrhenius.Point> pts = List.of(600.0, 800.0, 1000.0).stream().map(t -> point(t, 1e-3 * Math.exp(-ea / (K * t)), 0.1, 0.03))
        .toList();
    Arrhenius.Result r = Arrhenius.fit(pts, 300);
    assertEquals(0.30, r.activationEnergyEv().value(), 1e-12);
    assertEquals(0.01809263094464, r.activationEnergyEv().stdErr(), 1e-12);
    assertEquals(1e-3, r.prefactor().value(), 1e-15);
    double d300 = 1e-3 * Math.exp(-ea / (K * 300));
    assertEquals(d300, r.extrapolatedDiffusivity().value(), 1e-12 * d300);
    assertEquals(9.1247676508033e-09, d300, 1e-20);
    assertEquals(3.92037905404142e-09, r.extrapolatedDiffusivity().stdErr(), 1e-20);
    assertEquals(3.93106557738643e-09, r.extrapolatedDiffusivityInterval().lower(), 1e-20);
    assertEquals(2.11803601446157e-08, r.extrapolatedDiffusivityInterval().upper(), 1e-19);
    assertEquals(0.95, r.extrapolatedDiffusivityInterval().level(), 0);
    // σ(300 K) = n e² D / (k_B T), n = 0.03 Å⁻³ = 3e22 cm⁻³, by hand
    double sigma = 3e22 * Math.pow(1.602176634e-19, 2) * d300 / (1.380649e-23 * 300);
    assertEquals(sigma, r.extrapolatedConductivity().value(), 1e-9 * sigma);
    assertEquals(0.000730882887224254, r.extrapolatedConductivityInterval().lower(), 1e-15);
    assertEquals(0.00393795587232059, r.extrapolatedConductivityInterval().upper(), 1e-14);
    assertEquals(3, r.temperatures());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  /**
   * Four points scattering more than their 5 % errors (χ²/2 = 11.1): the errors are scaled by the
   * scatter and the interval uses Student's t with 2 degrees of freedom (4.3027). NumPy reference as
   * above.
   */
  @Test
  void scatteredPointsScaleTheErrorsAndUseStudentsT() {
    double[] t = {500, 650, 800, 1000};
    double[] f = {1.10, 0.85, 1.15, 0.95};
    List<Arrhenius.Point> pts = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pts.add(point(t[i], 1e-3 * Math.exp(-0.25 / (K * t[i])) * f[i], 0.05, 0.02));
    }
    Arrhenius.Result r = Arrhenius.fit(pts, 300);
    assertEquals(0.244819106419612, r.activationEnergyEv().value(), 1e-12);
    assertEquals(0.0193160276996122, r.activationEnergyEv().stdErr(), 1e-12);
    assertEquals(11.1099403530834, r.chiSquaredReduced(), 1e-9);
    assertEquals(7.10793268259861e-08, r.extrapolatedDiffusivity().value(), 1e-19);
    assertEquals(3.0630576383034e-08, r.extrapolatedDiffusivity().stdErr(), 1e-19);
    assertEquals(1.11298698800441e-08, r.extrapolatedDiffusivityInterval().lower(), 1e-19);
    assertEquals(4.53937984584535e-07, r.extrapolatedDiffusivityInterval().upper(), 1e-17);
    assertEquals(0.00881027677099066, r.extrapolatedConductivity().value(), 1e-13);
    assertEquals(0.00137954646515381, r.extrapolatedConductivityInterval().lower(), 1e-14);
    assertEquals(0.0562655762180534, r.extrapolatedConductivityInterval().upper(), 1e-12);
  }

  /**
   * Two points, relative errors e1, e2 on D: the line passes through both, σ(slope in 1/T) = sqrt(e1²
   * + e2²) / |1/T1 − 1/T2|; at 300 K, with λ = (1/300 − 1/T1) / (1/T2 − 1/T1), Var(ln D) = e1²(1 −
   * λ)² + e2² λ² (both by hand), and the 95 % interval is ln D ± 1.959964·sqrt(Var).
   */
  @Test
  void twoPointErrorsByHandAndAWarning() {
    double t1 = 500;
    double t2 = 1000;
    Arrhenius.Result r = Arrhenius.fit(List.of(point(t1, 1e-6, 0.2, 0.03), point(t2, 1e-5, 0.1, 0.03)), 300);
    double slope = (Math.log(1e-5) - Math.log(1e-6)) / (1 / t2 - 1 / t1);
    assertEquals(-slope * K, r.activationEnergyEv().value(), 1e-12);
    double se = Math.sqrt(0.2 * 0.2 + 0.1 * 0.1) / Math.abs(1 / t1 - 1 / t2);
    assertEquals(se * K, r.activationEnergyEv().stdErr(), 1e-12);
    double lambda = (1 / 300.0 - 1 / t1) / (1 / t2 - 1 / t1);
    double seLn = Math.sqrt(0.04 * (1 - lambda) * (1 - lambda) + 0.01 * lambda * lambda);
    double lnD = Math.log(1e-6) + lambda * (Math.log(1e-5) - Math.log(1e-6));
    assertEquals(Math.exp(lnD), r.extrapolatedDiffusivity().value(), 1e-12 * Math.exp(lnD));
    assertEquals(Math.exp(lnD - 1.959963984540054 * seLn), r.extrapolatedDiffusivityInterval().lower(), 1e-9 * Math.exp(lnD));
    assertEquals(Math.exp(lnD + 1.959963984540054 * seLn), r.extrapolatedDiffusivityInterval().upper(), 1e-9 * Math.exp(lnD));
    assertEquals(List.of(Arrhenius.Doubt.TWO_TEMPERATURES), doubts(r));
    assertTrue(r.warnings().get(0).text().contains("500 K and 1000 K"), r.warnings().toString());
  }

  @Test
  void refusesOneTemperature() {
    assertThrows(IllegalArgumentException.class, () -> Arrhenius.fit(List.of(point(500, 1e-6, 0.1, 0.03)), 300));
    // two runs at one temperature, also when the same run is given twice: no line can be drawn
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arrhenius.fit(List.of(point(600, 1e-6, 0.1, 0.03),
        point(600, 1.3e-6, 0.1, 0.03)), 300));
    assertTrue(e.getMessage().contains("two or more different temperatures") && e.getMessage().contains("all at 600 K"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Arrhenius.fit(List.of(point(600, 1e-6, 0.1, 0.03), point(600 * (1 + 1e-9), 1e-6,
        0.1, 0.03)), 300));
  }

  /** D falling with T (1e-5 at 600 K, 1e-6 at 900 K, 5e-7 at 1200 K) gives Ea < 0: warned. */
  @Test
  void negativeActivationEnergyIsWarned() {
    Arrhenius.Result r = Arrhenius.fit(List.of(point(600, 1e-5, 0.1, 0.03), point(900, 1e-6, 0.1, 0.03), point(1200, 5e-7, 0.1, 0.03)),
        300);
    assertTrue(r.activationEnergyEv().value() < 0);
    assertEquals(List.of(Arrhenius.Doubt.NEGATIVE_ACTIVATION_ENERGY), doubts(r));
  }

  /** 1000 K and 1040 K are 4 % apart (< 5 %): warned, naming both; 800 K and 1000 K are not. */
  @Test
  void closeTemperaturesAreWarned() {
    Arrhenius.Result r = Arrhenius.fit(List.of(point(800, 1e-6, 0.1, 0.03), point(1000, 3e-6, 0.1, 0.03), point(1040, 3.3e-6, 0.1, 0.03)),
        300);
    assertEquals(List.of(Arrhenius.Doubt.CLOSE_TEMPERATURES), doubts(r));
    assertTrue(r.warnings().get(0).text().contains("1000 K and 1040 K (4.0 %)"), r.warnings().get(0).text());
  }

  @Test
  void differentCompositionIsWarned() {
    Measurement d = new Measurement(1e-6, 1e-7, "cm²/s");
    List<Arrhenius.Point> pts = List.of(new Arrhenius.Point("a", 600, d, 0.03, 1, Map.of("Li", 12, "P", 4, "S", 16)),
        new Arrhenius.Point("b", 800, new Measurement(3e-6, 3e-7, "cm²/s"), 0.03, 1, Map.of("Li", 12, "P", 4, "S", 16)),
        new Arrhenius.Point("c", 1000, new Measurement(6e-6, 6e-7, "cm²/s"), 0.03, 1, Map.of("Li", 24, "P", 4, "S", 20, "Cl", 4)));
    Arrhenius.Result r = Arrhenius.fit(pts, 300);
    assertEquals(List.of(Arrhenius.Doubt.DIFFERENT_COMPOSITION), doubts(r));
    assertTrue(r.warnings().get(0).text().contains("Li12 P4 S16 (a, b)"), r.warnings().get(0).text());
  }

  /** Each run's σ is n e² D / (k_B T) at its own temperature, S/cm (by hand for n = 0.03 Å⁻³, 600 K). */
  @Test
  void perRunConductivityInSiemensPerCentimetre() {
    Arrhenius.Point p = point(600, 2e-5, 0.1, 0.03);
    double sigma = 3e22 * Math.pow(1.602176634e-19, 2) * 2e-5 / (1.380649e-23 * 600);
    assertEquals(sigma, p.conductivity().value(), 1e-12 * sigma);
    assertEquals("S/cm", p.conductivity().unit());
  }
}
