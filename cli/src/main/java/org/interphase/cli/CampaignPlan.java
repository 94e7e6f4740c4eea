package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.interphase.core.InterphaseException;
import org.interphase.core.MissingInputException;
import org.interphase.parsers.RunDiscovery;
import org.interphase.parsers.io.Compression;

/**
 * The runs of a campaign, from manifests and folders, in the order given, each with a unique name.
 *
 * <p>A manifest is the report's ({@code examples/demo.json}) with, on every entry, an optional {@code name} (the file stem of
 * its result) and {@code group}; an {@code md} entry may give {@code paths} with {@code temperatures_k} (one run per
 * temperature) instead of {@code path}; {@code dirs} lists folders to search as on the command line. Keys of the report alone
 * ({@code highlight}, {@code layers}, {@code regions}, …) are ignored. Paths are relative to the manifest.
 *
 * <pre>{@code
 * {"md": [{"path": "cp2k-aimd-li3ps4", "temperature_k": 1500, "group": "bulk"},
 *         {"path": "XDATCAR", "timestep_fs": 100, "fit_start_ps": 2, "fit_end_ps": 7},
 *         {"paths": ["T600", "T800"], "temperatures_k": [600, 800], "name": "lps", "group": "arrhenius"}],
 *  "neb": [{"path": "cp2k-neb-li-hop", "group": "hops"}],
 *  "interfaces": [{"name": "li2s-s8-sp", "interface": "sp_interface.out", "part_a": "sp_slabA.out", "part_b": "sp_slabB.out",
 *                  "interfaces": 1}],
 *  "dirs": ["more-runs"]}
 * }</pre>
 *
 * <p>A folder is searched with every folder below it: each MD run ({@link RunDiscovery#MD}) is an {@code md} run, each folder
 * with a NEB ({@link RunDiscovery#nebRuns}) a {@code neb} run (not searched further: its image folders belong to it), and
 * each interface triple, files named {@code …interface…} beside {@code …slabA…} and {@code …slabB…} (or {@code part_a}/{@code
 * part_b}) of a CP2K log ({@code .out}) or energy file ({@code .ener}), an {@code interface} run with {@code interfaces}
 * interfaces per cell.
 */
final class CampaignPlan {
  private static final List<String[]> PARTS = List.of(new String[] {"slabA", "slabB"}, new String[] {"slab_a", "slab_b"},
      new String[] {"part_a", "part_b"}, new String[] {"partA", "partB"});

  private final List<CampaignRun> runs = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final String species;
  private final int interfaces;

  /**
   * @param species mobile species of MD runs that do not name one
   * @param interfaces interfaces per cell of the triples found in folders
   */
  CampaignPlan(String species, int interfaces) {
    this.species = species;
    this.interfaces = interfaces;
  }

  /** The runs so far, in order. */
  List<CampaignRun> runs() {
    return List.copyOf(runs);
  }

  /** Folders that could not be searched, each with why (their other runs are still found). */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Adds the runs of a manifest (a {@code .json} file) or of a folder. */
  CampaignPlan add(Path source) {
    if (!Files.exists(source)) {
      throw new MissingInputException(source + ": no such file or directory");
    }
    if (Files.isDirectory(source)) {
      addFolder(source);
    } else {
      addManifest(source);
    }
    return this;
  }

  private void addManifest(Path manifest) {
    JsonNode j;
    try {
      j = Json.MAPPER.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(manifest + ": not a campaign manifest (JSON): " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    ManifestKeys.check(j, manifest);
    Path base = manifest.toAbsolutePath().normalize().getParent();
    for (JsonNode m : j.path("md")) {
      List<Path> paths = new ArrayList<>();
      List<Double> temperatures = new ArrayList<>();
      if (m.has("paths")) {
        m.get("paths").forEach(p -> paths.add(base.resolve(p.asText()).normalize()));
        m.path("temperatures_k").forEach(t -> temperatures.add(t.asDouble()));
        if (temperatures.size() != paths.size()) {
          throw new IllegalArgumentException(manifest + ": an md entry gives " + paths.size() + " paths and " + temperatures.size()
              + " temperatures_k; give one temperature per path");
        }
      } else {
        paths.add(base.resolve(required(m, "path", manifest)).normalize());
        temperatures.add(CampaignRun.number(m, "temperature_k"));
      }
      for (int i = 0; i < paths.size(); i++) {
        String name = m.has("name") ? m.get("name").asText() + (m.has("paths") ? "-" + CampaignRun.plain(temperatures.get(i)) + "K" : "")
            : stem(paths.get(i));
        add(name, m.path("group").asText(""), new CampaignRun.Md(existing(paths.get(i)), m.path("species").asText(species),
            CampaignRun.number(m, "timestep_fs"), temperatures.get(i), CampaignRun.number(m, "fit_start_ps"),
            CampaignRun.number(m, "fit_end_ps")));
      }
    }
    for (JsonNode m : j.path("neb")) {
      Path p = existing(base.resolve(required(m, "path", manifest)).normalize());
      String label = m.hasNonNull("name") ? m.get("name").asText() : null;
      add(label != null ? label : stem(p), m.path("group").asText(""), new CampaignRun.Neb(p, label));
    }
    for (JsonNode m : j.path("interfaces")) {
      Path ab = existing(base.resolve(required(m, "interface", manifest)).normalize());
      String label = m.hasNonNull("name") ? m.get("name").asText() : null;
      int k = m.path("interfaces").asInt(0);
      if (k < 1) {
        throw new IllegalArgumentException(manifest + ": interface " + (label != null ? label : ab.getFileName())
            + " needs \"interfaces\": the number of A|B interfaces in its cell (1 for a slab with vacuum, 2 for a periodic sandwich)");
      }
      add(label != null ? label : stem(ab), m.path("group").asText(""), new CampaignRun.Triple(ab,
          existing(base.resolve(required(m, "part_a", manifest)).normalize()),
          existing(base.resolve(required(m, "part_b", manifest)).normalize()), k, m.path("equilibration_ps").asDouble(0), label));
    }
    for (JsonNode d : j.path("dirs")) {
      add(base.resolve(d.asText()).normalize());
    }
  }

  private static String required(JsonNode m, String key, Path manifest) {
    if (!m.hasNonNull(key)) {
      throw new IllegalArgumentException(manifest + ": an entry without \"" + key + "\": " + m);
    }
    return m.get(key).asText();
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new MissingInputException(p + ": no such file or directory");
    }
    return p;
  }

  private void addFolder(Path root) {
    Path top = root.toAbsolutePath().normalize();
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(top)) {
      dirs = s.filter(Files::isDirectory).filter(d -> d.equals(top) || !d.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(root + ": " + OutputFolder.reason(e), e);
    }
    List<Path> nebDirs = new ArrayList<>();
    Path groupBase = top.getParent() != null ? top.getParent() : top;
    for (Path dir : dirs) {
      if (nebDirs.stream().anyMatch(dir::startsWith)) {
        continue; // image folders and continuations belong to their band
      }
      try {
        if (addFolderRuns(dir, groupBase.relativize(dir).toString())) {
          nebDirs.add(dir);
        }
      } catch (InterphaseException | UncheckedIOException | IllegalArgumentException e) {
        // one unreadable input file must not hide the runs of every other folder
        notes.add(dir + ": not searched: " + Interphase.message(e).lines().findFirst().orElse(""));
      }
    }
  }

  /** Adds the runs of one folder; true when it is a NEB folder (whose sub-folders belong to it). */
  private boolean addFolderRuns(Path dir, String group) {
    if (!RunDiscovery.nebRuns(dir).isEmpty()) {
      add(dir.getFileName().toString(), group, new CampaignRun.Neb(dir, null));
      return true;
    }
    List<RunDiscovery.Run> md = RunDiscovery.discover(dir).stream().filter(r -> RunDiscovery.MD.contains(r.kind())).toList();
    for (RunDiscovery.Run r : md) {
      boolean alone = md.size() == 1;
      add(alone ? dir.getFileName().toString() : r.name(), group, new CampaignRun.Md(alone ? dir : r.primary(), species, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN));
    }
    addTriples(dir, group);
    return false;
  }

  /** The interface triples of one folder by their names; of a project's log and energy file, the energy file. */
  private void addTriples(Path dir, String group) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + OutputFolder.reason(e), e);
    }
    Set<String> projects = new HashSet<>();
    for (boolean ener : new boolean[] {true, false}) {
      for (Path f : files) {
        String base = Compression.baseName(f);
        String project = ener ? base.replaceFirst("-\\d+\\.ener$", "") : base.replaceFirst("\\.out$", "");
        if (project.equals(base) || !project.contains("interface") || !projects.add(project)) {
          continue;
        }
        String name = f.getFileName().toString();
        for (String[] ab : PARTS) {
          Path a = dir.resolve(name.replace("interface", ab[0]));
          Path b = dir.resolve(name.replace("interface", ab[1]));
          if (Files.isRegularFile(a) && Files.isRegularFile(b)) {
            add(project, group, new CampaignRun.Triple(f, a, b, interfaces, 0, null));
            break;
          }
        }
      }
    }
  }

  /** Adds a run under a unique, file-safe form of {@code wanted}: then with its kind, then numbered. */
  private void add(String wanted, String group, CampaignRun.Job job) {
    String base = safe(wanted);
    String name = base;
    if (names.contains(name.toLowerCase(Locale.ROOT))) {
      name = base + "-" + job.kind();
    }
    for (int i = 2; names.contains(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + "-" + i;
    }
    names.add(name.toLowerCase(Locale.ROOT));
    runs.add(new CampaignRun(name, group, job));
  }

  /** Letters, digits, {@code . _ -}; every other run of characters one {@code -}. */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    return s.isEmpty() ? "run" : s;
  }

  /** A run's name from its path: a folder's name, a file's name without compression, {@code -pos-1.xyz} or extension. */
  private static String stem(Path p) {
    if (Files.isDirectory(p)) {
      return p.getFileName().toString();
    }
    String n = Compression.baseName(p);
    String s = n.replaceFirst("-pos-\\d+\\.xyz$", "");
    return s.equals(n) ? n.replaceFirst("\\.[^.]+$", "") : s;
  }
}
