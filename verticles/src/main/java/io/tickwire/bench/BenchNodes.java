package io.tickwire.bench;

import io.tickwire.cluster.Clustering;
import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.codecs.Codecs;
import io.tickwire.config.Settings;
import io.tickwire.metrics.Metrics;
import io.tickwire.metrics.VertxMeters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The nodes a bench runs: one node with every pipeline role, or two clustered nodes in this JVM (ingest and persist;
 * compute) whose batches cross the clustered event bus over loopback. The latency observer sits where bars and
 * signals are made; throughput is read where events are routed.
 */
final class BenchNodes {
  private static final long CLUSTER_STOP_TIMEOUT_S = 5;
  private static final int CLUSTER_PORT = 15701;

  private final List<Vertx> vertxes = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private Metrics ingestMetrics;
  private Settings settings;

  /** One node: ingest, compute and persist. */
  static BenchNodes single(BenchRun.SettingsSource source, List<String> overrides, LatencyObserver observer)
      throws Exception {
    BenchNodes out = new BenchNodes();
    out.settings = source.load(overrides);
    Metrics metrics = new Metrics();
    Vertx vertx = VertxMeters.vertx(metrics);
    Codecs.register(vertx);
    out.vertxes.add(vertx);
    Node node = Node.local(vertx, out.settings, EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST)).metrics(metrics)
        .build();
    out.nodes.add(node);
    out.ingestMetrics = metrics;
    return out.started(() -> {
      await(observer.start(vertx));
      await(node.start());
    });
  }

  /**
   * Two members: the ingest+persist node starts first (its embedded PostgreSQL is the one database), then the
   * compute node, which reaches that database for its rules and takes every partition.
   */
  static BenchNodes cluster(BenchRun.SettingsSource source, List<String> overrides, LatencyObserver observer)
      throws Exception {
    BenchNodes out = new BenchNodes();
    List<String> clustered = new ArrayList<>(overrides);
    clustered.addAll(List.of("cluster.name=bench-" + UUID.randomUUID(),
        "cluster.members=127.0.0.1:" + CLUSTER_PORT + ",127.0.0.1:" + (CLUSTER_PORT + 1), "cluster.host=127.0.0.1",
        "cluster.port=" + CLUSTER_PORT, "cluster.eventbus_host=127.0.0.1", "cluster.roles=ingest,compute,persist"));
    out.settings = source.load(clustered);
    return out.started(() -> {
      Node ingest = out.member(out.settings, EnumSet.of(Role.INGEST, Role.PERSIST));
      out.ingestMetrics = ingest.metrics();
      await(ingest.start());
      clustered.add("pg.url=" + ingest.database().embeddedUrl());
      Node compute = out.member(source.load(clustered), EnumSet.of(Role.COMPUTE));
      await(observer.start(out.vertxes.get(1)));
      await(compute.start());
    });
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Runs the start-up; if it fails half-way, stops what did start (an embedded database, say) first. */
  private BenchNodes started(Step startUp) throws Exception {
    try {
      startUp.run();
      return this;
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  /** A member built as {@code tickwire run --cluster} builds one: its metrics first, Vert.x's meters in them. */
  private Node member(Settings memberSettings, Set<Role> roles) throws Exception {
    Metrics metrics = new Metrics();
    Clustering.Member member = Clustering.join(memberSettings.cluster(), false, metrics);
    vertxes.add(member.vertx());
    Node node = Node.clustered(member, memberSettings, roles).metrics(metrics).build();
    nodes.add(node);
    return node;
  }

  /** The metrics of the node that routes events: where throughput and losses are read. */
  Metrics ingestMetrics() {
    return ingestMetrics;
  }

  Settings settings() {
    return settings;
  }

  /**
   * Stops the nodes. One node drains cleanly (sources first, sinks last). In a cluster the ingest node stops first
   * (its sources, then the router drained into the compute node), then the compute node, whose last bars no longer
   * have a database sink to go to: each stop is bounded, and the database is released regardless.
   */
  void stop() throws Exception {
    boolean clustered = nodes.size() > 1;
    for (Node node : nodes) {
      Future<Void> stopped = clustered ? node.stop().timeout(CLUSTER_STOP_TIMEOUT_S, TimeUnit.SECONDS) : node.stop();
      try {
        await(stopped);
      } catch (Exception e) {
        await(node.releaseServers());
      }
    }
    for (Vertx vertx : vertxes) {
      try {
        await(clustered ? vertx.close().timeout(CLUSTER_STOP_TIMEOUT_S, TimeUnit.SECONDS) : vertx.close());
      } catch (Exception e) {
        // a compute node whose stop timed out still has stages waiting for the gone database sink; the figures are
        // taken, and the JVM exits after the report
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get();
  }
}
