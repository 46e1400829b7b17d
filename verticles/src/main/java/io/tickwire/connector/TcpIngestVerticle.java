package io.tickwire.connector;

import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.config.TcpIngestSettings;
import io.tickwire.flow.Addresses;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TCP frame ingest: external producers connect and send {@code [4-byte big-endian length][UTF-8 v1 JSON
 * event]} frames, which become batches on {@link Addresses#INGRESS}. Its decoders ({@code ingest.tcp.decoders},
 * {@link TcpListenerVerticle}) share the port on as many event loops, each connection staying on one and in
 * order; each pauses its socket while its batches wait for credit (see {@link TcpConnection}), so a slow pipeline
 * slows the producers rather than growing a queue here. Connections are capped in total and per remote address
 * across the decoders ({@link TcpAdmission}), and closed after {@code idle_timeout_ms} of silence, so sockets
 * that send nothing cannot lock producers out.
 */
public final class TcpIngestVerticle extends VerticleBase implements Source {
  public static final String HEALTH_NAME = "connector.tcp";
  private static final System.Logger LOG = System.getLogger(TcpIngestVerticle.class.getName());
  private static final AtomicInteger ANY_PORT_KEYS = new AtomicInteger();

  private final TcpIngestSettings settings;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final TcpIngestStats stats;
  private final TcpListenerVerticle.Shared shared;
  private final List<TcpListenerVerticle> decoders = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private final Promise<Void> never = Promise.promise();
  private long healthTimer = -1;
  private volatile int actualPort = -1;

  public TcpIngestVerticle(StageContext context) {
    this.settings = context.settings().tcpIngest();
    this.health = context.health();
    this.metrics = context.metrics();
    this.stats = new TcpIngestStats(metrics);
    this.shared = new TcpListenerVerticle.Shared(settings, context.topology(), stats,
        new TcpAdmission(settings.maxConnections(), settings.maxConnectionsPerAddress()),
        new ProducerAuth(settings.tokens()), context.settings().router().dlqSamplesPerSec(),
        context.settings().detect().anomalySamplesPerSec());
  }

  @Override
  public Future<?> start() {
    metrics.anomalies(AnomalyTypes.SCHEMA_DRIFT, this::schemaDrift);
    int port = sharedPort(settings.port());
    List<Future<?>> started = new ArrayList<>();
    for (int i = 0; i < settings.decoders(); i++) {
      started.add(deployDecoder(port));
    }
    return Future.all(started).onSuccess(v -> listening());
  }

  /**
   * The port the decoders listen on together. Vert.x shares one bound socket among servers of the same port; for
   * "any port" (0) it does so only given a negative port, a key of its own per ingest, so two ingests in one
   * Vert.x never share one by accident.
   */
  private static int sharedPort(int configured) {
    return configured != 0 ? configured : -ANY_PORT_KEYS.incrementAndGet();
  }

  private Future<TcpListenerVerticle> deployDecoder(int port) {
    TcpListenerVerticle decoder = new TcpListenerVerticle(shared, port);
    return vertx.deployVerticle(decoder).map(id -> {
      deployments.add(id);
      decoders.add(decoder);
      return decoder;
    });
  }

  private void listening() {
    actualPort = decoders.get(0).actualPort();
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    LOG.log(System.Logger.Level.INFO, "tcp ingest listening on {0}:{1,number,#} ({2}, {3}, {4} decoders)",
        settings.host(), actualPort, settings.tls() == null ? "plain TCP" : "TLS",
        shared.auth().required() ? settings.tokens().size() + " producer tokens" : "no producer tokens",
        decoders.size());
  }

  /**
   * Refuses new connections, then stops every decoder still running: each closes its connections and drains its
   * outlet. Vert.x may have undeployed them already, as children of this deployment.
   */
  @Override
  public Future<?> stop() {
    shared.admission().stop();
    vertx.cancelTimer(healthTimer);
    List<Future<?>> stopping = new ArrayList<>();
    for (String id : deployments) {
      if (vertx.deploymentIDs().contains(id)) {
        stopping.add(vertx.undeploy(id));
      }
    }
    return Future.join(stopping).onComplete(stopped -> health.report(healthNow()));
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

  /** Connections each decoder (an event loop sharing the port) holds now. */
  public List<Integer> connectionsPerDecoder() {
    return decoders.stream().map(TcpListenerVerticle::connections).toList();
  }

  /** Frames rejected as schema drift so far, over every decoder. */
  public long schemaDrift() {
    long total = 0;
    for (TcpListenerVerticle decoder : decoders) {
      total += decoder.schemaDrift();
    }
    return total;
  }

  private ComponentHealth healthNow() {
    String state = shared.admission().stopping() ? "stopped"
        : decoders.stream().anyMatch(TcpListenerVerticle::saturated) ? "paused by back-pressure" : "listening";
    Map<String, Number> gauges = new TreeMap<>(stats.gauges());
    gauges.put("anomalies_" + AnomalyTypes.SCHEMA_DRIFT, schemaDrift());
    gauges.put("decoders", decoders.size());
    for (int i = 0; i < decoders.size(); i++) {
      gauges.put("connections_decoder_" + i, decoders.get(i).connections());
    }
    return ComponentHealth.ok(HEALTH_NAME, state + " on " + settings.host() + ":" + actualPort, gauges);
  }
}
