package io.tickwire.cli;

import io.tickwire.connector.capture.CaptureSource;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.flow.Addresses;
import io.tickwire.replay.CaptureReplay;
import io.tickwire.replay.ChaosInjector;
import io.tickwire.replay.ChaosSettings;
import io.tickwire.replay.ByteLines;
import io.tickwire.replay.FrameSender;
import io.tickwire.replay.HostPort;
import io.tickwire.replay.InProcessReplay;
import io.tickwire.replay.Injected;
import io.tickwire.replay.InputLines;
import io.tickwire.replay.LocalPipeline;
import io.tickwire.replay.LocalReplay;
import io.tickwire.replay.Progress;
import io.tickwire.replay.Rate;
import io.tickwire.replay.ReplayStream;
import io.tickwire.replay.ReplaySummary;
import io.tickwire.replay.SendException;
import io.tickwire.replay.SendResult;
import io.vertx.core.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickwire replay}: sends a file of v1 events into a running node's TCP ingest (or, with {@code --local},
 * through an in-process pipeline), optionally with faults injected, and reports what was injected so the node's
 * anomaly counts can be checked against it. With {@code --capture} the input is a recorded exchange capture, first
 * run through the venue's real connector session ({@link CaptureReplay}). Bad options exit 2 naming the option; a
 * failed send exits 1.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a .jsonl file of v1 events, or a recorded exchange capture, into a node's TCP ingest or an"
        + " in-process pipeline, optionally injecting faults.")
final class ReplayCommand implements Callable<Integer> {
  private static final String NOTHING_INJECTED = "nothing (no faults asked for)";
  private static final int BARS_BUFFER_BYTES = 1 << 16;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--file", paramLabel = "FILE",
      description = "v1 JSON events, one per line; plain, gzip or zstd (told by its first bytes), read as it is sent.")
  Path file;

  @Option(names = "--capture", paramLabel = "FILE",
      description = "A recorded exchange capture (tickwire's format or cryptofeed's) to feed through the connector.")
  Path capture;

  @Option(names = "--venue", paramLabel = "coinbase|kraken|binance|binance_futures|deribit",
      description = "The capture's venue.")
  String venue;

  @Option(names = "--protocol", paramLabel = "NAME",
      description = "The capture's protocol (coinbase: advanced_trade|exchange, kraken: v2|v1, binance: spot,"
          + " binance_futures: usdm, deribit: v2);"
          + " default: from the capture's header or URL.")
  String protocol;

  @Option(names = "--rest", paramLabel = "FILE",
      description = "REST responses recorded with the capture (Binance spot or futures depth snapshots), merged by"
          + " receive time.")
  Path rest;

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

  @Option(names = "--bars", paramLabel = "FILE",
      description = "With --local: also write every bar the pipeline emits (closed bars and their revisions) to FILE as"
          + " v1 JSON lines, e.g. to compare with another system's bars.")
  Path bars;

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
    checkBars();
    if (capture != null) {
      return replayCaptured(replayCapture(), chaos, pace, target, json);
    }
    try {
      return chaos.injectsNothing() ? replayAsIs(pace, target, json) : replayFaulted(chaos, pace, target, json);
    } catch (UncheckedIOException e) {
      err().println("tickwire replay: --file " + file + ": cannot read it: " + e.getCause().getMessage());
      return RunCommand.EXIT_FAILED;
    }
  }

  /** The file's lines sent as they are: read as bytes, never decoded on this side. */
  private int replayAsIs(Rate pace, HostPort target, boolean json) {
    try (ByteLines input = open(file, "--file", ByteLines::open)) {
      Progress progress = progress().reading(input::bytesRead, input.size());
      return replay(ReplayStream.asIs(input), pace, target, json, progress);
    }
  }

  private int replayFaulted(ChaosSettings chaos, Rate pace, HostPort target, boolean json) {
    try (InputLines input = open(file, "--file", InputLines::open)) {
      Progress progress = progress().reading(input::bytesRead, input.size());
      return replay(ReplayStream.faulted(new ChaosInjector(chaos).stream(input)), pace, target, json, progress);
    }
  }

  private int replay(ReplayStream stream, Rate pace, HostPort target, boolean json, Progress progress) {
    return local ? runLocal(stream, json, pace, progress) : send(stream, sender(target, pace, progress), json);
  }

  private Progress progress() {
    return Progress.toStderr(local ? "replay --local" : "replay");
  }

  /** The capture's events, already in memory (the capture is read whole to order it), faulted and sent. */
  private int replayCaptured(CaptureReplay.Result captured, ChaosSettings chaos, Rate pace, HostPort target,
      boolean json) {
    ReplayStream stream = ReplayStream.faulted(new ChaosInjector(chaos).stream(captured.lines()));
    Progress progress = progress();
    if (json) {
      return local ? runLocal(stream, pace, progress).map(done -> printCapture(captured,
          new JsonObject(done.toJson()))).orElse(RunCommand.EXIT_FAILED)
          : sendCapture(captured, stream, sender(target, pace, progress));
    }
    err().println("replay --capture: " + captured.summary().encode());
    return replay(stream, pace, target, false, progress);
  }

  /** A producer token from the environment, when set, opens every connection: the ingest may require one. */
  private static FrameSender sender(HostPort target, Rate pace, Progress progress) {
    return new FrameSender(target, pace, progress).authenticating(FrameSender.tokenFromEnvironment());
  }

  /** Runs the capture through the venue session; its events become the v1 lines to replay. */
  private CaptureReplay.Result replayCapture() {
    if (file != null) {
      throw Options.bad(spec, "give --file or --capture, not both");
    }
    if (venue == null) {
      throw Options.bad(spec, "--capture needs --venue (coinbase, kraken, binance, binance_futures or deribit)");
    }
    readable(capture, "--capture");
    if (rest != null) {
      readable(rest, "--rest");
    }
    try {
      return CaptureReplay.run(CaptureSource.read(capture, rest, venue, protocol));
    } catch (IllegalArgumentException | CryptofeedCapture.CaptureFormatException | UncheckedIOException e) {
      throw Options.bad(spec, "--capture " + capture + ": " + e.getMessage());
    }
  }

  private int printCapture(CaptureReplay.Result captured, JsonObject pipeline) {
    out().println(captured.summary().copy().put("pipeline", pipeline).encode());
    return RunCommand.EXIT_OK;
  }

  private int sendCapture(CaptureReplay.Result captured, ReplayStream stream, FrameSender sender) {
    try {
      SendResult sent = sender.send(stream.frames());
      out().println(captured.summary().copy().put("sent", sent.frames()).put("to", sender.target().toString())
          .encode());
      return RunCommand.EXIT_OK;
    } catch (SendException e) {
      err().println("tickwire replay: " + e.getMessage());
      return RunCommand.EXIT_FAILED;
    }
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

  /** What opens an input file; throws when it cannot be opened or its first bytes read. */
  private interface Opener<T> {
    T open(Path path) throws IOException;
  }

  private <T> T open(Path path, String option, Opener<T> opener) {
    if (path == null) {
      throw Options.bad(spec, "give --file FILE (v1 events) or --capture FILE --venue VENUE");
    }
    readable(path, option);
    try {
      return opener.open(path);
    } catch (IOException e) {
      throw Options.bad(spec, option + " " + path + ": cannot read it: " + e);
    }
  }

  private void readable(Path path, String option) {
    if (!Files.exists(path)) {
      throw Options.bad(spec, option + " " + path + ": no such file");
    }
  }

  private int send(ReplayStream stream, FrameSender sender, boolean json) {
    SendResult sent;
    try {
      sent = sender.send(stream.frames());
    } catch (SendException e) {
      err().println("tickwire replay: " + e.getMessage());
      return RunCommand.EXIT_FAILED;
    }
    if (json) {
      out().println(new JsonObject().put("to", sender.target().toString()).put("sent", sent.frames())
          .put("bytes", sent.bytes()).put("elapsed_ms", sent.elapsed().toMillis())
          .put("injected", stream.injected().get().map(Injected::toJson).orElse(null)).encode());
    } else {
      err().printf(Locale.ROOT, "replay: sent %d frames (%.1f MB) to %s in %.2f s (%.0f events/s) | injected %s%n",
          sent.frames(), sent.bytes() / 1e6, sender.target(), sent.elapsedNanos() / 1e9, sent.eventsPerSecond(),
          injectedText(stream));
    }
    return RunCommand.EXIT_OK;
  }

  private static String injectedText(ReplayStream stream) {
    return stream.injected().get().map(Injected::toText).orElse(NOTHING_INJECTED);
  }

  private void checkBars() {
    if (bars == null) {
      return;
    }
    if (!local) {
      throw Options.bad(spec, "--bars " + bars + " needs --local: a remote node's bars are not this command's");
    }
    Path parent = bars.toAbsolutePath().getParent();
    if (Files.isDirectory(bars) || (parent != null && !Files.isDirectory(parent))) {
      throw Options.bad(spec, "--bars " + bars + ": not a file in an existing directory");
    }
  }

  /** Empty when the pipeline failed, said on stderr; a file that fails part-way is left to the caller. */
  private Optional<ReplaySummary> runLocal(ReplayStream stream, Rate pace, Progress progress) {
    try (OutputStream barsOut = barsOutput()) {
      return Optional.of(localReplay(pace, progress, barsOut).run(stream.frames()));
    } catch (UncheckedIOException e) {
      throw e;
    } catch (Exception e) {
      err().println("tickwire replay --local failed: " + e);
      return Optional.empty();
    }
  }

  private int runLocal(ReplayStream stream, boolean json, Rate pace, Progress progress) {
    Optional<ReplaySummary> ran = runLocal(stream, pace, progress);
    if (ran.isEmpty()) {
      return RunCommand.EXIT_FAILED;
    }
    ReplaySummary done = ran.get();
    if (json) {
      out().println(done.toJson()); // stdout holds exactly the summary; the injected counts go to stderr
      err().println("replay: injected " + injectedText(stream));
    } else {
      err().println("replay --local: " + done.toText() + " | injected " + injectedText(stream));
    }
    return RunCommand.EXIT_OK;
  }

  private OutputStream barsOutput() throws IOException {
    return bars == null ? OutputStream.nullOutputStream()
        : new BufferedOutputStream(Files.newOutputStream(bars), BARS_BUFFER_BYTES);
  }

  private LocalReplay localReplay(Rate pace, Progress progress, OutputStream barsOut) throws Exception {
    if (localReplay != null) {
      return localReplay;
    }
    List<String> print = bars == null ? List.of() : List.of(Addresses.BARS);
    return new InProcessReplay(configOptions.load(LocalPipeline.OVERRIDES), pace, print, barsOut, progress);
  }
  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
