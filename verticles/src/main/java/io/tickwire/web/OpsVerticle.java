package io.tickwire.web;

import io.tickwire.config.WebSettings;
import io.tickwire.health.StageContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The HTTP face of a node without the web role (a compute or ingest node of a cluster): only {@code /live},
 * {@code /health}, {@code /ready} and {@code /metrics} on {@code web.host}:{@code web.port}, so probes and
 * Prometheus reach every node. No API, no dashboard, no database: anything else is a JSON 404.
 */
public final class OpsVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(OpsVerticle.class.getName());

  private final WebSettings web;
  private final OpsEndpoints ops;

  public OpsVerticle(StageContext context) {
    this.web = context.settings().web();
    this.ops = new OpsEndpoints(context.health(), context.metrics());
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    ops.mount(router);
    Replies.installErrorPages(router, 0); // no route here reads a body, so no request is ever refused as too large
    return ops.listen(vertx, web, new HttpServerOptions(), router).onSuccess(listening -> LOG.log(
        System.Logger.Level.INFO, "ops HTTP (/live, /health, /ready, /metrics) on {0}:{1,number,#}", web.host(),
        listening.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return ops.stop();
  }

  /** The port the server listens on (the ephemeral one when {@code web.port} is 0). */
  public int actualPort() {
    return ops.actualPort();
  }
}
