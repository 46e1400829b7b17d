package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.config.ConfigException;
import io.tickwire.testing.DashboardProbe;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.Scrape;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may open the dashboard WebSocket and read the API, and what a client learns when the database fails. */
@ExtendWith(VertxExtension.class)
class WebSecurityTest {
  private static final String READ_TOKEN = "a-read-token-of-at-least-32-characters";

  @Test
  void aCrossOriginUpgradeIsRefusedAndCountedWhileTheOwnOriginAndAllowedOnesGetThrough(Vertx vertx)
      throws IOException {
    WebFixture node = WebFixture.withoutDatabase(vertx, "web.ws.allowed_origins=[https://dash.example.com]");
    int port = node.web.actualPort();
    assertThat(upgrade(port, "/ws", "Origin: http://evil.example")).isEqualTo(403);
    assertThat(upgrade(port, "/ws", "Origin: null")).isEqualTo(403);
    assertThat(upgrade(port, "/ws", "Origin: http://127.0.0.1:" + port)).as("the page's own origin").isEqualTo(101);
    assertThat(upgrade(port, "/ws", "Origin: https://dash.example.com")).as("allowed").isEqualTo(101);
    assertThat(upgrade(port, "/ws", null)).as("no Origin: not a browser").isEqualTo(101);
    assertThat(node.get("/metrics").body())
        .contains("tickwire_errors_total{component=\"dashboard\",reason=\"ws_origin_refused\"} 2.0");
  }

  @Test
  void clientsPastTheCapAreRefusedAndCounted(Vertx vertx) throws IOException {
    WebFixture node = WebFixture.withoutDatabase(vertx, "web.ws.max_clients=2");
    DashboardProbe.connect(vertx, node.web.actualPort());
    DashboardProbe.connect(vertx, node.web.actualPort());
    assertThat(upgrade(node.web.actualPort(), "/ws", null)).isEqualTo(503);
    assertThat(node.get("/metrics").body())
        .contains("tickwire_errors_total{component=\"dashboard\",reason=\"ws_clients_full\"} 1.0");
  }

  @Test
  void aReadTokenGuardsApiReadsAndTheWebSocketButNotHealth(Vertx vertx) throws IOException {
    WebFixture node = WebFixture.withoutDatabase(vertx, "web.read_token=" + READ_TOKEN);
    int port = node.web.actualPort();
    assertThat(node.get("/api/catalog").status()).isEqualTo(401);
    assertThat(node.call("GET", "/api/catalog").bearer("wrong").send().status()).isEqualTo(401);
    assertThat(node.call("GET", "/api/catalog").bearer(READ_TOKEN).send().status()).isEqualTo(200);
    assertThat(node.call("GET", "/api/catalog").bearer(WebFixture.TOKEN).send().status()).as("the API token")
        .isEqualTo(200);
    assertThat(upgrade(port, "/ws", null)).isEqualTo(401);
    assertThat(upgrade(port, "/ws?access_token=" + READ_TOKEN, null)).isEqualTo(101);
    assertThat(node.get("/health").status()).isEqualTo(200);
    assertThat(node.get("/ready").status()).isEqualTo(200);
    assertThat(node.get("/metrics").status()).isEqualTo(200);
  }

  @Test
  void aShortReadTokenIsRefusedAtStartNamingTheKeyNotTheToken(Vertx vertx) {
    assertThatThrownBy(() -> Pipelines.settings(vertx, List.of("web.read_token=only-20-characters!!")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("web.read_token");
          assertThat(e.getMessage()).contains("at least 32").doesNotContain("only-20-characters");
        });
  }

  @Test
  void anIdleHttpConnectionIsClosed(Vertx vertx) throws IOException {
    WebFixture node = WebFixture.withoutDatabase(vertx, "web.idle_timeout_ms=300");
    try (Socket silent = new Socket("127.0.0.1", node.web.actualPort())) {
      silent.setSoTimeout(10_000);
      assertThat(silent.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    }
  }

  @Test
  void connectionsPastTheCapAreClosedAndCounted(Vertx vertx) throws IOException {
    WebFixture node = WebFixture.withoutDatabase(vertx, "web.max_connections=2");
    int port = node.web.actualPort();
    try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
      assertThat(get(first, port)).isEqualTo(200);
      assertThat(get(second, port)).isEqualTo(200);
      try (Socket third = new Socket("127.0.0.1", port)) {
        third.setSoTimeout(10_000);
        third.getOutputStream().write(request(port));
        assertThat(third.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
      }
      assertThat(get(first, port)).as("the admitted connections keep working").isEqualTo(200);
    }
    // At least the third: the scrape's own connection may also find the cap full until the server has seen the
    // first two close, and is then counted too.
    assertThat(new Scrape(node.get("/metrics").body())
        .sum("tickwire_errors_total", "component=\"http\"", "reason=\"connections_full\"")).isGreaterThanOrEqualTo(1);
  }

  /** GET /health on a kept-alive connection; the status, with the (small, sized) body read off. */
  private static int get(Socket socket, int port) throws IOException {
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(request(port));
    InputStream in = socket.getInputStream();
    int status = Integer.parseInt(statusLine(in).split(" ")[1]);
    int length = 0;
    for (String header = statusLine(in); !header.isEmpty(); header = statusLine(in)) {
      if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).strip());
      }
    }
    in.readNBytes(length);
    return status;
  }

  private static byte[] request(int port) {
    return ("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aStatementTheDatabaseRejectsIsAGeneric500WithoutTheDatabasesText(Vertx vertx) {
    WebFixture node = WebFixture.withDatabase(vertx);
    node.db.execute("DROP TABLE " + node.db.schema() + ".bars_ohlcv CASCADE");
    HttpCall.Answer answer = node.call("GET", "/api/bars?symbol=BTC-USD").send();
    assertThat(answer.status()).as(answer.body()).isEqualTo(500);
    assertThat(answer.json().getString("error")).isEqualTo("internal_error");
    assertThat(answer.body()).doesNotContain("bars_ohlcv").doesNotContain("does not exist")
        .doesNotContain("42P01");
  }

  /** The status line's code of a WebSocket upgrade, sent by hand (the JDK client will not send these headers). */
  private static int upgrade(int port, String target, String extraHeader) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + (extraHeader == null ? "" : extraHeader + "\r\n") + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return Integer.parseInt(statusLine(socket.getInputStream()).split(" ")[1]);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().strip();
  }
}
