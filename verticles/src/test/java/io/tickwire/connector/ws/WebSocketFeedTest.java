package io.tickwire.connector.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.FeedPolicy;
import io.tickwire.flow.Clock;
import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real loopback websocket server that subscribes, pushes, drops, goes silent and refuses. */
@ExtendWith(VertxExtension.class)
class WebSocketFeedTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final FeedPolicy QUICK = new FeedPolicy(10_000, 20, 200, 50, 60_000);

  /**
   * Records what the feed tells its venue, and subscribes like a connector does. It only records: the feed calls it
   * on an event loop, where a failed assertion would be swallowed instead of failing the test.
   */
  private static final class Recorder implements FeedListener {
    final List<String> frames = new CopyOnWriteArrayList<>();
    final List<Long> receivedMicros = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    @Override
    public void opened(WebSocket socket) {
      opened.incrementAndGet();
      socket.writeTextMessage("{\"subscribe\":\"trades\"}");
    }

    @Override
    public void frame(String text, long receivedMicros) {
      this.receivedMicros.add(receivedMicros);
      frames.add(text);
    }

    @Override
    public void gap(String reason) {
      gaps.add(reason);
    }
  }

  /** Answers each subscription with {@code perConnection} frames, then does what {@code after} says. */
  private static HttpServer server(Vertx vertx, int perConnection, List<String> subscriptions,
      java.util.function.Consumer<ServerWebSocket> after) {
    AtomicInteger connection = new AtomicInteger();
    return Await.result(vertx.createHttpServer().webSocketHandler(ws -> {
      int n = connection.incrementAndGet();
      ws.textMessageHandler(sub -> {
        subscriptions.add(sub);
        for (int i = 0; i < perConnection; i++) {
          ws.writeTextMessage("c" + n + "-f" + i);
        }
        after.accept(ws);
      });
    }).listen(0, "127.0.0.1"));
  }

  private static URI uri(HttpServer server) {
    return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws");
  }

  @Test
  void subscribesReceivesInOrderAndAfterADropReconnectsResubscribesAndReportsTheGap(Vertx vertx) {
    List<String> subscriptions = new CopyOnWriteArrayList<>();
    HttpServer server = server(vertx, 100, subscriptions, ServerWebSocket::close);
    Recorder venue = new Recorder();
    WebSocketFeed feed = new WebSocketFeed(vertx, uri(server), QUICK, venue);
    long startedMicros = Clock.nowMicros();
    vertx.runOnContext(v -> feed.start());

    Await.until(() -> venue.frames.size() >= 300, WAIT, "three connections' frames");
    vertx.runOnContext(v -> feed.stop());
    List<Long> stamps = List.copyOf(venue.receivedMicros);
    long checkedMicros = Clock.nowMicros();
    assertThat(stamps).as("each frame stamped with the clock as it arrived").hasSizeGreaterThanOrEqualTo(300)
        .allSatisfy(t -> assertThat(t).isBetween(startedMicros, checkedMicros));
    assertThat(venue.frames.subList(0, 100)).as("in order")
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "c1-f" + i).toList());
    assertThat(venue.frames.subList(100, 200)).allSatisfy(f -> assertThat(f).startsWith("c2-"));
    assertThat(subscriptions).as("resubscribed on every connection").hasSizeGreaterThanOrEqualTo(3)
        .containsOnly("{\"subscribe\":\"trades\"}");
    assertThat(venue.gaps).hasSizeGreaterThanOrEqualTo(2).allSatisfy(g -> assertThat(g).contains("closed"));
    assertThat(feed.reconnects()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aSilentConnectionIsDroppedAsStaleAndRedialled(Vertx vertx) {
    List<String> subscriptions = new CopyOnWriteArrayList<>();
    HttpServer server = server(vertx, 1, subscriptions, ws -> { });
    Recorder venue = new Recorder();
    WebSocketFeed feed = new WebSocketFeed(vertx, uri(server), new FeedPolicy(200, 20, 100, 50, 60_000), venue);
    vertx.runOnContext(v -> feed.start());

    Await.until(() -> venue.frames.size() >= 3, WAIT, "three connections, each gone quiet after one frame");
    vertx.runOnContext(v -> feed.stop());
    assertThat(venue.gaps).first().asString().contains("no frame").contains("200 ms");
    assertThat(venue.frames).startsWith("c1-f0", "c2-f0", "c3-f0");
  }

  @Test
  void whileRefusedItBacksOffAndGivesUpWhenTheRestartBudgetIsSpent(Vertx vertx) {
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(r -> { }).listen(0, "127.0.0.1"));
    int port = server.actualPort();
    Await.result(server.close()); // nothing listens there now: every dial is refused
    Recorder venue = new Recorder();
    WebSocketFeed feed = new WebSocketFeed(vertx, URI.create("ws://127.0.0.1:" + port + "/"),
        new FeedPolicy(10_000, 50, 400, 4, 60_000), venue);
    long started = System.nanoTime();
    vertx.runOnContext(v -> feed.start());

    Await.until(() -> feed.state() == FeedState.FAILED, WAIT, "the budget of 4 restarts spent");
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(venue.gaps).hasSize(5).allSatisfy(g -> assertThat(g).contains("cannot connect"));
    assertThat(feed.reconnects()).isEqualTo(4);
    assertThat(elapsedMs).as("backoff 50+100+200+400 ms at least, before jitter").isGreaterThanOrEqualTo(750);
    assertThat(venue.opened).hasValue(0);
  }

  @Test
  void aServerThatComesBackIsReconnectedTo(Vertx vertx) throws Exception {
    HttpServer probe = Await.result(vertx.createHttpServer().requestHandler(r -> { }).listen(0, "127.0.0.1"));
    int port = probe.actualPort();
    Await.result(probe.close());
    Recorder venue = new Recorder();
    WebSocketFeed feed = new WebSocketFeed(vertx, URI.create("ws://127.0.0.1:" + port + "/"), QUICK, venue);
    vertx.runOnContext(v -> feed.start());
    Await.until(() -> venue.gaps.size() >= 2, WAIT, "refused twice");

    AtomicBoolean served = new AtomicBoolean();
    Await.result(vertx.createHttpServer().webSocketHandler(ws -> ws.textMessageHandler(sub -> {
      served.set(true);
      ws.writeTextMessage("back");
    })).listen(port, "127.0.0.1"));
    Await.until(() -> venue.frames.contains("back"), WAIT, "the frame after the server came back");
    assertThat(feed.state()).isEqualTo(FeedState.OPEN);
    assertThat(served).isTrue();
    vertx.runOnContext(v -> feed.stop());
  }
}
