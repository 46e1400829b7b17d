package io.tickwire.replay;

import io.tickwire.codecs.Codecs;
import io.tickwire.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tickwire replay --local}: starts a {@link LocalPipeline} in this JVM, sends the lines to its TCP ingest,
 * waits until the ingest has read every frame, then stops the pipeline (which flushes the open windows and writes
 * pending incidents) and summarises. The same lines give the same summary: detection runs in event time and in
 * arrival order, and one connection keeps that order.
 */
public final class InProcessReplay implements LocalReplay {
  /** How long the ingest may take to read what was sent, after the sender finished. */
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
  private static final long STOP_TIMEOUT_SECONDS = 120;

  private final Settings settings;
  private final Rate rate;
  private final List<String> printAddresses;
  private final OutputStream printOut;
  private final Progress progress;

  /** @param settings with {@link LocalPipeline#OVERRIDES} applied */
  public InProcessReplay(Settings settings, Rate rate) {
    this(settings, rate, Progress.toStderr("replay --local"));
  }

  /** Reports the send's progress to {@code progress} (e.g. with the share of the input file read). */
  public InProcessReplay(Settings settings, Rate rate, Progress progress) {
    this(settings, rate, List.of(), OutputStream.nullOutputStream(), progress);
  }

  /** Also prints the messages on {@code printAddresses} (e.g. md.anomalies) to {@code printOut} as v1 JSON lines. */
  public InProcessReplay(Settings settings, Rate rate, List<String> printAddresses, OutputStream printOut) {
    this(settings, rate, printAddresses, printOut, Progress.toStderr("replay --local"));
  }

  /** Prints {@code printAddresses} to {@code printOut} and reports the send's progress to {@code progress}. */
  public InProcessReplay(Settings settings, Rate rate, List<String> printAddresses, OutputStream printOut,
      Progress progress) {
    this.settings = settings;
    this.rate = rate;
    this.printAddresses = List.copyOf(printAddresses);
    this.printOut = printOut;
    this.progress = progress;
  }

  /** Runs {@code lines}, all in memory already. */
  public ReplaySummary run(List<String> lines) throws Exception {
    return run(lines.iterator());
  }

  @Override
  public ReplaySummary run(Iterator<String> lines) throws Exception {
    return run(Payloads.ofLines(lines));
  }

  @Override
  public ReplaySummary run(Payloads frames) throws Exception {
    Vertx vertx = Vertx.vertx();
    Codecs.register(vertx);
    try {
      LocalPipeline pipeline = new LocalPipeline(vertx, settings, printAddresses, printOut);
      await(pipeline.start());
      try {
        SendResult sent = new FrameSender(new HostPort("127.0.0.1", pipeline.port()), rate, progress).send(frames);
        await(pipeline.read(vertx, sent.frames(), READ_TIMEOUT.toMillis()));
      } finally {
        await(pipeline.stop());
      }
      return pipeline.summary();
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(READ_TIMEOUT.toSeconds() + STOP_TIMEOUT_SECONDS,
        TimeUnit.SECONDS);
  }
}
