package io.tickwire.health;

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
  /** Components holding readiness back, with what they wait for. */
  private final Map<String, String> notReady = new ConcurrentSkipListMap<>();

  public void report(ComponentHealth health) {
    latest.put(health.name(), health);
  }

  public void remove(String name) {
    latest.remove(name);
  }

  /**
   * Holds {@code /ready} back until {@link #ready} is called for {@code component}: e.g. a compute node until it owns
   * its share of the partitions. {@code waitingFor} says what for.
   */
  public void notReady(String component, String waitingFor) {
    notReady.put(component, waitingFor);
  }

  public void ready(String component) {
    notReady.remove(component);
  }

  /** What readiness still waits for, by component; empty when nothing holds it back. */
  public Map<String, String> waitingFor() {
    return Map.copyOf(notReady);
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
