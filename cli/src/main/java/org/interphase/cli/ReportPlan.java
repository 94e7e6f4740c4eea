package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report holds, from a manifest (JSON, paths relative to it) or from plain paths:
 *
 * <pre>{@code
 * {"title": "…",
 *  "md": [{"path": "run", "species": "Li", "temperature_k": 1500, "fit_start_ps": 0.3, "fit_end_ps": 1.5,
 *          "highlight": "motif:PS3", "layers": "auto", "frame": "last", "regions": ["z=5:12"], "title": "…"}],
 *  "interfaces": [{"name": "…", "interface": "…", "part_a": "…", "part_b": "…", "interfaces": 1, "equilibration_ps": 0.1}],
 *  "neb": [{"name": "…", "path": "…", "forces_from": ["sp_1.out", …]}]}
 * }</pre>
 */
record ReportPlan(String title, List<Md> md, List<Interface> interfaces, List<Neb> neb) {

  record Md(Path path, String species, double temperatureK, double fitStartPs, double fitEndPs, String highlight, String layers,
      boolean lastFrame, List<String> regions, String title) {}

  record Interface(String name, Path interfaceRun, Path partA, Path partB, int k, double equilibrationPs) {}

  record Neb(String name, Path path, List<Path> forcesFrom) {}

  static ReportPlan read(Path manifest) {
    JsonNode j;
    try {
      j = Json.MAPPER.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(manifest + ": " + e.getMessage(), e);
    }
    ManifestKeys.check(j, manifest);
    Path base = manifest.toAbsolutePath().getParent();
    List<Md> md = new ArrayList<>();
    for (JsonNode m : j.path("md")) {
      List<String> regions = new ArrayList<>();
      m.path("regions").forEach(r -> regions.add(r.asText()));
      md.add(new Md(base.resolve(m.get("path").asText()), m.path("species").asText("Li"), m.path("temperature_k").asDouble(Double.NaN),
          m.path("fit_start_ps").asDouble(Double.NaN), m.path("fit_end_ps").asDouble(Double.NaN), m.path("highlight").asText(null),
          m.path("layers").asText(null), m.path("frame").asText("").equals("last"), regions, m.path("title").asText(null)));
    }
    List<Interface> ifs = new ArrayList<>();
    for (JsonNode m : j.path("interfaces")) {
      ifs.add(new Interface(m.path("name").asText(m.get("interface").asText()), base.resolve(m.get("interface").asText()),
          base.resolve(m.get("part_a").asText()), base.resolve(m.get("part_b").asText()), m.get("interfaces").asInt(),
          m.path("equilibration_ps").asDouble(0)));
    }
    List<Neb> neb = new ArrayList<>();
    for (JsonNode m : j.path("neb")) {
      List<Path> ff = null;
      if (m.has("forces_from")) {
        ff = new ArrayList<>();
        for (JsonNode f : m.get("forces_from")) {
          ff.add(base.resolve(m.get("path").asText()).resolve(f.asText()));
        }
      }
      neb.add(new Neb(m.path("name").asText(m.get("path").asText()), base.resolve(m.get("path").asText()), ff));
    }
    return new ReportPlan(j.path("title").asText("Interphase report"), md, ifs, neb);
  }
}
