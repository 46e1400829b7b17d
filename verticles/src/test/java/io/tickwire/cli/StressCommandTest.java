package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.testing.Await;
import io.tickwire.testing.FrameSink;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tickwire stress} against real loopback servers: what it reports is what happened. */
@ExtendWith(VertxExtension.class)
class StressCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int stress(String... args) {
    List<String> all = new ArrayList<>(List.of("stress"));
    all.addAll(List.of(args));
    return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  private JsonObject report() {
    return new JsonObject(out.toString().strip());
  }

  @Test
  void aNodeReceivesAndAcceptsEveryFrameSentAtTheAskedRate(Vertx vertx) {
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.enabled=false", "ingest.tcp.host=127.0.0.1", "web.host=127.0.0.1", "web.port=0")),
        EnumSet.of(Role.INGEST, Role.COMPUTE, Role.WEB)).build();
    Await.result(node.start());
    try {
      int tcp = stage(node, TcpIngestVerticle.class).actualPort();
      int web = stage(node, WebVerticle.class).actualPort();
      int code = stress("--rate", "1000", "--duration", "2s", "--connections", "3", "--symbols", "2",
          "--to", "127.0.0.1:" + tcp, "--health", "http://127.0.0.1:" + web + "/health", "--json");

      assertThat(code).as(err.toString()).isZero();
      JsonObject report = report();
      long sent = report.getLong("sent");
      assertThat(sent).as("about 2 s at 1000/s").isBetween(1_500L, 2_100L);
      assertThat(report.getLong("rate")).isBetween(600L, 1_100L);
      assertThat(report.getLong("errors")).isZero();
      JsonObject server = report.getJsonObject("server");
      assertThat(server.getLong("received")).isEqualTo(sent);
      assertThat(server.getLong("accepted")).isEqualTo(sent);
      assertThat(server.getLong("dropped")).isZero();
      assertThat(server.getLong("unreceived")).isZero();
      assertThat(stage(node, TcpIngestVerticle.class).stats().events()).isEqualTo(sent);
    } finally {
      Await.result(node.stop());
    }
  }

  private static <T> T stage(Node node, Class<T> type) {
    return node.stages().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void anUnreachableHealthEndpointSkipsTheServerFiguresWithANote() throws IOException {
    int closed = closedPort();
    try (FrameSink sink = FrameSink.start()) {
      int code = stress("--rate", "500", "--duration", "1s", "--connections", "2", "--to", sink.target().toString(),
          "--health", "http://127.0.0.1:" + closed + "/health");
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("stress: 2 connections").contains("0 errors")
          .contains("server: skipped: cannot read http://127.0.0.1:" + closed + "/health");
      assertThat(sink.payloads()).isNotEmpty().allSatisfy(p -> assertThat(p).contains("\"venue\":\"stress-"));
    }
  }

  @Test
  void connectionsThatAreRefusedAreCountedAsErrorsAndExitOne() throws IOException {
    int closed = closedPort();
    int code = stress("--rate", "100", "--duration", "1s", "--connections", "2", "--to", "127.0.0.1:" + closed,
        "--health", "http://127.0.0.1:" + closed + "/health", "--json");
    assertThat(code).isEqualTo(1);
    JsonObject report = report();
    assertThat(report.getLong("errors")).isGreaterThanOrEqualTo(2);
    assertThat(report.getLong("sent")).isZero();
    assertThat(report.getString("first_error")).contains("cannot connect to 127.0.0.1:" + closed);
    assertThat(report.getString("server_note")).startsWith("skipped:");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--connections 0|--connections must be at least 1",
      "--symbols 0|--symbols must be at least 1",
      "--duration 0s|--duration: interval '0s' must be positive",
      "--duration soon|--duration: bad interval",
      "--rate 3 --connections 4|--rate 3 is less than one event per second per connection",
      "--rate none|--rate: expected a positive number",
      "--to 127.0.0.1|--to: expected host:port",
      "--health localhost:8080/health|--health: expected an http:// or https:// URL"})
  void aBadOptionExitsTwoNamingIt(String args, String message) {
    assertThat(stress(args.split(" "))).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(out.toString()).isEmpty();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
