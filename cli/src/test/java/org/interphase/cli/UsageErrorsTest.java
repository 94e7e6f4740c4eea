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

  @ParameterizedTest
  @CsvSource({"msd,20", "bonds,5000", "report,0"})
  void dpiOutsideFiftyToTwelveHundredIsBadUsage(String command, String dpi) throws Exception {
    Path x = dir.resolve("XDATCAR");
    Files.writeString(x, "never read\n");
    Run r = InfoCommandTest.run(command, x.toString(), "--dpi", dpi, "--out", dir.resolve("o").toString());
    assertEquals(2, r.exit(), r.err());
    assertOneLine(r, "--dpi " + dpi, "50 and 1200");
    assertFalse(Files.exists(dir.resolve("o")), "nothing written");
  }

  @Test
  void noCommandIsBadUsageWithTheUsageOnStderr() {
    Run r = InfoCommandTest.run();
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("Usage: interphase"), r.err());
    assertTrue(r.out().isEmpty(), r.out());
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

  @Test
  void misspeltOptionSuggestsTheNearestOneInsteadOfAMissingRequiredOption() {
    Run r = InfoCommandTest.run("msd", "x", "--specis", "Li");
    assertEquals(2, r.exit());
    assertOneLine(r, "unknown option '--specis' (did you mean --species?)", "interphase msd --help");
  }

  @Test
  void unknownOptionFarFromAnyNameHasNoSuggestion() {
    Run r = InfoCommandTest.run("bonds", "x", "--zzzzzzzzzz");
    assertEquals(2, r.exit());
    assertOneLine(r, "unknown option '--zzzzzzzzzz' (see 'interphase bonds --help')");
  }

  @Test
  void renderRefusesAPictureFormatItDoesNotWriteBeforeReading() {
    Run r = InfoCommandTest.run("render", dir.resolve("missing").toString(), "-o", dir.resolve("x.jpg").toString());
    assertEquals(2, r.exit(), r.err());
    assertOneLine(r, "render writes PNG pictures only");
    assertFalse(Files.exists(dir.resolve("x.jpg")));
  }

  @Test
  void renderOutFolderReceivesRenderPng() {
    assertEquals(dir.resolve("pics").resolve("render.png"), RenderCommand.pngOf(dir.resolve("pics")));
    assertEquals(dir.resolve("a.PNG"), RenderCommand.pngOf(dir.resolve("a.PNG")));
  }

  @Test
  void bondsCentreAbsentFromTheFileNamesTheFile() throws Exception {
    Path x = dir.resolve("XDATCAR");
    Files.writeString(x, String.join("\n", "LiS", "1.0", "5 0 0", "0 5 0", "0 0 5", "Li S", "1 1", "Direct configuration=     1",
        "0 0 0", "0.5 0.5 0.5", ""));
    Run r = InfoCommandTest.run("bonds", x.toString(), "--center", "Q");
    assertEquals(2, r.exit(), r.err());
    assertOneLine(r, "no Q atoms in " + x + " (it has Li, S)");
  }

  @Test
  void tooFewRunsIsPlainWithoutAJavaList() {
    Run r = InfoCommandTest.run("arrhenius", "one-run");
    assertEquals(2, r.exit());
    assertOneLine(r, "interphase: RUN needs at least 2 values, got 1 (see 'interphase arrhenius --help')");
    assertFalse(r.err().contains("["), r.err());
  }

  @Test
  void extraArgumentIsNamedPlainly() {
    Run r = InfoCommandTest.run("msd", "a", "b", "--species", "Li");
    assertEquals(2, r.exit());
    assertOneLine(r, "unexpected argument 'b'");
  }
}
