package io.tickwire.web.dashboard;

import io.tickwire.config.Settings;
import io.tickwire.config.WsSettings;
import io.tickwire.health.HealthRegistry;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * The live dashboard's server side: the WebSocket at {@link #PATH}, the hub of its clients, the feeds from the
 * pipeline and the health pushes. The web verticle starts it, routes {@link #PATH} to {@link #upgrade}, and builds
 * its server with {@link #limitFrames}, so an oversized client frame is refused before it is read into memory.
 */
public final class Dashboard {
  public static final String PATH = "/ws";

  private final DashboardHub hub;
  private final DashboardHealth health;
  private final UpgradeGuard guard;

  private Dashboard(DashboardHub hub, DashboardHealth health, UpgradeGuard guard) {
    this.hub = hub;
    this.health = health;
    this.guard = guard;
  }

  /** Starts on the caller's context (the web verticle's event loop), which then owns every client. */
  public static Future<Dashboard> start(Vertx vertx, Settings settings, HealthRegistry registry, Metrics metrics) {
    RequestParser parser = new RequestParser(settings.batcher().intervalsMillis());
    DashboardHub hub = new DashboardHub(parser, settings.web().ws().queue());
    UpgradeGuard guard = new UpgradeGuard(settings.web().ws(), metrics);
    return DashboardFeeds.start(vertx, hub)
        .map(feeds -> new Dashboard(hub, DashboardHealth.start(vertx, registry, metrics, hub, feeds), guard));
  }

  /**
   * Caps inbound WebSocket frames and messages at {@code web.ws.max_frame_bytes}: past it the socket is closed with
   * 1009 (message too big) as soon as the frame header says so.
   */
  public static HttpServerOptions limitFrames(HttpServerOptions options, WsSettings ws) {
    return options.setMaxWebSocketFrameSize(ws.maxFrameBytes()).setMaxWebSocketMessageSize(ws.maxFrameBytes());
  }

  /**
   * Upgrades a request on {@link #PATH} to a dashboard client; a plain HTTP request gets 400, a foreign origin 403
   * and an upgrade past {@code web.ws.max_clients} 503.
   */
  public void upgrade(RoutingContext ctx) {
    UpgradeGuard.Refusal refusal = guard.check(ctx.request(), hub.clients());
    if (refusal != null) {
      ctx.response().setStatusCode(refusal.status).putHeader("content-type", "text/plain; charset=utf-8")
          .end(refusal.message + "\n");
      return;
    }
    ctx.request().toWebSocket().onSuccess(hub::accept).onFailure(e -> {
      if (!ctx.response().ended()) {
        ctx.response().setStatusCode(400).putHeader("content-type", "text/plain; charset=utf-8")
            .end("this is the dashboard WebSocket: connect with a WebSocket client\n");
      }
    });
  }

  /** Upgrades refused for their origin or for the client cap. */
  public long refusedUpgrades() {
    return guard.refused();
  }

  public void stop() {
    health.stop();
  }
}
