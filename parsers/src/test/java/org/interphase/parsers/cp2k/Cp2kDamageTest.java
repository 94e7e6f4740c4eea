package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.interphase.core.FrameSources;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.EnergyRuns;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * Damaged CP2K files of the kinds {@code shared/data/damaged} builds, made small here: each is one
 * {@code file:line: expected …, found …} error, never a number.
 */
class Cp2kDamageTest {
  private static final String[] LABELS = {"Li", "S"};

  private static MalformedInputException refused(Path pos) {
    return assertThrows(MalformedInputException.class, () -> FrameSources.readAll(FormatRegistry.open(pos, ReadOptions.DEFAULT)));
  }

  private static Path run(String name) {
    Path d = MadeRun.folder(name);
    MadeRun.input(d, "dm.inp", "dm", "MD", 10.0, 1.0, 0, "");
    return d;
  }

  @Test
  void zeroAtoms() {
    Path d = run("damage-zero");
    Path pos = MadeRun.in(d).line("       0").line(" i =        0, time =        0.000, E =      -1.0").write("dm-pos-1.xyz");
    assertEquals(pos + ":1: expected an atom count of at least 1 for frame 1, found \"0\"", refused(pos).getMessage());
  }

  @Test
  void energyThatIsNotANumberInTheComment() {
    Path d = run("damage-enan");
    Path pos = MadeRun.in(d).frame(0, 0, -1, LABELS, new double[2])
        .line("       2").line(" i =        1, time =        1.000, E =       NaN").line(" Li 0 1 1").line(" S 0 2 2").write("dm-pos-1.xyz");
    assertEquals(pos + ":6: expected a finite number after \"E =\", found \"NaN\"", refused(pos).getMessage());
  }

  @Test
  void enerRowWithAColumnMissing() {
    Path d = run("damage-ener");
    MadeRun pos = MadeRun.in(d);
    MadeRun ener = MadeRun.in(d);
    for (int s = 0; s < 3; s++) {
      pos.frame(s, s, -1, LABELS, new double[2]);
      ener.ener(s, s, 300, -1);
    }
    pos.line("       2").line(" i =        3, time =        3.000, E =      -1.0").line(" Li 0 1 1").line(" S 0 2 2").write("dm-pos-1.xyz");
    ener.line("         3            3.000000         0.001000000      -1.000000000       -0.999000000         1.000000000");
    ener.ener(4, 4, 300, -1);
    Path e = ener.write("dm-1.ener");
    // header (1) + rows of steps 0, 1, 2 (2-4): the 6-column row of step 3 is line 5
    MalformedInputException x = refused(d.resolve("dm-pos-1.xyz"));
    assertEquals(e + ":5", x.getMessage().substring(0, x.getMessage().indexOf(": expected")));
  }

  @Test
  void bandReplicaEnergyThatIsNotANumber() {
    Path d = MadeRun.folder("damage-band");
    MadeRun.in(d).line("&GLOBAL\n  PROJECT nb\n  RUN_TYPE BAND\n&END GLOBAL\n&FORCE_EVAL\n  &SUBSYS\n    &CELL\n      ABC 9 9 9\n"
        + "    &END CELL\n  &END SUBSYS\n&END FORCE_EVAL\n&MOTION\n  &BAND\n    NUMBER_OF_REPLICA 2\n  &END BAND\n&END MOTION").write("nb.inp");
    MadeRun.in(d).frame(0, Double.NaN, -1, LABELS, new double[2]).write("nb-pos-Replica_nr_1-1.xyz");
    Path bad = MadeRun.in(d).line("       2").line(" i =        0, E =      nan").line(" Li 0 1 1").line(" S 0 2 2")
        .write("nb-pos-Replica_nr_2-1.xyz");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> Cp2kBand.read(d));
    assertEquals(bad + ":2: expected a finite number after \"E =\", found \"nan\"", e.getMessage());
  }

  @Test
  void emptyLogForAnInterface() {
    Path d = MadeRun.folder("damage-empty-log");
    Path p = MadeRun.in(d).write("sp.out");
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> EnergyRuns.open(p, ReadOptions.DEFAULT).close());
    assertEquals(p + ":1: expected a CP2K log, a VASP OUTCAR/vasprun.xml/OSZICAR or an MD trajectory, found end of file", e.getMessage());
  }
}
