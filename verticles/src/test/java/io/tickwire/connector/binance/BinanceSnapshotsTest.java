package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.testing.Await;
import io.tickwire.testing.Fixtures;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BinanceSnapshots against a real loopback HTTP server answering {@code /api/v3/depth} with the recorded REST
 * bodies (BINANCE.http.0.0): the rate limit holds, a symbol is asked for once while pending, failures are retried.
 */
@ExtendWith(VertxExtension.class)
class BinanceSnapshotsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** One request the server saw. */
  private record Seen(String symbol, String limit, long nanos) {
  }

  /** One answer the fetcher delivered, and whether it came on an event loop. */
  private record Answer(String symbol, String body, long receivedMicros, boolean onEventLoop) {
  }

  private final Map<String, String> bodies = BinanceRestCapture.read(Fixtures.cryptofeed("BINANCE.http.0.0"))
      .stream().collect(Collectors.toMap(BinanceRestCapture.Snapshot::symbol, BinanceRestCapture.Snapshot::body));
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  /** Symbols whose first request fails with a 500, or is never answered. */
  private final Map<String, String> firstFails = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private BinanceSnapshots snapshots;

  @AfterEach
  void close() {
    if (snapshots != null) {
      Await.result(snapshots.close());
    }
  }

  @Test
  void tenSymbolsAtFourASecondAreSpreadOutAndEachAskedForOnce(Vertx vertx) {
    HttpServer server = server(vertx);
    List<String> symbols = IntStream.range(0, 10).mapToObj(i -> i < 4 ? List.copyOf(bodies.keySet()).get(i)
        : "SYM" + i + "USDT").toList();
    snapshots = new BinanceSnapshots(vertx, new BinanceSnapshots.Options(base(server), 1000, 4, 1, 5_000, 50, 500),
        this::answered);

    symbols.forEach(snapshots::request);
    symbols.subList(0, 5).forEach(snapshots::request); // again, while queued or in flight: no-ops
    Await.until(() -> answers.size() >= 10, WAIT, "ten snapshots");

    assertThat(seen).extracting(Seen::symbol).containsExactlyInAnyOrderElementsOf(symbols);
    assertThat(seen).allSatisfy(s -> assertThat(s.limit()).isEqualTo("1000"));
    long spanMs = (seen.get(9).nanos() - seen.get(0).nanos()) / 1_000_000;
    assertThat(spanMs).as("nine gaps of 250 ms").isGreaterThanOrEqualTo(2_000);
    assertWithinRate(4, 1);
    assertThat(answers).allSatisfy(a -> {
      assertThat(a.onEventLoop()).as("delivered on the event loop").isTrue();
      assertThat(a.receivedMicros()).isPositive();
    });
    String nkn = answers.stream().filter(a -> a.symbol().equals("NKNUSDT")).findFirst().orElseThrow().body();
    assertThat(nkn).isEqualTo(bodies.get("NKNUSDT"));
    assertThat(snapshots.sent()).isEqualTo(10);
  }

  @Test
  void aServerErrorAndATimeoutAreRetriedAndAnUnknownSymbolIsGivenUp(Vertx vertx) {
    HttpServer server = server(vertx);
    firstFails.put("NKNUSDT", "500");
    firstFails.put("BLZETH", "hang");
    snapshots = new BinanceSnapshots(vertx, new BinanceSnapshots.Options(base(server), 100, 50, 5, 300, 50, 200),
        this::answered);

    List.of("NKNUSDT", "BLZETH", "NOSUCH", "LRCBTC").forEach(snapshots::request);
    Await.until(() -> answers.size() >= 3, WAIT, "three snapshots");
    Await.until(() -> snapshots.abandoned() == 1, WAIT, "the unknown symbol given up");

    assertThat(answers).extracting(Answer::symbol).containsExactlyInAnyOrder("NKNUSDT", "BLZETH", "LRCBTC");
    assertThat(answers).allSatisfy(a -> assertThat(a.body()).isEqualTo(bodies.get(a.symbol())));
    assertThat(counts.get("NKNUSDT")).hasValue(2);
    assertThat(counts.get("BLZETH")).hasValue(2);
    assertThat(counts.get("LRCBTC")).hasValue(1);
    assertThat(counts.get("NOSUCH")).as("a 400 is not retried").hasValue(1);
    assertThat(snapshots.failures()).isEqualTo(3);
    Await.until(() -> snapshots.pending() == 0, WAIT, "nothing pending");
  }

  @Test
  void optionsNameTheBadValue() {
    assertThatThrownBy(() -> BinanceSnapshots.Options.defaults("ftp://x", 1000)).hasMessageContaining("'ftp://x'");
    assertThatThrownBy(() -> BinanceSnapshots.Options.defaults("https://api.binance.com", 0))
        .hasMessageContaining("was 0");
    assertThat(BinanceSnapshots.Options.defaults("https://api.binance.com", 1000).perSecond()).isEqualTo(1.0);
    assertThat(BinanceSnapshots.Options.defaults("https://api.binance.com", 100).perSecond()).isEqualTo(10.0);
  }

  /**
   * Any run of requests from the i-th to the j-th fits the bucket: at most {@code burst + perSecond * elapsed},
   * with 50 ms allowed for arrival jitter at the server.
   */
  private void assertWithinRate(double perSecond, int burst) {
    for (int i = 0; i < seen.size(); i++) {
      for (int j = i + 1; j < seen.size(); j++) {
        double elapsed = (seen.get(j).nanos() - seen.get(i).nanos()) / 1e9 + 0.05;
        assertThat((double) (j - i + 1)).as("requests %d..%d within %.3f s", i, j, elapsed)
            .isLessThanOrEqualTo(burst + perSecond * elapsed);
      }
    }
  }

  private void answered(String symbol, String requestUrl, String body, long receivedMicros) {
    assertThat(requestUrl).contains("symbol=" + symbol);
    answers.add(new Answer(symbol, body, receivedMicros, Context.isOnEventLoopThread()));
  }

  private HttpServer server(Vertx vertx) {
    return Await.result(vertx.createHttpServer().requestHandler(this::serve).listen(0, "127.0.0.1"));
  }

  private void serve(HttpServerRequest req) {
    String symbol = req.getParam("symbol");
    seen.add(new Seen(symbol, req.getParam("limit"), System.nanoTime()));
    int n = counts.computeIfAbsent(symbol, s -> new AtomicInteger()).incrementAndGet();
    String failure = n == 1 ? firstFails.get(symbol) : null;
    if (!req.path().equals("/api/v3/depth") || "NOSUCH".equals(symbol)) {
      req.response().setStatusCode(400).end("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    } else if ("500".equals(failure)) {
      req.response().setStatusCode(500).end("{\"code\":-1000,\"msg\":\"An unknown error occurred.\"}");
    } else if (!"hang".equals(failure)) {
      req.response().putHeader("content-type", "application/json")
          .end(bodies.getOrDefault(symbol, bodies.get("NKNUSDT")));
    }
  }

  private static String base(HttpServer server) {
    return "http://127.0.0.1:" + server.actualPort();
  }
}
