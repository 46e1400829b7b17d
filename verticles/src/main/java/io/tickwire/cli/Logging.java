package io.tickwire.cli;

import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

/** One-line logs on stderr, so stdout stays clean for {@code --print} output. */
final class Logging {
  /**
   * Chatty at INFO: Hazelcast prints a banner and every membership step, the embedded-PostgreSQL launcher every
   * step of finding, unpacking, starting and stopping its server, Flyway every migration. What matters of the last
   * two, tickwire logs itself in one line.
   */
  private static final List<String> QUIETER = List.of("io.netty", "com.hazelcast", "io.zonky.test", "org.flywaydb");
  /** Logs once per run, as a warning, that Vert.x re-registered a gauge, which Vert.x does by design. */
  private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
  private static final String GAUGE_REREGISTERED = "This Gauge has been already registered";
  /**
   * Held so their levels stick (the log manager keeps loggers weakly), and made only in {@link #configure()}: a
   * logger made earlier, in a static initialiser, would fix the JDK's own log manager before ours is installed.
   */
  private static List<Logger> quieted = List.of();

  private Logging() {
  }

  /**
   * The JDK's log manager closes every handler as soon as the JVM begins to shut down, which would silence the
   * graceful stop that follows a SIGTERM. This one keeps its handlers until the process is gone.
   */
  public static final class KeepAliveLogManager extends LogManager {
    private volatile boolean allowReset;

    @Override
    public void reset() {
      if (allowReset) {
        super.reset();
      }
    }

    void resetNow() {
      allowReset = true;
      try {
        super.reset();
      } finally {
        allowReset = false;
      }
    }
  }

  /** Must run before anything logs: the log manager class is fixed on first use. */
  static void configure() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    System.setProperty("java.util.logging.manager", KeepAliveLogManager.class.getName());
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    LogManager manager = LogManager.getLogManager();
    if (manager instanceof KeepAliveLogManager keepAlive) {
      keepAlive.resetNow();
    } else {
      manager.reset();
    }
    Logger root = Logger.getLogger("");
    Handler stderr = new ConsoleHandler();
    stderr.setFormatter(new SimpleFormatter());
    stderr.setLevel(Level.ALL);
    root.addHandler(stderr);
    root.setLevel(Level.INFO);
    List<Logger> quieter = QUIETER.stream().map(Logger::getLogger).toList();
    quieter.forEach(logger -> logger.setLevel(Level.WARNING));
    quieted = Stream.concat(quieter.stream(), Stream.of(withoutGaugeReregistrations())).toList();
  }

  /** Micrometer's other warnings still show; this one would greet every start, and even a --quiet one. */
  private static Logger withoutGaugeReregistrations() {
    Logger micrometer = Logger.getLogger(MICROMETER);
    micrometer.setFilter(record -> !String.valueOf(record.getMessage()).startsWith(GAUGE_REREGISTERED));
    return micrometer;
  }

  /** {@code --quiet}: warnings and errors only, whatever the logging configuration said. */
  static void warningsOnly() {
    Logger.getLogger("").setLevel(Level.WARNING);
  }
}
