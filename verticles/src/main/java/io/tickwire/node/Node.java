package io.tickwire.node;

import io.tickwire.batcher.MicroBatcherVerticle;
import io.tickwire.bridge.BridgeVerticle;
import io.tickwire.cluster.Clustering;
import io.tickwire.cluster.IngestLock;
import io.tickwire.cluster.PartitionOwnership;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.connector.Source;
import io.tickwire.connector.SyntheticConnector;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.connector.venue.VenueConnector;
import io.tickwire.derived.DerivedVerticle;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Topology;
import io.tickwire.feature.FeatureVerticle;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.inference.RuleCatalogVerticle;
import io.tickwire.metrics.Metrics;
import io.tickwire.router.RouterVerticle;
import io.tickwire.store.Database;
import io.tickwire.redis.EmbeddedRedis;
import io.tickwire.redis.RedisSinkVerticle;
import io.tickwire.web.OpsVerticle;
import io.tickwire.web.WebVerticle;
import io.tickwire.sink.DerivedSinkVerticle;
import io.tickwire.sink.PostgresSinkVerticle;
import io.tickwire.coverage.CoverageVerticle;
import io.tickwire.flow.Clock;
import java.util.function.LongSupplier;
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
 * One tickwire node: deploys the stages of its roles, consumers before producers so nothing is sent before it can be
 * received. First comes its HTTP server ({@link WebVerticle} with the web role, else {@link OpsVerticle}, both
 * serving {@code /live}, {@code /health}, {@code /ready} and {@code /metrics}), then the printer, the sinks, the
 * compute stages and last the router and the sources. {@code /ready} answers 503 until every stage is up.
 *
 * <p>{@link #stop} is the graceful shutdown, in this order:
 * <ol>
 *   <li>{@code /ready} turns 503 ({@code waiting_for: {"node": "stopping"}}) before anything stops, so load balancers
 *   stop routing to the node while it drains; {@code /health} and {@code /metrics} keep answering.</li>
 *   <li>The stages stop in the reverse order of deployment, each draining what it holds downstream before the next
 *   stops: the sources (connectors, TCP ingest) first, then the router; in a cluster the partition ownership hands
 *   its partitions back, flushed; the batchers emit their open windows, then features and inference; the sinks
 *   (and the periodic batch jobs) flush to PostgreSQL and Redis; the printer flushes its output; the HTTP server
 *   closes last.</li>
 *   <li>The database closes and an embedded Redis stops ({@link #releaseServers}).</li>
 * </ol>
 * Leaving the cluster is the caller's last step: {@code tickwire run} closes the Vertx after {@link #stop}, which
 * leaves the Hazelcast cluster (the partition locks this node still held are released with it). The caller bounds
 * each of these waits; {@link #pendingStages} says what a stop that ran out of time was still waiting for.
 */
public final class Node {
  private static final System.Logger LOG = System.getLogger(Node.class.getName());
  /** The readiness hold of the node itself: while it starts and from the moment it stops. */
  static final String READINESS = "node";

  private final Vertx vertx;
  private final Settings settings;
  private final Set<Role> roles;
  private final List<String> printTopics;
  private final OutputStream printOut;
  private final LongSupplier wallClock;
  private final StageContext context;
  private final List<String> deployed = new ArrayList<>();
  private final List<Deployable> stages = new ArrayList<>();
  /** While stopping: how many stages, from the first deployed, have not finished stopping yet. */
  private volatile int stillRunning = -1;
  private final List<Future<Void>> finiteSources = new ArrayList<>();
  private final Promise<String> stopRequested = Promise.promise();
  private final HealthRegistry health;
  private Database database;
  private EmbeddedRedis embeddedRedis;
  private String redisUrl;
  private boolean unboundedSource;
  private final Clustering.Member member;
  private long clusterHealthTimer = -1;

  /** A node on its own: its producers feed the consumer groups of its own roles. */
  public static Builder local(Vertx vertx, Settings settings, Set<Role> roles) {
    return new Builder(vertx, null, settings, roles);
  }

  /**
   * A node of a cluster: {@code member} is its membership (health lists the cluster's nodes), and its producers also
   * feed the groups of the roles that run on other nodes ({@code cluster.roles}).
   */
  public static Builder clustered(Clustering.Member member, Settings settings, Set<Role> roles) {
    return new Builder(member.vertx(), member, settings, roles);
  }

  private Node(Builder b) {
    this.vertx = b.vertx;
    this.member = b.member;
    this.health = new HealthRegistry();
    this.settings = b.settings;
    this.roles = Set.copyOf(b.roles);
    this.printTopics = resolveAll(b.printAddresses, settings.pipeline().partitions());
    this.printOut = b.printOut;
    this.wallClock = b.wallClock;
    // In a cluster the other roles run on other nodes, and this node's producers must feed their groups too.
    Topology topology = PipelineTopology.of(settings, member == null ? this.roles : settings.cluster().roles(),
        printTopics);
    // Made here rather than as the builder's default, so that a node given its metrics builds no registry to drop.
    this.context = new StageContext(settings, topology, health, b.metrics == null ? new Metrics() : b.metrics);
  }

  private static List<String> resolveAll(List<String> addresses, int partitions) {
    Set<String> topics = new LinkedHashSet<>();
    for (String address : addresses) {
      topics.addAll(Addresses.resolve(address, partitions));
    }
    return List.copyOf(topics);
  }

  /** Opens the database and Redis when a role needs them, then deploys the stages; ready once they are all up. */
  public Future<Void> start() {
    health.notReady(READINESS, "starting");
    if (member != null) {
      clusterHealthTimer = HealthReports.every(vertx, health, this::clusterHealth);
      context.metrics().gauge(Metrics.CLUSTER_MEMBERS, "Cluster members this node sees, itself included",
          () -> member.nodes().size());
    }
    return claimIngest().compose(v -> openDatabase()).compose(v -> startRedis())
        .compose(v -> deployInOrder(stagesInOrder())).onSuccess(v -> health.ready(READINESS));
  }

  /**
   * In a cluster, an ingest node first takes the cluster's one ingest lock (held until it leaves the cluster), so a
   * second router never numbers the same partitions.
   */
  private Future<Void> claimIngest() {
    if (member == null || !roles.contains(Role.INGEST)) {
      return Future.succeededFuture();
    }
    return IngestLock.acquire(member, settings.cluster().name(), IngestLock.WAIT_MS).mapEmpty();
  }

  /** Who is in the cluster, and what this node does in it. */
  private ComponentHealth clusterHealth() {
    List<String> nodes = member.nodes();
    return ComponentHealth.ok("cluster", "node " + member.nodeId() + " of " + nodes.size() + " " + nodes
        + "; roles " + roles, Map.of("members", nodes.size()));
  }

  private Future<Void> openDatabase() {
    // Sinks write to it and keep the rules in it, the API reads it. Inference gets its rules over the event bus, so a
    // compute-only node opens none (and with embedded defaults starts no PostgreSQL).
    if (!roles.contains(Role.PERSIST) && !roles.contains(Role.WEB)) {
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
    // First, so it stops last: probes and scrapes reach the node until it is down.
    if (settings.web().enabled()) {
      order.add(roles.contains(Role.WEB) ? new WebVerticle(context, database) : new OpsVerticle(context));
    }
    if (!printTopics.isEmpty()) {
      PrintVerticle printer = new PrintVerticle(printTopics, printOut);
      printer.outputClosed().onSuccess(stopRequested::tryComplete);
      order.add(printer);
    }
    if (roles.contains(Role.PERSIST)) {
      order.add(new PostgresSinkVerticle(context, database));
      if (settings.coverage().enabled()) {
        order.add(new CoverageVerticle(context, database, wallClock));
      }
      if (settings.derived().enabled()) {
        order.add(new DerivedSinkVerticle(context, database));
      }
      order.addAll(io.tickwire.jobs.BatchJobs.stages(context, database));
      if (settings.inference().enabled()) {
        order.add(new RuleCatalogVerticle(context, database)); // before inference, which asks it for the rules
      }
    }
    if (redisSink()) {
      order.add(new RedisSinkVerticle(context, redisUrl));
    }
    if (roles.contains(Role.COMPUTE)) {
      if (inference()) {
        order.add(new InferenceVerticle(context, member == null ? "local" : member.nodeId()));
      }
      order.add(new FeatureVerticle(context));
      order.addAll(batchers());
    }
    if (roles.contains(Role.WEB) && settings.bridge().enabled()) {
      order.add(new BridgeVerticle(context)); // after the sinks and compute stages its inbound messages feed
    }
    if (roles.contains(Role.INGEST)) {
      if (settings.derived().enabled()) {
        order.add(new DerivedVerticle(context)); // reads every partition the router sends
      }
      // In a cluster, partitions move between compute nodes; the router's journal is what they rebuild from.
      order.add(new RouterVerticle(context, member != null));
      if (settings.synthetic().enabled()) {
        order.add(new SyntheticConnector(context));
      }
      if (settings.tcpIngest().enabled()) {
        order.add(new TcpIngestVerticle(context));
      }
      for (ConnectorSettings.Venue venue : settings.connectors().venues()) {
        order.add(new VenueConnector(context, venue));
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
      batchers.add(new MicroBatcherVerticle(context, i, instances, member != null));
    }
    List<Deployable> out = new ArrayList<>(batchers);
    if (member != null) {
      out.add(new PartitionOwnership(member, context, batchers));
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

  /**
   * Not ready from now on, then undeploys in the reverse order of deployment, each stage draining before the next
   * stops, then closes the database and embedded Redis (see the class comment for the whole order).
   */
  public Future<Void> stop() {
    health.notReady(READINESS, "stopping");
    vertx.cancelTimer(clusterHealthTimer);
    stillRunning = deployed.size();
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployed.size() - 1; i >= 0; i--) {
      String id = deployed.get(i);
      int left = i;
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> {
        LOG.log(System.Logger.Level.WARNING, "stopping a stage failed: {0}", e.toString());
        return Future.succeededFuture();
      }).onComplete(done -> stillRunning = left));
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

  /**
   * The stages a stop has not finished stopping, by class, in the order they stop: the first is the one it waits for.
   * Empty before a stop.
   */
  public List<String> pendingStages() {
    // A copy: the stop's event loop clears the list once the stop is done.
    List<Deployable> all = List.copyOf(stages);
    List<String> pending = new ArrayList<>();
    for (int i = Math.min(stillRunning, all.size()) - 1; i >= 0; i--) {
      pending.add(all.get(i).getClass().getSimpleName());
    }
    return pending;
  }

  /** The node's database, or null when no role of this node needs one (or before start). */
  public Database database() {
    return database;
  }

  public HealthRegistry health() {
    return health;
  }

  /** The node's metrics, which {@code /metrics} serves. */
  public Metrics metrics() {
    return context.metrics();
  }

  /** The deployed stage instances, in deployment order (for tests and health). */
  public List<Deployable> stages() {
    return List.copyOf(stages);
  }

  /** What a node is made of beyond its Vertx, settings and roles; each has a default. */
  public static final class Builder {
    private final Vertx vertx;
    private final Clustering.Member member;
    private final Settings settings;
    private final Set<Role> roles;
    private Metrics metrics;
    private List<String> printAddresses = List.of();
    private OutputStream printOut = OutputStream.nullOutputStream();
    private LongSupplier wallClock = Clock::nowMicros;

    private Builder(Vertx vertx, Clustering.Member member, Settings settings, Set<Role> roles) {
      this.vertx = vertx;
      this.member = member;
      this.settings = settings;
      this.roles = roles;
    }

    /**
     * The metrics the Vertx was built with ({@link io.tickwire.metrics.VertxMeters}), so that {@code /metrics} shows
     * Vert.x's event-bus and HTTP meters beside tickwire's; by default the node's own, without Vert.x's.
     */
    public Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    /**
     * Prints what passes {@code addresses} ({@code --print}, resolved with {@link Addresses#resolve}) to {@code out}
     * (stdout for the CLI); by default nothing is printed.
     */
    public Builder print(List<String> addresses, OutputStream out) {
      this.printAddresses = List.copyOf(addresses);
      this.printOut = out;
      return this;
    }

    /**
     * The wall clock (epoch µs) the node tells downtime by (the completeness ledger's not_running holes); tests move
     * it instead of waiting. By default the system clock.
     */
    public Builder wallClock(LongSupplier wallClock) {
      this.wallClock = wallClock;
      return this;
    }

    public Node build() {
      return new Node(this);
    }
  }
}
