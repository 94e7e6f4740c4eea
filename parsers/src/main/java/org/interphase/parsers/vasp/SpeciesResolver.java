package org.interphase.parsers.vasp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.MalformedInputException;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Finds element symbols for VASP 4 files, which have no symbols line: the user's {@code --elements},
 * else a POTCAR beside the file ({@code VRHFIN =Li:} or {@code TITEL = PAW_PBE Li_sv}), else an
 * OUTCAR beside it (same lines). Nothing is guessed beyond that.
 */
final class SpeciesResolver {
  /** Symbols and where they came from, for the note shown to the user. */
  record Resolved(List<String> symbols, String origin) {}

  private SpeciesResolver() {}

  static Resolved resolve(Path file, int types, ReadOptions options, String source, long line) {
    if (!options.species().isEmpty()) {
      if (options.species().size() != types) {
        throw MalformedInputException.of(source, line, "the file has " + types + " atom types but --elements gives "
            + options.species().size() + " " + options.species());
      }
      return new Resolved(options.species(), "--elements");
    }
    Path dir = file == null ? null : file.toAbsolutePath().getParent();
    if (dir != null) {
      for (String name : new String[] {"POTCAR", "POTCAR.gz", "OUTCAR", "OUTCAR.gz", "OUTCAR.bz2", "OUTCAR.xz"}) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          List<String> s = fromPotcarLines(p);
          if (s.size() == types) {
            return new Resolved(s, p.getFileName() + " beside it");
          }
        }
      }
    }
    throw new MalformedInputException(source, line,
        "a line of element symbols (this is a VASP 4 file: put its POTCAR or OUTCAR beside it, or pass --elements El1,El2,…)",
        "no symbols");
  }

  /** Symbols from VRHFIN lines (one per POTCAR), falling back to TITEL lines. */
  static List<String> fromPotcarLines(Path p) {
    List<String> vrhfin = new ArrayList<>();
    List<String> titel = new ArrayList<>();
    try (LineReader r = LineReader.open(p)) {
      int scanned = 0;
      while (r.next() && scanned++ < 200_000) {
        String l = r.line();
        int i = l.indexOf("VRHFIN =");
        if (i >= 0) {
          String rest = l.substring(i + 8).strip();
          int colon = rest.indexOf(':');
          vrhfin.add(AtomTable.elementOf(colon > 0 ? rest.substring(0, colon) : rest));
        }
        int t = l.indexOf("TITEL  =");
        if (t >= 0) {
          String[] parts = l.substring(t + 8).strip().split("\\s+");
          if (parts.length >= 2) {
            titel.add(AtomTable.elementOf(parts[1].split("[_.]")[0]));
          }
        }
        if (l.contains("POSITION") && l.contains("TOTAL-FORCE")) {
          break;
        }
      }
    }
    return !vrhfin.isEmpty() ? vrhfin : titel;
  }
}
