package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The demo report of the bundled examples, opened in a real browser (headless Chromium): every
 * image decodes, no script error, and a screenshot is saved under target/. Skipped only when no
 * Chromium is installed; {@code -Dinterphase.requireBrowser=true} (CI) makes that a failure.
 */
class DemoReportTest {

  private static final List<String> SEED_TITLES = List.of("S8 | Li6PS5Cl at 600 K (seed model)", "S8 | Li3PS4 | Li6PS5Cl at 600 K (seed model)",
      "Li2S | Li6PS5Cl at 600 K (seed model)", "Li2S | Li3PS4 | Li6PS5Cl at 600 K (seed model)");

  private static Path chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  private static String runBrowser(Path browser, List<String> extra, Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(SharedData.scratch("chromium"), "profile");
    List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the browser did not finish");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void demoReportOpensInABrowser() throws Exception {
    Path root = SharedData.projectRoot();
    Path out = SharedData.scratch("demo");
    InfoCommandTest.Run r = InfoCommandTest.run("demo", "--examples", root.resolve("examples").toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    Path page = out.resolve("index.html");
    assertTrue(r.out().contains(page.toAbsolutePath().normalize().toString()), r.out());
    String html = Files.readString(page);
    for (String s : List.of("Interface energies", "Migration barriers", "MD run: cp2k-aimd-li3ps4", "correlation-aware")) {
      assertTrue(html.contains(s), s);
    }
    // the seed study: four models after AIMD, their interface energies, the Li hop with and without the interphase
    for (String s : SEED_TITLES) {
      assertTrue(html.contains("MD run: " + s), s);
    }
    String interfaces = Files.readString(out.resolve("interfaces/interface.json"));
    String neb = Files.readString(out.resolve("neb/neb.json"));
    for (String s : List.of("S8 | Li6PS5Cl, AIMD 600 K", "S8 | Li3PS4 (on Li6PS5Cl), AIMD 600 K", "Li2S | Li6PS5Cl, AIMD 600 K",
        "Li2S | Li3PS4 (on Li6PS5Cl), AIMD 600 K")) {
      assertTrue(interfaces.contains(s), s);
    }
    for (String s : List.of("Li hop Li2S → Li6PS5Cl (no interphase)", "Li hop Li2S → Li3PS4 interphase")) {
      assertTrue(neb.contains(s), s);
      assertTrue(html.contains(s), s);
    }
    for (String f : List.of("md-1/msd.json", "md-1/bonds.json", "interfaces/interface.json", "neb/neb.json")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    Path browser = chromium();
    if (browser == null) {
      if (Boolean.getBoolean("interphase.requireBrowser")) {
        fail("no Chromium installed, but -Dinterphase.requireBrowser=true");
      }
      Assumptions.abort("no Chromium installed (/usr/bin/chromium): the browser check is skipped");
    }
    String dom = runBrowser(browser, List.of("--virtual-time-budget=5000", "--dump-dom"), page);
    Matcher ok = Pattern.compile("data-images-ok=\"(\\d+)/(\\d+)\"").matcher(dom);
    assertTrue(ok.find(), "the page's load script ran");
    assertEquals(ok.group(2), ok.group(1), "every image decodes");
    assertTrue(Integer.parseInt(ok.group(2)) >= 20, "images: " + ok.group(2));
    Matcher err = Pattern.compile("data-errors=\"([^\"]*)\"").matcher(dom);
    assertTrue(err.find());
    assertEquals("", err.group(1), "script errors");
    Path shot = out.resolve("screenshot.png");
    runBrowser(browser, List.of("--window-size=1200,3000", "--screenshot=" + shot), page);
    assertTrue(Files.size(shot) > 50_000, "screenshot saved");
  }
}
