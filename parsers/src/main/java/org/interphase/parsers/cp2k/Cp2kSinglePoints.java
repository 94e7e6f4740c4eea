package org.interphase.parsers.cp2k;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interphase.core.InterphaseException;

/**
 * Single-point calculations with forces, one per image of a band, found beside the band: CP2K
 * {@code ENERGY_FORCE} logs ({@code *.out}, {@code *.log}, compressed or not) whose names end in the
 * replica number, e.g. {@code sp_replica_1.out … sp_replica_7.out} or {@code sp_band_3.out.xz}.
 * They give the forces CP2K 2023 leaves out of a BAND run's force files.
 *
 * <p>A set is used only when it is unambiguous: exactly one family of names (the name without its
 * number) numbered 1 … N (or 0 … N−1) for the N images, every log with a force block for every
 * atom and an energy within {@link #ENERGY_TOLERANCE_EV} of its image's band energy (same geometry,
 * same settings). Anything else is reported, not guessed.
 *
 * @param logs the logs in image order
 * @param energiesEv their last total energies, eV
 * @param forcesEvPerA their last force blocks, eV/Å, flat per image
 * @param largestEnergyDifferenceEv the largest |E(single point) − E(band)| over the images, eV
 */
public record Cp2kSinglePoints(List<Path> logs, double[] energiesEv, List<double[]> forcesEvPerA, double largestEnergyDifferenceEv) {

  /** How far a single point's energy may lie from its image's band energy (eV): SCF noise, not another geometry or method. */
  public static final double ENERGY_TOLERANCE_EV = 0.01;

  private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)\\.(out|log)(\\.(gz|bz2|xz))?$");

  public Cp2kSinglePoints {
    logs = List.copyOf(logs);
    forcesEvPerA = List.copyOf(forcesEvPerA);
  }

  /**
   * The outcome of a search: the single points to use, or null with the reason none are used
   * (null too when the folder holds no single points at all).
   */
  public record Search(Cp2kSinglePoints found, String reason) {}

  /**
   * Looks for single points of the band in {@code dir}.
   *
   * @param atoms atoms per image
   * @param bandEnergiesEv the band's energy of each image, eV (absolute, as the program wrote it)
   */
  public static Search find(Path dir, int atoms, double[] bandEnergiesEv) {
    int n = bandEnergiesEv.length;
    Map<String, TreeMap<Integer, Path>> families = new TreeMap<>();
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    for (Path p : files) {
      Matcher m = NUMBERED.matcher(p.getFileName().toString());
      if (m.matches() && isSinglePoint(p)) {
        families.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), p);
      }
    }
    if (families.isEmpty()) {
      return new Search(null, null);
    }
    List<String> complete = new ArrayList<>();
    List<Cp2kSinglePoints> usable = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (var e : families.entrySet()) {
      TreeMap<Integer, Path> f = e.getValue();
      int base = f.firstKey();
      boolean numbered = f.size() == n && (base == 0 || base == 1) && f.lastKey() == base + n - 1;
      String family = e.getKey() + "N";
      if (!numbered) {
        reasons.add(String.format(Locale.ROOT, "%s: %d single points numbered %s for %d images", family, f.size(), f.keySet(), n));
        continue;
      }
      complete.add(family);
      List<Path> logs = new ArrayList<>(f.values());
      double[] energies = new double[n];
      List<double[]> forces = new ArrayList<>();
      String problem = null;
      double worst = 0;
      for (int i = 0; i < n && problem == null; i++) {
        Cp2kLog log;
        try {
          log = Cp2kLog.read(logs.get(i));
        } catch (InterphaseException | UncheckedIOException ex) {
          // a damaged single point nobody asked for must not stop the band: it is reported, not used
          problem = ex.getMessage();
          break;
        }
        double[] fi = log.lastForcesEvPerA();
        if (fi == null || fi.length != 3 * atoms) {
          problem = logs.get(i).getFileName() + " has no forces for " + atoms + " atoms";
        } else if (log.singlePointEnergiesEv().isEmpty()) {
          problem = logs.get(i).getFileName() + " has no energy";
        } else {
          energies[i] = log.singlePointEnergiesEv().get(log.singlePointEnergiesEv().size() - 1);
          forces.add(fi);
          double diff = Math.abs(energies[i] - bandEnergiesEv[i]);
          worst = Math.max(worst, diff);
          if (!(diff <= ENERGY_TOLERANCE_EV)) {
            problem = String.format(Locale.ROOT, "the energy of %s differs from image %d's band energy by %.4g eV (more than %.2g eV: "
                + "another geometry or other settings)", logs.get(i).getFileName(), i + 1, diff, ENERGY_TOLERANCE_EV);
          }
        }
      }
      if (problem == null) {
        usable.add(new Cp2kSinglePoints(logs, energies, forces, worst));
      } else {
        reasons.add(family + ": " + problem);
      }
    }
    if (usable.size() == 1) {
      return new Search(usable.get(0), null);
    }
    if (usable.size() > 1) {
      return new Search(null, usable.size() + " sets of single points fit the band (" + String.join(", ", complete)
          + "): none is used; pass --forces-from to choose");
    }
    return new Search(null, "single points beside the band not used: " + String.join("; ", reasons) + "; pass --forces-from to choose");
  }

  private static boolean isSinglePoint(Path p) {
    try {
      return "ENERGY_FORCE".equals(Cp2kLog.runTypeOf(p));
    } catch (RuntimeException e) {
      // a file that is not a readable CP2K log is simply not a single point
      return false;
    }
  }
}
