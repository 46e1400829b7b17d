package io.tickwire.cli;

import io.tickwire.codecs.Intervals;
import io.tickwire.health.HealthReports;
import io.tickwire.replay.FrameSender;
import io.tickwire.replay.HostPort;
import io.tickwire.replay.IngestHealth;
import io.tickwire.replay.Progress;
import io.tickwire.replay.Rate;
import io.tickwire.replay.ServerFigures;
import io.tickwire.replay.StressLoad;
import io.tickwire.replay.StressReport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire stress}: loads a node's TCP ingest with synthetic trades and reports the rate achieved, the
 * connection errors, and (from the node's /health, read before and after) what the server received and dropped.
 * Exits 1 when a connection failed, 2 on bad options.
 */
@Command(name = "stress", mixinStandardHelpOptions = true,
    description = "Drive a node's TCP ingest with synthetic trades and report achieved rate, errors and drops.")
final class StressCommand implements Callable<Integer> {
  /** Long enough for several health reports after the last frame, short enough not to stall a script. */
  private static final Duration SETTLE = Duration.ofMillis(5 * HealthReports.PERIOD_MS);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--rate", paramLabel = "N|max", defaultValue = "10000",
      description = "Events per second over all connections, or max (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
      description = "How long to send, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--connections", paramLabel = "C", defaultValue = "4",
      description = "Producer connections, each sending rate/C (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--symbols", paramLabel = "K", defaultValue = "3",
      description = "Symbols per connection (default: ${DEFAULT-VALUE}).")
  int symbols;

  @Option(names = "--to", paramLabel = "HOST:PORT", defaultValue = "localhost:9001",
      description = "The node's TCP ingest (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--health", paramLabel = "URL", defaultValue = "http://localhost:8080/health",
      description = "The node's health endpoint, read before and after for the server's figures; skipped with a"
          + " note when unreachable (default: ${DEFAULT-VALUE}).")
  String health;

  @Option(names = "--json", description = "Print one JSON object instead of a line of text.")
  boolean json;

  private Rate asked;

  @Override
  public Integer call() throws InterruptedException {
    StressLoad load = load();
    IngestHealth ingest = new IngestHealth(Options.parse(spec, "--health", health, StressCommand::httpUrl));
    Map<String, Long> before;
    try {
      before = ingest.gauges();
    } catch (IOException e) {
      return report(load.run(), null, "skipped: " + e.getMessage());
    }
    StressLoad.Result result = load.run();
    try {
      Map<String, Long> after = ingest.gaugesOnce(before.getOrDefault("frames", 0L) + result.sent().frames(), SETTLE);
      return report(result, ServerFigures.between(before, after), null);
    } catch (IOException e) {
      return report(result, null, "unavailable after the run: " + e.getMessage());
    }
  }

  private StressLoad load() {
    asked = Options.parse(spec, "--rate", rate, Rate::parse);
    long millis = Options.parse(spec, "--duration", duration, Intervals::parse); // refuses 0 itself
    if (connections < 1) {
      throw Options.bad(spec, "--connections must be at least 1, got " + connections);
    }
    if (symbols < 1) {
      throw Options.bad(spec, "--symbols must be at least 1, got " + symbols);
    }
    if (!asked.isMax() && asked.perSecond() < connections) {
      throw Options.bad(spec, "--rate " + rate + " is less than one event per second per connection (--connections "
          + connections + ")");
    }
    HostPort target = Options.parse(spec, "--to", to, HostPort::parse);
    return new StressLoad(target, asked, connections, symbols, Duration.ofMillis(millis), Progress.toStderr("stress"),
        FrameSender.tokenFromEnvironment());
  }

  private int report(StressLoad.Result result, ServerFigures server, String note) {
    StressReport report = new StressReport(asked, connections, result, server, note);
    spec.commandLine().getOut().println(json ? report.toJson().encode() : report.toText());
    return result.errors() > 0 ? RunCommand.EXIT_FAILED : RunCommand.EXIT_OK;
  }

  private static URI httpUrl(String text) {
    URI uri = URI.create(text);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("expected an http:// or https:// URL, got '" + text + "'");
    }
    return uri;
  }
}
