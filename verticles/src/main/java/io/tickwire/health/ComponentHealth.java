package io.tickwire.health;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one component reports: its status, a human-readable detail (why it is degraded, what it is connected
 * to), and numeric gauges such as queue depth and drop counts.
 */
public record ComponentHealth(String name, Status status, String detail, Map<String, Number> gauges) {
  public ComponentHealth {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
    gauges = java.util.Collections.unmodifiableMap(new TreeMap<>(gauges));
  }

  public static ComponentHealth ok(String name, String detail, Map<String, Number> gauges) {
    return new ComponentHealth(name, Status.OK, detail, gauges);
  }
}
