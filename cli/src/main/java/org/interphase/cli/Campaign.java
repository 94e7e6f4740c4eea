package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.interphase.analysis.energetics.EnergySeries;
import org.interphase.core.Runner;
import org.interphase.core.view.Views;
import org.interphase.parsers.ReadOptions;

/**
 * Runs the runs of a campaign: each one's document written to {@code runs/<name>.json} unless its cache key is unchanged,
 * several at a time on a pool of threads, one line per finished run on stderr. A failing run leaves its one-line error in
 * {@code runs/<name>.error} and never stops the others. An MD run without atoms of the mobile species (a pure S8 slab in a
 * Li study) is not a failure: it has nothing to compute, and leaves the reason in {@code runs/<name>.skipped}.
 */
final class Campaign {
  /** What became of a run. */
  enum Status {
    /** Computed now. */
    COMPUTED,
    /** Its result was up to date. */
    CACHED,
    /** It threw; the message is in its error file. */
    FAILED,
    /** It has none of the species to analyse; the reason is in its skipped file. */
    SKIPPED
  }

  /**
   * One run's outcome.
   *
   * @param error the one-line error of a failed run, or the reason a run was skipped; {@code null} otherwise
   * @param exitCode what the run's task returns: 0 unless failed (the single command would return 2 for a skipped run)
   */
  record Outcome(CampaignRun run, Status status, String error, int exitCode, double seconds) {}

  private Campaign() {}

  /** Writes the run list ({@link CampaignFiles#RUN_LIST}) that tasks and {@code --collect} read. */
  static void writeRunList(Path out, List<CampaignRun> runs) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    ArrayNode a = o.putArray("runs");
    runs.forEach(r -> a.add(r.toJson()));
    CampaignFiles.writeAtomically(out.resolve(CampaignFiles.RUN_LIST), w -> w.write(Json.MAPPER.writerWithDefaultPrettyPrinter()
        .writeValueAsString(o) + "\n"));
  }

  /** The runs of the run list in {@code out}. */
  static List<CampaignRun> readRunList(Path out) {
    Path file = out.resolve(CampaignFiles.RUN_LIST);
    String text = CampaignFiles.read(file);
    if (text == null) {
      throw new org.interphase.core.MissingInputException(file + ": no such file (is " + out + " a campaign folder?)");
    }
    JsonNode j;
    try {
      j = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    List<CampaignRun> runs = new ArrayList<>();
    j.path("runs").forEach(r -> runs.add(CampaignRun.fromJson(r)));
    return runs;
  }

  /**
   * Runs every run, {@code jobs} at a time, and returns the outcomes in the order of {@code runs}.
   *
   * @param err one line per finished run: its position, name, kind, status and time
   */
  static List<Outcome> runAll(List<CampaignRun> runs, Path out, ReadOptions options, int jobs, PrintWriter err) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, runs.size())), r -> {
      Thread t = new Thread(r, "campaign");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
      runs.forEach(r -> done.submit(() -> execute(r, out, options)));
      Outcome[] byRun = new Outcome[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        Outcome o = done.take().get();
        byRun[runs.indexOf(o.run())] = o;
        report(err, i + 1, runs.size(), o);
      }
      return List.of(byRun);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("campaign interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("campaign: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One line on stderr for a finished run (a Slurm log reads the same). */
  static void report(PrintWriter err, int done, int total, Outcome o) {
    String what = switch (o.status()) {
      case COMPUTED -> "ok";
      case CACHED -> "cached";
      case SKIPPED -> "skipped";
      default -> "FAILED";
    };
    synchronized (err) {
      err.printf(Locale.ROOT, "campaign: %d/%d %s (%s): %s in %.1f s%s%n", done, total, o.run().name(), o.run().job().kind(), what,
          o.seconds(), o.error() == null ? "" : ": " + o.error());
      err.flush();
    }
  }

  /**
   * Runs one run unless its result is up to date: the document, then its key, each written atomically; on failure the
   * one-line error, and no document or key.
   */
  static Outcome execute(CampaignRun run, Path out, ReadOptions options) {
    long t0 = System.nanoTime();
    String name = run.name();
    try {
      String key = CampaignFiles.cacheKey(run, options);
      if (key.equals(CampaignFiles.read(CampaignFiles.key(out, name))) && CampaignFiles.json(out, name).toFile().isFile()) {
        return new Outcome(run, Status.CACHED, null, 0, seconds(t0));
      }
      RunAnalyses.Documents docs = documents(run.job(), options);
      if (docs.bonds() != null) {
        writeDocument(CampaignFiles.bondsJson(out, name), docs.bonds());
      } else {
        CampaignFiles.delete(CampaignFiles.bondsJson(out, name));
      }
      writeDocument(CampaignFiles.json(out, name), docs.main());
      CampaignFiles.writeAtomically(CampaignFiles.key(out, name), key);
      CampaignFiles.delete(CampaignFiles.error(out, name));
      CampaignFiles.delete(CampaignFiles.skipped(out, name));
      return new Outcome(run, Status.COMPUTED, null, 0, seconds(t0));
    } catch (org.interphase.core.AbsentSpeciesException e) {
      String reason = skipReason(e);
      clear(out, name);
      CampaignFiles.delete(CampaignFiles.error(out, name));
      CampaignFiles.writeAtomically(CampaignFiles.skipped(out, name), reason + "\n");
      return new Outcome(run, Status.SKIPPED, reason, 0, seconds(t0));
    } catch (RuntimeException e) {
      // a campaign takes a run's parameters from its manifest entry, not from command-line options
      String message = e instanceof org.interphase.core.MissingParameterException p && MANIFEST_KEYS.containsKey(p.parameter())
          ? e.getMessage() + "; give \"" + MANIFEST_KEYS.get(p.parameter()) + "\" in the run's manifest entry"
          : Interphase.message(e).lines().findFirst().orElse("").strip();
      clear(out, name);
      CampaignFiles.delete(CampaignFiles.skipped(out, name));
      CampaignFiles.writeAtomically(CampaignFiles.error(out, name), message + "\n");
      return new Outcome(run, Status.FAILED, message, Interphase.exitCode(e), seconds(t0));
    }
  }

  /** The manifest key of a parameter an analysis may miss (a run given as a folder has none: it then needs a manifest entry). */
  private static final java.util.Map<String, String> MANIFEST_KEYS = java.util.Map.of("timestepFs", "timestep_fs", "temperatureK",
      "temperature_k");

  /** Removes a run's key and documents. */
  private static void clear(Path out, String name) {
    CampaignFiles.delete(CampaignFiles.key(out, name));
    CampaignFiles.delete(CampaignFiles.json(out, name));
    CampaignFiles.delete(CampaignFiles.bondsJson(out, name));
  }

  /** Why a run without the species was skipped: "no Li atoms (it has S): no Li transport to compute". */
  static String skipReason(org.interphase.core.AbsentSpeciesException e) {
    return "no " + e.species() + " atoms (it has " + String.join(", ", e.present()) + "): no " + e.species() + " transport to compute";
  }

  private static void writeDocument(Path file, Views v) {
    CampaignFiles.writeAtomically(file, w -> {
      ResultWriter.writeJson(v.json(), w);
      w.write('\n');
    });
  }

  /**
   * The document the run's single command prints, with that command's defaults for what the run does not set (in the
   * {@code msd} slot of the result for every kind of run); for an MD run with S atoms also the {@code bonds} document of the
   * same pass.
   */
  static RunAnalyses.Documents documents(CampaignRun.Job job, ReadOptions options) {
    if (job instanceof CampaignRun.Md m) {
      // as --timestep-fs does: the readers' time between frames and the analysis's
      ReadOptions o = Double.isNaN(m.timestepFs()) ? options : options.withTimestepFs(m.timestepFs());
      return RunAnalyses.md(m.path(), o, RunAnalyses.msdDefaults(m.species(), m.timestepFs(), m.temperatureK(), m.fitStartPs(),
          m.fitEndPs()), Runner.Listener.NONE);
    }
    if (job instanceof CampaignRun.Neb n) {
      return new RunAnalyses.Documents(RunAnalyses.neb(List.of(n.path()), n.label() == null ? null : List.of(n.label()), options,
          null, new ArrayList<>()), null);
    }
    CampaignRun.Triple t = (CampaignRun.Triple) job;
    return new RunAnalyses.Documents(RunAnalyses.interfaces(List.of(t.interfaceCase()), options, EnergySeries.vaspEnergy("sigma0"),
        t.equilibrationPs(), 2), null);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
