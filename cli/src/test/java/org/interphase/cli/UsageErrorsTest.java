package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.interphase.cli.InfoCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line itself is the only source of exit 2: one line naming the option and the value,
 * no usage dump, no stack trace; nothing is read or written first.
 */
class UsageErrorsTest {
  @TempDir
  Path dir;

  private static void assertOneLine(Run r, String... mentions) {
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("interphase: "), r.err());
    for (String m : mentions) {
      assertTrue(r.err().contains(m), () -> "'" + m + "' not in: " + r.err());
    }
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @ParameterizedTest
  @CsvSource({"--timestep-fs,NaN", "--timestep-fs,Infinity", "--temperature-k,-Infinity", "--charge,NaN", "--fit-start-ps,nan",
      "--fit-end-ps,abc"})
  void nonFiniteNumbersAreBadUsage(String option, String value) throws Exception {
    Path x = dir.resolve("XDATCAR");
    Files.writeString(x, "never read\n");
    Run r = InfoCommandTest.run("msd", x.toString(), "--species", "Li", option, value);
    assertEquals(2, r.exit(), r.err());
    assertOneLine(r, option, "'" + value + "'", "interphase msd --help");
  }

  @Test
  void unknownOptionIsOneLineWithoutUsageDump() {
    Run r = InfoCommandTest.run("info", "--bogus", "x");
    assertEquals(2, r.exit());
    assertOneLine(r, "--bogus", "interphase info --help");
  }

  @Test
  void outNamingAnExistingFileIsRefusedBeforeAnyWorkAndTheFileIsKept() throws Exception {
    Path file = dir.resolve("results");
    Files.writeString(file, "keep me");
    Run r = InfoCommandTest.run("msd", dir.resolve("missing-XDATCAR").toString(), "--species", "Li", "--out", file.toString());
    assertEquals(2, r.exit(), r.err());
    assertOneLine(r, "--out " + file, "is an existing file, not a folder");
    assertEquals("keep me", Files.readString(file));
  }

  @Test
  void outThatCannotBeMadeIsOneLineWithTheSystemsReason() throws Exception {
    Path file = dir.resolve("plain");
    Files.writeString(file, "x");
    Path under = file.resolve("sub");
    Run r = InfoCommandTest.run("bonds", dir.resolve("missing").toString(), "--out", under.toString());
    assertEquals(2, r.exit(), r.err());
    assertOneLine(r, "--out " + under + ": cannot write there");
  }
}
