package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code campaign --slurm} against a real Slurm (one node on this machine: {@code .ci/slurm-up}): the job array and the
 * collecting job run, and their table equals the local campaign's number for number, each run's JSON the single command's.
 * Skipped with a message naming what is missing when there is no {@code sbatch}/{@code squeue}/{@code sinfo} or no node
 * answers; {@code -Dinterphase.requireSlurm=true} (CI) makes that a failure.
 */
class CampaignSlurmTest {
  private static final long TIMEOUT_MS = 180_000;

  @Test
  void theJobArrayGivesTheLocalCampaignsTable() throws Exception {
    requireSlurm();
    Path dir = SharedData.scratch("campaign-slurm");
    Path manifest = dir.resolve("study.json");
    Path ex = CampaignCommandTest.EXAMPLES;
    Files.writeString(manifest, """
        {"md": [{"path": "%s", "name": "li3ps4", "temperature_k": 1500, "fit_start_ps": 0.3, "fit_end_ps": 1.5},
                {"path": "%s", "name": "li2s-lpsc", "temperature_k": 600},
                {"path": "%s", "name": "aimd-nvt"},
                {"path": "%s", "name": "kinisi", "timestep_fs": 100, "fit_start_ps": 2, "fit_end_ps": 7}],
         "neb": [{"path": "%s"}, {"path": "%s"}, {"path": "%s"}],
         "interfaces": [{"name": "sp", "interface": "%s", "part_a": "%s", "part_b": "%s", "interfaces": 1},
                        {"name": "aimd", "interface": "%s", "part_a": "%s", "part_b": "%s", "interfaces": 1, "equilibration_ps": 0.1}]}
        """.formatted(ex.resolve("cp2k-aimd-li3ps4"), ex.resolve("seed-study/aimd_li2s_lpsc-pos-1.xyz.xz"),
        SharedData.cp2k("aimd_nvt"), SharedData.real("kinisi/example_XDATCAR.gz"), ex.resolve("cp2k-neb-li-hop"),
        ex.resolve("seed-study/neb_li2s_lpsc"), SharedData.cp2k("neb_li_hop"), SharedData.cp2k("interface_energy/sp_interface.out"),
        SharedData.cp2k("interface_energy/sp_slabA.out"), SharedData.cp2k("interface_energy/sp_slabB.out"),
        ex.resolve("cp2k-li2s-s8-interface/aimd_interface-1.ener"), ex.resolve("cp2k-li2s-s8-interface/aimd_slabA-1.ener"),
        ex.resolve("cp2k-li2s-s8-interface/aimd_slabB-1.ener")));
    Path slurm = CampaignCommandTest.clean(dir.resolve("slurm-out"));
    long t0 = System.nanoTime();
    InfoCommandTest.Run submitted = InfoCommandTest.run("campaign", manifest.toString(), "--out", slurm.toString(), "--slurm", "--time",
        "00:05:00", "--json");
    assertEquals(0, submitted.exit(), submitted.err());
    JsonNode jobs = Json.MAPPER.readTree(submitted.out());
    assertEquals(9, jobs.get("runs").asInt());
    String array = jobs.get("array_job").asText();
    String collect = jobs.get("collect_job").asText();
    waitFor(array + "," + collect, slurm);
    System.out.printf("CampaignSlurmTest: array %s (9 tasks) and collect %s done in %.1f s%n", array, collect, (System.nanoTime() - t0) / 1e9);

    Path local = CampaignCommandTest.clean(dir.resolve("local-out"));
    InfoCommandTest.Run here = InfoCommandTest.run("campaign", manifest.toString(), "--out", local.toString(), "--json");
    assertEquals(0, here.exit(), here.err());
    JsonNode fromSlurm = Json.MAPPER.readTree(slurm.resolve("campaign.json").toFile());
    JsonNode fromHere = Json.MAPPER.readTree(local.resolve("campaign.json").toFile());
    assertEquals(9, fromSlurm.get("ok").asInt(), fromSlurm.toPrettyString());
    // number for number: every field of every row (the commands too: the same inputs, the same parameters)
    assertEquals(fromHere, fromSlurm);
    assertEquals(Files.readString(local.resolve("campaign.csv")), Files.readString(slurm.resolve("campaign.csv")));
    for (JsonNode row : fromSlurm.get("rows")) {
      String name = row.get("name").asText();
      String single = CampaignCommandTest.singleJson(commandOf(row));
      assertEquals(single, Files.readString(slurm.resolve("runs/" + name + ".json")), name);
      assertEquals(single, Files.readString(local.resolve("runs/" + name + ".json")), name);
      String log = Files.readString(slurm.resolve("slurm/task-" + index(fromSlurm, name) + ".log"));
      assertTrue(log.contains(" " + name + " (") && log.contains("): ok in "), log);
    }
    assertTrue(Files.readString(slurm.resolve("slurm/collect.log")).contains("9 runs: 9 ok, 0 failed, 0 missing"));
  }

  /** The single command of a row, without {@code interphase} and {@code --json}. */
  private static List<String> commandOf(JsonNode row) throws IOException {
    return List.of(row.get("command").asText().replaceFirst("^interphase ", "").replaceFirst(" --json$", "").split(" "));
  }

  private static int index(JsonNode agg, String name) {
    for (int i = 0; i < agg.get("rows").size(); i++) {
      if (agg.get("rows").get(i).get("name").asText().equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name);
  }

  /** Polls squeue until the jobs have left the queue; cancels them and fails after the timeout. */
  private static void waitFor(String jobs, Path out) throws Exception {
    long end = System.currentTimeMillis() + TIMEOUT_MS;
    while (System.currentTimeMillis() < end) {
      String queued = run("squeue", "-h", "-j", jobs, "-o", "%i %T");
      if (queued.isBlank()) {
        return;
      }
      Thread.sleep(500);
    }
    run("scancel", jobs.split(","));
    fail("the Slurm jobs " + jobs + " did not finish in " + TIMEOUT_MS / 1000 + " s; logs in " + out.resolve("slurm"));
  }

  /** Skips (or, under -Dinterphase.requireSlurm=true, fails) unless Slurm's commands are here and a node answers. */
  static void requireSlurm() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String c : List.of("sbatch", "squeue", "sinfo", "scancel")) {
      if (!onPath(c)) {
        missing.add(c);
      }
    }
    String why = null;
    if (!missing.isEmpty()) {
      why = "no " + String.join(", ", missing) + " on the PATH (Slurm is not installed; .ci/slurm-up starts a one-node Slurm)";
    } else {
      String states = run("sinfo", "-h", "-o", "%T");
      if (states.lines().noneMatch(s -> s.matches("(idle|mixed|allocated|completing).*"))) {
        why = "no Slurm node answers (sinfo: " + (states.isBlank() ? "nothing" : states.strip().replace('\n', ' '))
            + "; .ci/slurm-up starts one)";
      }
    }
    if (why != null) {
      if (Boolean.getBoolean("interphase.requireSlurm")) {
        fail(why + ", but -Dinterphase.requireSlurm=true");
      }
      System.out.println("SKIPPED: CampaignSlurmTest: " + why);
      Assumptions.abort(why);
    }
  }

  private static boolean onPath(String command) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  /** A command's output (stdout and stderr), empty when it does not finish in 20 s. */
  private static String run(String command, String... args) throws Exception {
    List<String> c = new ArrayList<>(List.of(command));
    c.addAll(List.of(args));
    Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "";
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
