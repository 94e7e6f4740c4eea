package org.interphase.parsers.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.interphase.core.FrameSource;
import org.interphase.core.Warning;
import org.interphase.parsers.FormatRegistry;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;

/** {@code --timestep-fs} against the spacing a CP2K run's files give. */
class Cp2kOverrideTest {
  private static Path run(Path d) {
    MadeRun.input(d, "ov.inp", "ov", "MD", 10.0, 2.5, 0, "");
    String[] labels = {"O", "H"};
    MadeRun.in(d).frame(0, 0.0, -1, labels, new double[2]).frame(1, 2.5, -1, labels, new double[2]).frame(2, 5.0, -1, labels,
        new double[2]).write("ov-pos-1.xyz");
    return d.resolve("ov-pos-1.xyz");
  }

  @Test
  void overrideDifferingFromTheFilesIsAWarningNamingBoth() {
    Path pos = run(MadeRun.folder("override"));
    try (FrameSource src = FormatRegistry.open(pos, new ReadOptions(false, List.of(), 3.0, null))) {
      // by hand: time = column 0, 2.5, 5 fs at steps 0, 1, 2 → 2.5 fs between frames; 3 fs asked
      assertEquals(3.0, src.header().timestepFs(), 0);
      assertTrue(Warning.texts(src.warnings()).contains("--timestep-fs 3 fs differs from the 2.5 fs between frames the files give (ov-pos-1.xyz "
          + "time = column); --timestep-fs used"), Warning.texts(src.warnings()).toString());
    }
    try (FrameSource src = FormatRegistry.open(pos, new ReadOptions(false, List.of(), 2.5, null))) {
      assertTrue(Warning.texts(src.warnings()).stream().noneMatch(w -> w.contains("--timestep-fs")), Warning.texts(src.warnings()).toString());
    }
  }
}
