package io.tickwire.web;

import io.tickwire.config.WebSettings;
import io.tickwire.health.HealthJson;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.Status;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every tickwire HTTP server serves, whatever else it does: {@code GET /live}, {@code /health}, {@code /ready}
 * and {@code /metrics}, with readiness tied to the server's life (ready once it listens, not ready from the moment it
 * starts stopping). {@link WebVerticle} serves them beside the API and the dashboard; {@link OpsVerticle} serves
 * only them, on a node without the web role.
 */
final class OpsEndpoints {
  static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HealthRegistry health;
  private final Metrics metrics;
  // Set by the verticle's start and stop; read by whichever event loop serves the request.
  private volatile boolean ready;
  // Set on the owning verticle's event loop, read by whoever asks for the port (tests, the launcher).
  private volatile HttpServer server;

  OpsEndpoints(HealthRegistry health, Metrics metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  void mount(Router router) {
    router.get("/live").handler(OpsEndpoints::live);
    router.get("/health").handler(this::health);
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(this::metrics);
  }

  /**
   * {@code GET /live}: 200 whenever the process can answer at all. It is answered on the HTTP server's event loop
   * and looks at nothing else, so it fails (the probe times out) only when that loop is blocked or the process is
   * wedged: what a restart cures. A dependency that is down (Redis, PostgreSQL) shows in {@code /health}, and a node
   * that should not take traffic in {@code /ready}; neither is a reason to restart it, least of all while it drains.
   */
  private static void live(RoutingContext ctx) {
    Replies.json(ctx, 200, new JsonObject().put("status", "live"));
  }

  /**
   * {@code GET /health}: every component's latest report and the overall status. Anything but OK answers 503, so a
   * load balancer or orchestrator probing the status code alone sees a degraded node.
   */
  private void health(RoutingContext ctx) {
    HealthRegistry.Snapshot snapshot = health.snapshot();
    Replies.json(ctx, snapshot.status() == Status.OK ? 200 : 503, HealthJson.of(snapshot));
  }

  /**
   * {@code GET /ready}: 200 once the server listens and no component of the node holds readiness back
   * ({@link HealthRegistry#notReady}: the node itself while it starts and from the moment it stops, a compute node of
   * a cluster until it owns its share of the partitions); 503 before, and while stopping, with what it waits for, so
   * a readiness probe only routes traffic to a node that can answer it.
   */
  private void ready(RoutingContext ctx) {
    Map<String, String> waiting = health.waitingFor();
    boolean now = ready && waiting.isEmpty();
    JsonObject body = new JsonObject().put("status", now ? "ready" : "not_ready");
    if (!waiting.isEmpty()) {
      body.put("waiting_for", new JsonObject(Map.copyOf(waiting)));
    }
    Replies.json(ctx, now ? 200 : 503, body);
  }

  /** {@code GET /metrics}: the node's meters in the Prometheus text format. */
  private void metrics(RoutingContext ctx) {
    ctx.response().putHeader("content-type", METRICS_CONTENT_TYPE).end(metrics.scrape());
  }

  /** Serves {@code router} on {@code web.host}:{@code web.port}; ready once listening. */
  Future<HttpServer> listen(Vertx vertx, WebSettings web, HttpServerOptions options, Router router) {
    return listen(vertx, web.host(), web.port(), web, options, router);
  }

  /** Serves {@code router} on {@code host}:{@code port} with the rest of {@code web}; ready once listening. */
  Future<HttpServer> listen(Vertx vertx, String host, int port, WebSettings web, HttpServerOptions options,
      Router router) {
    options.setIdleTimeout((int) web.idleTimeoutMs()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    return vertx.createHttpServer(options.setHost(host).setPort(port))
        .connectionHandler(new ConnectionCap(web.maxConnections(), metrics))
        .requestHandler(router)
        .listen()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e)))
        .onSuccess(listening -> {
          server = listening;
          ready = true;
        });
  }

  /** Whether {@code failure} (from {@link #listen}) means another process holds the port. */
  static boolean portTaken(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof java.net.BindException
          || (e.getMessage() != null && e.getMessage().contains("Address already in use"))) {
        return true;
      }
    }
    return false;
  }

  /** Not ready from now on, then closes the server (if it ever listened). */
  Future<Void> stop() {
    ready = false;
    HttpServer running = server;
    return running == null ? Future.succeededFuture() : running.close();
  }

  /** The port the server listens on (the ephemeral one when {@code web.port} is 0). */
  int actualPort() {
    HttpServer running = server;
    if (running == null) {
      throw new IllegalStateException("the HTTP server has not started");
    }
    return running.actualPort();
  }
}
