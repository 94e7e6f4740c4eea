package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders without picocli format warnings and names its units. */
class HelpTest {

  @Test
  void everyHelpTextFormatsCleanly() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Map<String, CommandLine> commands = Interphase.commandLine().getSubcommands();
    assertTrue(commands.size() >= 8, commands.keySet().toString());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
        String usage = c.getValue().getUsageMessage();
        assertTrue(usage.contains("Usage: interphase " + c.getKey()), usage);
        assertFalse(usage.contains("%n"), c.getKey() + ": an unformatted %n in\n" + usage);
      }
    } finally {
      System.setErr(saved);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8), "picocli warnings while rendering help");
  }
}
