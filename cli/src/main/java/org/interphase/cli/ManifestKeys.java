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
    keys(manifest, "", file);
    for (String list : List.of("md", "interfaces", "neb")) {
      for (JsonNode entry : manifest.path(list)) {
        keys(entry, list, file);
      }
    }
  }

  private static void keys(JsonNode node, String place, Path file) {
    if (!node.isObject()) {
      return;
    }
    List<String> known = KEYS.get(place);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      // JSON has no comments: "comment", "description" and keys starting with "_" are left for people
      if (!known.contains(k) && !k.startsWith("_") && !k.equals("comment") && !k.equals("description")) {
        throw new IllegalArgumentException(file + ": unknown key \"" + k + "\"" + (place.isEmpty() ? "" : " in an " + place + " entry")
            + " (known: " + String.join(", ", known) + ")");
      }
    }
  }
}
