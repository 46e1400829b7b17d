package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.health.ComponentHealth;
import io.tickwire.health.Status;
import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /health}, {@code /ready} and {@code /live} over real HTTP; each test has its own registry and server. */
@ExtendWith(VertxExtension.class)
class HealthApiTest {
  private WebFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = WebFixture.withoutDatabase(vertx);
  }

  @Test
  void allComponentsOkIs200WithEachComponent() {
    fixture.health.report(ComponentHealth.ok("sink.postgres", "embedded, postgres@localhost:5432/postgres",
        Map.of("queue_depth", 3, "dropped_total", 0L)));
    fixture.health.report(ComponentHealth.ok("router", "", Map.of("lag_seconds", 0.25)));

    HttpProbe.Reply reply = fixture.get("/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("ok");
    JsonArray components = body.getJsonArray("components");
    assertThat(components).hasSize(4); // and the web verticle's own: its latest features and its dashboard
    assertThat(components.getJsonObject(0)).isEqualTo(new JsonObject()
        .put("name", "router").put("status", "ok").put("detail", "").put("gauges", new JsonObject()
            .put("lag_seconds", 0.25)));
    assertThat(components.getJsonObject(1)).isEqualTo(new JsonObject()
        .put("name", "sink.postgres").put("status", "ok").put("detail", "embedded, postgres@localhost:5432/postgres")
        .put("gauges", new JsonObject().put("dropped_total", 0).put("queue_depth", 3)));
    assertThat(components.getJsonObject(2).getString("name")).isEqualTo("web");
    assertThat(components.getJsonObject(3).getString("name")).isEqualTo("web.dashboard");
  }

  @Test
  void aNodeWithOnlyTheWebVerticleIsOkAndListsItsDashboard() {
    HttpProbe.Reply reply = fixture.get("/health");
    assertThat(reply.status()).isEqualTo(200);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("ok");
    JsonObject dashboard = body.getJsonArray("components").getJsonObject(1);
    assertThat(body.getJsonArray("components")).extracting(c -> ((JsonObject) c).getString("name"))
        .containsExactly("web", "web.dashboard");
    assertThat(dashboard.getString("name")).isEqualTo("web.dashboard");
    assertThat(dashboard.getJsonObject("gauges").getInteger("clients")).isZero();
    assertThat(dashboard.getJsonObject("gauges").getInteger("dropped")).isZero();
  }

  @Test
  void aDegradedComponentMakesTheNode503() {
    fixture.health.report(ComponentHealth.ok("sink.postgres", "", Map.of()));
    fixture.health.report(new ComponentHealth("sink.redis", Status.DEGRADED, "Redis unreachable: connection refused",
        Map.of("dropped_total", 17L)));

    HttpProbe.Reply reply = fixture.get("/health");

    assertThat(reply.status()).isEqualTo(503);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("degraded");
    JsonObject redis = body.getJsonArray("components").getJsonObject(1);
    assertThat(redis.getString("status")).isEqualTo("degraded");
    assertThat(redis.getString("detail")).isEqualTo("Redis unreachable: connection refused");
    assertThat(redis.getJsonObject("gauges").getLong("dropped_total")).isEqualTo(17L);
  }

  @Test
  void liveStays200WhileHealthIs503BecauseRedisIsDown() {
    fixture.health.report(new ComponentHealth("sink.redis", Status.DOWN, "Redis unreachable: connection refused",
        Map.of()));

    assertThat(fixture.get("/health").status()).isEqualTo(503);
    HttpProbe.Reply live = fixture.get("/live");
    assertThat(live.status()).as("a cache being down is no reason to restart the node").isEqualTo(200);
    assertThat(live.json()).isEqualTo(new JsonObject().put("status", "live"));
  }

  @Test
  void aDownComponentIs503AndRecoveryIs200Again() {
    fixture.health.report(new ComponentHealth("sink.postgres", Status.DOWN, "no connection", Map.of()));
    assertThat(fixture.get("/health").status()).isEqualTo(503);
    assertThat(fixture.get("/health").json().getString("status")).isEqualTo("down");

    fixture.health.report(ComponentHealth.ok("sink.postgres", "", Map.of()));
    assertThat(fixture.get("/health").status()).isEqualTo(200);
  }

  @Test
  void nonFiniteGaugesStayValidJson() {
    fixture.health.report(ComponentHealth.ok("feature", "", Map.of("spread", Double.NaN)));
    HttpProbe.Reply reply = fixture.get("/health");
    JsonObject gauges = reply.json().getJsonArray("components").getJsonObject(0).getJsonObject("gauges");
    assertThat(gauges.containsKey("spread")).isTrue();
    assertThat(gauges.getValue("spread")).as("JSON has no NaN").isNull();
  }

  @Test
  void readyOnceStarted() {
    HttpProbe.Reply reply = fixture.get("/ready");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("status")).isEqualTo("ready");
  }

  @Test
  void unknownPathIs404() {
    HttpProbe.Reply reply = fixture.get("/healthz");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getString("error")).isEqualTo("not_found");
  }
}
