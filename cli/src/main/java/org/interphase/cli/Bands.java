package org.interphase.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interphase.analysis.neb.NebAnalysis;
import org.interphase.analysis.neb.NebResult;
import org.interphase.analysis.neb.NebViews;
import org.interphase.core.FrameSource;
import org.interphase.core.FrameSources;
import org.interphase.core.Runner;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.neb.NebBand;
import org.interphase.parsers.neb.NebBands;

/** Reads NEB bands ({@link NebBands}) and analyses them: what {@code neb}, {@code render --path} and {@code report} share. */
final class Bands {
  private Bands() {}

  /** One path: what the user named, the band as read, and its analysis. */
  record Analysed(Path path, NebBand band, NebResult result) {
    /** The result with where its band came from, relative to what the user named. */
    NebViews.Entry entry() {
      return new NebViews.Entry(result, relative(path, band.source()), band.singlePoints().stream().map(p -> relative(path, p)).toList());
    }
  }

  /** Reads one path and analyses its images, fed as a {@link FrameSource}, under {@code name}. */
  static Analysed analyse(Path path, String name, ReadOptions options, List<Path> forcesFrom) {
    NebBand b = NebBands.read(path, options, forcesFrom);
    TrajectoryHeader h = new TrajectoryHeader(b.source().toString(), "neb", null, b.atoms(), b.images().get(0).cell(), Double.NaN, false,
        List.of());
    try (FrameSource images = FrameSources.of(h, b.images())) {
      Runner run = new Runner(images);
      Runner.Slot<NebResult> slot = run.add(new NebAnalysis(name, b.tangentForcesEvPerA(), b.climbingImage(), b.notes()));
      run.run(Runner.Listener.NONE);
      return new Analysed(path, b, slot.result());
    }
  }

  /** {@code file} as seen from the PATH the user gave (its folder when PATH is a file); "." for PATH itself. */
  static String relative(Path given, Path file) {
    Path g = given.toAbsolutePath().normalize();
    Path base = Files.isDirectory(g) ? g : g.getParent();
    String rel = base.relativize(file.toAbsolutePath().normalize()).toString();
    return rel.isEmpty() ? "." : rel;
  }

  /** A path's label: its folder's name. */
  static String label(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = Files.isDirectory(abs) ? abs : abs.getParent();
    return base.getFileName().toString();
  }
}
