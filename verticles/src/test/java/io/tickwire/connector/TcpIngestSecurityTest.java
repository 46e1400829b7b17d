package io.tickwire.connector;

import static io.tickwire.connector.IngestHarness.frame;
import static io.tickwire.connector.IngestHarness.trade;
import static io.tickwire.connector.IngestHarness.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.ConfigException;
import io.tickwire.replay.FrameSender;
import io.tickwire.replay.HostPort;
import io.tickwire.replay.Progress;
import io.tickwire.replay.Rate;
import io.tickwire.testing.Await;
import io.tickwire.testing.LogCapture;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.SelfSignedPem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Who may hold the TCP ingest's connections and send on them: caps, idle timeout, producer tokens, TLS. */
@ExtendWith(VertxExtension.class)
class TcpIngestSecurityTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN_A = "a-producer-token-of-at-least-32-chars";
  private static final String TOKEN_B = "another-producer-token-32-chars-long";
  private static final String TOKENS = "ingest.tcp.tokens=[{token: " + TOKEN_A + ", venues: [tcp]}, {token: "
      + TOKEN_B + ", venues: ['*']}]";

  @Test
  void theIngestListensOnLoopbackUnlessTold(Vertx vertx) {
    assertThat(Pipelines.settings(vertx, List.of()).tcpIngest().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void silentSocketsFillingEveryConnectionAreClosedAfterTheIdleTimeoutAndAProducerGetsIn(Vertx vertx)
      throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.max_connections=4",
        "ingest.tcp.max_connections_per_address=4", "ingest.tcp.idle_timeout_ms=300");
    List<Socket> silent = open(ingest, 4, InetAddress.getLoopbackAddress());
    Await.until(() -> ingest.verticle.stats().connections() == 4, WAIT, "every connection taken by a silent socket");
    try (Socket early = ingest.connect()) {
      assertThat(closedByServer(early)).as("a producer is locked out while the silent sockets hold every slot").isTrue();
    }
    for (Socket socket : silent) {
      assertThat(closedByServer(socket)).as("a silent socket is closed after the idle timeout").isTrue();
    }
    assertThat(ingest.verticle.stats().closedIdle()).isEqualTo(4);
    // The client sees the close before the server's close handler frees the slot.
    Await.until(() -> ingest.verticle.stats().connections() == 0, WAIT, "every idle connection's slot freed");
    try (Socket producer = ingest.connect()) {
      write(producer, frame(trade(1)));
      Await.until(() -> ingest.events.size() == 1, WAIT, "the producer's event");
    }
    close(silent);
  }

  @Test
  void oneAddressCannotTakeEveryConnection(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.max_connections=8",
        "ingest.tcp.max_connections_per_address=4", "ingest.tcp.idle_timeout_ms=0");
    List<Socket> flood = open(ingest, 8, InetAddress.getByName("127.0.0.2"));
    Await.until(() -> ingest.verticle.stats().refusedPerAddress() == 4, WAIT, "the flood's connections past 4 refused");
    assertThat(ingest.verticle.stats().connections()).isEqualTo(4);
    try (Socket producer = ingest.connect()) {
      write(producer, frame(trade(1)));
      Await.until(() -> ingest.events.size() == 1, WAIT, "the producer from another address gets in");
    }
    close(flood);
  }

  @Test
  void aConnectionPausedByBackPressureIsNotIdle(Vertx vertx) throws IOException {
    AtomicBoolean holding = new AtomicBoolean(true);
    List<Promise<Void>> held = new CopyOnWriteArrayList<>();
    IngestHarness ingest = IngestHarness.start(vertx, batch -> {
      if (!holding.get()) {
        return Future.succeededFuture();
      }
      Promise<Void> answer = Promise.promise();
      held.add(answer);
      return answer.future();
    }, "ingest.tcp.idle_timeout_ms=200", "ingest.tcp.batch_size=1");
    try (Socket producer = ingest.connect()) {
      for (int i = 1; i <= 64; i++) {
        write(producer, frame(trade(i)));
      }
      Await.until(() -> held.size() == IngestHarness.CREDIT_WINDOW, WAIT,
          "a full credit window held unacknowledged, so the ingest has paused the producer");
      try (Socket witness = ingest.connect()) {
        assertThat(closedByServer(witness)).as("a silent socket opened later is closed for idling").isTrue();
      }
      assertThat(ingest.verticle.stats().closedIdle()).as("only the silent one: the paused producer is not idle")
          .isEqualTo(1);
      vertx.runOnContext(v -> {
        holding.set(false);
        held.forEach(Promise::complete);
      });
      Await.until(() -> ingest.events.size() == 64, WAIT, "every event once the pipeline caught up");
    }
  }

  @Test
  void withTokensTheFirstFrameMustBeAHandshakeAndGrantsItsVenues(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, TOKENS);
    try (LogCapture log = LogCapture.of(ProducerAuth.class.getName())) {
      try (Socket anonymous = ingest.connect()) {
        write(anonymous, frame(trade(1)));
        assertThat(closedByServer(anonymous)).isTrue();
      }
      try (Socket wrong = ingest.connect()) {
        write(wrong, frame(handshake(TOKEN_A.replace('a', 'b'))));
        write(wrong, frame(trade(2)));
        assertThat(closedByServer(wrong)).isTrue();
      }
      assertThat(log.messages()).isNotEmpty();
      assertThat(String.join("\n", log.messages())).doesNotContain("producer-token");
    }
    try (Socket tcpOnly = ingest.connect(); Socket any = ingest.connect()) {
      write(tcpOnly, frame(handshake(TOKEN_A)));
      write(tcpOnly, frame(trade(3)));
      write(tcpOnly, frame(otherVenue(4)));
      write(tcpOnly, frame(V1Json.toJson(otherVenue(6)).replace("{\"ver\":1,", "{\"ver\":1,\"fee\":0.1,")));
      write(any, frame(handshake(TOKEN_B)));
      write(any, frame(otherVenue(5)));
      Await.until(() -> ingest.events.size() == 2, WAIT, "the granted venues' events");
    }
    assertThat(ingest.tradeIds()).containsExactlyInAnyOrder("t3", "o5");
    Await.until(() -> ingest.verticle.stats().rejected() == 4, WAIT, "every refusal counted");
    assertThat(ingest.verticle.stats().rejectedByReason())
        .containsExactlyInAnyOrderEntriesOf(Map.of("unauthorized", 2L, "venue_not_allowed", 2L));
    assertThat(ingest.anomalies).as("no drift anomaly raised for a venue the token does not grant").isEmpty();
    assertThat(ingest.deadLetters.toString()).doesNotContain("producer-token");
  }

  @Test
  void theReplaySenderSendsTheHandshakeWhenGivenAToken(Vertx vertx) throws Exception {
    IngestHarness ingest = IngestHarness.start(vertx, TOKENS);
    HostPort target = new HostPort("127.0.0.1", ingest.verticle.actualPort());
    List<String> lines = List.of(V1Json.toJson(trade(1)), V1Json.toJson(trade(2)));
    new FrameSender(target, Rate.MAX, Progress.none()).authenticating(TOKEN_A).sendLines(lines);
    Await.until(() -> ingest.events.size() == 2, WAIT, "both events after the handshake");
    new FrameSender(target, Rate.MAX, Progress.none()).sendLines(lines);
    Await.until(() -> ingest.verticle.stats().rejectedByReason().containsKey("unauthorized"), WAIT,
        "a sender without the token refused");
    assertThat(ingest.tradeIds()).containsExactly("t1", "t2");
  }

  @Test
  void aShortProducerTokenIsRefusedAtStartNamingTheKeyNotTheToken(Vertx vertx) {
    assertThatThrownBy(() -> Pipelines.settings(vertx, List.of("ingest.tcp.tokens=[{token: short-secret-1, venues:"
        + " [tcp]}]"))).isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("ingest.tcp.tokens[0].token");
          assertThat(e.getMessage()).contains("at least 32").doesNotContain("short-secret-1");
        });
  }

  @Test
  void withTlsProducersConnectOverTlsAndPlainTextGetsNothingIn(Vertx vertx, @TempDir Path dir) throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(dir);
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.tls.key=" + pem.key, "ingest.tcp.tls.cert=" + pem.cert);
    try (Socket plain = ingest.connect()) {
      write(plain, frame(trade(1)));
      assertThat(closedByServer(plain)).as("a plain-text client is dropped by the TLS handshake").isTrue();
    }
    try (SSLSocket tls = (SSLSocket) pem.clientContext().getSocketFactory()
        .createSocket("127.0.0.1", ingest.verticle.actualPort())) {
      tls.startHandshake();
      write(tls, frame(trade(2)));
      Await.until(() -> ingest.events.size() == 1, WAIT, "the event sent over TLS");
    }
    assertThat(ingest.tradeIds()).containsExactly("t2");
  }

  private static String handshake(String token) {
    return "{\"ver\":1,\"kind\":\"auth\",\"token\":\"" + token + "\"}";
  }

  private static Trade otherVenue(int i) {
    return new Trade("elsewhere", "BTC-USD", "o" + i, Decimals.parse("100"), Decimals.parse("1"), Side.BUY,
        IngestHarness.EVENT_TIME + i, 0, 0);
  }

  private static List<Socket> open(IngestHarness ingest, int n, InetAddress from) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sockets.add(new Socket(InetAddress.getLoopbackAddress(), ingest.verticle.actualPort(), from, 0));
    }
    return sockets;
  }

  private static void close(List<Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** True once the peer has closed; the ingest never writes to producers, so anything read is a failure. */
  private static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout((int) WAIT.toMillis());
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (java.net.SocketException reset) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
