package org.interphase.parsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.EnergyRun;
import org.interphase.core.EnergyStep;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.parsers.cp2k.Cp2kLog;
import org.interphase.parsers.cp2k.Cp2kLogRun;
import org.interphase.parsers.vasp.OszicarReader;
import org.interphase.parsers.vasp.PoscarReader;

/**
 * Reads the energies of a calculation for the interface analysis, from any reader: a CP2K log
 * (single point, GEO_OPT: the last {@code ENERGY| Total FORCE_EVAL}, atoms and cell from the input
 * beside it), a CP2K MD run (positions file, {@code .ener} or run folder: potential energy per
 * frame), a VASP OUTCAR or vasprun.xml (per ionic step; MD when IBRION=0), an OSZICAR (atoms and
 * cell from the POSCAR/CONTCAR beside it).
 */
public final class EnergyRuns {
  private EnergyRuns() {}

  /** Which VASP energy to use. */
  public enum VaspEnergy {
    /** energy(sigma→0), the usual choice for total energies */
    SIGMA0,
    /** free energy TOTEN, what MD propagates on */
    FREE
  }

  /** Reads a file or run folder. */
  public static EnergyRun read(Path path, ReadOptions options, VaspEnergy vasp) {
    if (!Files.exists(path)) {
      throw new MissingInputException(path + ": no such file or directory");
    }
    Path file = path;
    if (Files.isDirectory(path)) {
      file = RunDiscovery.require(path, RunDiscovery.ENERGIES, "an MD run or CP2K log").primary();
    }
    String name = file.getFileName().toString();
    if (name.matches(".*\\.ener(\\.(gz|bz2|xz))?")) {
      String posName = name.replaceFirst("-(\\d+)\\.ener(\\.(gz|bz2|xz))?$", "-pos-$1.xyz");
      Path pos = file.resolveSibling(posName);
      for (String suffix : new String[] {".gz", ".bz2", ".xz"}) {
        if (!Files.isRegularFile(pos) && Files.isRegularFile(file.resolveSibling(posName + suffix))) {
          pos = file.resolveSibling(posName + suffix);
        }
      }
      if (!Files.isRegularFile(pos)) {
        throw new MissingInputException(file + ": the positions file " + pos.getFileName() + " beside it is needed for the atoms");
      }
      file = pos;
    }
    if (Files.isRegularFile(file) && sizeOf(file) == 0) {
      throw new MalformedInputException(file.toString(), 1, "a CP2K log, a VASP OUTCAR/vasprun.xml/OSZICAR or an MD trajectory", null);
    }
    FormatRegistry.Format f = FormatRegistry.detect(file, options);
    return switch (f.name()) {
      case "cp2k-log" -> cp2kLog(file);
      case "vasp-oszicar" -> oszicar(file, options, vasp);
      default -> {
        if (f.opener() == null) {
          throw new UnsupportedFormatException(file + ": a " + f.description() + " holds no energies for an interface calculation");
        }
        yield frames(file, f, options, vasp);
      }
    };
  }

  private static EnergyRun cp2kLog(Path file) {
    Cp2kLogRun run = Cp2kLogRun.read(file);
    Cp2kLog log = run.log();
    List<String> notes = new ArrayList<>(run.warnings());
    if (!log.endedNormally()) {
      notes.add(file.getFileName() + " has no PROGRAM ENDED line: the run may not have finished");
    }
    boolean md = !log.mdSteps().isEmpty();
    double[] e;
    double[] t;
    String label;
    if (md) {
      e = log.mdSteps().stream().mapToDouble(s -> s.energies().potentialEv()).toArray();
      t = log.mdSteps().stream().mapToDouble(EnergyStep::timeFs).toArray();
      label = "CP2K potential energy (MD| Potential energy of every step)";
      for (int i = 0; i < e.length; i++) {
        if (Double.isNaN(e[i]) || Double.isNaN(t[i])) {
          throw MalformedInputException.of(file.toString(), 0, "MD step " + log.mdSteps().get(i).step() + " has no "
              + (Double.isNaN(e[i]) ? "potential energy" : "time") + " in this log");
        }
      }
    } else {
      if (log.singlePointEnergiesEv().isEmpty()) {
        throw MalformedInputException.of(file.toString(), 0, "no \"ENERGY| Total FORCE_EVAL\" line: no energy in this log");
      }
      e = new double[] {log.singlePointEnergiesEv().get(log.singlePointEnergiesEv().size() - 1)};
      t = new double[] {Double.NaN};
      label = "CP2K total energy (ENERGY| Total FORCE_EVAL)";
    }
    if (run.cell() == null) {
      throw MalformedInputException.of(file.toString(), 0, "no cell: no input with &CELL beside the log and no CELL| lines in it");
    }
    if (run.composition().isEmpty()) {
      throw MalformedInputException.of(file.toString(), 0, "the atoms of this calculation are unknown: the log has no kind or force "
          + "table; put its input (with &COORD or COORD_FILE_NAME) beside it");
    }
    notes.add("cell from " + run.cellSource() + "; atoms from " + run.compositionSource());
    return new EnergyRun(file.toString(), run.composition(), run.cell(), t, e, label, md, notes);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static EnergyRun oszicar(Path file, ReadOptions options, VaspEnergy vasp) {
    OszicarReader.Result r = OszicarReader.read(file, options);
    Path dir = file.toAbsolutePath().getParent();
    Path poscar = Files.isRegularFile(dir.resolve("CONTCAR")) ? dir.resolve("CONTCAR") : dir.resolve("POSCAR");
    if (!Files.isRegularFile(poscar)) {
      throw new MissingInputException(file + ": a POSCAR or CONTCAR beside the OSZICAR is needed for the atoms and cell");
    }
    PoscarReader.Structure s = PoscarReader.read(poscar, options);
    double[] e = r.steps().stream().mapToDouble(x -> vasp == VaspEnergy.FREE ? x.energies().freeEnergyEv()
        : x.energies().energySigma0Ev()).toArray();
    double dt = options.timestepFs();
    double[] t = r.steps().stream().mapToDouble(x -> r.molecularDynamics() && !Double.isNaN(dt) ? (x.step() - 1) * dt : Double.NaN)
        .toArray();
    List<String> notes = new ArrayList<>(r.warnings());
    if (r.molecularDynamics() && Double.isNaN(dt)) {
      notes.add("MD OSZICAR without --timestep-fs: equilibration is counted in steps of 1 fs");
      for (int i = 0; i < t.length; i++) {
        t[i] = i;
      }
    }
    return new EnergyRun(file.toString(), new LinkedHashMap<>(s.header().atoms().speciesCounts()), s.frame().cell(), t, e,
        label(vasp), r.molecularDynamics(), notes);
  }

  private static EnergyRun frames(Path file, FormatRegistry.Format f, ReadOptions options, VaspEnergy vasp) {
    List<Double> e = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    Cell cell = null;
    AtomTable atoms;
    boolean md;
    String label;
    List<String> notes = new ArrayList<>();
    try (FrameSource src = f.opener().apply(file, options)) {
      atoms = src.header().atoms();
      boolean vaspFile = f.program().equals("VASP");
      md = !Double.isNaN(src.header().timestepFs()) && !f.name().equals("vasp-poscar");
      label = vaspFile ? label(vasp) : "CP2K potential energy";
      int i = 0;
      while (src.hasNext()) {
        Frame fr = src.next();
        if (cell == null) {
          cell = fr.cell();
        }
        double v = vaspFile ? (vasp == VaspEnergy.FREE ? fr.energies().freeEnergyEv() : fr.energies().energySigma0Ev())
            : fr.energies().potentialEv();
        if (Double.isNaN(v)) {
          throw MalformedInputException.of(file.toString(), 0, "frame " + (i + 1) + " has no " + label);
        }
        e.add(v);
        t.add(Double.isNaN(fr.timeFs()) ? i * src.header().timestepFs() : fr.timeFs());
        i++;
      }
      notes.addAll(src.warnings());
    }
    if (e.isEmpty()) {
      throw MalformedInputException.of(file.toString(), 0, "no energies");
    }
    return new EnergyRun(file.toString(), new LinkedHashMap<>(atoms.speciesCounts()), cell, t.stream().mapToDouble(Double::doubleValue)
        .toArray(), e.stream().mapToDouble(Double::doubleValue).toArray(), label, md, notes);
  }

  private static String label(VaspEnergy v) {
    return v == VaspEnergy.FREE ? "VASP free energy TOTEN" : "VASP energy(sigma->0)";
  }

  /** Parses {@code sigma0} or {@code free}. */
  public static VaspEnergy vaspEnergy(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "sigma0", "e0" -> VaspEnergy.SIGMA0;
      case "free", "toten", "f" -> VaspEnergy.FREE;
      default -> throw new IllegalArgumentException("--vasp-energy is sigma0 or free, got " + text);
    };
  }
}
