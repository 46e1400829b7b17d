package io.tickwire.web;

import io.tickwire.config.WebSettings;
import io.tickwire.health.StageContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The HTTP face of a node without the web role (a compute or ingest node of a cluster): only {@code /live},
 * {@code /health}, {@code /ready} and {@code /metrics} on {@code web.host}:{@code web.port}, so probes and
 * Prometheus reach every node. No API, no dashboard, no database: anything else is a JSON 404.
 */
public final class OpsVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(OpsVerticle.class.getName());

  private static final int MAX_PORT = 65_535;

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
    return listenFrom(router, web.port()).onSuccess(listening -> LOG.log(
        System.Logger.Level.INFO, "ops HTTP (/live, /health, /ready, /metrics) on {0}:{1,number,#}", web.host(),
        listening.actualPort()));
  }

  /**
   * Listens on {@code port}, or when it is taken on the next, up to {@code web.ops_port_search} ports past
   * {@code web.port}: nodes sharing a machine (a web node and compute nodes, say) then start whatever their order.
   * The web role never moves, because its port is where users find the dashboard.
   */
  private Future<HttpServer> listenFrom(Router router, int port) {
    return ops.listen(vertx, web.host(), port, web, new HttpServerOptions(), router).recover(e -> {
      int last = web.port() + web.opsPortSearch();
      if (web.port() == 0 || !OpsEndpoints.portTaken(e)) {
        return Future.failedFuture(e);
      }
      if (port >= last || port >= MAX_PORT) {
        return Future.failedFuture(new IllegalStateException(web.opsPortSearch() == 0
            ? "cannot serve the ops endpoints: port " + web.port() + " on " + web.host() + " is taken (set web.port"
                + " to a free port, or web.ops_port_search to try the following ones)"
            : "cannot serve the ops endpoints: ports " + web.port() + " to " + Math.min(last, MAX_PORT) + " on "
                + web.host() + " are all taken (set web.port to a free port)", e));
      }
      LOG.log(System.Logger.Level.WARNING, "ops port {0,number,#} on {1} is taken (another node on this machine?);"
          + " trying {2,number,#}", port, web.host(), port + 1);
      return listenFrom(router, port + 1);
    });
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
