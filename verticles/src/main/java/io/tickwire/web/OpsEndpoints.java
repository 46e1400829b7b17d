package io.tickwire.web;

import io.tickwire.config.Settings;
import io.tickwire.health.HealthRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * What every tickwire HTTP server serves, whatever else it does: {@code GET /live}, {@code /health}, {@code /ready}
 * and {@code /metrics}, with readiness tied to the server's life (ready once it listens, not ready from the moment it
 * starts stopping). {@link WebVerticle} serves them beside the API and the dashboard; {@link OpsVerticle} serves
 * only them, on a node without the web role.
 */
final class OpsEndpoints {
  private final HealthRegistry health;
  private final ReadyHandler ready;
  // Set on the owning verticle's event loop, read by whoever asks for the port (tests, the launcher).
  private volatile HttpServer server;

  OpsEndpoints(HealthRegistry health) {
    this.health = health;
    this.ready = new ReadyHandler(health);
  }

  /** Adds the four routes to {@code router}. */
  void install(Router router) {
    router.get("/live").handler(new LiveHandler());
    router.get("/health").handler(new HealthHandler(health));
    router.get("/ready").handler(ready);
    router.get("/metrics").handler(new MetricsHandler(health.metrics()));
  }

  /** Serves {@code router} on {@code web.host}:{@code web.port}; ready once listening. */
  Future<HttpServer> listen(Vertx vertx, Settings.Web web, HttpServerOptions options, Router router) {
    options.setIdleTimeout((int) web.idleTimeoutMs()).setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
    return vertx.createHttpServer(options.setHost(web.host()).setPort(web.port()))
        .connectionHandler(new ConnectionCap(web.maxConnections(), health.metrics()))
        .requestHandler(router)
        .listen()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "cannot serve HTTP on " + web.host() + ":" + web.port() + ": " + e.getMessage(), e)))
        .onSuccess(listening -> {
          server = listening;
          ready.markReady();
        });
  }

  /** Not ready from now on, then closes the server (if it ever listened). */
  Future<Void> stop() {
    ready.markNotReady();
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
