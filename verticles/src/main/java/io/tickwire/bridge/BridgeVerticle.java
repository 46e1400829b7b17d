package io.tickwire.bridge;

import io.tickwire.codecs.SignalBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.BridgeSettings;
import io.tickwire.config.Settings;
import io.tickwire.connector.TcpDeadLetters;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Outlet;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x TCP event-bus bridge on {@code bridge.host}:{@code bridge.port}, for programs in any language: they
 * subscribe to the JSON views of bars, features, signals and anomalies (and to incident notices), and send events
 * and signals in. Clients reach the library's bridge through {@link FrameGuard}, which caps the length a frame may
 * declare; {@link BridgeGate} checks the token and the address of every frame; {@link JsonViews} turns the binary
 * batches into JSON only while someone watches; {@link ExternalInbound} checks what comes in.
 */
public final class BridgeVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(BridgeVerticle.class.getName());

  private final Settings settings;
  private final BridgeSettings bridge;
  private final StageContext context;
  private final HealthRegistry health;
  private final BridgeStats stats;
  private static final String LOOPBACK = "127.0.0.1";

  /** The library's bridge, on a loopback port behind {@link #guard}. */
  private TcpEventBusBridge server;
  private FrameGuard guard;
  private JsonViews views;
  private BridgeGate gate;
  private Outlet<TickBatch> ingress;
  private Outlet<SignalBatch> signals;
  private long healthTimer = -1;
  private int port;

  public BridgeVerticle(StageContext context) {
    this.context = context;
    this.settings = context.settings();
    this.bridge = settings.bridge();
    this.health = context.health();
    this.stats = new BridgeStats(context.metrics());
  }

  @Override
  public Future<?> start() {
    views = new JsonViews(vertx);
    ingress = new Outlet<>(vertx, Addresses.INGRESS, context.topology());
    signals = new Outlet<>(vertx, Addresses.SIGNALS, context.topology());
    ExternalInbound inbound = new ExternalInbound(stats, new TcpDeadLetters(vertx, bridge.deadLettersPerSecond(),
        "bridge"), ingress, signals, bridge.maxFrameBytes());
    return BridgeToken.load(vertx, bridge.token(), Path.of(settings.dataDir()))
        .compose(token -> {
          gate = new BridgeGate(vertx, token, bridge.maxConnections(), stats, views);
          return vertx.eventBus().localConsumer(Addresses.EXTERNAL_EVENTS, inbound::event).completion();
        })
        .compose(v -> vertx.eventBus().localConsumer(Addresses.EXTERNAL_SIGNALS, inbound::signal).completion())
        .compose(v -> vertx.executeBlocking(BridgeVerticle::freeLoopbackPort, false))
        .compose(inner -> TcpEventBusBridge.create(vertx, permitted(), new NetServerOptions(), gate)
            .listen(inner, LOOPBACK)
            .compose(listening -> {
              server = listening;
              guard = new FrameGuard(vertx, bridge.maxFrameBytes(), inner, stats);
              return guard.listen(bridge.host(), bridge.port(), new NetServerOptions()
                  .setIdleTimeout((int) bridge.idleTimeoutMs()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
            }))
        .recover(e -> Future.failedFuture(new IllegalStateException("cannot serve the event-bus bridge on "
            + bridge.host() + ":" + bridge.port() + ": " + e.getMessage(), e)))
        .onSuccess(listening -> {
          port = bridge.port();
          LOG.log(System.Logger.Level.INFO, "event-bus bridge on {0}:{1,number,#} (token required)", bridge.host(),
              port);
          healthTimer = HealthReports.every(vertx, health, this::healthNow);
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    if (views != null) {
      views.close();
    }
    Future<Void> closed = (guard == null ? Future.<Void>succeededFuture() : guard.close())
        .compose(v -> server == null ? Future.succeededFuture() : server.close());
    return closed.compose(v -> Outlet.drainedAll(java.util.List.of(ingress, signals)));
  }

  public BridgeStats stats() {
    return stats;
  }

  /** How many streams the bridge observes now: one per view with at least one subscriber. */
  public int observedTopics() {
    return views.observed();
  }

  /**
   * A loopback port for the library's server, which cannot report the port it was given: found by binding port 0,
   * then released for the library (loopback only, so only a process of this machine could take it in between).
   */
  private static int freeLoopbackPort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }

  /** The library checks the addresses again after {@link BridgeGate}: two locks on the same door. */
  private static BridgeOptions permitted() {
    BridgeOptions options = new BridgeOptions();
    Addresses.BRIDGE_OUTBOUND.forEach(topic -> options.addOutboundPermitted(
        new PermittedOptions().setAddress(Addresses.jsonView(topic))));
    Addresses.BRIDGE_INBOUND.forEach(address -> options.addInboundPermitted(
        new PermittedOptions().setAddress(address)));
    return options;
  }

  private ComponentHealth healthNow() {
    return ComponentHealth.ok("bridge", "port " + port + ", " + gate.connections() + " connections, "
        + views.observed() + " topics observed", Map.of("connections", gate.connections(), "accepted",
        stats.accepted(), "rejected", stats.rejected(), "refused", stats.refused(), "views_published",
        views.published()));
  }
}
