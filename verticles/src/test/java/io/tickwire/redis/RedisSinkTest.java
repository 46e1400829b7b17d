package io.tickwire.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.Status;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestRedis;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis hot cache against a real Redis: keys, capped streams, notifications, health, and an outage. */
@ExtendWith(VertxExtension.class)
class RedisSinkTest {
  private static final long T0 = IsoTime.parse("2024-05-01T00:00:00Z");
  private static final long SECOND = 1000;
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Every test writes under its own venue, so tests sharing one Redis never see each other's keys. */
  private final String venue = "test" + UUID.randomUUID().toString().substring(0, 8);
  private final HealthRegistry health = new HealthRegistry();
  private Vertx vertx;
  private String deployment;

  @BeforeEach
  void registerCodecs(Vertx vertx) {
    this.vertx = vertx;
    Codecs.register(vertx);
  }

  @Test
  void latestBarPerKeyLandsAsV1Json() {
    TestRedis redis = deploySink(TestRedis.url());
    List<Bar> btc1s = bars("BTC-USD", SECOND, 10);
    publish(btc1s.subList(0, 5));
    publish(btc1s.subList(5, 10));
    Bar btc10s = bar("BTC-USD", 10 * SECOND, 0, 0);
    Bar eth1m = bar("ETH-USD", 60 * SECOND, 0, 0);
    publish(List.of(btc10s, eth1m));
    Bar lateRevisionOfOlderWindow = bar("BTC-USD", SECOND, 3, 1);
    publish(List.of(lateRevisionOfOlderWindow));

    for (Bar expected : List.of(btc1s.get(9), btc10s, eth1m)) {
      awaitLatest(redis, expected);
    }
    Await.until(() -> gauge("stale") == 1, WAIT, "the late revision of an older window counted as stale");
    assertThat(V1Json.readBar(redis.get(RedisKeys.bar(btc1s.get(9)))))
        .as("a revision of an older window does not replace the newest bar").isEqualTo(btc1s.get(9));
  }

  @Test
  void oneSecondBarsStreamEveryBarUpToAnApproximateCap() {
    long maxlen = 50;
    TestRedis redis = deploySink(TestRedis.url(), "redis.stream_maxlen=" + maxlen);
    List<Bar> sol = bars("SOL-USD", SECOND, 40);
    for (int i = 0; i < sol.size(); i += 10) {
      publish(sol.subList(i, i + 10));
    }
    List<Bar> btc = bars("BTC-USD", SECOND, 1000);
    for (int i = 0; i < btc.size(); i += 100) {
      publish(btc.subList(i, i + 100));
    }

    String solStream = RedisKeys.stream(venue, "SOL-USD");
    String btcStream = RedisKeys.stream(venue, "BTC-USD");
    awaitStreamEndsWith(redis, solStream, sol.get(sol.size() - 1));
    awaitStreamEndsWith(redis, btcStream, btc.get(btc.size() - 1));
    assertThat(redis.xlen(solStream)).as("below the cap every 1s bar is in the stream, coalesced or not")
        .isEqualTo(sol.size());
    assertThat(redis.xlen(btcStream)).as("MAXLEN ~ trims whole stream nodes (100 entries by default)")
        .isBetween(maxlen, maxlen + 100);
    assertThat(gauge("stream_dropped")).isZero();
  }

  @Test
  void everyBarKeyAndStreamExpiresAfterTheConfiguredTtlAndEachWritePushesItOut() {
    long ttlMs = 60_000;
    TestRedis redis = deploySink(TestRedis.url(), "redis.key_ttl_ms=" + ttlMs);
    Bar first = bar("XRP-USD", SECOND, 0, 0);
    Bar tenSeconds = bar("XRP-USD", 10 * SECOND, 0, 0);
    publish(List.of(first, tenSeconds));
    awaitLatest(redis, first);
    awaitLatest(redis, tenSeconds);
    String stream = RedisKeys.stream(venue, "XRP-USD");
    awaitStreamEndsWith(redis, stream, first);

    for (String key : List.of(RedisKeys.bar(first), RedisKeys.bar(tenSeconds), stream)) {
      assertThat(redis.pttl(key)).as("expiry of " + key).isBetween(1L, ttlMs);
    }

    Await.result(redis.client().send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.PEXPIRE)
        .arg(stream).arg(1_000)));
    Bar next = bar("XRP-USD", SECOND, 1, 0);
    publish(List.of(next));
    awaitStreamEndsWith(redis, stream, next);
    assertThat(redis.pttl(stream)).as("a new entry renews the stream's expiry").isGreaterThan(1_000L);
  }

  @Test
  void keysVanishOnceTheirTtlPasses() {
    TestRedis redis = deploySink(TestRedis.url(), "redis.key_ttl_ms=1000");
    Bar bar = bar("ADA-USD", SECOND, 0, 0);
    publish(List.of(bar));
    String stream = RedisKeys.stream(venue, "ADA-USD");
    Await.until(() -> redis.get(RedisKeys.bar(bar)) != null, WAIT, "the bar written");
    Await.until(() -> redis.get(RedisKeys.bar(bar)) == null && redis.pttl(stream) == -2, WAIT,
        "the bar key and the stream expired");
  }

  @Test
  void notifiesSubscribersOfEveryWrittenKey() {
    TestRedis redis = deploySink(TestRedis.url());
    List<JsonObject> notices = subscribe(redis);
    Bar btc = bar("BTC-USD", SECOND, 0, 0);
    Bar eth = bar("ETH-USD", 10 * SECOND, 2, 0);
    publish(List.of(btc, eth));

    Await.until(() -> notices.size() >= 2, WAIT, "two notifications on " + RedisKeys.UPDATES_CHANNEL);
    assertThat(notices).containsExactlyInAnyOrder(notice(btc), notice(eth));
  }

  @Test
  void writesTheNodeHealthWithAShortExpiry() {
    String marker = "test.marker." + venue;
    health.report(ComponentHealth.ok(marker, "present", Map.of("answer", 42)));
    TestRedis redis = deploySink(TestRedis.url());

    Await.until(() -> healthKeyMentions(redis, marker), WAIT, RedisKeys.HEALTH_KEY + " with this node's components");
    JsonObject written = new JsonObject(redis.get(RedisKeys.HEALTH_KEY));
    assertThat(written.getString("status")).isEqualTo("ok");
    assertThat(written.getJsonObject("components").getJsonObject(marker).getJsonObject("gauges").getInteger("answer"))
        .isEqualTo(42);
    assertThat(written.getJsonObject("components").containsKey(RedisSinkVerticle.HEALTH_NAME)).isTrue();
    assertThat(redis.ttl(RedisKeys.HEALTH_KEY)).isBetween(1L, 10L);
  }

  /** Uses its own server, whatever TICKWIRE_TEST_REDIS_URL says, because it stops and restarts it. */
  @Test
  void redisDownAndBackDegradesThenRecoversWhileThePipelineKeepsPublishing() {
    EmbeddedRedis server = new EmbeddedRedis(0);
    TestRedis.start(server);
    try {
      TestRedis redis = deploySink(server.url());
      SteadyPublisher publisher = new SteadyPublisher("BTC-USD");
      String key = RedisKeys.bar(bar("BTC-USD", SECOND, 0, 0));
      Await.until(() -> redis.get(key) != null, WAIT, key + " written while Redis is up");
      assertThat(status()).isEqualTo(Status.OK);

      TestRedis.stop(server);
      Await.until(() -> status() == Status.DEGRADED, WAIT, "sink.redis degraded while Redis is down");
      long publishedWhenDown = publisher.published();
      Await.until(() -> publisher.published() > publishedWhenDown + 200, WAIT, "the pipeline going on without Redis");
      assertThat(status()).isEqualTo(Status.DEGRADED);
      assertThat(health.get(RedisSinkVerticle.HEALTH_NAME).detail()).contains("unreachable");
      assertThat(gauge("pending_keys")).as("only the latest bar of the one series waits").isLessThanOrEqualTo(1);

      TestRedis.start(server);
      Await.until(() -> status() == Status.OK, WAIT, "sink.redis ok again after Redis is back");
      long publishedWhenBack = publisher.published();
      Await.until(() -> publisher.published() > publishedWhenBack + 200, WAIT, "the pipeline going on after Redis");
      Bar last = publisher.stop();
      awaitLatest(redis, last);
      assertThat(gauge("dropped")).as("the sink kept taking bars in while Redis was down").isZero();
      assertThat(gauge("failures")).isPositive();
    } finally {
      undeploySink();
      TestRedis.stop(server);
    }
  }

  // --- helpers ---

  private TestRedis deploySink(String url, String... sets) {
    List<String> overrides = new ArrayList<>(List.of("redis.embedded=true"));
    overrides.addAll(List.of(sets));
    Settings settings = Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), overrides)));
    deployment = Await.result(vertx.deployVerticle(new RedisSinkVerticle(Pipelines.context(settings, health), url)));
    return TestRedis.reader(vertx, url);
  }

  private void undeploySink() {
    if (deployment != null) {
      Await.result(vertx.undeploy(deployment));
      deployment = null;
    }
  }

  private Bar bar(String symbol, long intervalMillis, int index, int revision) {
    long start = T0 + index * intervalMillis * 1000L;
    double open = 100.25 + index;
    return new Bar(venue, symbol, intervalMillis, start, open, open + 1.5, open - 0.75, open + 0.5, 2.125 + index,
        open + 0.25, 3 + index, revision);
  }

  private List<Bar> bars(String symbol, long intervalMillis, int count) {
    List<Bar> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(bar(symbol, intervalMillis, i, 0));
    }
    return out;
  }

  private void publish(List<Bar> bars) {
    vertx.eventBus().publish(Addresses.BARS, new BarBatch(bars));
  }

  private static void awaitLatest(TestRedis redis, Bar expected) {
    String key = RedisKeys.bar(expected);
    Await.until(() -> {
      String json = redis.get(key);
      return json != null && V1Json.readBar(json).equals(expected);
    }, WAIT, key + " holding " + V1Json.toJson(expected));
  }

  private static void awaitStreamEndsWith(TestRedis redis, String stream, Bar expected) {
    String json = V1Json.toJson(expected);
    Await.until(() -> json.equals(redis.lastStreamValue(stream, RedisKeys.STREAM_FIELD)), WAIT,
        stream + " ending with " + json);
  }

  private List<JsonObject> subscribe(TestRedis redis) {
    List<JsonObject> notices = new CopyOnWriteArrayList<>();
    RedisConnection connection = Await.result(redis.client().connect());
    connection.handler(message -> {
      JsonObject notice = pubSubPayload(message);
      if (notice != null && venue.equals(notice.getString("venue"))) {
        notices.add(notice);
      }
    });
    Await.result(connection.send(Request.cmd(Command.SUBSCRIBE).arg(RedisKeys.UPDATES_CHANNEL)));
    return notices;
  }

  /** A pub/sub delivery is {@code ["message", channel, payload]} (a push in RESP3, an array in RESP2). */
  private static JsonObject pubSubPayload(Response message) {
    if (message.size() == 3 && "message".equals(message.get(0).toString())
        && RedisKeys.UPDATES_CHANNEL.equals(message.get(1).toString())) {
      return new JsonObject(message.get(2).toString());
    }
    return null;
  }

  private static JsonObject notice(Bar bar) {
    return new JsonObject().put("kind", "bar").put("interval", bar.interval()).put("venue", bar.venue())
        .put("symbol", bar.symbol()).put("start", IsoTime.format(bar.start()));
  }

  private static boolean healthKeyMentions(TestRedis redis, String component) {
    String json = redis.get(RedisKeys.HEALTH_KEY);
    return json != null && new JsonObject(json).getJsonObject("components").containsKey(component);
  }

  private Status status() {
    ComponentHealth h = health.get(RedisSinkVerticle.HEALTH_NAME);
    return h == null ? null : h.status();
  }

  private long gauge(String name) {
    ComponentHealth h = health.get(RedisSinkVerticle.HEALTH_NAME);
    Number value = h == null ? null : h.gauges().get(name);
    return value == null ? -1 : value.longValue();
  }

  /**
   * Stands in for the pipeline: publishes a 1s bar of one series every few milliseconds from an event-loop timer,
   * counting them, so a test sees whether publishing goes on whatever the sink is doing. Ticks and stopping run on
   * one context, so the bar returned by {@link #stop()} is really the last one published.
   */
  private final class SteadyPublisher {
    private static final long PERIOD_MS = 5;
    private final String symbol;
    private final Context context = vertx.getOrCreateContext();
    private final AtomicLong published = new AtomicLong();
    private long timer;
    private Bar last;

    SteadyPublisher(String symbol) {
      this.symbol = symbol;
      context.runOnContext(v -> timer = vertx.setPeriodic(PERIOD_MS, id -> tick()));
    }

    private void tick() {
      last = bar(symbol, SECOND, (int) published.get(), 0);
      publish(List.of(last));
      published.incrementAndGet();
    }

    long published() {
      return published.get();
    }

    /** Stops publishing; returns the last bar published. */
    Bar stop() {
      Promise<Bar> stopped = Promise.promise();
      context.runOnContext(v -> {
        vertx.cancelTimer(timer);
        stopped.complete(Objects.requireNonNull(last));
      });
      return Await.result(stopped.future());
    }
  }
}
