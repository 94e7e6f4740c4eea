package org.interphase.parsers.vasp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.interphase.core.FrameSource;
import org.interphase.core.TruncatedInputException;
import org.interphase.parsers.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file cut inside its first frame keeps no frame: an error naming the line, also without --strict. */
class XdatcarCutInFirstFrameTest {
  @TempDir
  Path dir;

  @Test
  void aFileCutInsideItsFirstFrameIsAnErrorNotZeroFrames() throws IOException {
    Path p = dir.resolve("XDATCAR");
    Files.writeString(p, "LiS\n 1\n 10 0 0\n 0 10 0\n 0 0 10\n Li S\n 2 1\nDirect configuration=     1\n"
        + "  0.10000000  0.20000000  0.30000000\n  0.40000000  0.5");
    try (FrameSource src = XdatcarReader.open(p, ReadOptions.DEFAULT)) {
      TruncatedInputException e = assertThrows(TruncatedInputException.class, src::hasNext);
      assertTrue(e.getMessage().contains(":10:"), e.getMessage());
    }
  }
}
