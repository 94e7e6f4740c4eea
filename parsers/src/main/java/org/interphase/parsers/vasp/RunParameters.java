package org.interphase.parsers.vasp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.interphase.parsers.io.LineReader;

/**
 * POTIM and NBLOCK of a VASP run, read from the INCAR or OUTCAR beside an XDATCAR so that the time
 * between stored frames ({@code POTIM × NBLOCK}) is known. Only the OUTCAR's parameter block counts
 * ({@code POTIM  = 2.0000    time-step for ionic-motion}), not VASP 6's INCAR echo.
 *
 * @param potimFs POTIM in fs, NaN when not found
 * @param nblock NBLOCK (1 when not found: the VASP default)
 * @param origin the file the values came from
 */
record RunParameters(double potimFs, int nblock, String origin) {

  static RunParameters besides(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return new RunParameters(Double.NaN, 1, null);
    }
    for (String name : new String[] {"OUTCAR", "OUTCAR.gz", "OUTCAR.bz2", "OUTCAR.xz"}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        RunParameters rp = fromOutcar(p);
        if (!Double.isNaN(rp.potimFs())) {
          return rp;
        }
      }
    }
    Path incar = dir.resolve("INCAR");
    if (Files.isRegularFile(incar)) {
      return fromIncar(incar);
    }
    return new RunParameters(Double.NaN, 1, null);
  }

  private static RunParameters fromOutcar(Path p) {
    double potim = Double.NaN;
    int nblock = 1;
    try (LineReader r = LineReader.open(p)) {
      int lines = 0;
      while (r.next() && lines++ < 20_000) {
        String l = r.line();
        if (l.contains("time-step for ionic-motion") && l.contains("POTIM")) {
          r.rewind();
          r.skipPast("=");
          potim = r.nextDouble("POTIM value");
        } else if (l.contains("NBLOCK =") && l.contains("KBLOCK")) {
          r.rewind();
          r.skipPast("=");
          nblock = r.nextInt("NBLOCK value");
        } else if (l.contains("POSITION") && l.contains("TOTAL-FORCE")) {
          break;
        }
      }
    }
    return new RunParameters(potim, nblock, p.getFileName().toString());
  }

  private static RunParameters fromIncar(Path p) {
    double potim = Double.NaN;
    int nblock = 1;
    try (LineReader r = LineReader.open(p)) {
      while (r.next()) {
        for (String stmt : r.line().split(";")) {
          String s = stmt.replaceAll("[#!].*", "").strip();
          int eq = s.indexOf('=');
          if (eq < 0) {
            continue;
          }
          String key = s.substring(0, eq).strip().toUpperCase(Locale.ROOT);
          String val = s.substring(eq + 1).strip().split("\\s+")[0];
          try {
            if (key.equals("POTIM")) {
              potim = Double.parseDouble(val);
            } else if (key.equals("NBLOCK")) {
              nblock = Integer.parseInt(val);
            }
          } catch (NumberFormatException e) {
            // an INCAR value we cannot read is treated as absent; the caller then says the time step is unknown
          }
        }
      }
    }
    return new RunParameters(potim, nblock, p.getFileName().toString());
  }
}
