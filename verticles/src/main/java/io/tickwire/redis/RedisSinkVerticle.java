package io.tickwire.redis;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.IvSurfaceBatch;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Backoff;
import io.tickwire.flow.BestEffortConsumer;
import io.tickwire.flow.Clock;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The Redis hot cache, best-effort: reads bars from the {@code md.bars} topic through a bounded drop-oldest queue,
 * so it never slows the pipeline, and writes the latest bar per series, a capped stream of 1s bars per symbol,
 * update notifications and the node's health (see {@link RedisKeys}). With a derived stream configured it also reads
 * {@code md.spot_mid} and {@code md.iv_surface} the same way and writes the {@code md:v1:*} keys an older service's
 * readers know ({@link MdV1Coalescer}, {@link MdV1Requests}). One pipelined write is in flight at a time;
 * values arriving meanwhile are coalesced to the newest per key. While Redis is unreachable writes are retried with
 * capped exponential backoff, memory stays bounded (latest per key, a bounded stream backlog), the sink reports
 * itself degraded, and it recovers by itself when the client's pool reconnects.
 *
 * <p>A write that failed half-way is sent again whole: SETs are idempotent, stream entries may then appear twice,
 * which a best-effort cache accepts.
 */
public final class RedisSinkVerticle extends VerticleBase {
  public static final String HEALTH_NAME = "sink.redis";
  private static final System.Logger LOG = System.getLogger(RedisSinkVerticle.class.getName());
  private static final long FIRST_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 5000;
  private static final long HEALTH_PERIOD_MS = 1000;
  /** A Redis that accepts connections but never answers must not stall the sink forever. */
  private static final long WRITE_TIMEOUT_MS = 5000;
  private static final long STOP_TIMEOUT_MS = 2000;
  private static final int CONNECT_TIMEOUT_MS = 2000;
  /** Bounds memory while Redis is down: distinct series waiting, and 1s bars waiting for their streams. */
  private static final int MAX_KEYS = 100_000;
  private static final int MAX_STREAM_BACKLOG = 100_000;
  /** Keeps one pipeline (up to four commands per bar) within the connection's waiting-reply queue. */
  private static final int MAX_BARS_PER_WRITE = 1000;
  private static final int MAX_WAITING_REPLIES = 5 * MAX_BARS_PER_WRITE;

  private final Settings settings;
  private final String url;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final BarCoalescer pending = new BarCoalescer(MAX_KEYS, MAX_STREAM_BACKLOG);
  /** Null when no derived stream is configured: no md:v1 key is written then. */
  private final MdV1Coalescer md;
  private Redis client;
  private volatile BestEffortConsumer<BarBatch> consumer;
  private final List<BestEffortConsumer<?>> derivedConsumers = new CopyOnWriteArrayList<>();
  private long healthTimer = -1;
  private long retryTimer = -1;
  private boolean writing;
  private boolean healthDue = true;
  private boolean stopping;
  private Future<Void> inFlight = Future.succeededFuture();
  private int consecutiveFailures;
  private String lastError;
  private boolean everWritten;
  private long written;
  private long streamWritten;
  private long mdWritten;
  private long failures;

  /** What one write cycle took: bars and, with derived streams, the md:v1 values. */
  private record Taken(BarCoalescer.Pending bars, MdV1Coalescer.Pending md) {
  }

  public RedisSinkVerticle(StageContext context, String redisUrl) {
    this.settings = context.settings();
    this.url = redisUrl;
    this.health = context.health();
    this.metrics = context.metrics();
    this.md = settings.derived().enabled() ? new MdV1Coalescer(mdV1Asset(settings), MAX_KEYS, MAX_STREAM_BACKLOG)
        : null;
  }

  /** The md:v1 asset: the configured one, else the first spot-mid asset, else the first surface underlying. */
  static String mdV1Asset(Settings settings) {
    if (settings.redis().mdV1Asset() != null) {
      return settings.redis().mdV1Asset();
    }
    if (settings.derived().spotMid().enabled()) {
      return settings.derived().spotMid().assets().get(0).name();
    }
    List<String> underlyings = settings.derived().ivSurface().underlyings();
    return underlyings.isEmpty() ? null : underlyings.get(0);
  }

  @Override
  public Future<?> start() {
    client = Redis.createClient(vertx, clientOptions());
    registerMeters(metrics);
    healthTimer = vertx.setPeriodic(HEALTH_PERIOD_MS, id -> refreshHealth());
    reportHealth();
    return subscribeToDerived().compose(v -> BestEffortConsumer.subscribe(vertx, Addresses.BARS,
        settings.redis().queue(), this::accept)).onSuccess(subscribed -> {
          consumer = subscribed;
          writeIfIdle();
        });
  }

  private Future<Void> subscribeToDerived() {
    if (md == null) {
      return Future.succeededFuture();
    }
    return Future.all(
        BestEffortConsumer.<SpotMidBatch>subscribe(vertx, Addresses.SPOT_MID, settings.redis().queue(), batch -> {
          batch.items().forEach(md::add);
          writeIfIdle();
          return Future.succeededFuture();
        }).onSuccess(derivedConsumers::add),
        BestEffortConsumer.<IvSurfaceBatch>subscribe(vertx, Addresses.IV_SURFACE, settings.redis().queue(), batch -> {
          batch.items().forEach(md::add);
          writeIfIdle();
          return Future.succeededFuture();
        }).onSuccess(derivedConsumers::add)).mapEmpty();
  }

  /** Read by the scrape from another thread: counts only ever grow, so a slightly old value is all it can see. */
  private void registerMeters(Metrics metrics) {
    metrics.dropped(Addresses.inbox(Addresses.BARS, HEALTH_NAME), () -> consumer == null ? 0 : consumer.dropped());
    metrics.dropped(HEALTH_NAME + ".pending", () -> pending.keysDropped() + pending.streamDropped()
        + (md == null ? 0 : md.dropped()));
    metrics.dropped(HEALTH_NAME + ".derived", this::derivedDropped);
    metrics.errors(HEALTH_NAME, "write_failed", () -> failures);
  }

  private RedisOptions clientOptions() {
    RedisOptions options = new RedisOptions().setConnectionString(url).setMaxWaitingHandlers(MAX_WAITING_REPLIES);
    options.getNetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS);
    return options;
  }

  /** Takes a batch in at once (coalescing it), so the topic's queue only fills if this event loop falls behind. */
  private Future<Void> accept(BarBatch batch) {
    for (Bar bar : batch.items()) {
      pending.add(bar);
    }
    writeIfIdle();
    return Future.succeededFuture();
  }

  private void refreshHealth() {
    reportHealth();
    healthDue = true;
    writeIfIdle();
  }

  private long derivedDropped() {
    long dropped = 0;
    for (BestEffortConsumer<?> derived : derivedConsumers) {
      dropped += derived.dropped();
    }
    return dropped;
  }

  private boolean nothingPending() {
    return pending.isEmpty() && (md == null || md.isEmpty());
  }

  private void writeIfIdle() {
    if (writing || retryTimer != -1 || stopping || (nothingPending() && !healthDue)) {
      return;
    }
    writeOnce();
  }

  /** Sends one pipeline of what is pending; completes when Redis has answered it (or failed). */
  private Future<Void> writeOnce() {
    writing = true;
    Taken taken = new Taken(pending.take(MAX_BARS_PER_WRITE), md == null ? null : md.take(MAX_BARS_PER_WRITE));
    List<Request> requests = RedisRequests.forBars(taken.bars(), settings.redis().streamMaxlen(),
        settings.redis().keyTtlMs());
    if (taken.md() != null) {
      requests.addAll(MdV1Requests.forPending(taken.md(), settings.redis().keyTtlMs(),
          settings.redis().mdV1WindowMaxlen()));
    }
    if (healthDue) {
      long now = Clock.nowMicros();
      requests.add(RedisRequests.health(health.snapshot(), now));
      if (md != null) {
        requests.addAll(MdV1Requests.health(health.snapshot(), now));
      }
      healthDue = false;
    }
    inFlight = send(requests).timeout(WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .onComplete(done -> {
          writing = false;
          if (done.succeeded()) {
            succeeded(taken);
          } else {
            failed(taken, done.cause());
          }
        });
    return inFlight;
  }

  /** A client that throws instead of failing its future must not leave the sink waiting for a reply forever. */
  private Future<List<Response>> send(List<Request> requests) {
    try {
      return client.batch(requests);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void succeeded(Taken taken) {
    written += taken.bars().latest().size();
    streamWritten += taken.bars().stream().size();
    if (taken.md() != null) {
      mdWritten += taken.md().bbos().size() + taken.md().surfaces().size() + taken.md().window().size()
          + (taken.md().mid() == null ? 0 : 1);
    }
    everWritten = true;
    if (consecutiveFailures > 0) {
      LOG.log(System.Logger.Level.INFO, "Redis writes recovered after {0} failed attempts: {1}",
          consecutiveFailures, describe(url));
      consecutiveFailures = 0;
      lastError = null;
      reportHealth();
    }
    writeIfIdle();
  }

  private void failed(Taken taken, Throwable error) {
    pending.restore(taken.bars());
    if (taken.md() != null) {
      md.restore(taken.md());
    }
    failures++;
    consecutiveFailures++;
    lastError = String.valueOf(error.getMessage() != null ? error.getMessage() : error);
    if (consecutiveFailures == 1) {
      LOG.log(System.Logger.Level.WARNING, "Redis writes failing, retrying with backoff: {0}", lastError);
      reportHealth();
    }
    if (!stopping) {
      retryTimer = vertx.setTimer(backoffMs(), id -> {
        retryTimer = -1;
        writeIfIdle();
      });
    }
  }

  private long backoffMs() {
    return Backoff.delayMs(consecutiveFailures, FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
  }

  /** A last best-effort write, bounded in time so a dead Redis cannot hold up the node's shutdown. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(healthTimer);
    vertx.cancelTimer(retryTimer);
    retryTimer = -1;
    return inFlight.otherwiseEmpty()
        .compose(v -> writeRemaining())
        .timeout(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "final Redis write incomplete ({0} keys, {1} stream "
            + "entries left): {2}", pending.pendingKeys(), pending.pendingStream(), e.getMessage()))
        .otherwiseEmpty()
        .eventually(() -> client.close())
        .onComplete(v -> reportHealth());
  }

  private Future<Void> writeRemaining() {
    if (nothingPending()) {
      return Future.succeededFuture();
    }
    return writeOnce().compose(v -> writeRemaining());
  }

  private void reportHealth() {
    Status status = consecutiveFailures == 0 ? Status.OK : Status.DEGRADED;
    health.report(new ComponentHealth(HEALTH_NAME, status, detail(), gauges()));
  }

  private String detail() {
    if (consecutiveFailures > 0) {
      return "Redis unreachable at " + describe(url) + " (" + consecutiveFailures + " failed writes, retrying every "
          + backoffMs() + " ms): " + lastError;
    }
    return (everWritten ? "writing to " : "connecting to ") + describe(url);
  }

  private Map<String, Number> gauges() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("queued", consumer == null ? 0 : consumer.queued());
    gauges.put("dropped", consumer == null ? 0 : consumer.dropped());
    gauges.put("pending_keys", pending.pendingKeys());
    gauges.put("pending_stream", pending.pendingStream());
    gauges.put("coalesced", pending.coalesced());
    gauges.put("stale", pending.stale());
    gauges.put("keys_dropped", pending.keysDropped());
    gauges.put("stream_dropped", pending.streamDropped());
    gauges.put("written", written);
    gauges.put("stream_written", streamWritten);
    if (md != null) {
      gauges.put("md_v1_pending_keys", md.pendingKeys());
      gauges.put("md_v1_pending_window", md.pendingWindow());
      gauges.put("md_v1_coalesced", md.coalesced());
      gauges.put("md_v1_dropped", md.dropped() + derivedDropped());
      gauges.put("md_v1_written", mdWritten);
    }
    gauges.put("failures", failures);
    return gauges;
  }

  /** The URL without credentials, for logs and health. */
  static String describe(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getPath() == null ? "" : uri.getPath());
    } catch (IllegalArgumentException e) {
      return "(unparseable Redis URL)";
    }
  }
}
