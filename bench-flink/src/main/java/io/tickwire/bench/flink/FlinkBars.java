package io.tickwire.bench.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code FlinkBars --file F [--bars OUT] [--parallelism 2] [--lateness 500ms]}: the bars of a v1 JSON trade file,
 * computed by Apache Flink in this JVM, with a one-line JSON summary on stdout (events, bars, late trades, wall
 * seconds). The peer of {@code tickwire replay --local --file F --summary json}. Bad arguments exit 2 naming them.
 */
public final class FlinkBars {
  private static final int EXIT_BAD_ARGUMENTS = 2;
  private static final List<String> QUIET_LOGGERS = List.of("org.apache.flink.runtime.security.token",
      "org.apache.flink.runtime.webmonitor.WebMonitorUtils");
  /** java.util.logging holds loggers weakly: a logger configured and dropped loses its level. */
  private static final List<Logger> KEPT = new ArrayList<>();

  private Path file;
  private Path bars;
  private int parallelism = 2;
  private Duration lateness = Duration.ofMillis(500);

  private FlinkBars() {
  }

  public static void main(String[] args) throws Exception {
    FlinkBars options = new FlinkBars();
    try {
      options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("FlinkBars: " + e.getMessage());
      System.err.println("usage: FlinkBars --file F [--bars OUT] [--parallelism 2] [--lateness 500ms]");
      System.exit(EXIT_BAD_ARGUMENTS);
    }
    quietLogs();
    RunSummary summary = new BarsRun(options.lateness, options.parallelism).run(options.file, options.bars);
    System.out.println(summary.toJson());
  }

  /**
   * Flink's INFO lines (dozens per job start) would bury the summary; warnings and errors still show, but for two
   * loggers that warn on every local run about what a MiniCluster does not have (delegation tokens, a log file for
   * the web UI).
   */
  private static void quietLogs() {
    Logger.getLogger("").setLevel(Level.WARNING);
    for (String name : QUIET_LOGGERS) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.SEVERE);
      KEPT.add(logger);
    }
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      String value = i + 1 < args.length ? args[++i] : null;
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      switch (option) {
        case "--file" -> file = Path.of(value);
        case "--bars" -> bars = Path.of(value);
        case "--parallelism" -> parallelism = positive(option, value);
        case "--lateness" -> lateness = Duration.ofMillis(Interval.parse(value));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("--file is required");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--file " + file + ": no such file");
    }
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a whole number of at least 1, got '" + value + "'");
  }
}
