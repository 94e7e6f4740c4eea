package org.interphase.analysis.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.interphase.core.Cell;
import org.junit.jupiter.api.Test;

/** Coupling of reorientations with hops, counted by hand. */
class RotationHopCouplingTest {
  @Test
  void eventsWithAHopNearbyInTheWindow() {
    Cell cell = Cell.orthorhombic(20, 20, 20);
    double[][] centres = {{0.5, 10, 10}, {10, 10, 10}};
    // hop 0: near unit 0 across the boundary (19.0 → 1.0 Å from x = 0.5 is 1.5 Å), frame 42; hop 1: near unit 1, frame 80;
    // hop 2: far from both
    List<HopCoupling.Hop> hops = List.of(new HopCoupling.Hop(42, new double[] {19.0, 10, 10}, new double[] {17, 10, 10}),
        new HopCoupling.Hop(80, new double[] {13, 10, 10}, new double[] {16, 10, 10}),
        new HopCoupling.Hop(10, new double[] {5, 3, 17}, new double[] {5, 3, 15}));
    List<RotationResult.Event> events = List.of(new RotationResult.Event(40, 4.0, 0, 90), new RotationResult.Event(40, 4.0, 1, 90),
        new RotationResult.Event(75, 7.5, 1, 90));
    HopCoupling c = HopCoupling.of("Li", 4, 5, events, centres, hops, cell, 100);
    assertEquals(3, c.events());
    assertEquals(2, c.coupledEvents(), "unit 0 at 40 (hop at 42) and unit 1 at 75 (hop at 80), not unit 1 at 40");
    assertEquals(3, c.hops());
    assertEquals(2, c.hopsNearUnits());
    // each unit has one hop nearby; chance per event 1 − (1 − 11/100)^1 = 0.11
    assertEquals(0.33, c.chanceCoupled(), 1e-12);
  }
}
