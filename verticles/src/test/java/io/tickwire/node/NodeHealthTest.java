package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole node, every role: /health over HTTP names every stage and sink with its gauges, and /live does not follow
 * /health down when only Redis is.
 */
@ExtendWith(VertxExtension.class)
class NodeHealthTest {
  @Test
  void healthListsEveryStageAndSinkOfARunningNode(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(db.settings(), "web.port=0",
        "redis.embedded=true", "synthetic.rate=2000")), EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    try {
      int port = node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
          .findFirst().orElseThrow().actualPort();
      HttpClient http = HttpClient.newHttpClient();
      JsonObject[] body = new JsonObject[1];
      Await.until(() -> {
        body[0] = health(http, port);
        return body[0] != null && "ok".equals(body[0].getString("status"))
            && componentNames(body[0]).containsAll(List.of("sink.redis", "sink.postgres"))
            && gauge(body[0], "sink.postgres", "trades_rows_inserted") > 0
            && gauge(body[0], "router", "routed") > 0
            && gauge(body[0], "connector.synthetic", "emitted") > 0
            && gauge(body[0], "batcher.0", "trades") + gauge(body[0], "batcher.1", "trades") > 0;
      }, Duration.ofSeconds(30), "a healthy node whose reports show stored trades");

      assertThat(componentNames(body[0])).contains("connector.synthetic", "router", "batcher.0", "batcher.1",
          "features", "inference",
          "sink.postgres", "sink.redis");
      assertThat(componentsByName(body[0]).get("sink.postgres").getJsonObject("gauges").fieldNames())
          .contains("trades_buffered_rows", "trades_rows_skipped", "bars_ohlcv_rows_rejected");
      assertThat(componentsByName(body[0]).get("sink.redis").getJsonObject("gauges").fieldNames())
          .contains("dropped", "coalesced", "queued");
    } finally {
      Await.result(node.stop());
    }
  }

  @Test
  void liveStays200WhileRedisIsDownAndHealthIs503(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(db.settings(), "web.port=0",
        "redis.url=redis://127.0.0.1:" + closedPort, "synthetic.rate=2000")), EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    try {
      int port = node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
          .findFirst().orElseThrow().actualPort();
      HttpClient http = HttpClient.newHttpClient();
      Await.until(() -> {
        JsonObject body = health(http, port);
        return body != null && componentsByName(body).containsKey("sink.redis")
            && !"ok".equals(componentsByName(body).get("sink.redis").getString("status"));
      }, Duration.ofSeconds(30), "the Redis sink to report Redis down");

      assertThat(status(http, port, "/health")).isEqualTo(503);
      assertThat(status(http, port, "/live")).as("only a cache is down: no reason to restart").isEqualTo(200);
    } finally {
      Await.result(node.stop());
    }
  }

  private static int status(HttpClient http, int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static JsonObject health(HttpClient http, int port) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      return new JsonObject(r.body());
    } catch (Exception e) {
      return null;
    }
  }

  private static List<String> componentNames(JsonObject health) {
    return componentsByName(health).keySet().stream().sorted().toList();
  }

  private static Map<String, JsonObject> componentsByName(JsonObject health) {
    JsonArray components = health.getJsonArray("components");
    return components.stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
  }

  private static long gauge(JsonObject health, String component, String gauge) {
    JsonObject c = componentsByName(health).get(component);
    return c == null ? 0 : c.getJsonObject("gauges").getLong(gauge, 0L);
  }
}
