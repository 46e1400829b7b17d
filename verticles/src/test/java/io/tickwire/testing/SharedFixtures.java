package io.tickwire.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded exchange traffic in the shared fixtures folder ({@code ../shared/fixtures} beside the repository,
 * so {@code ../../shared/fixtures} from a module directory, where Maven runs the tests). Tests fail with a message
 * naming the path when it is missing; they never skip silently.
 */
public final class SharedFixtures {
  private SharedFixtures() {
  }

  public static Path root() {
    return root(Path.of("").toAbsolutePath());
  }

  /** The fixtures folder as seen from {@code module}; fails naming the resolved path when it is missing. */
  public static Path root(Path module) {
    Path root = module.resolve("../../shared/fixtures").normalize();
    if (!Files.isDirectory(root)) {
      throw new AssertionError("shared fixtures folder not found: " + root + " (resolved from the module directory "
          + module + " as ../../shared/fixtures); see the repository README for where the fixtures live");
    }
    return root;
  }

  /** A file under {@code cryptofeed/}; fails naming the path when it is missing. */
  public static Path cryptofeed(String name) {
    Path file = root().resolve("cryptofeed").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("shared fixture file not found: " + file);
    }
    return file;
  }
}
