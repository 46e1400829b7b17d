package io.tickwire.connector;

import io.tickwire.flow.PerSecondSampler;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.TcpIngestSettings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * The TCP frame ingest: external producers connect and send {@code [4-byte big-endian length][UTF-8 v1 JSON
 * event]} frames, which become batches on {@link Addresses#INGRESS}. All connections share one lossless outlet,
 * and each pauses its socket while its batches wait for credit (see {@link TcpConnection}), so a slow pipeline
 * slows the producers rather than growing a queue here. Connections are capped in total and per remote address,
 * and closed after {@code idle_timeout_ms} of silence, so sockets that send nothing cannot lock producers out.
 */
public final class TcpIngestVerticle extends VerticleBase implements Source {
  public static final String HEALTH_NAME = "connector.tcp";
  private static final System.Logger LOG = System.getLogger(TcpIngestVerticle.class.getName());
  /** Refusals are logged at most this often: a reconnect storm must not become a log storm. */
  private static final int REFUSAL_LOGS_PER_SECOND = 1;

  private final TcpIngestSettings settings;
  private final int dlqSamplesPerSec;
  private final Topology topology;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final TcpIngestStats stats;
  private final Set<TcpConnection> open = new HashSet<>();
  private final Map<String, Integer> openPerAddress = new HashMap<>();
  private final ProducerAuth auth;
  private final Promise<Void> never = Promise.promise();
  private final PerSecondSampler refusalLogs = new PerSecondSampler(REFUSAL_LOGS_PER_SECOND);
  private Outlet<TickBatch> ingress;
  private Outlet<AnomalyBatch> anomalies;
  private TcpDeadLetters deadLetters;
  private SchemaDrift drift;
  private final int anomalySamplesPerSec;
  private NetServer server;
  private long healthTimer = -1;
  private volatile int actualPort = -1;
  private boolean stopping;

  public TcpIngestVerticle(StageContext context) {
    this.settings = context.settings().tcpIngest();
    this.dlqSamplesPerSec = context.settings().router().dlqSamplesPerSec();
    this.anomalySamplesPerSec = context.settings().detect().anomalySamplesPerSec();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    this.stats = new TcpIngestStats(metrics);
    this.auth = new ProducerAuth(this.settings.tokens());
  }

  @Override
  public Future<?> start() {
    ingress = new Outlet<>(vertx, Addresses.INGRESS, topology);
    deadLetters = new TcpDeadLetters(vertx, dlqSamplesPerSec);
    anomalies = new Outlet<>(vertx, Addresses.ANOMALIES, topology);
    drift = new SchemaDrift(anomalies, anomalySamplesPerSec);
    metrics.anomalies(AnomalyTypes.SCHEMA_DRIFT, drift::total);
    server = vertx.createNetServer(serverOptions()).connectHandler(this::accept);
    return server.listen().onSuccess(this::listening);
  }

  private NetServerOptions serverOptions() {
    NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(settings.port());
    if (settings.tls() != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setKeyPath(settings.tls().key())
          .setCertPath(settings.tls().cert()));
    }
    return options;
  }

  private void listening(NetServer bound) {
    actualPort = bound.actualPort();
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    LOG.log(System.Logger.Level.INFO, "tcp ingest listening on {0}:{1,number,#} ({2}, {3})", settings.host(),
        actualPort, settings.tls() == null ? "plain TCP" : "TLS",
        auth.required() ? settings.tokens().size() + " producer tokens" : "no producer tokens");
  }

  private void accept(NetSocket socket) {
    if (stopping || open.size() >= settings.maxConnections()) {
      refuse(socket);
      return;
    }
    String address = socket.remoteAddress().hostAddress();
    if (openPerAddress.getOrDefault(address, 0) >= settings.maxConnectionsPerAddress()) {
      refuseAddress(socket, address);
      return;
    }
    TcpConnection connection = new TcpConnection(vertx, socket, settings, auth, ingress, stats, deadLetters, drift);
    open.add(connection);
    openPerAddress.merge(address, 1, Integer::sum);
    stats.connectionOpened();
    connection.start(closed -> closed(closed, address));
  }

  private void refuseAddress(NetSocket socket, String address) {
    stats.addressRefused();
    if (refusalLogs.admit()) {
      LOG.log(System.Logger.Level.WARNING, "tcp ingest: refused connection from {0}: it has max_connections_per_address"
          + " {1} open ({2} refused so far)", address, settings.maxConnectionsPerAddress(), stats.refusedPerAddress());
    }
    socket.close();
  }

  private void refuse(NetSocket socket) {
    stats.refused();
    if (refusalLogs.admit()) {
      LOG.log(System.Logger.Level.WARNING, "tcp ingest: refused connection from {0}: {1} of max_connections {2}"
          + " open ({3} refused so far)", socket.remoteAddress(), open.size(), settings.maxConnections(),
          stats.refusedConnections());
    }
    socket.close();
  }

  private void closed(TcpConnection connection, String address) {
    if (open.remove(connection)) {
      openPerAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
      stats.connectionClosed();
    }
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(healthTimer);
    List<Future<?>> closing = new ArrayList<>();
    closing.add(server.close());
    for (TcpConnection connection : List.copyOf(open)) {
      closing.add(connection.close());
    }
    return Future.join(closing)
        .transform(closedAll -> ingress.drained())
        .compose(drained -> anomalies.drained())
        .onComplete(drained -> health.report(healthNow()));
  }

  @Override
  public Future<Void> finished() {
    return never.future();
  }

  @Override
  public boolean bounded() {
    return false;
  }

  /** It listens: it neither ends a run nor keeps a finite one alive. */
  @Override
  public boolean passive() {
    return true;
  }

  /** The port listened on (the ephemeral one when configured as 0); -1 before start. */
  public int actualPort() {
    return actualPort;
  }

  public TcpIngestStats stats() {
    return stats;
  }

  /** Frames rejected as schema drift so far. */
  public long schemaDrift() {
    return drift.total();
  }

  private ComponentHealth healthNow() {
    String state = stopping ? "stopped" : ingress.saturated() ? "paused by back-pressure" : "listening";
    Map<String, Number> gauges = new TreeMap<>(stats.gauges());
    gauges.put("anomalies_" + AnomalyTypes.SCHEMA_DRIFT, drift.total());
    return ComponentHealth.ok(HEALTH_NAME, state + " on " + settings.host() + ":" + actualPort, gauges);
  }
}
