package io.tickwire.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded exchange traffic the repository carries in its top-level {@code fixtures/} folder (so
 * {@code ../fixtures} from a module directory, where Maven runs the tests). A missing file fails the test with a
 * message naming the path; a test never skips for want of its data.
 */
public final class Fixtures {
  private Fixtures() {
  }

  public static Path root() {
    return root(Path.of("").toAbsolutePath());
  }

  /** The fixtures folder as seen from {@code module}; fails naming the resolved path when it is missing. */
  public static Path root(Path module) {
    Path root = module.resolve("../fixtures").normalize();
    if (!Files.isDirectory(root)) {
      throw new AssertionError("fixtures folder not found: " + root + " (resolved from the module directory "
          + module + " as ../fixtures); it is part of the repository, see fixtures/README.md");
    }
    return root;
  }

  /** A file under {@code cryptofeed/}; fails naming the path when it is missing. */
  public static Path cryptofeed(String name) {
    Path file = root().resolve("cryptofeed").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("fixture file not found: " + file);
    }
    return file;
  }
}
