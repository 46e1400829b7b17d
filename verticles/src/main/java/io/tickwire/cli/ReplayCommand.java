package io.tickwire.cli;

import io.tickwire.replay.ChaosInjector;
import io.tickwire.replay.ChaosResult;
import io.tickwire.replay.ChaosSettings;
import io.tickwire.replay.FrameSender;
import io.tickwire.replay.HostPort;
import io.tickwire.replay.InProcessReplay;
import io.tickwire.replay.LocalPipeline;
import io.tickwire.replay.LocalReplay;
import io.tickwire.replay.Progress;
import io.tickwire.replay.Rate;
import io.tickwire.replay.ReplaySummary;
import io.tickwire.replay.SendException;
import io.tickwire.replay.SendResult;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire replay}: sends a file of v1 events into a running node's TCP ingest (or, with {@code --local},
 * through an in-process pipeline), optionally with faults injected, and reports what was injected so the node's
 * anomaly counts can be checked against it. Bad options exit 2 naming the option; a failed send exits 1.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a .jsonl file of v1 events into a node's TCP ingest, optionally injecting faults.")
final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "v1 JSON events, one per line.")
  Path file;

  @Option(names = "--rate", paramLabel = "N|max", defaultValue = "max",
      description = "Events per second, or max (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--duplicate-rate", paramLabel = "P", defaultValue = "0",
      description = "Probability that a trade is sent twice (default: ${DEFAULT-VALUE}).")
  double duplicateRate;

  @Option(names = "--shuffle-window", paramLabel = "N", defaultValue = "0",
      description = "Reorder events within a window of N (0 or 1: keep the order; default: ${DEFAULT-VALUE}).")
  int shuffleWindow;

  @Option(names = "--drift-rate", paramLabel = "P", defaultValue = "0",
      description = "Probability that an event's schema is broken (default: ${DEFAULT-VALUE}).")
  double driftRate;

  @Option(names = "--gap-rate", paramLabel = "P", defaultValue = "0",
      description = "Probability that a trade with a numeric id is dropped (default: ${DEFAULT-VALUE}).")
  double gapRate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the injected faults: same file and seed, same faults (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--to", paramLabel = "HOST:PORT", defaultValue = "localhost:9001",
      description = "The node's TCP ingest (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--local", description = "Run the pipeline in-process on the file instead of sending it.")
  boolean local;

  @Option(names = "--summary", paramLabel = "text|json", defaultValue = "text",
      description = "text: one line on stderr; json: one JSON object on stdout (default: ${DEFAULT-VALUE}).")
  String summary;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  /** Null: the in-process pipeline, configured by --config and --set; tests pass their own. */
  private final LocalReplay localReplay;

  ReplayCommand() {
    this(null);
  }

  ReplayCommand(LocalReplay localReplay) {
    this.localReplay = localReplay;
  }

  @Override
  public Integer call() {
    ChaosSettings chaos = chaosSettings();
    Rate pace = Options.parse(spec, "--rate", rate, Rate::parse);
    HostPort target = Options.parse(spec, "--to", to, HostPort::parse);
    boolean json = Options.parse(spec, "--summary", summary, ReplayCommand::isJson);
    ChaosResult result = new ChaosInjector(chaos).inject(readLines());
    return local ? runLocal(result, json, pace)
        : send(result, new FrameSender(target, pace, Progress.toStderr("replay")), json);
  }

  private static boolean isJson(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new IllegalArgumentException("expected text or json, got '" + format + "'");
    };
  }

  private ChaosSettings chaosSettings() {
    Options.check(spec, () -> ChaosSettings.requireRate("--duplicate-rate", duplicateRate));
    Options.check(spec, () -> ChaosSettings.requireRate("--drift-rate", driftRate));
    Options.check(spec, () -> ChaosSettings.requireRate("--gap-rate", gapRate));
    Options.check(spec, () -> ChaosSettings.requireTotal(
        "--duplicate-rate + --drift-rate + --gap-rate", duplicateRate + driftRate + gapRate));
    if (shuffleWindow < 0) {
      throw Options.bad(spec, "--shuffle-window must be 0 or more, got " + shuffleWindow);
    }
    return new ChaosSettings(duplicateRate, shuffleWindow, driftRate, gapRate, seed);
  }

  private List<String> readLines() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw Options.bad(spec, "--file " + file + ": no such file");
    } catch (IOException e) {
      throw Options.bad(spec, "--file " + file + ": cannot read it: " + e);
    }
  }

  private int send(ChaosResult result, FrameSender sender, boolean json) {
    SendResult sent;
    try {
      sent = sender.sendLines(result.lines());
    } catch (SendException e) {
      err().println("tickwire replay: " + e.getMessage());
      return RunCommand.EXIT_FAILED;
    }
    if (json) {
      out().println(new JsonObject().put("to", sender.target().toString()).put("sent", sent.frames())
          .put("bytes", sent.bytes()).put("elapsed_ms", sent.elapsed().toMillis())
          .put("injected", result.injected().toJson()).encode());
    } else {
      err().printf(Locale.ROOT, "replay: sent %d frames (%.1f MB) to %s in %.2f s (%.0f events/s) | injected %s%n",
          sent.frames(), sent.bytes() / 1e6, sender.target(), sent.elapsedNanos() / 1e9, sent.eventsPerSecond(),
          result.injected().toText());
    }
    return RunCommand.EXIT_OK;
  }

  private int runLocal(ChaosResult result, boolean json, Rate pace) {
    ReplaySummary done;
    try {
      done = localReplay(pace).run(result.lines());
    } catch (Exception e) {
      err().println("tickwire replay --local failed: " + e);
      return RunCommand.EXIT_FAILED;
    }
    if (json) {
      out().println(done.toJson()); // stdout holds exactly the summary; the injected counts go to stderr
      err().println("replay: injected " + result.injected().toText());
    } else {
      err().println("replay --local: " + done.toText() + " | injected " + result.injected().toText());
    }
    return RunCommand.EXIT_OK;
  }

  private LocalReplay localReplay(Rate pace) throws Exception {
    if (localReplay != null) {
      return localReplay;
    }
    return new InProcessReplay(configOptions.load(LocalPipeline.OVERRIDES), pace);
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
