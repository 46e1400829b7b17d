package io.tickwire.health;

import io.tickwire.config.Settings;
import io.tickwire.flow.Topology;
import io.tickwire.metrics.Metrics;
import java.util.Objects;

/**
 * What every stage of a node is built with: the node's settings, the consumer groups its producers feed, where it
 * reports its health and where it counts. Health and metrics are separate because they answer different questions
 * (is a component well, how much did it do). It lives in the lowest layer that sees all four, so that every stage,
 * and the node that builds them, may use it.
 */
public record StageContext(Settings settings, Topology topology, HealthRegistry health, Metrics metrics) {
  public StageContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(metrics, "metrics");
  }
}
