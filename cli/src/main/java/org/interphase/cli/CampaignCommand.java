package org.interphase.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.core.view.Document;
import org.interphase.parsers.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase campaign MANIFEST.json|DIR… --out DIR}: many runs on every core, or as a Slurm job array. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
    description = {"Every run of a study: MD runs (msd --species Li), NEB bands (neb) and interface triples (interface), from a "
        + "manifest (examples/campaign.json) or found in folders, several at a time on this machine or as a Slurm job array.",
        "Writes OUT/runs/NAME.json (the document the single command prints with --json), OUT/campaign.json and OUT/campaign.csv "
            + "(one row per run) and OUT/index.html. A run whose inputs and parameters are unchanged is not recomputed.",
        "Exit code 1 when a run failed (or, with --collect, failed or is missing); the other runs finish and the table gives the "
            + "error of each failed run. An MD run without the mobile species (e.g. a pure S8 slab) is skipped with the reason, "
            + "not failed."})
final class CampaignCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "MANIFEST.json|DIR", description = "Campaign manifests and folders to search for runs.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "The campaign folder (made when missing).")
  Path out;

  @Option(names = "--jobs", paramLabel = "N", description = "Runs at a time on this machine (default: the number of cores).")
  Integer jobs;

  @Option(names = "--species", paramLabel = "EL", defaultValue = "Li", description = "Mobile species of MD runs that do not name one "
      + "(default ${DEFAULT-VALUE}).")
  String species;

  @Option(names = "--interfaces", paramLabel = "K", defaultValue = "1", description = "A|B interfaces per cell of the interface "
      + "triples found in folders (default ${DEFAULT-VALUE}: a slab with vacuum).")
  int interfaces;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Option(names = "--slurm", description = "Write a Slurm job array (one task per run) and a job that collects the results, and "
      + "submit both with sbatch.")
  boolean slurm;

  @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
  String partition;

  @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Slurm time limit per task (default: the partition's).")
  String time;

  @Option(names = "--cpus-per-task", paramLabel = "N", defaultValue = "1", description = "Slurm CPUs per task (default "
      + "${DEFAULT-VALUE}).")
  int cpusPerTask;

  @Option(names = "--dry-run", description = "With --slurm: write the scripts and print the sbatch commands without submitting.")
  boolean dryRun;

  @Option(names = "--task", paramLabel = "I", description = "Run the I-th run (from 0) of the run list in --out: what a task of the "
      + "job array does.")
  Integer task;

  @Option(names = "--collect", paramLabel = "DIR", description = "Build campaign.json, campaign.csv and index.html of DIR from the "
      + "runs that have finished; the others are listed as missing.")
  Path collect;

  @Override
  public Integer call() {
    if (collect != null) {
      return collect(collect);
    }
    if (out == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "campaign needs --out DIR (or --collect DIR)");
    }
    if (task != null) {
      return task(task);
    }
    if (sources.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give a campaign manifest (.json) or folders to search for runs");
    }
    if (jobs == null) {
      jobs = Runtime.getRuntime().availableProcessors();
    } else if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs " + jobs + ": must be at least 1");
    }
    CampaignPlan plan = new CampaignPlan(species, interfaces);
    sources.forEach(plan::add);
    PrintWriter err = spec.commandLine().getErr();
    plan.notes().forEach(n -> err.println("warning: " + n));
    err.flush();
    List<CampaignRun> runs = plan.runs();
    if (runs.isEmpty()) {
      throw new org.interphase.core.UnsupportedFormatException("no runs found in " + sources
          + ": expected MD runs, NEB bands or interface triples (see interphase campaign --help)");
    }
    Path dir = out.toAbsolutePath().normalize();
    Campaign.writeRunList(dir, runs);
    return slurm ? submit(dir, runs) : local(dir, runs);
  }

  private int local(Path dir, List<CampaignRun> runs) {
    long t0 = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    List<Campaign.Outcome> outcomes = Campaign.runAll(runs, dir, ReadOptions.DEFAULT, jobs, err);
    List<CampaignAggregate.Row> rows = CampaignAggregate.write(dir, runs);
    long cached = outcomes.stream().filter(o -> o.status() == Campaign.Status.CACHED).count();
    long recomputed = outcomes.size() - cached;
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (json) {
      Document d = CampaignAggregate.document(rows);
      Document head = new Document().put("out", dir.toString()).put("recomputed", (int) recomputed).put("cached", (int) cached)
          .put("seconds", seconds);
      print(head.putAll(d));
    } else {
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "campaign: %s; %d recomputed, %d cached (%.1f s, %d at a time)%n", CampaignAggregate.summary(rows),
          recomputed, cached, seconds, Math.min(jobs, runs.size()));
      failures(o, rows);
      o.println("table: " + dir.resolve("campaign.csv") + ", " + dir.resolve("campaign.json"));
      o.println("page:  " + dir.resolve("index.html"));
      o.flush();
    }
    return CampaignAggregate.count(rows, "failed") > 0 ? 1 : 0;
  }

  private int submit(Path dir, List<CampaignRun> runs) {
    SlurmJobs.Scripts s = SlurmJobs.write(dir, runs.size(), new SlurmJobs.Request(partition, time, cpusPerTask));
    String[] ids = dryRun ? null : SlurmJobs.submit(s);
    if (json) {
      print(new Document().put("out", dir.toString()).put("runs", runs.size()).put("array_script", s.array().toString())
          .put("collect_script", s.collect().toString()).put("array_job", ids == null ? null : ids[0])
          .put("collect_job", ids == null ? null : ids[1]).put("submitted", ids != null));
      return 0;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("campaign: " + runs.size() + " runs as a Slurm job array; scripts " + s.array() + " and " + s.collect());
    if (ids == null) {
      o.println("to submit (--dry-run did not):");
      o.println("  " + String.join(" ", s.submitArray().stream().map(SlurmJobs::quote).toList()));
      o.println("  " + String.join(" ", s.submitCollect().stream().map(SlurmJobs::quote).toList()) + "   (ARRAY_JOB_ID: what the first "
          + "printed)");
    } else {
      o.println("submitted: array job " + ids[0] + " (" + runs.size() + " tasks, logs in " + dir.resolve("slurm") + "), collect job "
          + ids[1] + " after it (afterany)");
      o.println("when both are done: " + dir.resolve("index.html") + "; before that: interphase campaign --collect " + dir);
    }
    o.flush();
    return 0;
  }

  private int task(int i) {
    Path dir = out.toAbsolutePath().normalize();
    List<CampaignRun> runs = Campaign.readRunList(dir);
    if (i < 0 || i >= runs.size()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--task " + i + ": the run list of " + dir + " has runs 0 to "
          + (runs.size() - 1));
    }
    Campaign.Outcome o = Campaign.execute(runs.get(i), dir, ReadOptions.DEFAULT);
    Campaign.report(spec.commandLine().getErr(), i + 1, runs.size(), o);
    return o.exitCode();
  }

  private int collect(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    List<CampaignRun> runs = Campaign.readRunList(dir);
    List<CampaignAggregate.Row> rows = CampaignAggregate.write(dir, runs);
    if (json) {
      print(new Document().put("out", dir.toString()).putAll(CampaignAggregate.document(rows)));
    } else {
      PrintWriter o = spec.commandLine().getOut();
      o.println("campaign: " + CampaignAggregate.summary(rows));
      failures(o, rows);
      rows.stream().filter(r -> r.status().equals("missing")).forEach(r -> o.println("  missing: " + r.run().name()
          + " (its task has not finished: still queued or running, or killed, e.g. at its time limit; see slurm/task-*.log)"));
      o.println("page: " + dir.resolve("index.html"));
      o.flush();
    }
    return rows.stream().allMatch(r -> r.status().equals("ok") || r.status().equals("skipped")) ? 0 : 1;
  }

  private static void failures(PrintWriter o, List<CampaignAggregate.Row> rows) {
    rows.stream().filter(r -> r.status().equals("failed")).forEach(r -> o.println("  failed: " + r.run().name() + ": " + r.error()));
    rows.stream().filter(r -> r.status().equals("skipped")).forEach(r -> o.println("  skipped: " + r.run().name() + ": " + r.reason()));
  }

  private void print(Document d) {
    PrintWriter o = spec.commandLine().getOut();
    try {
      ResultWriter.writeJson(d, o);
    } catch (IOException e) {
      throw new UncheckedIOException("standard output: " + OutputFolder.reason(e), e);
    }
    o.println();
    o.flush();
  }
}
