package io.tickwire.connector;

import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.TcpIngestSettings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.PerSecondSampler;
import io.tickwire.flow.Topology;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of the TCP ingest's decoders: a server on the ingest's port in its own event loop. Vert.x hands each new
 * connection to one of the servers sharing the port in turn, so connections spread over the decoders while each
 * connection stays on one, in order. Its connections' batches go out through its own lossless outlet.
 */
final class TcpListenerVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(TcpListenerVerticle.class.getName());
  /** Refusals are logged at most this often per decoder: a reconnect storm must not become a log storm. */
  private static final int REFUSAL_LOGS_PER_SECOND = 1;

  /** What every decoder of one ingest shares. */
  record Shared(TcpIngestSettings settings, Topology topology, TcpIngestStats stats, TcpAdmission admission,
      ProducerAuth auth, int dlqSamplesPerSec, int anomalySamplesPerSec) {
  }

  private final Shared shared;
  private final int port;
  private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
  private final PerSecondSampler refusalLogs = new PerSecondSampler(REFUSAL_LOGS_PER_SECOND);
  private Outlet<TickBatch> ingress;
  private Outlet<AnomalyBatch> anomalies;
  private TcpDeadLetters deadLetters;
  private SchemaDrift drift;
  private NetServer server;

  /** @param port the port to listen on, shared with the ingest's other decoders (negative: any, see the ingest) */
  TcpListenerVerticle(Shared shared, int port) {
    this.shared = shared;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    ingress = new Outlet<>(vertx, Addresses.INGRESS, shared.topology());
    deadLetters = new TcpDeadLetters(vertx, shared.dlqSamplesPerSec());
    anomalies = new Outlet<>(vertx, Addresses.ANOMALIES, shared.topology());
    drift = new SchemaDrift(anomalies, shared.anomalySamplesPerSec());
    server = vertx.createNetServer(serverOptions()).connectHandler(this::accept);
    return server.listen();
  }

  private NetServerOptions serverOptions() {
    TcpIngestSettings settings = shared.settings();
    NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(port);
    if (settings.tls() != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setKeyPath(settings.tls().key())
          .setCertPath(settings.tls().cert()));
    }
    return options;
  }

  private void accept(NetSocket socket) {
    String address = socket.remoteAddress().hostAddress();
    TcpAdmission.Verdict verdict = shared.admission().admit(address);
    if (verdict != TcpAdmission.Verdict.ADMITTED) {
      refuse(socket, address, verdict);
      return;
    }
    TcpConnection connection = new TcpConnection(vertx, socket, shared.settings(), shared.auth(), ingress,
        shared.stats(), deadLetters, drift);
    open.add(connection);
    shared.stats().connectionOpened();
    connection.start(closed -> closed(closed, address));
  }

  private void refuse(NetSocket socket, String address, TcpAdmission.Verdict verdict) {
    TcpIngestStats stats = shared.stats();
    if (verdict == TcpAdmission.Verdict.ADDRESS_FULL) {
      stats.addressRefused();
    } else {
      stats.refused();
    }
    if (refusalLogs.admit()) {
      logRefusal(address, verdict);
    }
    socket.close();
  }

  private void logRefusal(String address, TcpAdmission.Verdict verdict) {
    TcpIngestSettings settings = shared.settings();
    TcpIngestStats stats = shared.stats();
    if (verdict == TcpAdmission.Verdict.ADDRESS_FULL) {
      LOG.log(System.Logger.Level.WARNING, "tcp ingest: refused connection from {0}: it has max_connections_per_address"
          + " {1} open ({2} refused so far)", address, settings.maxConnectionsPerAddress(), stats.refusedPerAddress());
    } else {
      LOG.log(System.Logger.Level.WARNING, "tcp ingest: refused connection from {0}: {1} ({2} refused so far)",
          address, verdict == TcpAdmission.Verdict.STOPPING ? "stopping"
              : "max_connections " + settings.maxConnections() + " open", stats.refusedConnections());
    }
  }

  private void closed(TcpConnection connection, String address) {
    if (open.remove(connection)) {
      shared.admission().closed(address);
      shared.stats().connectionClosed();
    }
  }

  /** Closes the server and this decoder's connections, then waits until what they read has been admitted. */
  @Override
  public Future<?> stop() {
    List<Future<?>> closing = new ArrayList<>();
    closing.add(server.close());
    for (TcpConnection connection : List.copyOf(open)) {
      closing.add(connection.close());
    }
    return Future.join(closing)
        .transform(closedAll -> ingress.drained())
        .compose(drained -> anomalies.drained());
  }

  /** The port this decoder's server got; the first decoder's tells the others which to share. */
  int actualPort() {
    return server.actualPort();
  }

  /** Whether its outlet waits for credit: its connections are paused by back-pressure. Read across threads. */
  boolean saturated() {
    return ingress.saturated();
  }

  /** Connections this decoder holds now. Read across threads: a gauge, not a count to act on. */
  int connections() {
    return open.size();
  }

  long schemaDrift() {
    return drift.total();
  }
}
