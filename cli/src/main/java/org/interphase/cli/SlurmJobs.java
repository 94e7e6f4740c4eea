package org.interphase.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A campaign as two Slurm jobs: a job array with one task per run ({@code slurm/array.sh}, each task running
 * {@code interphase campaign --task $SLURM_ARRAY_TASK_ID --out OUT} on the run list in OUT) and a job that builds the table
 * and page once the array is over ({@code slurm/collect.sh}, {@code interphase campaign --collect OUT}), submitted with
 * {@code --dependency=afterany}: {@code afterok} would never start it when one task fails or hits its time limit, and the
 * table must show exactly those runs. Both scripts run the Java and the jar (or class path) of this process, by absolute
 * path, so a node runs the same build as the one that submitted.
 */
final class SlurmJobs {
  private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d{1,2}(:\\d{2}){0,2}");

  /**
   * What to ask Slurm for.
   *
   * @param partition {@code null} for the cluster's default
   * @param time per task, {@code [D-]HH:MM:SS}, {@code null} for the partition's default
   */
  record Request(String partition, String time, int cpusPerTask) {
    Request {
      if (time != null && !TIME.matcher(time).matches()) {
        throw new IllegalArgumentException("--time " + time + ": expected HH:MM:SS (or D-HH:MM:SS, MM:SS, MM)");
      }
      if (cpusPerTask < 1) {
        throw new IllegalArgumentException("--cpus-per-task " + cpusPerTask + ": must be at least 1");
      }
    }
  }

  /** The scripts written and the sbatch commands for them. */
  record Scripts(Path array, Path collect, List<String> submitArray, List<String> submitCollect) {}

  private SlurmJobs() {}

  /** Writes {@code slurm/array.sh} and {@code slurm/collect.sh} under {@code out} for {@code runs} tasks. */
  static Scripts write(Path out, int runs, Request request) {
    Path dir = ResultWriter.dir(out.resolve("slurm"));
    String launcher = String.join(" ", launcher().stream().map(SlurmJobs::quote).toList());
    String common = (request.partition() != null ? "#SBATCH --partition=" + request.partition() + "\n" : "")
        + "#SBATCH --cpus-per-task=" + request.cpusPerTask() + "\n";
    Path array = dir.resolve("array.sh");
    script(array, "#!/bin/bash\n#SBATCH --job-name=interphase-campaign\n#SBATCH --array=0-" + (runs - 1) + "\n"
        + "#SBATCH --output=" + dir.resolve("task-%a.log") + "\n" + common
        + (request.time() != null ? "#SBATCH --time=" + request.time() + "\n" : "")
        + "# one run per task, the runs listed in " + out.resolve(CampaignFiles.RUN_LIST) + "; results in " + out.resolve("runs") + "\n"
        + "exec " + launcher + " campaign --task \"$SLURM_ARRAY_TASK_ID\" --out " + quote(out.toString()) + "\n");
    Path collect = dir.resolve("collect.sh");
    script(collect, "#!/bin/bash\n#SBATCH --job-name=interphase-collect\n#SBATCH --output=" + dir.resolve("collect.log") + "\n" + common
        + "# the table and page of whatever tasks have finished (submitted with --dependency=afterany on the array)\n"
        + "exec " + launcher + " campaign --collect " + quote(out.toString()) + "\n");
    return new Scripts(array, collect, List.of("sbatch", "--parsable", array.toString()),
        List.of("sbatch", "--parsable", "--dependency=afterany:ARRAY_JOB_ID", collect.toString()));
  }

  /** Submits the array, then the collecting job after it; returns both job ids. */
  static String[] submit(Scripts s) {
    String array = sbatch(s.submitArray());
    List<String> c = new ArrayList<>(s.submitCollect());
    c.replaceAll(a -> a.replace("ARRAY_JOB_ID", array));
    return new String[] {array, sbatch(c)};
  }

  private static String sbatch(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int code = p.waitFor();
      if (code != 0 || !text.matches("\\d+(;\\S+)?")) {
        throw new IllegalStateException(String.join(" ", command) + " failed (exit " + code + "): " + text.replace('\n', ' '));
      }
      return text.replaceFirst(";.*", ""); // --parsable: "jobid" or "jobid;cluster"
    } catch (IOException e) {
      throw new IllegalStateException("cannot run sbatch (" + OutputFolder.reason(e) + "); is Slurm installed here? "
          + "--dry-run writes the scripts without submitting", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while submitting", e);
    }
  }

  /**
   * The command that starts this program again: this Java by absolute path, then {@code -jar} with the jar it runs from, or
   * {@code -cp} with its class path and the main class.
   */
  static List<String> launcher() {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cp = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
      if (!e.isEmpty()) {
        cp.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    List<String> c = new ArrayList<>(List.of(java, "-Djava.awt.headless=true"));
    if (cp.size() == 1 && cp.get(0).endsWith(".jar")) {
      c.addAll(List.of("-jar", cp.get(0)));
    } else {
      c.addAll(List.of("-cp", String.join(File.pathSeparator, cp), Interphase.class.getName()));
    }
    return c;
  }

  /** A word for bash, in single quotes unless it is plainly safe. */
  static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static void script(Path file, String text) {
    CampaignFiles.writeAtomically(file, text);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException | IOException e) {
      if (e instanceof IOException io) {
        throw new UncheckedIOException(file + ": " + OutputFolder.reason(io), io);
      }
      // a file system without permissions: sbatch reads the script, it need not be executable
    }
  }
}
