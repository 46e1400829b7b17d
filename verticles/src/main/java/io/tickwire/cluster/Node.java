package io.tickwire.cluster;

import io.tickwire.batcher.MicroBatcherVerticle;
import io.tickwire.cli.PrintVerticle;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.Settings;
import io.tickwire.connector.Source;
import io.tickwire.connector.SyntheticConnector;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.connector.venue.VenueConnector;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Topology;
import io.tickwire.feature.FeatureVerticle;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.metrics.Metrics;
import io.tickwire.router.RouterVerticle;
import io.tickwire.sink.Database;
import io.tickwire.sink.EmbeddedRedis;
import io.tickwire.sink.RedisSinkVerticle;
import io.tickwire.web.WebVerticle;
import io.tickwire.sink.PostgresSinkVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tickwire node: deploys the stages of its roles, consumers before producers so nothing is sent before
 * it can be received, and stops them in the reverse order: sources stop first, then each stage drains what it
 * holds downstream before the next one stops, so open windows are flushed and emitted before the node is down.
 */
public final class Node {
  private static final System.Logger LOG = System.getLogger(Node.class.getName());

  private final Vertx vertx;
  private final Settings settings;
  private final Set<Role> roles;
  private final List<String> printTopics;
  private final OutputStream printOut;
  private final Topology topology;
  private final List<String> deployed = new ArrayList<>();
  private final List<Deployable> stages = new ArrayList<>();
  private final List<Future<Void>> finiteSources = new ArrayList<>();
  private final Promise<String> stopRequested = Promise.promise();
  private final HealthRegistry health = new HealthRegistry();
  private Database database;
  private EmbeddedRedis embeddedRedis;
  private String redisUrl;
  private boolean unboundedSource;
  private final Clustering.Member member;
  private long clusterHealthTimer = -1;

  /**
   * @param printAddresses addresses for {@code --print}, resolved with {@link Addresses#resolve}
   * @param printOut where printed lines go (stdout for the CLI)
   */
  public Node(Vertx vertx, Settings settings, Set<Role> roles, List<String> printAddresses, OutputStream printOut) {
    this(vertx, null, settings, roles, printAddresses, printOut);
  }

  /** A node of a cluster: {@code member} is its membership (health lists the cluster's nodes). */
  public Node(Clustering.Member member, Settings settings, Set<Role> roles, List<String> printAddresses,
      OutputStream printOut) {
    this(member.vertx(), member, settings, roles, printAddresses, printOut);
  }

  private Node(Vertx vertx, Clustering.Member member, Settings settings, Set<Role> roles,
      List<String> printAddresses, OutputStream printOut) {
    this.vertx = vertx;
    this.member = member;
    this.settings = settings;
    this.roles = Set.copyOf(roles);
    this.printTopics = resolveAll(printAddresses, settings.pipeline().partitions());
    this.printOut = printOut;
    // In a cluster the other roles run on other nodes, and this node's producers must feed their groups too.
    this.topology = PipelineTopology.of(settings, member == null ? this.roles : settings.cluster().roles(),
        printTopics);
  }

  private static List<String> resolveAll(List<String> addresses, int partitions) {
    Set<String> topics = new LinkedHashSet<>();
    for (String address : addresses) {
      topics.addAll(Addresses.resolve(address, partitions));
    }
    return List.copyOf(topics);
  }

  /** Opens the database and Redis when a role needs them, then deploys the stages. */
  public Future<Void> start() {
    if (member != null) {
      clusterHealthTimer = HealthReports.every(vertx, health, this::clusterHealth);
      health.metrics().gauge(Metrics.CLUSTER_MEMBERS, "Cluster members this node sees, itself included",
          () -> member.nodes().size());
    }
    return openDatabase().compose(v -> startRedis()).compose(v -> deployInOrder(stagesInOrder()));
  }

  /** Who is in the cluster, and what this node does in it. */
  private ComponentHealth clusterHealth() {
    List<String> nodes = member.nodes();
    return ComponentHealth.ok("cluster", "node " + member.nodeId() + " of " + nodes.size() + " " + nodes
        + "; roles " + roles, Map.of("members", nodes.size()));
  }

  private Future<Void> openDatabase() {
    // Sinks write to it, the API reads it, inference keeps its rules in it.
    if (!roles.contains(Role.PERSIST) && !roles.contains(Role.WEB) && !inference()) {
      return Future.succeededFuture();
    }
    return Database.open(vertx, settings).map(db -> {
      database = db;
      return null;
    });
  }

  private boolean inference() {
    return roles.contains(Role.COMPUTE) && settings.inference().enabled();
  }

  private boolean redisSink() {
    return roles.contains(Role.PERSIST) && settings.redis().enabled();
  }

  /** The configured Redis, or an embedded one when asked for. */
  private Future<Void> startRedis() {
    if (!redisSink()) {
      return Future.succeededFuture();
    }
    if (settings.redis().url() != null) {
      redisUrl = settings.redis().url();
      return Future.succeededFuture();
    }
    EmbeddedRedis redis = new EmbeddedRedis(settings.redis().embeddedPort());
    return vertx.executeBlocking(() -> {
      redis.start();
      return null;
    }, false).map(v -> {
      embeddedRedis = redis;
      redisUrl = redis.url();
      return null;
    });
  }

  /** Consumers before producers, so nothing is sent before it can be received. */
  private List<Deployable> stagesInOrder() {
    List<Deployable> order = new ArrayList<>();
    if (roles.contains(Role.WEB) && settings.web().enabled()) {
      order.add(new WebVerticle(settings, database, health));
    }
    if (!printTopics.isEmpty()) {
      PrintVerticle printer = new PrintVerticle(printTopics, printOut);
      printer.outputClosed().onSuccess(stopRequested::tryComplete);
      order.add(printer);
    }
    if (roles.contains(Role.PERSIST)) {
      order.add(new PostgresSinkVerticle(settings, database, health));
      order.addAll(io.tickwire.batch.BatchJobs.stages(settings, database, topology, health));
    }
    if (redisSink()) {
      order.add(new RedisSinkVerticle(settings, redisUrl, health));
    }
    if (roles.contains(Role.COMPUTE)) {
      if (inference()) {
        order.add(new InferenceVerticle(settings, database, topology, health));
      }
      order.add(new FeatureVerticle(settings, topology, health));
      order.addAll(batchers());
    }
    if (roles.contains(Role.INGEST)) {
      // In a cluster, partitions move between compute nodes; the router's journal is what they rebuild from.
      order.add(new RouterVerticle(settings, topology, health, member != null));
      if (settings.synthetic().enabled()) {
        order.add(new SyntheticConnector(settings.synthetic(), topology, health));
      }
      if (settings.tcpIngest().enabled()) {
        order.add(new TcpIngestVerticle(settings, topology, health));
      }
      for (ConnectorSettings.Venue venue : settings.connectors().venues()) {
        order.add(new VenueConnector(settings.connectors(), venue, topology, health,
            settings.detect().anomalySamplesPerSec()));
      }
    }
    return order;
  }

  /**
   * The batchers, and in a cluster the partition ownership that hands them partitions at run time (deployed after
   * them, so it stops first and hands its partitions back, flushed, while the batchers still run).
   */
  private List<Deployable> batchers() {
    int instances = settings.batcher().instances();
    List<MicroBatcherVerticle> batchers = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      batchers.add(new MicroBatcherVerticle(settings, topology, i, instances, health, member != null));
    }
    List<Deployable> out = new ArrayList<>(batchers);
    if (member != null) {
      out.add(new PartitionOwnership(member, settings, batchers, health));
    }
    return out;
  }

  private Future<Void> deployInOrder(List<Deployable> order) {
    Future<Void> chain = Future.succeededFuture();
    for (Deployable stage : order) {
      chain = chain.compose(v -> vertx.deployVerticle(stage).map(id -> {
        deployed.add(id);
        stages.add(stage);
        trackSource(stage);
        return null;
      }));
    }
    return chain;
  }

  private void trackSource(Deployable stage) {
    if (stage instanceof Source source && !source.passive()) {
      if (source.bounded()) {
        finiteSources.add(source.finished());
      } else {
        unboundedSource = true;
      }
    }
  }

  /**
   * Completes when every source of this node is finite and has finished; never completes while any source runs
   * unbounded or when the node has no source.
   */
  public Future<Void> sourcesFinished() {
    if (unboundedSource || finiteSources.isEmpty()) {
      return Promise.<Void>promise().future();
    }
    return Future.all(finiteSources).mapEmpty();
  }

  /** Completes with a reason when a stage can no longer do its job and the node should stop. */
  public Future<String> stopRequested() {
    return stopRequested.future();
  }

  /** Undeploys in the reverse order of deployment, each stage draining before the next stops. */
  public Future<Void> stop() {
    vertx.cancelTimer(clusterHealthTimer);
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployed.size() - 1; i >= 0; i--) {
      String id = deployed.get(i);
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> {
        LOG.log(System.Logger.Level.WARNING, "stopping a stage failed: {0}", e.toString());
        return Future.succeededFuture();
      }));
    }
    return chain.compose(v -> releaseServers()).onComplete(v -> {
      deployed.clear();
      stages.clear();
    });
  }

  /**
   * Closes the database and stops the embedded servers, whatever state the stages are in: the last resort when a
   * graceful stop timed out, so no embedded PostgreSQL outlives tickwire and locks its data directory.
   */
  public Future<Void> releaseServers() {
    return closeDatabase().compose(v -> stopRedis());
  }

  private Future<Void> closeDatabase() {
    if (database == null) {
      return Future.succeededFuture();
    }
    Database closing = database;
    database = null;
    return closing.close(vertx).recover(e -> {
      LOG.log(System.Logger.Level.WARNING, "closing the database failed: {0}", e.toString());
      return Future.succeededFuture();
    });
  }

  private Future<Void> stopRedis() {
    if (embeddedRedis == null) {
      return Future.succeededFuture();
    }
    EmbeddedRedis stopping = embeddedRedis;
    embeddedRedis = null;
    return vertx.<Void>executeBlocking(() -> {
      stopping.stop();
      return null;
    }, false).recover(e -> {
      LOG.log(System.Logger.Level.WARNING, "stopping the embedded Redis failed: {0}", e.toString());
      return Future.succeededFuture();
    });
  }

  /** The node's database, or null when no role of this node needs one (or before start). */
  public Database database() {
    return database;
  }

  public HealthRegistry health() {
    return health;
  }

  /** The deployed stage instances, in deployment order (for tests and health). */
  public List<Deployable> stages() {
    return List.copyOf(stages);
  }
}
