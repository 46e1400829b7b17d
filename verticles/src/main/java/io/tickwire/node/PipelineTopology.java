package io.tickwire.node;

import io.tickwire.batcher.MicroBatcherVerticle;
import io.tickwire.config.PipelineSettings;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.coverage.CoverageVerticle;
import io.tickwire.derived.DerivedVerticle;
import io.tickwire.sink.DerivedSinkVerticle;
import io.tickwire.feature.FeatureVerticle;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Topology;
import io.tickwire.router.RouterVerticle;
import io.tickwire.sink.PostgresSinkVerticle;
import java.util.List;
import java.util.Set;

/**
 * The lossless consumer groups of the pipeline, derived from configuration and a set of roles. On one node those
 * are the node's own roles; in a cluster they are {@code cluster.roles}, the roles that run anywhere in it, because a
 * producer must also feed the groups that run on other nodes.
 */
public final class PipelineTopology {
  /** The group name of {@code --print} and {@code tail} consumers. */
  public static final String PRINT = "print";

  private PipelineTopology() {
  }

  /** The pipeline's own links for {@code roles}, plus a {@link #PRINT} group on each topic in {@code printed}. */
  public static Topology of(Settings settings, Set<Role> roles, List<String> printed) {
    PipelineSettings pipeline = settings.pipeline();
    Topology topology = new Topology(pipeline.creditWindow(), pipeline.sendTimeoutMs(),
        pipeline.publishToObservers());
    topology.addGroup(Addresses.INGRESS, RouterVerticle.GROUP);
    topology.windowFor(PostgresSinkVerticle.GROUP, settings.sink().creditWindow());
    for (int p = 0; p < pipeline.partitions(); p++) {
      topology.addGroup(Addresses.ticks(p), MicroBatcherVerticle.GROUP);
      if (roles.contains(Role.PERSIST) && settings.persistTrades()) {
        topology.addGroup(Addresses.ticks(p), PostgresSinkVerticle.GROUP);
      }
      if (roles.contains(Role.PERSIST) && settings.coverage().enabled()) {
        topology.addGroup(Addresses.ticks(p), CoverageVerticle.GROUP);
      }
      if (roles.contains(Role.INGEST) && settings.derived().enabled()) {
        topology.addGroup(Addresses.ticks(p), DerivedVerticle.GROUP);
      }
    }
    if (roles.contains(Role.COMPUTE)) {
      topology.addGroup(Addresses.BARS, FeatureVerticle.GROUP);
      topology.addGroup(Addresses.BOOKS, FeatureVerticle.GROUP);
      if (!settings.batcher().shapes().infoBars().isEmpty()) {
        topology.addGroup(Addresses.BARS_INFO, FeatureVerticle.GROUP);
      }
      if (settings.inference().enabled()) {
        topology.addGroup(Addresses.FEATURES, InferenceVerticle.GROUP);
      }
    }
    if (roles.contains(Role.PERSIST)) {
      for (String topic : List.of(Addresses.BARS, Addresses.SIGNALS, Addresses.ANOMALIES, Addresses.BOOKS)) {
        topology.addGroup(topic, PostgresSinkVerticle.GROUP);
      }
      if (!settings.batcher().shapes().infoBars().isEmpty()) {
        topology.addGroup(Addresses.BARS_INFO, PostgresSinkVerticle.GROUP);
      }
    }
    if (roles.contains(Role.PERSIST)) {
      for (String topic : DerivedSinkVerticle.topics(settings.derived())) {
        topology.addGroup(topic, PostgresSinkVerticle.GROUP);
      }
    }
    for (String topic : printed) {
      topology.addGroup(topic, PRINT);
    }
    return topology;
  }
}
