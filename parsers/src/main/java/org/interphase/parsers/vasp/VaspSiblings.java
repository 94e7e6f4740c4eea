package org.interphase.parsers.vasp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a VASP run in one folder, found by name: INCAR, OUTCAR, POTCAR, vasprun.xml, POSCAR,
 * CONTCAR, each as written or compressed ({@code .gz}, {@code .bz2}, {@code .xz}, in that order of
 * preference). Every reader that looks beside its file for another of the run asks here.
 */
public final class VaspSiblings {
  private static final String[] SUFFIXES = {"", ".gz", ".bz2", ".xz"};
  private final Path dir;

  private VaspSiblings(Path dir) {
    this.dir = dir;
  }

  /** The run of the folder holding {@code file}. */
  public static VaspSiblings of(Path file) {
    return new VaspSiblings(file == null ? null : file.toAbsolutePath().getParent());
  }

  /** The run in {@code dir}. */
  public static VaspSiblings in(Path dir) {
    return new VaspSiblings(dir);
  }

  /** Every regular file named {@code name}, plain then compressed; empty when none (or no folder). */
  public List<Path> all(String name) {
    List<Path> out = new ArrayList<>();
    if (dir == null) {
      return out;
    }
    for (String s : SUFFIXES) {
      Path p = dir.resolve(name + s);
      if (Files.isRegularFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The first of {@link #all}, or {@code null}. */
  public Path find(String name) {
    List<Path> a = all(name);
    return a.isEmpty() ? null : a.get(0);
  }

  /** INCAR, or {@code null}. */
  public Path incar() {
    return find("INCAR");
  }

  /** OUTCAR, or {@code null}. */
  public Path outcar() {
    return find("OUTCAR");
  }

  /** The structure of the run for its atoms and cell: CONTCAR, else POSCAR; {@code null} when neither. */
  public Path structure() {
    Path c = find("CONTCAR");
    return c != null ? c : find("POSCAR");
  }
}
