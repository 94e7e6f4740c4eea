package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of a campaign: its name (the file stem of {@code runs/<name>.json}), its group, and what to compute: the document
 * of one single-run command with that command's defaults for every option the run does not set.
 *
 * @param name unique in the campaign, letters, digits, {@code . _ -}
 * @param group a label for tables (a manifest's {@code group}, or the folder a run was found under)
 */
record CampaignRun(String name, String group, Job job) {

  /** What a run computes. */
  sealed interface Job permits Md, Neb, Triple {
    /** {@code md}, {@code neb} or {@code interface}. */
    String kind();

    /** The files and folders the run reads (their contents make the cache key). */
    List<Path> inputs();

    /** The arguments of the single command that prints the same document ({@code --json} left out). */
    List<String> command();
  }

  /**
   * {@code msd PATH --species EL [--timestep-fs FS] [--temperature-k K] [--fit-start-ps PS] [--fit-end-ps PS]}.
   *
   * @param timestepFs time between stored frames, NaN for what the files say
   * @param temperatureK NaN for the run's own mean temperature
   */
  record Md(Path path, String species, double timestepFs, double temperatureK, double fitStartPs, double fitEndPs) implements Job {
    @Override
    public String kind() {
      return "md";
    }

    @Override
    public List<Path> inputs() {
      return List.of(path);
    }

    @Override
    public List<String> command() {
      List<String> c = new ArrayList<>(List.of("msd", path.toString(), "--species", species));
      option(c, "--timestep-fs", timestepFs);
      option(c, "--temperature-k", temperatureK);
      option(c, "--fit-start-ps", fitStartPs);
      option(c, "--fit-end-ps", fitEndPs);
      return c;
    }
  }

  /**
   * {@code neb PATH [--name TEXT]}.
   *
   * @param label {@code null} for the folder's name
   */
  record Neb(Path path, String label) implements Job {
    @Override
    public String kind() {
      return "neb";
    }

    @Override
    public List<Path> inputs() {
      return List.of(path);
    }

    @Override
    public List<String> command() {
      return label == null ? List.of("neb", path.toString()) : List.of("neb", path.toString(), "--name", label);
    }
  }

  /**
   * {@code interface --interface RUN --part-a RUN --part-b RUN --interfaces K [--equilibration-ps PS] [--name TEXT]}.
   *
   * @param label {@code null} for the interface file's name
   */
  record Triple(Path interfaceRun, Path partA, Path partB, int interfaces, double equilibrationPs, String label) implements Job {
    @Override
    public String kind() {
      return "interface";
    }

    @Override
    public List<Path> inputs() {
      return List.of(interfaceRun, partA, partB);
    }

    @Override
    public List<String> command() {
      List<String> c = new ArrayList<>(List.of("interface", "--interface", interfaceRun.toString(), "--part-a", partA.toString(),
          "--part-b", partB.toString(), "--interfaces", Integer.toString(interfaces)));
      if (equilibrationPs != 0) {
        option(c, "--equilibration-ps", equilibrationPs);
      }
      if (label != null) {
        c.addAll(List.of("--name", label));
      }
      return c;
    }

    RunAnalyses.InterfaceCase interfaceCase() {
      return new RunAnalyses.InterfaceCase(interfaceRun, partA, partB, interfaces, Double.NaN, Double.NaN, label);
    }
  }

  private static void option(List<String> c, String name, double v) {
    if (!Double.isNaN(v)) {
      c.add(name);
      c.add(plain(v));
    }
  }

  /** A number as a person writes it (600, 0.3), and exactly the double it stands for. */
  static String plain(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** The run as one entry of {@code campaign-runs.json}. */
  ObjectNode toJson() {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", name).put("group", group).put("kind", job.kind());
    ArrayNode c = o.putArray("command");
    job.command().forEach(c::add);
    if (job instanceof Md m) {
      o.put("path", m.path().toString()).put("species", m.species());
      putNumber(o, "timestep_fs", m.timestepFs());
      putNumber(o, "temperature_k", m.temperatureK());
      putNumber(o, "fit_start_ps", m.fitStartPs());
      putNumber(o, "fit_end_ps", m.fitEndPs());
    } else if (job instanceof Neb n) {
      o.put("path", n.path().toString());
      if (n.label() != null) {
        o.put("label", n.label());
      }
    } else if (job instanceof Triple t) {
      o.put("interface", t.interfaceRun().toString()).put("part_a", t.partA().toString()).put("part_b", t.partB().toString())
          .put("interfaces", t.interfaces()).put("equilibration_ps", t.equilibrationPs());
      if (t.label() != null) {
        o.put("label", t.label());
      }
    }
    return o;
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  /** A run from an entry of {@code campaign-runs.json} (absolute paths), the inverse of {@link #toJson}. */
  static CampaignRun fromJson(JsonNode o) {
    String kind = o.path("kind").asText();
    Job job = switch (kind.toLowerCase(Locale.ROOT)) {
      case "md" -> new Md(Path.of(o.get("path").asText()), o.path("species").asText("Li"), number(o, "timestep_fs"),
          number(o, "temperature_k"),
          number(o, "fit_start_ps"), number(o, "fit_end_ps"));
      case "neb" -> new Neb(Path.of(o.get("path").asText()), o.hasNonNull("label") ? o.get("label").asText() : null);
      case "interface" -> new Triple(Path.of(o.get("interface").asText()), Path.of(o.get("part_a").asText()),
          Path.of(o.get("part_b").asText()), o.get("interfaces").asInt(), o.path("equilibration_ps").asDouble(0),
          o.hasNonNull("label") ? o.get("label").asText() : null);
      default -> throw new IllegalArgumentException("unknown run kind \"" + kind + "\" (md, neb or interface)");
    };
    return new CampaignRun(o.get("name").asText(), o.path("group").asText(""), job);
  }

  /** A number field, NaN when missing or null. */
  static double number(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? Double.NaN : v.asDouble();
  }
}
