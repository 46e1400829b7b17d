package io.tickwire.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.RejectReason;
import io.tickwire.node.Node;
import io.tickwire.testing.Await;
import io.tickwire.testing.ExternalTool;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCP event-bus bridge of a whole live node: the Python client and example service (clients/python) run with
 * python3 against it, and hostile or mistaken frames from a plain socket are refused and counted.
 */
@ExtendWith(VertxExtension.class)
class BridgeTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path PYTHON_CLIENTS = Path.of("").toAbsolutePath().resolve("../clients/python").normalize();

  @TempDir
  Path dataDir;
  private Node node;
  private int bridgePort;
  private int webPort;
  private String token;
  private final Queue<JsonObject> deadLetters = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    TestDatabase db = TestDatabase.fresh();
    bridgePort = FreePorts.loopback(1).get(0);
    // A short return window, so that the example service sees feature values within seconds.
    node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(db.settings(), "data_dir=" + dataDir,
        "synthetic.rate=2000", "batcher.allowed_lateness_ms=100", "bridge.enabled=true",
        "bridge.port=" + bridgePort, "features.windows=[{name: ret_2s, kind: return, horizon: 2s}]")),
        EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    webPort = node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
        .findFirst().orElseThrow().actualPort();
    token = Files.readString(dataDir.resolve(BridgeToken.FILE)).trim();
    Await.result(vertx.eventBus().<JsonObject>consumer(io.tickwire.flow.Addresses.DLQ, m -> deadLetters.add(m.body()))
        .completion());
  }

  @AfterEach
  void stop() {
    Await.result(node.stop());
  }

  @Test
  void thePythonClientPrintsBarsFromTheLiveNode() throws Exception {
    Process client = python("print_bars.py", "--port", String.valueOf(bridgePort), "--token-file",
        dataDir.resolve(BridgeToken.FILE).toString(), "--limit", "3");
    assertThat(client.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the client exits after 3 bars").isTrue();
    String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(client.exitValue()).as(err).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(V1Json.read(line)).isInstanceOf(Bar.class));
  }

  @Test
  void thePythonServicesSignalsAreStoredAndServedUnderItsProvider() throws Exception {
    Process service = python("momentum_service.py", "--port", String.valueOf(bridgePort), "--token-file",
        dataDir.resolve(BridgeToken.FILE).toString(), "--feature", "ret_2s", "--threshold", "0", "--limit", "3",
        "--provider", "py-momentum");
    assertThat(service.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the service exits after 3 signals").isTrue();
    String err = new String(service.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(service.exitValue()).as(err).isZero();

    Await.until(() -> servedSignals().stream().anyMatch(s -> "py-momentum".equals(s.getString("provider"))), WAIT,
        "the service's signals on /api/signals");
    JsonObject signal = servedSignals().stream().filter(s -> "py-momentum".equals(s.getString("provider")))
        .findFirst().orElseThrow();
    assertThat(signal.getString("name")).isIn("momentum_up", "momentum_down");
    assertThat(signal.getJsonObject("meta").containsKey("ret_2s")).isTrue();
  }

  @Test
  void aFrameWithoutTheTokenOrWithAWrongOneIsRefusedCountedAndItsConnectionClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
      write(socket, new JsonObject().put("type", "register").put("address", "md.bars.json"));
      assertThat(read(socket).getString("type")).isEqualTo("err");
      assertThat(closedByNode(socket)).as("the connection is closed").isTrue();
    }
    try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
      write(socket, new JsonObject().put("type", "register").put("address", "md.bars.json")
          .put("headers", new JsonObject().put("token", "x".repeat(40))));
      assertThat(read(socket).getString("type")).isEqualTo("err");
      assertThat(closedByNode(socket)).isTrue();
    }
    assertThat(stats().refused(BridgeStats.UNAUTHORIZED)).isEqualTo(2);
    assertThat(node.metrics().scrape()).contains("reason=\"unauthorized\"");
  }

  @Test
  void aStreamIsObservedOnlyWhileSomeoneSubscribesToItsView() throws Exception {
    assertThat(bridge().observedTopics()).as("no subscriber, nothing observed").isZero();
    try (Socket first = new Socket("127.0.0.1", bridgePort); Socket second = new Socket("127.0.0.1", bridgePort)) {
      write(first, authorised("register", "md.bars.json"));
      write(second, authorised("register", "md.bars.json"));
      assertThat(read(first).getString("type")).isEqualTo("message");
      assertThat(read(second).getString("type")).isEqualTo("message");
      assertThat(bridge().observedTopics()).as("one stream, however many subscribers").isEqualTo(1);
      write(first, authorised("register", "md.bars.json"));
      Await.until(() -> stats().refused(BridgeStats.ALREADY_SUBSCRIBED) == 1, WAIT, "the second subscription refused");
    }
    Await.until(() -> bridge().observedTopics() == 0, WAIT, "the stream no longer observed once both left");
  }

  @Test
  void aFrameDeclaringMoreThanTheLimitClosesItsConnectionBeforeAnyOfItIsBuffered() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(100 << 20); // 100 MiB declared; the limit is 1 MiB
      out.write(new byte[64 * 1024]);
      out.flush();
      assertThat(closedByNode(socket)).isTrue();
    }
    assertThat(stats().refused(FrameGuard.FRAME_TOO_LARGE)).isEqualTo(1);
    try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
      write(socket, authorised("register", "md.bars.json"));
      assertThat(read(socket).getString("type")).as("other connections are served").isEqualTo("message");
    }
  }

  @Test
  void addressesThatAreNotPermittedAreRefusedAndCountedAndTheConnectionStaysUsable() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
      write(socket, authorised("send", "md.ingress").put("body", new JsonObject()));
      assertThat(read(socket).getString("type")).isEqualTo("err");
      write(socket, authorised("register", "md.bars")); // the binary topic itself, not its JSON view
      assertThat(read(socket).getString("type")).isEqualTo("err");
      write(socket, authorised("publish", "md.bars.json").put("body", new JsonObject()));
      assertThat(read(socket).getString("type")).isEqualTo("err");
      assertThat(stats().refused(BridgeStats.ADDRESS_NOT_PERMITTED)).isEqualTo(3);

      write(socket, authorised("register", "md.bars.json"));
      JsonObject bar = read(socket);
      assertThat(bar.getString("type")).isEqualTo("message");
      assertThat(V1Json.read(bar.getJsonObject("body").encode())).isInstanceOf(Bar.class);
    }
  }

  @Test
  void badInboundMessagesAreCountedByReasonAndDeadLetteredWhileGoodOnesPass() throws Exception {
    long acceptedBefore = stats().accepted();
    try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
      write(socket, authorised("send", "md.external.events").put("body", new JsonObject().put("ver", 1)
          .put("kind", "trade").put("venue", "ext").put("symbol", "BTC-USD").put("price", "not a price")));
      write(socket, authorised("send", "md.external.events").put("body", new JsonObject().put("ver", 1)
          .put("kind", "bar")));
      write(socket, authorised("send", "md.external.signals").put("body", "a string, not an object"));
      write(socket, authorised("send", "md.external.signals").put("body", signal().put("provider", "Rules Engine!")));
      write(socket, authorised("send", "md.external.signals").put("body", signal().put("score", 7)));
      write(socket, authorised("send", "md.external.signals").put("body", signal().put("surprise", 1)));
      write(socket, authorised("send", "md.external.signals").put("body", signal()));
      write(socket, authorised("send", "md.external.events").put("body", new JsonObject().put("ver", 1)
          .put("kind", "trade").put("venue", "ext").put("symbol", "BTC-USD").put("trade_id", "e1")
          .put("price", 65000.5).put("size", 0.1).put("side", "buy").put("src_ts", "2026-12-08T00:00:00Z")));

      Await.until(() -> stats().accepted() == acceptedBefore + 2 || stats().rejected() + stats().refused() > 6,
          WAIT, "the good signal and event accepted");
      assertThat(stats().refused()).as("refused frames").isZero();
      assertThat(stats().accepted()).isEqualTo(acceptedBefore + 2);
      // The reasons are the TCP ingest's: the same decoder decides between bad_field and schema_drift.
      assertThat(stats().rejected(RejectReason.BAD_FIELD)).as("bad provider, score out of range")
          .isGreaterThanOrEqualTo(2);
      assertThat(stats().rejected(ExternalInbound.NOT_AN_OBJECT)).isEqualTo(1);
      assertThat(stats().rejected(RejectReason.SCHEMA_DRIFT)).as("an unknown key, at least").isGreaterThanOrEqualTo(1);
      assertThat(stats().rejected()).as("rejected by reason").isEqualTo(6);
      Await.until(() -> deadLetters.stream().filter(d -> "bridge".equals(d.getString("source"))).count() >= 6,
          WAIT, "the rejected messages dead-lettered");
      assertThat(deadLetters).filteredOn(d -> "bridge".equals(d.getString("source")))
          .allSatisfy(d -> assertThat(d.encode()).doesNotContain(token));
    }
    Await.until(() -> servedSignals().stream().anyMatch(s -> "py-test".equals(s.getString("provider"))), WAIT,
        "the good signal stored and served");
  }

  private static JsonObject signal() {
    return new JsonObject().put("ver", 1).put("provider", "py-test").put("symbol", "BTC-USD").put("ts", "2026-12-08T00:00:00Z")
        .put("name", "probe").put("value", 1.0).put("score", 0.5).put("meta", new JsonObject());
  }

  private JsonObject authorised(String type, String address) {
    return new JsonObject().put("type", type).put("address", address)
        .put("headers", new JsonObject().put("token", token));
  }

  private BridgeStats stats() {
    return bridge().stats();
  }

  private BridgeVerticle bridge() {
    return node.stages().stream().filter(BridgeVerticle.class::isInstance).map(BridgeVerticle.class::cast)
        .findFirst().orElseThrow();
  }

  private List<JsonObject> servedSignals() {
    JsonArray signals = HttpCall.to(webPort, "GET", "/api/signals?limit=1000").send().json().getJsonArray("signals");
    List<JsonObject> out = new ArrayList<>();
    signals.forEach(s -> out.add((JsonObject) s));
    return out;
  }

  private Process python(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ExternalTool.PYTHON3.require().toString(),
        PYTHON_CLIENTS.resolve(script).toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(PYTHON_CLIENTS.toFile()).start();
  }

  private static void write(Socket socket, JsonObject frame) throws IOException {
    byte[] bytes = frame.encode().getBytes(StandardCharsets.UTF_8);
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(bytes.length);
    out.write(bytes);
    out.flush();
  }

  /** The next frame from the node (generous timeout: a refusal answers at once, a bar within a second or two). */
  private static JsonObject read(Socket socket) throws IOException {
    socket.setSoTimeout((int) WAIT.toMillis());
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
  }

  private static boolean closedByNode(Socket socket) throws IOException {
    socket.setSoTimeout((int) WAIT.toMillis());
    try {
      return socket.getInputStream().read() == -1;
    } catch (EOFException | java.net.SocketException e) {
      return true;
    }
  }
}
