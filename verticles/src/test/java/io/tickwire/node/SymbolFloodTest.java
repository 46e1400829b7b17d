package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.connector.FrameWriter;
import io.tickwire.flow.Addresses;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.router.RouterVerticle;
import io.tickwire.testing.Await;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.ReferenceBars;
import io.tickwire.web.OpsVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A producer inventing a million symbols, over TCP, into a whole in-process node with a small symbol cap: the node
 * stays up, its per-symbol state stays within the cap, every event is either routed or refused and counted, and a
 * symbol trading all along keeps its exact bars.
 */
@ExtendWith(VertxExtension.class)
class SymbolFloodTest {
  private static final int CAP = 1_000;
  private static final long IDLE_MS = 2_000;
  private static final int FLOOD = 1_000_000;
  /** A trade of the live symbol after every this many new symbols. */
  private static final int LIVE_EVERY = 200;
  private static final int FRAMES_PER_WRITE = 2_000;
  private static final Duration DRAIN = Duration.ofMinutes(10);
  /** Generous: the unbounded node grew about 15 KB a symbol, some 15 GB for this flood. */
  private static final long HEAP_GROWTH_BOUND = 256L << 20;

  private final List<Trade> live = new ArrayList<>();
  private long sent;
  private int opsPort;

  @Test
  void aMillionNewSymbolsLeaveTheNodeUpBoundedAndCountedWhileAKnownSymbolKeepsItsBars(Vertx vertx)
      throws IOException {
    Settings settings = Pipelines.settings(vertx, List.of("data_dir=" + Files.createTempDirectory("flood"),
        "synthetic.enabled=false", "inference.enabled=false", "recorder.enabled=false", "ingest.tcp.host=127.0.0.1",
        "batcher.intervals=[1s,10s]", "features.base_interval=1s", "router.max_symbols=" + CAP,
        "router.symbol_idle_ms=" + IDLE_MS));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE))
        .print(List.of("md.bars"), printed).build();
    List<JsonObject> deadLetters = new java.util.concurrent.CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.DLQ, m -> deadLetters.add(m.body()));
    Await.result(node.start());
    RouterVerticle router = stage(node, RouterVerticle.class);
    opsPort = stage(node, OpsVerticle.class).actualPort();
    long heapBefore = heapAfterGc();

    try (Socket socket = new Socket("127.0.0.1", stage(node, TcpIngestVerticle.class).actualPort())) {
      OutputStream out = socket.getOutputStream();
      sendFlood(out, 0, FLOOD / 2);
      awaitAccounted(router);
      keepLiveTradingFor(out, IDLE_MS + 500); // the first half's symbols go idle; the live one does not
      sendFlood(out, FLOOD / 2, FLOOD);
      awaitAccounted(router);
      keepLiveTradingFor(out, 1_500); // the last symbols' 1s bars reach the features
      awaitAccounted(router);
    }
    long heapAfter = heapAfterGc();
    JsonObject health = healthOnceReported(router);
    System.out.printf("symbol flood: heap after GC %d MB before, %d MB after %d events (growth %d MB); routed %d,"
        + " rejected %s, keys forgotten as idle %d%n", heapBefore >> 20, heapAfter >> 20, sent,
        (heapAfter - heapBefore) >> 20, router.routed(), router.deadLetters().rejected(), router.symbolsEvicted());

    assertCounted(router, gauges(health, "router"));
    assertThat(deadLetters).as("refusals sampled to the dead letters").isNotEmpty()
        .allSatisfy(letter -> assertThat(letter.getString("reason")).isEqualTo(RouterVerticle.SYMBOL_CAP));
    assertBounded(health, router);
    assertThat(heapAfter - heapBefore).as("heap growth after a GC").isLessThan(HEAP_GROWTH_BOUND);

    Await.result(node.stop());
    assertLiveBarsExact(settings, PrintedOutput.parse(printed.toString(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** New symbols {@code from} until {@code to}, one trade each, with the live symbol's trades among them. */
  private void sendFlood(OutputStream out, int from, int to) throws IOException {
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    int inChunk = 0;
    for (int i = from; i < to; i++) {
      chunk.writeBytes(frame(new Trade("flood", "F" + i, "1", Decimals.parse("1.5"), Decimals.parse("2"), Side.BUY,
          nowMicros(), 0, 0)));
      sent++;
      if (i % LIVE_EVERY == 0) {
        chunk.writeBytes(frame(nextLive()));
        sent++;
      }
      if (++inChunk == FRAMES_PER_WRITE) {
        out.write(chunk.toByteArray());
        chunk.reset();
        inChunk = 0;
      }
    }
    out.write(chunk.toByteArray());
    out.flush();
  }

  private void keepLiveTradingFor(OutputStream out, long millis) throws IOException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      out.write(frame(nextLive()));
      out.flush();
      sent++;
      sleep(50);
    }
  }

  private Trade nextLive() {
    int n = live.size();
    Trade trade = new Trade("flood", "LIVE", Integer.toString(n), Decimals.parse("100." + (n % 97)),
        Decimals.parse("0." + (1 + n % 9)), n % 2 == 0 ? Side.BUY : Side.SELL, nowMicros(), 0, 0);
    live.add(trade);
    return trade;
  }

  /** Every event sent is routed or refused; waits for the node to catch up (no bound on how fast it does). */
  private void awaitAccounted(RouterVerticle router) {
    Await.until(() -> router.routed() + router.deadLetters().total() == sent, DRAIN,
        "every event sent routed or rejected");
  }

  private void assertCounted(RouterVerticle router, JsonObject gauges) {
    long refused = router.deadLetters().rejected().getOrDefault(RouterVerticle.SYMBOL_CAP, 0L);
    assertThat(router.deadLetters().rejected()).as("symbol_cap is the only reason").containsOnlyKeys(
        RouterVerticle.SYMBOL_CAP);
    assertThat(router.routed() + refused).as("routed + refused = sent").isEqualTo(sent);
    long admitted = router.knownSymbols() + router.symbolsEvicted();
    assertThat(refused).as("each new symbol routed was admitted as a key first").isGreaterThanOrEqualTo(
        FLOOD - admitted);
    assertThat(gauges.getLong("rejected_" + RouterVerticle.SYMBOL_CAP)).isEqualTo(refused);
    assertThat(gauges.getLong("symbols_evicted_idle")).as("the first half's symbols forgotten when idle")
        .isGreaterThanOrEqualTo(CAP - 1L);
  }

  private void assertBounded(JsonObject health, RouterVerticle router) {
    assertThat(router.knownSymbols()).isLessThanOrEqualTo(CAP);
    long admitted = router.knownSymbols() + router.symbolsEvicted();
    JsonObject features = gauges(health, "features");
    assertThat(features.getLong("symbols")).isLessThanOrEqualTo(CAP);
    Await.until(() -> gauges(HttpProbe.get(opsPort, "/health").json(), "features").getLong("symbols_evicted") > 0,
        DRAIN, "the features' idle symbols evicted");
    long windowSymbols = 0;
    for (int i = 0; i < 2; i++) {
      windowSymbols += gauges(health, "batcher." + i).getLong("window_symbols");
    }
    assertThat(windowSymbols).as("window state only for symbols the router admitted").isLessThanOrEqualTo(admitted);
  }

  /** /health once the router's report (made every second) includes every event sent; the node must answer it. */
  private JsonObject healthOnceReported(RouterVerticle router) {
    JsonObject[] health = new JsonObject[1];
    Await.until(() -> {
      HttpProbe.Reply reply = HttpProbe.get(opsPort, "/health");
      assertThat(reply.status()).isEqualTo(200);
      health[0] = reply.json();
      return gauges(health[0], "router").getLong("routed") == router.routed();
    }, DRAIN, "a health report after the flood");
    return health[0];
  }

  private void assertLiveBarsExact(Settings settings, PrintedOutput out) {
    List<Bar> liveBars = out.bars().stream().filter(bar -> bar.symbol().equals("LIVE")).toList();
    assertThat(liveBars).isNotEmpty();
    BarAssertions.assertMatches(BarAssertions.latestRevisions(liveBars),
        ReferenceBars.compute(live, settings.batcher().intervalsMillis()));
  }

  private static JsonObject gauges(JsonObject health, String component) {
    for (Object c : health.getJsonArray("components")) {
      JsonObject json = (JsonObject) c;
      if (json.getString("name").equals(component)) {
        return json.getJsonObject("gauges");
      }
    }
    throw new AssertionError("no component " + component + " in " + health.encode());
  }

  private static <T> T stage(Node node, Class<T> type) {
    return node.stages().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  private static byte[] frame(Trade trade) {
    return FrameWriter.frame(V1Json.toJson(trade)).getBytes();
  }

  private static long nowMicros() {
    return System.currentTimeMillis() * 1000;
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
