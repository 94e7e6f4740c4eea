package org.interphase.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Resolves files of the shared test corpus ({@code ../shared} beside the project root). Real files
 * are read in place, never copied. When the folder is missing the test is skipped with a message
 * naming it, unless {@code -Dinterphase.requireSharedData=true} (set by CI), which makes it fail.
 */
public final class SharedData {
  private SharedData() {}

  /** The project root: the nearest ancestor of the working directory holding {@code bin/interphase}. */
  public static Path projectRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.exists(p.resolve("bin").resolve("interphase")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("cannot find the project root (a folder with bin/interphase) above " + Path.of("").toAbsolutePath());
  }

  /** The shared folder, {@code <root>/../shared} unless {@code -Dinterphase.sharedDir} names another. */
  public static Path sharedDir() {
    String override = System.getProperty("interphase.sharedDir");
    return override != null ? Path.of(override) : projectRoot().resolveSibling("shared").normalize();
  }

  /**
   * A file under the shared folder, e.g. {@code real("kinisi/example_XDATCAR.gz")}.
   *
   * @param relative path relative to {@code shared/}
   */
  public static Path path(String relative) {
    Path p = sharedDir().resolve(relative);
    if (!Files.exists(p)) {
      String msg = "shared test data missing: " + p + " (the folder " + sharedDir() + " is not beside the project)";
      if (Boolean.getBoolean("interphase.requireSharedData")) {
        fail(msg);
      }
      // on the console too, not only in the surefire report
      System.err.println("SKIPPED: " + msg);
      Assumptions.abort(msg);
    }
    return p;
  }

  /** A file under {@code shared/data/real/}. */
  public static Path real(String relative) {
    return path("data/real/" + relative);
  }

  /** A file under {@code shared/data/cp2k/}. */
  public static Path cp2k(String relative) {
    return path("data/cp2k/" + relative);
  }

  /** A scratch directory under the module's {@code target/}. */
  public static Path scratch(String name) {
    try {
      Path d = Path.of("target", "test-scratch", name).toAbsolutePath();
      Files.createDirectories(d);
      return d;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@link #scratch} emptied of what an earlier run left there: for a test that checks a file is <em>not</em> written, which a
   * file from before would otherwise pass or fail at random.
   */
  public static Path emptyScratch(String name) {
    Path d = scratch(name);
    try (java.util.stream.Stream<Path> all = Files.walk(d)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(d)) {
          Files.delete(p);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return d;
  }
}
