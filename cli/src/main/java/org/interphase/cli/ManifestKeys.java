package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The keys a report or campaign manifest may hold (one manifest serves both: keys of the other are
 * ignored, see the campaign page). A key outside them, say {@code "temperature"} for {@code
 * "temperature_k"} or an option name such as {@code "md_step_fs"}, is refused with one line naming
 * the keys of its place, rather than ignored: an ignored key leaves a run without what the user gave. Keys for
 * people ({@code "comment"}, {@code "description"}, any key starting with {@code _}) are allowed anywhere.
 */
final class ManifestKeys {
  private ManifestKeys() {}

  private static final Map<String, List<String>> KEYS = Map.of(
      "", List.of("title", "md", "interfaces", "neb", "dirs"),
      "md", List.of("path", "paths", "name", "group", "species", "timestep_fs", "temperature_k", "temperatures_k", "fit_start_ps",
          "fit_end_ps", "highlight", "layers", "frame", "regions", "title"),
      "interfaces", List.of("name", "group", "interface", "part_a", "part_b", "interfaces", "equilibration_ps"),
      "neb", List.of("name", "group", "path", "forces_from"));

  /**
   * Checks the top level of a manifest and each entry of its lists.
   *
   * @throws IllegalArgumentException naming the manifest, the place and the unknown key, with the keys known there
   */
  static void check(JsonNode manifest, Path file) {
    // every unknown key at once, so that one run of the command shows every typo
    List<String> unknown = new java.util.ArrayList<>(keys(manifest, ""));
    for (String list : List.of("md", "interfaces", "neb")) {
      for (JsonNode entry : manifest.path(list)) {
        keys(entry, list).stream().filter(k -> !unknown.contains(k)).forEach(unknown::add);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(file + ": unknown key" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown));
    }
  }

  /** The unknown keys of one object, each as {@code "key" in an md entry (known: …)}. */
  private static List<String> keys(JsonNode node, String place) {
    List<String> out = new java.util.ArrayList<>();
    if (!node.isObject()) {
      return out;
    }
    List<String> known = KEYS.get(place);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      // JSON has no comments: "comment", "description" and keys starting with "_" are left for people
      if (!known.contains(k) && !k.startsWith("_") && !k.equals("comment") && !k.equals("description")) {
        out.add("\"" + k + "\"" + (place.isEmpty() ? "" : " in an " + place + " entry") + " (known: " + String.join(", ", known) + ")");
      }
    }
    return out;
  }
}
