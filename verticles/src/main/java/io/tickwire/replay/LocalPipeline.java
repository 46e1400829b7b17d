package io.tickwire.replay;

import io.tickwire.batcher.MicroBatcherVerticle;
import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.router.RouterVerticle;
import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline of {@code tickwire replay --local}: ingest and compute in this JVM, fed through the same TCP
 * ingest a remote producer uses (on an ephemeral loopback port), so a local replay exercises exactly the path a
 * live one does, drift checks included. No database, web or synthetic feed: the summary needs none of them.
 */
public final class LocalPipeline {
  /** Overrides that make a node a self-contained replay target; the caller's own overrides come after. */
  public static final List<String> OVERRIDES = List.of("synthetic.enabled=false", "web.enabled=false",
      "inference.enabled=false", "ingest.tcp.enabled=true", "ingest.tcp.host=127.0.0.1",
      "ingest.tcp.port=0");

  private final Node node;
  private TcpIngestVerticle ingest;
  private RouterVerticle router;
  private List<MicroBatcherVerticle> batchers;
  private boolean stopped;

  public LocalPipeline(Vertx vertx, Settings settings) {
    this(vertx, settings, List.of(), OutputStream.nullOutputStream());
  }

  /** Also prints every message on {@code printAddresses} to {@code printOut}, as {@code run --print} does. */
  public LocalPipeline(Vertx vertx, Settings settings, List<String> printAddresses, OutputStream printOut) {
    this.node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE)).print(printAddresses, printOut)
        .build();
  }

  public Future<Void> start() {
    return node.start().onSuccess(v -> {
      ingest = stages(TcpIngestVerticle.class).get(0);
      router = stages(RouterVerticle.class).get(0);
      batchers = stages(MicroBatcherVerticle.class);
    });
  }

  /** The loopback port to send frames to. */
  public int port() {
    return ingest.actualPort();
  }

  /** Frames the ingest has read so far, good or bad. */
  public long framesRead() {
    return ingest.stats().frames();
  }

  /**
   * Completes once the ingest has read {@code frames} frames (every one sent has been looked at), or fails after
   * {@code timeoutMs}. Checked on a timer: the ingest counts frames on its own event loop and signals nothing.
   */
  public Future<Void> read(Vertx vertx, long frames, long timeoutMs) {
    Promise<Void> done = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMs;
    // No zero initial delay: a timer that fires before setPeriodic has returned cannot be cancelled from its own
    // handler (Vert.x throws), and the promise would never complete.
    vertx.setPeriodic(5, id -> {
      if (framesRead() >= frames) {
        done.tryComplete();
        vertx.cancelTimer(id);
      } else if (System.currentTimeMillis() > deadline) {
        done.tryFail(new IllegalStateException("the ingest read " + framesRead() + " of " + frames
            + " frames within " + timeoutMs + " ms"));
        vertx.cancelTimer(id);
      }
    });
    return done.future();
  }

  /** Stops the node, draining every stage: open windows are flushed, pending incidents written. */
  public Future<Void> stop() {
    return node.stop().onComplete(v -> stopped = true);
  }

  /** What the run did; complete once {@link #stop} has finished. */
  public ReplaySummary summary() {
    if (!stopped) {
      throw new IllegalStateException("counts are final only after stop()");
    }
    Map<String, Long> anomalies = new TreeMap<>(router.anomalyCounts());
    anomalies.put(AnomalyTypes.SCHEMA_DRIFT, ingest.schemaDrift());
    long bars = 0;
    long crossedBooks = 0;
    for (MicroBatcherVerticle batcher : batchers) {
      bars += batcher.barsClosed();
      crossedBooks += batcher.crossedBooks();
    }
    anomalies.put(AnomalyTypes.CROSSED_BOOK, crossedBooks);
    return new ReplaySummary(ingest.stats().frames(), bars, anomalies, router.incidents(),
        ingest.stats().rejected() + router.deadLetters().total());
  }

  private <T> List<T> stages(Class<T> type) {
    return node.stages().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
