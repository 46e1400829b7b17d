package io.tickwire.web;

import io.tickwire.config.Settings;
import io.tickwire.health.HealthRegistry;
import io.tickwire.sink.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The node's HTTP face: {@code /health}, {@code /ready} and the REST API. It only wires routes to their handlers
 * and runs the server on {@code web.host}:{@code web.port}; each handler owns one endpoint.
 */
public final class WebVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(WebVerticle.class.getName());

  private final Settings settings;
  private final Database database;
  private final HealthRegistry health;
  private final ReadyHandler ready = new ReadyHandler();
  // Set on the verticle's event loop, read by whoever asks for the port (tests, the launcher).
  private volatile HttpServer server;

  /** @param database null when the node has none; {@code /api/bars} then answers 503 */
  public WebVerticle(Settings settings, Database database, HealthRegistry health) {
    this.settings = settings;
    this.database = database;
    this.health = health;
  }

  @Override
  public Future<?> start() {
    Settings.Web web = settings.web();
    return vertx.createHttpServer(new HttpServerOptions().setHost(web.host()).setPort(web.port()))
        .requestHandler(routes())
        .listen()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "cannot serve HTTP on " + web.host() + ":" + web.port() + ": " + e.getMessage(), e)))
        .onSuccess(this::started);
  }

  private Router routes() {
    Router router = Router.router(vertx);
    router.get("/health").handler(new HealthHandler(health));
    router.get("/ready").handler(ready);
    BarStore bars = database == null ? null : new BarStore(database.pool());
    router.get("/api/bars").handler(new BarsHandler(new BarsQueryParser(settings.batcher().intervalsMillis()), bars));
    ApiErrors.install(router);
    return router;
  }

  private void started(HttpServer listening) {
    server = listening;
    ready.markReady();
    LOG.log(System.Logger.Level.INFO, "HTTP on {0}:{1,number,#}", settings.web().host(), listening.actualPort());
  }

  @Override
  public Future<?> stop() {
    ready.markNotReady();
    HttpServer running = server;
    return running == null ? Future.succeededFuture() : running.close();
  }

  /** The port the server listens on (the ephemeral one when {@code web.port} is 0). */
  public int actualPort() {
    HttpServer running = server;
    if (running == null) {
      throw new IllegalStateException("the web verticle has not started");
    }
    return running.actualPort();
  }
}
