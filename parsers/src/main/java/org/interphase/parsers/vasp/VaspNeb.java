package org.interphase.parsers.vasp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.interphase.core.AtomTable;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * A VASP NEB run: image folders {@code 00 … NN} (VTST layout). Per image: the geometry from CONTCAR,
 * else (end images, which VASP keeps fixed) the POSCAR, else the last step of the OUTCAR, else POSCAR;
 * the energy as VTST's nebbarrier.pl takes it (the
 * last {@code energy(sigma->0)} of the OUTCAR), else the last {@code E0} of the OSZICAR; the NEB
 * tangential force of the last OUTCAR step (either spelling). End images often hold only a POSCAR
 * plus a copied endpoint OUTCAR/OSZICAR.
 *
 * @param images one frame per image, energy (eV) in {@link Energies#energySigma0Ev()} and {@link
 *     Energies#potentialEv()}, forces (eV/Å) when an OUTCAR is there
 * @param tangentForcesEvPerA NaN where an image has none
 * @param sources per image, the files the geometry and energy came from
 */
public record VaspNeb(AtomTable atoms, List<Frame> images, double[] tangentForcesEvPerA, List<String> sources, List<String> warnings) {

  private static final Pattern IMAGE_DIR = Pattern.compile("\\d{2,}");
  private static final Pattern IMAGES_TAG = Pattern.compile("(?i)^\\s*IMAGES\\s*=\\s*(\\d+)");

  /** Whether {@code dir} holds an image folder 00 and at least three numbered image folders. */
  public static boolean isNebDir(Path dir) {
    return Files.isDirectory(dir.resolve("00")) && numberedDirs(dir).size() >= 3;
  }

  /** The numbered sub-folders ({@code 00}, {@code 01}, … {@code 10}) in numeric order. */
  private static List<Path> numberedDirs(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).filter(p -> IMAGE_DIR.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString()))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The image folders 00 … NN. With {@code IMAGES = k} in the INCAR of the NEB folder they are 00 …
   * k+1 (VASP's own rule), and other numbered folders are ignored with a warning; without it every
   * numbered folder from 00 on. A folder missing in between is an error naming it: a band with a hole
   * is not a shorter band.
   */
  static List<Path> imageDirs(Path dir, List<String> warnings) {
    List<Path> numbered = numberedDirs(dir);
    Integer images = imagesTag(dir);
    int last = images != null ? images + 1
        : numbered.isEmpty() ? -1 : Integer.parseInt(numbered.get(numbered.size() - 1).getFileName().toString());
    List<Path> out = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      Path p = dir.resolve(String.format("%02d", i));
      if (!Files.isDirectory(p)) {
        throw new MissingInputException(p + ": image folder missing (" + (images != null ? "the INCAR's IMAGES = " + images
            + " makes 00 … " + String.format("%02d", last) + " the images" : "found " + names(numbered)
            + "; image folders are numbered without gaps") + ")");
      }
      out.add(p);
    }
    for (Path p : numbered) {
      if (Integer.parseInt(p.getFileName().toString()) > last) {
        warnings.add(p.getFileName() + "/ ignored: the INCAR's IMAGES = " + images + " makes 00 … " + String.format("%02d", last)
            + " the images");
      }
    }
    return out;
  }

  private static String names(List<Path> dirs) {
    return String.join(", ", dirs.stream().map(p -> p.getFileName().toString()).toList());
  }

  /** IMAGES from the INCAR of the NEB folder, or null. */
  private static Integer imagesTag(Path dir) {
    Path incar = VaspSiblings.in(dir).incar();
    if (incar == null) {
      return null;
    }
    try (LineReader r = LineReader.open(incar)) {
      while (r.next()) {
        for (String stmt : r.line().split(";")) {
          Matcher m = IMAGES_TAG.matcher(stmt.replaceAll("[#!].*", ""));
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        }
      }
    } catch (RuntimeException e) {
      // an unreadable INCAR states nothing: the numbered folders decide
      return null;
    }
    return null;
  }

  /** Reads the images of a NEB folder. */
  public static VaspNeb read(Path dir, ReadOptions options) {
    List<String> warnings = new ArrayList<>();
    List<Path> dirs = imageDirs(dir, warnings);
    if (dirs.size() < 3) {
      throw new MissingInputException(dir + ": not a VASP NEB folder (needs image folders 00, 01, 02, …)");
    }
    List<Frame> images = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    double[] tangents = new double[dirs.size()];
    AtomTable atoms = null;
    for (int i = 0; i < dirs.size(); i++) {
      Path d = dirs.get(i);
      OutcarImage run = OutcarImage.read(d, options, warnings);
      Frame lastStep = run.lastStep();
      Geometry geom = Geometry.read(d, i == 0 || i == dirs.size() - 1, run, options);
      ImageEnergy e = ImageEnergy.read(d, lastStep, options, warnings);
      AtomTable t = geom.atoms();
      if (atoms == null) {
        atoms = t;
      } else if (t != null && !Arrays.equals(atoms.elements(), t.elements())) {
        throw MalformedInputException.of(d.toString(), 0, "image " + d.getFileName() + " has other atoms than image 00");
      }
      double[] forces = lastStep != null ? lastStep.forces() : null;
      images.add(new Frame(i, Double.NaN, geom.frame().cell(), geom.frame().positions(), forces, null,
          new Energies(e.ev(), lastStep == null ? Double.NaN : lastStep.energies().freeEnergyEv(), e.ev(), Double.NaN, Double.NaN,
              Double.NaN)));
      tangents[i] = run.tangent();
      sources.add(d.getFileName() + ": geometry from " + geom.from() + ", energy from " + e.from());
    }
    return new VaspNeb(atoms, List.copyOf(images), tangents, List.copyOf(sources), List.copyOf(warnings));
  }

  /**
   * What the OUTCAR of an image folder gives.
   *
   * @param outcar the OUTCAR, null when the folder has none
   * @param lastStep its last step, null without an OUTCAR or without a complete step
   * @param tangent the NEB tangential force of the last step (eV/Å), NaN when none
   * @param atoms its atoms, null without an OUTCAR
   */
  private record OutcarImage(Path outcar, Frame lastStep, double tangent, AtomTable atoms) {

    /** Reads the OUTCAR of image folder {@code d} to its end; its warnings go to {@code warnings}, prefixed with the folder. */
    static OutcarImage read(Path d, ReadOptions options, List<String> warnings) {
      Path outcar = VaspSiblings.in(d).outcar();
      if (outcar == null) {
        return new OutcarImage(null, null, Double.NaN, null);
      }
      try (OutcarReader r = OutcarReader.open(outcar, options)) {
        Frame lastStep = null;
        while (r.hasNext()) {
          lastStep = r.next();
        }
        List<Double> tf = r.tangentForcesEvPerA();
        double tangent = tf.isEmpty() ? Double.NaN : tf.get(tf.size() - 1);
        AtomTable t = r.header().atoms();
        r.warnings().forEach(w -> warnings.add(d.getFileName() + "/OUTCAR: " + w));
        return new OutcarImage(outcar, lastStep, tangent, t);
      }
    }
  }

  /**
   * The geometry of an image.
   *
   * @param frame the geometry
   * @param atoms the image's atoms: the OUTCAR's, else the geometry file's; null when neither gives them
   * @param from the file it came from: CONTCAR, POSCAR or OUTCAR
   */
  private record Geometry(Frame frame, AtomTable atoms, String from) {

    /**
     * The CONTCAR, else for an end image the POSCAR, else the OUTCAR's last step, else the POSCAR; a
     * CONTCAR or end POSCAR must hold the OUTCAR's atoms.
     */
    static Geometry read(Path d, boolean end, OutcarImage run, ReadOptions options) {
      Path contcar = VaspSiblings.in(d).find("CONTCAR");
      Path poscar = VaspSiblings.in(d).find("POSCAR");
      AtomTable t = run.atoms();
      if (contcar != null && nonEmpty(contcar)) {
        return checked(contcar, "CONTCAR", run, options);
      } else if (end && poscar != null) {
        // VASP keeps the end images fixed at their POSCAR; an OUTCAR there is a copied endpoint relaxation
        return checked(poscar, "POSCAR", run, options);
      } else if (run.lastStep() != null) {
        return new Geometry(run.lastStep(), t, "OUTCAR");
      } else if (poscar != null) {
        PoscarReader.Structure s = PoscarReader.read(poscar, options);
        return new Geometry(s.frame(), t == null ? s.header().atoms() : t, "POSCAR");
      }
      throw new MissingInputException(d + ": no CONTCAR, OUTCAR or POSCAR");
    }

    /** Reads a geometry file, which must hold the atoms of the OUTCAR beside it when there is one. */
    private static Geometry checked(Path file, String from, OutcarImage run, ReadOptions options) {
      AtomTable t = run.atoms();
      PoscarReader.Structure s = PoscarReader.read(file, options.withSpecies(t == null ? options.species() : List.of()));
      sameAtoms(file, s, t, run.outcar());
      return new Geometry(s.frame(), t == null ? s.header().atoms() : t, from);
    }
  }

  /**
   * The energy of an image.
   *
   * @param ev the energy (eV), NaN when none
   * @param from where it came from, for the sources list
   */
  private record ImageEnergy(double ev, String from) {

    /** The OUTCAR's last {@code energy(sigma->0)}, else the OSZICAR's last {@code E0}; a warning when the folder has neither. */
    static ImageEnergy read(Path d, Frame lastStep, ReadOptions options, List<String> warnings) {
      if (lastStep != null) {
        return new ImageEnergy(lastStep.energies().energySigma0Ev(), "OUTCAR energy(sigma->0)");
      }
      Path osz = VaspSiblings.in(d).find("OSZICAR");
      if (osz == null) {
        warnings.add(d.getFileName() + ": no OUTCAR or OSZICAR: image without energy");
        return new ImageEnergy(Double.NaN, "no energy");
      }
      OszicarReader.Result r = OszicarReader.read(osz, options);
      double e = r.steps().isEmpty() ? Double.NaN : r.steps().get(r.steps().size() - 1).energies().energySigma0Ev();
      return new ImageEnergy(e, "OSZICAR E0");
    }
  }

  /** The geometry file of an image must hold the atoms of the OUTCAR beside it, element by element. */
  private static void sameAtoms(Path file, PoscarReader.Structure s, AtomTable fromOutcar, Path outcar) {
    if (fromOutcar != null && !Arrays.equals(s.header().atoms().elements(), fromOutcar.elements())) {
      throw MalformedInputException.of(file.toString(), s.countsLine(), "expected the atoms of " + outcar.getFileName()
          + " beside it (" + fromOutcar.speciesCounts() + "), found " + s.header().atoms().speciesCounts());
    }
  }

  private static boolean nonEmpty(Path p) {
    try {
      return Files.size(p) > 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
