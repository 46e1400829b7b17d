package io.tickwire.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * A program some tests drive that Maven cannot provide, at the path Debian's package installs it. When it is
 * missing, its tests are skipped with one line naming the package, so a clone builds with a JDK and Maven alone;
 * under {@code CI=true} or {@code -Dtickwire.requireTools=true} a missing program fails the test instead, so CI can
 * never skip them silently.
 */
public enum ExternalTool {
  CHROMIUM(Path.of("/usr/bin/chromium"), "chromium", "chromium chromium-driver"),
  CHROMEDRIVER(Path.of("/usr/bin/chromedriver"), "chromium-driver", "chromium chromium-driver"),
  PROMTOOL(Path.of("/usr/bin/promtool"), "prometheus", "prometheus"),
  /** Runs the Python bridge client and example service (clients/python) against a live node. */
  PYTHON3(Path.of("/usr/bin/python3"), "python3", "python3");

  public static final String REQUIRE_PROPERTY = "tickwire.requireTools";
  private static final Set<ExternalTool> REPORTED = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final String debianPackage;
  /** The browser is only ever driven through the driver, so both are installed together. */
  private final String installWith;

  ExternalTool(Path path, String debianPackage, String installWith) {
    this.path = path;
    this.debianPackage = debianPackage;
    this.installWith = installWith;
  }

  public Path path() {
    return path;
  }

  /**
   * The program's path when it is installed. Otherwise the calling test fails when tools are required, and is
   * skipped (aborted) when they are not.
   */
  public Path require() {
    if (Files.isExecutable(path)) {
      return path;
    }
    String missing = path + " is missing; install Debian's package " + debianPackage + " (apt-get install -y "
        + installWith + ")";
    if (required(System.getenv("CI"), System.getProperty(REQUIRE_PROPERTY))) {
      throw new AssertionError(missing + ". Required because CI=true or -D" + REQUIRE_PROPERTY + "=true.");
    }
    if (REPORTED.add(this)) {
      System.err.println("tickwire tests: SKIPPED the tests that need " + path.getFileName() + ": " + missing);
    }
    Assumptions.abort(missing);
    return path;
  }

  /** Whether a missing program fails the build: in CI, or when asked for explicitly. */
  static boolean required(String ciEnv, String property) {
    return "true".equalsIgnoreCase(ciEnv) || "true".equalsIgnoreCase(property);
  }
}
