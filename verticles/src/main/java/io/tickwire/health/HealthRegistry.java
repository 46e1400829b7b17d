package io.tickwire.health;

import io.tickwire.metrics.Metrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The latest health report of every component of a node. Components report from their own event loop whenever
 * their state changes (and periodically for gauges); readers take a consistent-enough snapshot from any thread.
 * Pushing reports, rather than polling components, keeps each component's state confined to its own thread.
 */
public final class HealthRegistry {
  private final Map<String, ComponentHealth> latest = new ConcurrentSkipListMap<>();
  private final Metrics metrics = new Metrics();

  /** The node's metrics: health says whether a component is well, metrics say how much it did. */
  public Metrics metrics() {
    return metrics;
  }

  public void report(ComponentHealth health) {
    latest.put(health.name(), health);
  }

  public void remove(String name) {
    latest.remove(name);
  }

  public ComponentHealth get(String name) {
    return latest.get(name);
  }

  /** Every component, by name, and the overall status: the worst of them (OK when there are none). */
  public Snapshot snapshot() {
    List<ComponentHealth> components = List.copyOf(latest.values());
    Status overall = Status.OK;
    for (ComponentHealth c : components) {
      if (c.status().compareTo(overall) > 0) {
        overall = c.status();
      }
    }
    return new Snapshot(overall, components);
  }

  public record Snapshot(Status status, List<ComponentHealth> components) {
  }
}
