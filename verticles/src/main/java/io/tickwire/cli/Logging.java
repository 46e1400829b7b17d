package io.tickwire.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** One-line logs on stderr, so stdout stays clean for {@code --print} output. */
final class Logging {
  private Logging() {
  }

  static void configure() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler stderr = new ConsoleHandler();
    stderr.setFormatter(new SimpleFormatter());
    stderr.setLevel(Level.ALL);
    root.addHandler(stderr);
    root.setLevel(Level.INFO);
    Logger.getLogger("io.netty").setLevel(Level.WARNING);
  }
}
